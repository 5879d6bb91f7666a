"""The project page's editor: tabs with unsaved markers, the open file with its findings, the
file actions (add, rename, delete, save, review) and the Ctrl/Cmd+P finder."""

import reflex as rx

from review_app.components.code_editor import code_editor, framed
from review_app.components.messages import messages
from review_app.state.review_view import ReviewViewState
from review_app.state.workspace import Naming, WorkspaceState


def _tab(path: rx.Var[str]) -> rx.Component:
    unsaved = WorkspaceState.unsaved.contains(path)
    return rx.hstack(
        rx.button(
            path.split("/")[-1],
            rx.cond(unsaved, rx.text("●", aria_label="unsaved", as_="span"), ""),
            on_click=WorkspaceState.open(path),
            variant=rx.cond(WorkspaceState.active == path, "soft", "ghost"),
            size="1",
            title=path,
            aria_label=rx.cond(unsaved, f"Tab {path} (unsaved)", f"Tab {path}"),
            class_name="workspace-tab",
        ),
        rx.icon_button(
            rx.icon("x", size=12),
            on_click=WorkspaceState.close(path),
            variant="ghost",
            size="1",
            aria_label=f"Close {path}",
        ),
        spacing="1",
        align="center",
    )


def _actions() -> rx.Component:
    no_file = WorkspaceState.active == ""
    return rx.hstack(
        rx.button("New file", on_click=WorkspaceState.ask_path(Naming.NEW), size="1"),
        rx.button(
            "Rename",
            on_click=WorkspaceState.ask_path(Naming.RENAME),
            disabled=no_file,
            size="1",
            variant="soft",
        ),
        rx.button(
            "Delete",
            on_click=WorkspaceState.ask_delete,
            disabled=no_file,
            size="1",
            variant="soft",
            color_scheme="red",
        ),
        rx.button(
            "Save",
            on_click=WorkspaceState.save(None),
            disabled=~WorkspaceState.unsaved.contains(WorkspaceState.active),
            size="1",
            variant="soft",
        ),
        rx.button("Review file", on_click=WorkspaceState.review_file, disabled=no_file, size="1"),
        rx.text("Ctrl/Cmd+P: open a file · Ctrl/Cmd+S: save", size="1", color_scheme="gray"),
        spacing="2",
        align="center",
        wrap="wrap",
    )


def _path_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(WorkspaceState.naming == Naming.NEW, "New file", "Rename")),
            rx.input(
                value=WorkspaceState.path_input,
                on_change=WorkspaceState.set_path_input,
                on_key_down=WorkspaceState.path_key,
                aria_label="Path in the project",
                auto_focus=True,
            ),
            messages(WorkspaceState.error),
            rx.hstack(
                rx.button("Cancel", on_click=WorkspaceState.cancel_path(False), variant="soft"),
                rx.button("OK", on_click=WorkspaceState.submit_path),
                justify="end",
                margin_top="1em",
            ),
        ),
        open=WorkspaceState.naming != Naming.NONE,
        on_open_change=WorkspaceState.cancel_path,
    )


def _confirm(
    opened: rx.Var[bool], title: rx.Var[str] | str, action: str, on_action, on_cancel
) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", on_click=on_cancel, variant="soft")),
                rx.alert_dialog.action(rx.button(action, on_click=on_action, color_scheme="red")),
                justify="end",
                margin_top="1em",
            ),
        ),
        open=opened,
    )


def _finder() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Open a file"),
            rx.input(
                placeholder="Part of its name",
                on_change=WorkspaceState.find,
                on_key_down=WorkspaceState.finder_key,
                aria_label="File name",
                auto_focus=True,
            ),
            rx.vstack(
                rx.foreach(
                    WorkspaceState.finder_matches,
                    lambda path: rx.button(
                        path,
                        on_click=WorkspaceState.open_found(path),
                        variant="ghost",
                        size="1",
                        class_name="finder-match",
                    ),
                ),
                spacing="1",
                margin_top="0.5em",
                aria_label="Matching files",
            ),
        ),
        open=WorkspaceState.finder_open,
        on_open_change=WorkspaceState.set_finder_open,
    )


def workspace_editor() -> rx.Component:
    """Tabs, actions and the editor of the open file, its findings marked and fixable."""
    editor = framed(
        code_editor(
            document=WorkspaceState.document,
            document_version=WorkspaceState.document_version,
            path=WorkspaceState.model_path,
            language=WorkspaceState.language,
            markers=ReviewViewState.markers,
            markers_for=WorkspaceState.markers_for,
            reveal_line=ReviewViewState.reveal_line,
            reveal_version=ReviewViewState.reveal_version,
            height="50vh",
            aria_label="Code of the open file",
            on_edit=WorkspaceState.edit,
            on_save=WorkspaceState.save,
            on_quick_open=WorkspaceState.open_finder,
            on_apply_fix=WorkspaceState.apply_fix,
        ),
        # Mounted with no file open too: its page keys (Ctrl/Cmd+P) work from the start.
        display=rx.cond(WorkspaceState.active != "", "block", "none"),
    )
    return rx.vstack(
        _actions(),
        messages(WorkspaceState.error),
        rx.hstack(rx.foreach(WorkspaceState.tabs, _tab), wrap="wrap", aria_label="Open files"),
        editor,
        rx.cond(
            WorkspaceState.active == "",
            rx.text(
                "Open a file from the tree, or with Ctrl/Cmd+P, to edit it and see its findings.",
                color_scheme="gray",
                size="2",
            ),
        ),
        _path_dialog(),
        _finder(),
        _confirm(
            WorkspaceState.confirm_delete,
            "Delete " + WorkspaceState.active + "?",
            "Delete",
            WorkspaceState.delete,
            WorkspaceState.cancel_delete(False),
        ),
        _confirm(
            WorkspaceState.confirm_close != "",
            "Discard the unsaved changes to " + WorkspaceState.confirm_close + "?",
            "Discard",
            WorkspaceState.close(WorkspaceState.confirm_close),
            WorkspaceState.keep_open,
        ),
        width="100%",
    )
