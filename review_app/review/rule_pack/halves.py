"""A long file read by two engines side by side, each with about half of its definitions.

Semgrep CE matches and follows taint within one function at a time, so its work on a long file
is spread over the file's definitions. Two copies of the file, each with the other half of the
definitions (review/rule_pack/definitions.py) replaced by spaces, give two engines on two cores
about half the matching each. A copy keeps, beside the half it owns, every definition its half
calls (a helper that sanitizes, reads the request or runs the query), every type it mentions,
every definition that calls into its half, the constructors and other setup methods, and every
definition the shared part of the file calls;
imports, constants and other statements stay in both. Each copy reports only in the definitions
it owns (and the shared part): a helper kept for its callers' sake is read with its own callers
only in the copy that owns it. Every byte keeps its offset, line and column, so the copies'
findings point into the submitted text; a finding both report is counted once. The caller sends
a copy that does not parse back to one engine over the whole file.
"""

from dataclasses import dataclass

from review_app.review.rule_pack.definitions import Definitions, definitions
from review_app.review.source_text import blank_spans, line_offsets

# Below this many lines, a second engine's fixed cost (starting, reading the rules, about 0.2 s)
# outweighs what it saves.
MIN_LINES = 400
# A copy must leave out at least this share of the file's definitions to be worth an engine.
_LEAST_SHARE_LEFT_OUT = 0.25


@dataclass(frozen=True)
class Half:
    """One copy of the file for one engine, and the (1-based) lines of the definitions the other
    copy owns: a finding there is the other copy's to report (this one may lack their context)."""

    text: str
    others_lines: frozenset[int]

    def owns(self, line: int) -> bool:
        """Whether a finding starting on `line` is this copy's to report."""
        return line not in self.others_lines


def halves(code: str, language: str) -> tuple[Half, Half] | None:
    """Two copies of `code`, each owning half of the definitions; None for a short file, or one
    whose definitions do not share out."""
    starts = line_offsets(code)
    if len(starts) < MIN_LINES:
        return None
    ends = [*starts[1:], len(code)]
    lines = [code[start:end] for start, end in zip(starts, ends, strict=True)]
    found = definitions(code, language, lines)
    if len(found.items) < 2:
        return None
    spans = [(starts[item.span[0]], ends[item.span[1]]) for item in found.items]
    sizes = [end - start for start, end in spans]
    cut = _balanced_cut(sizes)
    owned = [set(range(cut)), set(range(cut, len(sizes)))]
    kept = [_with_context(found, own) for own in owned]
    total = sum(sizes)
    if any(
        total - sum(sizes[index] for index in keep) < _LEAST_SHARE_LEFT_OUT * total for keep in kept
    ):
        return None
    first, second = (
        Half(
            blank_spans(code, [span for index, span in enumerate(spans) if index not in keep]),
            frozenset(
                line + 1
                for index in other
                for line in range(found.items[index].span[0], found.items[index].span[1] + 1)
            ),
        )
        for keep, other in zip(kept, reversed(owned), strict=True)
    )
    return first, second


def _balanced_cut(sizes: list[int]) -> int:
    """The index that splits `sizes` into two runs of the closest totals."""
    total, running, cut, best = sum(sizes), 0, 1, None
    for index, size in enumerate(sizes[:-1], start=1):
        running += size
        if best is None or abs(2 * running - total) < best:
            cut, best = index, abs(2 * running - total)
    return cut


def _with_context(found: Definitions, owned: set[int]) -> set[int]:
    """`owned` with what the rules may read beside them: the definitions they call (or types
    they mention), those that call them, the setup methods, and the definitions the shared part
    calls. One step is enough: a rule sees a helper's own body beside its call (the engine does
    not follow calls), and a copy reports only in the definitions it owns."""
    items = found.items
    by_name: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if item.name:
            by_name.setdefault(item.name, []).append(index)
    called = found.shared_calls.union(*(items[index].calls for index in owned))
    owned_names = {items[index].name for index in owned if items[index].name}
    return (
        owned
        | {index for name in called for index in by_name.get(name, [])}
        | {index for index, item in enumerate(items) if item.calls & owned_names}
        | {index for index, item in enumerate(items) if item.kind == "setup"}
    )
