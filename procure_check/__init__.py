"""procure-check: green public procurement compliance checker.

The flow is parse → extract facts → evaluate rules → report; each stage takes one pydantic
model and returns the next (`Document` → `Fact` list → `Result` list → `Report`).

`check_products` and `check_tenders` (`procure_check.api`) check files as the command line does;
`Checker` checks one document at a time in this process.
"""

import logging
import os

__version__ = "0.1.0"

# Warnings (e.g. a PDF page that cannot be read) are for applications that configure logging; without
# this, Python prints them to stderr, where the command line promises one line per unreadable document.
# pdfminer (pdfplumber's parser, and the check of damaged streams) warns about every damaged file.
for _name in (__name__, "pdfminer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# numpy (which openpyxl imports where it is installed) starts an OpenBLAS thread per core when imported. Nothing
# here does linear algebra, and a process with other threads neither forks its workers (`procure_check.workers`) nor
# shares a document's work with helper processes (`procure_check.fanout`): one BLAS thread is asked for.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from procure_check.api import check_products, check_tenders  # noqa: E402  (after __version__, which they import)
from procure_check.check import Checker  # noqa: E402
from procure_check.results import Report  # noqa: E402

__all__ = ["Checker", "Report", "__version__", "check_products", "check_tenders"]
