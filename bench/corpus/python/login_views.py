"""Sign-in and sign-out for the customer portal."""

from datetime import timedelta
from urllib.parse import urlparse

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user

from .accounts import authenticate, issue_remember_token

auth = Blueprint("auth", __name__)

REMEMBER_FOR = timedelta(days=30)


def _is_local(target: str) -> bool:
    parts = urlparse(target)
    return not parts.scheme and not parts.netloc and target.startswith("/")


@auth.post("/login")
def login():
    user = authenticate(request.form["email"], request.form["password"])
    if user is None:
        flash("Wrong e-mail or password")
        return render_template("auth/login.html"), 401
    login_user(user)
    response = redirect(request.args.get("next") or url_for("portal.home"))
    if request.form.get("remember"):
        response.set_cookie(
            "remember_token", issue_remember_token(user), max_age=REMEMBER_FOR.total_seconds()
        )
    return response


@auth.post("/login/sso-complete")
def sso_complete():
    user = authenticate(request.form["email"], request.form["password"])
    if user is None:
        return render_template("auth/login.html"), 401
    login_user(user)
    target = request.form.get("next", "")
    response = redirect(target if _is_local(target) else url_for("portal.home"))
    response.set_cookie(
        "remember_token",
        issue_remember_token(user),
        max_age=REMEMBER_FOR.total_seconds(),
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return response


@auth.get("/logout")
def logout():
    logout_user()
    response = redirect(url_for("auth.login"))
    response.delete_cookie("remember_token")
    return response
