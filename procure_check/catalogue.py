"""The criteria catalogue: groups and criteria as data under `criteria/`, validated on load with the vocabulary
of `rules/` they use."""

import hashlib
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from procure_check.data import data_dir, read_yaml, rules_sources, use_rules
from procure_check.errors import CatalogueError
from procure_check.stamps import Stamp, code_files
from procure_check.vocab import load_vocabulary

CATALOGUE_FILE = "catalogue.yaml"
RULES_FOLDER = "rules"
"""A catalogue folder's own vocabulary additions, merged over the built-in `rules/` (`procure_check.vocab`)."""


class LocalText(BaseModel):
    """A text in Danish and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    da: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programme: str
    reference: str
    year: int = Field(ge=1990, le=2100)
    url: str | None = None


EXAMPLES_AS_OF = date(2026, 11, 22)
"""The day examples are judged on, unless they give their own `as_of`."""


class Example(BaseModel):
    """A text the criterion must judge as `verdict`, through the whole pipeline: the tests check every one
    (tests/test_criteria.py). A product criterion's text is a data sheet, a tender criterion's a tender."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    verdict: Literal["pass", "fail", "unknown", "not_applicable"]
    text: str | list[str] = Field(min_length=1)
    """The document: one page, or a list of pages."""
    quote: str = ""
    """For `pass` and `fail`: words the evidence must quote, on `page`."""
    page: int = Field(default=1, ge=1)
    reason: str = ""
    """A part of the reason (in English) the verdict must give."""
    as_of: date = EXAMPLES_AS_OF
    group: str | None = None
    """The group to check in: only for a criterion of every group (the legal checks)."""

    @property
    def pages(self) -> list[str]:
        return [self.text] if isinstance(self.text, str) else self.text

    @model_validator(mode="after")
    def _quote_is_in_the_text(self) -> "Example":
        if self.verdict in ("pass", "fail") and not self.quote:
            raise ValueError(f"example '{self.name}': a {self.verdict} example needs the quote that decides it")
        if self.page > len(self.pages):
            raise ValueError(f"example '{self.name}': page {self.page}, but the text has {len(self.pages)}")
        if " ".join(self.quote.split()) not in " ".join(self.pages[self.page - 1].split()):
            raise ValueError(f"example '{self.name}': the quote is not on page {self.page} of the text")
        return self


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[A-Z]+-[PT]\d{2}$")
    severity: Literal["mandatory", "recommended"]
    title: LocalText
    description: LocalText
    evidence: LocalText
    scope: list[str] = []
    also_in: list[str] = []
    """Other groups the criterion applies in (PAPER-P02, wood from sustainable forestry: also wood and furniture)."""
    check: str
    params: dict[str, Any] = {}
    source: Source
    examples: list[Example] = []
    """Texts the criterion must pass, fail or leave unknown; a criterion without them fails the tests."""
    group: str = ""

    @property
    def kind(self) -> Literal["product", "tender"]:
        return "product" if "-P" in self.id else "tender"


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    group: str = Field(pattern=r"^[a-z]+$")
    title: LocalText
    all_groups: bool = False
    """Criteria that apply in every group (the legal checks); such a group is never detected or chosen."""
    cpv: list[str] = []
    keywords: list[str] = []
    criteria: list[Criterion]


class CatalogueInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    description: str | None = None


