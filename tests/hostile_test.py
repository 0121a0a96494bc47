#!/usr/bin/env python3
"""Hardening tests (the README's Safety section): hostile input, atomic output,
reproducible output, fuzz regressions, valgrind memcheck.

usage: hostile_test.py MODE RESC SAMPLES_DIR [DIR]
  hostile      each hostile input (generated in a temporary directory at
               run time: entity bombs, external and parameter entities,
               XInclude, remote DTDs, deep nesting, 60 MB of text, bad
               UTF-8, truncated, empty, binary, missing, a directory)
               through `check` and every `build -t` format: a diagnostic
               naming the line, exit status 1 or 2, under 10 s, nothing
               written, nothing fetched (a local listener counts
               connections), /etc/passwd nowhere; the same under strace
               (no socket, no file opened but the input, the output and
               system libraries); all at once through `check -j`; and an
               unwritable output for every format (exit status 2)
  atomic       -o for every format: written whole or not at all, an
               existing output never clobbered by a failed build, no
               temporary file left, an unwritable output is exit status 2
  repro        same input, same bytes in every format whatever the time,
               time zone, locale, environment and working directory
  regressions  every DIR/*.xml (crashes the fuzzer found) through `check`
               and every format and view: exit 0, 1 or 2, no sanitizer
               report
  valgrind     memcheck over every sample in every format (default view):
               no invalid access, nothing definitely or indirectly lost

Every run also fails on a sanitizer report or a death by signal (a resc
built with -DRESC_SANITIZE=ON gets ASAN_OPTIONS from tests/hostile.cmake).
`pdf` is among the formats when `fop` is on PATH. Prints "N passed, N
failed" last; exits 1 if anything failed.
"""
import base64
import glob
import hashlib
import os
import re
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time

from testlib import check, finish

MODE, RESC, SAMPLES = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
EXTRA = sys.argv[4] if len(sys.argv) > 4 else None
SAMPLE_FILES = sorted(glob.glob(os.path.join(SAMPLES, "*.xml")))
HAVE_FOP = shutil.which("fop") is not None
LIMIT = 10.0  # seconds a hostile input may take
PDF_LIMIT = 90.0  # when FOP really runs: a JVM start, slow on a loaded CI machine

# (label, options): every build format; docx twice, one per --docx-marks
FORMATS = [("text", ["-t", "text"]), ("docx", ["-t", "docx"]),
           ("docx-format", ["-t", "docx", "--docx-marks", "format"]),
           ("fo", ["-t", "fo"]), ("xml", ["-t", "xml"]), ("annotated", ["-t", "annotated"])]
if HAVE_FOP:
    FORMATS.append(("pdf", ["-t", "pdf"]))
EXT = {"text": "txt", "docx": "docx", "docx-format": "docx", "fo": "fo", "xml": "xml",
       "annotated": "xml", "pdf": "pdf"}
SANITIZER = re.compile(rb"(Address|Leak|UndefinedBehavior|Memory|Thread)Sanitizer|runtime error:")





class Run:
    def __init__(self, args, rc, out, err, seconds):
        self.args, self.rc, self.out, self.err, self.seconds = args, rc, out, err, seconds

    @property
    def text(self):
        return (self.out + self.err).decode("utf-8", "replace")

    def sane(self):
        """No sanitizer report, no death by signal."""
        return self.rc >= 0 and not SANITIZER.search(self.err) and not SANITIZER.search(self.out)


def run(args, cwd=None, env=None, timeout=300, prefix=(), preexec=None):
    t = time.monotonic()
    try:
        p = subprocess.run([*prefix, RESC, *args], capture_output=True, cwd=cwd, env=env,
                           timeout=timeout, preexec_fn=preexec, check=False)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = -999, e.stdout or b"", (e.stderr or b"") + b"\n(timed out)"
    return Run(args, rc, out, err, time.monotonic() - t)


