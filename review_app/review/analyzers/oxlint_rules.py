"""Which oxlint rules run on JavaScript and TypeScript, and what each one's findings are for us.

The configuration oxlint gets is built from `RULES` alone, so a rule runs exactly when it is
mapped here. Chosen for real bugs a lone file shows: ESLint's core problems, typescript-eslint's
rules that need no type information, unicorn's, oxc's and promise's correctness checks, React's
(for .jsx and .tsx), and the security rules these plugins have, with their CWE. Style rules are
left to formatters; rules needing the whole project (imports, type-aware rules) are left out.

| family                                   | category        | severity      |
|------------------------------------------|-----------------|---------------|
| code that throws or is always wrong      | bug             | high          |
| likely bugs (fall-through, `x === x`...) | bug             | medium        |
| suspicious, often harmless               | bug             | low           |
| dead or redundant code, `any`            | maintainability | low           |
| await in loops, spread accumulators      | performance     | low           |
| eval and friends                         | maintainability | medium, CWE-95|
| ... of string constants only             | maintainability | low           |
| script URLs, raw HTML in React           | security        | medium, CWE-79|
"""

import re
from dataclasses import dataclass

from review_app.review.models import Category, Severity


@dataclass(frozen=True)
class RuleClass:
    """What a rule's findings are: category, severity and, for security rules, the CWE."""

    category: Category
    severity: Severity
    cwe: int | None = None


def _each(category: Category, severity: Severity, *rules: str) -> dict[str, RuleClass]:
    return dict.fromkeys(rules, RuleClass(category, severity))


_BUG, _SECURITY = Category.BUG, Category.SECURITY
_MAINTAINABILITY, _PERFORMANCE = Category.MAINTAINABILITY, Category.PERFORMANCE
_HIGH, _MEDIUM, _LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW

RULES: dict[str, RuleClass] = {
    # Throws at run time, never does what it says, or does not compile.
    **_each(
        _BUG,
        _HIGH,
        *("constructor-super", "for-direction", "getter-return", "no-class-assign"),
        *("no-const-assign", "no-dupe-class-members", "no-dupe-keys", "no-duplicate-case"),
        *("no-func-assign", "no-import-assign", "no-invalid-regexp", "no-obj-calls"),
        *("no-new-native-nonconstructor", "no-setter-return", "no-this-before-super"),
        *("no-unsafe-finally", "no-unsafe-negation", "no-unsafe-optional-chaining"),
        *("use-isnan", "valid-typeof", "unicorn/no-accessor-recursion", "oxc/missing-throw"),
        *("typescript/no-misused-new", "typescript/no-duplicate-enum-values"),
        *("react/jsx-no-duplicate-props", "react/no-direct-mutation-state"),
    ),
    # Most likely wrong.
    **_each(
        _BUG,
        _MEDIUM,
        *("no-undef", "no-async-promise-executor", "no-compare-neg-zero", "no-cond-assign"),
        *("no-constant-binary-expression", "no-constant-condition", "no-debugger"),
        *("no-dupe-else-if", "no-empty-character-class", "no-ex-assign", "no-global-assign"),
        *("no-loss-of-precision", "no-misleading-character-class", "no-self-assign"),
        *("no-shadow-restricted-names", "no-unassigned-vars", "no-unreachable"),
        *("no-useless-backreference", "no-with", "require-yield", "no-fallthrough"),
        *("no-self-compare", "no-redeclare", "array-callback-return", "no-extend-native"),
        *("no-unexpected-multiline", "no-unmodified-loop-condition", "no-delete-var"),
        *("unicorn/no-await-in-promise-methods", "unicorn/no-invalid-fetch-options"),
        *("unicorn/no-invalid-remove-event-listener", "unicorn/no-thenable"),
        *("unicorn/no-array-fill-with-reference-type", "oxc/bad-array-method-on-arguments"),
        *("oxc/bad-char-at-comparison", "oxc/bad-comparison-sequence", "oxc/bad-min-max-func"),
        *("oxc/bad-object-literal-comparison", "oxc/bad-replace-all-arg", "oxc/erasing-op"),
        *("oxc/const-comparisons", "oxc/double-comparisons", "oxc/number-arg-out-of-range"),
        *("oxc/uninvoked-array-callback", "oxc/bad-match-all-arg", "oxc/misrefactored-assign-op"),
        *("promise/no-multiple-resolved", "promise/no-new-statics", "promise/valid-params"),
        "typescript/no-non-null-asserted-optional-chain",
        *("typescript/no-unsafe-declaration-merging", "react/jsx-key"),
        *("react/no-danger-with-children", "react/void-dom-elements-no-children"),
    ),
    # Suspicious: usually a mistake, sometimes meant.
    **_each(
        _BUG,
        _LOW,
        *("eqeqeq", "no-prototype-builtins", "no-throw-literal", "no-new-wrappers"),
        *("no-case-declarations", "no-loop-func", "no-sequences"),
        *("no-control-regex", "no-nonoctal-decimal-escape", "no-sparse-arrays", "no-iterator"),
        *("no-caller", "no-proto", "no-unused-expressions", "unicorn/no-new-array"),
        *("unicorn/no-instanceof-builtins", "typescript/no-extra-non-null-assertion"),
        "typescript/no-confusing-non-null-assertion",
        "typescript/no-non-null-asserted-nullish-coalescing",
    ),
    # Dead, redundant or loosely typed code.
    **_each(
        _MAINTAINABILITY,
        _LOW,
        *("no-unused-vars", "no-unused-labels", "no-unused-private-class-members", "no-empty"),
        *("no-useless-catch", "no-extra-boolean-cast", "no-empty-pattern"),
        *("no-empty-static-block", "no-useless-call", "no-extra-bind"),
        *("unicorn/no-useless-spread", "unicorn/no-useless-length-check"),
        *("unicorn/no-useless-fallback-in-spread", "unicorn/no-unnecessary-await"),
        *("unicorn/no-single-promise-in-promise-methods", "oxc/only-used-in-recursion"),
        *("typescript/no-explicit-any", "typescript/ban-ts-comment"),
        *("typescript/no-unsafe-function-type", "typescript/no-unnecessary-type-constraint"),
        *("typescript/no-this-alias", "typescript/no-wrapper-object-types"),
    ),
    **_each(
        _PERFORMANCE,
        _LOW,
        *("no-await-in-loop", "oxc/no-accumulating-spread", "unicorn/prefer-set-has"),
    ),
    # Code built at run time is hard to audit, but a pattern cannot tell input from a vetted
    # expression: the rule pack reports code injection (CWE-95) where request data reaches it,
    # and this finding merges into that one on its line (same CWE).
    **dict.fromkeys(
        ("no-eval", "no-implied-eval", "no-new-func"), RuleClass(_MAINTAINABILITY, _MEDIUM, cwe=95)
    ),
    "no-script-url": RuleClass(_SECURITY, _MEDIUM, cwe=79),
    "react/jsx-no-script-url": RuleClass(_SECURITY, _MEDIUM, cwe=79),
    "react/no-danger": RuleClass(_SECURITY, _MEDIUM, cwe=79),
    "react/jsx-no-target-blank": RuleClass(_SECURITY, _LOW, cwe=1022),
    "react/iframe-missing-sandbox": RuleClass(_SECURITY, _LOW, cwe=1021),
    "unicorn/require-post-message-target-origin": RuleClass(_SECURITY, _MEDIUM, cwe=201),
}

