"""What the Python test scripts share: a tally of checks, each of which
prints what failed, and the closing line CTest and CI read."""
import sys
import threading

_tally = {"passed": 0, "failed": 0}
_lock = threading.Lock()  # fo_test.py checks from a thread pool


def check(what, cond, detail=""):
    """Counts one assertion; prints WHAT (and DETAIL) when COND is false."""
    with _lock:
        if cond:
            _tally["passed"] += 1
        else:
            _tally["failed"] += 1
            if isinstance(detail, bytes):
                detail = detail.decode("utf-8", "replace")
            print(f"FAIL {what}" + (f"\n     {detail[:3000]}" if detail else ""), flush=True)
    return cond


def finish():
    """Prints 'N passed, N failed' and exits 1 if anything failed."""
    print(f"{_tally['passed']} passed, {_tally['failed']} failed")
    sys.exit(1 if _tally["failed"] else 0)
