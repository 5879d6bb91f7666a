"""One finding per taint flow: a flow that passes through one sink of a rule and on to another
(`File f = new File(base, name);` then `new FileInputStream(f)`) is the first sink's defect,
reported there once, not again at each later use of what the first sink made."""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from review_app.review.rule_pack.engine import EngineResult


def one_finding_per_flow(results: Sequence[EngineResult]) -> list[EngineResult]:
    """`results` without those whose flow went through a variable assigned on the line of an
    earlier sink of the same rule, fed by the same source."""
    by_rule: dict[tuple[str, str], list[EngineResult]] = defaultdict(list)
    for result in results:
        by_rule[(result.check_id, result.path)].append(result)
    return [
        result
        for result in results
        if not any(
            _continues(result, earlier) for earlier in by_rule[(result.check_id, result.path)]
        )
    ]


def _continues(later: EngineResult, earlier: EngineResult) -> bool:
    """Whether `later`'s flow is `earlier`'s, carried on by what `earlier`'s line assigned."""
    later_trace, earlier_trace = later.extra.dataflow_trace, earlier.extra.dataflow_trace
    if later_trace is None or earlier_trace is None or earlier.start.line >= later.start.line:
        return False
    if _source_key(later_trace.taint_source) != _source_key(earlier_trace.taint_source):
        return False
    return any(
        variable.location.start.line == earlier.start.line
        for variable in later_trace.intermediate_vars
    )


def _source_key(source: Any) -> tuple[tuple[int, int], ...]:
    """Where a flow's source is, as byte offsets: the same source read by either half of a
    long file compares equal (the paths differ)."""
    return tuple(_offsets(source))


def _offsets(value: Any) -> Iterator[tuple[int, int]]:
    if isinstance(value, dict):
        if isinstance(value.get("start"), dict) and isinstance(value.get("end"), dict):
            yield value["start"].get("offset", -1), value["end"].get("offset", -1)
        for item in value.values():
            yield from _offsets(item)
    elif isinstance(value, list):
        for item in value:
            yield from _offsets(item)
