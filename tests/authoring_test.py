#!/usr/bin/env python3
"""Tests of the authoring commands: accept, reject, diff, fmt.

  authoring_test.py cases RESC TESTS_DIR        tests/{accept,reject,diff,fmt}/ cases
  authoring_test.py samples RESC SAMPLE...      diff(reject(S), accept(S)) gives S back
  authoring_test.py random RESC N SEED SAMPLE... N random edit scripts: diff(OLD, NEW)
  authoring_test.py fixlabels RESC SAMPLE...    fmt --fix-labels changes num/was only
  authoring_test.py base RESC SAMPLE...         new --base and check --base on each sample
  authoring_test.py linkrefs RESC SAMPLE...     fmt --link-refs on each sample
  authoring_test.py update RESC TESTS_DIR       rewrite the expected files (review the diff!)

Cases are data: accept/NAME.xml and reject/NAME.xml with NAME.expected.xml;
diff/NAME.old.xml, NAME.new.xml and NAME.expected.xml; fmt/OP-NAME.xml with
OP fix-labels, renumber-bis or renumber-sequence, and NAME.expected.xml.
"""
import concurrent.futures
import copy
import os
import random
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testlib import check, finish  # noqa: E402

NS = "urn:resc:1"
Q = "{%s}" % NS
ET.register_namespace("", NS)
WORD = re.compile(r"\w+")


def run(cmd, stdin=None):
    p = subprocess.run(cmd, capture_output=True, check=False, input=stdin)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def text(resc, path, view):
    rc, out, err = run([resc, "build", "-t", "text", "--view", view, path])
    # a resolved MOD or (MOD) amendment is a NOC: the rest must read the same
    return rc, re.sub(r"^(?:NOC|\(MOD\))(?=\t|$)", "MOD", out, flags=re.M), err


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ------------------------------------------------------------ cases

FMT_OPS = {"fix-labels": ["--fix-labels"], "renumber-bis": ["--renumber=bis"],
           "renumber-sequence": ["--renumber=sequence"], "link-refs": ["--link-refs"]}


def fmt_op(name):
    for op, args in FMT_OPS.items():
        if name.startswith(op + "-"):
            return args
    return None


def inputs(folder, suffix):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                  if f.endswith(suffix) and not f.endswith(".expected.xml"))


def views_equal(resc, marked, path, view, what):
    rc1, a, e1 = text(resc, marked, view)
    rc2, b, e2 = text(resc, path, "amended")
    return check(f"{what}: the {view} view is {os.path.basename(path)}", rc1 == 0 and rc2 == 0
                 and a == b, f"{e1}{e2}\n--- want\n{b}\n--- got\n{a}")


def no_errors(resc, path, what):
    rc, out, err = run([resc, "check", "-q", path])
    return check(f"{what}: checks without error", rc == 0, out + err)


def cases(resc, tests):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.xml")
        for cmd in ("accept", "reject"):
            for f in inputs(os.path.join(tests, cmd), ".xml"):
                want = read(f[:-4] + ".expected.xml")
                rc, _, err = run([resc, cmd, f, "-o", out])
                check(f"{cmd} {f}", rc == 0 and read(out) == want, err)
                inplace = os.path.join(tmp, "inplace.xml")
                with open(inplace, "wb") as w:
                    w.write(read(f))
                rc, _, err = run([resc, cmd, "-i", inplace])
                check(f"{cmd} -i {f}", rc == 0 and read(inplace) == want, err)
                no_errors(resc, out, f"{cmd} {f}")
        for f in inputs(os.path.join(tests, "diff"), ".old.xml"):
            stem = f[:-8]
            rc, _, err = run([resc, "diff", f, stem + ".new.xml", "-o", out])
            check(f"diff {stem}", rc == 0 and read(out) == read(stem + ".expected.xml"), err)
            views_equal(resc, out, f, "original", f"diff {stem}")
            views_equal(resc, out, stem + ".new.xml", "amended", f"diff {stem}")
            no_errors(resc, out, f"diff {stem}")
        for f in inputs(os.path.join(tests, "fmt"), ".xml"):
            args = fmt_op(os.path.basename(f))
            if not check(f"fmt case {f} is named after its operation", args is not None):
                continue
            rc, _, err = run([resc, "fmt", *args, f, "-o", out])
            check(f"fmt {args[0]} {f}", rc == 0 and read(out) == read(f[:-4] + ".expected.xml"),
                  err)
            rc, o, _ = run([resc, "check", "-q", out])
            check(f"fmt {args[0]} {f}: no label error left", "[label]" not in o, o)
            if args == ["--fix-labels"]:
                only_labels_changed(f, out, f"fmt {f}")
                again = os.path.join(tmp, "again.xml")
                run([resc, "fmt", *args, out, "-o", again])
                check(f"fmt {args[0]} {f} is idempotent", read(again) == read(out))


