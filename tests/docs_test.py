#!/usr/bin/env python3
"""The documentation is tested as cmark tests its spec: every example
document and every shown command of docs/*.md is run, and what the page
shows must be exactly what resc prints.

Fenced blocks the test reads (the convention is described in
docs/README.md):

  ```xml file=NAME      the block is written to NAME in the page's working
                        directory (a later block of the same name replaces it);
                        any other language too (```text file=reasons.txt)
  ```diff apply         a unified diff (the edit a drafter makes), applied to
                        the file its "+++ NAME" line names; every context and
                        removed line must match
  ```console            "$ COMMAND" lines, each followed by exactly what it
                        prints (standard output and standard error as a
                        terminal shows them); a line ending in "\\" goes on
                        on the next; "$?" is the exit status of the command
                        before, so "$ echo $?" shows it

Each page runs in a directory of its own, where `samples` and `docs` are
the repository's, and `resc` is the resc under test. Blocks run in page
order. Other blocks (```xml fragments, plain ``` text) are prose, except
that a line of one that reads as a diagnostic ("error: … [rule]") must be a
message resc gives: one a document of tests/ expects (tests/invalid/, with
its .expected file), or one a command of the pages printed.

The registry: docs/rules.md has a section "## ID" for every rule id of
compiler/rules/ (and no other), and each section shows a command whose
output has a diagnostic "[ID]", but for the rules no document can break
(EXEMPT). A new rule without its section fails here.

Relative links of README.md and docs/*.md name files that exist, and a
link to docs/rules.md#ID names a section.

  docs_test.py RESC REPO            run
  docs_test.py RESC REPO update     rewrite the shown output of every
                                    command with what resc prints (review
                                    the diff before committing it)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from testlib import check, finish

# Rules no document can break: what each section says instead.
EXEMPT = {
    "internal": "resc itself failing is not something a document can do",
    "pdf": "FOP's warnings depend on the fonts of the machine",
}

FENCE = re.compile(r"^(```+|~~~+)\s*([^\n]*)$")
DIAG = re.compile(r"^(?:\S.*?: )?((?:error|warning): .*\[[a-z-]+\])$")


class Block:
    def __init__(self, page, line, info, lines):
        self.page, self.line, self.info, self.lines = page, line, info.split(), lines

    def where(self):
        return f"{os.path.basename(self.page)}:{self.line}"


def blocks(page):
    """The fenced blocks of PAGE, in order, and the page's lines."""
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i].strip())
        if not m:
            i += 1
            continue
        fence, indent = m.group(1), len(lines[i]) - len(lines[i].lstrip())
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            j += 1
        body = [l[indent:] if l[:indent].strip() == "" else l for l in lines[i + 1:j]]
        out.append(Block(page, i + 1, m.group(2), body))
        out[-1].indent = lines[i][:indent]
        i = j + 1
    return out, lines


def commands(block):
    """(command, expected output lines, index of the first output line) of
    a console block."""
    out, i, lines = [], 0, block.lines
    while i < len(lines):
        if not lines[i].startswith("$ "):
            check(f"{block.where()}: console line {i + 1} is under a command", False, lines[i])
            i += 1
            continue
        cmd = lines[i][2:]
        while cmd.endswith("\\") and i + 1 < len(lines):
            i += 1
            cmd = cmd + "\n" + lines[i]
        i += 1
        start = i
        while i < len(lines) and not lines[i].startswith("$ "):
            i += 1
        out.append((cmd, lines[start:i], start))
    return out


def apply_diff(block, work):
    """Applies the unified diff of BLOCK to the file it names."""
    target = next((l[4:].split("\t")[0].strip() for l in block.lines if l.startswith("+++ ")),
                  None)
    if not check(f"{block.where()}: the diff names its file (+++ NAME)", target):
        return
    path = os.path.join(work, target)
    if not check(f"{block.where()}: {target} exists to apply the diff to", os.path.isfile(path)):
        return
    with open(path, encoding="utf-8") as f:
        old = f.read().split("\n")
    new, at, i = [], 0, 0
    lines = block.lines
    while i < len(lines):
        m = re.match(r"^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@", lines[i])
        i += 1
        if not m:
            continue
        start = int(m.group(1)) - 1
        new += old[at:start]
        at = start
        while i < len(lines) and not lines[i].startswith("@@"):
            l = lines[i]
            tag, text = (l[:1], l[1:]) if l else (" ", "")
            if tag in " -":
                if not check(f"{block.where()}: line {at + 1} of {target} is as the diff says",
                             at < len(old) and old[at] == text,
                             f"diff: {text!r}\nfile: {old[at] if at < len(old) else None!r}"):
                    return
                at += 1
            if tag in " +":
                new.append(text)
            i += 1
    new += old[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(new))