# Options where a rule's default flags idiomatic code.
RULE_OPTIONS: dict[str, list[object]] = {
    "eqeqeq": ["always", {"null": "ignore"}],  # `x == null` tests null and undefined at once
    "no-unused-expressions": [
        {"allowShortCircuit": True, "allowTernary": True, "allowTaggedTemplates": True}
    ],
}

_UNKNOWN_RULE = RuleClass(Category.MAINTAINABILITY, Severity.LOW)
# Plugins that own some rule in RULES; oxlint turns the others off.
PLUGINS = ("eslint", "typescript", "unicorn", "oxc", "promise", "react")


def classify(rule: str, flagged_code: str = "") -> RuleClass:
    """What a finding of `rule` (its name as in `RULES`) is, on `flagged_code` (the source from
    the finding's start): eval and friends given string constants only run no input."""
    if rule in _EVALUATORS and _CONSTANT_ARGUMENTS.match(flagged_code):
        return _CONSTANT_CODE
    return RULES.get(rule, _UNKNOWN_RULE)


_EVALUATORS = frozenset({"no-eval", "no-implied-eval", "no-new-func"})
_CONSTANT_CODE = RuleClass(_MAINTAINABILITY, _LOW)
_STRING = r"""(?:'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`[^`$\\]*`)"""
# The callee (`eval`, `new Function`, `window.setTimeout`), then only string literals as arguments.
_CONSTANT_ARGUMENTS = re.compile(rf"^(?:new\s+)?[\w$.]+\s*\(\s*{_STRING}(?:\s*,\s*{_STRING})*\s*\)")


def oxlint_config() -> dict[str, object]:
    """Oxlint's configuration: every category off, each mapped rule on, globals of browsers,
    Node.js and, in test files, of the common test runners."""
    return {
        "plugins": list(PLUGINS),
        "categories": dict.fromkeys(
            ("correctness", "suspicious", "pedantic", "perf", "style", "restriction", "nursery"),
            "off",
        ),
        "env": {"browser": True, "node": True, "es2024": True},
        "rules": {rule: ["error", *RULE_OPTIONS.get(rule, [])] for rule in RULES},
        "overrides": [
            {
                "files": ["**/*.test.*", "**/*.spec.*", "**/__tests__/**"],
                "env": {"jest": True, "mocha": True, "vitest": True},
            }
        ],
    }
