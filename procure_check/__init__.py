"""procure-check: green public procurement compliance checker.

The flow is parse → extract facts → evaluate rules → report; each stage takes one pydantic
model and returns the next (`Document` → `Fact` list → `Result` list → `Report`).
"""

import logging

__version__ = "0.1.0"

# Warnings (e.g. a PDF page that cannot be read) are for applications that configure logging; without
# this, Python prints them to stderr, where the command line promises one line per unreadable document.
# pdfminer (pdfplumber's parser, and the check of damaged streams) warns about every damaged file.
for _name in (__name__, "pdfminer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
