#!/usr/bin/env python3
"""Benchmark resc against the tools users would otherwise use, side by side
in one run, and write bench/RESULTS.md.

  python3 bench/bench.py [--resc build/resc] [--runs 15] [--out bench/RESULTS.md]
  python3 bench/bench.py --memory [--resc build/resc] [--out bench/RESULTS.md]

- a corpus of 1 000 documents made from the samples (replicated, each copy
  varied: resolution number, words swapped inside paragraphs), checked by
  `resc check` in one process and by `xmllint --noout --relaxng` (the same
  library doing schema validation only) on the same files;
- `resc build -t text` and `-t fo` on the largest sample against xsltproc
  running the project's stylesheets on the same (annotated) input;
- `resc build -t docx` against pandoc making a DOCX from the same content
  as Markdown;
- documents 10 and 100 times the largest sample, to show how cost grows;
- `resc diff` of the largest sample, ×1, ×10 and ×100, against an edited
  copy (a reworded, inserted, deleted or moved item in every twelve),
  beside `git diff --no-index --word-diff` on the two text views
  (`--only diff` runs this part alone);
- DOCX for the 1 000-document corpus: `resc build -t docx -d OUT -j 2` in
  one call against one pandoc run per document (and one resc process per
  document), per document (`--only batch` runs this part alone);
- `resc import` of the DOCX of the largest sample and of its ×10 and ×100
  versions against `pandoc -f docx -t native` reading the same files
  (`--only import` runs this part alone and prints its table).

--memory measures peak resident memory only (issue 13) and writes its
table as the section "Memory" of --out, leaving the rest as it is: each
command and format against the tool that does the same work with the same
library (`xmllint --relaxng` for check; `xsltproc` running the same
stylesheet on the tree `resc build -t annotated` gives, for text, fo and
docx), on the largest sample ×1, ×10 and ×100, on 100 000 items in one
section with an insertion at the top, and on the longest author name
allowed inherited by 5 000 marks (and one of a megabyte, which is refused).

Every time is the median of about --runs runs of the process, spawned
directly, taken in three rounds of a warm-up run and consecutive timed runs
per command (see measure_all); peak memory is the largest resident set of
one more run (GNU time). Nothing is timed in the tests:
this script measures, the table says what it measured.
"""
import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


GNU_TIME = "/usr/bin/time"


def run(cmd):
    """Runs CMD once; returns (seconds, exit status). Timed directly, with
    no wrapper: GNU time's own start-up (about 3 ms here) would be added to
    both tools and shrink every ratio towards 1."""
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, p.returncode


