"""Requirements → tender facts: the labels, topics, thresholds and references each requirement demands.

Every fact carries its requirement's modality and clause number, and quotes the requirement as
evidence, so a verdict or a legal finding always points at the clause and page it is about.
"""

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache

from procure_check.data import rules_file
from procure_check.document import Line, Page
from procure_check.extract import context
from procure_check.extract.energy import RANKS, cue_pattern, find_energy_classes
from procure_check.extract.labels import find_labels, label_definitions
from procure_check.extract.measures import find_measures
from procure_check.extract.pagetext import PageText, cell_texts
from procure_check.extract.patterns import FirstMatches, words_pattern
from procure_check.extract.products import find_lamp_caps, title_types, type_group
from procure_check.facts import (
    Duration,
    Evidence,
    Quantity,
    Reference,
    TenderLabel,
    TenderLabelScope,
    TenderTopic,
    TenderValue,
    fact_ids,
)
from procure_check.fanout import fan_out, parts_for
from procure_check.tender.model import Requirement
from procure_check.tender.references import STRENGTH, modalities_in_context

_NAME = r"[A-ZÆØÅÄÖÜ][\w-]+"
"""A capitalised name ("Kyocera", "Wexiödisk")."""
QUOTE_CHARS = 300
"""Requirements are quoted up to this length (a prefix of the clause, exactly as printed)."""


@cache
def _terms() -> dict:
    data = rules_file("tender_terms.yaml")
    label_names = {alias.lower() for label in label_definitions().values() for alias in label.aliases}
    return {
        "equivalent": words_pattern(data["equivalent"]),
        "other_proof": words_pattern(data["other_proof"]),
        "other_proof_refused": re.compile("|".join(f"(?:{p})" for p in data["other_proof_refused"]), re.IGNORECASE),
        "proof_only": words_pattern(data["proof_only"]),
        "proof_of": words_pattern(data["proof_of"]),
        "licence": words_pattern(data["licence"]),
        "label_words": words_pattern(data["label_words"]),
        "partial": words_pattern(data["partial"]),
        "criteria_named": words_pattern(data["criteria_named"]),
        "topics": FirstMatches(data["topics"].items()),
        "spisemaerke": data["spisemaerke"],
        "spisemaerke_pattern": words_pattern([rf"(?:{grade})\w*" for grade in data["spisemaerke"]]),
        "brands": words_pattern([re.escape(brand) for brand in data["brands"]]),
        "named_brands": re.compile(
            rf"(?<![\w])(?i:{'|'.join(data['brand_cues'])})\s+(?P<names>{_NAME}(?:\s*(?:,|eller|or|och|og|und|oder)\s*{_NAME})*)"),
        "standards": words_pattern(data["standards"], ignore_case=False),
        "trademark": re.compile(data["trademark"]),
        "label_names": label_names,
    }



def tender_facts(
    requirements: list[Requirement], lang: str, new_id: Callable[[str], str], processes: int = 1
) -> Iterator:
    """All facts of all requirements, in requirement order, then the label demand per product type. A long
    tender's requirements are read by up to `processes` processes (`procure_check.fanout`)."""
    by_id = {requirement.id: requirement for requirement in requirements}
    asked = [(requirement, by_id.get(requirement.modality_from)) for requirement in modalities_in_context(requirements)]
    parts = parts_for(asked, processes, _REQUIREMENTS_PER_PART)
    found = [facts for part in fan_out(functools.partial(_facts_of, lang), parts, processes) for facts in part]
    labels: list[tuple[TenderLabel, Requirement]] = []
    for (requirement, _), facts in zip(asked, found, strict=True):
        for fact in facts:
            fact.id = new_id(fact.id.rpartition("-")[0])  # numbered in document order, however the parts were read
            if isinstance(fact, TenderLabel) and fact.modality in STRENGTH:
                labels.append((fact, requirement))
            yield fact
    yield from _label_scopes(labels, lang, new_id)


_REQUIREMENTS_PER_PART = 32
"""The fewest requirements given to another process at a time (`procure_check.fanout`)."""


def _facts_of(lang: str, asked: list[tuple[Requirement, Requirement | None]]) -> list[list]:
    """The facts of each requirement (and the clause it takes its modality from), ids numbered in the part."""
    new_id = fact_ids()
    return [list(_requirement_facts(requirement, asking, lang, new_id)) for requirement, asking in asked]


