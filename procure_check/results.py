"""Verdicts and reports: one result model behind every output format."""

from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, model_serializer
from pydantic.json_schema import SkipJsonSchema

from procure_check import __version__
from procure_check.catalogue import LocalText, Source
from procure_check.document import Notice
from procure_check.facts import Evidence

if TYPE_CHECKING:
    from procure_check.catalogue import Criterion

JudgedVerdict = Literal["pass", "fail", "unknown", "not_applicable"]
"""What the evidence gives."""
Verdict = Literal["pass", "fail", "unknown", "not_applicable", "waived"]
"""What the report says: the judged verdict, or `waived` when a waiver covers a fail or unknown."""
VERDICTS: tuple[Verdict, ...] = ("pass", "fail", "unknown", "not_applicable", "waived")


INTERRUPTED = 130
"""The exit code of an interrupted run (128 + SIGINT, as a shell reports it)."""


class Result(BaseModel):
    criterion: str
    title: str
    severity: Literal["mandatory", "recommended"]
    verdict: Verdict
    reason: str
    evidence: list[Evidence] = []
    waived_verdict: JudgedVerdict | None = None
    """For a `waived` result: the verdict the evidence gave (`fail` or `unknown`)."""
    waiver: str | None = None
    """For a `waived` result: the reason given in the waiver file."""

    @model_serializer(mode="wrap")
    def _omit_unwaived(self, handler):
        """`waived_verdict` and `waiver` only on waived results, so other results read as before."""
        data = handler(self)
        if data.get("waiver") is None and data.get("waived_verdict") is None:
            data.pop("waiver", None)
            data.pop("waived_verdict", None)
        return data


class Summary(BaseModel):
    pass_: int = Field(0, alias="pass", serialization_alias="pass")
    fail: int = 0
    unknown: int = 0
    not_applicable: int = 0
    waived: int = 0
    compliant: bool

    model_config = {"populate_by_name": True}

    @classmethod
    def of(cls, results: list[Result]) -> "Summary":
        counts = {verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICTS}
        # A waived result is neither: a waiver takes a criterion out of the compliance decision.
        compliant = not any(r.severity == "mandatory" and r.verdict in ("fail", "unknown") for r in results)
        return cls(**counts, compliant=compliant)


class ErrorInfo(BaseModel):
    """Why a document could not be checked: a stable code and a one-line message."""

    code: str
    message: str


class DocumentReport(BaseModel):
    path: str
    sha256: str | None = None
    kind: Literal["product", "tender"]
    group: str | None = None
    group_source: Literal["flag", "cpv", "keywords"] | None = None
    language: str | None = None
    pages: int | None = None
    files: list[str] | None = None
    """For a tender set: the files checked together."""
    requirements: int | None = None
    """For a tender: how many requirements (clauses, table rows, paragraphs) were read."""
    notice: Notice | None = None
    """For a tender with an eForms notice: its CPV codes and green procurement fields."""
    warnings: list[str] = []
    """Doubts about the input that do not stop the check (a tender set whose files point to different groups)."""
    error: ErrorInfo | None = None
    results: list[Result] = []
    summary: Summary | None = None


class ToolInfo(BaseModel):
    name: str = "procure-check"
    version: str = __version__


class CatalogueRef(BaseModel):
    version: str
    criteria: int


class CriterionInfo(BaseModel):
    """A criterion the report judged, as the catalogue it was checked with describes it: what a renderer that
    explains its rules (SARIF) needs, so that no renderer loads a catalogue."""

    id: str
    group: str
    kind: Literal["product", "tender"]
    check: str
    severity: Literal["mandatory", "recommended"]
    title: LocalText
    description: LocalText
    evidence: LocalText
    source: Source

    @classmethod
    def of(cls, criterion: "Criterion") -> "CriterionInfo":
        return cls(id=criterion.id, group=criterion.group, kind=criterion.kind, check=criterion.check,
                   severity=criterion.severity, title=criterion.title, description=criterion.description,
                   evidence=criterion.evidence, source=criterion.source)


class Report(BaseModel):
    schema_: str = Field("procure-check/report@1", alias="schema", serialization_alias="schema")
    tool: ToolInfo = ToolInfo()
    as_of: date
    catalogue: CatalogueRef
    documents: list[DocumentReport]
    incomplete: bool = False
    """The run was interrupted (Ctrl-C): `documents` holds what was checked before, `not_checked` the rest."""
    not_checked: list[str] = []
    """In an incomplete report: the documents, tender sets and product lists whose check did not finish."""
    criteria: SkipJsonSchema[list[CriterionInfo]] = Field([], exclude=True)
    """The criteria judged in `documents`, in order of first use, for the renderers. Not in the JSON report:
    it is the catalogue's text (`procure-check criteria show`), the same for every report."""

    model_config = {"populate_by_name": True}

    @property
    def exit_code(self) -> int:
        """0 all mandatory criteria that apply passed; 1 one failed or is unknown; 2 a document was unreadable;
        130 the run was interrupted."""
        if self.incomplete:
            return INTERRUPTED
        if any(d.error for d in self.documents):
            return 2
        return 0 if all(d.summary and d.summary.compliant for d in self.documents) else 1
