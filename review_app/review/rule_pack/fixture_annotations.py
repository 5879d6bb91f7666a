"""The expectations a rule fixture writes in comments, the way Semgrep's own rule tests do.

`# ruleid: python-sql-injection` (`//` outside Python) on its own line says the next code line
must be reported by that rule; `# ok: python-sql-injection` says it must not. Semgrep's
`todoruleid:` marks a defect the engine cannot see yet (so it must not be reported, until it
is) and `todook:` a known false positive (still reported). Ids may be listed with commas.
"""

import re
from dataclasses import dataclass

from review_app.review.source_text import split_lines

_COMMENT_PREFIX = {"python": "#"}
_DEFAULT_COMMENT_PREFIX = "//"
_ANNOTATION = re.compile(r"(?P<kind>ruleid|ok|todoruleid|todook)\s*:\s*(?P<ids>\S.*?)\s*")
_REPORTED_KINDS = frozenset({"ruleid", "todook"})


@dataclass(frozen=True)
class Annotation:
    """One rule's expectation about one (1-based) code line."""

    kind: str
    rule_id: str
    line: int

    @property
    def expects_finding(self) -> bool:
        """Whether the engine reports this line today: a `ruleid` or a known false positive."""
        return self.kind in _REPORTED_KINDS


def fixture_annotations(code: str, language: str) -> list[Annotation]:
    """The annotations of a fixture, each moved to the code line it is about.

    That line is the next one that is neither blank nor a line comment, so annotations can be
    stacked above one line.
    """
    prefix = _COMMENT_PREFIX.get(language, _DEFAULT_COMMENT_PREFIX)
    annotations: list[Annotation] = []
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(split_lines(code), start=1):
        text = line.strip()
        if not text:
            continue
        if not text.startswith(prefix):
            annotations += [Annotation(kind, rule_id, number) for kind, rule_id in pending]
            pending = []
        elif match := _ANNOTATION.fullmatch(text.removeprefix(prefix).strip()):
            ids = [rule_id.strip() for rule_id in match.group("ids").split(",")]
            pending += [(match.group("kind"), rule_id) for rule_id in ids if rule_id]
    return annotations


def annotation_mismatches(
    annotations: list[Annotation], reported: set[tuple[int, str]]
) -> list[str]:
    """Where the (line, rule id) pairs reported differ from what the annotations expect."""
    expected = {(item.line, item.rule_id) for item in annotations if item.expects_finding}
    refused = {
        (item.line, item.rule_id): item.kind for item in annotations if not item.expects_finding
    }
    mismatches = [(place, "does not report it (annotated ruleid)") for place in expected - reported]
    mismatches += [
        (place, f"reports it (annotated {refused[place]})") for place in reported & refused.keys()
    ]
    mismatches += [
        (place, "reports it (not annotated)") for place in reported - expected - refused.keys()
    ]
    return [f"line {line}: {rule} {what}" for (line, rule), what in sorted(mismatches)]
