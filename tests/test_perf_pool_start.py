"""Workers are forked only from a process without other threads; with threads, a fork server starts them."""

import multiprocessing
import os
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


@LINUX_FORK
def test_reading_a_spreadsheet_starts_no_thread(tmp_path):
    """openpyxl imports numpy where it is installed; its BLAS must not start threads (the pool would not fork)."""
    import subprocess

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Varenr.", "Beskrivelse"])
    workbook.active.append(["1", "Universalrengøring, Svanemærket"])
    workbook.save(tmp_path / "list.xlsx")
    code = ("import os, sys; from pathlib import Path; from procure_check.parse.tabular import estimate_rows; "
            "estimate_rows(Path(sys.argv[1])); print(len(os.listdir('/proc/self/task')))")
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    threads = subprocess.run([sys.executable, "-c", code, str(tmp_path / "list.xlsx")], env=env,
                             capture_output=True, text=True, check=True).stdout
    assert threads.strip() == "1"
