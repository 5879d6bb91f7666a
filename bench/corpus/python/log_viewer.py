"""Staff-only viewer for application log files."""

import os

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse

TAIL_BYTES = 64 * 1024


def _tail(handle, size: int = TAIL_BYTES) -> bytes:
    handle.seek(0, os.SEEK_END)
    handle.seek(max(handle.tell() - size, 0))
    return handle.read()


@staff_member_required
def view_log(request):
    service = request.GET.get("service", "web")
    log_path = f"{settings.LOG_DIR}/{service}.log"
    try:
        with open(log_path, "rb") as handle:
            data = _tail(handle)
    except FileNotFoundError as exc:
        raise Http404("no such log") from exc
    return HttpResponse(data, content_type="text/plain; charset=utf-8")


@staff_member_required
def view_rotated_log(request):
    name = os.path.basename(request.GET.get("file", ""))
    log_dir = os.path.realpath(settings.LOG_DIR)
    log_path = os.path.realpath(os.path.join(log_dir, "archive", name))
    if os.path.commonpath([log_dir, log_path]) != log_dir:
        raise Http404("no such log")
    try:
        with open(log_path, "rb") as handle:
            data = _tail(handle)
    except FileNotFoundError as exc:
        raise Http404("no such log") from exc
    return HttpResponse(data, content_type="text/plain; charset=utf-8")
