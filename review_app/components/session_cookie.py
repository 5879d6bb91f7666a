"""The page's part in the session cookie: it calls the HTTP route the session asks for.

The websocket cannot set an HttpOnly cookie, so when SessionState names a step (sign-in ticket
to trade, cookie to rotate, cookie to clear) a hidden element appears whose mount POSTs to
`/api/session...` and reports the outcome back, with the ticket naming the step. A step is
posted once per page: remounting (a navigation) does not post it again. Every page also asks
the session to check itself on mount, so a reload shows who the cookie says is signed in, and
then starts the tab's live updates (a sign-out elsewhere reaches a public page too). The
code is compiled into the page's bundle: nothing is evaluated from a string, so a CSP without
'unsafe-eval' lets it run.
"""

import reflex as rx
from reflex_base.utils.format import format_queue_events
from reflex_base.vars.function import ArgsFunctionOperation, FunctionStringVar

from review_app.state.live_updates import LiveUpdatesState
from review_app.state.session import SessionState

# (step, ticket, report) -> POST to the step's route once, then report(ticket, HTTP status).
POST_TO_SESSION_ROUTE = FunctionStringVar.create(
    """((step, ticket, report) => {
  const posted = (globalThis.reviewAppSessionSteps ??= new Set());
  if (posted.has(ticket)) return;
  posted.add(ticket);
  fetch(step === "start" ? "/api/session" : `/api/session/${step}`, {
    method: "POST",
    credentials: "same-origin",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({ticket}),
  }).then((response) => response.status, () => 0).then((status) => report(ticket, status));
})"""
)


def session_cookie_sync() -> rx.Component:
    """Hidden: checks the session on mount and, while it names a cookie step, carries it out."""
    report = format_queue_events(
        SessionState.cookie_stepped, args_spec=lambda ticket, status: [ticket, status]
    )
    post = POST_TO_SESSION_ROUTE.call(SessionState.cookie_step, SessionState.cookie_ticket, report)
    return rx.fragment(
        rx.el.span(hidden=True, on_mount=[SessionState.check_session, LiveUpdatesState.start]),
        rx.cond(
            SessionState.cookie_step != "",
            rx.el.span(
                hidden=True,
                # A new step (or ticket) is a new element, so its mount posts again.
                key=SessionState.cookie_step + SessionState.cookie_ticket,
                on_mount=rx.call_function(ArgsFunctionOperation.create((), post)),
            ),
        ),
    )
