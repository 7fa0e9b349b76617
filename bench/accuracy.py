"""Accuracy on a graded corpus: how many expert verdicts procure-check gets right, and its false passes.

    python bench/accuracy.py [CORPUS] [--with-group] [--misses] [--json FILE]

CORPUS defaults to `shared/corpus/docs` beside the repository.

The corpus folder holds `manifest.json` (one entry per document: `id`, `kind`, `group`, `path`, `lang`,
and `expect`: per criterion, the accepted `verdicts` and, where unambiguous, the `page` and a `quote`
of the decisive evidence). Each document is checked on its own, as of the corpus date, without
`--group` (detection is part of the job; `--with-group` gives the true group instead).

Graded as the corpus README says: a verdict is right when it is one of `verdicts`; a `pass` that is not
among them is a false pass; the page is right when a quote of the result is on `page`; the quote is
right when `quote` is inside one of the result's quotes. A document with no group or a wrong one gets
every verdict wrong. A document whose true group is null must get `no_group`.
"""

import argparse
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from pydantic import BaseModel

AS_OF = date(2026, 11, 22)
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"


class Expect(BaseModel):
    verdicts: list[str]
    page: int | None = None
    quote: str | None = None


class Entry(BaseModel):
    id: str
    kind: str
    group: str | None
    path: str
    lang: str = ""
    expect: dict[str, Expect] = {}


class Outcome(BaseModel):
    """What procure-check said about one document."""

    id: str
    group: str | None = None
    error: str | None = None
    results: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    """Criterion → (verdict, [(page, quote)])."""


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().casefold()


def check_entry(args: tuple[Path, Entry, bool]) -> Outcome:
    """Check one manifest entry in this process (one checker per worker, made on first use)."""
    root, entry, with_group = args
    checker = _checker()
    path = root / entry.path
    group = entry.group if with_group else None
    if entry.kind == "tender":
        from procure_check.check import collect_paths

        files = list(collect_paths([path])) if path.is_dir() else [path]
        report = checker.check_tender(files, group=group, name=str(path))
    else:
        report = checker.check_product(path, group=group)
    if report.error:
        return Outcome(id=entry.id, error=f"{report.error.code}: {report.error.message}")
    return Outcome(id=entry.id, group=report.group, results={
        result.criterion: (result.verdict, [(evidence.page, evidence.text) for evidence in result.evidence])
        for result in report.results
    })


_CHECKER = None


def _checker():
    global _CHECKER
    if _CHECKER is None:
        from procure_check.catalogue import load_catalogue
        from procure_check.check import Checker

        _CHECKER = Checker(load_catalogue(), as_of=AS_OF, lang="en")
    return _CHECKER


class Tally:
    """Counts right of total under one heading (a group, a criterion, a language)."""

    def __init__(self) -> None:
        self.right: Counter = Counter()
        self.total: Counter = Counter()
        self.false_pass: Counter = Counter()

    def add(self, key: str, right: bool, false_pass: bool) -> None:
        self.total[key] += 1
        self.right[key] += right
        self.false_pass[key] += false_pass

    def lines(self, title: str) -> list[str]:
        out = [f"\n{title}"]
        for key in sorted(self.total):
            fp = f"  false passes {self.false_pass[key]}" if self.false_pass[key] else ""
            right, total = self.right[key], self.total[key]
            out.append(f"  {key:<14} {right:>4}/{total:<4} {_pct(right, total)}{fp}")
        return out


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


class Grade(BaseModel):
    verdicts_right: int = 0
    verdicts: int = 0
    false_passes: int = 0
    pages_right: int = 0
    pages: int = 0
    quotes_right: int = 0
    quotes: int = 0
    groups_right: int = 0
    groups_wrong: int = 0
    documents: int = 0
    misses: list[str] = []