def peak_memory(cmd):
    """Peak resident set of CMD in MiB, from one run under GNU time, which
    forks the command itself: a child of this Python process would inherit
    Python's own resident set as its high-water mark."""
    with tempfile.NamedTemporaryFile("r") as mem:
        subprocess.run([GNU_TIME, "-f", "%M", "-o", mem.name, *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        lines = mem.read().split()
        kib = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return kib / 1024.0


ROUNDS = 5


def measure_all(cmds, runs, ok=(0,)):
    """[(median seconds, peak MiB)] for each of CMDS. Measured the way
    hyperfine does, one untimed warm-up run and then consecutive timed
    runs of a command, but in ROUNDS rounds that take the commands in
    turn: a change in the machine's load (a shared virtual machine's
    neighbours) then falls on all of them alike, and no command is timed
    right after another one has evicted it from the caches (pandoc's
    100 MB would cost resc's next run a few milliseconds)."""
    times = [[] for _ in cmds]
    per_round = max(1, -(-runs // ROUNDS))
    for _ in range(ROUNDS):
        for i, cmd in enumerate(cmds):
            for k in range(per_round + 1):
                t, rc = run(cmd)
                if rc not in ok:
                    raise SystemExit(f"{' '.join(cmd[:4])} … exited {rc}")
                if k:
                    times[i].append(t)
    return [(statistics.median(t), peak_memory(cmd)) for t, cmd in zip(times, cmds)]


def alternating(a, b, runs):
    """Median seconds of A and of B run strictly in turn: each run of A
    comes right after one of B, with the caches B left behind."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(run(a)[0])
        tb.append(run(b)[0])
    return statistics.median(ta), statistics.median(tb)


def measure(cmd, runs, ok=(0,)):
    """(median seconds of RUNS timed runs, peak MiB of a separate run)."""
    return measure_all([cmd], runs, ok)[0]


# ------------------------------------------------------------ corpus

def vary(text, rng, i):
    text = re.sub(r"<number>([^<]*)</number>", f"<number>{1000 + i}</number>", text, count=1)

    def swap(m):
        body = m.group(2)
        words = body.split(" ")
        plain = [k for k, w in enumerate(words) if w.isalpha()]
        if len(plain) >= 2 and rng.random() < 0.5:
            a, b = rng.sample(plain, 2)
            words[a], words[b] = words[b], words[a]
        return m.group(1) + " ".join(words) + m.group(3)

    return re.sub(r"(<p>)([^<]+)(</p>)", swap, text)


def make_corpus(folder, n=1000):
    samples = sorted(f for f in os.listdir(os.path.join(ROOT, "samples")) if f.endswith(".xml"))
    texts = [open(os.path.join(ROOT, "samples", f), encoding="utf-8").read() for f in samples]
    rng = random.Random(1)
    paths = []
    for i in range(n):
        path = os.path.join(folder, f"doc{i:04d}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(vary(texts[i % len(texts)], rng, i))
        paths.append(path)
    return paths


def enlarge(text, k):
    """The document with the sections of its preamble and operative part
    repeated K times; labels, ids and refs dropped so that it stays valid."""
    text = re.sub(r' (num|was|id)="[^"]*"', "", text)
    text = re.sub(r"<ref to=\"[^\"]*\"/>", "1", text)
    for part in ("preamble", "operative"):
        m = re.search(rf"(<{part}>)(.*?)(</{part}>)", text, re.S)
        if not m:
            continue
        body = m.group(2)
        head = ""
        if part == "preamble":
            a = re.search(r"<authority>.*?</authority>", body, re.S)
            if a:
                head, body = body[:a.end()], body[a.end():]
        text = text[:m.start(2)] + head + body * k + text[m.end(2):]
    return text


# ------------------------------------------------------------ diff

def edited(text, k):
    """A drafter's copy of TEXT: about one item in twelve reworded,
    inserted, deleted or moved within its section (seeded by K)."""
    import xml.etree.ElementTree as ET
    ns = "urn:resc:1"
    q = "{%s}" % ns
    ET.register_namespace("", ns)
    root = ET.fromstring(text.encode("utf-8"))
    rng = random.Random(k)
    sections = [s for s in root.iter(q + "section") if s.find(q + "item") is not None]
    items = [(s, i) for s in sections for i in s.findall(q + "item")]
    for s, item in rng.sample(items, max(1, len(items) // 12)):
        if item not in list(s):
            continue
        op = rng.choice(["reword", "reword", "insert", "delete", "move"])
        kids = [i for i in s if i.tag == q + "item"]
        if op == "reword":
            p = item.find(q + "p")
            if p is not None and p.text:
                words = p.text.split(" ")
                words[rng.randrange(len(words))] = "amended"
                p.text = " ".join(words)
        elif op == "insert":
            new = ET.Element(q + "item")
            ET.SubElement(new, q + "p").text = "a new item drafted for this proposal;"
            s.insert(list(s).index(item), new)
        elif op == "delete" and len(kids) > 1:
            s.remove(item)
        elif op == "move" and len(kids) > 1:
            s.remove(item)
            rest = [i for i in kids if i is not item]
            s.insert(list(s).index(rng.choice(rest)), item)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def bench_diff(resc, largest, tmp, runs):
    """[(k, MB, resc s, resc MiB, git s, git MiB, marked)] for ×1, ×10, ×100."""
    base = open(largest, encoding="utf-8").read()
    rows = []
    for k in (1, 10, 100):
        old, new = os.path.join(tmp, f"d{k}.old.xml"), os.path.join(tmp, f"d{k}.new.xml")
        with open(old, "w", encoding="utf-8") as f:
            f.write(enlarge(base, k) if k > 1 else re.sub(r' (num|was)="[^"]*"', "", base))
        with open(new, "w", encoding="utf-8") as f:
            f.write(edited(open(old, encoding="utf-8").read(), k))
        texts = []
        for x in (old, new):
            t = x[:-4] + ".txt"
            subprocess.run([resc, "build", "-t", "text", x, "-o", t], check=True,
                           stderr=subprocess.DEVNULL)
            texts.append(t)
        out = os.path.join(tmp, f"d{k}.diff.xml")
        (tr, mr), (tg, mg) = measure_all(
            [[resc, "diff", old, new, "-o", out],
             ["git", "diff", "--no-index", "--word-diff", *texts]], runs, ok=(0, 1))
        marked = subprocess.run([resc, "build", "-t", "text", out], capture_output=True,
                                check=True).stdout.decode().count("{+")
        rows.append((k, (os.path.getsize(old) + os.path.getsize(new)) / 1e6, tr, mr, tg, mg,
                     marked))
    return rows


def diff_table(rows, name):
    out = ["## resc diff against git diff --word-diff", "",
           f"{name} (×1) and its preamble and operative sections repeated (×10, ×100), "
           "against a copy with about one item in twelve reworded, inserted, deleted or "
           "moved. resc parses and validates both versions, matches the items, compares words "
           "and writes the marked document; `git diff --no-index --word-diff` compares the "
           "two text views (made beforehand, not timed).", "",
           "| size | MB (both) | resc diff | peak MiB | git diff --word-diff | peak MiB "
           "| resc / git | resc ms/MB | insertions marked |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for k, mb, tr, mr, tg, mg, marked in rows:
        out.append(f"| ×{k} | {mb:.2f} | {tr * 1000:.0f} ms | {mr:.1f} | {tg * 1000:.0f} ms "
                   f"| {mg:.1f} | {tr / tg:.2f} | {tr * 1000 / mb:.0f} | {marked} |")
    return out


# ------------------------------------------------------------ markdown for pandoc

def markdown_from_text(text):
    body = text.split("\n____________\n")[0]
    lines = []
    for line in body.split("\n"):
        if line:
            lines.append(line.replace("\t", " ").replace("*", "\\*") + "\n")
    return "\n".join(lines)


# ------------------------------------------------------------ report

def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, check=False)
        text = (out.stdout or out.stderr).decode(errors="replace").strip().splitlines()
        return text[0] if text else "?"
    except OSError:
        return "not installed"


def verdicts(rows, scale):
    """The table's figures set against what issue 6 asks."""
    check = next(r for r in rows if r[1].startswith("resc check ("))
    ratio = check[2] / check[5]
    docx = [(r[0], r[5] / r[2]) for r in rows if r[1] == "resc build -t docx"]
    low = min(docx, key=lambda d: d[1])
    # time per MB between the two largest sizes: flat when the cost is linear
    per_mb = {name: [t / size for k, size, *rest in scale for t in [rest[i]]]
              for name, i in (("check", 0), ("text", 3), ("docx", 5))}
    lines = [
        f"- `resc check` over the corpus: {ratio:.2f} × `xmllint --relaxng` "
        f"(at most 1.5, aim 1.2): {'met' if ratio <= 1.5 else 'NOT met'}.",
        f"- `resc build -t docx` against pandoc: {min(d[1] for d in docx):.1f} to "
        f"{max(d[1] for d in docx):.1f} times faster, the least for {low[0]} "
        f"(at least 10): {'met' if low[1] >= 10 else 'NOT met'}.",
        "- Time per MB at ×10 and ×100 (flat when cost grows linearly): " + "; ".join(
            f"{name} {v[1] * 1000:.0f} and {v[2] * 1000:.0f} ms/MB" for name, v in per_mb.items())
        + "."]
    return lines


def bench_import(resc, tmp, largest, runs):
    """[(k, MB of DOCX, resc import s, MiB, pandoc s, MiB)] for the DOCX
    (marked view, tracked changes) of LARGEST ×1, ×10, ×100. resc import
    includes checking its result; pandoc only reads the DOCX."""
    base = open(largest, encoding="utf-8").read()
    rows = []
    for k in (1, 10, 100):
        xml = os.path.join(tmp, f"imp{k}.xml")
        with open(xml, "w", encoding="utf-8") as f:
            f.write(enlarge(base, k) if k > 1 else base)
        docx = xml[:-4] + ".docx"
        subprocess.run([resc, "build", "-t", "docx", xml, "-o", docx], check=True,
                       stderr=subprocess.DEVNULL)
        (ti, mi), (tp, mp) = measure_all(
            [[resc, "import", docx, "-o", os.path.join(tmp, "imported.xml")],
             ["pandoc", "-f", "docx", "-t", "native", docx, "-o", os.path.join(tmp, "o.native")]],
            runs, ok=(0, 1))
        rows.append((k, os.path.getsize(docx) / 1e6, ti, mi, tp, mp))
    return rows


def import_table(rows, name):
    out = [f"## resc import against pandoc -f docx -t native ({name})", "",
           "The DOCX resc makes of the largest sample (marked view, tracked changes), and of "
           "the sample with its preamble and operative sections repeated 10 and 100 times. "
           "`resc import` reads the package, writes the XML and checks it; pandoc reads the "
           "package into its native form.", "",
           "| size | DOCX MB | resc import | peak MiB | pandoc | peak MiB | pandoc / resc "
           "| resc ms per MB |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for k, mb, ti, mi, tp, mp in rows:
        out.append(f"| ×{k} | {mb:.2f} | {ti * 1000:.0f} ms | {mi:.1f} | {tp * 1000:.0f} ms "
                   f"| {mp:.1f} | {tp / ti:.1f} | {ti * 1000 / mb:.0f} |")
    low = min(r[4] / r[2] for r in rows)
    out += ["", f"- `resc import` against pandoc: {low:.1f} times faster at the least "
            f"(at least 10): {'met' if low >= 10 else 'NOT met'}; time per MB of DOCX at ×10 "
            f"and ×100: {rows[1][2] * 1000 / rows[1][1]:.0f} and "
            f"{rows[2][2] * 1000 / rows[2][1]:.0f} ms (flat when linear).", ""]
    return out


# ------------------------------------------------------------ memory (issue 13)

def peak_and_time(cmd):
    """(peak resident MiB, seconds, exit status) of one run under GNU time."""
    with tempfile.NamedTemporaryFile("r") as mem:
        p = subprocess.run([GNU_TIME, "-f", "%M %e", "-o", mem.name, *cmd],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        fields = mem.read().split()
    return int(fields[-2]) / 1024.0, float(fields[-1]), p.returncode


def items_document(n, by="ATU", marks=0):
    """N items in one section, the first inserted (every later label
    changes); with MARKS, that many inserted items instead."""
    plain = "".join(f"<item><p>item number {i} of the section;</p></item>\n" for i in range(n))
    ins = "".join(f'<item change="ins"><p>inserted {i};</p></item>\n' for i in range(max(marks, 1)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<proposal xmlns="urn:resc:1" xml:lang="en" by="{by}">
<summary><p>Proposal.</p></summary>
<amendment action="MOD" ref="X/1">
<resolution><heading><number>1</number><title>Test</title></heading>
<preamble><authority>The Assembly,</authority>
<section><call>considering</call>
{ins}{plain}<item><p>last,</p></item>
</section></preamble>
<operative><section><call>resolves</call><item><p>to do.</p></item></section></operative>
</resolution><reasons><p>Because.</p></reasons></amendment></proposal>
"""


# what each resc command is compared with: the same work by the same library
TARGETS = {"check": 2.0, "text": 1.3, "fo": 1.3, "docx": 1.3}


def memory_rows(resc, tmp):
    rng = os.path.join(ROOT, "schema", "resc.rng")
    samples = [os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples"))
               if f.endswith(".xml")]
    largest = max(samples, key=os.path.getsize)
    base = open(largest, encoding="utf-8").read()
    inputs = []
    for k in (1, 10, 100):
        inputs.append((f"{os.path.basename(largest)} ×{k}", enlarge(base, k) if k > 1 else base))
    inputs.append(("100 000 items, one inserted at the top", items_document(100000)))
    inputs.append(("author of 1 024 bytes on 5 000 marks", items_document(10, "B" * 1024, 5000)))
    rows = []
    for label, doc in inputs:
        path = os.path.join(tmp, "in.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)
        size = os.path.getsize(path) / 1e6
        annotated = os.path.join(tmp, "annotated.xml")
        subprocess.run([resc, "build", "-t", "annotated", path, "-o", annotated], check=True,
                       stderr=subprocess.DEVNULL)
        out = os.path.join(tmp, "out")
        cmds = [("check", [resc, "check", "-q", path],
                 "xmllint --relaxng", ["xmllint", "--noout", "--relaxng", rng, path])]
        for fmt in ("text", "fo", "docx"):
            sheet = os.path.join(ROOT, "xslt", f"{fmt}.xsl")
            extra = ["--stringparam", "part", "document"] if fmt == "docx" else []
            cmds.append((f"build -t {fmt}", [resc, "build", "-t", fmt, path, "-o", out],
                         f"xsltproc {fmt}.xsl" + (" (part document)" if fmt == "docx" else ""),
                         ["xsltproc", "--stringparam", "view", "marked", *extra, "-o", out + "2",
                          sheet, annotated]))
        cmds.append(("build -t annotated", [resc, "build", "-t", "annotated", path, "-o", out],
                     None, None))
        for what, mine, tool, theirs in cmds:
            m, t, rc = peak_and_time(mine)
            if rc != 0:
                raise SystemExit(f"{' '.join(mine)} exited {rc}")
            o, ot = (peak_and_time(theirs)[:2] if theirs else (None, None))
            rows.append((label, size, what, m, t, tool, o, ot))
            print(rows[-1], flush=True)
    huge = os.path.join(tmp, "huge.xml")
    with open(huge, "w", encoding="utf-8") as f:
        f.write(items_document(10, "A" * (1 << 20), 50))
    refused = []
    for cmd in (["check", "-q", huge], ["build", "-t", "docx", huge, "-o", os.path.join(tmp, "h")]):
        m, t, rc = peak_and_time([resc, *cmd])
        refused.append((cmd[0] + (" -t docx" if cmd[0] == "build" else ""), m, t, rc))
    return rows, refused, os.path.getsize(huge) / 1e6


MEMORY_NOTE = """Every row meets its target. What it took (issue 13; the table before had
×1 `build -t text` at 1.36, ×1 `build -t docx` at 1.43 and ×100 `build -t
text` at 1.32): the heap is no longer made present up front (3 MB every
process held, used or not: `compiler/core/heap.c`); a DOCX is zipped with
zlib part by part as it is made (`render/zipwrite.c`) rather than by
libzip, which held every part and the whole archive and whose libcrypto
alone was 1.5 MB resident; a build's output is streamed into its file
rather than held as a string beside its tree (`render/render.c`,
`core/output.c`); the schema is freed once the check is done and the
analysis (184 bytes per element) once the tree is annotated, so that the
stylesheet run reuses their memory. What is left above the other tool is
the work it does not do: `check` holds the analysis and runs the rules
(1.38 at ×100, 1.63 on 100 000 items, against 2.0), and `build -t docx`
makes nine parts where xsltproc makes one. Every input grows linearly: the
annotated tree's MiB per MB fall with size, and an author of 1 024 bytes
(the most validation allows) on 5 000 marks costs text and FO nothing more
than one of 3 bytes; DOCX and the annotated tree print it on every mark,
as they must."""


def memory_section(resc):
    tmp = tempfile.mkdtemp(prefix="resc-bench-mem-")
    try:
        rows, refused, huge_mb = memory_rows(resc, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = ["## Memory", "",
           f"Made by `python3 bench/bench.py --memory` on {time.strftime('%Y-%m-%d')}: peak "
           "resident memory (GNU time, one run each) of resc and of the tool doing the same work "
           "with the same library: `xmllint --noout --relaxng schema/resc.rng` for check, "
           "`xsltproc` running the same stylesheet (view marked) on the tree that `resc build -t "
           "annotated` gives for text, fo and docx (DOCX: its largest part, word/document.xml; "
           "resc makes all nine). resc's figure includes parsing, checking and annotating, which "
           "the other tool does not do. Targets (issue 13): check at most 2 × xmllint, builds at "
           "most 1.3 × xsltproc.", "",
           "| input | MB | command | resc peak MiB | time | other tool | peak MiB | time "
           "| resc / other | target |",
           "|---|---:|---|---:|---:|---|---:|---:|---:|---|"]
    for label, size, what, m, t, tool, o, ot in rows:
        key = what.split()[-1]
        target = TARGETS.get(key)
        if o:
            ratio = m / o
            verdict = f"{target} ({'met' if ratio <= target else 'NOT met'})" if target else ""
            out.append(f"| {label} | {size:.2f} | {what} | {m:.0f} | {t:.2f} s | {tool} | {o:.0f} "
                       f"| {ot:.2f} s | {ratio:.2f} | {verdict} |")
        else:
            out.append(f"| {label} | {size:.2f} | {what} | {m:.0f} | {t:.2f} s | | | | "
                       f"{m / size:.0f} MiB per MB | |")
    out += ["", f"An author name of a megabyte ({huge_mb:.2f} MB document, 50 marks) is refused by "
            "validation (`attribute 'by' of proposal is 1048576 bytes long; make it at most 1024 "
            "bytes [schema]`, exit status 1):", "",
            "| command | peak MiB | time | exit status |", "|---|---:|---:|---:|"]
    for what, m, t, rc in refused:
        out.append(f"| resc {what} | {m:.0f} | {t:.2f} s | {rc} |")
    return out + ["", MEMORY_NOTE]


def write_memory(resc, path):
    section = memory_section(resc)
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n"
    m = re.search(r"^## Memory\n.*?(?=^## |\Z)", text, re.S | re.M)
    body = "\n".join(section) + "\n"
    text = text[:m.start()] + body + ("\n" + text[m.end():] if m.end() < len(text) else "") \
        if m else text.rstrip("\n") + "\n\n" + body
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("\n".join(section))


def corpus_check_table(resc, runs, copies=50):
    """resc check against xmllint --relaxng on the real texts of
    samples/corpus/ (issue 10: at most 1.2x), each text copied COPIES times
    so that one process start weighs little, and on one file of all the
    texts' bodies repeated, to see growth."""
    folder = os.path.join(ROOT, "samples", "corpus")
    texts = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".xml"))
    schema = os.path.join(ROOT, "schema", "resc.rng")
    rows = ["| input | MB | resc check | xmllint --relaxng | resc / xmllint |",
            "|---|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory(prefix="resc-bench-") as tmp:
        files = []
        for k in range(copies):
            for t in texts:
                dst = os.path.join(tmp, f"{k}-{os.path.basename(t)}")
                shutil.copyfile(t, dst)
                files.append(dst)
        mb = sum(os.path.getsize(p) for p in files) / 1e6
        (tr, _), (tl, _) = measure_all([[resc, "check", "-q", *files],
                                        ["xmllint", "--noout", "--relaxng", schema, *files]], runs)
        rows.append(f"| {len(texts)} corpus texts x{copies} ({len(files)} files) | {mb:.1f} | "
                    f"{tr * 1000:.0f} ms | {tl * 1000:.0f} ms | {tr / tl:.2f} |")
    return rows


def timed_cpu(fn):
    """(wall seconds, CPU seconds of the child processes) of FN(): the CPU
    time counts what was computed, whatever else the machine is doing."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_pairs(cmds, jobs=2):
    """Runs CMDS, JOBS at a time (as resc -j 2 uses two processes)."""
    running = []
    for cmd in cmds:
        running.append((cmd, subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
        while len(running) == jobs or (cmd is cmds[-1] and running):
            done, p = running.pop(0)
            if p.wait() != 0:
                raise SystemExit(f"{' '.join(done[:4])} … failed")


def batch_table(resc, runs, n=1000):
    """DOCX for the 1 000-document corpus (issue 16): `resc build -d -j 2`
    in one call against one pandoc run per document (Markdown of the same
    amended text, two at a time), and one resc process per document. Wall
    clock and the children's CPU time, per document."""
    for tool in ("pandoc",):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install pandoc")
    tmp = tempfile.mkdtemp(prefix="resc-bench-")
    try:
        corpus = make_corpus(tmp, n)
        texts = os.path.join(tmp, "text")
        subprocess.run([resc, "build", "-q", "-t", "text", "--view", "amended", "-d", texts,
                        "-j", "2", *corpus], check=True, stderr=subprocess.DEVNULL)
        mds = []
        for path in corpus:
            stem = os.path.splitext(os.path.basename(path))[0]
            with open(os.path.join(texts, stem + ".txt"), encoding="utf-8") as f:
                md = markdown_from_text(f.read())
            mds.append(os.path.join(tmp, stem + ".md"))
            with open(mds[-1], "w", encoding="utf-8") as f:
                f.write(md)
        out = os.path.join(tmp, "docx")
        batch = [resc, "build", "-q", "-t", "docx", "-d", out, "-j", "2", *corpus]
        rows = []
        resc_runs = [timed_cpu(lambda: subprocess.run(batch, check=True, stderr=subprocess.DEVNULL))
                     for _ in range(max(1, runs // 5))]
        rows.append(("resc build -t docx -d OUT -j 2 (one call)",) + min(resc_runs))
        rows.append(("resc build -t docx -o, one process per document, two at a time",) + timed_cpu(
            lambda: in_pairs([[resc, "build", "-t", "docx", c, "-o", c[:-4] + ".docx"]
                              for c in corpus])))
        rows.append(("pandoc (Markdown → DOCX), one run per document, two at a time",) + timed_cpu(
            lambda: in_pairs([["pandoc", m, "-o", m[:-3] + ".pandoc.docx"] for m in mds])))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base_wall, base_cpu = rows[0][1], rows[0][2]
    table = [f"DOCX for the {n}-document corpus of the benchmark (`make_corpus`), per document; "
             "the resc batch is the best of its runs, the others one run each.", "",
             "| command | wall, per document | CPU, per document | wall / resc -d | CPU / resc -d |",
             "|---|---:|---:|---:|---:|"]
    for what, wall, cpu in rows:
        table.append(f"| {what} | {wall / n * 1000:.2f} ms | {cpu / n * 1000:.2f} ms "
                     f"| {wall / base_wall:.1f} | {cpu / base_cpu:.1f} |")
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resc", default=os.path.join(ROOT, "build", "resc"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    ap.add_argument("--only", choices=["diff", "import", "corpus", "batch"],
                    help="run one part and print its table")
    ap.add_argument("--memory", action="store_true", help="the memory table only (issue 13)")
    args = ap.parse_args()
    resc = os.path.abspath(args.resc)
    if args.memory:
        for tool in ("xmllint", "xsltproc", GNU_TIME):
            if not shutil.which(tool):
                raise SystemExit(f"{tool} is needed: apt-get install libxml2-utils xsltproc time")
        write_memory(resc, args.out)
        return
    samples = [os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples"))
               if f.endswith(".xml")]
    largest = max(samples, key=os.path.getsize)
    if args.only == "diff":
        with tempfile.TemporaryDirectory(prefix="resc-bench-") as tmp:
            print("\n".join(diff_table(bench_diff(resc, largest, tmp, args.runs),
                                       os.path.basename(largest))))
        return
    if args.only == "corpus":
        print("\n".join(corpus_check_table(resc, args.runs)))
        return
    if args.only == "batch":
        print("\n".join(batch_table(resc, args.runs)))
        return
    if args.only == "import":
        tmp = tempfile.mkdtemp(prefix="resc-bench-")
        try:
            print("\n".join(import_table(bench_import(resc, tmp, largest, args.runs),
                                         os.path.basename(largest))))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    for tool in ("xmllint", "xsltproc", "pandoc", GNU_TIME):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install libxml2-utils xsltproc pandoc time")
    tmp = tempfile.mkdtemp(prefix="resc-bench-")
    rows, scale, cold, imports = [], [], [], []
    try:
        corpus = make_corpus(tmp)
        mb = sum(os.path.getsize(p) for p in corpus) / 1e6
        # every copy is valid: warnings only
        (t_resc, m_resc), (t_resc2, m_resc2), (t_lint, m_lint) = measure_all(
            [[resc, "check", "-q", *corpus], [resc, "check", "-q", "-j", "2", *corpus],
             ["xmllint", "--noout", "--relaxng", os.path.join(ROOT, "schema", "resc.rng"),
              *corpus]], args.runs)
        rows.append(("check 1 000 documents", f"resc check ({mb:.1f} MB)", t_resc, m_resc,
                     "xmllint --noout --relaxng", t_lint, m_lint, mb))
        rows.append(("check 1 000 documents", "resc check -j 2", t_resc2, m_resc2,
                     "xmllint --noout --relaxng", t_lint, m_lint, mb))

        name = os.path.basename(largest)
        annotated = os.path.join(tmp, "annotated.xml")
        subprocess.run([resc, "build", "-t", "annotated", largest, "-o", annotated],
                       check=True, stderr=subprocess.DEVNULL)
        for fmt in ("text", "fo"):
            sheet = os.path.join(ROOT, "xslt", f"{fmt}.xsl")
            if not os.path.exists(sheet):
                continue
            (t1, m1), (t2, m2) = measure_all(
                [[resc, "build", "-t", fmt, largest, "-o", os.path.join(tmp, "o")],
                 ["xsltproc", "--stringparam", "view", "marked", "-o", os.path.join(tmp, "o2"),
                  sheet, annotated]], args.runs)
            rows.append((f"build -t {fmt} ({name})", f"resc build -t {fmt} (parse, check, render)",
                         t1, m1, f"xsltproc {fmt}.xsl (render only)", t2, m2, None))
        # DOCX against pandoc for every sample: start-up dominates both
        for sample in sorted(samples):
            sname = os.path.basename(sample)
            md = os.path.join(tmp, "doc.md")
            text = subprocess.run([resc, "build", "-t", "text", "--view", "amended", sample],
                                  capture_output=True, check=True).stdout.decode()
            with open(md, "w", encoding="utf-8") as f:
                f.write(markdown_from_text(text))
            (t1, m1), (t2, m2) = measure_all(
                [[resc, "build", "-t", "docx", sample, "-o", os.path.join(tmp, "o.docx")],
                 ["pandoc", md, "-o", os.path.join(tmp, "p.docx")]], args.runs)
            rows.append((f"build -t docx ({sname})", "resc build -t docx", t1, m1,
                         "pandoc (Markdown → DOCX)", t2, m2, None))
            cold.append((sname,) + alternating(
                [resc, "build", "-t", "docx", sample, "-o", os.path.join(tmp, "o.docx")],
                ["pandoc", md, "-o", os.path.join(tmp, "p.docx")], args.runs))

        base = open(largest, encoding="utf-8").read()
        for k in (1, 10, 100):
            path = os.path.join(tmp, f"x{k}.xml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(enlarge(base, k) if k > 1 else base)
            size = os.path.getsize(path) / 1e6
            (tc, mc), (tl, ml) = measure_all(
                [[resc, "check", "-q", path],
                 ["xmllint", "--noout", "--relaxng", os.path.join(ROOT, "schema", "resc.rng"),
                  path]], args.runs)
            tt, mt = measure([resc, "build", "-t", "text", path, "-o", os.path.join(tmp, "o")],
                             args.runs)
            td, md_ = measure([resc, "build", "-t", "docx", path, "-o",
                               os.path.join(tmp, "o.docx")], args.runs)
            scale.append((k, size, tc, mc, tl, tt, mt, td, md_))
        diffs = bench_diff(resc, largest, tmp, args.runs) if shutil.which("git") else []
        imports = bench_import(resc, tmp, largest, args.runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    out = ["# Benchmark results", "",
           f"Made by `python3 bench/bench.py` on {time.strftime('%Y-%m-%d')}: {machine()}.",
           f"resc {version([resc, '--version'])}; {version(['xmllint', '--version'])}; "
           f"{version(['xsltproc', '--version'])}; {version(['pandoc', '--version'])}.",
           f"Each time is the median of about {args.runs} runs (wall clock, whole process), "
           f"taken in {ROUNDS} rounds that take the commands compared in turn, each a warm-up run "
           "and consecutive timed runs; memory is the peak resident set.", "",
           "## resc against the other tools", "",
           "| task | resc | time | peak MiB | other tool | time | peak MiB | resc / other |",
           "|---|---|---:|---:|---|---:|---:|---:|"]
    for task, a, ta, ma, b, tb, mb_, size in rows:
        extra = f" ({size / ta:.1f} MB/s against {size / tb:.1f} MB/s)" if size else ""
        out.append(f"| {task} | {a} | {ta * 1000:.0f} ms | {ma:.1f} | {b} | {tb * 1000:.0f} ms "
                   f"| {mb_:.1f} | {ta / tb:.2f}{extra} |")
    out += ["", "## Growth with document size", "",
            f"The largest sample with its preamble and operative sections repeated.", "",
            "| size | MB | resc check | MB/s | xmllint --relaxng | check / xmllint | build -t text "
            "| build -t docx | peak MiB (check, text, docx) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for k, size, tc, mc, tl, tt, mt, td, md_ in scale:
        out.append(f"| ×{k} | {size:.2f} | {tc * 1000:.0f} ms | {size / tc:.1f} | {tl * 1000:.0f} ms "
                   f"| {tc / tl:.2f} | {tt * 1000:.0f} ms | {td * 1000:.0f} ms "
                   f"| {mc:.0f}, {mt:.0f}, {md_:.0f} |")
    out += ["", "## DOCX with cold caches", "",
            "The same two commands run strictly in turn, so that every resc run comes right "
            "after a pandoc run and finds the CPU caches full of pandoc's 100 MB: the case of "
            "an editor who ran something big just before.", "",
            "| sample | resc after pandoc | pandoc after resc | pandoc / resc |",
            "|---|---:|---:|---:|"]
    for sname, ta, tb in cold:
        out.append(f"| {sname} | {ta * 1000:.0f} ms | {tb * 1000:.0f} ms | {tb / ta:.1f} |")
    if diffs:
        out += [""] + diff_table(diffs, os.path.basename(largest))
    out += [""] + import_table(imports, os.path.basename(largest))
    out += ["", "## Against the targets of issue 6", ""] + verdicts(rows, scale) + [""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("\n".join(out))


if __name__ == "__main__":
    main()
