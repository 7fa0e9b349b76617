"""The SARIF 2.1.0 report: for code scanning dashboards (GitHub, GitLab, Azure DevOps, VS Code viewers).

One run. `tool.driver.rules` are the criteria the report used, with their title, requirement,
accepted evidence and source as the report carries them (`Report.criteria`). A result is written
for each document × criterion that did not pass:

| verdict   | mandatory | recommended |
|-----------|-----------|-------------|
| fail      | error     | warning     |
| unknown   | warning   | note        |

pass and not_applicable give no result. A waived result keeps the level of the verdict it had and
carries a `suppressions` entry (kind `external`, status `accepted`) with the waiver's reason.

Locations: `artifactLocation.uri` is the document's path, relative and with forward slashes
(`uriBaseId` `%SRCROOT%`); a file outside the current folder gets a `file://` URI. PDF pages are not
lines, and SARIF requires a region to start at a line or an offset (oasis-tcs/sarif-spec#462), so
there is no `region`: each location's `message` is the evidence ("p. 2: “…”") and its
`properties` carry `page`, `quote` and, when known, `bbox`. The first piece of evidence is the
location, the others are `relatedLocations`. A result without evidence points at the document (in
a tender set, the first file); `properties.document` always names the document or tender set.
`partialFingerprints` (`documentCriterion/v2`: the document's URI and the criterion) let a dashboard
match a finding with the one of an earlier run instead of opening a new alert.

Documents that could not be read are `invocations[0].toolExecutionNotifications` (level error,
`descriptor.id` = the error code).
"""

import hashlib
import json
from pathlib import Path, PurePath
from urllib.parse import quote

from procure_check.report import RenderOptions
from procure_check.report.words import evidence_place
from procure_check.results import INTERRUPTED, CriterionInfo, DocumentReport, Report, Result

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"

_LEVELS = {
    ("fail", "mandatory"): "error",
    ("fail", "recommended"): "warning",
    ("unknown", "mandatory"): "warning",
    ("unknown", "recommended"): "note",
}


def level(result: Result) -> str | None:
    """The SARIF level of a result, from the verdict the evidence gave; None when nothing is wrong."""
    verdict = result.waived_verdict if result.verdict == "waived" else result.verdict
    return _LEVELS.get((verdict, result.severity))


