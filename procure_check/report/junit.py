"""The JUnit XML report: for CI test dashboards (GitLab, Jenkins, Azure DevOps, GitHub test reporters).

A `testsuite` per document, a `testcase` per criterion: `classname` is the document's path, `name`
is "CRITERION title". Verdicts map to test outcomes as follows:

| verdict        | mandatory                   | recommended                  |
|----------------|-----------------------------|------------------------------|
| pass           | passed                      | passed                       |
| fail           | `<failure type="fail">`     | `<failure type="fail">`      |
| unknown        | `<failure type="unknown">`  | `<skipped>`                  |
| not_applicable | `<skipped>`                 | `<skipped>`                  |
| waived         | `<skipped>` (the waiver)    | `<skipped>` (the waiver)     |

A recommended criterion that fails is a failure too: the data sheet says it is not met, and a
dashboard should show that. It does not change the exit code. An unknown recommended criterion is
only a note, so it is skipped. The failure's `message` is the reason, its text the evidence.
A document that could not be read is a suite with one testcase holding an `<error>`.
"""

import xml.etree.ElementTree as ET

from procure_check.report import RenderOptions
from procure_check.report.escape import control_free, one_line
from procure_check.report.words import evidence_place, verdict_word, waiver_note, words
from procure_check.results import DocumentReport, Report, Result


def outcome(result: Result) -> str:
    """`passed`, `failure` or `skipped`: how a result shows as a test."""
    if result.verdict == "fail" or (result.verdict == "unknown" and result.severity == "mandatory"):
        return "failure"
    return "passed" if result.verdict == "pass" else "skipped"


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    root = ET.Element("testsuites", name=report.tool.name)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suites = [_suite(document, report, lang) for document in report.documents]
    suites += [_not_checked(path, lang) for path in report.not_checked]
    for suite in suites:
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    mark = f"<!-- {report.schema_} -->\n"  # how a saved report is recognised: procure_check.report.own
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + mark + ET.tostring(root, encoding="unicode") + "\n"


def _suite(document: DocumentReport, report: Report, lang: str) -> ET.Element:
    w = words(lang)
    suite = ET.Element("testsuite", name=_attr(document.path))
    properties = ET.SubElement(suite, "properties")
    values = {"kind": document.kind, "group": document.group, "group_source": document.group_source,
              "language": document.language, "pages": document.pages, "sha256": document.sha256,
              "compliant": document.summary.compliant if document.summary else None,
              "as_of": report.as_of.isoformat(), "catalogue": report.catalogue.version}
    for name, value in values.items():
        if value is not None:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(properties, "property", name=name, value=_attr(text))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if document.error:
        case = ET.SubElement(suite, "testcase", classname=_attr(document.path), name=w["read_error"], time="0")
        error = ET.SubElement(case, "error", message=_attr(document.error.message), type=document.error.code)
        error.text = control_free(document.error.message)
        counts.update(tests=1, errors=1)
    for result in document.results:
        case = ET.SubElement(suite, "testcase", classname=_attr(document.path),
                             name=_attr(f"{result.criterion} {result.title}"), time="0")
        counts["tests"] += 1
        kind = outcome(result)
        if kind == "failure":
            failure = ET.SubElement(case, "failure", message=_attr(result.reason), type=result.verdict)
            failure.text = _details(result, lang)
            counts["failures"] += 1
        elif kind == "skipped":
            note = waiver_note(result, lang) or f"{verdict_word(result.verdict, lang)}: {result.reason}"
            ET.SubElement(case, "skipped", message=_attr(note))
            counts["skipped"] += 1
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return suite


def _not_checked(path: str, lang: str) -> ET.Element:
    """A document an interrupted run did not check: one skipped test case."""
    w = words(lang)
    suite = ET.Element("testsuite", name=_attr(path), tests="1", failures="0", errors="0", skipped="1", time="0")
    case = ET.SubElement(suite, "testcase", classname=_attr(path), name=w["not_checked"], time="0")
    ET.SubElement(case, "skipped", message=_attr(w["incomplete"]))
    return suite


def _details(result: Result, lang: str) -> str:
    w = words(lang)
    lines = [f"{w['severity']}: {w[result.severity]}", f"{w['verdict']}: {verdict_word(result.verdict, lang)}",
             f"{w['reason']}: {result.reason}"]
    lines += [f"{evidence_place(item, lang)}: “{item.text}”" for item in result.evidence]
    return control_free("\n".join(lines))


def _attr(text: str) -> str:
    return one_line(text)
