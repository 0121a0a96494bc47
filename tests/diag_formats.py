#!/usr/bin/env python3
"""Every diagnostics format read back by a real parser (issue 18).

usage: diag_formats.py RESC

tests/diag/awkward-characters.xml makes libxml2 quote an attribute value
holding a quote, a backslash, a tab, a non-ASCII letter, a C1 control
(U+0085) and a bidi override (U+202E) in its message, and name an element
with non-ASCII letters. Each format must carry those characters so that
its parser gives them back exactly, and must never print the controls
raw (a terminal or a CI log would act on them):

- json: every line parses with Python's json module; the message decodes
  to the original characters;
- gcc: every line matches the problem matcher's pattern (FILE:LINE:
  SEVERITY: MESSAGE [RULE]); quote and non-ASCII as they are, backslash
  doubled, the controls written \\t, \\u0085, \\u202E;
- sarif (when resc has it): the log parses, and the result's message text
  is the original characters.
"""
import json
import os
import re
import subprocess
import sys

from testlib import check, finish

RESC = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
DOC = "awkward-characters.xml"
VALUE = "x\"y\\z\t\u00e9\u0085\u202e"
GCC = re.compile(r"^(.+?):(\d+):(?:(\d+):)? (error|warning|note): (.*) \[([a-z-]+)\]$")
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def run(fmt):
    p = subprocess.run([RESC, "check", "-q", f"--diagnostics={fmt}", DOC], cwd=os.path.join(HERE, "diag"),
                       capture_output=True, check=False)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


rc, out, err = run("json")
rows = []
try:
    rows = [json.loads(line) for line in out.splitlines()]
except json.JSONDecodeError as e:
    check("json: every line parses", False, f"{e}: {out}")
check("json: exit status 1 and four findings", rc == 1 and len(rows) == 4, out + err)
check("json: the quoted value decodes to the original characters",
      any(f"value '{VALUE}'" in r["message"] for r in rows), str([r["message"] for r in rows]))
check("json: the element name keeps its letters", any("é-lément" in r["message"] for r in rows))
check("json: no control character printed raw", not RAW.search(out.replace("\n", "")), repr(out))

rc, out, err = run("gcc")
lines = out.splitlines()
check("gcc: four lines, each FILE:LINE: SEVERITY: MESSAGE [RULE]",
      len(lines) == 4 and all(GCC.match(line) for line in lines), out)
check("gcc: quote and letters as they are, backslash doubled, controls escaped",
      "value 'x\"y\\\\z\\t\u00e9\\u0085\\u202E'" in out, repr(out))
check("gcc: no control character printed raw", not RAW.search(out.replace("\n", "")), repr(out))

rc, out, err = run("sarif")
if "sarif" in err and rc == 2:
    print("sarif: not a format of this resc; skipped")
else:
    try:
        log = json.loads(out)
        texts = [r["message"]["text"] for run_ in log["runs"] for r in run_["results"]]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        texts = []
        check("sarif: the log parses", False, f"{e}: {out[:500]}")
    check("sarif: the message text is the original characters",
          any(f"value '{VALUE}'" in t for t in texts), str(texts))
    check("sarif: no control character printed raw", not RAW.search(out.replace("\n", "")))
finish()
