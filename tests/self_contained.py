#!/usr/bin/env python3
"""The repository stands alone: users clone it without anything beside it,
so no tracked file may name a path outside it (a sibling folder reached
with ../, or an absolute path of the machine the project was made on).

  self_contained.py REPO
"""
import os
import re
import subprocess
import sys

from testlib import check, finish

# ../NAME/ beside the repository root, and absolute paths of build machines
OUTSIDE = re.compile(rb"\.\./shared\b|/work/|/home/[a-z]")
# a document named as a user would look for it (VOCABULARY.md, bench/RESULTS.md):
# it must be one the repository has; NAME.md is a placeholder
DOCUMENT = re.compile(rb"\b([A-Z][A-Z0-9_-]*\.md)\b")


def tracked_files(repo):
    out = subprocess.run(["git", "-C", repo, "ls-files", "-z"], capture_output=True, check=True)
    return [f for f in out.stdout.decode().split("\0") if f]


def main():
    repo = sys.argv[1]
    if not os.path.isdir(os.path.join(repo, ".git")) and not os.path.isfile(os.path.join(repo, ".git")):
        print("not a git checkout: nothing to check")
        return 0
    files = tracked_files(repo)
    check("the repository tracks files", len(files) > 50, str(len(files)))
    offenders = []
    have = {os.path.basename(f).encode() for f in files} | {b"NAME.md"}
    for name in files:
        path = os.path.join(repo, name)
        if name == "tests/self_contained.py" or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            for n, line in enumerate(f, 1):
                if OUTSIDE.search(line) or any(d not in have for d in DOCUMENT.findall(line)):
                    offenders.append(f"{name}:{n}: {line.strip()[:100]!r}")
    check("no tracked file names a path outside the repository", not offenders,
          "\n".join(offenders[:20]))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
