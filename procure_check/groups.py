"""Which product group a document belongs to: from `--group`, CPV codes, or the words it uses."""

import re
from collections import Counter
from typing import Literal

from procure_check.catalogue import Catalogue
from procure_check.errors import DocumentError
from procure_check.extract.patterns import words_pattern
from procure_check.extract.products import false_friends, type_group

CPV_CODE = re.compile(r"(?<!\d)(\d{8})(?:-\d)?(?!\d)")
_CPV_CUE = re.compile(r"\bCPV\b", re.IGNORECASE)

GroupSource = Literal["flag", "cpv", "keywords"]


def cpv_codes(text: str) -> list[str]:
    """CPV codes ("39830000-9"); bare 8-digit numbers count only near the word CPV."""
    codes = []
    for match in CPV_CODE.finditer(text):
        has_check_digit = match.group(0) != match.group(1)
        near_cue = _CPV_CUE.search(text, max(0, match.start() - 40), match.start())
        if has_check_digit or near_cue:
            codes.append(match.group(1))
    return codes


def covers(code: str, prefix: str) -> bool:
    """Whether a CPV code is in a group's prefix, or is a broader code over it (30200000, computer
    equipment, over 3021, computers): its digits up to the trailing zeros, the division (2) at least."""
    broad = code[:2] + code[2:].rstrip("0")
    return code.startswith(prefix) or prefix.startswith(broad)


OUTSIDE = "outside"
"""The group of product types that belong to no catalogue group (rules/product_types.yaml)."""
MIN_SCOPE_WORDS = 2
"""Scope words alone decide a group only when there are at least this many: one stray "bord" or
"rengøring" in a freezer's data sheet must not."""


def detect_group(
    text: str, product_types: list[str], catalogue: Catalogue, path: str, language: str = "",
    among: set[str] | None = None,
) -> tuple[str, GroupSource]:
    """The group by CPV code (the longest matching prefix wins), else by product type and keywords
    (a false friend of the document's `language` is no keyword); by type and keywords only `among`
    these groups if given (a safety data sheet's product is a chemical)."""
    best: tuple[int, str] | None = None
    for code in cpv_codes(text):
        for name in catalogue.product_groups:
            for prefix in catalogue.groups[name].cpv:
                if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), name)
    if best:
        return best[1], "cpv"
    over = {name for code in cpv_codes(text) for name in catalogue.product_groups
            if any(covers(code, prefix) for prefix in catalogue.groups[name].cpv)}
    if len(over) == 1:  # a broader code (30200000, computer equipment) over one group's codes only
        return over.pop(), "cpv"
    if product_types and all(type_group(t) == OUTSIDE for t in product_types):
        raise DocumentError("no_group", f"the product ({', '.join(product_types)}) is in no group of the catalogue; "
                            "give --group to check it anyway", path)
    candidates = set(catalogue.product_groups) if among is None else set(catalogue.product_groups) & among
    by_type = {type_group(t) for t in product_types} & candidates
    if len(by_type) == 1:
        return by_type.pop(), "keywords"
    ignored = false_friends(language)
    scores = Counter({
        name: sum(1 for word in words_pattern(map(re.escape, group.keywords)).findall(text)
                  if word.casefold() not in ignored)
        for name, group in catalogue.groups.items() if group.keywords and name in candidates
    })
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] == 0:
        raise DocumentError("no_group", "cannot tell the product group (no CPV code or scope words); "
                            "give --group", path)
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        raise DocumentError("no_group", f"the product group is ambiguous ({ranked[0][0]} or {ranked[1][0]}); "
                            "give --group", path)
    if ranked[0][1] < MIN_SCOPE_WORDS:
        raise DocumentError("no_group", f"cannot tell the product group (no CPV code or product type, and one "
                            f"scope word of {ranked[0][0]}); give --group", path)
    return ranked[0][0], "keywords"
