"""Label claims: which ecolabel or certificate is named, and what its clause says about it (whom it is about,
its licence, generation and validity). Whether it is current on the day checked, the rules judge."""

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator
from rapidfuzz import fuzz, process

from procure_check.extract import context
from procure_check.extract.dates import find_date
from procure_check.extract.pagetext import PageText
from procure_check.extract.patterns import words_pattern
from procure_check.extract.products import heading_type
from procure_check.facts import LabelClaim
from procure_check.vocab import entries

FUZZY_MIN_SCORE = 90
FUZZY_MIN_LENGTH = 9
_IDENTIFIER_REACH = 160


class LabelDef(BaseModel):
    """One label of `rules/labels.yaml`."""

    model_config = ConfigDict(extra="forbid")
    name: str
    aliases: list[str]
    type_1: bool = False
    identifier: list[str] = []
    identifier_names: Literal["licence", "criteria"] = "licence"
    """What an identifier names: the product's licence or certificate, or the label's criteria document
    ("DE-UZ 219"), which a product only designed to those criteria can cite as well."""
    outdated: list[str] = []
    generation: str | None = None
    grades: list[str] = []
    not_product: list[str] = []
    ambiguous: list[str] = []
    needs: list[str] = []

    @model_validator(mode="after")
    def _ambiguous_are_aliases(self) -> "LabelDef":
        unknown = set(self.ambiguous) - set(self.aliases)
        if unknown:
            raise ValueError(f"ambiguous names that are not aliases: {', '.join(sorted(unknown))}")
        if self.ambiguous and not self.needs:
            raise ValueError("ambiguous aliases need `needs`")
        return self


@cache
def label_definitions() -> dict[str, LabelDef]:
    """The label vocabulary, validated."""
    return entries("labels.yaml", "labels", LabelDef)


def _alias_pattern(alias: str) -> str:
    words = [re.escape(word) for word in re.split(r"[\s\-]+", alias.strip()) if word]
    body = r"[®™]?[\s\-–]*".join(words) + r"[®™]?"
    # Long names take Nordic inflections ("Svanemærke" → "Svanemærkets").
    suffix = r"(?:s|e|n|t|et|ede|de|ne|ede)?" if len(alias) >= 6 and alias[-1].isalpha() else ""
    flags = "" if len(alias) <= 5 and alias.isupper() else "(?i:"
    return f"{flags}(?<![\\w]){body}{suffix}(?![\\w]){')' if flags else ''}"


@cache
def _matcher() -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """One alternation over every label: outdated names first, then aliases longest first."""
    entries: list[tuple[str, str, str]] = []  # (pattern, label id, how the name is read)
    firsts: list[str] = []  # the first character of each entry's name or pattern
    for label_id, label in label_definitions().items():
        for pattern in label.outdated:
            entries.append((f"(?i:(?<![\\w]){pattern})", label_id, "legacy"))
            # A pattern's first character is its first letter only if nothing makes it optional.
            firsts.append(pattern[0] if not re.search(r"\A.[?*{]|\|", pattern) else "")
        for pattern in label.not_product:
            entries.append((f"(?i:(?<![\\w]){re.escape(pattern)}(?![\\w]))", label_id, "not_product"))
            firsts.append(pattern[:1])
    aliases = [(alias, label_id) for label_id, label in label_definitions().items() for alias in label.aliases]
    for alias, label_id in sorted(aliases, key=lambda item: -len(item[0])):
        reading = "ambiguous" if alias in label_definitions()[label_id].ambiguous else "name"
        entries.append((_alias_pattern(alias), label_id, reading))
        firsts.append(alias.strip()[:1])
    groups = [f"(?P<g{i}>{pattern})" for i, (pattern, _, _) in enumerate(entries)]
    # Every entry starts where no word character comes before; saying so once, in front, lets the scan
    # skip the positions inside words without trying each entry there (four to five times faster).
    return re.compile(rf"(?<![\w])(?:{_by_first_letter(groups, firsts)})"), \
        [(label_id, reading) for _, label_id, reading in entries]