def _label_scopes(labels: list[tuple[TenderLabel, Requirement]], lang: str, new_id) -> Iterator[TenderLabelScope]:
    """The product types that label clauses ask for less strongly than the tender's strongest label clause
    asks for another, each with the strongest clause naming it. A clause that names no product type is
    about the whole purchase: it covers every type at its strength."""
    if len({STRENGTH[fact.modality] for fact, _ in labels}) < 2:
        return  # every label clause asks equally strongly: no type is asked for less (the common case)
    types = {id(requirement): title_types(requirement.text, lang, every=True) for _, requirement in labels}
    named = [(fact, types[id(requirement)]) for fact, requirement in labels]
    whole = max((STRENGTH[fact.modality] for fact, subjects in named if not subjects), default=0)
    top = max(STRENGTH[fact.modality] for fact, _ in named)
    strongest: dict[str, TenderLabel] = {}
    for fact, subjects in named:
        for subject in subjects:
            if subject not in strongest or STRENGTH[fact.modality] > STRENGTH[strongest[subject].modality]:
                strongest[subject] = fact
    for subject, fact in strongest.items():
        if whole <= STRENGTH[fact.modality] < top:
            yield TenderLabelScope(
                id=new_id("tender_label_scope"), subject=subject, group=type_group(subject) or "", label=fact.label,
                name=fact.name, modality=fact.modality, clause=fact.clause, evidence=fact.evidence)


def requirement_evidence(requirement: Requirement, decisive: str = "") -> Evidence:
    """The requirement quoted as printed, with its page, box and file: whole when it is short (at most
    `QUOTE_CHARS`), else the sentence holding the `decisive` words, cut around them (else its opening)."""
    text = " ".join(" ".join(line.text.split()) for line in requirement.lines).strip()
    if len(text) > QUOTE_CHARS:
        text = _window(text, " ".join(decisive.split()))
    boxes = [line.bbox for line in requirement.lines if line.bbox]
    bbox = None
    if boxes:
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return Evidence(page=requirement.page, text=text, bbox=bbox, document=requirement.document,
                    cell=requirement.cell, focus=" ".join(decisive.split()))


_SENTENCE_END = re.compile(r"[.!?;:](?=\s+[A-ZÆØÅÄÖÜ0-9•–-])|\s\|\s")
"""Where a sentence (or a table cell) of a long requirement ends."""