def update(resc, tests):
    for cmd in ("accept", "reject"):
        for f in inputs(os.path.join(tests, cmd), ".xml"):
            run([resc, cmd, f, "-o", f[:-4] + ".expected.xml"])
    for f in inputs(os.path.join(tests, "diff"), ".old.xml"):
        run([resc, "diff", f, f[:-8] + ".new.xml", "-o", f[:-8] + ".expected.xml"])
    for f in inputs(os.path.join(tests, "fmt"), ".xml"):
        run([resc, "fmt", *fmt_op(os.path.basename(f)), f, "-o", f[:-4] + ".expected.xml"])


# ------------------------------------------------------------ fix-labels

LABEL_ATTR = re.compile(rb"""\s+(?:num|was)\s*=\s*(?:"[^"]*"|'[^']*')""")


def only_labels_changed(before, after, what):
    """Every byte outside the num and was attributes is the same."""
    a, b = read(before), read(after)
    return check(f"{what}: every byte outside num and was is kept",
                 LABEL_ATTR.sub(b"", a) == LABEL_ATTR.sub(b"", b))


def fixlabels(resc, samples):
    """Each sample with its labels spoiled (and kept) is fixed by changing
    those attributes only."""
    with tempfile.TemporaryDirectory() as tmp:
        for s in samples:
            src = read(s)
            n = [0]

            def spoil(m):
                n[0] += 1
                return m.group(1) + b"zz" + m.group(2) if n[0] % 2 else m.group(0)

            spoiled = re.sub(rb"""(\s(?:num|was)\s*=\s*["'])[^"']*(["'])""", spoil, src)
            for name, data in (("kept", src), ("spoiled", spoiled)):
                path = os.path.join(tmp, f"{name}.xml")
                with open(path, "wb") as f:
                    f.write(data)
                out = os.path.join(tmp, f"{name}.fixed.xml")
                rc, _, err = run([resc, "fmt", "--fix-labels", path, "-o", out])
                if not check(f"fmt --fix-labels {s} ({name})", rc == 0, err):
                    continue
                only_labels_changed(path, out, f"fix-labels {s} ({name})")
                rc, o, _ = run([resc, "check", "-q", out])
                check(f"fix-labels {s} ({name}): no label error left", "[label]" not in o, o)
                if name == "kept":
                    # the samples' labels are right: nothing to change
                    check(f"fix-labels {s}: a correct file is left as it is", read(out) == src)


# ------------------------------------------------------------ samples

TOKEN = re.compile(r"\[-|-\]|\{\+|\+\}|\w+|[^\w\s]")


def marked_words(marked):
    """(word, mark) for every word and punctuation of a marked text view."""
    out, mark = [], ""
    for line in marked.split("\n"):
        for t in TOKEN.findall(line):
            if t in ("[-", "{+"):
                mark = t
            elif t in ("-]", "+}"):
                mark = ""
            else:
                out.append((t, mark))
    return out


def lcs_len(a, b):
    import difflib
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks())


