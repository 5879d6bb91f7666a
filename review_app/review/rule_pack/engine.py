"""Semgrep CE's engine binary, semgrep-core, run once over many files of one language.

Only the binary bundled in the `semgrep` wheel runs: its Python wrapper reaches for the network.
The binary reads its targets from a JSON file in semgrep's `targets` type (semgrep_output_v1.atd):
`["Targets", [["CodeTarget", {"path": {"fpath": FILE, "ppath": "/RELATIVE"}, "analyzer": LANG,
"products": ["sast"]}], ...]]`, and prints one JSON document of results and errors.
"""

import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from review_app.review.errors import AnalyzerError

_BINARY_IN_WHEEL = "semgrep/bin/semgrep-core"
_STDERR_SHOWN = 300

# Semgrep's names for a target it could not parse (fully or in part).
PARSE_ERROR_KINDS = frozenset(
    {"Lexical error", "Syntax error", "Other syntax error", "AST builder error", "PartialParsing"}
)
FATAL_ERROR_KIND = "Fatal error"


@dataclass(frozen=True)
class EngineLimits:
    """How long and how much memory the engine may use; the defaults suit one review."""

    rule_timeout_seconds: float = 5.0  # one rule on one file
    timeouts_before_skipping_file: int = 3
    max_memory_mib: int = 1024
    # The whole run: a parse the engine cannot interrupt stops here, long before the pipeline's
    # 60-second deadline. A 1,000-line file takes about a second of CPU with the project's pack.
    run_timeout_seconds: float = 10.0
    run_timeout_per_file_seconds: float = 2.0
    binary: Path | None = None  # None: the one in the installed `semgrep` wheel
    # Engine processes of their own (semgrep-core's -j; its default is one per core). Measured
    # on two cores (docs/benchmarks.md): one is faster even alone (100 files 8.4 vs 9.2 s), and
    # two engines at once with the default each took 4x as long (2.5 -> 10.4 s for 25 files),
    # which a worker's processes, a long file's halves and the other analyzers all cause.
    jobs: int = 1

    def run_timeout(self, files: int) -> float:
        """How long a run over `files` files may take."""
        return self.run_timeout_seconds + self.run_timeout_per_file_seconds * files


@dataclass(frozen=True)
class EngineTarget:
    """A file written for the engine, and its path as the project sees it (for rule `paths:`)."""

    path: Path
    project_path: PurePosixPath


class Position(BaseModel):
    """A place in a file: 1-based line; column and offset count UTF-8 bytes."""

    line: int
    col: int
    offset: int


class TraceLocation(BaseModel):
    """A stretch of a file a taint flow passes through."""

    start: Position
    end: Position


class IntermediateVariable(BaseModel):
    """A variable a taint flow passes through on its way to the sink."""

    location: TraceLocation


class DataflowTrace(BaseModel):
    """How tainted data reached a taint rule's sink: its source (["CliLoc", [location, text]],
    or a call chain) and the variables between."""

    taint_source: Any = None
    intermediate_vars: list[IntermediateVariable] = []


class ResultExtra(BaseModel):
    """The part of a result that says what was found: message, autofix text, and for a taint
    rule the flow."""

    message: str = ""
    fix: str | None = None
    dataflow_trace: DataflowTrace | None = None


class EngineResult(BaseModel):
    """One match of one rule."""

    check_id: str
    path: str
    start: Position
    end: Position
    extra: ResultExtra


class ErrorLocation(BaseModel):
    """Where an engine error happened: a target, or the rules file for a rule error."""

    path: str


class EngineError(BaseModel):
    """A rule, a file or the whole run the engine could not complete."""

    error_type: str | list[Any]
    message: str = ""
    rule_id: str | None = None
    location: ErrorLocation | None = None

    @property
    def kind(self) -> str:
        """`Timeout`, `Rule parse error`, `PartialParsing`... (some kinds carry data)."""
        return self.error_type if isinstance(self.error_type, str) else str(self.error_type[0])


class EngineOutput(BaseModel):
    """What semgrep-core prints with -json."""

    results: list[EngineResult] = []
    errors: list[EngineError] = []


def run_engine(
    rules_file: Path,
    language: str,
    targets: Sequence[EngineTarget],
    folder: Path,
    limits: EngineLimits,
) -> EngineOutput:
    """Run the rules over the targets; errors on one rule or file come back in the output.

    Raises:
        AnalyzerError: the engine is missing, crashed, timed out or failed as a whole.
    """
    targets_file = folder / "targets.json"
    targets_file.write_text(json.dumps(_targets_document(language, targets)), encoding="utf-8")
    command = [
        str(limits.binary or bundled_binary()),
        *("-rules", str(rules_file), "-targets", str(targets_file), "-json_nodots", "-fast"),
        *("-timeout", str(limits.rule_timeout_seconds)),
        *("-timeout_threshold", str(limits.timeouts_before_skipping_file)),
        *("-max_memory", str(limits.max_memory_mib)),
        *("-j", str(limits.jobs)),
    ]
    try:
        # Fixed arguments; the reviewed code only travels in files of a private folder.
        completed = subprocess.run(  # noqa: S603
            command,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=limits.run_timeout(len(targets)),
            cwd=folder,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise AnalyzerError(f"semgrep-core timed out after {exc.timeout:g} seconds") from exc
    except OSError as exc:
        raise AnalyzerError(f"semgrep-core could not run: {exc}") from exc
    return _output(completed)


def first_line(message: str, limit: int = 200) -> str:
    """The first line of an engine message, short enough for a review to show."""
    lines = message.strip().splitlines()
    return lines[0][:limit] if lines else "no message"


def _targets_document(language: str, targets: Sequence[EngineTarget]) -> list[Any]:
    return [
        "Targets",
        [
            [
                "CodeTarget",
                {
                    "path": {"fpath": str(target.path), "ppath": f"/{target.project_path}"},
                    "analyzer": language,
                    "products": ["sast"],
                },
            ]
            for target in targets
        ],
    ]


def bundled_binary() -> Path:
    """semgrep-core inside the installed `semgrep` wheel."""
    try:
        return Path(str(distribution("semgrep").locate_file(_BINARY_IN_WHEEL)))
    except PackageNotFoundError as exc:
        raise AnalyzerError("semgrep is not installed (run `make` to install it)") from exc


def _output(completed: subprocess.CompletedProcess[str]) -> EngineOutput:
    """The engine's output, or why it failed as a whole."""
    try:
        output = EngineOutput.model_validate_json(completed.stdout)
    except ValidationError as exc:
        if completed.returncode != 0:
            raise AnalyzerError(_exit_text(completed)) from exc
        raise AnalyzerError(f"semgrep-core printed unexpected output: {exc}") from exc
    fatal = [error for error in output.errors if error.kind == FATAL_ERROR_KIND]
    if fatal:
        raise AnalyzerError(f"semgrep-core failed: {first_line(fatal[0].message)}")
    if completed.returncode != 0:
        raise AnalyzerError(_exit_text(completed))
    return output


def _exit_text(completed: subprocess.CompletedProcess[str]) -> str:
    """How the engine ended, with the end of what it wrote on stderr."""
    code = completed.returncode
    ending = f"was killed by signal {-code}" if code < 0 else f"exited with {code}"
    stderr = completed.stderr.strip()[-_STDERR_SHOWN:]
    return f"semgrep-core {ending}: {stderr}" if stderr else f"semgrep-core {ending}"