def snapshot(root):
    """Every file and directory under ROOT, with size and modification time
    (contents for small files), to tell whether anything was written."""
    state = {}
    for d, dirs, files in os.walk(root):
        for name in dirs + files:
            p = os.path.join(d, name)
            st = os.lstat(p)
            if stat.S_ISDIR(st.st_mode):  # its entries are listed; a temporary made and removed changes its time
                state[os.path.relpath(p, root)] = ("dir",)
                continue
            key = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns, st.st_ino)
            if stat.S_ISREG(st.st_mode) and st.st_size < 1 << 20:
                with open(p, "rb") as f:
                    key += (hashlib.sha256(f.read()).hexdigest(),)
            state[os.path.relpath(p, root)] = key
    return state


def diff(before, after):
    added = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    return ", ".join(f"{w}: {' '.join(v)}" for w, v in
                     (("added", added), ("removed", gone), ("changed", changed)) if v)


def commands(path, outdir):
    """`check`, then every build format with -o an existing file in OUTDIR
    (it must survive), then docx with its default output (beside the input)."""
    yield "check", ["check", path]
    for label, opts in FORMATS:
        yield f"build {label}", ["build", *opts, path, "-o", os.path.join(outdir, f"prev.{EXT[label]}")]
    yield "build docx (default output)", ["build", "-t", "docx", path]


PASSWD = []
try:
    with open("/etc/passwd", "rb") as f:
        PASSWD = [line for line in f.read().splitlines() if len(line) >= 12][:5]
except OSError:
    pass


def leaked_passwd(data):
    return any(line in data for line in PASSWD)


# ------------------------------------------------------------ hostile inputs

