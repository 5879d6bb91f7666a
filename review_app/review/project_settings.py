"""A project's own analyzer settings, read from the files at its root: which rules it switches
off, everywhere or for some files (ruff's ignore and per-file-ignores, bandit's skips, ESLint's
and oxlint's rules set to "off" and their overrides, from JSON configs; a JavaScript config
such as eslint.config.js is code, which review_app does not run)."""

import configparser
import json
import tomllib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from review_app.review.context import ReviewContext, file_role, matches
from review_app.review.custom_rules import example_problems
from review_app.review.languages import language_for_filename
from review_app.review.models import FileRole
from review_app.review.review_config import (
    CONFIG_FILE,
    InvalidConfigError,
    ReviewConfig,
    parse_config,
)

# Files at a project's root that hold analyzer settings review_app honours.
SETTINGS_FILES = (
    CONFIG_FILE,
    *("pyproject.toml", "ruff.toml", ".ruff.toml", ".bandit"),
    *(".eslintrc.json", ".eslintrc", "package.json", ".oxlintrc.json"),
)
_RUFF_FILES = ("ruff.toml", ".ruff.toml")  # win over pyproject.toml, as ruff has it
_ESLINT_FILES = (".eslintrc.json", ".eslintrc", "package.json")  # the first found counts
_OFF = ("off", 0)


class ProjectSettings(BaseModel):
    """The rules a project switches off (everywhere, and per file pattern) and its own
    review_app.toml, if it has a valid one."""

    ignored: list[str] = Field(default_factory=list)
    per_file: dict[str, list[str]] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list, description="Where they were read.")
    config: ReviewConfig = ReviewConfig()
    problem: str = ""  # why the project's review_app.toml was not applied


def read_settings(files: Mapping[str, str]) -> ProjectSettings:
    """The settings in `files` (root file name -> text); a file that does not parse is skipped,
    as are tools it does not configure, and a review_app.toml whose custom rules fail their
    own examples."""
    settings = ProjectSettings()
    if CONFIG_FILE in files:
        _add_config(settings, files[CONFIG_FILE])
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
    for name in _ESLINT_FILES:
        config = _json(files.get(name, ""))
        config = config.get("eslintConfig", {}) if name == "package.json" else config
        if isinstance(config, dict) and config:
            _add_eslint(settings, config, name)
            break
    if oxlint := _json(files.get(".oxlintrc.json", "")):
        _add_eslint(settings, oxlint, ".oxlintrc.json")
    return settings


def _add_config(settings: ProjectSettings, text: str) -> None:
    """Apply the project's review_app.toml, unless it is invalid or a custom rule of it fails
    its own examples (the problem says which)."""
    try:
        config = parse_config(text)
    except InvalidConfigError as error:
        settings.problem = str(error)
        return
    if problems := example_problems(config.custom_rules):
        failing = "; ".join(problems[:5])
        settings.problem = f"{CONFIG_FILE} was not applied: a custom rule fails its examples: "
        settings.problem += failing
        return
    settings.config = config
    settings.sources.append(CONFIG_FILE)


def rules_context(config: ReviewConfig, language: str | None, source: str) -> ReviewContext:
    """The context of a file reviewed on its own (the editor's) under `config`'s rules and
    analyzers (its paths and gate are a project's matter)."""
    rules = config.rules_for(language)
    disabled = sorted(config.analyzers.disable)
    custom = config.custom_rules_for(language)
    return ReviewContext(
        ignored_rules=sorted(set(rules.disable)),
        settings=[source] if rules.disable or rules.severity or disabled or custom else [],
        severities=dict(sorted(rules.severity.items())),
        disabled_analyzers=disabled,
        custom_rules=custom,
    )


def context_for(path: str, code: str, settings: ProjectSettings) -> ReviewContext:
    """The context of one file of a project with `settings`."""
    language = language_for_filename(path)
    rules = settings.config.rules_for(language)
    custom = settings.config.custom_rules_for(language)
    ignored = {*settings.ignored, *rules.disable}
    for pattern, off in settings.per_file.items():
        if matches(path, pattern):
            ignored.update(off)
    ignored_path = any(matches(path, pattern) for pattern in settings.config.paths.ignore)
    disabled = sorted(settings.config.analyzers.disable)
    return ReviewContext(
        role=FileRole.IGNORED if ignored_path else file_role(path, code),
        ignored_rules=sorted(ignored),
        settings=settings.sources if ignored or rules.severity or disabled or custom else [],
        severities=dict(sorted(rules.severity.items())),
        disabled_analyzers=disabled,
        custom_rules=custom,
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


def _add_eslint(settings: ProjectSettings, config: dict[str, Any], source: str) -> None:
    """ESLint-shaped settings: `rules` set to "off", and `overrides` off for their `files`."""
    off = _rules_off(config.get("rules"))
    overrides = config.get("overrides")
    per_file: dict[str, list[str]] = {}
    for override in overrides if isinstance(overrides, list) else []:
        if not isinstance(override, dict):
            continue
        patterns = override.get("files")
        for pattern in [patterns] if isinstance(patterns, str) else patterns or []:
            per_file.setdefault(str(pattern), []).extend(_rules_off(override.get("rules")))
    if off or any(per_file.values()):
        _add(settings, off, source)
        for pattern, rules in per_file.items():
            settings.per_file.setdefault(pattern, []).extend(rules)


def _rules_off(rules: Any) -> list[str]:
    """The rules a `rules` table turns off, by oxlint's names (`@typescript-eslint/x` is
    `typescript/x`)."""
    if not isinstance(rules, dict):
        return []
    off = []
    for name, value in rules.items():
        level = value[0] if isinstance(value, list) and value else value
        if level in _OFF and not isinstance(level, bool):
            plugin_rule = str(name).removeprefix("@").replace("typescript-eslint/", "typescript/")
            off.append(plugin_rule)
    return off


def _json(text: str) -> Any:
    try:
        return json.loads(text) if text.strip() else {}
    except ValueError:
        return {}


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
