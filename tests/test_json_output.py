"""The worker's output relay: whatever a program prints past logging becomes JSON records."""

import json
import subprocess
import sys

PROGRAM = """
import sys
print('{"level": "info", "message": "already a record", "request_id": "r-1"}')
print("worker: Warm shutdown (MainProcess)", file=sys.stderr, flush=True)
print()
raise ValueError("boom")
"""


def test_every_line_a_program_prints_comes_out_a_json_record() -> None:
    relayed = subprocess.run(
        [sys.executable, "-m", "review_app.json_output", "worker", sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    records = [json.loads(line) for line in relayed.stdout.splitlines()]
    assert relayed.returncode == 1  # the program's own exit code
    assert records[0] == {"level": "info", "message": "already a record", "request_id": "r-1"}
    assert records[1]["message"] == "worker: Warm shutdown (MainProcess)"
    assert records[1]["logger"] == "worker.output"
    assert records[2]["level"] == "error"
    assert records[2]["message"] == "ValueError: boom"
    assert records[2]["exception"].startswith("Traceback (most recent call last):")
    assert len(records) == 3  # the empty line left out