def run(cmd, prev, work, env):
    """What CMD prints (standard output and error as a terminal shows
    them: both line-buffered, in one stream) and its exit status."""
    script = f"(exit {prev})\n{cmd}"
    shell = ["bash", "-c", script]
    if shutil.which("stdbuf"):
        shell = ["stdbuf", "-oL", "-eL"] + shell
    p = subprocess.run(shell, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=120)
    text = p.stdout.decode("utf-8", "replace")
    return (text[:-1] if text.endswith("\n") else text).split("\n") if text else [], p.returncode


def run_page(page, repo, env, quoted, update):
    """Runs the page's blocks; returns the number of documents and commands
    and what the commands printed under each "## " section. In update
    mode, rewrites the page with what the commands printed."""
    found, lines = blocks(page)
    docs = cmds = 0
    printed = {}  # "## section" -> the lines its commands printed
    replaced = []  # (first line, last line, new lines) of the page
    with tempfile.TemporaryDirectory() as work:
        for name in ("samples", "docs", "tests"):
            os.symlink(os.path.join(repo, name), os.path.join(work, name))
        prev = 0
        for b in found:
            kind = b.info[0] if b.info else ""
            opts = dict(o.split("=", 1) for o in b.info[1:] if "=" in o)
            if "file" in opts:
                with open(os.path.join(work, opts["file"]), "w", encoding="utf-8") as f:
                    f.write("\n".join(b.lines) + "\n")
                docs += 1
            elif kind == "diff" and "apply" in b.info:
                apply_diff(b, work)
                docs += 1
            elif kind == "console":
                section = section_of(lines, b.line)
                for cmd, want, at in commands(b):
                    got, prev = run(cmd, prev, work, env)
                    cmds += 1
                    check(f"{b.where()}: $ {cmd}", got == want,
                          "shown:\n" + "\n".join(want) + "\nprinted:\n" + "\n".join(got))
                    printed.setdefault(section, []).extend(got)
                    if update and got != want:
                        first = b.line + at  # index in the page of the first output line
                        replaced.append((first, first + len(want),
                                         [b.indent + l if l else l for l in got]))
            else:
                for l in b.lines:
                    m = DIAG.match(l)
                    if m:
                        quoted.append((b.where(), m.group(1)))
    if replaced:
        for first, last, got in reversed(replaced):
            lines[first:last] = got
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    return docs, cmds, printed


def section_of(lines, n):
    """The "## " heading above line N (1-based) of a page."""
    for l in reversed(lines[:n]):
        if l.startswith("## "):
            return l[3:].strip()
    return ""


