"""What the code-host stand-ins share: a real HTTP server on 127.0.0.1 in a background thread,
scripted faults, the violations a test asserts stay empty, and JSON (or text) answers."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

Answer = tuple[int, dict[str, str], Any]  # status, extra headers, JSON (or text) body


@dataclass
class Fault:
    """How the next requests fail: `count` of them, with `status` and `headers`."""

    status: int
    count: int
    headers: dict[str, str] = field(default_factory=dict)
    message: str = "Server Error"


@dataclass
class Hold:
    """Keep the answer to the next `method` request whose path ends with `path_end` until
    `release` is set; the request is handled first (the host did what was asked)."""

    method: str
    path_end: str
    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    client_port: int = 0  # the port the held request came from


class HttpStandIn:
    """A stand-in service; subclasses answer `handle`. `with Sub(...) as service:` serves it."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        self.holds: list[Hold] = []
        self._lock = threading.Lock()
        self._server = _Server(self)

    @property
    def api_url(self) -> str:
        """Where the service listens."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def fail_next(self, fault: Fault) -> None:
        """Script a fault for the next requests."""
        self.faults.append(fault)

    def hold(self, hold: Hold) -> Hold:
        """Script a held answer (see `Hold`)."""
        self.holds.append(hold)
        return hold

    def _hold_for(self, method: str, target: str) -> Hold | None:
        """The scripted hold this request meets, taken off the script."""
        with self._lock:
            path = target.split("?", 1)[0]
            for hold in self.holds:
                if hold.method == method and path.endswith(hold.path_end):
                    self.holds.remove(hold)
                    return hold
        return None

    def __enter__(self) -> Self:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def handle(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Answer:
        """Answer one request (the subclass's API)."""
        raise NotImplementedError

    def _scripted_fault(self) -> Answer | None:
        """The next scripted fault's answer, if one is due."""
        if not self.faults:
            return None
        fault = self.faults[0]
        fault.count -= 1
        if fault.count <= 0:
            self.faults.pop(0)
        return fault.status, fault.headers, {"message": fault.message}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: HttpStandIn) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            status, extra, answer = self.server.owner.handle(self.command, self.path, headers, raw)
        except Exception as error:  # a stand-in bug: fail the test, not just this request
            self.server.owner.violations.append(f"the stand-in failed: {error!r}")
            status, extra, answer = 500, {}, {"message": "stand-in error"}
        hold = self.server.owner._hold_for(self.command, self.path)
        if hold is not None:
            hold.client_port = self.client_address[1]
            hold.reached.set()
            hold.release.wait(timeout=120)
        is_text = isinstance(answer, str)
        data = answer.encode() if is_text else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if is_text else "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def log_message(self, *_args: object) -> None:
        """Quiet: the tests read the stand-in's records instead."""


def json_bytes(answer: Any) -> bytes:
    """An answer as JSON."""
    import json

    return json.dumps(answer).encode()
