"""Reading the platform's logs, whose every line must be one JSON object."""

import json
from pathlib import Path


def records(log: Path) -> list[dict]:
    """Every line of a log, each of which must be one JSON object."""
    lines = log.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert all(isinstance(record, dict) for record in parsed)
    return parsed


def of_request(log: Path, request_id: str) -> list[dict]:
    """The lines of a log that name `request_id`."""
    return [record for record in records(log) if record.get("request_id") == request_id]


def messages(lines: list[dict]) -> set[str]:
    """The messages of some log lines."""
    return {record["message"] for record in lines}
