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
