#!/usr/bin/env python3
"""Compare a sample's marked-view text with the seed it encodes.

The seeds are plain text extracted from Word with the revision marks
flattened (deleted and inserted text side by side, no marker). So the
marked view is flattened the same way ([-x-]{+y+} becomes xy), footnote
bodies are moved to the end of the line that cites them (where Word's
extraction puts them), and Word artefacts ([bookmark: …],
[footnoteRef:N]) are dropped from the seed. The two are then compared
word by word; the score is the share of words in matching runs.

usage: seedcompare.py [--resc PATH] [--min RATIO] [--show] SAMPLE SEED
"""
import argparse
import difflib
import re
import subprocess
import sys


def flatten_output(text):
    lines = text.split("\n")
    notes = {}
    if "____________" in lines:
        cut = lines.index("____________")
        for line in lines[cut + 1:]:
            m = re.match(r"\[(\d+)\]\t(.*)", line)
            if m:
                notes[m.group(1)] = m.group(2)
            elif notes and line:
                last = list(notes)[-1]
                notes[last] += " " + line
        lines = lines[:cut]
    out = []
    for line in lines:
        tail = []
        for n in re.findall(r"\[(\d+)\]", line):
            tail.append(notes.get(n, ""))
        line = re.sub(r"\[(\d+)\]", " ", line)
        out.append(" ".join([line] + tail))
    text = "\n".join(out)
    for mark in ("[-", "-]", "{+", "+}"):
        text = text.replace(mark, "")
    return text


def clean_seed(text):
    text = re.sub(r"\[bookmark: [^\]]*\]", "", text)
    text = re.sub(r"\[footnoteRef:\d+\]\d*", " ", text)
    text = re.sub(r"\[\d+:\s*\d*\s", " ", text)  # opening of a footnote body
    return text


def words(text):
    out = []
    for w in text.split():
        if re.fullmatch(r"_+", w):
            continue
        out.append(w)
    return out


def compare(ours, seed):
    sm = difflib.SequenceMatcher(None, ours, seed, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    return matched / max(len(ours), len(seed), 1), sm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resc", default="build/resc")
    ap.add_argument("--min", type=float, default=0.98)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("sample")
    ap.add_argument("seed")
    args = ap.parse_args()
    out = subprocess.run([args.resc, "build", "-t", "text", "--view", "marked", args.sample],
                         capture_output=True, check=False)
    if out.returncode != 0:
        sys.stderr.write(out.stderr.decode())
        print(f"FAIL {args.sample}: resc exited {out.returncode}")
        return 1
    ours = words(flatten_output(out.stdout.decode()))
    with open(args.seed, encoding="utf-8") as f:
        seed = words(clean_seed(f.read()))
    # the seed's footnote body ends with "]": drop that bracket
    seed = [w[:-1] if w.endswith("]") and not w.endswith("[]") and "[" not in w else w
            for w in seed]
    seed = [w for w in seed if w]
    ratio, sm = compare(ours, seed)
    diffs = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if args.show or ratio < args.min:
        for tag, i1, i2, j1, j2 in diffs:
            print(f"  {tag:7} ours[{i1}:{i2}] {' '.join(ours[i1:i2])[:160]!r}"
                  f" seed[{j1}:{j2}] {' '.join(seed[j1:j2])[:160]!r}")
    verdict = "ok" if ratio >= args.min else "FAIL"
    print(f"{verdict} {args.sample}: {ratio:.4f} of {len(seed)} seed words match "
          f"({len(diffs)} differing runs, minimum {args.min})")
    return 0 if ratio >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
