"""/editor: write or upload code, submit it, watch the review arrive live, apply fixes."""

from functools import partial
from pathlib import PurePath

import reflex as rx

from review_app import routes
from review_app.components.code_editor import code_editor, framed
from review_app.components.job_list import job_list
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.review_panel import review_panel
from review_app.request_ids import in_request, new_request_id
from review_app.review.errors import InvalidSubmissionError
from review_app.review.languages import SUPPORTED_LANGUAGES, language_for_filename
from review_app.review.validation import validate_code
from review_app.services.errors import ServiceError
from review_app.services.reviews import submissions as reviews
from review_app.settings import get_settings
from review_app.state.jobs import JobsState
from review_app.state.review_view import ReviewViewState
from review_app.state.session import SessionState, client_ip_of

UPLOAD_ID = "code_file"


def _in_words(size: int) -> str:
    """A size in bytes as a person reads it: exact under a kilobyte, in KB above."""
    return f"{size} bytes" if size < 1000 else f"{size / 1000:.1f} KB"


class EditorState(rx.State):
    """The code being written, its language and file name, and submission errors."""

    # The draft lives in the tab's sessionStorage too: a reload brings it back (per tab).
    language: str = rx.SessionStorage("python", name="review_app_draft_language")
    filename: str = rx.SessionStorage("", name="review_app_draft_filename")
    code: str = rx.SessionStorage("", name="review_app_draft_code")
    document: str = ""
    document_version: int = 0
    error: str = ""
    notice: str = ""
    submitting: bool = False

    @rx.var
    def size_bytes(self) -> int:
        """The code's size in UTF-8 bytes."""
        return len(self.code.encode())

    @rx.var
    def size_label(self) -> str:
        """The size against the limit, in words."""
        return f"{_in_words(self.size_bytes)} of {_in_words(get_settings().max_code_bytes)}"

    @rx.var
    def too_large(self) -> bool:
        """Whether the code is over the size limit."""
        return self.size_bytes > get_settings().max_code_bytes

    @rx.event
    def set_code(self, code: str) -> None:
        """The editor's text, after typing pauses."""
        self.code = code

    @rx.event
    def set_language(self, language: str) -> None:
        """Pick the language by hand."""
        if language in SUPPORTED_LANGUAGES:
            self.language = language

    @rx.event
    def set_filename(self, filename: str) -> None:
        """Name the file; its extension picks the language, or the page says it cannot."""
        self.filename = filename[:255]
        detected = language_for_filename(self.filename)
        suffix = PurePath(self.filename).suffix
        self.notice = ""
        if detected:
            self.language = detected
        elif suffix:
            self.notice = (
                f"{suffix} is not a language review_app reviews: the code will be reviewed as "
                f"{self.language}. Pick another language if that is wrong."
            )

    @rx.event
    def restore_draft(self) -> None:
        """On page load: show the tab's draft again after a reload."""
        if self.code and self.document != self.code:
            self.document = self.code
            self.document_version += 1

    @rx.event
    async def open_job(self, review_id: str) -> None:
        """Open a job: its review beside its own code, in the editor (Ctrl/Cmd+Z goes back)."""
        view = await self.get_state(ReviewViewState)
        await view._open(review_id)
        if view.review_id:  # always: the editor may hold typing not yet sent here
            self.filename = view.filename
            self.language = view.language
            self._replace_document(view.code)
            self.notice = "The job's code is in the editor; Ctrl/Cmd+Z brings back yours."

    @rx.event
    async def submit(self, code: str | None = None):
        """Send the code for review (Ctrl/Cmd+Enter passes the editor's exact text)."""
        if code is not None:
            self.code = code
        self.error = self.notice = ""
        self.submitting = True
        yield
        try:
            await self._submit()
        except ServiceError as error:
            self.error = str(error)
        except InvalidSubmissionError as error:
            self.error = str(error)
        finally:
            self.submitting = False

    async def _submit(self) -> None:
        user = await (await self.get_state(SessionState))._current_user()
        submit = partial(
            reviews.submit_review,
            user_id=user.id,
            language=self.language,
            code=self.code,
            filename=self.filename or None,
            client_ip=client_ip_of(self.router),
        )
        # No HTTP request here: the submission's own id follows it to the worker and back.
        submitted = await rx.run_in_thread(in_request(submit, new_request_id()))
        await (await self.get_state(JobsState)).load()
        await (await self.get_state(ReviewViewState))._open(str(submitted.id))

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Load a file into the editor (checked like a submission)."""
        self.error = self.notice = ""
        for file in files[:1]:
            name = file.name or ""
            if language_for_filename(name) is None:
                supported = ", ".join(SUPPORTED_LANGUAGES)
                self.error = f"{name}: this kind of file is not supported ({supported})."
                return
            try:
                text = validate_code(await file.read(), get_settings().max_code_bytes)
            except InvalidSubmissionError as error:
                self.error = f"{name}: {error}"
                return
            self.set_filename(name)
            self._replace_document(text)

    @rx.event
    async def apply_fix(self, index: int) -> None:
        """Apply a finding's suggested diff to the editor's text (undo with Ctrl/Cmd+Z)."""
        fixed = (await self.get_state(ReviewViewState))._fixed(index, self.code)
        if fixed is None:
            self.error = "This fix no longer applies: the code changed since the review."
            return
        self.error = ""
        self.notice = "Fix applied. Submit again to see what changed."
        self._replace_document(fixed)

    @rx.event
    async def apply_safe_fixes(self) -> None:
        """Apply every fix its tool vouches for, in one undoable step."""
        view = await self.get_state(ReviewViewState)
        code, applied, skipped = self.code, 0, 0
        for index in view._safe_fixes():
            fixed = view._fixed(index, code)
            applied, skipped = (applied + 1, skipped) if fixed else (applied, skipped + 1)
            code = fixed or code
        self.error = ""
        self.notice = f"Applied {applied} safe fix{'es' if applied != 1 else ''}." + (
            f" {skipped} no longer applied." if skipped else ""
        )
        if applied:
            self._replace_document(code)

    def _replace_document(self, text: str) -> None:
        self.code = self.document = text
        self.document_version += 1


def _toolbar() -> rx.Component:
    return rx.flex(
        labeled(
            "File name",
            rx.input(
                value=EditorState.filename,
                on_change=EditorState.set_filename,
                placeholder="e.g. shop.py",
                aria_label="File name",
            ),
        ),
        labeled(
            "Language",
            rx.select(
                SUPPORTED_LANGUAGES,
                value=EditorState.language,
                on_change=EditorState.set_language,
                aria_label="Language",
            ),
        ),
        rx.upload.root(
            rx.button("Upload a file", variant="soft", type="button"),
            id=UPLOAD_ID,
            multiple=False,
            max_files=1,
            on_drop=EditorState.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            aria_label="Upload a file",
        ),
        rx.spacer(),
        rx.text(
            EditorState.size_label,
            size="2",
            color_scheme=rx.cond(EditorState.too_large, "red", "gray"),
            aria_label="Code size",
        ),
        rx.button(
            "Submit for review",
            rx.el.kbd("Ctrl+Enter", font_size="0.75em", opacity="0.8"),
            loading=EditorState.submitting,
            disabled=EditorState.too_large,
            on_click=rx.call_script(
                "window.reviewAppEditor ? window.reviewAppEditor.getValue() : ''",
                callback=EditorState.submit,
            ),
        ),
        spacing="3",
        align="end",
        wrap="wrap",
        width="100%",
    )


@page(
    routes.EDITOR, "Editor", on_load=[JobsState.load, EditorState.restore_draft], nav=(1, "Editor")
)
def editor_page() -> rx.Component:
    """The workspace: editor and toolbar, live jobs, the open review."""
    return rx.vstack(
        rx.heading("Editor", size="6"),
        _toolbar(),
        messages(EditorState.error, EditorState.notice),
        rx.grid(
            framed(
                code_editor(
                    document=EditorState.document,
                    document_version=EditorState.document_version,
                    language=EditorState.language,
                    markers=rx.cond(
                        ReviewViewState.code == EditorState.code, ReviewViewState.markers, []
                    ),
                    reveal_line=ReviewViewState.reveal_line,
                    reveal_version=ReviewViewState.reveal_version,
                    on_change=EditorState.set_code,
                    on_submit=EditorState.submit,
                    on_apply_fix=EditorState.apply_fix,
                    aria_label="Code to review",
                ),
            ),
            job_list(EditorState.open_job),
            columns=rx.breakpoints(initial="1", md="3fr 1fr"),
            spacing="4",
            width="100%",
        ),
        rx.cond(
            (ReviewViewState.safe_fix_count > 0) & (ReviewViewState.code == EditorState.code),
            rx.button(
                f"Apply all safe fixes ({ReviewViewState.safe_fix_count})",
                variant="soft",
                on_click=EditorState.apply_safe_fixes,
            ),
        ),
        review_panel(apply_fix=EditorState.apply_fix),
        spacing="4",
        width="100%",
    )
