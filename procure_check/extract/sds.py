"""Safety data sheets: what section 1 (product identifier and identified uses) says is the product."""

import re
from functools import cache

from procure_check.data import rules_file
from procure_check.document import Document
from procure_check.extract.pagetext import normalise
from procure_check.extract.patterns import words_pattern

_TITLE_LINES = 12
"""A safety data sheet says so near the top of its first page."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = rules_file("product_types.yaml")["safety_data_sheet"]
    title = words_pattern(data["titles"])
    section_two = re.compile(r"^[\s\W]{0,4}(?:" + "|".join(data["section_two"]) + ")", re.IGNORECASE | re.MULTILINE)
    return title, section_two


def section_one(document: Document) -> str | None:
    """The text of a safety data sheet's section 1, or None if the document is no safety data sheet."""
    if not document.pages:
        return None
    title, section_two = _patterns()
    top = normalise("\n".join(line.text for line in document.pages[0].lines[:_TITLE_LINES]))
    if not title.search(top):
        return None
    text = normalise("\n".join(line.text for page in document.pages[:3] for line in page.lines))
    end = section_two.search(text)
    return text[: end.start()] if end else None


def sds_groups() -> set[str]:
    """The catalogue groups whose products come with safety data sheets."""
    return set(rules_file("product_types.yaml")["safety_data_sheet"]["groups"])
