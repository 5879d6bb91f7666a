"""Load the rule pack from its YAML files: every valid rule, and a problem for every other one.

A bad file or rule is logged with its path and rule id and left out; the rest of the pack
still loads, so one broken rule never stops the review.
"""

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from review_app.review.rule_pack.blocks import BlockError, block_files, expand, load_blocks
from review_app.review.rule_pack.models import (
    PACK_LANGUAGES,
    PackRule,
    RuleDocumentation,
    RuleProblem,
)

logger = logging.getLogger(__name__)

RULES_ROOT = Path(__file__).resolve().parents[1] / "rules"
RULE_FILE_PATTERN = "*.yaml"

# libyaml's loader when it is built in: an order of magnitude faster on a large pack.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class LoadedRule:
    """A valid rule, its file (relative to the pack root) and its YAML as written."""

    rule: PackRule
    path: Path
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class RulePack:
    """The valid rules under one root, the problems of the others, and a digest of the files."""

    root: Path
    rules: tuple[LoadedRule, ...]
    problems: tuple[RuleProblem, ...]
    digest: str

    def for_language(self, language: str) -> tuple[LoadedRule, ...]:
        """The rules that apply to code in `language` (one of ours, e.g. "typescript")."""
        return tuple(item for item in self.rules if language in item.rule.our_languages)

    @cached_property
    def _by_id(self) -> dict[str, PackRule]:
        return {item.rule.id: item.rule for item in self.rules}

    def rule(self, rule_id: str) -> PackRule | None:
        """The rule with this id, or None."""
        return self._by_id.get(rule_id)

    def documentation(self, rule_id: str) -> RuleDocumentation | None:
        """What the rule page of `rule_id` shows, or None for an unknown id."""
        rule = self.rule(rule_id)
        if rule is None:
            return None
        meta = rule.metadata
        return RuleDocumentation(
            id=rule.id,
            title=meta.title,
            cwe=meta.cwe,
            severity=meta.severity,
            category=meta.category,
            why=meta.why,
            how_to_fix=meta.how_to_fix,
            bad=meta.bad,
            good=meta.good,
            languages=sorted(rule.our_languages),
        )


@cache
def default_rule_pack() -> RulePack:
    """The project's rule pack, loaded once per process."""
    return load_rule_pack(RULES_ROOT)


def load_rule_pack(root: Path) -> RulePack:
    """Every rule under `root/<pack>/*.yaml` (with its pack's shared blocks spelled out, see
    `blocks`); problems are logged and kept, never raised."""
    rules: dict[str, LoadedRule] = {}
    problems: list[RuleProblem] = []
    digest = hashlib.sha256()
    blocks_of_pack: dict[str, dict[str, list[Any]]] = {}
    for pack_dir in sorted(path for path in root.iterdir() if path.is_dir()):
        files = block_files(pack_dir)
        for path in files:
            name = path.relative_to(root)
            digest.update(
                f"{name.as_posix()}\0".encode() + hashlib.sha256(path.read_bytes()).digest()
            )
        try:
            blocks_of_pack[pack_dir.name] = load_blocks(files, _YAML_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, BlockError) as exc:
            name = pack_dir.relative_to(root)
            problems.append(RuleProblem(path=name, rule_id=None, message=f"blocks: {exc}"))
            blocks_of_pack[pack_dir.name] = {}
    for path in sorted(root.glob(f"*/{RULE_FILE_PATTERN}")):
        name = path.relative_to(root)
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(RuleProblem(path=name, rule_id=None, message=f"unreadable: {exc}"))
            continue
        digest.update(f"{name.as_posix()}\0".encode() + hashlib.sha256(data).digest())
        blocks = blocks_of_pack.get(name.parent.name, {})
        for outcome in _rules_of_file(name, data, blocks):
            if isinstance(outcome, RuleProblem):
                problems.append(outcome)
            elif first := rules.get(outcome.rule.id):
                message = f"duplicate of the rule in {first.path}"
                problems.append(RuleProblem(path=name, rule_id=outcome.rule.id, message=message))
            else:
                rules[outcome.rule.id] = outcome
    for problem in problems:
        logger.warning("rule pack: %s; left out", problem)
    # The digest is short: it names a pack version in the cache key, it guards nothing.
    return RulePack(
        root=root,
        rules=tuple(rules.values()),
        problems=tuple(problems),
        digest=digest.hexdigest()[:16],
    )


def _rules_of_file(
    name: Path, data: bytes, blocks: dict[str, list[Any]]
) -> Iterator[LoadedRule | RuleProblem]:
    """The rules of one file, each valid or a problem; one problem when the file is unusable."""
    pack = name.parent.name
    if pack not in PACK_LANGUAGES:
        message = f"`{pack}` is not a pack folder ({', '.join(PACK_LANGUAGES)})"
        yield RuleProblem(path=name, rule_id=None, message=message)
        return
    try:
        document = yaml.load(data.decode("utf-8"), Loader=_YAML_LOADER)  # noqa: S506
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        yield RuleProblem(path=name, rule_id=None, message=f"not valid YAML: {exc}")
        return
    entries = document.get("rules") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        yield RuleProblem(path=name, rule_id=None, message="holds no `rules:` list")
        return
    for raw in entries:
        try:
            yield _validated(name, pack, expand(raw, blocks))
        except BlockError as exc:
            rule_id = raw.get("id") if isinstance(raw, dict) else None
            yield RuleProblem(path=name, rule_id=rule_id, message=str(exc))


def _validated(name: Path, pack: str, raw: object) -> LoadedRule | RuleProblem:
    """The rule if its fields are valid and it belongs in its pack, else the problem."""
    if not isinstance(raw, dict):
        return RuleProblem(path=name, rule_id=None, message="a rule is not a mapping")
    rule_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    try:
        rule = PackRule.model_validate(raw)
    except ValidationError as exc:
        return RuleProblem(path=name, rule_id=rule_id, message=_errors_text(exc))
    if mismatch := rule.pack_mismatch(pack):
        return RuleProblem(path=name, rule_id=rule_id, message=mismatch)
    return LoadedRule(rule=rule, path=name, raw=raw)


def _errors_text(exc: ValidationError) -> str:
    """Pydantic's errors, one clause each: `metadata.cwe: Input should be ...`."""
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'rule'}: {error['msg']}"
        for error in exc.errors()
    )
