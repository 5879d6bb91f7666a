"""Conversations on the project page: Discuss on each finding, the list of the project's
conversations (open, assigned to me, all), and the dialog that reads and writes one."""

import reflex as rx

from review_app.components.messages import messages
from review_app.state.conversations import NOBODY, CommentRow, ConversationState, ThreadRow
from review_app.state.finding_rows import FindingRow
from review_app.state.project_view import ProjectViewState

_SHOWN = {"open": "Open", "mine": "Assigned to me", "all": "All"}


def discuss_button(row: FindingRow) -> rx.Component:
    """Open the finding's conversation (or start one), with its state if it has one; viewers
    read it."""
    return rx.cond(
        row.review_id != "",
        rx.vstack(
            rx.button(
                "Discuss",
                size="1",
                variant="ghost",
                aria_label="Discuss this finding",
                on_click=ConversationState.discuss(row.review_id, row.index),
            ),
            rx.cond(
                ConversationState.discussed.contains(row.thread_key),
                rx.text(
                    ConversationState.discussed[row.thread_key],
                    size="1",
                    class_name="finding-thread",
                ),
            ),
            spacing="1",
        ),
    )


def _thread_row(row: ThreadRow) -> rx.Component:
    return rx.hstack(
        rx.button(
            row.title,
            on_click=ConversationState.open_thread(row.id),
            variant="ghost",
            size="1",
            aria_label=f"Open the conversation about {row.title} in {row.path}",
        ),
        rx.text(row.path, size="1", color_scheme="gray"),
        rx.badge(row.status, color_scheme=rx.cond(row.status == "open", "amber", "green")),
        rx.text(
            rx.cond(row.assignee != "", row.assignee, "unassigned"),
            size="1",
            class_name="thread-assignee",
        ),
        rx.text(row.comments.to_string(), " comments · ", row.latest, size="1"),
        align="center",
        wrap="wrap",
        class_name="thread-row",
    )


def conversations_panel() -> rx.Component:
    """The project's conversations, filtered, each opened in the dialog."""
    return rx.vstack(
        rx.hstack(
            rx.heading("Conversations", size="4"),
            rx.select.root(
                rx.select.trigger(aria_label="Show conversations"),
                rx.select.content(
                    *[rx.select.item(label, value=value) for value, label in _SHOWN.items()]
                ),
                value=ConversationState.shown,
                on_change=ConversationState.show,
                size="1",
            ),
            align="center",
        ),
        rx.cond(
            ConversationState.threads.length() > 0,
            rx.vstack(rx.foreach(ConversationState.threads, _thread_row), spacing="1"),
            rx.text("No conversations here.", size="2", color_scheme="gray"),
        ),
        _dialog(),
        width="100%",
        id="conversations",
    )


def _comment(comment: CommentRow) -> rx.Component:
    return rx.box(
        rx.text(rx.text.strong(comment.author), " · ", comment.written, size="1"),
        rx.text(comment.body, size="2", white_space="pre-wrap"),
        padding_left=rx.cond(comment.is_reply, "1.5em", "0"),
        class_name="comment",
    )


def _members_tools() -> rx.Component:
    """What a member may do: comment, assign, resolve or reopen."""
    write = rx.form(
        rx.vstack(
            rx.text_area(
                name="body",
                placeholder="Write a comment",
                max_length=5000,
                aria_label="Comment",
                required=True,
                width="100%",
            ),
            rx.button("Comment", type="submit", size="1"),
            width="100%",
        ),
        on_submit=ConversationState.post,
        reset_on_submit=True,
    )
    assign = rx.select.root(
        rx.select.trigger(aria_label="Assignee"),
        rx.select.content(
            rx.select.item("Nobody", value=NOBODY),
            rx.foreach(
                ConversationState.assignees, lambda email: rx.select.item(email, value=email)
            ),
        ),
        value=ConversationState.assignee,
        on_change=ConversationState.assign,
        size="1",
    )
    status = rx.cond(
        ConversationState.status == "open",
        rx.button("Resolve", on_click=ConversationState.resolve(True), size="1", variant="soft"),
        rx.button("Reopen", on_click=ConversationState.resolve(False), size="1", variant="soft"),
    )
    return rx.vstack(
        write,
        rx.cond(
            ConversationState.thread_id != 0,
            rx.hstack(rx.text("Assigned to", size="2"), assign, status, align="center"),
        ),
        width="100%",
    )


def _dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(
                rx.cond(
                    ConversationState.thread_id != 0, ConversationState.title, "New conversation"
                )
            ),
            rx.dialog.description(
                rx.cond(
                    ConversationState.thread_id != 0,
                    rx.text(ConversationState.path, " · ", ConversationState.status),
                    "Your comment starts the team's conversation about this finding.",
                ),
                size="2",
                id="conversation-state",
            ),
            rx.vstack(
                messages(ConversationState.error),
                rx.foreach(ConversationState.comments, _comment),
                rx.cond(ProjectViewState.may_review, _members_tools()),
                rx.dialog.close(rx.button("Close", variant="ghost", size="1")),
                width="100%",
            ),
            max_width="40em",
        ),
        open=ConversationState.dialog_open,
        on_open_change=ConversationState.set_dialog_open,
    )
