"""The vendored durable-rules engine (procure_check/_vendor/durable): built by our build, on this Python,
with its limits reported as one-line errors instead of hangs or silence."""

import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pytest

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.engine import durable
from procure_check.engine.compile import CATCH_ALL, CompiledRuleset
from procure_check.engine.durable import RULE_LIMIT, RulesEngine, RulesetTooLarge

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


def test_the_most_rules_the_engine_holds_still_fire():
    fired = RulesEngine().evaluate(_ruleset(RULE_LIMIT - 2), [{"id": "f1", "value": RULE_LIMIT - 3}])
    assert [name for name, _ in fired] == [f"r{RULE_LIMIT - 3}"]


@pytest.mark.parametrize("rules", [RULE_LIMIT - 1, RULE_LIMIT, 2000])
def test_too_many_rules_is_a_one_line_error_not_a_hang(rules):
    """Upstream durable-rules looped forever from 512 rules on (PATCHES.md, patch 5): run it in a child
    process with a time limit, so that a regression fails instead of hanging the suite."""
    code = (
        "import sys\n"
        "from tests.test_rules_engine import _ruleset\n"
        "from procure_check.engine.durable import RulesEngine, RulesetTooLarge\n"
        "try:\n"
        f"    RulesEngine().evaluate(_ruleset({rules}), [{{'id': 'f1', 'value': 1}}])\n"
        "except RulesetTooLarge as error:\n"
        "    print(error)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{rules + 1} rules in one ruleset; the rules engine holds at most {RULE_LIMIT - 1}\n"


def test_ruleset_too_large_is_a_value_error():
    with pytest.raises(ValueError, match="rules in one ruleset"):
        RulesEngine().evaluate(_ruleset(RULE_LIMIT), [{"id": "f1", "value": 1}])
    assert issubclass(RulesetTooLarge, ValueError)


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
        report = checker.check_product(SAMPLES / "products" / "cleaning" / "gulvvask_koncentrat.txt")
        tender = checker.check_tender([SAMPLES / "tenders" / "storkoekken_nordvig_mangler" / "udbudsmateriale.txt"])
    assert report.results and tender.results
    ours = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)
            and "procure_check" in Path(w.filename).parts]
    assert ours == []
