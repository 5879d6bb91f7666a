"""Serves finished CSV exports from the shared export volume."""

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse

router = APIRouter(prefix="/exports")

EXPORT_ROOT = Path("/srv/exports")


@router.get("/{account}/{filename}")
def download_export(account: str, filename: str):
    path = EXPORT_ROOT / account / filename
    if not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="text/csv", filename=path.name)


@router.get("/{account}/{filename}/preview", response_class=PlainTextResponse)
def preview_export(account: str, filename: str, lines: int = 20):
    root = EXPORT_ROOT.resolve()
    path = (root / account / filename).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise HTTPException(status_code=404)
    head = []
    with path.open(encoding="utf-8") as handle:
        for _, line in zip(range(lines), handle, strict=False):
            head.append(line)
    return "".join(head)
