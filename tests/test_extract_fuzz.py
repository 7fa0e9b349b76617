"""The whole extraction, and the judgement after it, on arbitrary text: they never raise, every evidence
quote stands in its page's printed text, and every pass carries such evidence.

(Single extractors have their own properties: labels in test_labels.py, numbers in test_numbers.py,
quoting in test_pagetext.py.)
"""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procure_check.catalogue import load_catalogue
from procure_check.engine.compile import compile_criteria
from procure_check.engine.evaluate import judge
from procure_check.extract import extract_facts
from tests.conftest import AS_OF, make_document

CATALOGUE = load_catalogue()
RULESETS = {group: compile_criteria(CATALOGUE.for_group(group, "product"), AS_OF) for group in CATALOGUE.product_groups}

# Pieces of data sheets, so that the extractors find something to work on, and their traps.
_PIECES = st.sampled_from([
    "Produktdatablad: ", "Svanemærket", "svane-\nmærket", "EU-\nBlomsten", "EU Ecolabel", "licens nr. 5041 0012",
    "ikke ", "not ", "ansøgning om ", "emballagen ", "gyldig til 31.03.2025", "99.99.9999", "STANDARD 100 by OEKO-TEX",
    "TCO Certified generation 9", "TCO'99", "EPEAT Gold", "FSC® C012345", "PEFC/09-31-001", "Energy Star",
    "Energiklasse ", "energy class ", "A", "D", "G", "A++", "11,2 kWh/24t", "4.850 kWh", "1,241 kWh/year",
    "806 lm", "5 W", "E27", "E14", "reflektor", "32 g/km", "CO2", "Garanti: ", " år", "reservedele ", "10 years",
    "60 % bomuld, 35 % polyester, 5 % elastan", "100 % cotton", "EUH208 Indeholder limonene", "parfumefri",
    "drivgas", "pumpespray", "Dosering: 25 ml pr. 5 l vand", "formaldehyd", "E1", "PVC", "phthalater",
    "Skærm", "Bærbar computer", "LED-pære", "Køleskab", "Kopipapir", "Rengøringsmiddel", "Håndklæde",
    ": ", ", ", ". ", "; ", "–", "(", ")", "\n", "\n\n", "\f", " ", "\u00ad", "ﬁ", "’", "“", "\u00a0", "0", "9",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_extraction_never_raises_and_quotes_what_is_printed(text):
    document = make_document(text)
    extraction = extract_facts(document)
    printed = {page.number: _squash(page.text) for page in document.pages}
    for fact in extraction.facts:
        assert fact.evidence, fact
        for evidence in fact.evidence:
            assert evidence.page in printed, (fact, evidence)
            assert _squash(evidence.text) in printed[evidence.page], (fact, evidence)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(sorted(RULESETS)))
def test_every_pass_quotes_the_document(text, group):
    document = make_document(text)
    extraction = extract_facts(document)
    results = judge(extraction.facts, CATALOGUE.for_group(group, "product"), RULESETS[group],
                    extraction.product_types, "en")
    printed = {page.number: _squash(page.text) for page in document.pages}
    assert [result.criterion for result in results] == [c.id for c in CATALOGUE.for_group(group, "product")]
    for result in results:
        if result.verdict == "pass":
            assert result.evidence, result
        for evidence in result.evidence:
            assert _squash(evidence.text) in printed.get(evidence.page, ""), (result, evidence)
