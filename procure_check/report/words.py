"""The words every report format shares, in Danish and English, and the order verdicts are shown in.

A renderer never spells a heading, a column name or a verdict itself: it asks here, so `--lang da`
reads the same in the terminal, Markdown, HTML, CSV, JUnit and SARIF.
"""

import functools

from procure_check.errors import ProcureCheckError
from procure_check.results import DocumentReport, Report, Result, Verdict

VERDICT_ORDER: tuple[Verdict, ...] = ("fail", "unknown", "waived", "pass", "not_applicable")
"""Failures first: what needs action, then what a waiver covers, then what passed or does not apply."""

VERDICT_WORD: dict[str, dict[str, str]] = {
    "en": {"pass": "PASS", "fail": "FAIL", "unknown": "UNKNOWN", "not_applicable": "N/A", "waived": "WAIVED"},
    "da": {"pass": "OPFYLDT", "fail": "IKKE OPFYLDT", "unknown": "UKENDT", "not_applicable": "IKKE RELEVANT",
           "waived": "UNDTAGET"},
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "report": "procure-check report", "compliant": "compliant", "not_compliant": "not compliant",
        "page": "p.", "group": "group", "criterion": "Criterion", "title": "Title", "severity": "Severity",
        "verdict": "Verdict", "reason": "Reason", "evidence": "Evidence", "mandatory": "mandatory",
        "recommended": "recommended", "error": "error", "pages": "pages", "page_one": "page", "as_of": "as of",
        "catalogue": "catalogue", "version": "version", "document": "Document", "documents": "documents",
        "overview": "Overview", "summary": "Summary", "yes": "yes", "no": "no", "language": "language",
        "file": "file", "files": "files", "path": "path", "kind": "kind", "product": "product", "tender": "tender",
        "waiver": "waiver", "was": "was", "criteria": "criteria", "count": "count", "read_error": "read document",
        "source_flag": "given with --group", "source_cpv": "by CPV code", "source_keywords": "by keywords",
        "mandatory_criteria": "mandatory", "recommended_criteria": "recommended", "unreadable": "unreadable",
        "not_checked": "not checked", "incomplete": "Incomplete: the run was interrupted",
        "document_one": "document", "criterion_one": "criterion", "id": "ID", "check": "Check",
        "applies_to": "applies to", "scope": "scope", "whole_group": "whole group", "requirement": "requirement",
        "parameters": "parameters", "source": "source",
    },
    "da": {
        "report": "procure-check-rapport", "compliant": "opfylder kravene", "not_compliant": "opfylder ikke kravene",
        "page": "s.", "group": "gruppe", "criterion": "Kriterium", "title": "Titel", "severity": "Type",
        "verdict": "Vurdering", "reason": "Begrundelse", "evidence": "Dokumentation", "mandatory": "krav",
        "recommended": "anbefaling", "error": "fejl", "pages": "sider", "page_one": "side", "as_of": "pr.",
        "catalogue": "katalog", "version": "version", "document": "Dokument", "documents": "dokumenter",
        "overview": "Oversigt", "summary": "Resumé", "yes": "ja", "no": "nej", "language": "sprog",
        "file": "fil", "files": "filer", "path": "sti", "kind": "art", "product": "produkt", "tender": "udbud",
        "waiver": "undtagelse", "was": "var", "criteria": "kriterier", "count": "antal",
        "read_error": "læs dokumentet",
        "source_flag": "angivet med --group", "source_cpv": "ud fra CPV-kode", "source_keywords": "ud fra nøgleord",
        "mandatory_criteria": "krav", "recommended_criteria": "anbefalinger", "unreadable": "kunne ikke læses",
        "not_checked": "ikke kontrolleret", "incomplete": "Ufuldstændig: kørslen blev afbrudt",
        "document_one": "dokument", "criterion_one": "kriterium", "id": "ID", "check": "Kontrol",
        "applies_to": "gælder", "scope": "omfang", "whole_group": "hele gruppen", "requirement": "kravtekst",
        "parameters": "parametre", "source": "kilde",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["da" if lang == "da" else "en"]


def verdict_word(verdict: str, lang: str) -> str:
    return VERDICT_WORD["da" if lang == "da" else "en"][verdict]


_SINGULAR = {"documents": "document_one", "criteria": "criterion_one", "pages": "page_one"}


def number_of(count: int, noun: str, lang: str) -> str:
    """ "1 document", "2 documents", "1 dokument", "2 dokumenter": `noun` is the key of the plural."""
    w = words(lang)
    return f"{count} {w[_SINGULAR[noun]] if count == 1 else w[noun]}"


SEVERITIES = ("mandatory", "recommended")


def by_severity(document: DocumentReport) -> list[tuple[str, dict[Verdict, int]]]:
    """Per severity that the document's criteria have: its results per verdict (those that occur), in
    `VERDICT_ORDER`. A recommended criterion never decides compliance: the summary keeps them apart."""
    return [(severity, {verdict: number for verdict in VERDICT_ORDER
                        if (number := sum(r.severity == severity and r.verdict == verdict for r in document.results))})
            for severity in SEVERITIES if any(r.severity == severity for r in document.results)]


def severity_counts(document: DocumentReport, lang: str) -> list[tuple[str, str]]:
    """ [("mandatory", "FAIL 2, PASS 1"), ("recommended", "FAIL 3")]: the counts that are not zero, per
    severity, with the severity's label in `lang`."""
    return [(words(lang)[severity + "_criteria"],
             ", ".join(f"{verdict_word(verdict, lang)} {number}" for verdict, number in numbers.items()))
            for severity, numbers in by_severity(document)]


def totals_line(report: Report, lang: str) -> str:
    """ "3 documents: 1 compliant, 1 not compliant, 1 unreadable" (and the documents not checked)."""
    w = words(lang)
    documents = report.documents
    compliant = sum(1 for d in documents if d.summary and d.summary.compliant)
    unreadable = sum(1 for d in documents if d.error)
    parts = [f"{compliant} {w['compliant']}", f"{len(documents) - compliant - unreadable} {w['not_compliant']}",
             f"{unreadable} {w['unreadable']}"]
    if report.incomplete:
        parts.append(f"{len(report.not_checked)} {w['not_checked']}")
    return f"{number_of(len(documents) + len(report.not_checked), 'documents', lang)}: " + ", ".join(parts)


def by_verdict(results: list[Result]) -> list[tuple[Verdict, list[Result]]]:
    """The results in groups of one verdict, failures first; catalogue order within a group."""
    return [(verdict, [r for r in results if r.verdict == verdict]) for verdict in VERDICT_ORDER
            if any(r.verdict == verdict for r in results)]


def in_verdict_order(results: list[Result]) -> list[Result]:
    return [result for _, group in by_verdict(results) for result in group]


def counts(document: DocumentReport) -> dict[str, int]:
    """Results per verdict, in `VERDICT_ORDER`; zero for a document that could not be read."""
    summary = document.summary
    if summary is None:
        return dict.fromkeys(VERDICT_ORDER, 0)
    return {verdict: getattr(summary, "pass_" if verdict == "pass" else verdict) for verdict in VERDICT_ORDER}


@functools.cache
def _group_titles() -> dict[str, dict[str, str]]:
    from procure_check.catalogue import load_catalogue

    try:
        return {name: group.title.model_dump() for name, group in load_catalogue().groups.items()}
    except ProcureCheckError:
        return {}


def group_name(group: str | None, lang: str) -> str:
    """The group's title in `lang` ("Rengøringsmidler"), from the built-in catalogue; else its id."""
    title = _group_titles().get(group or "", {}).get("da" if lang == "da" else "en")
    return title or group or ""


def group_line(document: DocumentReport, lang: str) -> str:
    """ "group: Cleaning agents (cleaning, by CPV code) · da · 2 pages": the group's title and id, how it was
    decided, language and length."""
    w = words(lang)
    how = [document.group or "", w["source_" + document.group_source]] if document.group_source else [document.group]
    parts = [f"{w['group']}: {group_name(document.group, lang)} ({', '.join(how)})"]
    if document.language:
        parts.append(document.language)
    if document.pages is not None:
        parts.append(number_of(document.pages, "pages", lang))
    return " · ".join(parts)


def waiver_note(result: Result, lang: str) -> str:
    """ "waiver: REASON (was FAIL)" for a waived result, else "". """
    if result.verdict != "waived":
        return ""
    w = words(lang)
    was = verdict_word(result.waived_verdict, lang) if result.waived_verdict else "?"
    return f"{w['waiver']}: {result.waiver} ({w['was']} {was})"


def common_folder(paths: list[str]) -> str:
    """The folder all `paths` are in ("samples/products/"), or "" when they share none."""
    if len(paths) < 2:
        return ""
    parts = [path.replace("\\", "/").split("/")[:-1] for path in paths]
    shared = []
    for names in zip(*parts, strict=False):
        if len(set(names)) != 1:
            break
        shared.append(names[0])
    return "/".join(shared) + "/" if shared else ""


def evidence_place(item, lang: str, with_file: bool = True) -> str:
    """ "p. 2" or, in a tender set, "kravspec.pdf p. 2"; in a spreadsheet its sheet and cell
    ("krav.xlsx Kravspecifikation!B14")."""
    name = item.document.replace(chr(92), '/').rsplit('/', 1)[-1] if item.document else ""
    if getattr(item, "cell", None):
        file, _, sheet = name.partition("!")
        place = f"{sheet}!{item.cell}" if sheet else item.cell
        return f"{file} {place}" if with_file and file else place
    place = f"{words(lang)['page']} {item.page}"
    if with_file and name:
        place = f"{name} {place}"
    return place
