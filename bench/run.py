"""procure-check's benchmark: one command, inputs generated in a temporary folder, one table of results.

    python bench/run.py            # the full run: 200-page tender, 500 data sheets, 100,000-row CSV, and
                                   # requirement-dense tenders of 25, 50, 100 and 200 pages
    python bench/run.py --quick    # a smaller run (50 pages, 100 sheets, 10,000 rows; dense: 25 and 50 pages)
    python bench/run.py --only dense   # only the requirement-dense tenders

Every measurement of procure-check is a run of the command line in a child process (`python -m
procure_check`), end to end: start-up, catalogue, worker processes, parsing, checking and writing the
JSON report. The baselines are the same PDFs read in one process with plain pdfplumber
(`page.extract_text()`) and plain pypdfium2 (`textpage.get_text_range()`), the practical limit.
Memory is the peak of the command's process tree (the sum of its processes' proportional set sizes, so
that pages forked workers share with their parent count once; sampled every 20 ms) and the peak resident
size of its largest process (`getrusage(RUSAGE_CHILDREN).ru_maxrss`). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

AS_OF = "2026-11-22"


@dataclass
class Run:
    seconds: float
    tree_mb: float
    largest_mb: float
    exit_code: int


# --- Measuring ----------------------------------------------------------------------------------------


_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "largest_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "code": code}))
"""


def _tree_memory(root: int) -> int:
    """The memory of `root` and its descendants (from /proc): the sum of their proportional set sizes (PSS:
    a page shared by n processes, as forked workers share their parent's, counts 1/n in each), or of their
    resident sizes where PSS cannot be read."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    parents[int(entry.name)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(_memory(pid) for pid in tree)


def _memory(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def measure(args: list[str], env: dict[str, str] | None = None, sample: bool = True) -> Run:
    """Run a command in a wrapper process that times it and reports its largest process's peak RSS,
    while (if `sample`) the resident memory of the whole tree is sampled from here. A sample reads /proc and
    takes about 4 ms of CPU every 20 ms: on two CPUs that slows a command using both (and not one using one),
    so timed runs of a command that shares its work between processes are best not sampled."""
    process = subprocess.Popen([sys.executable, "-c", _WRAPPER, *args], stdout=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    peak = 0
    while process.poll() is None:
        if sample:
            peak = max(peak, _tree_memory(process.pid))
        time.sleep(0.02)
    result = json.loads(process.stdout.read())
    return Run(result["seconds"], peak / 1e6, result["largest_kb"] / 1e3, result["code"])


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs (the machine's other load only ever slows a run down), with the
    highest memory seen in any of them."""
    fastest = min(runs, key=lambda run: run.seconds)
    return Run(fastest.seconds, max(run.tree_mb for run in runs), max(run.largest_mb for run in runs),
               fastest.exit_code)


def check(kind: str, paths: list[Path], output: Path, cache: Path | None, jobs: int | None = None,
          repeat: int = 1, fresh: bool = False) -> Run:
    """procure-check end to end, the best of `repeat` runs; `cache`: the cache folder (None: --no-cache),
    emptied before each run if `fresh`."""
    runs = []
    for _ in range(repeat):
        if fresh and cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        runs.append(_check(kind, paths, output, cache, jobs))
    return best(runs)


def _check(kind: str, paths: list[Path], output: Path, cache: Path | None, jobs: int | None) -> Run:
    args = [sys.executable, "-m", "procure_check", kind, *map(str, paths), "--as-of", AS_OF, "--format", "json",
            "--output", str(output)]
    if jobs:
        args += ["--jobs", str(jobs)]
    env = {"PROCURE_CHECK_NO_CACHE": ""}
    if cache is None:
        args.append("--no-cache")
    else:
        env["PROCURE_CHECK_CACHE_DIR"] = str(cache)
    run = measure(args, env)
    if run.exit_code not in (0, 1):
        raise SystemExit(f"procure-check failed (exit code {run.exit_code}): {' '.join(args)}")
    return run


_BASELINE = """
import sys, time
from pathlib import Path
library, listing = sys.argv[1], sys.argv[2]
files = Path(listing).read_text().split("\\n")
pages = 0
start = time.perf_counter()
if library == "pdfplumber":
    import pdfplumber
    for name in files:
        with pdfplumber.open(name) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
else:
    import pypdfium2
    for name in files:
        pdf = pypdfium2.PdfDocument(name)
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
print(time.perf_counter() - start, pages)
"""


