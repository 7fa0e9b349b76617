"""The Markdown report: for a case file or a merge request.

A heading per document, its summary line, and a table of its criteria, failures first. Everything
that comes from a document (paths, reasons that quote it, evidence) is escaped: a data sheet cannot
add a link, an image, HTML, a table column or a mention to the report.
"""

import re

from procure_check.facts import Evidence
from procure_check.report import RenderOptions
from procure_check.report.escape import one_line
from procure_check.report.quote import split
from procure_check.report.words import (
    SEVERITIES,
    evidence_place,
    group_line,
    group_name,
    in_verdict_order,
    severity_counts,
    totals_line,
    verdict_word,
    waiver_note,
    words,
)
from procure_check.results import DocumentReport, Report, Result

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~{}])")


def escape(text: str) -> str:
    """Text for Markdown (GitHub, GitLab): one line, HTML as entities, Markdown syntax as literals.

    `<` and `>` become entities (no HTML, no autolinks in angle brackets); `|` cannot end a table
    cell, `[`/`]` cannot make a link or image, `` ` ``, `*`, `_`, `~` no code or emphasis; `@`
    becomes an entity so a quote cannot mention a user.
    """
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text).replace("@", "&#64;")


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    w = words(lang)
    lines = [
        f"<!-- {report.schema_} -->",  # invisible; how a saved report is recognised: procure_check.report.own
        f"# {w['report']}",
        "",
        f"procure-check {escape(report.tool.version)} · {w['as_of']} {report.as_of} · "
        f"{w['catalogue']} {escape(report.catalogue.version)}",
        "",
    ]
    if report.incomplete:
        lines += [f"**{w['incomplete']}**", ""]
    if len(report.documents) + len(report.not_checked) > 1:
        lines += _overview(report, lang)
    for document in report.documents:
        lines += _document(document, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _overview(report: Report, lang: str) -> list[str]:
    w = words(lang)
    head = [w["document"], w["group"].capitalize(), w["compliant"].capitalize()]
    head += [w[severity + "_criteria"].capitalize() for severity in SEVERITIES]
    lines = [f"## {w['overview']}", "", _row(head), "|---|---|---|---|---|"]
    for document in report.documents:
        if document.error:
            cells = [escape(document.path), "", f"{w['error']} \\[{escape(document.error.code)}\\]"]
            lines.append(_row([*cells, "", ""]))
            continue
        numbers = dict(severity_counts(document, lang))
        compliant = f"✔ {w['yes']}" if document.summary.compliant else f"✘ {w['no']}"
        lines.append(_row([escape(document.path), escape(group_name(document.group, lang)), compliant]
                          + [numbers.get(w[severity + "_criteria"], "") for severity in SEVERITIES]))
    lines += [_row([escape(path), "", w["not_checked"], "", ""]) for path in report.not_checked]
    return [*lines, "", totals_line(report, lang), ""]


def _document(document: DocumentReport, lang: str) -> list[str]:
    w = words(lang)
    lines = [f"## {escape(document.path)}", ""]
    if document.error:
        return [*lines, f"**{w['error']}** \\[{escape(document.error.code)}\\]: {escape(document.error.message)}", ""]
    lines += [escape(group_line(document, lang)), ""]
    if document.files and len(document.files) > 1:
        lines += [f"{w['files']}: " + ", ".join(escape(name) for name in document.files), ""]
    lines += [line for warning in document.warnings for line in (f"⚠ {escape(warning)}", "")]
    compliant = f"✔ {w['compliant']}" if document.summary.compliant else f"✘ {w['not_compliant']}"
    numbers = " · ".join(f"{severity}: {counted}" for severity, counted in severity_counts(document, lang))
    lines += [f"**{compliant}** · {numbers}", ""]
    lines += [_row([w["criterion"], w["severity"], w["verdict"], w["reason"], w["evidence"]]), "|---|---|---|---|---|"]
    lines += [_result_row(result, lang) for result in in_verdict_order(document.results)]
    return [*lines, ""]


def _result_row(result: Result, lang: str) -> str:
    w = words(lang)
    reason = escape(result.reason)
    note = waiver_note(result, lang)
    if note:
        reason += f"<br>*{escape(note)}*"
    evidence = "<br>".join(f"{escape(evidence_place(item, lang))}: “{_quote(item)}”" for item in result.evidence)
    return _row([
        f"**{escape(result.criterion)}** {escape(result.title)}",
        w[result.severity],
        f"**{verdict_word(result.verdict, lang)}**",
        reason,
        evidence,
    ])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _quote(item: Evidence) -> str:
    """The quote escaped, its focus (the words that decide) in bold."""
    before, focus, after = split(item.text, item.focus)
    if not focus:
        return escape(item.text)
    return f"{_spaced(before)}**{escape(focus)}**{_spaced(after)}"


def _spaced(part: str) -> str:
    """A part of a quote escaped, keeping the space at its ends that `escape` would trim."""
    return (" " if part[:1].isspace() else "") + escape(part) + (" " if part[-1:].isspace() and part.strip() else "")
