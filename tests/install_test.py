#!/usr/bin/env python3
"""resc as installed: `cmake --install`, the Debian package, the man page
and the bash completion.

  install_test.py install BUILD_DIR SOURCE_DIR
  install_test.py deb BUILD_DIR SOURCE_DIR
  install_test.py manpage RESC MANPAGE SOURCE_DIR

install: installs into a temporary prefix; from another directory, with
  no environment variable at all, the installed resc checks and builds a
  sample (DOCX and text); `man -l` renders the installed page and groff
  -ww warns of nothing; the schema (.rng, .rnc) and the completion are
  where editors and bash look; the completion completes commands, options
  and their values.
deb: cpack -G DEB makes the package; dpkg-deb shows its Depends (libc,
  libxml2, libxslt and libzip, which resc opens at run time) and its files;
  dpkg -i installs it into a temporary root, where it runs and builds a
  DOCX.
manpage: every option of every command, read from the command's getopt
  tables in compiler/cmd/*.c, is in the command's section of the page and
  in its --help; every command of `resc --help` has a section.
"""
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from testlib import check, finish

SAMPLE = "samples/res75-atu.xml"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def builds_sample(resc, src, where):
    """The installed RESC, run with an empty environment from a folder of
    its own, checks and builds the sample."""
    with tempfile.TemporaryDirectory() as cwd:
        shutil.copy(os.path.join(src, SAMPLE), cwd)
        r = run([resc, "check", "res75-atu.xml"], cwd=cwd, env={})
        check(f"{where}: check runs with no environment", r.returncode == 0, r.stdout + r.stderr)
        r = run([resc, "build", "-t", "docx", "res75-atu.xml", "-o", "out.docx"], cwd=cwd, env={})
        ok = r.returncode == 0 and zipfile.is_zipfile(os.path.join(cwd, "out.docx"))
        check(f"{where}: build -t docx (libzip loaded at run time)", ok, r.stderr)
        if ok:
            with zipfile.ZipFile(os.path.join(cwd, "out.docx")) as z:
                check(f"{where}: the DOCX holds the text", "Résolution 75".encode() in
                      z.read("word/document.xml") or b"R\xc3\xa9solution" in z.read("word/document.xml"))
        r = run([resc, "build", "-t", "text", "res75-atu.xml"], cwd=cwd, env={})
        check(f"{where}: build -t text", r.returncode == 0 and "RÉSOLUTION 75" in r.stdout, r.stderr)


def man_renders(page, where):
    env = {"PATH": "/usr/bin:/bin", "MANWIDTH": "80", "LANG": "C.UTF-8"}
    r = run(["man", "-l", page], env=env)
    check(f"{where}: man -l renders the page with no warning",
          r.returncode == 0 and not r.stderr and "resc check" in r.stdout, r.stderr[:2000])
    with gzip.open(page, "rt", encoding="utf-8") as f:  # installed compressed
        source = f.read()
    r = subprocess.run(["groff", "-ww", "-man", "-Tutf8", "-z"], input=source, env=env,
                       capture_output=True, text=True, check=False)
    check(f"{where}: groff -ww warns of nothing", r.returncode == 0 and not r.stderr, r.stderr[:2000])


def complete(completion, resc_dir, *words):
    """What the completion offers after WORDS (the last is being typed)."""
    words_s = " ".join(f"'{w}'" for w in words)
    script = (f"source '{completion}'; COMP_WORDS=({words_s}); COMP_CWORD={len(words) - 1}; "
              "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _resc; "
              "printf '%s\\n' \"${COMPREPLY[@]}\"")
    r = run(["bash", "--norc", "-c", script], env={"PATH": f"{resc_dir}:/usr/bin:/bin"})
    return r.stdout.split()


def completion_works(completion, bindir):
    check("completion: commands", {"check", "build", "import"} <= set(complete(completion, bindir, "resc", "")))
    check("completion: check's options", {"--werror", "--diagnostics=", "--jobs=", "--base"}
          <= set(complete(completion, bindir, "resc", "check", "--")))
    check("completion: -t's formats", complete(completion, bindir, "resc", "build", "-t", "d") == ["docx"])
    check("completion: --diagnostics values", set(complete(completion, bindir, "resc", "check",
                                                             "--diagnostics=")) == {"gcc", "json", "sarif"})


def test_install(build, src):
    with tempfile.TemporaryDirectory() as prefix:
        r = run(["cmake", "--install", build, "--prefix", prefix])
        check("cmake --install", r.returncode == 0, r.stdout + r.stderr)
        for f in ["bin/resc", "share/man/man1/resc.1.gz", "share/bash-completion/completions/resc",
                  "share/resc/resc.rng", "share/resc/resc.rnc"]:
            check(f"installed {f}", os.path.isfile(os.path.join(prefix, f)))
        for f in ["resc.rng", "resc.rnc"]:
            with open(os.path.join(prefix, "share/resc", f), "rb") as a, \
                    open(os.path.join(src, "schema", f), "rb") as b:
                check(f"share/resc/{f} is the schema", a.read() == b.read())
        builds_sample(os.path.join(prefix, "bin/resc"), src, "installed")
        man_renders(os.path.join(prefix, "share/man/man1/resc.1.gz"), "installed")
        completion_works(os.path.join(prefix, "share/bash-completion/completions/resc"),
                         os.path.join(prefix, "bin"))


