"""Suppressions written in the code, in the forms teams already use, and review_app's own.

- `# review-app: ignore` or `# review-app: ignore[rule, ...]` (`//` in C-like languages), on the
  finding's line or alone on the line above;
- Python's `# noqa` (every rule) and `# noqa: CODE, ...` on the finding's line;
- ESLint's `// eslint-disable-line [rules]` and, on the line above, `// eslint-disable-next-line`;
- Go's `//nolint` (golangci-lint's form), on the finding's line.

A rule is named by its id (`python-sql-injection`), a tool's code or its prefix (`S608`, `S`),
or an ESLint name (`no-eval` names `eslint/no-eval`).
"""

import re

from review_app.review.models import Finding

_OWN = r"(?:#|//)\s*review-app:\s*ignore(?:\[(?P<rules>[^\]]*)\])?"
_SAME_LINE = {
    "python": (_OWN, r"#\s*noqa(?::\s*(?P<rules>[\w\-/, ]+))?"),
    "javascript": (_OWN, r"//\s*eslint-disable-line(?P<rules>[\w\-/@, ]*)"),
    "typescript": (_OWN, r"//\s*eslint-disable-line(?P<rules>[\w\-/@, ]*)"),
    "go": (_OWN, r"//\s*nolint(?::(?P<rules>[\w\-, ]+))?"),
    "java": (_OWN,),
}
_LINE_ABOVE = {
    "javascript": (_OWN, r"//\s*eslint-disable-next-line(?P<rules>[\w\-/@, ]*)"),
    "typescript": (_OWN, r"//\s*eslint-disable-next-line(?P<rules>[\w\-/@, ]*)"),
}
_COMMENT_ONLY = re.compile(r"^\s*(#|//)")


class InlineSuppressions:
    """The suppression comments of one file, asked finding by finding."""

    def __init__(self, code: str, language: str) -> None:
        self._lines = code.splitlines()
        self._same_line = [re.compile(form) for form in _SAME_LINE.get(language, (_OWN,))]
        self._line_above = [re.compile(form) for form in _LINE_ABOVE.get(language, (_OWN,))]

    def reason(self, finding: Finding) -> str | None:
        """Why the code says to leave `finding` out (the comment's form), or None."""
        rule = finding.rule or ""
        line = self._line(finding.line)
        above = self._line(finding.line - 1)
        for text, forms in ((line, self._same_line), (above, self._line_above)):
            if text is above and not _COMMENT_ONLY.match(text):
                continue  # a comment after code on the line above is about that line
            for form in forms:
                match = form.search(text)
                if match and _names(match.group("rules"), rule):
                    return f"suppressed in the code ({match.group(0).strip()})"
        return None

    def _line(self, number: int) -> str:
        return self._lines[number - 1] if 1 <= number <= len(self._lines) else ""


def _names(rules: str | None, rule: str) -> bool:
    """Whether a comment's rule list (none or blank: every rule) names `rule`."""
    names = [name for name in re.split(r"[,\s]+", rules or "") if name]
    return not names or any(selects(name, rule) or rule.endswith(f"/{name}") for name in names)


def selects(selector: str, rule: str) -> bool:
    """Whether a ruff-style selector names `rule`: the code itself, a prefix of a tool's code
    (D names D103), or ALL; the rule pack's own ids (lower case) only by their full name."""
    if selector == rule:
        return True
    tool_code = rule[:1].isupper() and rule[-1:].isdigit()
    return tool_code and (selector == "ALL" or rule.startswith(selector))
