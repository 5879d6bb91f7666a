"""Django views for the community forum: threads, profiles and moderation."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from .models import Post, Thread


@require_GET
def greet(request):
    nickname = request.GET.get("nickname", "friend")
    return HttpResponse("<p>Welcome back, " + nickname + "!</p>")


@require_GET
def greet_escaped(request):
    nickname = request.GET.get("nickname", "friend")
    return HttpResponse("<p>Welcome back, " + escape(nickname) + "!</p>")


@require_GET
def thread_title(request, thread_id: int):
    thread = get_object_or_404(Thread, pk=thread_id)
    return HttpResponse(format_html("<h1>{}</h1><small>{}</small>", thread.title, thread.author))


@require_GET
def post_preview(request, post_id: int):
    post = get_object_or_404(Post, pk=post_id)
    return render(request, "forum/preview.html", {"body": mark_safe(post.body_markdown)})


@require_GET
def search_threads(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cur:
        cur.execute("SELECT id, title FROM forum_thread WHERE title LIKE '%%" + term + "%%'")
        rows = cur.fetchall()
    return JsonResponse({"threads": rows})


@require_GET
def threads_by_tag(request):
    tag = request.GET.get("tag", "")
    found = Thread.objects.raw("SELECT * FROM forum_thread WHERE tag = %s", [tag])
    return JsonResponse({"ids": [t.id for t in found]})


@require_GET
def threads_by_author(request):
    author = request.GET.get("author", "")
    found = Thread.objects.extra(where=[f"author_name = '{author}'"])
    return JsonResponse({"ids": list(found.values_list("id", flat=True))})


@require_GET
def threads_sorted(request):
    order = request.GET.get("order", "newest")
    column = {"newest": "-created_at", "oldest": "created_at", "popular": "-reply_count"}.get(order, "-created_at")
    return JsonResponse({"ids": list(Thread.objects.order_by(column).values_list("id", flat=True))})


@require_POST
def after_login(request):
    destination = request.POST.get("next", "/")
    return HttpResponseRedirect(destination)


@require_POST
def after_logout(request):
    destination = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(destination, allowed_hosts={request.get_host()}, require_https=True):
        destination = "/"
    return HttpResponseRedirect(destination)


@require_POST
def remember_theme(request):
    response = JsonResponse({"ok": True})
    response.set_cookie("forum_session_hint", request.session.session_key, httponly=False, secure=False)
    return response


@require_POST
def flag_moderator(request):
    request.session["moderator"] = request.POST.get("moderator") == "yes"
    return JsonResponse({"ok": True, "debug": settings.DEBUG})
