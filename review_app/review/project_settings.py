"""A project's own analyzer settings, read from the files at its root: which rules it switches
off, everywhere or for some files (ruff's ignore and per-file-ignores, bandit's skips)."""

import configparser
import tomllib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from review_app.review.context import ReviewContext, file_role, matches

# Files at a project's root that hold analyzer settings review_app honours.
SETTINGS_FILES = ("pyproject.toml", "ruff.toml", ".ruff.toml", ".bandit")
_RUFF_FILES = ("ruff.toml", ".ruff.toml")  # win over pyproject.toml, as ruff has it


class ProjectSettings(BaseModel):
    """The rules a project switches off: everywhere, and per file pattern."""

    ignored: list[str] = Field(default_factory=list)
    per_file: dict[str, list[str]] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list, description="Where they were read.")


def read_settings(files: Mapping[str, str]) -> ProjectSettings:
    """The settings in `files` (root file name -> text); a file that does not parse is skipped,
    as are tools it does not configure."""
    settings = ProjectSettings()
    ruff_file = next((name for name in _RUFF_FILES if name in files), None)
    pyproject = _toml(files.get("pyproject.toml", ""))
    if ruff_file is not None:
        _add_ruff(settings, _toml(files[ruff_file]), ruff_file)
    elif "ruff" in pyproject.get("tool", {}):
        _add_ruff(settings, pyproject["tool"]["ruff"], "pyproject.toml [tool.ruff]")
    skips = pyproject.get("tool", {}).get("bandit", {}).get("skips")
    if skips:
        _add(settings, list(skips), "pyproject.toml [tool.bandit]")
    elif ".bandit" in files:
        _add(settings, _bandit_ini_skips(files[".bandit"]), ".bandit")
    return settings


def context_for(path: str, code: str, settings: ProjectSettings) -> ReviewContext:
    """The context of one file of a project with `settings`."""
    ignored = set(settings.ignored)
    for pattern, rules in settings.per_file.items():
        if matches(path, pattern):
            ignored.update(rules)
    return ReviewContext(
        role=file_role(path, code),
        ignored_rules=sorted(ignored),
        settings=settings.sources if ignored else [],
    )


def _add_ruff(settings: ProjectSettings, ruff: dict[str, Any], source: str) -> None:
    lint = ruff.get("lint", {}) if isinstance(ruff.get("lint"), dict) else {}
    ignored = [
        *_codes(ruff, "ignore", "extend-ignore"),
        *_codes(lint, "ignore", "extend-ignore"),
    ]
    per_file: dict[str, list[str]] = {}
    for table in (ruff, lint):
        for key in ("per-file-ignores", "extend-per-file-ignores"):
            for pattern, codes in (table.get(key) or {}).items():
                if isinstance(codes, list):
                    per_file.setdefault(pattern, []).extend(str(code) for code in codes)
    if ignored or per_file:
        _add(settings, ignored, source)
        for pattern, codes in per_file.items():
            settings.per_file.setdefault(pattern, []).extend(codes)


def _codes(table: dict[str, Any], *keys: str) -> list[str]:
    return [str(code) for key in keys for code in (table.get(key) or []) if isinstance(code, str)]


def _add(settings: ProjectSettings, rules: list[str], source: str) -> None:
    settings.ignored.extend(rule.strip() for rule in rules if rule.strip())
    if source not in settings.sources:
        settings.sources.append(source)


def _toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def _bandit_ini_skips(text: str) -> list[str]:
    parser = configparser.ConfigParser()
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    return parser.get("bandit", "skips", fallback="").replace(" ", "").split(",")
