"""A team's own rules, written in review_app.toml (the team's settings or a project's):

    [[custom_rules]]
    id = "no-debug-print"
    title = "Debug print left in the code"
    languages = ["python"]
    severity = "low"
    category = "maintainability"
    message = "A debug print reaches production logs."
    fix = "Use the logger."
    pattern = "print(...)"                  # or any = [...], with inside = [...], not = [...]
    # taint instead: sources = ["request.args.get(...)"], sinks = ["os.system(...)"],
    #                sanitizers = ["shlex.quote(...)"]
    [[custom_rules.examples]]
    code = "print('here')"
    findings = 1                            # how many findings the rule gives on this code

Each becomes a rule of the pack's format (`custom-<id>`) that the Semgrep CE engine runs
beside the pack, within tighter limits (a bad rule times out alone, it cannot hang a review);
its examples must all give what they say before the rule is kept.
"""

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.rule_pack_scan import make_analyzer
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.review.models import ReviewContext, Severity
from review_app.review.rule_pack.engine import EngineLimits
from review_app.review.rule_pack.loader import LoadedRule, RulePack
from review_app.review.rule_pack.models import ENGINE_SEVERITY, PackRule, RuleCategory

NAME = "custom-rules"
PREFIX = "custom-"
MAX_RULES = 50
# A team's rule may not hold a review up: two seconds a file, 512 MiB, ten seconds a run.
LIMITS = EngineLimits(
    rule_timeout_seconds=2.0,
    timeouts_before_skipping_file=1,
    max_memory_mib=512,
    run_timeout_seconds=10.0,
    run_timeout_per_file_seconds=1.0,
)
_EXTENSIONS = {"python": "py", "javascript": "js", "typescript": "ts", "go": "go", "java": "java"}
_SHOWN = 500  # characters of an example kept with the rule
Pattern = Annotated[str, Field(min_length=1, max_length=2000)]
Patterns = Annotated[list[Pattern], Field(max_length=20)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleExample(_Strict):
    """Code the rule is tried on before it is kept, and how many findings it must give."""

    code: str = Field(min_length=1, max_length=20_000)
    findings: int = Field(ge=0, le=100)


class CustomRule(_Strict):
    """One rule a team wrote."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)
    title: str = Field(min_length=1, max_length=80)
    languages: Annotated[list[str], Field(min_length=1, max_length=5)]
    severity: Severity
    category: RuleCategory
    message: str = Field(min_length=1, max_length=500)
    fix: str = Field(default="", max_length=2000, description="How to fix it, in words.")
    autofix: str | None = Field(default=None, max_length=2000, description="Replacement text.")
    cwe: int | None = Field(default=None, ge=1, le=100_000)
    pattern: Pattern | None = None
    any: Patterns = Field(default_factory=list)
    inside: Patterns = Field(default_factory=list)
    not_: Patterns = Field(default_factory=list, alias="not")
    sources: Patterns = Field(default_factory=list)
    sinks: Patterns = Field(default_factory=list)
    sanitizers: Patterns = Field(default_factory=list)
    examples: Annotated[list[RuleExample], Field(min_length=1, max_length=20)]

    @model_validator(mode="after")
    def _one_kind(self) -> "CustomRule":
        unknown = [name for name in self.languages if name not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValueError(f"languages review_app does not review: {', '.join(unknown)}")
        taint, search = bool(self.sources or self.sinks), bool(self.pattern or self.any)
        if taint == search:
            raise ValueError("give `pattern` or `any`, or `sources` and `sinks` (taint): one kind")
        if taint and not (self.sources and self.sinks):
            raise ValueError("a taint rule needs both `sources` and `sinks`")
        if self.pattern and self.any:
            raise ValueError("give `pattern` or `any`, not both")
        if self.category == "security" and self.cwe is None:
            raise ValueError("a security rule names its weakness (cwe)")
        return self

    def engine_rule(self) -> dict[str, Any]:
        """The rule in the pack's format, as the engine and the review read it."""
        # Every file's context carries its rules: their examples go in short.
        flagged = next((e.code for e in self.examples if e.findings), self.message)[:_SHOWN]
        clean = next((e.code for e in self.examples if not e.findings), self.fix or self.message)
        clean = clean[:_SHOWN]
        rule: dict[str, Any] = {
            "id": f"{PREFIX}{self.id}",
            "languages": list(self.languages),
            "severity": ENGINE_SEVERITY[self.severity],
            "message": self.message,
            "metadata": {
                "title": self.title,
                "cwe": self.cwe,
                "category": self.category,
                "severity": self.severity.value,
                "confidence": "high",
                "why": self.message,
                "how_to_fix": self.fix or self.message,
                "bad": flagged,
                "good": clean,
            },
        }
        if self.autofix is not None:
            rule["fix"] = self.autofix
        if self.sources:
            rule["mode"] = "taint"
            for key, patterns in (
                ("pattern-sources", self.sources),
                ("pattern-sinks", self.sinks),
                ("pattern-sanitizers", self.sanitizers),
            ):
                if patterns:
                    rule[key] = [{"pattern": pattern} for pattern in patterns]
            return rule
        matched = (
            {"pattern-either": [{"pattern": pattern} for pattern in self.any]}
            if self.any
            else {"pattern": self.pattern}
        )
        rule["patterns"] = [
            matched,
            *({"pattern-inside": pattern} for pattern in self.inside),
            *({"pattern-not": pattern} for pattern in self.not_),
        ]
        return rule


def custom_analyzer(engine_rules: Sequence[dict[str, Any]], name: str = NAME) -> Analyzer:
    """The analyzer `name` running these rules (in the pack's format) within the custom
    limits."""
    text = json.dumps(list(engine_rules), sort_keys=True, default=str)
    pack = RulePack(
        root=Path(NAME),
        rules=tuple(
            LoadedRule(rule=PackRule.model_validate(raw), path=Path(NAME), raw=raw)
            for raw in engine_rules
        ),
        problems=(),
        digest=hashlib.sha256(text.encode()).hexdigest()[:12],
    )
    return make_analyzer(
        lambda: pack, LIMITS, name=name, description="the team's own rules (review_app.toml)"
    )


def custom_analyzers(
    contexts: Sequence[ReviewContext],
) -> tuple[list[Analyzer], list[list[str]]]:
    """An analyzer for each set of custom rules the files' contexts carry, and for each file the
    analyzers it does not run: its context's switched off ones, and the other sets'."""
    names: dict[str, str] = {}  # the rules (as JSON) -> the name of their analyzer
    analyzers: list[Analyzer] = []
    for context in contexts:
        key = _key(context)
        if context.custom_rules and key not in names:
            names[key] = NAME if not names else f"{NAME}-{len(names) + 1}"
            analyzers.append(custom_analyzer(context.custom_rules, names[key]))
    switched_off = [
        [
            *context.disabled_analyzers,
            *(name for key, name in names.items() if key != _key(context)),
        ]
        for context in contexts
    ]
    return analyzers, switched_off


def try_rules(rules: Sequence[CustomRule], language: str, code: str) -> AnalyzerOutput:
    """What the rules of `language` find in `code` (a trial before they are kept)."""
    engine_rules = [rule.engine_rule() for rule in rules if language in rule.languages]
    if not engine_rules:
        return AnalyzerOutput(failure=f"no custom rule is for {language}")
    file = SourceFile(f"trial.{_EXTENSIONS[language]}", language, code)
    [output] = custom_analyzer(engine_rules).run([file])
    return output


def _key(context: ReviewContext) -> str:
    return json.dumps(context.custom_rules, sort_keys=True, default=str)


_PASSED: set[str] = set()  # rule sets whose examples all passed in this process
_PASSED_KEPT = 256


def example_problems(rules: Sequence[CustomRule]) -> list[str]:
    """What is wrong with the rules on their own examples: each example must give exactly the
    findings it says (in the rule's first language); a rule the engine cannot run says why.

    Rules that passed are remembered (by content), so a project's settings read at every
    review cost one run; rules that failed are tried again (a timeout may not recur).
    """
    if not rules:
        return []
    key = hashlib.sha256(
        json.dumps([rule.model_dump(mode="json") for rule in rules], sort_keys=True).encode()
    ).hexdigest()
    if key in _PASSED:
        return []
    if problems := _tried_examples(rules):
        return problems
    if len(_PASSED) >= _PASSED_KEPT:
        _PASSED.clear()
    _PASSED.add(key)
    return []


def _tried_examples(rules: Sequence[CustomRule]) -> list[str]:
    analyzer = custom_analyzer([rule.engine_rule() for rule in rules])
    tried = [
        (rule, number, example)
        for rule in rules
        for number, example in enumerate(rule.examples, start=1)
    ]
    files = [
        SourceFile(
            f"examples/{rule.id}/{number}.{_EXTENSIONS[rule.languages[0]]}",
            rule.languages[0],
            example.code,
        )
        for rule, number, example in tried
    ]
    problems = []
    for (rule, number, example), output in zip(tried, analyzer.run(files), strict=True):
        if output.failure:
            problems.append(f"rule {rule.id}: {output.failure}")
            continue
        found = sum(finding.rule == f"{PREFIX}{rule.id}" for finding in output.findings)
        if found != example.findings:
            problems.append(
                f"rule {rule.id}, example {number}: gives {found} finding"
                f"{'' if found == 1 else 's'}, not {example.findings}"
            )
    return list(dict.fromkeys(problems))