def registry(repo):
    """The rule ids of compiler/rules/, in the registry's order."""
    ids = {}
    for path in glob.glob(os.path.join(repo, "compiler", "rules", "*.c")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for var, rid in re.findall(r"const struct rule (rule_\w+) = \{\s*\"([^\"]+)\"", text):
            ids[var] = rid
    with open(os.path.join(repo, "compiler", "rules", "registry.c"), encoding="utf-8") as f:
        table = re.search(r"rule_registry\[\] = \{(.*?)\};", f.read(), re.S).group(1)
    names = re.findall(r"&(rule_\w+)", table)
    check("every rule of the registry is defined in compiler/rules/",
          all(n in ids for n in names), str([n for n in names if n not in ids]))
    return [ids[n] for n in names if n in ids]


def invalid_messages(repo):
    """Every message (without 'file:line: ') the invalid documents give."""
    said = set()
    for path in glob.glob(os.path.join(repo, "tests", "**", "*.expected"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for line in f:
                said.add(re.sub(r"^[^:]+:\d+(:\d+)?: ", "", line.rstrip("\n")))
    return said


def check_rules_page(repo, ids, shown):
    with open(os.path.join(repo, "docs", "rules.md"), encoding="utf-8") as f:
        headings = re.findall(r"^## (.+)$", f.read(), re.M)
    sections = [h.strip() for h in headings]
    check("the registry has its rules", len(ids) >= 10, str(ids))
    for rid in ids:
        if not check(f"docs/rules.md has a section '## {rid}' for rule {rid}", rid in sections):
            continue
        if rid in EXEMPT:
            continue
        check(f"docs/rules.md#{rid} shows a command reporting [{rid}]",
              any(l.endswith(f"[{rid}]") for l in shown.get(rid, [])),
              "\n".join(shown.get(rid, [])))
    rule_like = [s for s in sections if re.fullmatch(r"[a-z-]+", s)]
    for s in rule_like:
        check(f"docs/rules.md: section '{s}' is a rule of the registry", s in ids)


def check_test_names(repo, pages, ids):
    """A test a page names by its rule and case (`label-forgotten-ins`)
    exists in tests/invalid or tests/valid."""
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        for rid in ids:
            for name in set(re.findall(rf"`({re.escape(rid)}-[a-z0-9-]+)`", text)):
                check(f"{os.path.basename(page)}: test {name} exists",
                      any(os.path.exists(os.path.join(repo, "tests", d, name + ".xml"))
                          for d in ("invalid", "valid")))


def check_options(resc, repo, env):
    """Every option of every command's --help is on docs/cli.md: in the
    synopsis lines of its command, and all its spellings in the page."""
    with open(os.path.join(repo, "docs", "cli.md"), encoding="utf-8") as f:
        page = f.read()
    synopsis = re.search(r"```\n(resc check.*?)```", page, re.S)
    if not check("docs/cli.md opens with the synopsis of every command", synopsis):
        return
    synopsis = synopsis.group(1)
    body = page.replace(synopsis, "")
    out = subprocess.run([resc, "--help"], capture_output=True, text=True, env=env).stdout
    names = re.findall(r"^  ([a-z]+)\s{2,}", out, re.M)
    check("resc --help lists the commands", len(names) >= 8, out)
    for name in names:
        text = subprocess.run([resc, name, "--help"], capture_output=True, text=True,
                              env=env).stdout
        usage = text.split("\n\n")[0]
        spellings = [re.findall(r"(--?[A-Za-z][\w-]*)", l.split("  ")[0])
                     for l in re.findall(r"^  (-\S.*?)(?:\s{2,}|$)", text, re.M)]
        spellings += [[o] for o in re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", usage)]
        lines = [l for l in synopsis.split("\n")
                 if re.search(rf"resc (\w+\|)*{name}\b", l)]
        # a synopsis entry goes on over the indented lines after it
        for i, l in enumerate(synopsis.split("\n")):
            if l in lines:
                for more in synopsis.split("\n")[i + 1:]:
                    if not more.startswith(" "):
                        break
                    lines.append(more)
        syn = "\n".join(lines)
        check(f"docs/cli.md: the synopsis names resc {name}", lines)
        check(f"docs/cli.md has a section '## {name}'", f"\n## {name}\n" in page)
        for spelled in spellings:
            if spelled in (["--help"], ["-h"]):
                continue
            check(f"docs/cli.md: the synopsis of resc {name} gives {' or '.join(spelled)}",
                  any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", syn) for o in spelled))
            for o in spelled:
                check(f"docs/cli.md tells what {o} of resc {name} does",
                      re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", body))


def check_links(repo, pages):
    anchors = {}
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        anchors[os.path.realpath(page)] = {slug(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"```.*?```", "", text, flags=re.S)  # links are in prose
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a URL
            path, _, anchor = target.partition("#")
            full = os.path.realpath(os.path.join(os.path.dirname(page), path) if path else page)
            if not check(f"{os.path.relpath(page, repo)}: link {target} names a file of the "
                         "repository", os.path.exists(full) and full.startswith(
                             os.path.realpath(repo) + os.sep)):
                continue
            if anchor and full in anchors:
                check(f"{os.path.relpath(page, repo)}: link {target} names a heading",
                      anchor in anchors[full])


def slug(heading):
    """The anchor GitHub, GitLab and pandoc give a heading."""
    h = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return h.replace(" ", "-")


def main():
    resc, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    update = sys.argv[3:] == ["update"]
    bindir = tempfile.mkdtemp()
    try:
        os.symlink(resc, os.path.join(bindir, "resc"))
        env = {"PATH": bindir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
               "LC_ALL": "C.UTF-8", "TZ": "UTC", "HOME": bindir}
        # a sanitizer build (CI runs the suite with one): keep its options,
        # and let stdbuf's preloaded library come before its runtime
        for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if var in os.environ:
                env[var] = os.environ[var]
        if "ASAN_OPTIONS" in os.environ:
            env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
        pages = sorted(glob.glob(os.path.join(repo, "docs", "*.md")))
        said = invalid_messages(repo)
        ndocs = ncmds = 0
        shown, quoted = {}, []
        for page in pages:
            d, c, diags = run_page(page, repo, env, quoted, update)
            ndocs, ncmds = ndocs + d, ncmds + c
            if os.path.basename(page) == "rules.md":
                shown = diags
            for lines in diags.values():
                said.update(m.group(1) for m in map(DIAG.match, lines) if m)
            print(f"{os.path.relpath(page, repo)}: {d} documents, {c} commands")
        for where, message in quoted:
            check(f"{where}: the message quoted is one resc gives (a document of tests/invalid "
                  f"or a command of the pages): {message}", message in said)
        check("the pages show documents and commands", ndocs >= 20 and ncmds >= 40,
              f"{ndocs} documents, {ncmds} commands")
        ids = registry(repo)
        check_rules_page(repo, ids, shown)
        check_test_names(repo, pages, ids)
        check_options(resc, repo, env)
        check_links(repo, pages + [os.path.join(repo, "README.md")])
        print(f"{ndocs} example documents, {ncmds} commands")
    finally:
        shutil.rmtree(bindir)
    finish()


if __name__ == "__main__":
    main()
