"""Lets account managers preview customer e-mails before sending them."""

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required
from jinja2 import Environment, PackageLoader, Template, select_autoescape

previews = Blueprint("previews", __name__, url_prefix="/mail")

env = Environment(
    loader=PackageLoader("crm", "templates/mail"),
    autoescape=select_autoescape(["html"]),
)

SIGNATURE = "Kind regards,\n{{ sender.name }}\n{{ sender.title }}"


@previews.post("/preview")
@login_required
def preview_custom_message():
    body = request.form["body"]
    recipient = {"first_name": request.form.get("first_name", "customer")}
    rendered = Template(body).render(customer=recipient, sender=current_user)
    return jsonify(preview=rendered)


@previews.post("/preview/welcome")
@login_required
def preview_welcome():
    first_name = request.form.get("first_name", "customer")
    template = env.get_template("welcome.html")
    html = template.render(first_name=first_name, sender=current_user)
    signature = env.from_string(SIGNATURE).render(sender=current_user)
    return jsonify(preview=html, signature=signature)
