"""Internal endpoint where batch workers hand back finished jobs."""

import pickle

import yaml
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Job


@csrf_exempt
@require_POST
def complete_job(request, job_id):
    result = pickle.loads(request.body)
    job = Job.objects.get(pk=job_id)
    job.status = "done"
    job.rows_written = result["rows_written"]
    job.save(update_fields=["status", "rows_written"])
    return JsonResponse({"job": job.pk, "status": job.status})


@csrf_exempt
@require_POST
def update_job_settings(request, job_id):
    try:
        options = yaml.load(request.body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return JsonResponse({"error": "settings must be YAML"}, status=400)
    job = Job.objects.get(pk=job_id)
    job.retries = int(options.get("retries", job.retries))
    job.priority = int(options.get("priority", job.priority))
    job.save(update_fields=["retries", "priority"])
    return JsonResponse({"job": job.pk, "retries": job.retries, "priority": job.priority})
