"""`python -m review_app.json_output NAME COMMAND...`: run COMMAND with every line it prints made
a JSON log record, so its log holds nothing else.

A line that already is a JSON object passes through. Any other (a library's print, Celery's
shutdown notice, written straight to the file descriptor) is wrapped in a record of logger
`NAME.output`; a Python traceback becomes one record with the traceback in `exception`.
Reflex does the same for the web app (REFLEX_LOG_JSON); this does it for the worker.
"""

import json
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

TRACEBACK_START = "Traceback (most recent call last):"
MAX_LINE_CHARS = 4000


def json_lines(lines: Iterable[str], logger: str) -> Iterator[str]:
    """The records of a program's output lines, one JSON object each."""
    traceback: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if traceback:
            traceback.append(line)
            if line and not line[0].isspace():  # frames are indented, the error is not
                yield _record(logger, line, "error", "\n".join(traceback))
                traceback = []
        elif line.startswith(TRACEBACK_START):
            traceback = [line]
        elif _is_record(line):
            yield line
        elif line.strip():
            yield _record(logger, line)
    if traceback:
        yield _record(logger, traceback[-1], "error", "\n".join(traceback))


def _is_record(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _record(logger: str, message: str, level: str = "info", exception: str | None = None) -> str:
    payload = {
        "timestamp": datetime.now(UTC).isoformat(),
        "level": level,
        "logger": logger,
        "message": message[:MAX_LINE_CHARS],
    }
    if exception is not None:
        payload["exception"] = exception[-MAX_LINE_CHARS:]
    return json.dumps(payload)


def main(name: str, command: list[str]) -> int:
    """Run `command` and relay its output as records until it ends; its exit code.

    Stopping signals are left to the command: it shares this process group, which is what the
    launcher signals, and it may want its output relayed while it shuts down.
    """
    child = subprocess.Popen(  # noqa: S603  (the launcher's own command, no shell)
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # after the start: the command keeps its own
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for record in json_lines(child.stdout, f"{name}.output"):
        sys.stdout.write(record + "\n")
        sys.stdout.flush()
    return child.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
