"""The project's rule pack (review/rules/), taint-aware, run by the Semgrep CE engine.

Mapping: the rule's metadata gives the title, severity, category and CWE; semgrep's message
(its $METAVARS filled in) is the detail; semgrep's autofix becomes a unified diff. Parse errors
are left to the syntax analyzer. A rule the engine could not run on a file is named in that
file's failure, next to the findings of the rules that did run.
"""

import logging
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import get_args

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.toolchain import project_path, write_batch
from review_app.review.diffs import make_unified_diff
from review_app.review.errors import AnalyzerError
from review_app.review.models import Finding
from review_app.review.rule_pack.engine import (
    PARSE_ERROR_KINDS,
    EngineError,
    EngineLimits,
    EngineOutput,
    EngineResult,
    EngineTarget,
    ErrorLocation,
    first_line,
    run_engine,
)
from review_app.review.rule_pack.engine_rules import EngineRuleFiles
from review_app.review.rule_pack.flows import one_finding_per_flow
from review_app.review.rule_pack.halves import Half, halves
from review_app.review.rule_pack.loader import RulePack, default_rule_pack
from review_app.review.rule_pack.models import PACK_LANGUAGES, PackRule, RuleCategory
from review_app.review.rule_pack.type_arguments import blank_call_type_arguments
from review_app.review.source_text import split_lines

logger = logging.getLogger(__name__)

NAME = "semgrep"

_ERROR_WORDS = {"Timeout": "timed out", "Out of memory": "ran out of memory"}

# Semgrep's own test for minified code, which its wrapper skips: no hand-written source averages
# 300 bytes a line, and the engine's parsers slow down badly on huge lines (a 170 KB line of Go
# takes minutes, past any rule timeout; 120 KB, six seconds). Files under 20 KB are scanned
# whatever their shape: one long line of data in a small module costs well under a second.
_MINIFIED_BYTES_PER_LINE = 300
_MINIFIED_MIN_BYTES = 20_000