def test_deb(build, src):
    with tempfile.TemporaryDirectory() as tmp:
        r = run(["cpack", "-G", "DEB", "-B", tmp], cwd=build)
        debs = glob.glob(os.path.join(tmp, "*.deb"))
        if not check("cpack -G DEB makes one package", r.returncode == 0 and len(debs) == 1,
                     r.stdout + r.stderr):
            return
        deb = debs[0]
        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout.strip()
        names = [d.strip().split()[0] for d in depends.split(",")]
        for want in ["libc6", "libxml2", "libxslt1.1"]:
            check(f"Depends names {want}", any(n == want or n.startswith(want + "t64") for n in names), depends)
        check("Depends names libzip's package, though resc opens it at run time",
              any(re.match(r"libzip\d", n) for n in names), depends)
        for n in names:  # the package installs here: every dependency is a real package
            st = run(["dpkg-query", "-W", "-f=${Status}", n]).stdout
            check(f"dependency {n} is a package installed on this machine", st.endswith("installed"), st)
        files = {l.split()[-1] for l in run(["dpkg-deb", "-c", deb]).stdout.splitlines()}
        for f in ["./usr/bin/resc", "./usr/share/man/man1/resc.1.gz", "./usr/share/resc/resc.rng",
                  "./usr/share/resc/resc.rnc", "./usr/share/bash-completion/completions/resc"]:
            check(f"the package holds {f}", f in files, sorted(files))
        check("the package holds nothing of the build", not any("CMake" in f or "/build" in f for f in files))
        root = os.path.join(tmp, "root")
        admin = os.path.join(root, "var/lib/dpkg")
        for d in ["info", "updates"]:
            os.makedirs(os.path.join(admin, d))
        open(os.path.join(admin, "status"), "w").close()
        # the root is empty: its libraries are the machine's, hence --force-depends
        args = ["dpkg", f"--root={root}", "--force-depends", "--force-script-chrootless"]
        if os.geteuid() != 0:
            args.append("--force-not-root")
        r = run(args + ["-i", deb])
        check("dpkg -i installs the package into a temporary root", r.returncode == 0, r.stdout + r.stderr)
        listed = run(["dpkg", f"--root={root}", "-L", "resc"]).stdout.split()
        check("dpkg lists its files", "/usr/bin/resc" in listed, listed)
        resc = os.path.join(root, "usr/bin/resc")
        r = run([resc, "--version"], env={})
        check("the packaged resc runs", r.returncode == 0 and r.stdout.startswith("resc "), r.stderr)
        builds_sample(resc, src, "from the .deb")
        man_renders(os.path.join(root, "usr/share/man/man1/resc.1.gz"), "from the .deb")


def getopt_tables(src):
    """{command: set of option spellings} from each cmd/*.c's getopt_long
    call and struct option table (-h/--help left out: every command has
    it). accept.c serves accept and reject."""
    found = {}
    for path in glob.glob(os.path.join(src, "compiler/cmd/*.c")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r'getopt_long\(argc, argv, "([^"]*)"', text)
        if not m:
            continue
        opts = {"-" + c for c in m.group(1) if c.isalnum() and c != "h"}
        opts |= {"--" + n for n in re.findall(r'\{"([a-z-]+)", *(?:no|required|optional)_argument', text)
                 if n != "help"}
        name = os.path.basename(path)[:-2]
        found[name] = opts
        if name == "accept":
            found["reject"] = opts
    return found


def sections(page):
    """{command: its subsection of the page, rendered to text}."""
    out, name = {}, None
    for l in page.splitlines():
        m = re.match(r"\.SS (\S+)", l)
        if m:
            name = m.group(1)
            out[name] = ""
        elif l.startswith(".SH"):
            name = None
        elif name:
            out[name] += l.replace("\\-", "-").replace("\\fB", "").replace("\\fR", "") + "\n"
    return out


def test_manpage(resc, manpage, src):
    with open(manpage, encoding="utf-8") as f:
        page = f.read()
    tables = getopt_tables(src)
    secs = sections(page)
    commands = re.findall(r"^  (\w+)  +\S", run([resc, "--help"]).stdout, re.M)
    check("every command of resc --help has a section", commands and set(commands) == set(secs),
          f"{commands} {list(secs)}")
    check("every command with a getopt table is a command", set(tables) == set(commands),
          f"{sorted(tables)} {commands}")
    for cmd, opts in sorted(tables.items()):
        check(f"{cmd}: the table has options", len(opts) >= 2, opts)
        helptext = run([resc, cmd, "--help"]).stdout
        for o in sorted(opts):
            pat = re.compile(re.escape(o) + r"(?![a-z-])")
            check(f"man page, section {cmd}: {o}", pat.search(secs.get(cmd, "")))
            check(f"resc {cmd} --help: {o}", pat.search(helptext))
        check(f"resc help {cmd} is resc {cmd} --help", run([resc, "help", cmd]).stdout == helptext)
        check(f"resc {cmd} --help has an example", "\nexample: resc " + cmd in helptext)
    for part in [".SH EXIT STATUS", ".SH DIAGNOSTICS", ".SH EXAMPLES", "\\-\\-version",
                 "\\-\\-diagnostics=sarif"]:
        check(f"the page has {part}", part in page)
    version = run([resc, "--version"]).stdout.split()[1]
    check("the page names resc's version", f'"resc {version}"' in page)


def main():
    mode = sys.argv[1]
    if mode == "install":
        test_install(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]))
    elif mode == "deb":
        test_deb(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]))
    else:
        test_manpage(os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4])
    finish()


if __name__ == "__main__":
    main()
