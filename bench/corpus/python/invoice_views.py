"""Billing views: invoice lookup and the after-payment return flow."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .models import Invoice


def _invoice_payload(invoice: Invoice) -> dict:
    return {
        "number": invoice.number,
        "amount": str(invoice.amount),
        "status": invoice.status,
        "due": invoice.due_date.isoformat(),
    }


@login_required
def invoice_by_number(request, number):
    invoices = Invoice.objects.raw(
        "SELECT * FROM billing_invoice WHERE number = '%s' AND account_id = %d"
        % (number, request.user.account_id)
    )
    found = list(invoices)
    if not found:
        raise Http404("No such invoice")
    return JsonResponse(_invoice_payload(found[0]))


@login_required
def invoices_for_period(request):
    start = request.GET.get("from")
    end = request.GET.get("to")
    invoices = Invoice.objects.raw(
        "SELECT * FROM billing_invoice WHERE account_id = %s AND issued_on BETWEEN %s AND %s",
        [request.user.account_id, start, end],
    )
    return JsonResponse({"invoices": [_invoice_payload(inv) for inv in invoices]})


@login_required
def payment_complete(request):
    return_to = request.GET.get("return_to", "/billing/")
    messages_url = return_to + ("&" if "?" in return_to else "?") + "paid=1"
    return HttpResponseRedirect(messages_url)


@login_required
def payment_cancelled(request):
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts=settings.ALLOWED_HOSTS, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("billing:overview")
