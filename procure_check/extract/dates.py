"""Dates as written in data sheets: 2025-03-31, 31.03.2025, 31/3/2025, 03/2025, 31. marts 2025, March 2025."""

import calendar
import re
from datetime import date

from procure_check.data import rules_file

_MONTHS: dict[str, int] = rules_file("context.yaml")["months"]
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
DATE_PATTERN = re.compile(
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?)(?!\d)"
    r"|(?P<dmy>(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4}|\d{2}))(?!\d)"
    r"|(?P<my>(?<![\d.,/-])(?P<mm>\d{1,2})[./-](?P<my_y>\d{4}))(?!\d|[.,/-]\d)"
    rf"|(?P<wdmy>(?:(?P<wd>\d{{1,2}})\.?\s+)?(?P<wm>{_MONTH})\.?,?\s+(?:(?P<wd2>\d{{1,2}}),?\s+)?(?P<wy>\d{{4}}))",
    re.IGNORECASE,
)


def parse_date(match: re.Match[str]) -> date | None:
    """The date a `DATE_PATTERN` match names; a month without a day means its last day."""
    try:
        if match.group("iso"):
            year, month, day = int(match["iy"]), int(match["im"]), match["id"]
        elif match.group("dmy"):
            year, month, day = int(match["y"]), int(match["m"]), match["d"]
            if year < 100:
                year += 2000
        elif match.group("my"):
            year, month, day = int(match["my_y"]), int(match["mm"]), None
        else:
            year, month = int(match["wy"]), _MONTHS[match["wm"].lower()]
            day = match["wd"] or match["wd2"]
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(day))
    except (ValueError, KeyError):
        return None


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first valid date in `text`, with its match."""
    for match in DATE_PATTERN.finditer(text):
        found = parse_date(match)
        if found:
            return found, match
    return None
