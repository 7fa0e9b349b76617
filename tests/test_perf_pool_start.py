"""Workers are forked only from a process without other threads; with threads, a fork server starts them."""

import multiprocessing
import sys
import threading
import warnings

import pytest

from procure_check.pool import default_start_method, run_batch

LINUX_FORK = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is the default on Linux only")


@LINUX_FORK
def test_a_process_without_other_threads_forks():
    assert threading.active_count() == 1
    assert default_start_method() == "fork"


@LINUX_FORK
def test_a_process_with_threads_uses_a_fork_server_and_is_not_warned():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert default_start_method() == "forkserver"
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)  # Python 3.12+: "multi-threaded, use of fork()"
            outcomes = list(run_batch(abs, [-3, -4], jobs=2))
        assert [outcome.value for outcome in outcomes] == [3, 4]
    finally:
        stop.set()
        thread.join()
    assert "forkserver" in multiprocessing.get_all_start_methods()