def baseline(library: str, files: list[Path], scratch: Path, repeat: int = 1) -> float:
    """Seconds for plain text extraction of `files` in a fresh process (imports not timed), the best of `repeat`."""
    listing = scratch / f"files-{library}.txt"
    listing.write_text("\n".join(map(str, files)))
    return min(float(subprocess.run([sys.executable, "-c", _BASELINE, library, str(listing)], capture_output=True,
                                    text=True, check=True).stdout.split()[0]) for _ in range(repeat))


def baseline_process(library: str, path: Path, scratch: Path) -> Run:
    """Plain text extraction of `path` as a whole process (start-up and imports timed), as procure-check is."""
    listing = scratch / f"file-{library}-{path.stem}.txt"
    listing.write_text(str(path))
    return measure([sys.executable, "-c", _BASELINE, library, str(listing)], sample=False)


_FIRINGS = """
import sys
from datetime import date
from pathlib import Path
from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.engine import evaluate
from procure_check.engine.durable import engine
seen = {}
judge = evaluate.judge
def counting(facts, criteria, ruleset, product_types, lang):
    before = engine().firings
    results = judge(facts, criteria, ruleset, product_types, lang)
    seen["actions"], seen["facts"] = engine().firings - before, len(facts)
    seen["matched"] = sum(len(d.fired) for d in evaluate.decide(facts, criteria, ruleset, product_types, lang))
    return results
import procure_check.check
procure_check.check.judge = counting
checker = Checker(load_catalogue(), as_of=date.fromisoformat(sys.argv[2]))
report = checker.check_tender([Path(sys.argv[1])], "cleaning")
assert report.error is None, report.error
print(seen["facts"], seen["matched"], seen["actions"])
"""


def firings(path: Path) -> str:
    """The tender's facts, the rule matches they make, and the rule actions the engine runs for them (in a fresh
    process, as a check of the tender alone): alike facts are asserted once, so actions stay few."""
    facts, matched, actions = map(int, subprocess.run(
        [sys.executable, "-c", _FIRINGS, str(path), AS_OF], capture_output=True, text=True, check=True).stdout.split())
    return f"{facts:,} facts, {matched:,} rule matches ({matched / facts:.1f} a fact), {actions:,} engine actions"


def dense(path: Path, output: Path, sample: bool) -> Run:
    """One run of `procure-check tender FILE --group cleaning --no-cache` (default jobs)."""
    args = [sys.executable, "-m", "procure_check", "tender", str(path), "--group", "cleaning", "--no-cache",
            "--as-of", AS_OF, "--format", "json", "--output", str(output)]
    run = measure(args, {"PROCURE_CHECK_NO_CACHE": ""}, sample)
    if run.exit_code not in (0, 1):
        raise SystemExit(f"procure-check failed: {' '.join(args)}")
    return run


def parallel_capacity() -> float:
    """How much faster two processes do pure CPU work than one, on this machine (2.0 on two real cores)."""
    code = "import time\nt=time.perf_counter()\nx=0\nfor i in range(6_000_000): x+=i*i\nprint(time.perf_counter()-t)"

    def wall(n: int) -> float:
        start = time.perf_counter()
        processes = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL) for _ in range(n)]
        for process in processes:
            process.wait()
        return time.perf_counter() - start

    return max(2 * wall(1) / wall(2) for _ in range(3))


# --- Reporting -----------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) / 1e6 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0.0)
    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, {memory:.1f} GB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []
        self.verdicts: list[tuple[str, bool]] = []
        self.section = ""

    def start(self, section: str, title: str) -> None:
        self.section = section
        print(title)

    def row(self, what: str, value: str, note: str = "") -> None:
        self.rows.append((what, value, note))
        print(f"  {what:<52} {value:>16}  {note}", flush=True)

    def target(self, what: str, value: float, goal: float, higher: bool, unit: str = "x", note: str = "") -> None:
        """`unit` "" is a plain number (an exponent), whose upper bound is inclusive."""
        met = value >= goal if higher else value <= goal if unit == "" else value < goal
        self.verdicts.append((f"{self.section}: {what}", met))
        units = {"%": " %", "MB": " MB", "x": "x", "": ""}
        shown = f"{value:.1f} %" if unit == "%" else f"{value:.0f} MB" if unit == "MB" else f"{value:.2f}{units[unit]}"
        sign = "≥" if higher else "≤" if unit == "" else "<"
        self.row(what, shown, f"target {sign} {goal:g}{units[unit]}: {'met' if met else 'MISSED'}"
                 + (f" ({note})" if note else ""))


