"""Lets integrators send a sample event to their webhook endpoint."""

from urllib.parse import urlsplit

import requests
from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required

webhooks = Blueprint("webhooks", __name__, url_prefix="/integrations/webhooks")

SAMPLE_EVENT = {"type": "order.created", "data": {"id": "ord_123", "total": "42.00"}}
CHAT_HOSTS = {"hooks.slack.com", "outlook.office.com", "discord.com"}


@webhooks.post("/test")
@login_required
def send_test_event():
    target = request.get_json()["url"]
    response = requests.post(target, json=SAMPLE_EVENT, timeout=5)
    return jsonify(status=response.status_code, body=response.text[:500])


@webhooks.post("/chat/test")
@login_required
def send_chat_test():
    target = request.get_json().get("url", "")
    parts = urlsplit(target)
    if parts.scheme != "https" or parts.hostname not in CHAT_HOSTS:
        return jsonify(error="only Slack, Teams and Discord webhooks are supported"), 400
    text = f"Test message for {current_user.organisation.name}"
    response = requests.post(target, json={"text": text}, timeout=5)
    return jsonify(status=response.status_code)
