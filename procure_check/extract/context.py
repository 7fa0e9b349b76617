"""What surrounds a claim: its clause, and whether it is negated, pending, or about something else."""

import re
from collections.abc import Iterator
from datetime import date

from procure_check.data import rules_file
from procure_check.extract.dates import find_date
from procure_check.facts import Subject

_RULES = rules_file("context.yaml")


def _words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


_ABBREVIATIONS = ("nr", "no", "pr", "ca", "inkl", "ekskl", "jf", "stk", "min", "max", "bl.a", "f.eks", "evt",
                  "mht", "vedr", "approx", "incl", "art", "pkt", "kap", "gen", "ref", "tlf", "tel")
# The lookahead first: the abbreviations' lookbehinds are tried only where a sentence can end (16x faster).
_SENTENCE_END = re.compile(
    r"(?=[.!?;])" + "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS) + r"[.!?;](?=\s|$)"
    r"|\n\n|\n(?=\s*(?:[•·▪*\-–]|\d{1,2}[.)]\s))",
    re.IGNORECASE,
)
# A key-value line ("Parfume: Nej") or a table row ("Svanemærket | Nej | –") is a clause of its own.
_KEY_VALUE_LINE = re.compile(r"^(?:[^\n:]{1,40}:\s*\S|[^\n]*\s\|\s)", re.MULTILINE)
# Before-claim windows restart at these: "ikke parfumeret, og svanemærket" is not a negated label.
_BEFORE_RESET = re.compile(r"[,:(|]|\b(?:og|and|men|but|samt|und|aber|och|dog|however|while)\b", re.IGNORECASE)
_NEGATION_BEFORE = _words(_RULES["negation_before"])
_NEGATION_AFTER = re.compile("|".join(f"(?:{p})" for p in _RULES["negation_after"]), re.IGNORECASE)
_PENDING = _words(_RULES["pending"])
_PACKAGING = _words(_RULES["packaging"])
_ORGANISATION = _words(_RULES["organisation"])
# "Produkter"/"products" in the plural are a range, not the product under check.
_PRODUCT = _words([r"produkt(?!er(?:ne|na)?(?![\w])|e(?![\w])|ion)\w*", r"product(?!s(?![\w]))\w*", r"varen",
                   r"artikl?\w*", r"item", r"model(?:len)?"])
