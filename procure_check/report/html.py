"""The HTML report: one self-contained file to mail, archive or print.

Inline CSS only: no scripts, fonts, images or any other request (a Content-Security-Policy says so
too, should a document's text ever get past the escaping). It reads on a phone (the tables become
cards below 720 px) and on paper (each document starts a page, rows do not split). The content is
the terminal report's: a header, per document a summary bar and the criteria grouped by verdict
with the evidence quoted and its page, and an overview when several documents were checked.

Every string is HTML-escaped, ours and the document's alike: a data sheet containing `<script>`
shows it as text.
"""

from html import escape as _html_escape

from procure_check.facts import Evidence
from procure_check.report import RenderOptions
from procure_check.report.escape import control_free
from procure_check.report.quote import split
from procure_check.report.words import (
    SEVERITIES,
    VERDICT_ORDER,
    by_severity,
    by_verdict,
    counts,
    evidence_place,
    group_line,
    group_name,
    number_of,
    severity_counts,
    totals_line,
    verdict_word,
    waiver_note,
    words,
)
from procure_check.results import DocumentReport, Report, Result

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

_CSS = """
:root { --fail: #b3261e; --unknown: #8a5a00; --waived: #6a1b9a; --pass: #1b6e2a; --not_applicable: #5f6368;
        --line: #d0d4d9; --muted: #5f6368; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 75rem; padding: 1rem; color: #1a1a1a; background: #fff;
       font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.meta { color: var(--muted); margin: 0 0 .5rem; overflow-wrap: anywhere; }
.meta dt, .meta dd { display: inline; margin: 0; }
.meta dt::after { content: ": "; }
.meta div { display: inline-block; margin-right: 1.25rem; }
section.document, section.overview { border-top: 2px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
.summary { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .5rem 0; }
.badge { font-weight: 700; padding: .15rem .6rem; border-radius: 1rem; color: #fff; white-space: nowrap; }
.badge.ok { background: var(--pass); }
.badge.bad { background: var(--fail); }
.badge.err { background: #444; }
.counts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
.counts li { white-space: nowrap; }
.counts b { font-variant-numeric: tabular-nums; }
.bar { display: flex; height: .7rem; border-radius: .35rem; overflow: hidden; background: var(--bg-soft);
       margin: .25rem 0 .75rem; }
.bar span { display: block; height: 100%; }
.chart { display: grid; grid-template-columns: max-content 1fr 2.5rem; gap: .2rem .6rem; align-items: center;
         max-width: 32rem; margin: .25rem 0 1rem; font-size: .9rem; }
.chart .track { background: var(--bg-soft); height: .8rem; border-radius: .2rem; overflow: hidden; }
.chart .fill { display: block; height: 100%; }
.chart .n { text-align: right; font-variant-numeric: tabular-nums; }
.v-fail { --c: var(--fail); } .v-unknown { --c: var(--unknown); } .v-waived { --c: var(--waived); }
.v-pass { --c: var(--pass); } .v-not_applicable { --c: var(--not_applicable); }
.bar span, .chart .fill { background: var(--c); }
.counts li.v-fail, .counts li.v-unknown, .counts li.v-waived, .counts li.v-pass { color: var(--c); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; color: var(--muted); border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: var(--bg-soft); color: var(--c); font-size: .9rem; border-left: .3rem solid var(--c); }
td.criterion b { white-space: nowrap; }
td.criterion .title { display: block; color: var(--muted); font-size: .9rem; }
.verdict { display: inline-block; font-weight: 700; color: #fff; background: var(--c); padding: .05rem .45rem;
           border-radius: .25rem; white-space: nowrap; font-size: .85rem; }
.recommended { color: var(--muted); }
.reason, .evidence { overflow-wrap: anywhere; }
.waiver { color: var(--waived); font-style: italic; margin: .25rem 0 0; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li + li { margin-top: .35rem; }
.place { color: var(--muted); font-size: .85rem; white-space: nowrap; margin-right: .3rem; }
mark { background: #fff3b0; color: inherit; padding: 0 .1rem; }
.ocr { color: var(--muted); font-size: .8rem; }
.error { color: var(--fail); overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
.scroll { overflow-x: auto; }
a { color: inherit; }
@media (max-width: 720px) {
  body { padding: .6rem; font-size: 14px; }
  table.results thead { display: none; }
  table.results, table.results tbody, table.results tr, table.results td, table.results th {
    display: block; width: 100%; }
  table.results tr:not(.group) { border: 1px solid var(--line); border-left: .3rem solid var(--c);
                                 border-radius: .3rem; margin: .5rem 0; padding: .2rem 0; }
  table.results td { border: 0; padding: .2rem .6rem; }
  table.results td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
  table.results td.criterion::before, table.results td.verdict-cell::before { display: none; }
  table.overview { font-size: .85rem; }
  .chart { max-width: none; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.document { break-before: page; border-top: 0; }
  section.document:first-of-type { break-before: auto; }
  tr, .summary, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
}
"""


