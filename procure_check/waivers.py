"""Waivers: exceptions a buyer has accepted, each with its reason (as Checkov's skips).

Read from `procure-check.toml` in the current folder, or from the file given with `--waivers`:

    [[waiver]]
    criterion = "CLEAN-P04"                          # required: a criterion ID of the catalogue
    document = "samples/products/cleaning/*.pdf"     # optional: a path (file or folder) or a glob
    reason = "Fragrance accepted for the care home"  # required: why the exception is accepted

A waiver covers the results of its criterion whose verdict is `fail` or `unknown`, in every
document or in those `document` names. Such a result becomes `waived`: the report keeps the verdict
the evidence gave in `waived_verdict` and the waiver's reason in `waiver`, and it no longer counts
against `compliant` or the exit code. A `pass` or `not_applicable` result stays as it is.

`document` is matched against the document's path as given on the command line and, for a tender
set, against each of its files: paths use forward slashes, a leading `./` is ignored, a folder
covers everything in it, and in a glob `*` also matches across folders.
"""

import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from procure_check.catalogue import Catalogue
from procure_check.errors import ProcureCheckError
from procure_check.results import DocumentReport, Report, Summary

WAIVER_FILE = "procure-check.toml"
WAIVABLE = ("fail", "unknown")
_KEYS = ("criterion", "document", "reason")


class WaiverError(ProcureCheckError):
    """The waiver file cannot be read or an entry is invalid; `str()` names the file and the entry."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__("waivers", message, path)


class Waiver(BaseModel):
    model_config = ConfigDict(frozen=True)
    criterion: str
    reason: str
    document: str | None = None
    source: str = WAIVER_FILE
    """The file the waiver came from."""

    def covers(self, document: DocumentReport) -> bool:
        """Whether the waiver applies to this document (its path, or a file of its tender set)."""
        if self.document is None:
            return True
        pattern = _normalise(self.document)
        for candidate in [document.path, *(document.files or [])]:
            name = _normalise(candidate)
            if name == pattern or name.startswith(pattern + "/") or fnmatchcase(name, pattern):
                return True
            if not any(char in pattern for char in "*?[") and _same_file(candidate, self.document):
                return True
        return False


def waiver_file(explicit: Path | None, folder: Path | None = None) -> Path | None:
    """The waiver file to use: `--waivers FILE`, else `procure-check.toml` in `folder` (the current one) if there."""
    if explicit is not None:
        return explicit
    default = (folder or Path.cwd()) / WAIVER_FILE
    return default if default.is_file() else None


def load_waivers(path: Path, catalogue: Catalogue) -> list[Waiver]:
    """The file's `[[waiver]]` entries, checked against the catalogue; WaiverError for the first bad one."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WaiverError("no such file", where) from None
    except (OSError, UnicodeDecodeError) as error:
        raise WaiverError(f"cannot read: {getattr(error, 'strerror', None) or error}", where) from None
    except tomllib.TOMLDecodeError as error:
        raise WaiverError(f"invalid TOML: {error}", where) from None
    if "waivers" in data and "waiver" not in data:
        raise WaiverError("unknown table 'waivers' (write each entry as [[waiver]])", where)
    entries = data.get("waiver", [])
    if not isinstance(entries, list):
        raise WaiverError("'waiver' must be a list of entries, each written as [[waiver]]", where)
    waivers = []
    for number, entry in enumerate(entries, start=1):
        label = f"waiver #{number}"
        if not isinstance(entry, dict):
            raise WaiverError(f"{label}: expected a table ([[waiver]]) with criterion and reason", where)
        criterion = entry.get("criterion")
        if isinstance(criterion, str):
            label += f" ({criterion})"
        unknown = sorted(set(entry) - set(_KEYS))
        if unknown:
            raise WaiverError(f"{label}: unknown key '{unknown[0]}' (known: {', '.join(_KEYS)})", where)
        if not isinstance(criterion, str) or not criterion.strip():
            raise WaiverError(f"{label}: missing criterion (a criterion ID such as CLEAN-P04)", where)
        if criterion.strip().upper() not in catalogue.criteria:
            raise WaiverError(f"{label}: unknown criterion '{criterion}'", where)
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise WaiverError(f"{label}: missing reason (say why the exception is accepted)", where)
        document = entry.get("document")
        if document is not None and (not isinstance(document, str) or not document.strip()):
            raise WaiverError(f"{label}: 'document' must be a path or a glob", where)
        waivers.append(Waiver(criterion=criterion.strip().upper(), reason=" ".join(reason.split()),
                              document=document.strip() if document else None, source=where))
    return waivers


def apply_waivers(report: Report, waivers: list[Waiver]) -> Report:
    """The report with every covered fail or unknown result waived, and the summaries counted again."""
    if not waivers:
        return report
    documents = []
    for document in report.documents:
        if document.error:
            documents.append(document)
            continue
        results = []
        for result in document.results:
            waiver = find_waiver(waivers, result.criterion, document)
            if waiver and result.verdict in WAIVABLE:
                result = result.model_copy(update={"verdict": "waived", "waived_verdict": result.verdict,
                                                   "waiver": waiver.reason})
            results.append(result)
        documents.append(document.model_copy(update={"results": results, "summary": Summary.of(results)}))
    return report.model_copy(update={"documents": documents})


def find_waiver(waivers: list[Waiver], criterion: str, document: DocumentReport) -> Waiver | None:
    """The first waiver for `criterion` that covers `document`."""
    return next((w for w in waivers if w.criterion == criterion and w.covers(document)), None)


def _normalise(path: str) -> str:
    text = path.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text.rstrip("/") or "/"


def _same_file(a: str, b: str) -> bool:
    """The same place however written (relative, absolute, with `..`)."""
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, ValueError):
        return False