def run_main_sections(options, folder: Path, out: Path, table: Table, pages: int, sheets: int, rows: int,
                      repeat: int, slow: int) -> None:
    """The tender, the data sheets and the product list."""
    from inputs import write_csv, write_sheets, write_tender

    capacity = parallel_capacity()
    print(f"parallel capacity: two processes do pure CPU work {capacity:.2f}x as fast as one")
    print(f"inputs in {folder}: ", end="", flush=True)
    start = time.perf_counter()
    tender = folder / "tender.pdf"
    write_tender(tender, pages)
    sheet_paths = write_sheets(folder / "sheets", sheets)
    products = folder / "products.csv"
    write_csv(products, rows)
    sheet_pages = sum(2 if n % 3 == 0 else 1 for n in range(1, sheets + 1))
    print(f"{pages}-page tender, {sheets} data sheets ({sheet_pages} pages), {rows:,}-row CSV "
          f"({time.perf_counter() - start:.1f} s)\n")

    table.start("tender", f"Tender, {pages} pages (procure-check tender, --jobs 1)")
    first = check("tender", [tender], out / "tender.json", folder / "cache-tender", 1, repeat, fresh=True)
    again = check("tender", [tender], out / "tender-cached.json", folder / "cache-tender", 1, repeat)
    plumber = baseline("pdfplumber", [tender], folder, slow)
    pdfium = baseline("pypdfium2", [tender], folder, repeat)
    table.row("end to end", f"{pages / first.seconds:.1f} pages/s", f"{first.seconds:.2f} s")
    table.row("pdfplumber extract_text", f"{pages / plumber:.1f} pages/s", f"{plumber:.2f} s")
    table.row("pypdfium2 get_text_range", f"{pages / pdfium:.0f} pages/s", f"{pdfium:.3f} s")
    table.target("checking vs pdfplumber's plain extraction", plumber / first.seconds, 4, True)
    table.target("checking vs pypdfium2 (slower by)", first.seconds / pdfium, 5, False)
    table.target("peak memory, process tree", first.tree_mb, 500, False, "MB",
                 f"largest process {first.largest_mb:.0f} MB")
    table.target("cached re-run, share of the first run", 100 * again.seconds / first.seconds, 10, False, "%",
                 f"{again.seconds:.2f} s")
    print()

    table.start("data sheets", f"Data sheets: {sheets} PDFs, {sheet_pages} pages (procure-check product)")
    one = check("product", [folder / "sheets"], out / "sheets-1.json", None, 1, repeat)
    two = check("product", [folder / "sheets"], out / "sheets-2.json", folder / "cache-sheets", options.jobs,
                repeat, fresh=True)
    cached = check("product", [folder / "sheets"], out / "sheets-cached.json", folder / "cache-sheets",
                   options.jobs, repeat)
    plumber = baseline("pdfplumber", sheet_paths, folder, slow)
    pdfium = baseline("pypdfium2", sheet_paths, folder, repeat)
    table.row("--jobs 1 (no cache)", f"{sheets / one.seconds:.1f} docs/s", f"{one.seconds:.2f} s")
    table.row(f"--jobs {options.jobs} (writing the cache)", f"{sheets / two.seconds:.1f} docs/s",
              f"{two.seconds:.2f} s, tree {two.tree_mb:.0f} MB")
    table.row("pdfplumber extract_text", f"{sheets / plumber:.1f} docs/s", f"{plumber:.2f} s")
    table.row("pypdfium2 get_text_range", f"{sheets / pdfium:.0f} docs/s", f"{pdfium:.3f} s")
    table.target("--jobs 1 vs pdfplumber's plain extraction", plumber / one.seconds, 4, True)
    table.target("--jobs 1 vs pypdfium2 (slower by)", one.seconds / pdfium, 5, False)
    table.target(f"--jobs {options.jobs} vs --jobs 1", one.seconds / two.seconds, 1.7, True,
                 note=f"this machine: {capacity:.2f}x on pure CPU work")
    table.target("cached re-run, share of the first run", 100 * cached.seconds / two.seconds, 10, False, "%",
                 f"{cached.seconds:.2f} s")
    print()

    table.start("product list", f"Product list: {rows:,}-row CSV (procure-check product, --jobs {options.jobs})")
    first = check("product", [products], out / "products.json", folder / "cache-products", options.jobs)
    again = check("product", [products], out / "products-cached.json", folder / "cache-products", options.jobs,
                  repeat)
    table.row("end to end", f"{rows / first.seconds:.0f} rows/s",
              f"{first.seconds:.1f} s, tree {first.tree_mb:.0f} MB, largest {first.largest_mb:.0f} MB")
    table.target("cached re-run, share of the first run", 100 * again.seconds / first.seconds, 10, False, "%",
                 f"{again.seconds:.2f} s")
    print()