def _by_first_letter(groups: list[str], firsts: list[str]) -> str:
    """The alternation of `groups`, bucketed by the letter each must start with (`firsts`, matched
    without case) so that a word is tried only against the entries of its first letter. Entries keep
    their order within a bucket, and entries of different buckets cannot match at the same place,
    so every match is the one the plain alternation would find."""
    if not all(first.isalpha() for first in firsts):
        return "|".join(groups)
    buckets: dict[str, list[str]] = {}
    for group, first in zip(groups, firsts, strict=True):
        buckets.setdefault(first.lower(), []).append(group)
    return "|".join(f"(?=(?i:{first}))(?:{'|'.join(members)})" for first, members in buckets.items())


@cache
def _fuzzy_aliases() -> tuple[list[str], list[str]]:
    pairs = [(alias.lower(), label_id) for label_id, label in label_definitions().items()
             for alias in label.aliases if len(alias) >= FUZZY_MIN_LENGTH and alias not in label.ambiguous]
    return [alias for alias, _ in pairs], [label_id for _, label_id in pairs]


def find_labels(page: PageText, new_id: Callable[[str], str]) -> Iterator[LabelClaim]:
    """Every label named on the page, read in its clause."""
    pattern, entries = _matcher()
    text = page.text
    matched_lines: set[int] = set()
    consumed: dict[str, int] = {}
    for match in pattern.finditer(text):
        label_id, reading = entries[int(match.lastgroup[1:])]
        matched_lines.add(text.count("\n", 0, match.start()))
        if match.start() < consumed.get(label_id, -1):
            continue  # the name inside an identifier just read ("FSC C123456")
        if _in_web_address(text, match.start(), match.end()):
            continue  # "tcocertified.com", "www.svanemaerket.dk": where to read about a label
        if _field_name(text, label_id, match.start(), match.end()):
            continue  # "EU Ecolabel: Produktet er ikke EU Ecolabel-mærket": the value is the claim
        if reading == "ambiguous" and not _needs_met(text, label_id, match.start(), match.end()):
            continue  # "a good environmental choice" is no label
        claim, consumed[label_id] = _claim(page, match.start(), match.end(), label_id, reading, new_id)
        yield claim
    yield from _fuzzy_claims(page, matched_lines, new_id)


@cache
def _needs(label_id: str) -> re.Pattern[str]:
    return words_pattern(label_definitions()[label_id].needs)


def _needs_met(text: str, label_id: str, start: int, end: int) -> bool:
    """Whether the clause of an ambiguous name ("Good Environmental Choice") says it is a label."""
    clause_start, clause_end = context.clause_bounds(text, start, end)
    return bool(_needs(label_id).search(text, clause_start, start) or _needs(label_id).search(text, end, clause_end))


def _fuzzy_claims(page: PageText, skip_lines: set[int], new_id) -> Iterator[LabelClaim]:
    """Misspelt or OCR-damaged label names ("EU Blomseten") on lines with no exact label name."""
    aliases, label_ids = _fuzzy_aliases()
    every = dict(enumerate(aliases))
    longest = max(map(len, aliases), default=0)
    lines = page.text.split("\n")
    offset = 0
    for line_no, text in enumerate(lines):
        base, offset = offset, offset + len(text) + 1
        if line_no in skip_lines or len(text) < 6:
            continue
        line = text.lower()
        # partial_ratio aligns the shorter string inside the longer: a line shorter than the name
        # ("Energi" against "energy star") would be scored as a fragment of it. Such names don't count.
        choices = every if len(line) >= longest else {i: alias for i, alias in every.items() if len(alias) <= len(line)}
        found = process.extractOne(line, choices, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_MIN_SCORE)
        if found is None:
            continue
        _, score, best = found
        alignment = fuzz.partial_ratio_alignment(aliases[best], line)
        start, end = _whole_words(line, alignment.dest_start, alignment.dest_end)
        if line[start:start + 1] != aliases[best][:1]:
            continue
        if _in_web_address(page.text, base + start, base + end):
            continue
        claim, _ = _claim(page, base + start, base + end, label_ids[best], "name", new_id)
        yield claim.model_copy(update={"fuzzy_score": round(score, 1)})