class Listener:
    """A TCP server on 127.0.0.1 that counts connections: a DTD fetched
    over the network would show up here."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            c.sendall(b'HTTP/1.0 200 OK\r\nContent-Type: application/xml-dtd\r\n\r\n'
                      b'<!ENTITY fetched "FETCHED-OVER-THE-NETWORK">\n')
            c.close()


def sample_text():
    with open(os.path.join(SAMPLES, "council-res1334.xml"), encoding="utf-8") as f:
        return f.read()


def with_doctype(doc, doctype):
    """DOC (a sample) with DOCTYPE after its XML declaration."""
    if doc.startswith("<?xml"):
        end = doc.index("?>") + 2
        return doc[:end] + "\n" + doctype + doc[end:]
    return doctype + "\n" + doc


def in_first_p(doc, what):
    i = doc.index("<p>") + 3
    return doc[:i] + what + doc[i:]


def line_of(data, needle):
    return data[:data.index(needle)].count(b"\n") + 1


def hostile_cases(tmp, listener):
    """(name, path, statuses, line): LINE is the line the diagnostic must
    name, True for any line, None when the input has no line (I/O)."""
    doc = sample_text()
    src = os.path.join(tmp, "src")
    os.makedirs(src)

    def put(name, data):
        p = os.path.join(src, name + ".xml")
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    yield "billion-laughs", put("billion-laughs", with_doctype(
        in_first_p(doc, "&lol9;"), "<!DOCTYPE resolution [\n" + "\n".join(lol) + "\n]>")), {1}, 3
    yield "external-entity", put("external-entity", with_doctype(
        in_first_p(doc, "&xxe;"), '<!DOCTYPE resolution [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>')), {1}, 3
    yield "parameter-entity", put("parameter-entity", with_doctype(
        doc, '<!DOCTYPE resolution [\n<!ENTITY % p SYSTEM "file:///etc/passwd">\n%p;\n]>')), {1}, 3
    yield "parameter-entity-remote", put("parameter-entity-remote", with_doctype(
        doc, f'<!DOCTYPE resolution [\n<!ENTITY % p SYSTEM "http://127.0.0.1:{listener.port}/p.dtd">\n%p;\n]>')), {1}, 3
    xi = in_first_p(doc, '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                         'href="file:///etc/passwd" parse="text"/>')
    yield "xinclude", put("xinclude", xi), {1}, line_of(xi.encode(), b"<xi:include")
    # an external DTD would declare the entity the body uses: were it
    # fetched, the entity would resolve; it must not be
    remote = with_doctype(in_first_p(doc, "&fetched;"),
                          f'<!DOCTYPE resolution SYSTEM "http://127.0.0.1:{listener.port}/resc.dtd">')
    yield "remote-dtd", put("remote-dtd", remote), {1}, line_of(remote.encode(), b"&fetched;")
    unroutable = with_doctype(in_first_p(doc, "&fetched;"),
                              '<!DOCTYPE resolution PUBLIC "-//ITU//resc//EN" "http://10.255.255.1/resc.dtd">')
    yield "unroutable-dtd", put("unroutable-dtd", unroutable), {1}, line_of(unroutable.encode(), b"&fetched;")
    head = ('<resolution xmlns="urn:resc:1" xml:lang="en">\n<heading><number>1</number><title>T</title></heading>\n'
            '<preamble><section><call>considering</call>\n')
    tail = "\n</section></preamble></resolution>\n"
    n = 200_000
    yield "nested-inline", put("nested-inline", head + "<item><p>x" + "<em>" * n + "y" + "</em>" * n + ".</p></item>" + tail), {1}, 4
    n = 5000
    yield "nested-lists", put("nested-lists", head + "<item><p>x:</p><list>" * n + "<item><p>y.</p></item>" + "</list></item>" * n + tail), {1}, 4
    big = os.path.join(src, "text-60mb.xml")
    with open(big, "wb") as f:
        f.write((head + "<item><p>").encode())
        chunk = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1000
        for _ in range(60 * (1 << 20) // len(chunk) + 1):
            f.write(chunk)
        f.write(("</p></item>" + tail).encode())
    yield "text-60mb", big, {1}, 4
    # libxml2's other limits (10 000 000 bytes), just past them
    over = "x" * 10_000_001
    yield "attribute-10mb", put("attribute-10mb", head + f'<item id="{over}"><p>x.</p></item>' + tail), {1}, 4
    yield "comment-10mb", put("comment-10mb", head + f"<!--{over}--><item><p>x.</p></item>" + tail), {1}, 4
    yield "cdata-10mb", put("cdata-10mb", head + f"<item><p><![CDATA[{over}]]></p></item>" + tail), {1}, 4
    yield "whitespace-10mb", put("whitespace-10mb", head + "<item>" + " " * 10_000_001 + "<p>x.</p></item>" + tail), {1}, 4
    raw = doc.encode("utf-8")
    at = raw.index(b"<p>", len(raw) // 2) + 3
    bad = raw[:at] + b"caf\xc3\x28 \xff\xfe" + raw[at:]
    yield "invalid-utf8", put("invalid-utf8", bad), {1}, line_of(bad, b"caf\xc3\x28")
    overlong = raw[:at] + b"\xc0\xaf" + raw[at:]
    yield "overlong-utf8", put("overlong-utf8", overlong), {1}, line_of(overlong, b"\xc0\xaf")
    cut = raw[:len(raw) // 2]
    yield "truncated", put("truncated", cut), {1}, True
    yield "truncated-in-tag", put("truncated-in-tag", raw[:raw.index(b"<item", len(raw) // 2) + 3]), {1}, True
    yield "empty", put("empty", b""), {1}, 1
    yield "whitespace-only", put("whitespace-only", b"\n\n  \n"), {1}, True
    try:
        with open("/bin/true", "rb") as f:
            binary = f.read(4096)
    except OSError:
        binary = bytes(range(256)) * 16
    yield "binary", put("binary", binary), {1}, True
    yield "nul-bytes", put("nul-bytes", raw[:at] + b"\0\0\0" + raw[at:]), {1}, True
    yield "utf16-bom-then-utf8", put("utf16-bom-then-utf8", b"\xff\xfe" + raw), {1}, True
    yield "unknown-encoding", put("unknown-encoding", b'<?xml version="1.0" encoding="X-NO-SUCH"?>\n' + raw[raw.index(b"<resolution"):]), {1}, True
    yield "missing", os.path.join(src, "no-such-file.xml"), {2}, None
    os.makedirs(os.path.join(src, "a-directory.xml"))
    yield "directory", os.path.join(src, "a-directory.xml"), {2}, None


def mode_hostile():
    listener = Listener()
    with tempfile.TemporaryDirectory(prefix="resc-hostile-") as tmp:
        out = os.path.join(tmp, "out")
        tmpdir = os.path.join(tmp, "tmp")
        os.makedirs(out)
        os.makedirs(tmpdir)
        for label, _ in FORMATS:
            with open(os.path.join(out, f"prev.{EXT[label]}"), "wb") as f:
                f.write(b"an earlier good output\n")
        env = dict(os.environ, TMPDIR=tmpdir)
        # "no network": a network namespace of its own when unshare works
        nonet = ["unshare", "-n", "--"] if shutil.which("unshare") and subprocess.run(
            ["unshare", "-n", "true"], capture_output=True).returncode == 0 else []
        for name, path, statuses, line in hostile_cases(tmp, listener):
            base = os.path.basename(path)
            for what, args in commands(path, out):
                prefix = nonet if name == "unroutable-dtd" else ()
                before = snapshot(tmp)
                r = run(args, env=env, timeout=120, prefix=prefix)
                after = snapshot(tmp)
                tag = f"{name}: {what}:"
                if not check(f"{tag} exit status {sorted(statuses)}", r.rc in statuses and r.sane(),
                             f"status {r.rc}\n{r.text}"):
                    continue
                check(f"{tag} under {LIMIT:.0f} s", r.seconds < LIMIT, f"{r.seconds:.1f} s")
                check(f"{tag} nothing written", before == after, diff(before, after))
                if r.rc == 0:
                    continue
                if line is None:
                    check(f"{tag} a diagnostic", re.search(rf"{re.escape(base)}: error: .*\[io\]", r.text), r.text)
                else:
                    m = re.search(rf"{re.escape(base)}:(\d+)(:\d+)?: error: ", r.text)
                    check(f"{tag} a diagnostic naming the line", m and (line is True or int(m.group(1)) == line),
                          f"want line {line}\n{r.text}")
                check(f"{tag} /etc/passwd appears nowhere", not leaked_passwd(r.out + r.err), r.text)
                check(f"{tag} nothing fetched", listener.connections == 0 and b"FETCHED" not in r.out + r.err)
        if shutil.which("strace"):
            traced(tmp, env, listener)
        else:
            print("strace not found: what resc opens is not traced")
        # all of them in one `check`, in one process and with workers
        paths = [path for _, path, _, _ in hostile_cases(os.path.join(tmp, "batch"), listener)]
        for jobs in ("1", "2"):
            r = run(["check", "-j", jobs, *paths], env=env, timeout=120)
            named = [p for p in paths if f"{p}:" in r.text]
            check(f"all at once, check -j {jobs}: exit 2, a diagnostic for each file, under {LIMIT:.0f} s",
                  r.rc == 2 and r.sane() and len(named) == len(paths) and r.seconds < LIMIT,
                  f"status {r.rc}, {r.seconds:.1f} s, {len(named)}/{len(paths)} named\n{r.text[-2000:]}")
        shutil.rmtree(os.path.join(tmp, "batch"))
        # a DOCTYPE naming a remote DTD in an otherwise valid document is
        # harmless: checked without fetching anything
        remote = with_doctype(sample_text(), f'<!DOCTYPE resolution SYSTEM "http://127.0.0.1:{listener.port}/r.dtd">')
        p = os.path.join(tmp, "remote-dtd-valid.xml")
        with open(p, "w", encoding="utf-8") as f:
            f.write(remote)
        r = run(["check", p], env=env, timeout=120)
        check("remote DTD in a valid document: checked (exit 0), quickly, not fetched",
              r.rc == 0 and r.sane() and r.seconds < LIMIT and listener.connections == 0, r.text)
        unwritable(tmp, env)
        check("no temporary file left in TMPDIR", not os.listdir(tmpdir), str(os.listdir(tmpdir)))


# what a process may open besides its input, its output and its temporaries
SYSTEM_FILES = re.compile(r"(\.so(\.[0-9.]+)?|/etc/ld\.so\.(cache|preload)|/etc/localtime|/usr/share/zoneinfo/.*"
                          r"|/usr/lib/locale/.*|/usr/lib/[^/]*/gconv/.*|/usr/share/locale/.*|/dev/(null|urandom)|/proc/.*|/sys/.*)$")


def traced(tmp, env, listener):
    """Under strace: no socket is ever made, and no file is opened but the
    input, the output, temporaries and the system's shared libraries and
    locale data (no /etc/passwd, no DTD, no catalog)."""
    env = dict(env)
    if "ASAN_OPTIONS" in env:  # LeakSanitizer cannot run under ptrace
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    log = os.path.join(tmp, "strace.log")
    out = os.path.join(tmp, "traced-out")
    cases = list(hostile_cases(os.path.join(tmp, "traced"), listener))
    cases.append(("a valid sample", os.path.join(SAMPLES, "res75-atu.xml"), {0}, None))
    for name, path, _, _ in cases:
        for what, args in (("check", ["check", path]), ("build docx", ["build", "-t", "docx", path, "-o", out]),
                           ("build text", ["build", "-t", "text", path, "-o", out])):
            strace = ["strace", "-f", "-qq", "-e", "trace=%network,open,openat,creat,execve", "-o", log]
            r = run(args, env=env, timeout=120, prefix=strace)
            with open(log, errors="replace") as f:
                calls = f.read().splitlines()
            network = [c for c in calls if re.search(r"\b(socket|connect|bind)\(", c)]
            opened = []
            for c in calls:
                m = re.search(r'\b(open|openat|creat)\((?:AT_FDCWD, )?"([^"]*)".*= \d+', c)
                if m and not m.group(2).startswith(tmp) and m.group(2) != path and not SYSTEM_FILES.search(m.group(2)):
                    opened.append(m.group(2))
            execs = [c for c in calls if "execve(" in c and RESC not in c]
            check(f"{name}: {what} (traced): no socket, no other file opened, no program run",
                  r.rc >= 0 and not network and not opened and not execs,
                  "\n".join(network + opened + execs)[:2000])
            if os.path.exists(out):
                os.unlink(out)
    shutil.rmtree(os.path.join(tmp, "traced"))


def unwritable(tmp, env):
    """An output that cannot be written: exit 2, a message, nothing left."""
    sample = os.path.join(SAMPLES, "council-res1334.xml")
    blocker = os.path.join(tmp, "a-file")
    with open(blocker, "w") as f:
        f.write("not a directory\n")
    cases = [("missing directory", os.path.join(tmp, "no", "such", "dir", "out")),
             ("parent is a file", os.path.join(blocker, "out")),
             ("output is a directory", os.path.join(tmp, "out"))]
    if os.geteuid() != 0:
        ro = os.path.join(tmp, "read-only")
        os.makedirs(ro)
        os.chmod(ro, 0o555)
        cases.append(("read-only directory", os.path.join(ro, "out")))
    for label, opts in FORMATS:
        for what, target in cases:
            before = snapshot(tmp)
            r = run(["build", *opts, sample, "-o", target], env=env)
            after = snapshot(tmp)
            limit = PDF_LIMIT if label == "pdf" else LIMIT
            tag = f"unwritable output ({what}): build {label}:"
            check(f"{tag} exit status 2 and a message", r.rc == 2 and r.sane() and "cannot write" in r.text,
                  f"status {r.rc}\n{r.text}")
            check(f"{tag} under {limit:.0f} s", r.seconds < limit, f"{r.seconds:.1f} s")
            check(f"{tag} nothing written", before == after, diff(before, after))


# ------------------------------------------------------------ atomic output

def fsize_limit(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def mode_atomic():
    sample = os.path.join(SAMPLES, "res75-atu.xml")
    with tempfile.TemporaryDirectory(prefix="resc-atomic-") as tmp:
        invalid = os.path.join(tmp, "invalid.xml")
        with open(invalid, "w") as f:
            f.write('<resolution xmlns="urn:resc:1" xml:lang="en"><heading><number>1</number>'
                    '<title>T</title></heading><preamble><section><call>c</call>'
                    '<item num="b"><p>x.</p></item></section></preamble></resolution>\n')
        env = dict(os.environ, TMPDIR=os.path.join(tmp, "tmp"))
        os.makedirs(env["TMPDIR"])
        for label, opts in FORMATS:
            d = os.path.join(tmp, label)
            os.makedirs(d)
            target = os.path.join(d, f"out.{EXT[label]}")
            tag = f"{label}:"

            def entries():
                return sorted(os.listdir(d))

            r = run(["build", *opts, sample, "-o", target], env=env)
            ok = check(f"{tag} a new output is written", r.rc == 0 and r.sane() and entries() == [f"out.{EXT[label]}"],
                       f"status {r.rc} {entries()}\n{r.text}")
            if not ok:
                continue
            with open(target, "rb") as f:
                good = f.read()
            mode = stat.S_IMODE(os.stat(target).st_mode)
            umask = os.umask(0)
            os.umask(umask)
            check(f"{tag} with the usual permissions", mode == 0o666 & ~umask, oct(mode))
            if label != "pdf":  # FOP writes a new creation date each time
                r = run(["build", *opts, sample, "-o", "-"], env=env)
                check(f"{tag} the file holds what -o - prints", r.rc == 0 and r.out == good)
            with open(target, "wb") as f:
                f.write(b"stale\n")
            r = run(["build", *opts, sample, "-o", target], env=env)
            with open(target, "rb") as f:
                now = f.read()
            same = now[:5] == good[:5] and len(now) > 100 if label == "pdf" else now == good
            check(f"{tag} an existing output is replaced", r.rc == 0 and r.sane() and same
                  and entries() == [f"out.{EXT[label]}"], f"status {r.rc} {entries()}")
            with open(target, "wb") as f:
                f.write(good)
            r = run(["build", *opts, invalid, "-o", target], env=env)
            with open(target, "rb") as f:
                now = f.read()
            check(f"{tag} a failed build (document error) leaves the existing output untouched",
                  r.rc == 1 and r.sane() and now == good and entries() == [f"out.{EXT[label]}"],
                  f"status {r.rc} {entries()}\n{r.text}")
            # the disk fills up half way: write() fails (EFBIG), exit 2,
            # the earlier output stays, the temporary file goes
            limit = max(1, len(good) // 2)
            r = run(["build", *opts, sample, "-o", target], env=env, preexec=fsize_limit(limit))
            with open(target, "rb") as f:
                now = f.read()
            # (pdf: FOP, which writes the PDF, may be the one to fail: exit 1)
            check(f"{tag} a write that fails half way: exit 2, earlier output untouched, no temporary",
                  r.rc in ((1, 2) if label == "pdf" else (2,)) and r.sane() and now == good and entries() == [f"out.{EXT[label]}"],
                  f"status {r.rc} {entries()}\n{r.text}")
            # standard output full: exit 2
            if os.path.exists("/dev/full"):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([RESC, "build", *opts, sample, "-o", "-"], stdout=full,
                                       stderr=subprocess.PIPE, env=env, check=False)
                check(f"{tag} -o - on a full device: exit 2", p.returncode == 2 and "cannot write" in
                      p.stderr.decode("utf-8", "replace") and not SANITIZER.search(p.stderr), p.stderr)
            # -o a new file in a directory that is not writable: exit 2
            r = run(["build", *opts, sample, "-o", os.path.join(d, "missing", "out")], env=env)
            check(f"{tag} unwritable output: exit 2", r.rc == 2 and r.sane() and entries() == [f"out.{EXT[label]}"],
                  f"status {r.rc}\n{r.text}")
        check("no temporary file left in TMPDIR", not os.listdir(env["TMPDIR"]), str(os.listdir(env["TMPDIR"])))


# ------------------------------------------------------------ reproducible output

def locales():
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    except OSError:
        out = []
    # prefer locales whose rules differ most from C: Turkish case mapping,
    # decimal commas, right-to-left scripts
    wanted = [lc for lc in out if re.match(r"(tr_TR|de_DE|fr_FR|ar_|ru_RU|zh_CN)", lc)]
    # and one that does not exist
    return (wanted or [lc for lc in out if lc not in ("C", "POSIX")])[:1] + ["xx_XX.UTF-8"]


def mode_repro():
    faketime = shutil.which("faketime")
    base_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    for key in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if key in os.environ:
            base_env[key] = os.environ[key]
    variants = [("baseline", base_env, None, [])]
    for lc, tz in zip(locales(), ["Pacific/Kiritimati", "America/St_Johns"]):
        variants.append((f"LC_ALL={lc} TZ={tz}", dict(base_env, LC_ALL=lc, LANG=lc, TZ=tz), None, []))
    noisy = dict(base_env, HOME="/nonexistent", TMPDIR="/nonexistent", SOURCE_DATE_EPOCH="0", LANG="fr_FR.UTF-8",
                 LANGUAGE="fr", XML_CATALOG_FILES="/etc/passwd", XMLLINT_INDENT="\t", TZ="Europe/Geneva",
                 RESC_RANDOM=base64.b64encode(os.urandom(24)).decode())
    variants.append(("odd environment, another working directory", noisy, "/", []))
    if faketime:
        env = dict(base_env)
        if "ASAN_OPTIONS" in env:  # libfaketime is preloaded before the ASan runtime
            env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
        variants.append(("faketime 2038-01-19", env, None, [faketime, "2038-01-19 03:14:08"]))
    else:
        print("faketime not found: time varies by the time zone and the wall clock only")
    fmts = [(label, opts) for label, opts in FORMATS if label != "pdf"]
    with tempfile.TemporaryDirectory(prefix="resc-repro-") as tmp:
        inputs = []
        for s in SAMPLE_FILES:  # a copy whose modification time is now
            p = os.path.join(tmp, os.path.basename(s))
            shutil.copy(s, p)
            inputs.append(p)
        outputs = {}
        for vi, (vname, env, cwd, prefix) in enumerate(variants):
            if vi == 1 and not faketime:
                time.sleep(1.1)  # at least one later second
            for s in inputs:
                for label, opts in fmts:
                    key = (os.path.basename(s), label)
                    r = run(["build", *opts, s, "-o", "-"], env=env, cwd=cwd, prefix=prefix)
                    if not check(f"{vname}: {key[0]} {label}: builds", r.rc == 0 and r.sane(), f"status {r.rc}\n{r.text}"):
                        continue
                    if vi == 0:
                        outputs[key] = r.out
                    else:
                        check(f"{vname}: {key[0]} {label}: same bytes as the baseline", outputs.get(key) == r.out)
        # a second copy, touched a year later, has the same output
        for s in inputs:
            os.utime(s, (time.time() + 365 * 86400,) * 2)
            for label, opts in fmts:
                r = run(["build", *opts, s, "-o", "-"], env=base_env)
                check(f"modification time: {os.path.basename(s)} {label}: same bytes",
                      r.rc == 0 and outputs.get((os.path.basename(s), label)) == r.out)


# ------------------------------------------------------------ fuzz regressions

def mode_regressions():
    files = sorted(glob.glob(os.path.join(EXTRA, "*.xml")))
    if not files:
        print(f"no regression input in {EXTRA}")
    with tempfile.TemporaryDirectory(prefix="resc-regress-") as tmp:
        env = dict(os.environ, TMPDIR=tmp)
        for f in files:
            name = os.path.basename(f)
            r = run(["check", f], env=env, timeout=120)
            check(f"{name}: check: exit 0, 1 or 2, no sanitizer report", r.rc in (0, 1, 2) and r.sane(),
                  f"status {r.rc}\n{r.text}")
            for label, opts in FORMATS:
                if label == "pdf":
                    continue  # FOP adds nothing the fo run does not test
                for view in ("original", "amended", "marked"):
                    out = os.path.join(tmp, "out")
                    r = run(["build", *opts, "--view", view, f, "-o", out], env=env, timeout=120)
                    check(f"{name}: build {label} --view {view}: exit 0, 1 or 2, no sanitizer report",
                          r.rc in (0, 1, 2) and r.sane(), f"status {r.rc}\n{r.text}")
                    if os.path.exists(out):
                        os.unlink(out)


# ------------------------------------------------------------ valgrind

def mode_valgrind():
    valgrind = shutil.which("valgrind")
    if not valgrind:
        print("valgrind not found")
        sys.exit(1)
    # a distinct status for valgrind's findings: 1 is also resc's "document error"
    vg = [valgrind, "-q", "--error-exitcode=97", "--leak-check=full",
          "--errors-for-leak-kinds=definite,indirect", "--show-leak-kinds=definite,indirect"]
    jobs = []
    with tempfile.TemporaryDirectory(prefix="resc-valgrind-") as tmp:
        for s in SAMPLE_FILES:
            for label, opts in FORMATS:
                if label == "pdf":
                    continue  # FOP is not resc: the fo run covers resc's part
                out = os.path.join(tmp, f"{os.path.basename(s)}.{label}")
                jobs.append((f"{os.path.basename(s)} {label}", ["build", *opts, s, "-o", out], {0}))
        jobs.append(("check every sample", ["check", *SAMPLE_FILES], {0}))
        jobs.append(("check -j 2 every sample (forked workers)", ["check", "-j", "2", *SAMPLE_FILES], {0}))
        invalid = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "invalid", "*.xml")))
        if invalid:
            jobs.append(("check every invalid document", ["check", *invalid], {1}))
        regress = sorted(glob.glob(os.path.join(EXTRA, "*.xml"))) if EXTRA else []
        if regress:
            jobs.append(("check every fuzz regression", ["check", *regress], {0, 1, 2}))
        results = [None] * len(jobs)

        def worker(indices):
            for i in indices:
                results[i] = run(jobs[i][1], timeout=600, prefix=vg)

        n = max(1, min(4, os.cpu_count() or 1))
        threads = [threading.Thread(target=worker, args=(range(k, len(jobs), n),)) for k in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for (what, _, statuses), r in zip(jobs, results):
            check(f"valgrind: {what}: clean", r.rc in statuses and b"==" not in r.err,
                  f"status {r.rc}\n{r.err.decode('utf-8', 'replace')[-3000:]}")


MODES = {"hostile": mode_hostile, "atomic": mode_atomic, "repro": mode_repro,
         "regressions": mode_regressions, "valgrind": mode_valgrind}
if MODE not in MODES:
    sys.exit(__doc__)
if not HAVE_FOP and MODE in ("hostile", "atomic"):
    print("fop not found: pdf is not tested")
MODES[MODE]()
finish()