def _window(text: str, decisive: str) -> str:
    """At most `QUOTE_CHARS` of `text` that hold `decisive`: its sentence, or the words around it; the
    opening of `text` when `decisive` is not in it."""
    at = text.find(decisive) if decisive else -1
    if at < 0:
        cut = text.rfind(" ", 0, QUOTE_CHARS)
        return text[: cut if cut > 0 else QUOTE_CHARS]
    end = at + len(decisive)
    starts = [0, *(found.end() for found in _SENTENCE_END.finditer(text, 0, at + 1) if found.end() <= at)]
    following = _SENTENCE_END.search(text, end)
    stop = following.start() + (1 if following.group() in ".!?" else 0) if following else len(text)
    # From the earliest sentence that still fits: the opening (lead-in, modality) is in where there is room,
    # and the whole sentences after it while they fit. A sentence that ends in a colon announces what follows
    # (a formula, a list): as much of that as fits.
    start = next((begin for begin in starts if stop - begin <= QUOTE_CHARS), starts[-1])
    for found in itertools.chain(_SENTENCE_END.finditer(text, stop + 1), [None]):
        following_stop = found.start() + (1 if found.group() in ".!?" else 0) if found else len(text)
        if following_stop - start > QUOTE_CHARS:
            if following and following.group() == ":" and stop == following.start():
                stop = max(stop, text.rfind(" ", stop, start + QUOTE_CHARS + 1))
            break
        stop = following_stop
    if stop - start > QUOTE_CHARS:
        room = max(QUOTE_CHARS - (end - at), 0)
        start = max(start, at - room // 2)
        stop = min(stop, max(end, start + QUOTE_CHARS))
        if start > 0 and not text[start - 1].isspace():
            start = text.find(" ", start, at) + 1 or start  # never begin inside a word
        if stop < len(text) and not text[stop].isspace():
            stop = text.rfind(" ", end, stop) if text.rfind(" ", end, stop) > 0 else stop
    return text[start:stop].strip()


def _requirement_facts(
    requirement: Requirement, asking: Requirement | None, lang: str, new_id
) -> Iterator:
    """The facts of one requirement; `asking` is the clause that gives it its modality, quoted after it."""
    terms = _terms()
    page = PageText(Page(number=requirement.page, lines=requirement.lines))
    text = page.text
    common = {"modality": requirement.modality, "clause": requirement.number or requirement.id}

    asked_by = [requirement_evidence(asking)] if asking else []

    def quote(decisive: str = "") -> list[Evidence]:
        return [requirement_evidence(requirement, decisive), *asked_by]

    equivalent = bool(terms["equivalent"].search(text))
    claims = list(find_labels(page, new_id))
    about_labels = bool(claims) or bool(terms["label_words"].search(text))
    other_proof = _other_proof_accepted(text, about_labels)
    named = bool(terms["criteria_named"].search(text))  # "krav O5–O29": some of the label's criteria, named
    partial = bool(terms["partial"].search(text))
    seen_labels = set()
    for claim in claims:
        if claim.polarity == "negated" or claim.label in seen_labels:
            continue
        seen_labels.add(claim.label)
        yield TenderLabel(
            id=new_id("tender_label"), label=claim.label, name=claim.name, equivalent=equivalent,
            other_proof=bool(other_proof), partial=partial or named, criteria_named=named, **common,
            evidence=quote(_decisive(claim)),
        )
    topics = {name: found.group() for name, found in terms["topics"](text)}
    if other_proof:
        topics["other_proof"] = other_proof
    if about_labels:
        topics |= _proof_restricted(text)
    if equivalent and not claims and terms["label_words"].search(text):
        # "Hvor der stilles krav om et miljømærke, accepteres tilsvarende mærker"
        topics["equivalent_labels"] = terms["equivalent"].search(text).group()
    for topic, words in topics.items():
        yield TenderTopic(id=new_id("tender_topic"), topic=topic, **common, evidence=quote(words))
    yield from _values(page, list(topics), lang, new_id, common, quote)
    yield from _class_column(requirement, new_id, common, asked_by)
    yield from _references(text, equivalent, new_id, common, quote)


def _proof_restricted(text: str) -> dict[str, str]:
    """How a clause about labels restricts proof, as a topic and its words: `other_proof_refused` where it refuses
    other proof ("Anden dokumentation accepteres ikke") or accepts the label's own alone ("accepteres alene gyldigt
    licensnummer"); `licence_proof` where it names only the label's licence as another clause's proof
    ("Dokumentasjon for K4: lisensnummer"), which a general acceptance of other proof elsewhere still outweighs."""
    terms = _terms()
    for found in terms["other_proof"].finditer(text):
        if refusal := terms["other_proof_refused"].match(text, found.end()):
            return {"other_proof_refused": text[found.start():refusal.end()].strip()}
    if restricted := terms["proof_only"].search(text):
        return {"other_proof_refused": restricted.group()}
    named = terms["proof_of"].search(text)
    licence = terms["licence"].search(text, named.end()) if named else None
    if licence and not terms["other_proof"].search(text) and not terms["equivalent"].search(text):
        return {"licence_proof": text[named.start():context.end_of_line(text, licence.end())].strip()}
    return {}


def _other_proof_accepted(text: str, about_labels: bool) -> str:
    """The words by which the requirement accepts other proof than a label ("anden egnet dokumentation"), not
    refused ("Anden dokumentation accepteres ikke", "ingen anden dokumentation"), in a clause about labels or
    certificates; "" if it accepts none."""
    if not about_labels:
        return ""
    terms = _terms()
    for found in terms["other_proof"].finditer(text):
        clause_start, clause_end = context.clause_bounds(text, found.start(), found.end())
        if terms["other_proof_refused"].match(text, found.end()) or context.is_negated(
                text, clause_start, found.start(), found.end(), clause_end):
            continue
        return found.group()
    return ""


def _values(page: PageText, topics: list[str], lang: str, new_id, common: dict, quote) -> Iterator[TenderValue]:
    """Thresholds: spare-part years, CO2 prices, energy classes (per lamp cap), organic shares."""
    for measure in find_measures(page, lang, new_id):
        if isinstance(measure, Duration) and measure.subject == "spare_parts":
            yield TenderValue(id=new_id("tender_value"), topic="spare_parts", value=measure.years, unit="years",
                              **common, evidence=quote(_decisive(measure)))
        elif isinstance(measure, Quantity) and measure.quantity == "co2_price":
            yield TenderValue(id=new_id("tender_value"), topic="co2_price", value=measure.value, unit=measure.unit,
                              **common, evidence=quote(_decisive(measure)))
        elif isinstance(measure, Quantity) and measure.quantity == "percentage" and "organic_food" in topics:
            yield TenderValue(id=new_id("tender_value"), topic="organic_share", value=measure.value, unit="%",
                              **common, evidence=quote(_decisive(measure)))
    if "organic_food" in topics:
        grade = _terms()["spisemaerke_pattern"].search(page.text)
        if grade:
            share = next(v for k, v in _terms()["spisemaerke"].items() if grade.group().lower().startswith(k))
            yield TenderValue(id=new_id("tender_value"), topic="organic_share", value=share, unit="%", **common,
                              evidence=quote(grade.group()))
    classes = list(find_energy_classes(page, new_id))
    caps = list(find_lamp_caps(page, new_id)) if classes else []  # only read for an energy class
    for energy_class in classes:
        cap = _nearest_cap_before(page.text, caps, _decisive(energy_class))
        yield TenderValue(id=new_id("tender_value"), topic="energy_class", value=energy_class.rank,
                          unit=energy_class.cls, cap=cap, **common, evidence=quote(_decisive(energy_class)))


def _class_column(requirement: Requirement, new_id, common: dict, asked_by: list[Evidence]) -> Iterator[TenderValue]:
    """Energy classes in a table column headed by an energy class word ("Sokkel | … | Mindste energiklasse"),
    one per row, for the lamp cap the row names; quoted by the row under its header, then `asked_by`."""
    header: Line | None = None
    column = width = -1
    for line in requirement.lines:
        cells = _cells(line)
        if len(cells) < 2:
            continue
        if header is None:
            found = [k for k, cell in enumerate(cells) if cue_pattern().search(cell)]
            if found and not any(character.isdigit() for character in line.text):
                header, column, width = line, found[0], len(cells)
            continue
        if len(cells) != width or not re.fullmatch(r"[A-G]", cells[column]):
            continue
        cls = cells[column]
        caps = list(find_lamp_caps(PageText(Page(number=requirement.page, lines=[line])), new_id))
        row = requirement_evidence(requirement.model_copy(update={"lines": [header, line]}), line.text)
        yield TenderValue(id=new_id("tender_value"), topic="energy_class", value=RANKS[cls], unit=cls,
                          cap=caps[0].cap if caps else "", **common, evidence=[row, *asked_by])


def _cells(line: Line) -> list[str]:
    """A table row's cells: as the parser found them, else split at " | " (a Markdown or text pipe table)."""
    if line.cells:
        return cell_texts(line)
    return [cell.strip() for cell in line.text.strip().strip("|").split(" | ")] if " | " in line.text else []


def _decisive(fact) -> str:
    """The words of a fact's evidence that decide it (its whole quote if none are marked)."""
    return fact.evidence[0].focus or fact.evidence[0].text


def _nearest_cap_before(text: str, caps: list, class_quote: str) -> str:
    """The lamp cap named closest before an energy class ("E27: klasse C, E14: klasse D")."""
    position = text.find(class_quote)
    best = ""
    best_at = -1
    for cap in caps:
        for match in re.finditer(re.escape(cap.evidence[0].text), text):
            if best_at < match.start() <= position:
                best, best_at = cap.cap, match.start()
    return best


def _references(text: str, equivalent: bool, new_id, common: dict, quote) -> Iterator[Reference]:
    """Brands, trademarks and standards named in a specification; label names are not references here."""
    terms = _terms()
    seen = set()
    named = [(found.start("names"), name) for found in terms["named_brands"].finditer(text)
             for name in re.findall(_NAME, found.group("names"))]
    for kind, pattern in (("brand", terms["brands"]), ("trademark", terms["trademark"]),
                          ("standard", terms["standards"])):
        found_names = [(match.start(), match.group().strip()) for match in pattern.finditer(text)]
        if kind == "brand":
            found_names = sorted(found_names + named)
        for _, name in found_names:
            base = name.rstrip("®™ ").lower()
            if base in seen or base in terms["label_names"] or any(base in label for label in terms["label_names"]):
                continue
            seen.add(base)
            yield Reference(id=new_id("reference"), name=name, type=kind, equivalent=equivalent, **common,
                            evidence=quote(name))
