"""A long-lived JVM running javac's lint on request (toolchains/java/LintServer.java).

javac needs a second or more to start and warm up, four times the budget of an analyzer, while
a warm one lints a 1,000-line file in about 0.1 s. So each worker process keeps one server,
started on first use and restarted after it dies or overruns its time. It quits when its stdin
closes, that is when the process that started it exits.
"""

import hashlib
import os
import selectors
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from review_app.review.analyzers.toolchain import STDERR_SHOWN, private_cache_dir, run_tool
from review_app.review.errors import AnalyzerError

SERVER_SOURCE = Path(__file__).resolve().parents[1] / "toolchains" / "java" / "LintServer.java"
_JVM_OPTIONS = (
    *("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),  # quick start, small
    *("-Xmx1g", "-Xss16m"),  # deep nesting in submitted code must not overflow javac's stack
)
_NOT_INSTALLED = "javac is not installed: run `make` (it installs Debian's default-jdk-headless)"


class _ServerDiedError(AnalyzerError):
    """The server exited or closed its pipes; a new one may well work."""


@dataclass(frozen=True)
class JavacDiagnostic:
    """One diagnostic: the index of its file in the request (-1: none), javac's kind and code."""

    file: int
    kind: str  # ERROR, WARNING, MANDATORY_WARNING, NOTE, OTHER
    line: int
    column: int  # 1-based characters; 0 when javac gives no position
    code: str  # e.g. compiler.warn.possible.fall-through.into.case
    message: str


class JavacServer:
    """One lint server per process; `lint` is safe to call from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._owner_pid = 0
        self._stderr: IO[bytes] | None = None

    def lint(self, paths: list[Path], timeout: float) -> list[JavacDiagnostic]:
        """javac's diagnostics for the files, linted together.

        Raises:
            AnalyzerError: java or javac is missing, the server died, or it overran `timeout`.
        """
        deadline = time.monotonic() + timeout
        request = f"{len(paths)}\n" + "".join(f"{path}\n" for path in paths)
        with self._lock:
            try:
                try:
                    lines = self._ask(request, deadline)
                except _ServerDiedError:  # it may have died idle, after the last request: once more
                    lines = self._ask(request, deadline)
            except TimeoutError as exc:
                self._stop()
                raise AnalyzerError(f"javac timed out after {timeout:g} s") from exc
        if lines[-1].startswith("error"):
            raise AnalyzerError(f"javac failed: {_unescape(lines[-1].partition(chr(9))[2])}")
        return [_diagnostic(line) for line in lines[:-1]]

    @property
    def pid(self) -> int | None:
        """The server's process id while this process has one running."""
        process = self._live_process()
        return process.pid if process else None

    def close(self) -> None:
        """End the server now rather than when this process exits."""
        with self._lock:
            self._stop()

    def _ask(self, request: str, deadline: float) -> list[str]:
        """The server's answer to one request, up to its closing line.

        Raises:
            _ServerDiedError: the server exited or closed its pipes.
            TimeoutError: the deadline passed first.
            AnalyzerError: it could not be started.
        """
        try:
            process = self._running(deadline)
            stdin = process.stdin
            assert stdin is not None
            stdin.write(request.encode("utf-8"))
            stdin.flush()
            return self._read_lines(process, deadline, until=("done", "error"))
        except TimeoutError:
            raise
        except (_ServerDiedError, OSError) as exc:  # OSError: a broken pipe
            raise _ServerDiedError(f"javac's lint server stopped: {self._stop()}") from exc
        except AnalyzerError:
            self._stop()
            raise

    def _running(self, deadline: float) -> subprocess.Popen[bytes]:
        """The server of this process, started when there is none (or it belongs to a parent)."""
        if process := self._live_process():
            return process
        self._stop()  # a dead server, or one inherited across fork: the parent's to use
        java = shutil.which("java")
        if java is None or shutil.which("javac") is None:
            raise AnalyzerError(_NOT_INSTALLED)
        classes = _compiled_server(deadline)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        # Fixed command: the JVM and our server class; submitted code only arrives as files.
        process = subprocess.Popen(  # noqa: S603
            [java, *_JVM_OPTIONS, "-cp", str(classes), "LintServer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env={"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"},  # no _JAVA_OPTIONS
        )
        self._process, self._owner_pid = process, os.getpid()
        greeting = self._read_lines(process, deadline, until=("ready", "error"))[-1]
        if greeting.startswith("error"):
            raise AnalyzerError(f"javac cannot run: {_unescape(greeting.partition(chr(9))[2])}")
        return process

    def _live_process(self) -> subprocess.Popen[bytes] | None:
        """The server, if it runs and this process started it (not a parent before a fork)."""
        process = self._process
        if process is None or process.poll() is not None or self._owner_pid != os.getpid():
            return None
        return process

    def _read_lines(
        self, process: subprocess.Popen[bytes], deadline: float, until: tuple[str, ...]
    ) -> list[str]:
        """Lines from the server up to one starting with a word of `until`, by the deadline.

        Raises:
            TimeoutError: the deadline passed first.
            _ServerDiedError: the server exited.
        """
        stdout = process.stdout
        assert stdout is not None
        buffer, lines = b"", []
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise TimeoutError
                chunk = os.read(stdout.fileno(), 1 << 16)
                if not chunk:
                    raise _ServerDiedError
                buffer += chunk
                *complete, buffer = buffer.split(b"\n")
                lines += [line.decode("utf-8", errors="replace") for line in complete]
                if lines and lines[-1].split("\t", 1)[0] in until:
                    return lines

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return "no output"
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace").strip()[-STDERR_SHOWN:] or "no output"

    def _stop(self) -> str:
        """End our server (never another process's), forget it, and say what it printed."""
        process, self._process = self._process, None
        if process is not None and self._owner_pid == os.getpid():
            process.kill()
            process.wait()
        tail = self._stderr_tail()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        return tail


def _compiled_server(deadline: float) -> Path:
    """The folder of LintServer.class, compiled once per source version and kept."""
    source = SERVER_SOURCE.read_bytes()
    classes = private_cache_dir("javac-lint-server") / hashlib.sha256(source).hexdigest()[:16]
    if (classes / "LintServer.class").is_file():
        return classes
    building = Path(tempfile.mkdtemp(prefix="building-", dir=classes.parent))
    command = ["javac", "-d", building, SERVER_SOURCE]
    completed = run_tool(command, tool="javac", timeout=max(1.0, deadline - time.monotonic()))
    if completed.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        raise AnalyzerError(
            f"javac cannot build its lint server: {completed.stderr[:STDERR_SHOWN]}"
        )
    try:
        building.rename(classes)  # atomic: a racing process may have done it first
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
    return classes


def _diagnostic(line: str) -> JavacDiagnostic:
    file, kind, number, column, code, message = line.split("\t", 5)
    return JavacDiagnostic(int(file), kind, int(number), int(column), code, _unescape(message))


def _unescape(text: str) -> str:
    """Undo the server's escaping of backslash, tab and newline."""
    escapes = {"\\": "\\", "t": "\t", "n": "\n"}
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(escapes.get(text[index + 1], text[index + 1]))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)
