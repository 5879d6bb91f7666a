"""A real OpenAI-compatible HTTP server for tests, scripted per test.

It listens on 127.0.0.1 (a free port) in a background thread and answers
`POST /v1/chat/completions` and `GET /v1/models`. Each chat request takes the next behaviour
from the script (`Reply`, `HTTPError`, `Stall`); when the script runs out, `default` answers.
Every request is recorded, so tests can count attempts and read the prompt.

    with FakeLLMServer() as server:
        server.script(HTTPError(429, headers={"Retry-After": "0"}), Reply('{"findings": []}'))
        ...  # point the code under test at server.base_url

Or use the `llm_server` fixture (import it into a conftest.py).
"""

import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

import pytest


@dataclass(frozen=True)
class Reply:
    """Answer 200 with a chat completion whose message is `content`."""

    content: str
    prompt_tokens: int = 120
    completion_tokens: int = 80
    finish_reason: str = "stop"
    delay_seconds: float = 0.0  # think this long first, like a real model


@dataclass(frozen=True)
class HTTPError:
    """Answer with an error status and an OpenAI-style error body."""

    status: int
    message: str = "scripted failure"
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Stall:
    """Say nothing for `seconds` (so the client times out), then drop the connection."""

    seconds: float


Behaviour = Reply | HTTPError | Stall


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: dict[str, Any] | None
    client_port: int = 0  # the caller's end of the connection, to find the process that sent it

    @property
    def prompt(self) -> str:
        """Every message's text, joined, for assertions about what the model was told."""
        messages = (self.body or {}).get("messages", [])
        return "\n".join(str(message.get("content", "")) for message in messages)


class FakeLLMServer:
    """An OpenAI-compatible server with a script of behaviours; a context manager."""

    def __init__(
        self,
        *,
        model: str = "fake-model",
        default: Behaviour = Reply("{}"),
        reject_response_format: bool = False,
        host: str = "127.0.0.1",
    ) -> None:
        self.model = model
        self.default = default
        self.reject_response_format = reject_response_format
        self._initial = (default, reject_response_format)
        self._script: deque[Behaviour] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._http = _HTTPServer(self, host)
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """What to pass as the client's `base_url`."""
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request so far, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat completion requests so far."""
        return [request for request in self.requests if request.path.endswith("/completions")]

    def script(self, *behaviours: Behaviour) -> None:
        """Replace the script: the next chat requests get these behaviours, in order."""
        with self._lock:
            self._script = deque(behaviours)

    def reset(self) -> None:
        """Forget requests and script, and restore the defaults: for a server shared by tests."""
        with self._lock:
            self._script.clear()
            self._requests.clear()
            self.default, self.reject_response_format = self._initial

    def start(self) -> Self:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wake any stalled handler."""
        self._stopping.set()
        self._http.shutdown()
        self._http.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def respond(self, request: RecordedRequest) -> "_Response | None":
        """Record `request` and answer it; None means hang up without answering."""
        with self._lock:
            self._requests.append(request)
        path = request.path.rstrip("/")
        if request.method == "GET" and path.endswith("/models"):
            return _Response(200, self._models())
        if request.method != "POST" or not path.endswith("/chat/completions"):
            return _Response(404, _error_body("not found", "not_found_error"))
        behaviour = self._next_behaviour(request)
        if isinstance(behaviour, Stall):
            self._stopping.wait(behaviour.seconds)
            return None
        if isinstance(behaviour, HTTPError):
            body = _error_body(behaviour.message, "scripted_error")
            return _Response(behaviour.status, body, behaviour.headers)
        self._stopping.wait(behaviour.delay_seconds)
        return _Response(200, self._completion(request, behaviour))

    def _next_behaviour(self, request: RecordedRequest) -> Behaviour:
        """The scripted answer, or a 400 for a response_format this server "does not know"."""
        if self.reject_response_format and "response_format" in (request.body or {}):
            return HTTPError(400, "response_format is not supported by this server")
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def _completion(self, request: RecordedRequest, reply: Reply) -> dict[str, Any]:
        """A chat.completion body carrying `reply`."""
        return {
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": (request.body or {}).get("model", self.model),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": reply.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "total_tokens": reply.prompt_tokens + reply.completion_tokens,
            },
        }

    def _models(self) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "tests"}],
        }


@dataclass(frozen=True)
class _Response:
    status: int
    body: dict[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


class _HTTPServer(ThreadingHTTPServer):
    """The stdlib server, knowing which `FakeLLMServer` answers its requests."""

    daemon_threads = True

    def __init__(self, owner: FakeLLMServer, host: str) -> None:
        super().__init__((host, 0), _Handler)
        self.owner = owner


class _Handler(BaseHTTPRequestHandler):
    """Parse a request, let the owner answer it, write the answer."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            body = {"_raw": raw.decode("utf-8", errors="replace")}
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = RecordedRequest(self.command, self.path, headers, body, self.client_address[1])
        response = self.server.owner.respond(request)
        if response is None:
            self.close_connection = True
            return
        payload = json.dumps(response.body).encode("utf-8")
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up waiting


def _error_body(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


@pytest.fixture
def llm_server() -> Iterator[FakeLLMServer]:
    """A started `FakeLLMServer`, stopped after the test."""
    with FakeLLMServer() as server:
        yield server
