#!/usr/bin/env python3
"""Benchmark `resc compile` (issue 20) and write its section of bench/RESULTS.md.

  python3 bench/compile_bench.py [--resc build/resc] [--runs 5] [--out bench/RESULTS.md]
                                 [--no-callgrind]

Proposals are generated from the text in force of Resolution 75
(docs/examples/res75-2022.xml): each is the resolution with, at seeded random
places, a few words replaced (<del>/<ins>), sometimes an item inserted or
deleted, wrapped as a MOD amendment of its own administration (P001 …).
Many of them touch the same words and the same lists: the conflicts are
found and reported, as a real conference has them.

- one resolution compiled with 10, 25, 50 and 100 proposals: the time
  (median of --runs runs, wall clock, whole process), peak memory (GNU
  time) and, unless --no-callgrind, the instructions valgrind's callgrind
  counts, which do not depend on the machine's load: instructions per
  proposal stay flat when the time is linear in the number of proposals;
- a conference: 1 000 proposals over 50 resolutions (Resolution 75 renumbered
  1 … 50, 20 proposals each), compiled resolution by resolution, one process
  each, one after another; the total.

The section "Compile" of --out is replaced (or added); the rest is left as
it is.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "docs", "examples", "res75-2022.xml")
WORDS = ["notamment", "également", "pleinement", "régulièrement", "activement", "dûment",
         "mondiale", "régionale", "nationale", "durable", "inclusive", "numérique"]


def resolution(number):
    """The text in force, its number NUMBER, as a string without the XML declaration."""
    with open(BASE, encoding="utf-8") as f:
        text = f.read()
    text = text[text.index("<resolution"):]
    return text.replace("<number>75</number>", f"<number>{number}</number>", 1)


def mark_word(p_inner, rng):
    """A word of a paragraph's text replaced by another, marked."""
    words = [m for m in re.finditer(r"(?<=[ (])[a-zéèêàç]{5,}(?=[ ,;])", p_inner)]
    if not words:
        return p_inner
    m = rng.choice(words)
    new = rng.choice([w for w in WORDS if w != m.group(0)])
    return f"{p_inner[:m.start()]}<del>{m.group(0)}</del><ins>{new}</ins>{p_inner[m.end():]}"


def proposal(number, k, rng):
    """Proposal K (P001 …) to modify resolution NUMBER."""
    text = resolution(number)
    paras = [m for m in re.finditer(r"<p>([^<]*)</p>", text)]
    chosen = sorted(rng.sample(range(len(paras)), 3), reverse=True)
    for i in chosen:
        m = paras[i]
        text = text[:m.start(1)] + mark_word(m.group(1), rng) + text[m.end(1):]
    items = [m for m in re.finditer(r"<item><p>[^<]*</p></item>", text)]
    if items and rng.random() < 0.5:
        m = rng.choice(items)
        new = (f'<item change="ins"><p>que la proposition {k} de l\'administration P{k:03d} '
               f'devrait être examinée;</p></item>')
        text = text[:m.end()] + new + text[m.end():]
    elif items and rng.random() < 0.3:
        m = rng.choice(items)
        text = text[:m.start()] + m.group(0).replace("<item ", '<item change="del" ', 1) + \
            text[m.end():]
    text = text.replace("<resolution", "<resolution", 1)
    text = re.sub(r'<resolution[^>]*>', f'<resolution id="R{number}">', text, count=1)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<proposal xmlns="urn:resc:1" xml:lang="fr" by="P{k:03d}">\n'
            f'<amendment action="MOD" ref="P{k:03d}/1A1/{number}">\n{text}\n'
            f'<reasons><p>Mise à jour.</p></reasons></amendment></proposal>\n')


def write_set(tmp, number, count, seed):
    """The text in force NUMBER and COUNT proposals for it; their paths."""
    rng = random.Random(seed)
    base = os.path.join(tmp, f"res{number}.xml")
    with open(base, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + resolution(number))
    props = []
    for k in range(1, count + 1):
        path = os.path.join(tmp, f"res{number}-p{k:03d}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(proposal(number, k, rng))
        props.append(path)
    return base, props


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, check=False)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} … failed: {p.stderr.decode()[-2000:]}")
    return p


def timed(cmd, runs):
    run(cmd)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run(cmd)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_mib(cmd):
    p = run(["/usr/bin/time", "-v", *cmd])
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr.decode())
    return int(m.group(1)) / 1024 if m else float("nan")


def instructions(cmd, tmp):
    out = os.path.join(tmp, "callgrind.out")
    run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd])
    with open(out, encoding="utf-8") as f:
        m = re.search(r"^summary: (\d+)", f.read(), re.M)
    return int(m.group(1))


def one_resolution(resc, tmp, runs, callgrind):
    base, props = write_set(tmp, 75, 100, 1)
    rows = []
    for n in (10, 25, 50, 100):
        cmd = [resc, "compile", base, *props[:n], "-o", os.path.join(tmp, "out.xml")]
        diag = run(cmd).stderr.decode()
        conflicts = diag.count("[conflict]")
        ir = instructions(cmd, tmp) if callgrind else None
        rows.append((n, timed(cmd, runs), peak_mib(cmd), ir, conflicts))
        print(f"{n} proposals: {rows[-1]}", file=sys.stderr)
    return rows


def conference(resc, tmp):
    sets = [write_set(tmp, number, 20, number) for number in range(1, 51)]
    t = time.perf_counter()
    for number, (base, props) in enumerate(sets, 1):
        run([resc, "compile", base, *props, "-o", os.path.join(tmp, f"c{number}.xml")])
    return time.perf_counter() - t


def section(rows, total, callgrind):
    lines = ["## Compile", "",
             "`python3 bench/compile_bench.py`: proposals generated from the text in force of "
             "Resolution 75 (docs/examples/res75-2022.xml), each replacing three words and often "
             "inserting or deleting an item (see the script). Time: median of the runs, whole "
             "process; instructions: valgrind's callgrind, which the machine's load does not "
             "change.", "",
             "| proposals | time | peak MiB | instructions | instructions per proposal "
             "| conflicts reported |",
             "|---:|---:|---:|---:|---:|---:|"]
    for n, t, mib, ir, conflicts in rows:
        irs = f"{ir / 1e6:.0f} M" if ir else "–"
        per = f"{ir / n / 1e6:.1f} M" if ir else "–"
        lines.append(f"| {n} | {t * 1000:.0f} ms | {mib:.1f} | {irs} | {per} | {conflicts} |")
    lines += ["", f"A conference: 1 000 proposals over 50 resolutions (20 each), one "
              f"`resc compile` per resolution: {total:.2f} s in all.", ""]
    if not callgrind:
        lines.insert(-1, "(Instructions not counted: --no-callgrind.)")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resc", default=os.path.join(ROOT, "build", "resc"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    ap.add_argument("--no-callgrind", action="store_true")
    a = ap.parse_args()
    resc = os.path.abspath(a.resc)
    with tempfile.TemporaryDirectory() as tmp:
        rows = one_resolution(resc, tmp, a.runs, not a.no_callgrind)
        total = conference(resc, tmp)
    text = section(rows, total, not a.no_callgrind)
    old = open(a.out, encoding="utf-8").read() if os.path.exists(a.out) else ""
    m = re.search(r"^## Compile\n.*?(?=^## |\Z)", old, re.M | re.S)
    new = old[:m.start()] + text + old[m.end():] if m else old.rstrip("\n") + "\n\n" + text
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(new)
    print(text)


main()
