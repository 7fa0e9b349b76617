"""The pipeline for one document: parse → extract facts → evaluate rules → a `DocumentReport`."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from procure_check.catalogue import Catalogue
from procure_check.engine.compile import CompiledRuleset, compile_criteria
from procure_check.engine.evaluate import judge
from procure_check.errors import DocumentError
from procure_check.extract import extract_facts
from procure_check.groups import GroupSource, detect_group
from procure_check.parse import SUFFIXES, parse_document
from procure_check.results import CatalogueRef, DocumentReport, Report, Summary
from procure_check.results import DocumentError as ErrorModel

Kind = Literal["product", "tender"]


class Checker:
    """Checks documents against one catalogue at one date; usable from Python as from the CLI."""

    def __init__(self, catalogue: Catalogue, *, as_of: date, lang: str = "en", password: str | None = None):
        self.catalogue = catalogue
        self.as_of = as_of
        self.lang = lang
        self.password = password
        self._rulesets: dict[tuple[str, Kind], CompiledRuleset] = {}

    def check(self, path: Path, kind: Kind, group: str | None = None) -> DocumentReport:
        try:
            return self._check(path, kind, group)
        except DocumentError as error:
            return DocumentReport(path=str(path), kind=kind, error=ErrorModel(code=error.code, message=error.message))

    def report(self, documents: list[DocumentReport]) -> Report:
        return Report(as_of=self.as_of, documents=documents,
                      catalogue=CatalogueRef(version=self.catalogue.version, criteria=len(self.catalogue.criteria)))

    def _check(self, path: Path, kind: Kind, group: str | None) -> DocumentReport:
        document = parse_document(path, password=self.password)
        extraction = extract_facts(document, self.as_of)
        source: GroupSource = "flag"
        if group is None:
            text = "\n".join(line.text for page in document.pages for line in page.lines)
            group, source = detect_group(text, extraction.product_types, self.catalogue, str(path))
        criteria = self.catalogue.for_group(group, kind)
        results = judge(extraction.facts, criteria, self._ruleset(group, kind), extraction.product_types, self.lang)
        return DocumentReport(
            path=str(path), sha256=document.sha256, kind=kind, group=group, group_source=source,
            language=extraction.language, pages=len(document.pages), results=results, summary=Summary.of(results),
        )

    def _ruleset(self, group: str, kind: Kind) -> CompiledRuleset:
        if (group, kind) not in self._rulesets:
            self._rulesets[group, kind] = compile_criteria(self.catalogue.for_group(group, kind), self.as_of)
        return self._rulesets[group, kind]


def collect_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and the documents inside folders (recursively, sorted); missing paths pass through."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path
