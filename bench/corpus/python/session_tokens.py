"""Opaque session identifiers for the kiosk application."""

import random
import time
from dataclasses import dataclass, field

SESSION_IDLE_SECONDS = 15 * 60


@dataclass
class KioskSession:
    session_id: str
    terminal: str
    last_seen: float = field(default_factory=time.monotonic)

    def expired(self, now: float | None = None) -> bool:
        return (now or time.monotonic()) - self.last_seen > SESSION_IDLE_SECONDS


class SessionRegistry:
    """In-memory sessions for the kiosk terminals on one store's network."""

    def __init__(self) -> None:
        self._sessions: dict[str, KioskSession] = {}

    def open(self, terminal: str) -> KioskSession:
        session_id = "%032x" % random.getrandbits(128)
        session = KioskSession(session_id=session_id, terminal=terminal)
        self._sessions[session_id] = session
        return session

    def touch(self, session_id: str) -> KioskSession | None:
        session = self._sessions.get(session_id)
        if session is None or session.expired():
            self._sessions.pop(session_id, None)
            return None
        session.last_seen = time.monotonic()
        return session

    def close(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)
