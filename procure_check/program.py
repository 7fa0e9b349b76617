"""The `procure-check` program: the command line, with Ctrl-C while it starts (its imports take a moment)
ending it as it does later, with one line and exit code 130 instead of a traceback."""

import gc
import sys


def run() -> None:
    try:
        from procure_check.cli import main
    except KeyboardInterrupt:
        print("procure-check: interrupted", file=sys.stderr)
        sys.exit(130)
    try:
        main()
    finally:
        # The objects still alive are freed with the process, not one by one by a last garbage collection
        # at exit: that took 0.1-0.15 s after a long tender.
        gc.freeze()
