"""The rich terminal report: per document a header, a summary line and the verdicts with evidence.

Document text is always wrapped in `rich.text.Text`, never parsed as markup: a data sheet that
contains "[red]" or "[/bold]" is shown as written. Results are grouped by verdict, failures first.
`details` shows every evidence item in full; `quiet` prints one summary line per document.
"""

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from procure_check.report.words import (
    VERDICT_ORDER,
    by_verdict,
    common_folder,
    counts,
    evidence_place,
    group_line,
    verdict_word,
    waiver_note,
    words,
)
from procure_check.results import DocumentReport, Report, Result

VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "unknown": "bold yellow", "not_applicable": "dim",
                 "waived": "bold magenta"}
_EVIDENCE_CHARS = 90
_EVIDENCE_ITEMS = 2


def print_report(report: Report, console: Console, lang: str = "en", *, details: bool = False,
                 quiet: bool = False) -> None:
    console.print(header(report, lang))
    if quiet:
        for document in report.documents:
            console.print(quiet_line(document, lang))
        return
    for document in report.documents:
        console.print()
        console.print(render_document(document, lang, details=details))
    if len(report.documents) > 1:
        console.print()
        console.print(overview_table(report.documents, lang))


def header(report: Report, lang: str = "en") -> Text:
    w = words(lang)
    return Text(f"procure-check {report.tool.version} · {w['as_of']} {report.as_of} · {w['catalogue']} "
                f"{report.catalogue.version}", style="dim")


def render_document(document: DocumentReport, lang: str = "en", *, details: bool = False) -> Group:
    w = words(lang)
    title = Text()
    title.append(document.path, style="bold")
    if document.error:
        title.append(f"  {w['error']} [{document.error.code}] ", style="bold red")
        title.append(document.error.message)
        return Group(title)
    parts = [title, Text("  " + group_line(document, lang), style="dim")]
    if document.files and len(document.files) > 1:
        parts.append(Text(f"  {w['files']}: " + ", ".join(document.files), style="dim"))
    parts += [summary_line(document, lang), results_table(document.results, lang, details=details)]
    return Group(*parts)


def summary_line(document: DocumentReport, lang: str = "en") -> Text:
    w = words(lang)
    line = Text("  ")
    compliant = document.summary.compliant
    line.append(f"✔ {w['compliant']}" if compliant else f"✘ {w['not_compliant']}",
                style="bold green" if compliant else "bold red")
    for verdict, count in counts(document).items():
        if verdict == "waived" and not count:
            continue
        line.append("  ")
        line.append(f"{verdict_word(verdict, lang)} {count}", style=VERDICT_STYLE[verdict] if count else "dim")
    return line


def quiet_line(document: DocumentReport, lang: str = "en") -> Text:
    """One line per document: mark, path, group, the counts that are not zero (or the error)."""
    w = words(lang)
    line = Text()
    if document.error:
        line.append("! ", style="bold red")
        line.append(document.path, style="bold")
        line.append(f"  {w['error']} [{document.error.code}] ", style="bold red")
        line.append(document.error.message)
        return line
    compliant = document.summary.compliant
    line.append("✔ " if compliant else "✘ ", style="bold green" if compliant else "bold red")
    line.append(document.path, style="bold")
    line.append(f"  {document.group}", style="dim")
    for verdict, count in counts(document).items():
        if not count:
            continue
        line.append("  ")
        line.append(f"{verdict_word(verdict, lang)} {count}", style=VERDICT_STYLE[verdict] if count else "dim")
    return line


def results_table(results: list[Result], lang: str = "en", *, details: bool = False) -> Table:
    w = words(lang)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=True)
    table.add_column(w["criterion"], no_wrap=True, style="bold")
    table.add_column(w["severity"], no_wrap=True)
    table.add_column(w["verdict"], no_wrap=True)
    table.add_column(w["reason"], ratio=3)
    table.add_column(w["evidence"], ratio=3)
    for _, group in by_verdict(results):
        for number, result in enumerate(group, start=1):
            table.add_row(
                Text(result.criterion),
                Text(w[result.severity], style="dim" if result.severity == "recommended" else ""),
                Text(verdict_word(result.verdict, lang), style=VERDICT_STYLE[result.verdict]),
                _reason(result, lang),
                _evidence(result, lang, details),
                end_section=number == len(group),
            )
    return table


def overview_table(documents: list[DocumentReport], lang: str = "en") -> Table:
    """One row per document: whether it complies and its counts; shown when several were checked."""
    w = words(lang)
    shown = [v for v in VERDICT_ORDER if v != "waived" or any(counts(d)["waived"] for d in documents)]
    folder = common_folder([document.path for document in documents])
    title = f"{w['overview']} · {folder}" if folder else w["overview"]
    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(w["document"], ratio=1, overflow="fold")
    table.add_column(w["group"].capitalize(), no_wrap=True)
    for verdict in shown:
        table.add_column(verdict_word(verdict, lang), justify="right", no_wrap=True)
    for document in documents:
        name = Text(document.path[len(folder):])
        if document.error:
            name.append(f"\n{w['error']} [{document.error.code}]", style="bold red")
            table.add_row(Text("!", style="bold red"), name, "", *[""] * len(shown))
            continue
        compliant = document.summary.compliant
        mark = Text("✔" if compliant else "✘", style="bold green" if compliant else "bold red")
        numbers = counts(document)
        table.add_row(mark, name, Text(document.group or ""),
                      *[Text(str(numbers[v]), style=VERDICT_STYLE[v] if numbers[v] else "dim") for v in shown])
    return table


def _reason(result: Result, lang: str) -> Text:
    text = Text(result.title, style="dim")
    text.append("\n")
    text.append(result.reason)
    note = waiver_note(result, lang)
    if note:
        text.append("\n")
        text.append(note, style="magenta")
    return text


def _evidence(result: Result, lang: str, details: bool) -> Text:
    text = Text()
    items = result.evidence if details else result.evidence[:_EVIDENCE_ITEMS]
    for number, item in enumerate(items):
        if number:
            text.append("\n")
        quote = item.text
        if not details and len(quote) > _EVIDENCE_CHARS:
            quote = quote[: _EVIDENCE_CHARS - 1] + "…"
        text.append(f"{evidence_place(item, lang)}: ", style="cyan")
        text.append(f"“{quote}”", style="italic")
        if item.ocr:
            text.append(" (OCR)", style="dim")
    hidden = len(result.evidence) - len(items)
    if hidden:
        text.append(f"\n(+{hidden}, --details)", style="dim")
    return text
