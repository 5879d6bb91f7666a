"""deploy/: the systemd units are valid systemd units, the compose file is valid by the Compose
file format's published schema, and each role starts a command the installed review_app has,
with the options it passes and settings it knows. (No container runtime runs on these machines:
the compose file is checked, not started.)"""

import json
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from review_app.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
INSTALLED_AT = "/opt/review_app"  # where deploy/systemd expects the checkout
COMPOSE = ROOT / "deploy" / "compose" / "compose.yaml"
COMPOSE_SPEC = ROOT / "support" / "compose_spec" / "compose_spec.json"  # make api-descriptions
STORES = ("postgres", "redis")  # the compose services that are not review_app


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
    _assert_review_app_has(arguments, unit.name)


def _assert_review_app_has(arguments: list[str], where: str) -> None:
    """`python -m review_app ARGUMENTS` names a command of review_app and options it has."""
    helped = subprocess.run(
        [sys.executable, "-m", "review_app", arguments[0], "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert helped.returncode == 0, helped.stderr
    for option in (argument for argument in arguments[1:] if argument.startswith("--")):
        assert option in helped.stdout, f"{where}: {option} is not an option of {arguments[0]}"


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())  # merges the shared `<<:` block into each role


def test_the_compose_file_is_valid_by_the_published_compose_schema() -> None:
    validator = jsonschema.Draft201909Validator(json.loads(COMPOSE_SPEC.read_text()))
    compose = _compose()
    misspelled = {**compose, "services": {"web": {**compose["services"]["web"], "comand": []}}}

    assert [error.message for error in validator.iter_errors(compose)] == []
    assert not validator.is_valid(misspelled)  # the schema is strict enough to catch a typo


def test_the_compose_roles_are_the_systemd_ones_and_one_of_them_beats() -> None:
    services = _compose()["services"]
    roles = {name: service["command"] for name, service in services.items() if name not in STORES}

    assert {command[0] for command in roles.values()} == {"migrate", "web", "worker"}
    assert [name for name, command in roles.items() if "--beat" in command] == ["sweeper"]
    for name, command in roles.items():
        _assert_review_app_has(command, f"compose service {name}")


def test_every_setting_the_compose_file_gives_review_app_is_one_it_reads() -> None:
    known = {name.upper() for name in Settings.model_fields}
    for name, service in _compose()["services"].items():
        if name not in STORES:
            assert set(service["environment"]) <= known, f"compose service {name}"