def grade(entries: list[Entry], outcomes: list[Outcome]) -> tuple[Grade, list[str]]:
    """Grade every expected verdict; return the totals and the per-group/criterion/language breakdown."""
    total = Grade()
    by_group, by_criterion, by_lang = Tally(), Tally(), Tally()
    for entry, outcome in zip(entries, outcomes, strict=True):
        total.documents += 1
        got_group = outcome.group if not outcome.error else None
        if got_group == entry.group or (entry.group is None and outcome.error and outcome.error.startswith("no_group")):
            total.groups_right += 1
        elif got_group is not None:
            total.groups_wrong += 1
            total.misses.append(f"{entry.id} WRONG GROUP {got_group} (is {entry.group})")
        else:
            total.misses.append(f"{entry.id} no group: {outcome.error} (is {entry.group})")
        for criterion, expect in entry.expect.items():
            verdict, quotes = outcome.results.get(criterion, ("missing", []))
            right = verdict in expect.verdicts
            false_pass = verdict == "pass" and not right
            total.verdicts += 1
            total.verdicts_right += right
            total.false_passes += false_pass
            for tally, key in ((by_group, entry.group or "none"), (by_criterion, criterion), (by_lang, entry.lang)):
                tally.add(key, right, false_pass)
            shown = "; ".join(f"p{page} {text[:90]!r}" for page, text in quotes[:2])
            if not right:
                flag = "FALSE PASS " if false_pass else ""
                total.misses.append(f"{entry.id} {criterion} {flag}got {verdict}, want {'/'.join(expect.verdicts)}"
                                    f" [{entry.lang}] {shown}")
            if expect.page is not None:
                total.pages += 1
                page_right = any(page == expect.page for page, _ in quotes)
                total.pages_right += page_right
            if expect.quote is not None:
                total.quotes += 1
                quote_right = any(_squash(expect.quote) in _squash(text) for _, text in quotes)
                total.quotes_right += quote_right
                if right and not quote_right:
                    total.misses.append(f"{entry.id} {criterion} quote: want {expect.quote!r} p{expect.page},"
                                        f" got {shown or 'no evidence'}")
    breakdown = (by_group.lines("Per group") + by_criterion.lines("Per criterion") + by_lang.lines("Per language"))
    return total, breakdown


def summary(total: Grade) -> list[str]:
    return [
        f"verdicts right   {total.verdicts_right}/{total.verdicts}  {_pct(total.verdicts_right, total.verdicts)}",
        f"false passes     {total.false_passes}",
        f"evidence page    {total.pages_right}/{total.pages}  {_pct(total.pages_right, total.pages)}",
        f"quote in evidence {total.quotes_right}/{total.quotes}  {_pct(total.quotes_right, total.quotes)}",
        f"group detected   {total.groups_right}/{total.documents}  {_pct(total.groups_right, total.documents)}"
        f"  wrong group {total.groups_wrong}",
    ]


def load(corpus: Path) -> list[Entry]:
    return [Entry.model_validate(item) for item in json.loads((corpus / "manifest.json").read_text("utf-8"))]


def run(
    corpus: Path, *, with_group: bool = False, jobs: int = 2, only: set[str] | None = None
) -> tuple[Grade, list[str]]:
    entries = [entry for entry in load(corpus) if not only or entry.id in only]
    tasks = [(corpus, entry, with_group) for entry in entries]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outcomes = list(pool.map(check_entry, tasks))
    return grade(entries, outcomes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS,
                        help=f"a folder with manifest.json (default: {DEFAULT_CORPUS})")
    parser.add_argument("--with-group", action="store_true", help="give each document its true group")
    parser.add_argument("--misses", action="store_true", help="list every wrong verdict, group and quote")
    parser.add_argument("--breakdown", action="store_true", help="per group, criterion and language")
    parser.add_argument("--only", nargs="*", help="document ids to check")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the totals as JSON")
    args = parser.parse_args()
    if not (args.corpus / "manifest.json").is_file():
        parser.error(f"{args.corpus}: no manifest.json here; give a graded corpus folder "
                     "(the development corpus is ../shared/corpus/docs beside the repository)")
    total, breakdown = run(args.corpus, with_group=args.with_group, jobs=args.jobs,
                           only=set(args.only) if args.only else None)
    lines = summary(total)
    if args.breakdown:
        lines += breakdown
    if args.misses:
        lines += ["", "Misses"] + [f"  {miss}" for miss in total.misses]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(total.model_dump_json(indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