class Catalogue(BaseModel):
    version: str
    digest: str
    groups: dict[str, Group]
    rules: Path | None = None
    """The catalogue's own vocabulary additions (its `rules/` folder), in use while it is."""

    def __setstate__(self, state: dict[str, Any]) -> None:
        """In a spawned worker, an unpickled catalogue brings its vocabulary with it."""
        super().__setstate__(state)
        use_rules(self.rules)

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        return {c.id: c for group in self.groups.values() for c in group.criteria}

    @property
    def product_groups(self) -> list[str]:
        """The groups a document can belong to (not the all-groups legal checks)."""
        return [name for name, group in self.groups.items() if not group.all_groups]

    def for_group(self, group: str, kind: Literal["product", "tender"]) -> list[Criterion]:
        """The criteria of one kind that apply in the group, in catalogue order; all-groups criteria first."""
        shared = [c for g in self.groups.values() if g.all_groups for c in g.criteria]
        borrowed = [c for name, g in self.groups.items() if name != group for c in g.criteria if group in c.also_in]
        return [c for c in shared + self.groups[group].criteria + borrowed if c.kind == kind]


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Read and validate every group file; errors name the file, the criterion and the field.

    A catalogue once validated is read from the cache folder until one of its files, the vocabulary or
    procure-check's code changes (`procure_check.stamps`): a few milliseconds instead of a sixth of a second
    at the start of every run. Only a valid catalogue is remembered, so an invalid one fails every time."""
    directory = directory or data_dir("criteria")
    if not directory.is_dir():
        raise CatalogueError("catalogue folder not found", str(directory))
    rules = directory / RULES_FOLDER if (directory / RULES_FOLDER).is_dir() else None
    stamp = _catalogue_stamp(directory, rules)
    known = stamp.read()
    if isinstance(known, Catalogue) and known.rules == rules:
        return known  # unpickling put its vocabulary in use
    catalogue = _validated_catalogue(directory, rules)
    if _catalogue_stamp(directory, rules).path == stamp.path:  # no file changed while it was read
        stamp.keep(catalogue)
    return catalogue


def _catalogue_stamp(directory: Path, rules: Path | None) -> Stamp:
    return Stamp(f"catalogue-pydantic-{PYDANTIC_VERSION}", [*code_files(), *_read_by_load(directory, rules)])


def _read_by_load(directory: Path, rules: Path | None) -> list[Path]:
    """Every file `_validated_catalogue` reads or refuses: a new file in the catalogue's `rules/` can be an
    error, so all of them count, not only the YAML."""
    built_in = sorted(data_dir("rules").glob("*.yaml"))
    own = sorted(path for path in rules.iterdir()) if rules else []
    return [*built_in, *own, *sorted(directory.glob("*.yaml"))]


def _validated_catalogue(directory: Path, rules: Path | None) -> Catalogue:
    from procure_check.engine.checks import validate_criterion

    load_vocabulary(rules)
    info_path = directory / CATALOGUE_FILE
    info = _validate(CatalogueInfo, read_yaml(info_path) if info_path.exists() else {"version": "custom"}, info_path)
    digest = hashlib.sha256()
    for path in sorted(rules.glob("*.yaml")) if rules else ():
        digest.update(f"{RULES_FOLDER}/{path.name}".encode() + b"\0" + path.read_bytes())
    groups: dict[str, Group] = {}
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == CATALOGUE_FILE:
            continue
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError as error:  # e.g. a folder named *.yaml
            raise CatalogueError(f"cannot read file: {error.strerror or error}", str(path)) from None
        group = _validate(Group, read_yaml(path), path)
        if group.group in groups:
            raise CatalogueError(f"group '{group.group}' is defined twice", str(path))
        criteria = []
        for criterion in group.criteria:
            if criterion.id in seen:
                raise CatalogueError(f"{criterion.id}: duplicate criterion id (also in {seen[criterion.id].name})",
                                     str(path))
            seen[criterion.id] = path
            try:
                params = validate_criterion(criterion)
            except ValueError as error:
                raise CatalogueError(f"{criterion.id}: {error}", str(path)) from None
            criteria.append(criterion.model_copy(update={"group": group.group, "params": params}))
        groups[group.group] = group.model_copy(update={"criteria": criteria})
    if not groups:
        raise CatalogueError("no group files (*.yaml) in the catalogue folder", str(directory))
    for criterion_id, path in seen.items():
        criterion = next(c for g in groups.values() for c in g.criteria if c.id == criterion_id)
        unknown = [name for name in criterion.also_in if name not in groups or name == criterion.group]
        if unknown:
            raise CatalogueError(f"{criterion_id}: field 'also_in': no other group named {', '.join(unknown)}",
                                 str(path))
        problem = _examples_problem(criterion, groups)
        if problem:
            raise CatalogueError(f"{criterion_id}: field 'examples': {problem}", str(path))
        _compile(criterion)
    return Catalogue(version=info.version, digest=digest.hexdigest()[:16], groups=groups, rules=rules)


def _compile(criterion: Criterion) -> None:
    """Compile the criterion's rules now, so that a slip in its check kind's templates (`$pases` for `$passes`)
    stops the start, naming the file that defines the kind, rather than crashing every document."""
    from procure_check.engine.compile import compile_criteria

    try:
        compile_criteria([criterion], EXAMPLES_AS_OF)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        files = [path for path in rules_sources("checks.yaml") if criterion.check in read_yaml(path).get("kinds", {})]
        raise CatalogueError(f"{criterion.check}: field 'kinds.{criterion.check}.rules': does not compile for "
                             f"{criterion.id}: {type(error).__name__}: {error}", str(files[-1])) from None


def _examples_problem(criterion: Criterion, groups: dict[str, Group]) -> str | None:
    """What is wrong with the criterion's examples as a set: repeated names, or a group they cannot be checked in."""
    names = [example.name for example in criterion.examples]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        return f"example name '{repeated[0]}' is used twice"
    every_group = groups[criterion.group].all_groups
    allowed = [name for name, group in groups.items() if not group.all_groups] if every_group else [
        criterion.group, *criterion.also_in]
    for example in criterion.examples:
        if every_group and example.group is None:
            return f"example '{example.name}': a criterion of every group needs the group to check it in"
        if example.group is not None and example.group not in allowed:
            return f"example '{example.name}': the criterion does not apply in group '{example.group}'"
    return None


def _validate(model: type[BaseModel], data: Any, path: Path):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = list(first["loc"])
        where = ""
        if len(location) >= 2 and location[0] == "criteria" and isinstance(location[1], int):
            items = data.get("criteria") if isinstance(data, dict) else None
            entry = items[location[1]] if isinstance(items, list) and len(items) > location[1] else None
            criterion_id = entry.get("id") if isinstance(entry, dict) else None
            where = f"{criterion_id or 'criterion #' + str(location[1] + 1)}: "
            location = location[2:]
        field = ".".join(map(str, location)) or "(top level)"
        raise CatalogueError(f"{where}field '{field}': {first['msg']}", str(path)) from None