def e(text: object) -> str:
    """Escaped for HTML text and attributes; characters HTML cannot carry are dropped."""
    return _html_escape(control_free(str(text)), quote=True)


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    w = words(lang)
    title = f"{w['report']} · {report.as_of}"
    parts = [
        "<!doctype html>",
        f'<html lang="{"da" if lang == "da" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="procure-check {e(report.tool.version)} ({e(report.schema_)})">',
        f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(w['report'])}</h1>",
        '<dl class="meta">',
        f"<div><dt>{e(w['version'])}</dt><dd>{e(report.tool.name)} {e(report.tool.version)}</dd></div>",
        f"<div><dt>{e(w['as_of'])}</dt><dd>{e(report.as_of)}</dd></div>",
        f"<div><dt>{e(w['catalogue'])}</dt><dd>{e(report.catalogue.version)} "
        f"({report.catalogue.criteria} {e(w['criteria'])})</dd></div>",
        f"<div><dt>{e(w['documents'])}</dt><dd>{len(report.documents)}</dd></div>",
        "</dl>",
        *([f'<p class="error"><span class="badge err">{e(w["incomplete"])}</span></p>'] if report.incomplete else []),
        f"<p>{e(totals_line(report, lang))}</p>",
        "</header>",
        "<main>",
    ]
    if len(report.documents) + len(report.not_checked) > 1:
        parts += _overview(report, lang)
    for number, document in enumerate(report.documents, start=1):
        parts += _document(document, number, lang)
    parts += ["</main>", f"<footer>{e(report.tool.name)} {e(report.tool.version)} · {e(report.schema_)}</footer>",
              "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _overview(report: Report, lang: str) -> list[str]:
    w = words(lang)
    documents = report.documents
    parts = ['<section class="overview">', f"<h2>{e(w['overview'])}</h2>",
             '<div class="scroll"><table class="overview"><thead><tr>',
             f"<th>{e(w['document'])}</th><th>{e(w['group'].capitalize())}</th><th>{e(w['compliant'].capitalize())}</th>",
             *[f"<th>{e(w[severity + '_criteria'].capitalize())}</th>" for severity in SEVERITIES],
             "</tr></thead><tbody>"]
    for number, document in enumerate(documents, start=1):
        link = f'<a href="#doc-{number}">{e(document.path)}</a>'
        if document.error:
            parts.append(f'<tr><td>{link}</td><td></td><td><span class="badge err">{e(w["error"])}</span> '
                         f"{e(document.error.code)}</td><td></td><td></td></tr>")
            continue
        numbers = dict(severity_counts(document, lang))
        parts.append(f"<tr><td>{link}</td><td>{e(group_name(document.group, lang))}</td>"
                     f"<td>{_badge(document, lang)}</td>"
                     + "".join(f"<td>{e(numbers.get(w[severity + '_criteria'], ''))}</td>" for severity in SEVERITIES)
                     + "</tr>")
    parts += [f"<tr><td>{e(path)}</td><td></td><td>{e(w['not_checked'])}</td><td></td><td></td></tr>"
              for path in report.not_checked]
    parts.append("</tbody></table></div>")
    # Per product group: how many documents, how many comply, and their verdicts together.
    groups: dict[str, list[DocumentReport]] = {}
    for document in documents:
        if not document.error:
            groups.setdefault(document.group or "?", []).append(document)
    for group, members in groups.items():
        total = {v: sum(counts(d)[v] for d in members) for v in VERDICT_ORDER}
        compliant = sum(d.summary.compliant for d in members)
        parts.append(f"<h3>{e(w['group'])}: {e(group_name(group, lang))} · "
                     f"{e(number_of(len(members), 'documents', lang))}, {compliant} {e(w['compliant'])}</h3>")
        parts += _chart(total, lang)
    parts.append("</section>")
    return parts


def _document(document: DocumentReport, number: int, lang: str) -> list[str]:
    w = words(lang)
    parts = [f'<section class="document" id="doc-{number}">', f"<h2>{e(document.path)}</h2>"]
    if document.error:
        return [*parts, f'<p class="error"><span class="badge err">{e(w["error"])}</span> '
                        f"[{e(document.error.code)}] {e(document.error.message)}</p>", "</section>"]
    parts.append(f'<p class="meta">{e(group_line(document, lang))}</p>')
    if document.files and len(document.files) > 1:
        parts.append(f'<p class="meta">{e(w["files"])}: {e(", ".join(document.files))}</p>')
    parts += [f'<p class="waiver">⚠ {e(warning)}</p>' for warning in document.warnings]
    numbers = counts(document)
    parts += ['<div class="summary">', _badge(document, lang)]
    for severity, by_verdict_count in by_severity(document):
        parts += [f'<ul class="counts"><li>{e(w[severity + "_criteria"])}:</li>',
                  *[f'<li class="v-{v}">{e(verdict_word(v, lang))} <b>{n}</b></li>'
                    for v, n in by_verdict_count.items()],
                  "</ul>"]
    parts += [
        "</div>",
        *_bar(numbers, lang),
        *_chart(numbers, lang),
        '<table class="results">',
        "<thead><tr>" + "".join(f"<th>{e(w[c])}</th>" for c in
                                ("criterion", "severity", "verdict", "reason", "evidence")) + "</tr></thead>",
    ]
    for verdict, results in by_verdict(document.results):
        parts.append(f'<tbody class="v-{verdict}">')
        parts.append(f'<tr class="group"><th colspan="5" scope="rowgroup">{e(verdict_word(verdict, lang))} · '
                     f"{len(results)}</th></tr>")
        parts += [_row(result, lang) for result in results]
        parts.append("</tbody>")
    parts += ["</table>", "</section>"]
    return parts


def _row(result: Result, lang: str) -> str:
    w = words(lang)
    reason = f'<div class="reason">{e(result.reason)}</div>'
    note = waiver_note(result, lang)
    if note:
        reason += f'<p class="waiver">{e(note)}</p>'
    items = "".join(
        f'<li><span class="place">{e(evidence_place(item, lang))}</span>'
        f"<q>{_marked(item)}</q>" + (' <span class="ocr">(OCR)</span>' if item.ocr else "") + "</li>"
        for item in result.evidence
    )
    evidence = f'<ul class="evidence">{items}</ul>' if items else ""
    severity = f'<span class="{result.severity}">{e(w[result.severity])}</span>'
    return (
        "<tr>"
        f'<td class="criterion" data-label="{e(w["criterion"])}"><b>{e(result.criterion)}</b>'
        f'<span class="title">{e(result.title)}</span></td>'
        f'<td data-label="{e(w["severity"])}">{severity}</td>'
        f'<td class="verdict-cell" data-label="{e(w["verdict"])}">'
        f'<span class="verdict">{e(verdict_word(result.verdict, lang))}</span></td>'
        f'<td data-label="{e(w["reason"])}">{reason}</td>'
        f'<td data-label="{e(w["evidence"])}">{evidence}</td>'
        "</tr>"
    )


def _badge(document: DocumentReport, lang: str) -> str:
    w = words(lang)
    if document.summary.compliant:
        return f'<span class="badge ok">✔ {e(w["compliant"])}</span>'
    return f'<span class="badge bad">✘ {e(w["not_compliant"])}</span>'


def _bar(numbers: dict[str, int], lang: str) -> list[str]:
    """One stacked bar of the verdicts, in proportion."""
    total = sum(numbers.values())
    if not total:
        return []
    label = ", ".join(f"{verdict_word(v, lang)} {n}" for v, n in numbers.items() if n)
    spans = "".join(f'<span class="v-{v}" style="width:{100 * n / total:.2f}%"></span>'
                    for v, n in numbers.items() if n)
    return [f'<div class="bar" role="img" aria-label="{e(label)}">{spans}</div>']


def _chart(numbers: dict[str, int], lang: str) -> list[str]:
    """A bar per verdict group, scaled to the largest."""
    most = max(numbers.values(), default=0)
    if not most:
        return []
    rows = []
    for verdict, count in numbers.items():
        if verdict == "waived" and not count:
            continue
        rows.append(f'<span class="v-{verdict}">{e(verdict_word(verdict, lang))}</span>'
                    f'<span class="track v-{verdict}"><span class="fill" style="width:{100 * count / most:.2f}%">'
                    f'</span></span><span class="n">{count}</span>')
    return ['<div class="chart">', *rows, "</div>"]


def _marked(item: Evidence) -> str:
    """The quote escaped, with its focus (else all of it) marked."""
    before, focus, after = split(item.text, item.focus)
    return f"{e(before)}<mark>{e(focus)}</mark>{e(after)}" if focus else f"<mark>{e(item.text)}</mark>"
