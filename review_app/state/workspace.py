"""The project page's editor: the project's files open in tabs, edited, saved and reviewed.

Each open file has a Monaco model of its own (named by `model_path`), so its text, undo
history and markers stay with it across tab switches. Edits live in the tab until saved
(Ctrl/Cmd+S or Save), through the project files service, which checks the owner and limits.
"""

import uuid
from functools import partial
from pathlib import PurePosixPath

import reflex as rx

from review_app.request_ids import in_request, new_request_id
from review_app.review.languages import language_for_filename
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import ServiceError
from review_app.services.projects import files
from review_app.services.reviews import submissions
from review_app.state.project_findings import ProjectFindingsState
from review_app.state.project_view import ProjectViewState
from review_app.state.review_view import ReviewViewState
from review_app.state.session import SessionState, client_ip_of

FINDER_LIMIT = 20  # files the Ctrl/Cmd+P finder lists at once


class Naming:
    """What the path dialog is open for."""

    NONE = ""
    NEW = "new"
    RENAME = "rename"


class WorkspaceState(rx.State):
    """The open files of the project on the page."""

    project_id: str = ""
    tabs: list[str] = []
    active: str = ""
    document: str = ""  # the active file's text, for a model created on opening it
    document_version: int = 0  # bumped to push `document` into the open model
    language: str = "plaintext"
    unsaved: list[str] = []  # open files with edits not saved
    markers_for: str = ""  # the model the open review's markers belong to
    error: str = ""
    finder_open: bool = False
    finder_matches: list[str] = []
    naming: str = Naming.NONE
    path_input: str = ""
    confirm_delete: bool = False
    confirm_close: str = ""  # an unsaved file the user asked to close

    _saved: dict[str, str] = {}
    _drafts: dict[str, str] = {}

    @rx.var
    def model_path(self) -> str:
        """The Monaco model of the active file (per project: two projects' files never mix)."""
        return f"project/{self.project_id}/{self.active}" if self.active else ""

    @rx.event
    def start_fresh(self):
        """A project page loaded: nothing open yet."""
        self.project_id = self.router.page.params.get("project_id", "")
        self.tabs, self.unsaved, self.finder_matches = [], [], []
        self.active = self.document = self.markers_for = self.error = self.confirm_close = ""
        self.naming, self.path_input, self.finder_open, self.confirm_delete = "", "", False, False
        self._saved, self._drafts = {}, {}

    @rx.event
    async def open(self, path: str):
        """Open a file of the project in a tab (or go to its tab) with its latest review."""
        await self._open(path)

    @rx.event
    async def open_at(self, path: str, line: int):
        """Open a file and show one of its lines (a finding in the project's list)."""
        if await self._open(path):
            (await self.get_state(ReviewViewState))._reveal(line)

    @rx.event
    async def fix_in(self, path: str, index: int, line: int):
        """Open a file, apply its review's finding `index`'s fix and show the finding's line
        (from the project's list)."""
        if await self._open(path):
            await self._apply_fix(index)
            (await self.get_state(ReviewViewState))._reveal(line)

    @rx.event
    def edit(self, path: str, text: str) -> None:
        """The editor's text of an open file, after the typing paused."""
        name = path.removeprefix(f"project/{self.project_id}/")
        if name in self._saved:
            self._drafts[name] = text
            self._mark_unsaved()

    @rx.event
    async def save(self, text: str | None = None):
        """Save the active file (`text`: what the editor holds, from Ctrl/Cmd+S)."""
        if self.active:
            await self._save(self.active, self._text(self.active) if text is None else text)

    @rx.event
    async def apply_fix(self, index: int) -> None:
        """Apply a finding's fix to the open file's text (undo with Ctrl/Cmd+Z)."""
        await self._apply_fix(index)

    @rx.event
    def close(self, path: str) -> None:
        """Close a tab; one with unsaved edits asks first."""
        if path in self.unsaved and self.confirm_close != path:
            self.confirm_close = path
            return
        self.confirm_close = ""
        self._saved.pop(path, None)
        self._drafts.pop(path, None)
        index = self.tabs.index(path) if path in self.tabs else 0
        self.tabs = [tab for tab in self.tabs if tab != path]
        self._mark_unsaved()
        if self.active == path:
            neighbour = self.tabs[min(index, len(self.tabs) - 1)] if self.tabs else ""
            return WorkspaceState.open(neighbour) if neighbour else WorkspaceState.show_nothing
        return None

    @rx.event
    def keep_open(self) -> None:
        """The user kept the unsaved tab they were closing."""
        self.confirm_close = ""

    @rx.event
    async def show_nothing(self):
        """No file is open."""
        self._activate("")
        await (await self.get_state(ProjectViewState))._show_review_of("")

    @rx.event
    def ask_path(self, naming: str) -> None:
        """Open the path dialog to add a file or rename the active one."""
        self.naming, self.error = naming, ""
        folder = str(PurePosixPath(self.active).parent) if self.active else "."
        self.path_input = (
            self.active if naming == Naming.RENAME else f"{folder}/".removeprefix("./")
        )

    @rx.event
    def set_path_input(self, text: str) -> None:
        """What the path dialog's field holds."""
        self.path_input = text

    @rx.event
    def cancel_path(self, _open: bool = False) -> None:
        """Close the path dialog."""
        self.naming = Naming.NONE

    @rx.event
    def path_key(self, key: str):
        """Enter in the path dialog confirms it."""
        return WorkspaceState.submit_path if key == "Enter" else None

    @rx.event
    async def submit_path(self):
        """Add the file named in the dialog, or rename the active file to it."""
        naming, path, self.error = self.naming, self.path_input.strip(), ""
        try:
            user = await self._user()
            if naming == Naming.NEW:
                write = partial(files.write_file, content="", path=path)
                added = await rx.run_in_thread(
                    partial(write, user_id=user.id, project_id=self._project)
                )
                removed = ""
            else:
                rename = partial(files.rename_file, path=self.active, new_path=path)
                added = await rx.run_in_thread(
                    partial(rename, user_id=user.id, project_id=self._project)
                )
                removed = self.active
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return None
        self.naming = Naming.NONE
        (await self.get_state(ProjectViewState))._files_changed(removed, added)
        if removed:
            self._move(removed, added.path)
        return WorkspaceState.open(added.path)

    @rx.event
    def ask_delete(self) -> None:
        """Ask before deleting the active file."""
        self.confirm_delete = bool(self.active)

    @rx.event
    def cancel_delete(self, _open: bool = False) -> None:
        """The user kept the file."""
        self.confirm_delete = False

    @rx.event
    async def delete(self):
        """Delete the active file from the project."""
        path, self.confirm_delete = self.active, False
        try:
            user = await self._user()
            remove = partial(files.delete_file, user_id=user.id, project_id=self._project)
            await rx.run_in_thread(partial(remove, path=path))
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return None
        (await self.get_state(ProjectViewState))._files_changed(removed=path)
        self._drafts.pop(path, None)
        self.unsaved = [tab for tab in self.unsaved if tab != path]
        return WorkspaceState.close(path)

    @rx.event
    async def open_finder(self, _text: str = ""):
        """Ctrl/Cmd+P: a field to open a file by (part of) its name."""
        self.finder_open = True
        await self.find("")

    @rx.event
    def set_finder_open(self, is_open: bool) -> None:
        """The finder was closed (Escape, a click outside)."""
        self.finder_open = is_open

    @rx.event
    async def find(self, query: str) -> None:
        """The files whose path holds the typed letters in order, best matches first."""
        paths = (await self.get_state(ProjectViewState))._file_paths
        self.finder_matches = files_matching(query, paths)[:FINDER_LIMIT]

    @rx.event
    def finder_key(self, key: str):
        """Enter in the finder opens the best match."""
        if key == "Enter" and self.finder_matches:
            self.finder_open = False
            return WorkspaceState.open(self.finder_matches[0])
        return None

    @rx.event
    def open_found(self, path: str):
        """A file chosen in the finder."""
        self.finder_open = False
        return WorkspaceState.open(path)

    @rx.event
    async def review_file(self):
        """Save the active file and review it alone; its review shows below, live."""
        path = self.active
        if not path or (path in self.unsaved and not await self._save(path, self._text(path))):
            return
        try:
            user = await self._user()
            submit = partial(
                submissions.submit_review,
                user_id=user.id,
                language=None,
                code=self._text(path),
                filename=path,
                client_ip=client_ip_of(self.router),
            )
            submitted = await rx.run_in_thread(in_request(submit, new_request_id()))
        except ServiceError as error:
            self.error = str(error)
            return
        await (await self.get_state(ReviewViewState))._open(str(submitted.id))
        self.markers_for = self.model_path

    async def _open(self, path: str) -> bool:
        """Open `path` in a tab and make it the active one; False (error said) if it cannot."""
        self.error = ""
        if path not in self.tabs:
            try:
                user = await self._user()
                read = partial(
                    files.read_file, user_id=user.id, project_id=self._project, path=path
                )
                file = await rx.run_in_thread(read)
            except (ServiceError, ValueError) as error:
                self.error = str(error)
                return False
            self.tabs = [*self.tabs, file.path]
            self._saved[file.path] = file.content
            self._drafts.pop(file.path, None)
            self.document_version += 1  # a model left by a discarded tab takes the saved text
        self._activate(path)
        await (await self.get_state(ProjectViewState))._show_review_of(path)
        view = await self.get_state(ReviewViewState)
        matches = view.review_id and view.code == self._text(path)
        self.markers_for = self.model_path if matches else ""
        return True

    async def _apply_fix(self, index: int) -> None:
        view = await self.get_state(ReviewViewState)
        fix = view._fix_of(index)
        fixed = view._fixed(index, self._text(self.active))
        if fixed is None:
            self.error = "This fix no longer applies: the file changed since the review."
            return
        self.error = ""
        self._drafts[self.active] = self.document = fixed
        self.document_version += 1
        self._mark_unsaved()
        (await self.get_state(ProjectFindingsState))._fixed_in_editor(self.active, fix)

    @property
    def _project(self) -> uuid.UUID:
        return uuid.UUID(self.project_id)

    async def _user(self) -> CurrentUser:
        return await (await self.get_state(SessionState))._current_user()

    def _text(self, path: str) -> str:
        """What the user sees in a file's tab: its unsaved edits, else its saved text."""
        return self._drafts.get(path, self._saved.get(path, ""))

    def _activate(self, path: str) -> None:
        self.active = path
        self.document = self._text(path)
        self.language = language_for_filename(path) or "plaintext"
        self.markers_for = ""

    async def _save(self, path: str, text: str) -> bool:
        self.error = ""
        try:
            user = await self._user()
            write = partial(files.write_file, user_id=user.id, project_id=self._project)
            await rx.run_in_thread(partial(write, path=path, content=text))
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return False
        self._saved[path] = text
        self._drafts.pop(path, None)
        self._mark_unsaved()
        return True

    def _move(self, old: str, new: str) -> None:
        """A renamed file keeps its tab, place and unsaved edits under its new name."""
        self.tabs = [new if tab == old else tab for tab in self.tabs]
        self._saved[new] = self._saved.pop(old, "")
        if old in self._drafts:
            self._drafts[new] = self._drafts.pop(old)
        self._mark_unsaved()
        self.document_version += 1  # a model left at the new name takes this file's text

    def _mark_unsaved(self) -> None:
        self.unsaved = [tab for tab in self.tabs if self._text(tab) != self._saved.get(tab)]


def files_matching(query: str, paths: list[str]) -> list[str]:
    """The paths holding the query's letters in order (case ignored): a name that holds the
    query as written first, then a path that does, then the rest, shorter paths first."""
    wanted = query.strip().lower()

    def in_order(path: str) -> bool:
        letters = iter(path.lower())
        return all(letter in letters for letter in wanted)

    def rank(path: str) -> tuple[bool, bool, int, str]:
        name = PurePosixPath(path).name.lower()
        return (wanted not in name, wanted not in path.lower(), len(path), path)

    return sorted((path for path in paths if in_order(path)), key=rank)
