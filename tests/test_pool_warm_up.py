"""The parent prepares forked workers only when more than one item will need them."""

import pytest

from procure_check.pool import run_batch


@pytest.mark.parametrize(("items", "warmed"), [([3], 0), ([3, 4], 1)])
def test_before_start_only_for_more_than_one_item(items, warmed):
    calls = []
    outcomes = list(run_batch(abs, items, jobs=1, start_method="fork", before_start=lambda: calls.append(1)))
    assert [outcome.value for outcome in outcomes] == items
    assert len(calls) == warmed