def proposal_of(resc, s, old, new, tmp):
    """diff --proposal of the sample's resolution, rejected and accepted:
    a MOD amendment whose views are the sample's, checking clean."""
    ro, rn = os.path.join(tmp, "res-old.xml"), os.path.join(tmp, "res-new.xml")
    if not (resolution_of(old, ro) and resolution_of(new, rn)):
        return
    reasons, out = os.path.join(tmp, "reasons.txt"), os.path.join(tmp, "proposal.xml")
    with open(reasons, "w", encoding="utf-8") as f:
        f.write("The first reason.\n\nThe second\nreason.\n")
    rc, _, err = run([resc, "diff", "--proposal", "--by", "ATU", "--ref", "ATU/35A18/1",
                      "--reasons", reasons, ro, rn, "-o", out])
    name = os.path.basename(s)
    if not check(f"diff --proposal of {name}'s resolution", rc == 0, err):
        return
    root = ET.parse(out).getroot()
    am = root.find(Q + "amendment")
    marked = any(e.tag in (Q + "ins", Q + "del") or e.get("change") for e in root.iter())
    check(f"diff --proposal {name}: a proposal by ATU, {'MOD' if marked else 'NOC'} "
          "ATU/35A18/1 with two paragraphs of reasons",
          root.tag == Q + "proposal" and root.get("by") == "ATU" and am is not None
          and am.get("action") == ("MOD" if marked else "NOC")
          and am.get("ref") == "ATU/35A18/1"
          and len(am.findall(f"{Q}reasons/{Q}p")) == 2)
    no_errors(resc, out, f"diff --proposal {name}")
    for view, src in (("original", ro), ("amended", rn)):
        _, want, _ = text(resc, src, "amended")
        _, got, _ = text(resc, out, view)
        check(f"diff --proposal {name}: the {view} view holds the {view} resolution",
              want.split("\n")[0] in got and all(l in got for l in want.split("\n")), got)


def renumber_round_trip(resc, s, tmp):
    """--renumber=bis keeps the labels of the text in force; sequence
    gives the sample's own lettering back."""
    bis, seq = os.path.join(tmp, "bis.xml"), os.path.join(tmp, "seq.xml")
    name = os.path.basename(s)
    rc1, _, e1 = run([resc, "fmt", "--renumber=bis", s, "-o", bis])
    rc2, _, e2 = run([resc, "fmt", "--renumber=sequence", bis, "-o", seq])
    if not check(f"fmt --renumber=bis then sequence on {name}", rc1 == 0 and rc2 == 0, e1 + e2):
        return
    no_errors(resc, bis, f"--renumber=bis {name}")
    for view in ("original", "amended"):
        _, want, _ = text(resc, s, view)
        _, got, _ = text(resc, seq, view)
        check(f"--renumber=bis and back on {name}: the {view} view is the sample's", want == got,
              f"--- want\n{want}\n--- got\n{got}")
    _, want, _ = text(resc, s, "original")
    _, got, _ = text(resc, bis, "original")
    check(f"--renumber=bis on {name}: the original text keeps its labels", want == got)


def samples(resc, paths):
    total = same = 0
    with tempfile.TemporaryDirectory() as tmp:
        for s in paths:
            old, new, d = (os.path.join(tmp, x) for x in ("old.xml", "new.xml", "diff.xml"))
            run([resc, "reject", s, "-o", old])
            run([resc, "accept", s, "-o", new])
            rc, out, err = run([resc, "diff", old, new, "-o", d])
            if not check(f"diff(reject({s}), accept({s}))", rc == 0, err):
                continue
            for view in ("original", "amended"):
                _, want, _ = text(resc, s, view)
                _, got, _ = text(resc, d, view)
                check(f"{s}: the diff's {view} view, text and labels, is the sample's", want == got,
                      f"--- want\n{want}\n--- got\n{got}")
            no_errors(resc, d, f"diff of {s}")
            proposal_of(resc, s, old, new, tmp)
            renumber_round_trip(resc, s, tmp)
            _, want, _ = text(resc, s, "marked")
            _, got, _ = text(resc, d, "marked")
            a, b = marked_words(want), marked_words(got)
            if any(m for _, m in a):
                k = lcs_len(a, b)
                total += max(len(a), len(b))
                same += k
                print(f"{os.path.basename(s)}: {k} of {max(len(a), len(b))} words marked as "
                      f"the sample marks them ({100.0 * k / max(len(a), len(b), 1):.1f} %)")
    if total:
        share = 100.0 * same / total
        print(f"all samples: {share:.1f} % of words marked as the samples mark them")
        check("at least 95 % of words marked as the samples mark them", share >= 95.0)