def _whole_words(line: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and line[start - 1].isalnum():
        start -= 1
    while end < len(line) and line[end].isalnum():
        end += 1
    return start, end


def _claim(page: PageText, start: int, end: int, label_id: str, reading: str, new_id) -> tuple[LabelClaim, int]:
    """The claim of the name at `text[start:end]` (read as `_matcher` says), and where the text it read ends."""
    text = page.text
    label = label_definitions()[label_id]
    clause_start, clause_end = context.clause_bounds(text, start, end)
    reach = min(len(text), max(clause_end, end + _IDENTIFIER_REACH))
    reach = _before_next_label(text, label_id, end, context.row_end(text, end, reach))
    quote_start, quote_end = start, end
    about = context.subject(text, clause_start, start, end, clause_end)
    if reading == "not_product":
        about = "other"
    polarity = "present"
    if context.is_negated(text, clause_start, start, end, clause_end):
        polarity = "negated"
    elif context.is_pending(text, clause_start, clause_end):
        polarity = "pending"
    identifier = None
    for id_pattern in label.identifier:
        # From the name's start: some identifiers begin with it ("FSC C123456", "PEFC/09-31-001").
        found = re.compile(id_pattern, re.IGNORECASE).search(text, start, min(reach, end + _IDENTIFIER_REACH))
        if found:
            identifier = re.sub(r"\s+", " ", found.group(1))
            quote_end = max(quote_end, found.end())
            break
    generation = None
    if label.generation:
        found = re.compile(label.generation, re.IGNORECASE).search(text, end, min(reach, end + 40))
        if found:
            generation = int(found.group(1))
            quote_end = max(quote_end, found.end())
    grade = None
    if label.grades:
        grade_pattern = r"\s*[:\-–]?\s*(" + "|".join(map(re.escape, label.grades)) + r")(?![\w])"
        found = re.compile(grade_pattern, re.IGNORECASE).match(text, end)
        if found:
            grade = found.group(1).capitalize()
            quote_end = max(quote_end, found.end())
    valid_until = None
    stated = context.expiry(text, end, reach)
    if not stated and not _names_other_label(text, label_id, clause_start, start):
        stated = context.expiry(text, clause_start, start)  # "Gyldig til 31.03.2025: OEKO-TEX …"
    if not stated:
        stated = _validity_column(page, start)  # a table row under "Gyldig til" / "Valid until"
    if stated:
        valid_until, expiry_start, expiry_end = stated
        quote_start, quote_end = min(quote_start, expiry_start), max(quote_end, expiry_end)
    ended = context.has_ended(text, clause_start, clause_end)
    if not ended:
        ended_at = context.follow_up_ended(text, clause_end, reach)  # "… 20.HUS.12345. The certificate has expired."
        if ended_at is not None:
            ended, quote_end, clause_end = True, max(quote_end, ended_at), max(clause_end, ended_at)
    # Meeting a label's criteria ("lever op til Svanemærkets krav") is not holding its licence.
    licensed = identifier is not None and label.identifier_names == "licence"
    if about == "product" and not licensed and context.conformity_only(text, clause_start, start, end, clause_end):
        about = "other"
    read_until = quote_end
    quote_start, quote_end = context.quote_span(text, clause_start, clause_end, quote_start, quote_end)
    claim = LabelClaim(
        id=new_id("label"), label=label_id, name=label.name, polarity=polarity, about=about,
        identifier=identifier, generation=generation, grade=grade, valid_until=valid_until, ended=ended,
        legacy=reading == "legacy",
        heading_type=heading_type(text, start),
        evidence=[page.evidence(quote_start, quote_end, focus=(start, read_until))],
    )
    return claim, read_until


def refer_to_certificates(facts: list) -> list:
    """A bare claim ("certificeret efter STANDARD 100 by OEKO-TEX") speaks of the certificate the document gives
    for its label (with a number or a validity date): it takes that certificate's generation, validity and end,
    and quotes it too. Of several certificates, the one that lasts longest."""
    claims = {fact.id: fact for fact in facts if isinstance(fact, LabelClaim) and fact.polarity == "present"
              and fact.about == "product"}
    certificates: dict[str, LabelClaim] = {}
    for claim in sorted(filter(_specific, claims.values()), key=_lasting, reverse=True):
        certificates.setdefault(claim.label, claim)
    return [
        fact.model_copy(update={
            "generation": certificate.generation, "valid_until": certificate.valid_until, "ended": certificate.ended,
            "legacy": certificate.legacy, "evidence": fact.evidence + certificate.evidence})
        if fact.id in claims and not _specific(fact) and (certificate := certificates.get(fact.label)) else fact
        for fact in facts
    ]


def _specific(claim: LabelClaim) -> bool:
    return claim.identifier is not None or claim.valid_until is not None


def _lasting(claim: LabelClaim) -> tuple:
    """How long a certificate lasts, on any day: not ended, no legacy name, the latest generation and date."""
    return not claim.ended, not claim.legacy, claim.generation or 0, claim.valid_until or date.max


def before_label(text: str, label_id: str) -> str:
    """The part of `text` (a claim's quote) before its first name of the label `label_id`."""
    pattern, entries = _matcher()
    for found in pattern.finditer(text):
        if entries[int(found.lastgroup[1:])][0] == label_id:
            return text[: found.start()]
    return text


def _validity_column(page: PageText, position: int) -> tuple[date, int, int] | None:
    """The date in the claim's table row that stands under a validity header ("Gyldig til", "Valid until")."""
    for header, cell_start, cell_end in page.row_cells(position):
        if header and context.is_validity(header):
            found = find_date(page.text[cell_start:cell_end])
            if found:
                when, match = found
                return when, cell_start + match.start(), cell_start + match.end()
    return None


_WEB_BEFORE = re.compile(r"(?:www\.|://|@|[\w-]\.)\Z", re.IGNORECASE)
_WEB_AFTER = re.compile(r"\.[a-z]{2,}(?![\w-])|[\w-]*\.(?:com|org|net|dk|se|no|de|eu|info)\b", re.IGNORECASE)


def _in_web_address(text: str, start: int, end: int) -> bool:
    """Whether the name at `text[start:end]` is part of a web or mail address."""
    return bool(_WEB_BEFORE.search(text, max(0, start - 4), start) or _WEB_AFTER.match(text, end))


_KEY_REACH = 40
"""How far a label name in a field's key may stand before the key ends."""


def _field_name(text: str, label_id: str, start: int, end: int) -> bool:
    """Whether the name is (part of) a field's key whose value names the same label again: the key only
    names the field ("EU Ecolabel / Svanemærket: Produktet er ikke EU Ecolabel- eller Svanemærket")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = context.end_of_line(text, end)
    key_end = text.find(": ", end, min(line_end, end + _KEY_REACH))
    if key_end < 0 or ": " in text[line_start:start]:
        return False
    pattern, entries = _matcher()
    if not _ONLY_SEPARATORS.fullmatch(pattern.sub("", text[line_start:key_end])):
        return False  # "PEFC chain-of-custody certification: pending" says something in its key
    return any(entries[int(found.lastgroup[1:])][0] == label_id for found in pattern.finditer(text, key_end, line_end))


_ONLY_SEPARATORS = re.compile(r"[\s/,&+|*-]*(?:(?:og|and|or|eller|und|oder|och)[\s/,&+|*-]*)*", re.IGNORECASE)


def _names_other_label(text: str, label_id: str, start: int, stop: int) -> bool:
    """Whether `text[start:stop]` names another label (a date there belongs to that one)."""
    pattern, entries = _matcher()
    return any(entries[int(found.lastgroup[1:])][0] != label_id for found in pattern.finditer(text, start, stop))


def _before_next_label(text: str, label_id: str, start: int, stop: int) -> int:
    """Identifiers and dates after the next name of another label belong to that label."""
    pattern, entries = _matcher()
    for following in pattern.finditer(text, start, stop):
        if entries[int(following.lastgroup[1:])][0] != label_id:
            return following.start()
    return stop
