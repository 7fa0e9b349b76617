"""One document's work shared with helper processes (`procure_check.fanout`): the same values as computing
every part here, whatever happens to a helper."""

import importlib.util
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from procure_check import fanout
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.fanout import can_fork, fan_out, parts_for

pytestmark = pytest.mark.skipif(not can_fork(), reason="helpers are forked only on POSIX without other threads")


def _square_with_pid(numbers: range) -> list[tuple[int, int]]:
    return [(number * number, os.getpid()) for number in numbers]


def test_the_values_are_those_of_a_plain_map_in_order_and_helpers_took_a_share():
    parts = parts_for(range(400), 2, 10)
    found = fan_out(_square_with_pid, parts, 2)
    assert [value for part in found for value, _ in part] == [n * n for n in range(400)]
    assert len(parts) == 2 * fanout.PARTS_PER_PROCESS  # a few per process, so that a slowed process takes fewer


def test_one_process_computes_everything_here():
    found = fan_out(_square_with_pid, parts_for(range(100), 1, 10), 1)
    assert {pid for part in found for _, pid in part} == {os.getpid()}


_PARENT = os.getpid()


def _dies_in_a_helper(numbers: range) -> list[int]:
    if os.getpid() != _PARENT:
        os._exit(3)  # a crash: no value, no exception
    return [number + 1 for number in numbers]


def test_what_a_crashed_helper_took_is_computed_here():
    parts = parts_for(range(64), 2, 4)
    assert [n for part in fan_out(_dies_in_a_helper, parts, 2) for n in part] == list(range(1, 65))


_calls_here = []
_crash_mark: list[Path] = []  # where the helper notes that it crashed


def _dies_on_its_second_part(numbers: range) -> list[tuple[int, int]]:
    time.sleep(0.02)  # long enough for the helper to take parts too
    if os.getpid() != _PARENT:
        _calls_here.append(numbers)
        if len(_calls_here) == 2:
            _crash_mark[0].touch()
            os._exit(3)
    return _square_with_pid(numbers)


def test_the_values_a_helper_sent_before_it_crashed_are_kept(tmp_path):
    _crash_mark[:] = [tmp_path / "crashed"]
    found = fan_out(_dies_on_its_second_part, parts_for(range(64), 2, 4), 2)
    assert [value for part in found for value, _ in part] == [n * n for n in range(64)]
    assert _crash_mark[0].exists()  # it did take a second part, and died on it
    helper_parts = [part for part in found if part[0][1] != os.getpid()]
    assert len(helper_parts) == 1  # its first part, sent before the crash; the second was computed here


def _large(numbers: range) -> tuple[int, bytes, int]:
    """A value several times a pipe's buffer, that the parent reads in many pieces."""
    return numbers[0], bytes([numbers[0] % 256]) * (3 << 20), os.getpid()


def test_values_larger_than_the_pipe_come_whole_from_several_helpers():
    found = fan_out(_large, parts_for(range(24), 3, 1), 3)
    assert [(first, len(data), set(data)) for first, data, _ in found] == [
        (n, 3 << 20, {n % 256}) for n in range(24)]
    assert len({pid for _, _, pid in found}) > 1


def _fails_on_13(numbers: range) -> list[int]:
    if 13 in numbers:
        raise LookupError("thirteen")
    return list(numbers)


def test_an_exception_is_raised_here_as_without_helpers_and_no_helper_is_left(monkeypatch):
    started = []

    def start(*args):
        helper = start_helper(*args)
        started.append(helper.pid)
        return helper

    start_helper = fanout._start
    monkeypatch.setattr(fanout, "_start", start)
    with pytest.raises(LookupError, match="thirteen"):
        fan_out(_fails_on_13, parts_for(range(64), 2, 4), 2)
    assert len(started) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)  # the helper was reaped


def test_a_helper_waited_for_when_ctrl_c_comes_is_stopped_and_reaped(monkeypatch):
    started = []

    def start(*args):
        helper = start_helper(*args)
        started.append(helper)
        return helper

    def interrupted(self, *, wait):
        if wait:
            raise KeyboardInterrupt
        return {}

    start_helper = fanout._start
    monkeypatch.setattr(fanout, "_start", start)
    monkeypatch.setattr(fanout._Helper, "receive", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fan_out(_square_with_pid, parts_for(range(64), 2, 4), 2)
    assert len(started) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0].pid, os.WNOHANG)  # killed and reaped
    with pytest.raises(OSError):
        os.fstat(started[0].pipe)  # its pipe closed


def test_no_helper_is_forked_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        found = fan_out(_square_with_pid, parts_for(range(100), 2, 10), 2)
        assert {pid for part in found for _, pid in part} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


@given(st.integers(0, 2000), st.integers(1, 8), st.integers(1, 50))
def test_parts_cover_the_items_in_order_never_empty_nor_too_small(count, processes, smallest):
    parts = parts_for(range(count), processes, smallest)
    assert [n for part in parts for n in part] == list(range(count))
    assert all(len(part) > 0 for part in parts) or count == 0
    assert len(parts) <= max(1, processes * fanout.PARTS_PER_PROCESS)
    if len(parts) > 1:
        assert min(map(len, parts)) >= smallest


def _benchmark_inputs():
    spec = importlib.util.spec_from_file_location("inputs", Path(__file__).parents[1] / "bench" / "inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_long_tender_gets_the_same_report_from_two_processes_as_from_one(tmp_path):
    path = tmp_path / "dense.pdf"
    _benchmark_inputs().write_dense_tender(path, 40)  # the benchmark's requirement-dense tender
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    one = checker.check_tender([Path(path)], "cleaning")
    checker.processes = 2
    two = checker.check_tender([Path(path)], "cleaning")
    assert one.requirements and one.requirements > 200
    assert two.model_dump() == one.model_dump()


def test_a_run_with_fewer_documents_than_jobs_shares_the_spare_jobs_among_them():
    from procure_check.batch import _with_spare_cpus
    from procure_check.plan import ProductList, Task

    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    one = [Task(kind="tender", paths=(Path("a.pdf"),))]
    assert _with_spare_cpus(checker, one, 4).processes == 4
    assert _with_spare_cpus(checker, one * 2, 4).processes == 2
    assert _with_spare_cpus(checker, one * 4, 4) is checker and checker.processes == 1
    assert _with_spare_cpus(checker, [ProductList(path=Path("list.csv"))], 4) is checker
    assert _with_spare_cpus(checker, iter(one), 4) is checker  # a stream: its length is not known
