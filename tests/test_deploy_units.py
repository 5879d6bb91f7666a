"""deploy/systemd's units are valid systemd units, and each starts a command the installed
review_app has, with the options it passes."""

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
INSTALLED_AT = "/opt/review_app"  # where deploy/systemd expects the checkout


def test_there_is_a_unit_for_each_role() -> None:
    assert [unit.stem for unit in UNITS] == [
        "review-app-migrate",
        "review-app-web",
        "review-app-worker",
    ]


def test_systemd_finds_nothing_wrong_in_the_units(tmp_path: Path) -> None:
    for unit in UNITS:  # as installed in this checkout
        (tmp_path / unit.name).write_text(unit.read_text().replace(INSTALLED_AT, str(ROOT)))
    verified = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(path) for path in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (verified.returncode, verified.stdout + verified.stderr) == (0, "")


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.stem)
def test_each_unit_starts_a_command_review_app_has(unit: Path) -> None:
    [start] = [line for line in unit.read_text().splitlines() if line.startswith("ExecStart=")]
    program, module_flag, module, *arguments = shlex.split(start.removeprefix("ExecStart="))
    python = f"{INSTALLED_AT}/.venv/bin/python"
    assert (program, module_flag, module) == (python, "-m", "review_app")
    helped = subprocess.run(
        [sys.executable, "-m", "review_app", arguments[0], "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert helped.returncode == 0, helped.stderr
    for option in (argument for argument in arguments[1:] if argument.startswith("--")):
        assert option in helped.stdout, f"{unit.name}: {option} is not an option of {arguments[0]}"
