#!/usr/bin/env python3
"""resc in CI: the SARIF log, the problem matcher, the recipes of docs/ci
and the pre-commit hooks.

  ci_test.py RESC REPO

- `check --diagnostics=sarif` on invalid documents is a SARIF 2.1.0 log
  with every required property, checked one by one against the same run
  in JSON: the driver lists every rule once (id, descriptions, help,
  level), each finding is a result (ruleId of a listed rule, level,
  message, relative artifactLocation.uri, region.startLine);
- the problem matcher's regular expression matches every line of a real
  `check` run, and its groups give the file, line, column, severity,
  message and rule that the JSON diagnostics give;
- the GitLab job's script runs as written (with resc on PATH), and the
  GitHub workflow's resc steps are the same commands;
- the pre-commit hooks pass a valid document and refuse an invalid one.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from testlib import check, finish


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def json_diags(resc, files, cwd):
    r = run([resc, "check", "-q", "--diagnostics=json", *files], cwd=cwd)
    return [json.loads(l) for l in r.stdout.splitlines()]


def test_sarif(resc, repo):
    files = sorted(os.path.relpath(f, repo) for f in glob.glob(os.path.join(repo, "tests/invalid/*.xml")))
    files += ["samples/res75-2.xml"]  # a warning
    r = run([resc, "check", "-q", "--diagnostics=sarif", *files], cwd=repo)
    check("check --diagnostics=sarif on invalid documents exits 2 (unreadable ones) or 1",
          r.returncode in (1, 2), r.stderr)
    try:
        log = json.loads(r.stdout)
    except json.JSONDecodeError as e:
        check("the SARIF log is one JSON document", False, f"{e}\n{r.stdout[:2000]}")
        return
    check("version is 2.1.0", log.get("version") == "2.1.0", log.get("version"))
    check("$schema names SARIF 2.1.0", "sarif-2.1.0" in log.get("$schema", ""))
    check("one run", len(log.get("runs", [])) == 1)
    run0 = log["runs"][0]
    driver = run0.get("tool", {}).get("driver", {})
    check("tool.driver.name is resc", driver.get("name") == "resc", driver.get("name"))
    check("tool.driver.version is resc's", driver.get("version") ==
          run([resc, "--version"]).stdout.split()[1], driver.get("version"))
    rules = driver.get("rules", [])
    ids = [x.get("id") for x in rules]
    check("every rule is listed once", len(ids) == len(set(ids)) and len(ids) >= 10, ids)
    with open(os.path.join(repo, "README.md"), encoding="utf-8") as f:
        readme_ids = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning) \|", f.read(), re.M))
    check("the driver's rules are the README's table", set(ids) == readme_ids,
          f"{sorted(set(ids) ^ readme_ids)}")
    with open(os.path.join(repo, "docs/rules.md"), encoding="utf-8") as f:
        sections = set(re.findall(r"^## (\S+)$", f.read(), re.M))
    check("every rule has its section in docs/rules.md, where helpUri points",
          set(ids) <= sections, sorted(set(ids) - sections))
    for x in rules:
        rid = x.get("id")
        check(f"rule {rid}: shortDescription.text", x.get("shortDescription", {}).get("text"))
        check(f"rule {rid}: fullDescription.text", x.get("fullDescription", {}).get("text"))
        check(f"rule {rid}: help.text", len(x.get("help", {}).get("text", "")) > 40)
        check(f"rule {rid}: defaultConfiguration.level",
              x.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note"))
        if "helpUri" in x:
            check(f"rule {rid}: helpUri is absolute, the rule's section",
                  re.match(r"https?://", x["helpUri"]) and x["helpUri"].endswith("#" + rid), x["helpUri"])
    results = run0.get("results", [])
    expected = json_diags(resc, files, repo)
    check("one result per finding", len(results) == len(expected), f"{len(results)} {len(expected)}")
    check("the findings include errors and a warning",
          {"error", "warning"} <= {d["severity"] for d in expected})
    for res, want in zip(results, expected):
        what = f"result {want['file']}:{want['line']} [{want['rule']}]"
        check(f"{what}: ruleId", res.get("ruleId") == want["rule"] and res["ruleId"] in ids, res.get("ruleId"))
        check(f"{what}: level", res.get("level") == want["severity"], res.get("level"))
        check(f"{what}: message.text", res.get("message", {}).get("text") == want["message"])
        loc = res.get("locations", [{}])[0].get("physicalLocation", {})
        uri = loc.get("artifactLocation", {}).get("uri", "")
        check(f"{what}: artifactLocation.uri is relative, the file's", uri == want["file"]
              and not uri.startswith(("/", "file:")), uri)
        check(f"{what}: uriBaseId SRCROOT is defined",
              loc.get("artifactLocation", {}).get("uriBaseId") == "SRCROOT" and
              run0.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "").endswith("/"))
        if want["line"] > 0:
            check(f"{what}: region.startLine", loc.get("region", {}).get("startLine") == want["line"])
        else:
            check(f"{what}: no region without a line", "region" not in loc)
    # a name that is not a plain word is percent-encoded, and an absolute
    # name under the directory resc runs in is made relative
    with tempfile.TemporaryDirectory() as tmp:
        odd = os.path.join(tmp, "a draft é.xml")
        shutil.copy(os.path.join(repo, "tests/invalid/label-bis-first.xml"), odd)
        r = run([resc, "check", "-q", "--diagnostics=sarif", odd], cwd=tmp)
        uri = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"]["uri"]
        check("a name with a space and é is percent-encoded and relative", uri == "a%20draft%20%C3%A9.xml", uri)
    # every command takes it: build's log goes to standard error
    r = run([resc, "build", "-t", "text", "--diagnostics=sarif", "tests/invalid/label-bis-first.xml"], cwd=repo)
    log = json.loads(r.stderr)
    check("build --diagnostics=sarif: the log on standard error",
          r.returncode == 1 and log["runs"][0]["results"][0]["ruleId"] == "label", r.stderr[:300])


def matcher_regex(repo):
    with open(os.path.join(repo, "docs/ci/resc-problem-matcher.json")) as f:
        m = json.load(f)["problemMatcher"][0]
    p = m["pattern"][0]
    return re.compile(p["regexp"]), p


def test_matcher(resc, repo):
    regex, p = matcher_regex(repo)
    files = sorted(os.path.relpath(f, repo) for f in glob.glob(os.path.join(repo, "tests/invalid/*.xml")))
    files += sorted(os.path.relpath(f, repo) for f in glob.glob(os.path.join(repo, "samples/*.xml")))
    r = run([resc, "check", *files], cwd=repo)
    lines = r.stdout.splitlines()
    expected = json_diags(resc, files, repo)
    check("a real check run has many lines", len(lines) > 100 and len(lines) == len(expected),
          f"{len(lines)} {len(expected)}")
    for l, want in zip(lines, expected):
        m = regex.match(l)
        if not check("the problem matcher matches: " + l, m):
            continue
        got = (m.group(p["file"]), int(m.group(p["line"]) or 0), int(m.group(p["column"]) or 0),
               m.group(p["severity"]), m.group(p["message"]), m.group(p["code"]))
        want_t = (want["file"], want["line"], want["column"], want["severity"],
                  want["message"].replace("\n", "\\n"), want["rule"])
        check("the matcher's groups are the finding's: " + l, got == want_t, f"{got}\n{want_t}")
    check("resc's own summary is not matched", not regex.match("resc: 5 files checked: 0 errors, 1 warning"))


def test_recipes(resc, repo):
    with open(os.path.join(repo, "docs/ci/gitlab-ci.yml")) as f:
        job = yaml.safe_load(f)["resc"]
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "samples"))
        shutil.copy(os.path.join(repo, "samples/res75-atu.xml"), os.path.join(tmp, "samples"))
        env = {"PATH": os.path.dirname(os.path.abspath(resc)) + ":/usr/bin:/bin", "RESC_SRC": repo,
               "DRAFTS": "samples/res75-atu.xml", "HOME": tmp}
        script = "set -e\n" + "\n".join(job["script"])
        if not shutil.which("fop"):  # the PDF step needs FOP; the rest runs
            script = script.replace('resc build -t pdf', ': resc build -t pdf')
        r = run(["bash", "-c", script], cwd=tmp, env=env)
        check("the GitLab job's script runs", r.returncode == 0, r.stdout + r.stderr)
        sarif = json.load(open(os.path.join(tmp, "resc.sarif")))
        check("it leaves a SARIF log", sarif["version"] == "2.1.0")
        check("it leaves the DOCX", os.path.getsize(os.path.join(tmp, "documents/res75-atu.docx")) > 1000)
        if shutil.which("fop"):
            check("it leaves the PDF", open(os.path.join(tmp, "documents/res75-atu.pdf"), "rb").read(5) == b"%PDF-")
    with open(os.path.join(repo, "docs/ci/github-actions.yml")) as f:
        wf = yaml.safe_load(f)
    steps = "\n".join(s.get("run", "") for s in wf["jobs"]["drafts"]["steps"])
    for cmd in re.findall(r"^\s*(resc [^\n]*)", "\n".join(job["script"]), re.M):
        check(f"the GitHub workflow runs '{cmd}' too", cmd in steps)
    check("the workflow uploads the SARIF", any(s.get("uses", "").startswith("github/codeql-action/upload-sarif")
                                                for s in wf["jobs"]["drafts"]["steps"]))
    check("the workflow adds the problem matcher", "::add-matcher::$RESC_SRC/docs/ci/resc-problem-matcher.json" in steps)


def test_hooks(resc, repo):
    with open(os.path.join(repo, ".pre-commit-hooks.yaml")) as f:
        hooks = yaml.safe_load(f)
    check("two hooks", [h["id"] for h in hooks] == ["resc-check", "resc-check-strict"])
    env = {"PATH": os.path.dirname(os.path.abspath(resc)) + ":/usr/bin:/bin"}
    for h in hooks:
        check(f"{h['id']} takes XML files", h["types"] == ["xml"] and h["language"] == "system")
        entry = h["entry"].split()
        ok = run(entry + ["tests/vocab/kinds-recommendation-ru.xml"], cwd=repo, env=env)
        bad = run(entry + ["tests/invalid/label-bis-first.xml"], cwd=repo, env=env)
        check(f"{h['id']} passes a valid document", ok.returncode == 0, ok.stdout + ok.stderr)
        check(f"{h['id']} refuses an invalid one", bad.returncode == 1 and "[label]" in bad.stdout, bad.stdout)
    warn = run(hooks[1]["entry"].split() + ["samples/res75-2.xml"], cwd=repo, env=env)
    check("resc-check-strict refuses a warning", warn.returncode == 1, warn.stdout)


def main():
    resc, repo = os.path.abspath(sys.argv[1]), sys.argv[2]
    test_sarif(resc, repo)
    test_matcher(resc, repo)
    test_recipes(resc, repo)
    test_hooks(resc, repo)
    finish()


if __name__ == "__main__":
    main()