# ------------------------------------------------------------ link-refs

def linkrefs(resc, paths):
    """Every citation of a sample's own items becomes a ref, its views
    unchanged; what is left is reported (the stale one of seed 001)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, again = os.path.join(tmp, "linked.xml"), os.path.join(tmp, "again.xml")
        for s in paths:
            name = os.path.basename(s)
            rc, _, err = run([resc, "fmt", "--link-refs", s, "-o", out])
            if not check(f"fmt --link-refs {name}", rc == 0, err):
                continue
            for view in ("original", "amended"):
                _, want, _ = text(resc, s, view)
                _, got, _ = text(resc, out, view)
                check(f"link-refs {name}: the {view} view reads the same", want == got,
                      f"--- want\n{want}\n--- got\n{got}")
            no_errors(resc, out, f"link-refs {name}")
            made = read(out).count(b"<ref ") - read(s).count(b"<ref ")
            rc, _, err2 = run([resc, "fmt", "--link-refs", out, "-o", again])
            same = [l.split(": ", 1)[-1] for l in err.splitlines()] == [
                l.split(": ", 1)[-1] for l in err2.splitlines()]
            check(f"link-refs {name}: nothing left to link the second time",
                  rc == 0 and read(again) == read(out) and same, err2)
            reported = [l for l in err.splitlines() if l.endswith("[stale-ref]")]
            print(f"{name}: {made} citation label(s) linked, {len(reported)} reported")
            if name == "res75-2.xml":
                check("link-refs res75-2.xml: 'points 1 et 2 du décide' linked", made == 2)
                check("link-refs res75-2.xml: the stale 'point i) du considérant' of seed 001 "
                      "is reported, not linked",
                      len(reported) == 1 and "point i) du considérant" in reported[0], err)


# ------------------------------------------------------------ new, check --base

def resolution_of(path, out):
    """The resolution of a proposal (or the document itself), as a file."""
    root = ET.parse(path).getroot()
    res = root if root.tag == Q + "resolution" else root.find(f"{Q}amendment/{Q}resolution")
    if res is None:
        return False
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        res.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    ET.ElementTree(res).write(out, encoding="UTF-8", xml_declaration=True)
    return True


def base(resc, paths):
    with tempfile.TemporaryDirectory() as tmp:
        for s in paths:
            old, in_force = os.path.join(tmp, "old.xml"), os.path.join(tmp, "in-force.xml")
            run([resc, "reject", s, "-o", old])
            if not resolution_of(old, in_force):
                continue  # a report: no text in force to amend
            name = os.path.basename(s)
            for action in ("NOC", "SUP", "MOD"):
                out = os.path.join(tmp, f"new-{action}.xml")
                rc, _, err = run([resc, "new", "--base", in_force, "--by", "ATU", "--ref",
                                  "ATU/1/1", "--action", action, "-o", out])
                if not check(f"new --action {action} on {name}", rc == 0, err):
                    continue
                rc, o, _ = run([resc, "check", "-q", out])
                errors = [l for l in o.splitlines() if ": error: " in l]
                want = ["[action]"] if action == "MOD" else []
                check(f"new --action {action} on {name}: checks clean"
                      + (" but for the MOD without marks" if want else ""),
                      [e[e.rindex("["):] for e in errors] == want, o)
                rc, o, _ = run([resc, "check", "-q", "--base", in_force, out])
                check(f"new --action {action} on {name}: its original text is the text in force",
                      "[base]" not in o, o)
            if s.endswith(".xml") and ET.parse(s).getroot().tag != Q + "proposal":
                continue
            rc, o, _ = run([resc, "check", "-q", "--base", in_force, s])
            check(f"check --base: {name} was drafted on its own original text", "[base]" not in o,
                  o)
            # the text in force moved on: one word, one item
            tree = ET.parse(in_force)
            ps = [p for p in tree.getroot().iter(Q + "p") if p.text and len(p.text.split()) > 3]
            p = ps[len(ps) // 2]
            p.text = p.text.replace(" ", " revised ", 1)
            sec, gone = next(((x, i) for x in tree.getroot().iter(Q + "section")
                              for i in x.findall(Q + "item")[1:] if len(x.findall(Q + "item")) > 2
                              and not has_id(i)),  # a ref to it would break the text in force
                             (None, None))
            if sec is not None:
                sec.remove(gone)
            newer = os.path.join(tmp, "newer.xml")
            tree.write(newer, encoding="UTF-8", xml_declaration=True)
            run([resc, "fmt", "--fix-labels", "-i", newer])  # its items relettered
            rc, o, _ = run([resc, "check", "-q", "--base", newer, s])
            found = [l for l in o.splitlines() if l.endswith("[base]")]
            check(f"check --base: {name} against a later text in force: the reworded paragraph "
                  "and the missing item", rc == 1 and len(found) == 1 + (sec is not None)
                  and any("revised'" in l for l in found)
                  and (sec is None or any("is not in the text in force" in l for l in found)), o)


# ------------------------------------------------------------ random edits

VOCAB = ("cooperation Member States development urgent digital standards report Council "
         "Union telecommunications sustainable coordination Secretary-General regional "
         "capacity building annual review experts guidelines").split()


def words(rng, n):
    return " ".join(rng.choice(VOCAB) if rng.random() < 0.8 else f"w{rng.randrange(1000)}"
                    for _ in range(n))


def nwords(el):
    return len(WORD.findall(" ".join(el.itertext())))


def has_id(el):
    return any(e.get("id") for e in el.iter())


class Editor:
    """Random edits on a clean document; counts the words they change."""

    def __init__(self, root, rng):
        self.root, self.rng, self.changed, self.log = root, rng, 0, []
        self.parent = {c: p for p in root.iter() for c in p}

    def body(self):
        """The parts edits may touch: not the heading (its note, history and
        authority must agree), not a proposal's cover text."""
        for e in self.root.iter():
            if e.tag in (Q + "preamble", Q + "operative", Q + "annex") or (
                    self.root.tag == Q + "report" and e.tag == Q + "section"):
                yield e

    def containers(self):
        seen = set()
        for part in self.body():
            for e in part.iter():
                if e.tag in (Q + "section", Q + "list") and id(e) not in seen and any(
                        c.tag == Q + "item" for c in e):
                    seen.add(id(e))
                    yield e

    def paragraphs(self):
        # not a footnote's own paragraphs: a footnote added there would nest
        notes = {p for part in self.body() for f in part.iter(Q + "footnote")
                 for p in f.iter(Q + "p")}
        return [p for part in self.body() for p in part.iter(Q + "p")
                if p not in notes and "".join(p.itertext()).strip()]

    def pick(self, seq):
        seq = list(seq)
        return self.rng.choice(seq) if seq else None

    def position(self, n):
        return self.rng.choice([0, n // 2, n])

    def insert_item(self):
        c = self.pick(self.containers())
        if c is None:
            return
        items = [i for i in c if i.tag == Q + "item"]
        first = list(c).index(items[0])
        at = first + self.position(len(items))
        item = ET.Element(Q + "item")
        p = ET.SubElement(item, Q + "p")
        p.text = words(self.rng, self.rng.randrange(3, 12)) + ";"
        c.insert(at, item)
        self.parent[item] = c
        self.changed += nwords(item)
        self.log.append("insert item")

    def delete_item(self):
        c = self.pick(c for c in self.containers()
                      if sum(i.tag == Q + "item" for i in c) >= 2)
        if c is None:
            return
        item = self.pick(i for i in c if i.tag == Q + "item" and not has_id(i))
        if item is None:
            return
        c.remove(item)
        self.changed += nwords(item)
        self.log.append("delete item")

    def move_item(self):
        c = self.pick(c for c in self.containers()
                      if sum(i.tag == Q + "item" for i in c) >= 2)
        if c is None:
            return
        item = self.pick(i for i in c if i.tag == Q + "item" and not has_id(i))
        if item is None:
            return
        c.remove(item)
        items = [i for i in c if i.tag == Q + "item"]
        first = list(c).index(items[0])
        c.insert(first + self.position(len(items)), item)
        self.changed += 2 * nwords(item)
        self.log.append("move item")

    def reword_text(self, el):
        """Changes one word (or the final punctuation) of a text of EL."""
        slots = [(e, "text") for e in el.iter() if e.text and WORD.search(e.text)
                 and e.tag != Q + "footnote"]
        slots += [(e, "tail") for e in el.iter() if e is not el and e.tail
                  and WORD.search(e.tail)]
        if not slots:
            return
        e, which = self.rng.choice(slots)
        s = getattr(e, which)
        spans = [m.span() for m in WORD.finditer(s)]
        a, b = self.rng.choice(spans)
        op = self.rng.choice(["replace", "insert", "delete", "punct"])
        if op == "punct" and s.rstrip()[-1:] in (";", ",", ".", ":"):
            end = len(s.rstrip())
            s = s[:end - 1] + self.rng.choice([x for x in ";,.:" if x != s[end - 1]]) + s[end:]
        elif op == "insert":
            w = words(self.rng, 1)
            s = s[:a] + w + " " + s[a:]
            self.changed += len(WORD.findall(w))
        elif op == "delete" and len(spans) > 1:
            s = s[:a] + s[b:].lstrip(" ") if a == 0 else s[:a].rstrip(" ") + s[b:]
            self.changed += 1
        else:
            w = "x" + words(self.rng, 1)
            s = s[:a] + w + s[b:]
            self.changed += 1 + len(WORD.findall(w))
        setattr(e, which, s)
        self.log.append(f"reword ({op})")

    def reword(self):
        p = self.pick(self.paragraphs())
        if p is not None:
            self.reword_text(p)

    def change_call(self):
        call = self.pick(c for part in self.body() for c in part.iter(Q + "call"))
        if call is not None:
            self.reword_text(call)

    def add_section(self):
        part = self.pick(e for e in self.body()
                         if e.tag in (Q + "preamble", Q + "operative"))
        if part is None:
            return
        secs = [s for s in part if s.tag == Q + "section"]
        if not secs:
            return
        sec = ET.Element(Q + "section")
        ET.SubElement(sec, Q + "call").text = words(self.rng, 2)
        for k in range(self.rng.randrange(1, 4)):
            ET.SubElement(ET.SubElement(sec, Q + "item"), Q + "p").text = \
                words(self.rng, self.rng.randrange(3, 10)) + ";"
        first = list(part).index(secs[0])
        part.insert(first + self.position(len(secs)), sec)
        self.changed += nwords(sec)
        self.log.append("add section")

    def remove_section(self):
        part = self.pick(e for e in self.body() if e.tag in (Q + "preamble", Q + "operative")
                         and sum(s.tag == Q + "section" for s in e) >= 2)
        if part is None:
            return
        sec = self.pick(s for s in part if s.tag == Q + "section" and not has_id(s))
        if sec is None:
            return
        part.remove(sec)
        self.changed += nwords(sec)
        self.log.append("remove section")

    def footnote(self):
        notes = [f for part in self.body() for f in part.iter(Q + "footnote")]
        op = self.rng.choice(["add", "reword", "remove"] if notes else ["add"])
        if op == "reword":
            self.reword_text(self.rng.choice(notes).find(Q + "p"))
            return
        if op == "remove":
            f = self.rng.choice(notes)
            holder = next(e for e in self.root.iter() if f in list(e))
            tail = f.tail or ""
            idx = list(holder).index(f)
            if idx:
                prev = holder[idx - 1]
                prev.tail = (prev.tail or "") + tail
            else:
                holder.text = (holder.text or "") + tail
            holder.remove(f)
            self.changed += nwords(f)
            self.log.append("remove footnote")
            return
        inside = {id(q) for f in notes for q in f.iter(Q + "p")}
        p = self.pick(q for q in self.paragraphs() if id(q) not in inside)
        if p is None:
            return  # footnotes do not nest
        f = ET.SubElement(p, Q + "footnote")
        ET.SubElement(f, Q + "p").text = words(self.rng, 4) + "."
        self.changed += nwords(f)
        self.log.append("add footnote")

    def edit(self):
        ops = [self.insert_item, self.delete_item, self.move_item, self.reword, self.reword,
               self.change_call, self.add_section, self.remove_section, self.footnote]
        for _ in range(self.rng.randrange(1, 5)):
            self.rng.choice(ops)()


def marked_count(path):
    """Words inside ins/del and inside blocks marked change= in a document."""
    root = ET.parse(path).getroot()
    n = 0

    def walk(e, marked):
        nonlocal n
        m = marked or e.tag in (Q + "ins", Q + "del") or e.get("change") in ("ins", "del")
        if m and e.text:
            n += len(WORD.findall(e.text))
        for c in e:
            walk(c, m)
            if marked and c.tail:
                n += len(WORD.findall(c.tail))
        return n

    walk(root, False)
    return n


def one_script(resc, base, old_text, k, seed, tmp):
    rng = random.Random(seed)
    tree = ET.parse(base)
    ed = Editor(tree.getroot(), rng)
    ed.edit()
    what = f"edit script {k} (seed {seed}, {os.path.basename(base)}: {', '.join(ed.log)})"
    new = os.path.join(tmp, f"new{k}.xml")
    d = os.path.join(tmp, f"diff{k}.xml")
    tree.write(new, encoding="UTF-8", xml_declaration=True)
    rc, _, err = run([resc, "diff", base, new, "-o", d])
    if not check(f"{what}: diff", rc == 0, err):
        return
    # build checks first: a view that renders is a document without error
    rc, got, err = text(resc, d, "original")
    check(f"{what}: checks clean and rejects to OLD", rc == 0 and got == old_text, err)
    rc, got, err = text(resc, d, "amended")
    _, want, _ = text(resc, new, "amended")
    check(f"{what}: accepts to NEW", rc == 0 and got == want, f"--- want\n{want}\n--- got\n{got}")
    marked = marked_count(d)
    check(f"{what}: marks no unchanged word ({marked} marked, {ed.changed} changed)",
          marked <= ed.changed)
    for f in (new, d):
        os.unlink(f)


def random_edits(resc, n, seed, paths):
    n, seed = int(n), int(seed)
    with tempfile.TemporaryDirectory() as tmp:
        bases = []
        for i, s in enumerate(paths):
            for cmd in ("reject", "accept"):
                b = os.path.join(tmp, f"base{i}-{cmd}.xml")
                rc, _, err = run([resc, cmd, s, "-o", b])
                if rc != 0:
                    continue
                # no num or was: NEW's items are then lettered by resc alone
                with open(b, "rb") as f:
                    data = LABEL_ATTR.sub(b"", f.read())
                with open(b, "wb") as f:
                    f.write(data)
                bases.append((b, text(resc, b, "amended")[1]))
        rng = random.Random(seed)
        jobs = [(rng.choice(bases), k, rng.randrange(1 << 30)) for k in range(n)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for f in [pool.submit(one_script, resc, b, t, k, s, tmp) for (b, t), k, s in jobs]:
                f.result()
    print(f"{n} edit scripts over {len(bases)} clean texts")


def main(argv):
    cmd, args = argv[1], argv[2:]
    if cmd == "cases":
        cases(*args)
    elif cmd == "update":
        update(*args)
        return 0
    elif cmd == "samples":
        samples(args[0], args[1:])
    elif cmd == "fixlabels":
        fixlabels(args[0], args[1:])
    elif cmd == "base":
        base(args[0], args[1:])
    elif cmd == "linkrefs":
        linkrefs(args[0], args[1:])
    elif cmd == "random":
        random_edits(args[0], args[1], args[2], args[3:])
    else:
        print(__doc__)
        return 2
    finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