def make_analyzer(
    load_pack: Callable[[], RulePack] = default_rule_pack,
    limits: EngineLimits | None = None,
    name: str = NAME,
    description: str = "the project's rule pack, taint-aware, run by the Semgrep CE engine",
) -> Analyzer:
    """The analyzer `name` running the pack `load_pack` returns (loaded on first use) within
    `limits`; its findings name `name` as their source."""
    pack = cache(load_pack)
    rule_files = EngineRuleFiles(pack)
    engine_limits = limits or EngineLimits()

    def run(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
        return _scan(files, pack(), rule_files, engine_limits, name)

    return Analyzer(
        name=name,
        description=description,
        run=run,
        categories=frozenset(get_args(RuleCategory)),
        languages=frozenset().union(*PACK_LANGUAGES.values()),
        packages=("semgrep",),
        tool_version=lambda: f"rule-pack={pack().digest}",
        rule_count=lambda language: len(pack().for_language(language)),
    )


def _scan(
    files: Sequence[SourceFile],
    pack: RulePack,
    rule_files: EngineRuleFiles,
    limits: EngineLimits,
    name: str,
) -> list[AnalyzerOutput]:
    """One engine run per language over its files; outputs in the order of `files`."""
    outputs = [AnalyzerOutput()] * len(files)
    for language in dict.fromkeys(file.language for file in files):
        if not pack.for_language(language):
            continue
        indices = [index for index, file in enumerate(files) if file.language == language]
        for index in indices:
            outputs[index] = AnalyzerOutput(failure=_minified(files[index]))
        scanned = [index for index in indices if outputs[index].failure is None]
        batch = [files[index] for index in scanned]
        for index, output in zip(
            scanned, _scan_language(language, batch, (pack, rule_files, limits, name)), strict=True
        ):
            outputs[index] = output
    return outputs


def _scan_language(
    language: str,
    files: list[SourceFile],
    scan: tuple[RulePack, EngineRuleFiles, EngineLimits, str],
) -> list[AnalyzerOutput]:
    """The files' outputs under `scan` (the pack, its files, the limits and the analyzer's
    name); when the engine fails as a whole, each file says why."""
    pack, rule_files, limits, name = scan
    if not files:
        return []
    try:
        with tempfile.TemporaryDirectory(prefix="review-semgrep-") as directory:
            folder = Path(directory).resolve()
            targets = _write_code(folder, files)
            rules = rule_files.path(language)
            output = (
                _scan_in_halves(rules, language, (files[0], targets[0]), folder, limits)
                if len(files) == 1
                else None
            ) or run_engine(rules, language, targets, folder, limits)
    except AnalyzerError as error:
        return [AnalyzerOutput(failure=str(error)) for _ in files]
    except Exception as error:  # a crashing engine must not sink the other languages
        logger.exception("semgrep crashed on %d %s files", len(files), language)
        return [AnalyzerOutput(failure=f"crashed: {type(error).__name__}: {error}") for _ in files]
    return _outputs(output, files, targets, pack, name)


def _scan_in_halves(
    rules: Path,
    language: str,
    written: tuple[SourceFile, EngineTarget],
    folder: Path,
    limits: EngineLimits,
) -> EngineOutput | None:
    """One long file as two engines side by side read it, each with about half of its
    definitions (review/rule_pack/halves.py); None for a short file, or when a half does not
    parse."""
    file, target = written
    copies = halves(target.path.read_bytes().decode("utf-8"), language)  # as the engine reads it
    if copies is None:
        return None
    places = [folder / f"half-{number}" for number in range(len(copies))]
    written_halves = [
        EngineTarget(write_batch(place, [replace(file, code=copy.text)])[0], target.project_path)
        for place, copy in zip(places, copies, strict=True)
    ]
    with ThreadPoolExecutor(max_workers=len(copies)) as engines:
        outputs = list(
            engines.map(
                lambda half, place: run_engine(rules, language, [half], place, limits),
                written_halves,
                places,
            )
        )
    if any(error.kind in PARSE_ERROR_KINDS for output in outputs for error in output.errors):
        return None
    half_paths = {str(half.path) for half in written_halves}
    return _as_one_output(list(zip(copies, outputs, strict=True)), half_paths, str(target.path))


def _as_one_output(
    outputs: list[tuple[Half, EngineOutput]], half_paths: set[str], path: str
) -> EngineOutput:
    """The halves' results (each where its copy owns the line) and errors as the file's (at
    `path`), each reported once."""
    results = {
        (result.check_id, result.start.offset, result.end.offset): result.model_copy(
            update={"path": path}
        )
        for half, output in outputs
        for result in output.results
        if half.owns(result.start.line)
    }
    errors = {
        (error.kind, error.rule_id, error.message): error.model_copy(
            update={"location": ErrorLocation(path=path)}
        )
        if error.location and error.location.path in half_paths
        else error
        for _, output in outputs
        for error in output.errors
    }
    return EngineOutput(results=list(results.values()), errors=list(errors.values()))


def _minified(file: SourceFile) -> str | None:
    """Why the engine skips this file, when it looks minified; None for source code."""
    size = len(file.code.encode("utf-8"))
    per_line = size / max(1, len(split_lines(file.code)))
    if size < _MINIFIED_MIN_BYTES or per_line <= _MINIFIED_BYTES_PER_LINE:
        return None
    return f"skipped: the code looks minified ({per_line:,.0f} bytes a line on average)"


def _write_code(folder: Path, files: list[SourceFile]) -> list[EngineTarget]:
    """Write each file under its own relative path, in a numbered folder so paths may repeat;
    TypeScript with its calls' type arguments blanked, which the engine's patterns cannot see
    past."""
    as_engine_reads = [replace(file, code=_engine_text(file)) for file in files]
    return [
        EngineTarget(path=path, project_path=project_path(file))
        for file, path in zip(files, write_batch(folder, as_engine_reads), strict=True)
    ]


def _engine_text(file: SourceFile) -> str:
    """The text the engine reads: TypeScript without its calls' type arguments."""
    return blank_call_type_arguments(file.code) if file.language == "typescript" else file.code


def _outputs(
    output: EngineOutput,
    files: list[SourceFile],
    targets: list[EngineTarget],
    pack: RulePack,
    name: str,
) -> list[AnalyzerOutput]:
    """Each file's findings, and the rules that did not run on it."""
    index_of = {str(target.path): index for index, target in enumerate(targets)}
    encoded = [file.code.encode("utf-8") for file in files]  # the engine counts in bytes
    findings: list[list[Finding]] = [[] for _ in files]
    for result in one_finding_per_flow(output.results):
        index, rule = index_of.get(result.path), pack.rule(result.check_id)
        if index is None or rule is None:
            logger.warning("semgrep reported %s on an unknown file or rule", result.check_id)
            continue
        filename = str(targets[index].project_path)
        found_in = (files[index].code, encoded[index], filename)
        findings[index].append(_finding(result, rule, found_in, name))
    problems: list[list[str]] = [[] for _ in files]
    for error in output.errors:
        if error.kind in PARSE_ERROR_KINDS:
            continue  # the syntax analyzer reports where the code does not parse
        index = index_of.get(error.location.path) if error.location else None
        for file_problems in problems if index is None else [problems[index]]:
            file_problems.append(_problem_text(error))
    return [
        AnalyzerOutput(findings=found, failure=_failure(file_problems))
        for found, file_problems in zip(findings, problems, strict=True)
    ]


def _problem_text(error: EngineError) -> str:
    """`python-sql-injection timed out`, or what else went wrong and where."""
    what = _ERROR_WORDS.get(error.kind) or f"failed ({error.kind}: {first_line(error.message)})"
    return f"rule {error.rule_id} {what}" if error.rule_id else f"the engine {what}"


def _failure(problems: list[str]) -> str | None:
    if not problems:
        return None
    return "not every rule ran: " + "; ".join(dict.fromkeys(problems))


def _finding(
    result: EngineResult, rule: PackRule, found_in: tuple[str, bytes, str], name: str
) -> Finding:
    """Our finding (from analyzer `name`) for one match of a rule of the pack in a file: its
    text, the text encoded, and its name."""
    text, code, filename = found_in
    meta = rule.metadata
    return Finding(
        title=meta.title,
        detail=result.extra.message.strip(),
        severity=meta.severity,
        category=meta.category,
        line=result.start.line,
        end_line=result.end.line if result.end.line > result.start.line else None,
        column=_character_column(code, result.start.offset, result.start.col),
        rule=rule.id,
        cwe=meta.cwe,
        sources=[name],
        suggested_fix=_fix_as_diff(result, text, code, filename),
    )


def _character_column(code: bytes, offset: int, byte_column: int) -> int:
    """The 1-based column in characters of a place the engine gives in bytes."""
    line_start = max(0, offset - (byte_column - 1))
    return len(code[line_start:offset].decode("utf-8", errors="replace")) + 1


def _fix_as_diff(result: EngineResult, text: str, code: bytes, filename: str) -> str | None:
    """The autofix as a unified diff; None without one, or if it points outside the code."""
    fix = result.extra.fix
    start, end = result.start.offset, result.end.offset
    if fix is None or not 0 <= start <= end <= len(code):
        return None
    try:
        fixed = (code[:start] + fix.encode("utf-8") + code[end:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return make_unified_diff(text, fixed, filename) if fixed != text else None


ANALYZER = make_analyzer()
