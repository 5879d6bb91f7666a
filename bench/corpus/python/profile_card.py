"""Template tags that render member profile cards in the forum."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

ROLE_COLOURS = {"moderator": "green", "admin": "red", "member": "grey"}


@register.simple_tag
def member_card(member):
    colour = ROLE_COLOURS.get(member.role, "grey")
    name = escape(member.display_name)
    return mark_safe(f'<span class="card card-{colour}">{name}</span>')


@register.simple_tag(takes_context=True)
def signature_preview(context):
    request = context["request"]
    signature = request.POST.get("signature", "")
    lines = signature.splitlines()[:4]
    return mark_safe("<br>".join(lines))


@register.filter
def join_roles(roles):
    return ", ".join(sorted(role.title() for role in roles))
