"""A Monaco code editor bundled from npm, with review findings as inline markers."""

import reflex as rx
from reflex.event import passthrough_event_spec

MONACO_REACT = "@monaco-editor/react@4.7.0"
MONACO = "monaco-editor@0.57.0"


class CodeEditor(rx.NoSSRComponent):
    """Monaco (no CDN: the loader uses the bundled package) that reports edits and submits."""

    library = "$/public" + rx.asset("code_editor.jsx", shared=True)
    lib_dependencies: list[str] = [MONACO_REACT, MONACO]
    tag = "CodeEditor"

    # Text pushed into the editor; applied only when document_version changes.
    document: rx.Var[str]
    # Bump to replace the editor's text with `document` (undoable).
    document_version: rx.Var[int]
    # Names the open file: each path has its own Monaco model (text, undo, markers).
    path: rx.Var[str]
    # Monaco language id (python, javascript, typescript, go, java).
    language: rx.Var[str]
    # "vs" or "vs-dark".
    theme: rx.Var[str]
    # Findings to mark: dicts with line, column, severity, message, source, and fix (the
    # finding's index, -1 for none) with fix_title.
    markers: rx.Var[list[dict]]
    # The path the markers belong to: they are set only while that file is open.
    markers_for: rx.Var[str]
    # Line to scroll to and put the cursor on; bump reveal_version to reveal it again.
    reveal_line: rx.Var[int]
    reveal_version: rx.Var[int]
    # Whether the text can be edited.
    read_only: rx.Var[bool]
    # CSS height of the editor.
    height: rx.Var[str]
    # Accessible name of the editor.
    aria_label: rx.Var[str]

    # The text, after the typing pauses.
    on_change: rx.EventHandler[passthrough_event_spec(str)]
    # The path and text of the file edited, after the typing pauses (or on a tab switch).
    on_edit: rx.EventHandler[passthrough_event_spec(str, str)]
    # Ctrl/Cmd+Enter (anywhere on the page), with the current text.
    on_submit: rx.EventHandler[passthrough_event_spec(str)]
    # Ctrl/Cmd+S (anywhere on the page), with the current text.
    on_save: rx.EventHandler[passthrough_event_spec(str)]
    # Ctrl/Cmd+P (anywhere on the page): open a file by name.
    on_quick_open: rx.EventHandler[passthrough_event_spec(str)]
    # A finding's fix chosen among Monaco's quick fixes, with the finding's index.
    on_apply_fix: rx.EventHandler[passthrough_event_spec(int)]


def code_editor(**props) -> rx.Component:
    """A code editor that follows the light/dark theme."""
    props.setdefault("theme", rx.color_mode_cond("vs", "vs-dark"))
    return CodeEditor.create(**props)


def framed(editor: rx.Component, **props) -> rx.Component:
    """An editor in a thin rounded frame, full width."""
    return rx.box(
        editor,
        border="1px solid var(--gray-a5)",
        border_radius="var(--radius-3)",
        overflow="hidden",
        width="100%",
        **props,
    )
