"""Quotes keep the words that decide: evidence knows its focus, and the terminal cuts around it."""

import io
import re
from datetime import date

import pytest
from rich.console import Console

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.document import Line, Page
from procure_check.extract.pagetext import PageText
from procure_check.facts import Evidence
from procure_check.report.quote import ELLIPSIS, shorten, split
from procure_check.report.terminal import render_document
from tests.test_tender_samples import EXPECTED, _files

LONG = ("Det er et mindstekrav, at alle rengøringsmidler i tilbuddet er mærket med Svanemærket eller EU-Blomsten, "
        "og at tilbudsgiver vedlægger licensnummeret for hvert produkt i tilbudslisten.")


@pytest.mark.parametrize("focus", ["Det er et", "Svanemærket eller EU-Blomsten", "i tilbudslisten."])
def test_a_long_quote_is_cut_around_its_focus_with_an_ellipsis_only_where_cut(focus):
    short = shorten(LONG, focus, 60)
    assert focus in short
    assert len(short) <= 60
    assert short.startswith(ELLIPSIS) == (not LONG.startswith(short.lstrip(ELLIPSIS).rstrip(ELLIPSIS)))
    assert short.endswith(ELLIPSIS) == (not LONG.endswith(short.lstrip(ELLIPSIS).rstrip(ELLIPSIS)))
    assert short.strip(ELLIPSIS) in LONG


def test_a_focus_longer_than_the_room_is_kept_whole():
    focus = LONG[20:140]
    short = shorten(LONG, focus, 60)
    assert focus in short and short.startswith(ELLIPSIS) and short.endswith(ELLIPSIS)


def test_a_short_quote_or_one_without_focus_keeps_its_opening():
    assert shorten("Parfumefri.", "Parfumefri", 60) == "Parfumefri."
    assert shorten(LONG, None, 60) == LONG[:59] + ELLIPSIS
    assert shorten(LONG, "not in the quote", 60) == LONG[:59] + ELLIPSIS


def test_split_marks_the_focus_for_formats_that_emphasise_it():
    assert split("Energiklasse: D (EU 2019/2015)", "Energiklasse: D") == ("", "Energiklasse: D", " (EU 2019/2015)")
    assert split("Parfumefri", None) == ("", "", "Parfumefri")


def test_evidence_drops_a_focus_the_quote_does_not_hold_and_json_omits_an_unknown_one():
    assert Evidence(page=1, text="Parfumefri", focus="Svanemærket").focus is None
    assert "focus" not in Evidence(page=1, text="Parfumefri").model_dump(mode="json")
    assert Evidence(page=1, text="Parfumefri", focus="fri").model_dump(mode="json")["focus"] == "fri"


def test_page_text_quotes_the_focus_as_printed():
    page = PageText(Page(number=2, lines=[Line(text="Energiforbrug:   4,6  kWh/24t"), Line(text="Støj: 38 dB")]))
    start = page.text.index("4,6")
    evidence = page.evidence(0, len(page.text), focus=(start, start + len("4,6 kWh/24t")))
    assert evidence.focus == "4,6 kWh/24t" and evidence.focus in evidence.text


SHEET = """Produktdatablad: Køleskab KF 300
Produktet er Svanemærket, licens nr. 5041 0012.
Energiklasse: D
Nettovolumen: 300 l
Energiforbrug: 4,6 kWh/24t
Parfumefri.
"""


def test_product_facts_carry_the_words_that_decide(tmp_path):
    path = tmp_path / "sheet.txt"
    path.write_text(SHEET, encoding="utf-8")
    report = Checker(load_catalogue(), as_of=date(2026, 11, 22), lang="en").check_product(path, "kitchen")
    foci = {item.focus for result in report.results for item in result.evidence}
    assert {"Energiklasse: D", "4,6 kWh/24t"} <= foci


CHECKER = Checker(load_catalogue(), as_of=EXPECTED["as_of"], lang="en")


@pytest.mark.parametrize("tender", EXPECTED["tenders"], ids=lambda tender: tender["folder"].rsplit("/", 1)[-1])
def test_the_terminal_at_100_columns_shows_each_verdicts_decisive_words_uncut(tender):
    report = CHECKER.check_tender(_files(tender["folder"]), None, name=tender["folder"])
    console = Console(file=io.StringIO(), width=100, no_color=True)
    console.print(render_document(report))
    cells = _evidence_cells(console.file.getvalue())
    for result in report.results:
        if result.verdict not in ("pass", "fail"):
            continue
        for item in result.evidence[:2]:
            if item.focus:
                assert " ".join(item.focus.split()) in cells[result.criterion], (result.criterion, item.focus)


def _evidence_cells(rendered: str) -> dict[str, str]:
    """The evidence column of each result row, its wrapped lines joined (a row starts with its criterion)."""
    lines = rendered.splitlines()
    column = next(line.index("Evidence") for line in lines if re.search(r"Reason\s+Evidence", line))
    cells: dict[str, list[str]] = {}
    current = None
    for line in lines:
        found = re.match(r" ?([A-Z]+-[A-Z]\d+) ", line)
        if found:
            current = found.group(1)
        if current:
            cells.setdefault(current, []).append(line[column:].strip())
    return {criterion: " ".join(" ".join(parts).split()) for criterion, parts in cells.items()}


def test_markdown_and_html_show_the_whole_quote_with_its_focus_emphasised():
    from procure_check.report.html import _marked
    from procure_check.report.markdown import _quote

    item = Evidence(page=1, text="Produktet er Svanemærket, licens nr. 5041 0012 <b>*",
                    focus="Svanemærket, licens nr. 5041 0012")
    assert _quote(item) == "Produktet er **Svanemærket, licens nr. 5041 0012** &lt;b&gt;\\*"
    assert _marked(item) == "Produktet er <mark>Svanemærket, licens nr. 5041 0012</mark> &lt;b&gt;*"
    assert _marked(Evidence(page=1, text="Parfumefri")) == "<mark>Parfumefri</mark>"


def test_one_sentence_behind_two_facts_is_quoted_once(tmp_path):
    path = tmp_path / "boards.txt"
    path.write_text("Produktdatablad: Terrassebrædder\nTræet er ikke FSC- eller PEFC-certificeret.\n", encoding="utf-8")
    report = Checker(load_catalogue(), as_of=date(2026, 11, 22), lang="en").check_product(path, "wood")
    result = next(result for result in report.results if result.criterion == "WOOD-P01")
    assert [item.text for item in result.evidence] == ["Træet er ikke FSC- eller PEFC-certificeret."]
    assert Evidence(page=1, text="a b", focus="a") == Evidence(page=1, text="a b", focus="b")
    assert Evidence(page=1, text="a b") != Evidence(page=2, text="a b")
