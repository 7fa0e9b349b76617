"""The vendored durable-rules engine (procure_check/_vendor/durable): built by our build, on this Python,
with errors in its actions raised instead of kept silently."""

import warnings
from datetime import date
from pathlib import Path

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.engine import durable
from procure_check.engine.compile import CATCH_ALL, CompiledRuleset
from procure_check.engine.durable import RulesEngine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _ruleset(rules: int) -> CompiledRuleset:
    """`rules` rules on one field, each matching one value, and the catch-all."""
    definition = {f"r{number}": {"all": [{"m": {"value": number}}], "run": f"r{number}"} for number in range(rules)}
    definition[CATCH_ALL] = {"all": [{"m": {"$gte": {"seq": 0}}}], "run": CATCH_ALL}
    return CompiledRuleset(definition, {})


def test_the_engine_is_the_vendored_build():
    module = durable.durable_engine.durable_rules_engine
    assert module.__name__ == "procure_check._vendor.durable.durable_rules_engine"
    assert Path(module.__file__).parent == Path(durable.__file__).parent.parent / "_vendor" / "durable"


def test_an_error_while_collecting_firings_is_raised_not_kept_in_the_session():
    engine = RulesEngine()
    engine._host._on_fire = lambda name, matched: 1 / 0  # what upstream would swallow into state['exception']
    with pytest.raises(ZeroDivisionError):
        engine.evaluate(_ruleset(3), [{"id": "f1", "value": 1}])


def test_firings_are_counted_without_the_catch_all():
    engine = RulesEngine()
    engine.evaluate(_ruleset(3), [{"id": "f1", "value": 1}, {"id": "f2", "value": 2}, {"id": "f3", "value": 7}])
    assert engine.firings == 2


def test_checking_warns_of_nothing_deprecated_in_our_code_or_the_engine():
    """Python 3.12 deprecated `datetime.utcfromtimestamp`, which upstream's engine called on every firing."""
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22), lang="en")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = checker.check(SAMPLES / "products" / "cleaning" / "gulvvask_koncentrat.txt", "product")
        tender = checker.check_tender([SAMPLES / "tenders" / "storkoekken_nordvig_mangler" / "udbudsmateriale.txt"])
    assert report.results and tender.results
    ours = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)
            and "procure_check" in Path(w.filename).parts]
    assert ours == []
