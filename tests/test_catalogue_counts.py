"""The counts the READMEs give of the catalogue are the catalogue's: a criterion or group added or removed
without updating them fails here."""

import re
from pathlib import Path

from procure_check.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = load_catalogue()


def _text(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _counts() -> dict[str, int]:
    groups = [group for group in CATALOGUE.groups.values() if not group.all_groups]
    every = [c for group in CATALOGUE.groups.values() if group.all_groups for c in group.criteria]
    return {
        "groups": len(groups),
        "product": sum(c.kind == "product" for group in groups for c in group.criteria),
        "tender": sum(c.kind == "tender" for group in groups for c in group.criteria),
        "every group": len(every),
    }


def test_the_readme_counts_the_catalogue():
    text = _text("README.md")
    found = re.search(r"(\d+) criteria in (\d+) groups: ([^.]+)\.", text)
    assert found, "the README says how many product criteria and groups there are"
    counts = _counts()
    assert (int(found[1]), int(found[2])) == (counts["product"], counts["groups"])
    named = {name.strip().lower() for name in re.split(r",| and ", found[3])}
    assert named == set(CATALOGUE.product_groups)
    assert f"({counts['tender'] + counts['every group']} tender criteria)" in text  # the legal checks too
    legal = [c.id for group in CATALOGUE.groups.values() if group.all_groups for c in group.criteria]
    assert f"{legal[0]}…{legal[-1].split('-')[1]}" in text


def test_the_criteria_readme_counts_the_catalogue():
    counts = _counts()
    assert (f"It holds {counts['product']} product criteria and {counts['tender']} tender criteria in "
            f"{counts['groups']} groups, and {counts['every group']} legal checks that apply in every group"
            ) in _text("criteria/README.md")
