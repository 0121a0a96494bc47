#!/usr/bin/env bash
# Runs the libFuzzer harness for SECONDS (default 60) and fails on any
# crash, sanitizer report, leak, hang or out-of-memory.
#   usage: fuzz/run.sh FUZZER [SECONDS] [libFuzzer options…]
# The corpus grows in fuzz/corpus/queue (not committed); a failing input
# is saved in fuzz/corpus/crashes/ and printed in base64, to be kept as
# tests/fuzz-regressions/NAME.xml once fixed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
fuzzer=$1
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
queue=$here/corpus/queue
crashes=$here/corpus/crashes
mkdir -p "$queue" "$crashes"
# any report ends the run with a failure; LeakSanitizer is on
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
dict=$here/resc.dict
seeds=("$root/samples" "$root/tests/invalid")
[ -d "$root/tests/fuzz-regressions" ] && seeds+=("$root/tests/fuzz-regressions")
# cli_fuzz reads an option byte and files separated by "--8<--" lines
case $(basename "$fuzzer") in
cli_fuzz)
  queue=$here/corpus/cli-queue seeds=("$here/cli-seeds")
  mkdir -p "$queue"
  # a slow unit is not a finding here: seven commands, forks, a sanitizer
  set -- -max_len=1048576 -close_fd_mask=2 -report_slow_units=60 "$@"
  ;;
import_fuzz)
  # the Word fixtures whole, and their word/document.xml alone (an input
  # not starting with PK is put in a package of its own)
  queue=$here/corpus/import-queue dict=$here/docx.dict
  seeds=("$here/corpus/import-seeds")
  mkdir -p "$queue" "$here/corpus/import-seeds"
  python3 - "$root/tests/import" "$here/corpus/import-seeds" <<'PY'
import glob, os, sys, zipfile
for docx in glob.glob(os.path.join(sys.argv[1], "*.docx")):
    seed = os.path.join(sys.argv[2], os.path.basename(docx))
    with open(docx, "rb") as f, open(seed, "wb") as g:
        g.write(f.read())
    with zipfile.ZipFile(docx) as z, open(seed + ".xml", "wb") as g:
        g.write(z.read("word/document.xml"))
PY
  ;;
esac
before=$(ls "$crashes" | wc -l)
status=0
# -timeout: one input runs 18 pipelines; a real sample takes well under a
# second even with the sanitizers, so 30 s is a hang
"$fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
  -dict="$dict" -artifact_prefix="$crashes/" "$@" "$queue" "${seeds[@]}" || status=$?
if [ "$status" -ne 0 ] || [ "$(ls "$crashes" | wc -l)" -ne "$before" ]; then
  echo "fuzz/run.sh: the fuzzer failed (status $status); reproducers:" >&2
  for f in $(ls -t "$crashes" | head -3); do
    echo "--- $crashes/$f (base64)" >&2
    base64 "$crashes/$f" | head -c 20000 >&2
  done
  exit 1
fi
