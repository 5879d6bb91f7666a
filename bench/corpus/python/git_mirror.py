"""Views over the read-only mirror of the deployment repository."""

import os

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, JsonResponse

RELEASE_BRANCHES = {"main", "release", "hotfix"}


@staff_member_required
def branch_history(request):
    branch = request.GET.get("branch", "main")
    log = os.popen(f"git -C {settings.DEPLOY_MIRROR} log --oneline -n 50 {branch}").read()
    return HttpResponse(log, content_type="text/plain")


@staff_member_required
def release_diffstat(request):
    branch = request.GET.get("branch", "release")
    if branch not in RELEASE_BRANCHES:
        return JsonResponse({"error": "unknown branch"}, status=400)
    with os.popen(
        f"git -C {settings.DEPLOY_MIRROR} diff --stat origin/main...origin/{branch}"
    ) as pipe:
        stat = pipe.read()
    return HttpResponse(stat, content_type="text/plain")