def run_dense_section(options, folder: Path, out: Path, table: Table, repeat: int, slow: int) -> None:
    """Requirement-dense tenders of growing size: time, memory, rule firings, baselines and growth."""
    from inputs import write_dense_tender

    sizes = (25, 50) if options.quick else (25, 50, 100, 200)
    table.start("dense tender", f"Requirement-dense tender, {', '.join(map(str, sizes))} pages "
                "(procure-check tender FILE --group cleaning --no-cache, default jobs; whole processes; "
                f"two processes do {parallel_capacity():.2f}x the CPU work of one here)")
    seconds: dict[int, float] = {}
    last: tuple[Run, Run] | None = None
    for size in sizes:
        path = folder / f"dense-{size}.pdf"
        write_dense_tender(path, size)
        runs: dict[str, list[Run]] = {"procure-check": [], "pdfplumber": [], "pypdfium2": []}
        for k in range(repeat):  # interleaved, so that the machine's changing load weighs on all three alike
            runs["procure-check"].append(dense(path, out / f"dense-{size}.json", sample=False))
            if k < slow:
                runs["pdfplumber"].append(baseline_process("pdfplumber", path, folder))
            runs["pypdfium2"].append(baseline_process("pypdfium2", path, folder))
        timed = best(runs["procure-check"])
        memory = dense(path, out / f"dense-{size}.json", sample=True)  # memory from a run of its own, not timed
        run = Run(timed.seconds, memory.tree_mb, max(timed.largest_mb, memory.largest_mb), timed.exit_code)
        plumber, pdfium = best(runs["pdfplumber"]), best(runs["pypdfium2"])
        seconds[size] = run.seconds
        table.row(f"{size} pages", f"{run.seconds:.2f} s",
                  f"tree {run.tree_mb:.0f} MB, largest {run.largest_mb:.0f} MB, {firings(path)}; "
                  f"pdfplumber {plumber.seconds:.2f} s ({plumber.seconds / run.seconds:.2f}x), "
                  f"pypdfium2 {pdfium.seconds:.2f} s ({run.seconds / pdfium.seconds:.1f}x slower)")
        last = (run, plumber)
    assert last is not None
    run, plumber = last
    small, large = sizes[-3] if len(sizes) > 2 else sizes[0], sizes[-1]
    exponent = math.log(seconds[large] / seconds[small]) / math.log(large / small)
    table.target(f"{large} pages vs pdfplumber's plain extraction", plumber.seconds / run.seconds, 4, True)
    table.target(f"{large} pages, peak memory, process tree", run.tree_mb, 400, False, "MB",
                 f"largest process {run.largest_mb:.0f} MB")
    table.target(f"growth exponent of time, {small} to {large} pages", exponent, 1.15, False, "",
                 "1.0: linear, 2.0: quadratic")
    print()


def compile_bytecode() -> str:
    """Compile procure-check's modules to bytecode, as installing its wheel does: a checkout run with
    PYTHONDONTWRITEBYTECODE (set on some machines) compiles every module from source at each start, about a
    sixth of a second, which no installed copy pays and the pdfplumber baseline (installed) does not pay."""
    import compileall

    package = HERE.parent / "procure_check"
    ok = compileall.compile_dir(str(package), quiet=1)
    return f"procure_check compiled to __pycache__ ({'done' if ok else 'some modules failed'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smaller run: 50 pages, 100 sheets, 10,000 rows; dense tenders of 25 and 50 pages")
    parser.add_argument("--only", choices=["dense"], help="run one section only")
    parser.add_argument("--keep", type=Path, help="generate the inputs and write the reports here, and keep them")
    parser.add_argument("--jobs", type=int, default=2, help="the --jobs of the parallel runs (default 2)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each tender and data-sheet measurement, the fastest counts (default 3; "
                             "the pdfplumber baselines run at most twice, the product list once)")
    options = parser.parse_args()
    pages, sheets, rows = (50, 100, 10_000) if options.quick else (200, 500, 100_000)
    repeat, slow = max(1, options.repeat), max(1, min(2, options.repeat))

    folder = options.keep or Path(tempfile.mkdtemp(prefix="procure-check-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    try:
        print(f"machine: {machine()}")
        compiled = compile_bytecode()
        print(f"bytecode: {compiled}")
        print(f"each tender and data-sheet figure is the fastest of {repeat} runs (pdfplumber: {slow}); "
              "the product list's first run is a single run")
        table = Table()
        if options.only is None:
            run_main_sections(options, folder, out, table, pages, sheets, rows, repeat, slow)
        run_dense_section(options, folder, out, table, repeat, slow)

        missed = [what for what, met in table.verdicts if not met]
        print(f"{len(table.verdicts) - len(missed)} of {len(table.verdicts)} targets met"
              + (f"; missed: {'; '.join(missed)}" if missed else ""))
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
