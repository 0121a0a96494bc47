#!/usr/bin/env python3
"""Writes the man page resc.1 from its one source: the prose of
docs/resc.1.in and, for each subcommand, the usage text the command
itself prints (`resc COMMAND --help`, held in compiler/cmd/COMMAND.c),
so that the page and --help cannot disagree.

  manpage.py RESC TEMPLATE OUT

The template is roff; @VERSION@ is resc's version, @SYNOPSIS@ the
synopsis lines of `resc --help`, @COMMANDS@ a subsection per command,
@RULES@ the rules of the registry (as the SARIF log's driver lists them).
"""
import gzip
import json
import re
import subprocess
import sys


def run(resc, *args):
    r = subprocess.run([resc, *args], capture_output=True, text=True, check=True)
    return r.stdout


def roff(text):
    """TEXT escaped for roff, inside a line."""
    text = text.replace("\\", "\\e")
    text = text.replace("-", "\\-")
    # groff reads ASCII unless told otherwise: other characters as named
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)


def line(text):
    """One line of roff input: a leading . or ' would be a request."""
    text = roff(text)
    return "\\&" + text if text[:1] in (".", "'") else text


def commands(resc):
    """The commands in the order of `resc --help`, and its synopsis lines."""
    names, synopsis = [], []
    for l in run(resc, "--help").splitlines():
        m = re.match(r"(?:usage:)?\s+resc (\S+)(.*)", l)
        if m and l.lstrip().startswith(("usage:", "resc ")):
            synopsis.append((m.group(1), m.group(2).strip()))
        m = re.match(r"  (\w+)  +\S", l)
        if m:
            names.append(m.group(1))
    return names, synopsis


def split_usage(text):
    """A command's --help text in its parts: the synopsis lines, the
    description paragraphs, the options (spelling, description), the
    example lines and the exit status."""
    blocks = text.rstrip("\n").split("\n\n")
    # as printed, less the width of "usage: "
    synopsis = [l[len("usage: "):] for l in blocks[0].splitlines()]
    prose, options, example, status = [], [], [], []
    for b in blocks[1:]:
        lines = b.splitlines()
        if lines[0].startswith("  -"):
            for l in lines:
                m = re.match(r"  (-\S.*?)(?:  +(\S.*))?$", l)
                if m:
                    options.append([m.group(1), m.group(2) or ""])
                else:
                    options[-1][1] += " " + l.strip()
        elif lines[0].startswith("example:"):
            for l in lines:
                if l.startswith("exit status:"):
                    status.append(l[len("exit status: "):])
                elif status:
                    status.append(l)
                else:
                    example.append(l[len("example: "):])
        else:
            prose.append(lines)
    return synopsis, prose, options, example, " ".join(status)


def section(resc, name):
    usage, prose, options, example, status = split_usage(run(resc, name, "--help"))
    out = [f".SS {name}", ".PP", ".nf"]
    for s in usage:
        out.append(line(s) if s.startswith(" ") else f"\\fBresc {name}\\fR" + roff(s[len(f"resc {name}"):]))
    out.append(".fi")
    for p in prose:
        indented = [l for l in p if l.startswith("  ")]
        if indented and len(indented) == len(p):
            out += [".RS", ".nf"] + [line(l.strip()) for l in p] + [".fi", ".RE"]
            continue
        out.append(".PP")
        for l in p:
            if l.startswith("  "):
                out += [".RS", ".nf", line(l.strip()), ".fi", ".RE"]
            else:
                out.append(line(l))
    for spelling, what in options:
        out += [".TP", ".B " + roff(spelling), line(what)]
    if example:
        out += [".PP", "Example:", ".RS", ".nf"] + [line(l.rstrip()) for l in example] + [".fi", ".RE"]
    if status:
        out += [".PP", "Exit status: " + roff(status)]
    return out


def rules(resc):
    """The rules, from the registry as the SARIF driver lists it."""
    r = subprocess.run([resc, "check", "-q", "--diagnostics=sarif", "/dev/null"],
                       capture_output=True, text=True)
    out = []
    for rule in json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]:
        level = rule["defaultConfiguration"]["level"]
        out += [".TP", f".B {roff(rule['id'])}", f"({level}) " + line(rule["shortDescription"]["text"])]
    return out


def main():
    resc, template, out = sys.argv[1:4]
    names, synopsis = commands(resc)
    version = run(resc, "--version").split()[1]
    body = []
    for n in names:
        body += section(resc, n)
    syn = [f"\\fBresc {roff(cmd)}\\fR " + roff(rest) for cmd, rest in synopsis]
    with open(template, encoding="utf-8") as f:
        page = f.read()
    page = page.replace("@VERSION@", version)
    page = page.replace("@SYNOPSIS@", "\n".join(syn))
    page = page.replace("@COMMANDS@", "\n".join(body))
    page = page.replace("@RULES@", "\n".join(rules(resc)))
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    # what is installed: compressed, as Debian's policy (12.1) wants man
    # pages; no name or time in the header, so that builds are the same
    with open(out + ".gz", "wb") as f:
        f.write(gzip.compress(page.encode("utf-8"), compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()
