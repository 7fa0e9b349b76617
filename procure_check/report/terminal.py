"""The rich terminal report: per document a header, a summary line and the verdicts with evidence.

Document text is always wrapped in `rich.text.Text`, never parsed as markup: a data sheet that
contains "[red]" or "[/bold]" is shown as written. Results are grouped by verdict, failures first.
`details` shows every evidence item in full; `quiet` prints one summary line per document.
"""

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from procure_check.report import RenderOptions
from procure_check.report.quote import shorten
from procure_check.report.words import (
    SEVERITIES,
    by_severity,
    by_verdict,
    common_folder,
    evidence_place,
    group_line,
    group_name,
    totals_line,
    verdict_word,
    waiver_note,
    words,
)
from procure_check.results import DocumentReport, Report, Result

VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "unknown": "bold yellow", "not_applicable": "dim",
                 "waived": "bold magenta"}
_EVIDENCE_CHARS = 90
_EVIDENCE_ITEMS = 2


def render(report: Report, options: RenderOptions) -> str:
    """The terminal report as text: plain, or with the escape codes of `options.color`."""
    console = Console(file=io.StringIO(), width=options.width, color_system=options.color,
                      force_terminal=options.color is not None, no_color=options.color is None)
    print_report(report, console, options.lang, details=options.details, quiet=options.quiet)
    return console.file.getvalue()


def print_report(report: Report, console: Console, lang: str = "en", *, details: bool = False,
                 quiet: bool = False) -> None:
    """Draw the report on `console`."""
    console.print(header(report, lang))
    if report.incomplete:
        console.print(Text(words(lang)["incomplete"], style="bold red"))
    if quiet:
        for document in report.documents:
            console.print(quiet_line(document, lang), soft_wrap=True)
    else:
        for document in report.documents:
            console.print()
            console.print(render_document(document, lang, details=details))
        if len(report.documents) > 1:
            console.print()
            console.print(overview_table(report.documents, lang))
    for path in report.not_checked:
        console.print(Text(f"- {path}  {words(lang)['not_checked']}", style="yellow"))
    if len(report.documents) + len(report.not_checked) > 1:
        console.print(Text(totals_line(report, lang), style="bold"))


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
    parts += [Text(f"  ⚠ {warning}", style="yellow") for warning in document.warnings]
    parts += [summary_line(document, lang), results_table(document.results, lang, details=details)]
    return Group(*parts)


def summary_line(document: DocumentReport, lang: str = "en") -> Text:
    """ "✔ compliant   mandatory: PASS 3   recommended: FAIL 1": compliance follows from the mandatory
    criteria alone, so the recommended ones are counted apart."""
    w = words(lang)
    line = Text("  ")
    compliant = document.summary.compliant
    line.append(f"✔ {w['compliant']}" if compliant else f"✘ {w['not_compliant']}",
                style="bold green" if compliant else "bold red")
    line.append_text(_severity_counts(document, lang))
    return line


def _severity_counts(document: DocumentReport, lang: str) -> Text:
    text = Text()
    for severity, numbers in by_severity(document):
        text.append(f"   {words(lang)[severity + '_criteria']}:", style="dim" if severity == "recommended" else "")
        for number, (verdict, count) in enumerate(numbers.items()):
            text.append(f"{',' if number else ''} {verdict_word(verdict, lang)} {count}",
                        style=VERDICT_STYLE[verdict] if severity == "mandatory" else "dim")
    return text


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
    line.append(f"  {group_name(document.group, lang)}", style="dim")
    line.append_text(_severity_counts(document, lang))
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
    """One row per document: whether it complies and its counts, mandatory and recommended apart; shown when
    several were checked."""
    w = words(lang)
    folder = common_folder([document.path for document in documents])
    title = f"{w['overview']} · {folder}" if folder else w["overview"]
    rows = []
    for document in documents:
        name = Text(document.path[len(folder):])
        if document.error:
            name.append(f"\n{w['error']} [{document.error.code}]", style="bold red")
            rows.append([Text("!", style="bold red"), name, Text(""), Text(""), Text("")])
            continue
        compliant = document.summary.compliant
        numbers = dict(by_severity(document))
        rows.append([Text("✔" if compliant else "✘", style="bold green" if compliant else "bold red"), name,
                     Text(group_name(document.group, lang))]
                    + [Text("\n".join(f"{verdict_word(v, lang)} {n}" for v, n in numbers.get(severity, {}).items()),
                            style="" if severity == "mandatory" else "dim") for severity in SEVERITIES])
    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("", no_wrap=True)
    # The counts take one verdict a line and the group one word a line at most, so that the document's name
    # has room.
    table.add_column(w["document"], ratio=1, overflow="fold")
    table.add_column(w["group"].capitalize(), max_width=max((cell_len(word) for row in rows
                                                             for word in row[2].plain.split()), default=10))
    for severity in SEVERITIES:
        table.add_column(w[severity + "_criteria"].capitalize(), no_wrap=True)
    for row in rows:
        table.add_row(*row)
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
        quote = item.text if details else shorten(item.text, item.focus, _EVIDENCE_CHARS)
        text.append(f"{evidence_place(item, lang)}: ", style="cyan")
        text.append(f"“{quote}”", style="italic")
        if item.ocr:
            text.append(" (OCR)", style="dim")
    hidden = len(result.evidence) - len(items)
    if hidden:
        text.append(f"\n(+{hidden}, --details)", style="dim")
    return text
