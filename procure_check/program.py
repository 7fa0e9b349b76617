"""The `procure-check` program: the command line, with Ctrl-C while it starts (its imports take a moment)
ending it as it does later, with one line and exit code 130 instead of a traceback."""

import gc
import sys

GC_THRESHOLDS = (10_000, 10, 10)
"""The program's garbage collector runs after 10,000 new objects, not Python's 700. A check creates
hundreds of thousands of objects that live until its report (words, lines, requirements, facts) and few
reference cycles; at 700 the collector went through them again and again, an eighth of a long tender's time
(3.9 s against 3.45 s for 200 pages). Set for the program only, and taken over by its workers
(`procure_check.workers`) and their helpers; a library's caller keeps its own setting."""


def run() -> None:
    gc.set_threshold(*GC_THRESHOLDS)  # before the imports, which create many objects too
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