def render(report: Report, options: RenderOptions) -> str:
    """The SARIF log."""
    lang = options.lang
    rules, index = _rules(report, {criterion.id: criterion for criterion in report.criteria}, lang)
    results = [sarif_result for document in report.documents for sarif_result in _results(document, index, lang)]
    notifications = [_notification(document) for document in report.documents if document.error]
    notifications += [{"level": "warning", "message": {"text": f"{path}: not checked: the run was interrupted"},
                       "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]}
                      for path in report.not_checked]
    run = {
        "tool": {"driver": {
            "name": report.tool.name,
            "version": report.tool.version,
            "semanticVersion": report.tool.version,
            "language": lang,
            "rules": rules,
        }},
        "invocations": [{
            "executionSuccessful": report.exit_code not in (2, INTERRUPTED),
            "exitCode": report.exit_code,
            "toolExecutionNotifications": notifications,
        }],
        "language": lang,
        "results": results,
        "properties": {
            "asOf": report.as_of.isoformat(),
            "catalogue": {"version": report.catalogue.version, "criteria": report.catalogue.criteria},
            "reportSchema": report.schema_,
            "incomplete": report.incomplete,
            "documents": len(report.documents),
        },
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rules(report: Report, criteria: dict[str, CriterionInfo], lang: str) -> tuple[list[dict], dict[str, int]]:
    """One rule per criterion the report used, in order of first use; and each rule's index."""
    rules: list[dict] = []
    index: dict[str, int] = {}
    for document in report.documents:
        for result in document.results:
            if result.criterion in index:
                continue
            index[result.criterion] = len(rules)
            rules.append(_rule(result, criteria.get(result.criterion), lang))
    return rules, index


def _rule(result: Result, criterion: CriterionInfo | None, lang: str) -> dict:
    rule: dict = {
        "id": result.criterion,
        "name": _pascal(criterion.title.en if criterion else result.title),
        "shortDescription": {"text": criterion.title.get(lang) if criterion else result.title},
        "defaultConfiguration": {"level": "error" if result.severity == "mandatory" else "warning"},
        "properties": {"severity": result.severity, "tags": ["green-public-procurement", result.severity]},
    }
    if criterion is None:
        return rule
    rule["fullDescription"] = {"text": criterion.description.get(lang)}
    source = f"{criterion.source.programme}, {criterion.source.reference} ({criterion.source.year})"
    accepted = "Accepteret dokumentation" if lang == "da" else "Accepted evidence"
    rule["help"] = {"text": f"{criterion.description.get(lang)}\n\n{accepted}: {criterion.evidence.get(lang)}\n\n"
                            f"{source}"}
    if criterion.source.url:
        rule["helpUri"] = criterion.source.url
    rule["properties"].update({"group": criterion.group, "kind": criterion.kind, "check": criterion.check,
                               "source": source})
    rule["properties"]["tags"].insert(1, criterion.group)
    return rule


def _results(document: DocumentReport, index: dict[str, int], lang: str) -> list[dict]:
    out = []
    for result in document.results:
        result_level = level(result)
        if result_level is None:
            continue
        locations = [_location(document, item, lang) for item in result.evidence] or [_location(document, None, lang)]
        judged = result.waived_verdict if result.verdict == "waived" else result.verdict
        sarif_result: dict = {
            "ruleId": result.criterion,
            "ruleIndex": index[result.criterion],
            "level": result_level,
            "message": {"text": result.reason},
            "locations": locations[:1],
            "partialFingerprints": {"documentCriterion/v2": fingerprint(document, result)},
            "properties": {"verdict": judged, "severity": result.severity, "document": document.path,
                           "group": document.group, "title": result.title},
        }
        if result.evidence:
            sarif_result["properties"]["page"] = result.evidence[0].page
        if len(locations) > 1:
            sarif_result["relatedLocations"] = [dict(location, id=number)
                                                for number, location in enumerate(locations[1:], start=1)]
        if result.verdict == "waived":
            sarif_result["suppressions"] = [{"kind": "external", "status": "accepted",
                                             "justification": result.waiver or ""}]
        out.append(sarif_result)
    return out


def fingerprint(document: DocumentReport, result: Result) -> str:
    """What stays the same for a finding from run to run (the document's URI, as relative as it can be, and
    the criterion), so that a dashboard recognises an alert it has seen, however the path was given."""
    uri = artifact_location(document.path)["uri"]
    return hashlib.sha256(f"{uri}\0{result.criterion}".encode()).hexdigest()


def _location(document: DocumentReport, item, lang: str) -> dict:
    if item is not None and item.document:
        path = item.document
    elif document.files:
        path = document.files[0]
    else:
        path = document.path
    location: dict = {"physicalLocation": {"artifactLocation": artifact_location(path)}}
    if item is not None:
        location["message"] = {"text": f"{evidence_place(item, lang, with_file=False)}: “{item.text}”"}
        properties: dict = {"page": item.page, "quote": item.text}
        if item.bbox:
            properties["bbox"] = list(item.bbox)
        if item.ocr:
            properties["ocr"] = True
        location["properties"] = properties
    return location


def artifact_location(path: str) -> dict:
    """A path as SARIF wants it: relative to the current folder with forward slashes, else a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            pure = Path(path).resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _notification(document: DocumentReport) -> dict:
    return {
        "level": "error",
        "message": {"text": f"{document.path}: {document.error.message}"},
        "descriptor": {"id": document.error.code},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(
            document.files[0] if document.files else document.path)}}],
    }


def _pascal(text: str) -> str:
    """A rule name: the English title in PascalCase ("Ecolabelled cleaning agent" → EcolabelledCleaningAgent)."""
    parts = "".join(char if char.isalnum() else " " for char in text).split()
    return "".join(part[:1].upper() + part[1:] for part in parts) or "Criterion"

