"""The vendored durable-rules engine (procure_check/_vendor/durable): built by our build, on this Python."""

import warnings
from datetime import date
from pathlib import Path

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.engine import durable

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_the_engine_is_the_vendored_build():
    module = durable.durable_engine.durable_rules_engine
    assert module.__name__ == "procure_check._vendor.durable.durable_rules_engine"
    assert Path(module.__file__).parent == Path(durable.__file__).parent.parent / "_vendor" / "durable"


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
