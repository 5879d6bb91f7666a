"""Health and preview proxies for the internal service catalogue."""

import requests
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

SERVICE_HEALTH_URLS = {
    "billing": "http://billing.internal:8080/healthz",
    "search": "http://search.internal:9200/_cluster/health",
    "mailer": "http://mailer.internal:8025/api/v2/status",
}


@login_required
def service_status(request):
    host = request.GET.get("host", "")
    try:
        reply = requests.get(f"http://{host}/healthz", timeout=3)
    except requests.RequestException as exc:
        return JsonResponse({"host": host, "up": False, "error": str(exc)}, status=502)
    return JsonResponse({"host": host, "up": reply.ok, "status": reply.status_code})


@login_required
def catalogue_status(request, service):
    url = SERVICE_HEALTH_URLS.get(service)
    if url is None:
        return JsonResponse({"error": "unknown service"}, status=404)
    try:
        reply = requests.get(url, timeout=3)
    except requests.RequestException:
        return JsonResponse({"service": service, "up": False}, status=502)
    return JsonResponse({"service": service, "up": reply.ok})
