"""The words every report format shares, in Danish and English, and the order verdicts are shown in.

A renderer never spells a heading, a column name or a verdict itself: it asks here, so `--lang da`
reads the same in the terminal, Markdown, HTML, CSV, JUnit and SARIF.
"""

from procure_check.results import DocumentReport, Result, Verdict

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
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["da" if lang == "da" else "en"]


def verdict_word(verdict: str, lang: str) -> str:
    return VERDICT_WORD["da" if lang == "da" else "en"][verdict]


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


def group_line(document: DocumentReport, lang: str) -> str:
    """ "group: cleaning (by CPV code) · da · 2 pages": the group, how it was decided, language and length."""
    w = words(lang)
    parts = [f"{w['group']}: {document.group} ({w['source_' + document.group_source]})"
             if document.group_source else f"{w['group']}: {document.group}"]
    if document.language:
        parts.append(document.language)
    if document.pages is not None:
        parts.append(f"{document.pages} {w['pages'] if document.pages != 1 else w['page_one']}")
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
    """ "p. 2" or, in a tender set, "kravspec.pdf p. 2". """
    place = f"{words(lang)['page']} {item.page}"
    if with_file and item.document:
        place = f"{item.document.replace(chr(92), '/').rsplit('/', 1)[-1]} {place}"
    return place
