"""Content-Security-Policy violations in the browser, collected while a test runs."""

import time

from playwright.sync_api import BrowserContext, ConsoleMessage, Page

REPORT_BINDING = "__reviewAppReportCspViolation"
# Runs in every document before the page's own scripts: the browser's own report of a violation.
LISTEN_FOR_VIOLATIONS = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
  window.{REPORT_BINDING}({{
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    where: `${{event.sourceFile}}:${{event.lineNumber}}`,
    page: document.location.href,
  }});
}});
"""
# How Chromium's console words a violation (workers and frames included, where no event reaches
# the page's document).
CONSOLE_WORDING = ("Content Security Policy", "Content-Security-Policy")
REPORT_TIMEOUT_SECONDS = 10
STRAGGLER_MS = 500


def record_csp_violations(context: BrowserContext, violations: list[str]) -> None:
    """Append to `violations` every CSP violation in any page of `context` from now on."""

    def on_report(_source: dict, report: dict) -> None:
        violations.append(
            f"{report['directive']} blocked {report['blocked'] or 'inline code'}"
            f" ({report['sample']!r}) at {report['where']} on {report['page']}"
        )

    def on_console(message: ConsoleMessage) -> None:
        if any(wording in message.text for wording in CONSOLE_WORDING):
            violations.append(f"console: {message.text} at {message.location}")

    context.expose_binding(REPORT_BINDING, on_report)
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    context.on("console", on_console)


def take_violations(page: Page, violations: list[str], directive: str) -> list[str]:
    """Take the violations of `directive` a test provoked on purpose off `violations`.

    Waits until the browser has reported at least one, then a moment more for its other reports
    of the same (the page's event and the console's message arrive separately).
    """
    deadline = time.monotonic() + REPORT_TIMEOUT_SECONDS
    while not any(directive in violation for violation in violations):
        assert time.monotonic() < deadline, f"the browser reported no {directive} violation"
        page.wait_for_timeout(100)
    page.wait_for_timeout(STRAGGLER_MS)
    taken = [violation for violation in violations if directive in violation]
    violations[:] = [violation for violation in violations if violation not in taken]
    return taken
