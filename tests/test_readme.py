"""The README's first commands are what a new user runs: they must stay what CI runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "the README starts with a bash block"
    return block.group(1).strip().splitlines()


def test_the_readme_installs_into_a_virtual_environment_and_ci_runs_its_test_command():
    install, tests = _first_commands()
    assert install.startswith('python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[dev]" && ')
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci
    assert "python3 -m venv .venv" in ci


def test_the_readme_names_what_building_needs():
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "a C compiler and the Python headers" in text
    assert "apt-get install build-essential python3-dev python3-venv" in text


def test_the_installed_command_runs_from_any_folder(tmp_path):
    """An editable install must not leave a half package in site-packages that hides the checkout."""
    import subprocess
    import sys

    command = Path(sys.executable).parent / "procure-check"
    done = subprocess.run([str(command), "criteria", "list", "--group", "lighting"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "LIGHT-P01" in done.stdout


def _python_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## From Python", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "the README's section 'From Python' has a python block"
    return block.group(1)


def test_the_readme_python_example_runs_and_prints_what_the_command_reports(tmp_path):
    """The example runs as a user would run it, from the checkout; its lines agree with the command's report."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PROCURE_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _python_example()], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    command = subprocess.run([sys.executable, "-m", "procure_check", "product", "samples/products/cleaning",
                              "--as-of", "2026-11-22", "--format", "json", "--no-cache"], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    report = json.loads(command.stdout)
    assert [line.split()[0] for line in lines[:-2]] == [document["path"] for document in report["documents"]]
    for line, document in zip(lines, report["documents"], strict=False):
        assert line.endswith("compliant") == document["summary"]["compliant"]
    assert lines[-2] == f"exit code {command.returncode}"
    assert lines[-1].startswith("samples/tenders/storkoekken_nordvig_mangler kitchen ")
