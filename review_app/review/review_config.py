"""`review_app.toml` at a project's root: the team's own say over what its reviews report.

    [rules]
    disable = ["F401", "D1"]              # rule ids, or prefixes as ruff has them
    severity = { "S101" = "info", "python-sql-injection" = "critical" }

    [languages.javascript.rules]           # the same, for one language's files only
    disable = ["no-console"]

    [analyzers]
    disable = ["bandit"]                   # not run at all

    [paths]
    ignore = ["docs/**", "scripts/legacy_*.py"]   # kept in the project, not reviewed

    [gate]
    fail_on = "high"                       # the gate's default for this project

    [[custom_rules]]                       # the team's own rules: see review/custom_rules.py
    id = "no-debug-print"
    ...

It wins over the project's other settings files (they can only switch rules off) and over the
gate's default; a file that is not valid is refused as a whole, and the review says why.
"""

import tomllib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from review_app.review.analyzers.registry import ANALYZERS
from review_app.review.custom_rules import MAX_RULES, CustomRule
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.review.models import Severity

CONFIG_FILE = "review_app.toml"
# Every analyzer but the syntax check, which says whether the code parses at all.
AnalyzerName = Literal[tuple(a.name for a in ANALYZERS if a.name != "syntax")]  # type: ignore[valid-type]
LanguageName = Literal[tuple(SUPPORTED_LANGUAGES)]  # type: ignore[valid-type]
RuleId = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSettings(_Strict):
    """Rules switched off, and rules given another severity."""

    disable: list[RuleId] = Field(default_factory=list, max_length=500)
    severity: dict[RuleId, Severity] = Field(default_factory=dict, max_length=500)


class LanguageSettings(_Strict):
    """One language's own rule settings."""

    rules: RuleSettings = RuleSettings()


class AnalyzerSettings(_Strict):
    """Analyzers that do not run for this project."""

    disable: list[AnalyzerName] = Field(default_factory=list)


class PathSettings(_Strict):
    """Files kept in the project but not reviewed (globs from the root, or names)."""

    ignore: list[str] = Field(default_factory=list, max_length=200)


class GateSettings(_Strict):
    """The lowest severity that fails the gate, unless the caller names one."""

    fail_on: Severity | None = None


class ReviewConfig(_Strict):
    """The whole of a project's `review_app.toml`."""

    rules: RuleSettings = RuleSettings()
    languages: dict[LanguageName, LanguageSettings] = Field(default_factory=dict)
    analyzers: AnalyzerSettings = AnalyzerSettings()
    paths: PathSettings = PathSettings()
    gate: GateSettings = GateSettings()
    custom_rules: list[CustomRule] = Field(default_factory=list, max_length=MAX_RULES)

    def under(self, project: "ReviewConfig") -> "ReviewConfig":
        """This configuration (a team's, or a user's) with a project's own laid over it: rules
        switched off, analyzers off, ignored paths and custom rules add up; where both give a
        rule a severity, the gate a threshold, or a custom rule of the same id, the project's
        wins."""
        languages = {
            name: LanguageSettings(rules=_rules_under(settings.rules, project.languages.get(name)))
            for name, settings in self.languages.items()
        }
        return ReviewConfig(
            rules=_rules_under(self.rules, project),
            languages={**project.languages, **languages},
            analyzers=AnalyzerSettings(
                disable=sorted({*self.analyzers.disable, *project.analyzers.disable})
            ),
            paths=PathSettings(ignore=[*self.paths.ignore, *project.paths.ignore]),
            gate=GateSettings(fail_on=project.gate.fail_on or self.gate.fail_on),
            custom_rules=list(
                {rule.id: rule for rule in [*self.custom_rules, *project.custom_rules]}.values()
            ),
        )

    def custom_rules_for(self, language: str | None) -> list[dict]:
        """The custom rules of a file in `language`, in the pack's format."""
        return [rule.engine_rule() for rule in self.custom_rules if language in rule.languages]

    def rules_for(self, language: str | None) -> RuleSettings:
        """The rule settings of a file in `language`: the language's own win."""
        own = self.languages.get(language or "", LanguageSettings()).rules
        return RuleSettings(
            disable=[*self.rules.disable, *own.disable],
            severity={**self.rules.severity, **own.severity},
        )


def _rules_under(
    base: RuleSettings, over: "ReviewConfig | LanguageSettings | None"
) -> RuleSettings:
    """`base`'s rules with those of `over` laid on them: both switch off; `over`'s severity wins."""
    rules = over.rules if over is not None else RuleSettings()
    return RuleSettings(
        disable=[*base.disable, *(rule for rule in rules.disable if rule not in base.disable)],
        severity={**base.severity, **rules.severity},
    )


class InvalidConfigError(ValueError):
    """A `review_app.toml` that is not TOML, or says something review_app does not know."""


def parse_config(text: str, source: str = CONFIG_FILE) -> ReviewConfig:
    """The configuration `text` (read from `source`, as messages name it) holds.

    Raises:
        InvalidConfigError: what is wrong, and where, in words.
    """
    try:
        return ReviewConfig.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise InvalidConfigError(f"{source} is not valid TOML: {error}") from None
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()[:5]
        )
        raise InvalidConfigError(f"{source} was not applied: {problems}") from None