_SUBJECTS = (("product", _PRODUCT), ("packaging", _PACKAGING), ("organisation", _ORGANISATION))
_NEXT_WORDS = re.compile(r"(?:[\s\-–®™]*\w+){1,2}")  # not across punctuation
_VALID_UNTIL = _words(_RULES["valid_until"])
_VALID_FROM = _words(_RULES["valid_from"])
_CONFORMITY_VERB = _words(_RULES["conformity"]["verbs"])
_CRITERIA = _words(_RULES["conformity"]["criteria"])
_ENDED = _words(_RULES["ended"])
_NEGATION_WINDOW: int = _RULES["negation_window"]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around `text[start:end]`: the sentence, or one line of a key-value list."""
    clause_start = max(0, start - 400)
    for boundary in _SENTENCE_END.finditer(text, clause_start, start):
        clause_start = boundary.end()
    following = _SENTENCE_END.search(text, end, end + 400)
    clause_end = following.start() + (1 if following and following.group() in ".!?;" else 0) if following \
        else min(len(text), end + 400)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = end_of_line(text, end)
    # In key-value lists ("Miljømærke: Svanemærket" / "Parfume: Nej") each line stands alone.
    this_line = _is_key_value(text, line_start, line_end)
    if this_line or (line_start > 0 and _is_key_value(text, text.rfind("\n", 0, line_start - 1) + 1, line_start - 1)):
        clause_start = max(clause_start, line_start)
    if this_line or (line_end < len(text) and _is_key_value(text, line_end + 1, end_of_line(text, line_end + 1))):
        clause_end = min(clause_end, line_end)
    return max(0, min(clause_start, start)), max(end, clause_end)


def row_end(text: str, position: int, stop: int) -> int:
    """Where what belongs to the text at `position` can end, at most `stop`. A field or table row
    ("Miljømærke: Svanemærket") ends with its line when the next line is a field of another subject
    ("Holdbarhed: 36 måneder"); fields about its certificate ("Certifikat: 24.0.77120", "Gyldig til:
    28.02.2025") go on with it. A sentence's certificate details may follow as fields of any kind."""
    line_start, line_end = text.rfind("\n", 0, position) + 1, end_of_line(text, position)
    if text[line_start:line_end].rstrip()[-1:] in (",", ";", "-", "–") or not _is_key_value(text, line_start, line_end):
        return stop  # a value that wraps on, or a sentence
    while line_end < stop:
        next_end = end_of_line(text, line_end + 1)
        if not _is_key_value(text, line_end + 1, next_end):
            return stop
        if not _CERTIFICATE_FIELD.match(text, line_end + 1, next_end):
            return line_end
        line_end = next_end
    return stop


_CERTIFICATE_FIELD = re.compile(
    r"\s*(?:[\w ]{0,20}\s)?(?:certifi\w*|zertifi\w*|licen[cs]\w*|lisens\w*|Lizenz\w*|gyldig\w*|giltig\w*|gültig\w*|"
    r"valid\w*|udløb\w*|expir\w*|udstedt|issued|ausgestellt|reg(?:istration|istrering|\.)?\s*(?:nr|no|number)\w*|"
    r"(?:licens|certifikat|certificate|registration)?\s*(?:nr|no|number|nummer)\.?)(?=[\s.:|])",
    re.IGNORECASE,
)


def end_of_line(text: str, position: int) -> int:
    """Where the line holding `position` ends (the text's end for the last line)."""
    found = text.find("\n", position)
    return len(text) if found < 0 else found


def _is_key_value(text: str, line_start: int, line_end: int) -> bool:
    return bool(_KEY_VALUE_LINE.match(text, line_start, line_end))


def is_negated(text: str, clause_start: int, start: int, end: int, clause_end: int) -> bool:
    """A negation word shortly before the claim (in the same part of the clause), or "nej" after it."""
    before = text[clause_start:start]
    resets = list(_BEFORE_RESET.finditer(before))
    if resets:
        # "Træet er ikke certificeret (FSC/PEFC)": a bracket after a denied certification names what is denied.
        if resets[-1].group() == "(" and _denied_certification(before[: resets[-1].start()]):
            return True
        before = before[resets[-1].end():]
    words = before.split()[-_NEGATION_WINDOW:]
    if _NEGATION_BEFORE.search(" ".join(words)):
        return True
    return negated_after(text, end, clause_end) is not None


def _denied_certification(text: str) -> bool:
    """Whether `text` ends in a negated certification ("ikke certificeret", "not labelled")."""
    words = " ".join(text.split()[-4:])
    return bool(_NEGATION_BEFORE.search(words) and _CERTIFICATE.search(words))


def negated_after(text: str, end: int, clause_end: int) -> re.Match[str] | None:
    """A negating value straight after the claim: "Svanemærket: Nej", "Parfume: ikke tilsat"."""
    return _NEGATION_AFTER.match(text, end, clause_end)


def is_pending(text: str, clause_start: int, clause_end: int) -> bool:
    """Applied for, planned or expected: not (yet) a claim."""
    return bool(_PENDING.search(text, clause_start, clause_end))


def conformity_only(text: str, clause_start: int, start: int, end: int, clause_end: int) -> bool:
    """Whether the claim only says the product meets the label's criteria ("lever op til Svanemærkets krav")."""
    verb = _CONFORMITY_VERB.search(text, max(clause_start, start - 80), start)
    return bool(verb and _CRITERIA.search(text, verb.end(), min(clause_end, end + 40)))


def has_ended(text: str, clause_start: int, clause_end: int) -> bool:
    """The clause says the licence or certificate has expired or been withdrawn."""
    return bool(_ENDED.search(text, clause_start, clause_end))


def subject(text: str, clause_start: int, start: int, end: int, clause_end: int) -> Subject:
    """Whom the claim at `text[start:end]` is about; the product unless its clause says otherwise.

    A subject right after the claim is what it qualifies ("FSC-mærket emballage"); else the nearest
    one before it ("Produktets emballage er FSC-mærket", "the manufacturer is Nordic Swan licensed");
    else the first one after it.
    """
    following = _NEXT_WORDS.match(text, end, clause_end)
    adjacent = _subjects(text, end, following.end() if following else end)
    if adjacent:
        return adjacent[0][1]
    before = _subjects(text, clause_start, start)
    if before:
        return before[-1][1]
    after = _subjects(text, end, clause_end)
    return after[0][1] if after else "product"


def _subjects(text: str, begin: int, stop: int) -> list[tuple[int, str]]:
    """The subjects named in `text[begin:stop]`, in order of position."""
    return sorted((found.start(), name) for name, pattern in _SUBJECTS for found in pattern.finditer(text, begin, stop))


def expiry(text: str, start: int, stop: int) -> tuple[date, int, int] | None:
    """An expiry date stated in `text[start:stop]` after a validity word, with the span of both.

    Of a validity period ("valid 04/2024 – 03/2025", "gyldig fra 01.01.2024 til 31.12.2025") the end counts;
    a date that only starts one ("Gyldighed: 12 måneder fra 01.06.2026") is no expiry; a year alone right
    after the word ("gyldig til 2027", "Svanemærket indtil 2024") means the end of that year.
    """
    cue = _VALID_UNTIL.search(text, start, stop)
    found = _dated(text, cue, until=True) if cue else None
    if found is None:
        cue = _VALID_FROM.search(text, start, stop)
        found = _dated(text, cue, until=False) if cue else None
    return found


def is_validity(header: str) -> bool:
    """Whether a column header says its dates are when something expires ("Gyldig til", "Valid until")."""
    return bool(_VALID_UNTIL.search(header))


def _dated(text: str, cue: re.Match[str], until: bool) -> tuple[date, int, int] | None:
    # The date may run past `stop`: a window cut through "31.03.2025" would read "31.03.20".
    window = text[cue.end(): cue.end() + 40]
    found = find_date(window)
    if not found:
        year = _BARE_YEAR.match(window) if until else None
        if not year:
            return None
        return date(int(year.group(1)), 12, 31), cue.start(), cue.end() + year.end()
    when, match = found
    end = match.end()
    period_end = _PERIOD_END.match(window, end)
    later = find_date(window[period_end.end():]) if period_end else None
    if later and later[1].start() == 0:
        when, end = later[0], period_end.end() + later[1].end()
    elif not until or _PERIOD_START.search(window, 0, match.start()):
        return None
    return when, cue.start(), cue.end() + end


_BARE_YEAR = re.compile(
    r"\s*[:=]?\s*(?:(?:udgangen af|slutningen af|end of|Ende)\s+)?((?:19|20)\d{2})(?!\d|[.,/\-–]\d)")
# A date after one of these starts a validity period ("Gyldighed: 12 måneder fra 01.06.2026"): not the end of it.
_PERIOD_START = re.compile(
    r"(?<![\w])(?:fra|from|since|siden|ab|seit|från|issued|udstedt|ausgestellt)(?![\w])", re.IGNORECASE)
_PERIOD_END = re.compile(r"\s*(?:[-–—]|til|to|bis|till)\s*", re.IGNORECASE)
_CERTIFICATE = _words([r"certifi\w*", r"zertifi\w*", r"licen[cs]\w*", r"lisens\w*", r"Lizenz\w*", r"mærk\w*",
                       r"label\w*", r"märk\w*", r"merke\w*"])


def follow_up_ended(text: str, clause_end: int, stop: int) -> int | None:
    """Where the sentence after a claim ends, if it says the certificate has ended ("The certificate has expired.")."""
    following = _SENTENCE_END.search(text, clause_end + 1, stop)
    sentence_end = following.start() if following else stop
    # The certificate is what the sentence is about: among its first words ("Licensen er …", "Certificate …").
    opening = " ".join(text[clause_end:sentence_end].lstrip(" .;!?\n").split()[:3])
    if _CERTIFICATE.search(opening) and _ENDED.search(text, clause_end, sentence_end):
        return sentence_end
    return None


def quote_span(
    text: str, clause_start: int, clause_end: int, start: int, end: int, reach: int = 100
) -> tuple[int, int]:
    """What to quote for `text[start:end]`: its clause, on the lines of its own sentence.

    Headings and the lines of other items have no closing punctuation, so clauses can run over
    them; a quote keeps to the claim's line and the lines its sentence wraps onto (a line that
    starts in lower case, or follows a long line without closing punctuation or a negation word).
    """
    left = text.rfind("\n", clause_start, start) + 1 or clause_start
    while left > clause_start:
        previous_start = text.rfind("\n", clause_start, left - 1) + 1 or clause_start
        if not _continues(text[previous_start : left - 1], text[left:left + 1]):
            break
        left = previous_start
    right = end_of_line(text, end)
    while right < clause_end:
        next_end = end_of_line(text, right + 1)
        if not _continues(text[text.rfind("\n", 0, right) + 1 : right], text[right + 1:right + 2]):
            break
        right = next_end
    left, right = max(left, clause_start, start - reach), min(right, max(clause_end, end), end + reach)
    if left > clause_start and left < start and text[left - 1] not in " \n":
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    if right < len(text) and right > end and text[right] not in " \n.":
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else end
    while left < start and text[left] in " \n":
        left += 1
    while right > end and text[right - 1] in " \n":
        right -= 1
    return left, right


_WRAPPED_LINE = 50


def _continues(line: str, next_char: str) -> bool:
    """Whether the line after `line` (starting with `next_char`) continues its sentence."""
    if not line or not next_char:
        return False
    if next_char.islower():
        return True
    last_word = line.split()[-1] if line.split() else ""
    if _NEGATION_BEFORE.fullmatch(last_word) or _PENDING.fullmatch(last_word):
        return True
    return len(line) >= _WRAPPED_LINE and line[-1] not in ".:!?;"


def unclaimed_matches(
    text: str, pattern: re.Pattern[str], claimed: list[tuple[int, int]]
) -> Iterator[tuple[re.Match[str], int, int, Subject]]:
    """Matches of `pattern` outside the spans already `claimed`, each with its clause bounds and whom its
    clause is about (`subject`).

    Every such match claims its span, so a later, more general pattern cannot read the same words
    again ("uden drivgas" is not also "drivgas"), whomever the clause is about: whether a statement
    about the packaging or an organisation counts is for the rules to judge (rules/checks.yaml).
    """
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < claimed_end and claimed_start < end for claimed_start, claimed_end in claimed):
            continue
        claimed.append((start, end))
        clause_start, clause_end = clause_bounds(text, start, end)
        yield match, clause_start, clause_end, subject(text, clause_start, start, end, clause_end)
