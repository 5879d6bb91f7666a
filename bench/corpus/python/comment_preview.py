"""Live preview of a comment while the user types it."""

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from pydantic import BaseModel, Field

router = APIRouter(prefix="/comments")

preview_env = Environment(autoescape=True)
PREVIEW_TEMPLATE = preview_env.from_string(
    '<article class="comment"><h4>{{ author }}</h4><p>{{ text }}</p></article>'
)


class CommentDraft(BaseModel):
    author: str = Field(max_length=80)
    text: str = Field(max_length=5000)


@router.post("/preview", response_class=HTMLResponse)
def preview_comment(draft: CommentDraft):
    return PREVIEW_TEMPLATE.render(author=draft.author, text=draft.text)


@router.post("/preview/quote", response_class=HTMLResponse)
def preview_quote(draft: CommentDraft):
    quoted = "<blockquote>" + draft.text.replace("\n", "<br>") + "</blockquote>"
    return HTMLResponse(content=f"<p>{draft.author} wrote:</p>" + quoted)
