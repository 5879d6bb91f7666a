"""Multi-step onboarding wizard for new workspaces."""

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_login import login_required

onboarding = Blueprint("onboarding", __name__, url_prefix="/welcome")

PLANS = {"starter": 0, "team": 29, "business": 99}
STEPS = ("workspace", "plan", "invite")


@onboarding.get("/<step>")
@login_required
def show_step(step: str):
    if step not in STEPS:
        abort(404)
    return render_template(f"onboarding/{step}.html", plans=PLANS, state=session.get("wizard", {}))


@onboarding.post("/workspace")
@login_required
def save_workspace():
    wizard = session.setdefault("wizard", {})
    wizard["workspace_name"] = request.form["workspace_name"].strip()[:60]
    session["workspace_role"] = request.form.get("role", "member")
    session.modified = True
    return redirect(url_for("onboarding.show_step", step="plan"))


@onboarding.post("/plan")
@login_required
def save_plan():
    plan = request.form.get("plan", "starter")
    if plan not in PLANS:
        abort(400)
    session["plan"] = plan
    return redirect(url_for("onboarding.show_step", step="invite"))
