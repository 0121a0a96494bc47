#!/usr/bin/env python3
"""docs/mistakes.md quotes resc's messages: each quoted message must be one
that a document of tests/invalid/ gives (its .expected file holds it), and
each test the page names must exist, so the page cannot drift from what
resc prints.

  docs_mistakes.py DOCS/mistakes.md TESTS/invalid
"""
import os
import re
import sys

from testlib import check, finish


def main(page, folder):
    with open(page, encoding="utf-8") as f:
        text = f.read()
    expected = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".expected"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                expected[name[:-9]] = f.read().splitlines()
    # a diagnostic line without its "file:line[:col]: " prefix
    said = {re.sub(r"^[^:]+:\d+(:\d+)?: ", "", line) for lines in expected.values() for line in lines}
    quoted = re.findall(r"^((?:error|warning): .*)$", text, re.M)
    check("the page quotes messages", len(quoted) >= 10, str(len(quoted)))
    for q in quoted:
        check(f"quoted message is one resc gives: {q}", q in said)
    for name in set(re.findall(r"`((?:label|schema|ref|marks|xml)-[a-z0-9-]+)`", text)):
        check(f"test {name} exists", name in expected)
    finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
