"""The rich terminal report: a summary line per document and a table of verdicts with evidence.

Document text is always wrapped in `rich.text.Text`, never parsed as markup: a data sheet that
contains "[red]" or "[/bold]" is shown as written.
"""

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from procure_check.results import DocumentReport, Report, Result

VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "unknown": "bold yellow", "not_applicable": "dim"}
VERDICT_WORD = {
    "en": {"pass": "PASS", "fail": "FAIL", "unknown": "UNKNOWN", "not_applicable": "N/A"},
    "da": {"pass": "OPFYLDT", "fail": "IKKE OPFYLDT", "unknown": "UKENDT", "not_applicable": "IKKE RELEVANT"},
}
_WORDS = {
    "en": {"compliant": "compliant", "not_compliant": "not compliant", "page": "p.", "group": "group",
           "criterion": "Criterion", "severity": "Severity", "verdict": "Verdict", "reason": "Reason",
           "evidence": "Evidence", "mandatory": "mandatory", "recommended": "recommended", "error": "error",
           "pages": "pages", "page_one": "page", "as_of": "as of", "catalogue": "catalogue"},
    "da": {"compliant": "opfylder kravene", "not_compliant": "opfylder ikke kravene", "page": "s.", "group": "gruppe",
           "criterion": "Kriterium", "severity": "Type", "verdict": "Vurdering", "reason": "Begrundelse",
           "evidence": "Dokumentation", "mandatory": "krav", "recommended": "anbefaling", "error": "fejl",
           "pages": "sider", "page_one": "side", "as_of": "pr.", "catalogue": "katalog"},
}
_EVIDENCE_CHARS = 90


def print_report(report: Report, console: Console, lang: str = "en") -> None:
    words = _WORDS[lang]
    console.print(Text(f"procure-check · {words['as_of']} {report.as_of} · {words['catalogue']} "
                       f"{report.catalogue.version}", style="dim"))
    for document in report.documents:
        console.print()
        console.print(render_document(document, lang))


def render_document(document: DocumentReport, lang: str = "en") -> Group:
    words = _WORDS[lang]
    header = Text()
    header.append(document.path, style="bold")
    if document.error:
        header.append(f"  {words['error']} [{document.error.code}] ", style="bold red")
        header.append(document.error.message)
        return Group(header)
    header.append(f"  {words['group']}: {document.group} ({document.group_source}) · {document.language} · "
                  f"{document.pages} {words['pages'] if document.pages != 1 else words['page_one']}", style="dim")
    return Group(header, summary_line(document, lang), results_table(document.results, lang))


def summary_line(document: DocumentReport, lang: str = "en") -> Text:
    words = _WORDS[lang]
    summary = document.summary
    line = Text("  ")
    line.append(f"✔ {words['compliant']}" if summary.compliant else f"✘ {words['not_compliant']}",
                style="bold green" if summary.compliant else "bold red")
    counts = {"pass": summary.pass_, "fail": summary.fail, "unknown": summary.unknown,
              "not_applicable": summary.not_applicable}
    for verdict, count in counts.items():
        line.append("  ")
        line.append(f"{VERDICT_WORD[lang][verdict]} {count}", style=VERDICT_STYLE[verdict] if count else "dim")
    return line


def results_table(results: list[Result], lang: str = "en") -> Table:
    words = _WORDS[lang]
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=True)
    table.add_column(words["criterion"], no_wrap=True, style="bold")
    table.add_column(words["severity"], no_wrap=True)
    table.add_column(words["verdict"], no_wrap=True)
    table.add_column(words["reason"], ratio=3)
    table.add_column(words["evidence"], ratio=3)
    for result in results:
        table.add_row(
            Text(result.criterion),
            Text(words[result.severity], style="dim" if result.severity == "recommended" else ""),
            Text(VERDICT_WORD[lang][result.verdict], style=VERDICT_STYLE[result.verdict]),
            Text(result.reason),
            _evidence(result, words["page"]),
        )
    return table


def _evidence(result: Result, page_word: str) -> Text:
    text = Text()
    for number, item in enumerate(result.evidence[:2]):
        if number:
            text.append("\n")
        quote = item.text if len(item.text) <= _EVIDENCE_CHARS else item.text[: _EVIDENCE_CHARS - 1] + "…"
        text.append(f"{page_word} {item.page}: ", style="cyan")
        text.append(f"“{quote}”", style="italic")
        if item.ocr:
            text.append(" (OCR)", style="dim")
    return text
