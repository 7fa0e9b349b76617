"""Quotes shortened for a narrow report without losing the words that decide.

A long quote is cut to a window around its focus (`Evidence.focus`), with "…" on each side that was
cut and nowhere else; the focus itself is never cut, even when it is longer than the window. A quote
without a focus keeps its opening.
"""

ELLIPSIS = "…"


def shorten(text: str, focus: str | None, limit: int) -> str:
    """`text` in at most `limit` characters (more only when the focus alone is longer), cut at word
    boundaries where it can be."""
    if len(text) <= limit:
        return text
    at = text.find(focus) if focus else -1
    if at < 0:
        return text[: limit - 1] + ELLIPSIS
    end = at + len(focus)
    room = max(limit - len(focus) - 2, 0)  # two ellipses at most
    start = max(at - room // 2, 0)
    stop = min(end + room - (at - start), len(text))
    start = max(min(start, at - (room - (stop - end))), 0)  # room left after the end goes before the focus
    start, stop = _word_bounds(text, start, stop, at, end)
    return (ELLIPSIS if start > 0 else "") + text[start:stop].strip() + (ELLIPSIS if stop < len(text) else "")


def split(text: str, focus: str | None) -> tuple[str, str, str]:
    """`text` as (before, focus, after), for formats that emphasise the focus; ("", "", text) without one."""
    at = text.find(focus) if focus else -1
    if at < 0:
        return "", "", text
    return text[:at], focus, text[at + len(focus):]


def _word_bounds(text: str, start: int, stop: int, at: int, end: int) -> tuple[int, int]:
    """Move a cut that falls inside a word to the word's edge towards the focus (never into it)."""
    if 0 < start < at and not text[start - 1].isspace():
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < stop < len(text) and not text[stop].isspace():
        space = text.rfind(" ", end, stop)
        stop = space if space >= 0 else stop
    return start, stop
