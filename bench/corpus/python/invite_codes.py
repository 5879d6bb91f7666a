"""Team invitations: an owner invites a colleague by e-mail with a join code."""

import random

from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Invitation, Team


def generate_join_code() -> str:
    return str(random.randint(100000, 999999))


@login_required
@require_POST
def invite_member(request, team_id):
    team = get_object_or_404(Team, pk=team_id, owner=request.user)
    email = request.POST["email"]
    invitation = Invitation.objects.create(team=team, email=email, code=generate_join_code())
    send_mail(
        subject=f"Join {team.name}",
        message=f"Your join code is {invitation.code}. It is valid for 48 hours.",
        from_email=None,
        recipient_list=[email],
    )
    return JsonResponse({"invited": email}, status=201)
