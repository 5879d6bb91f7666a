"""Sign-up and profile endpoints for community accounts."""

import hashlib

from flask import Blueprint, jsonify, request
from sqlalchemy.exc import IntegrityError

from .db import db
from .models import Member

members = Blueprint("members", __name__, url_prefix="/members")


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()


def gravatar_url(email: str, size: int = 80) -> str:
    # Gravatar identifies an address by the MD5 of its trimmed, lower-cased form.
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


@members.post("/")
def sign_up():
    form = request.get_json()
    member = Member(
        email=form["email"],
        display_name=form["display_name"],
        password_hash=hash_password(form["password"]),
    )
    db.session.add(member)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return jsonify(error="e-mail already registered"), 409
    return jsonify(id=member.id, avatar=gravatar_url(member.email)), 201


@members.get("/<int:member_id>")
def profile(member_id: int):
    member = db.get_or_404(Member, member_id)
    return jsonify(display_name=member.display_name, avatar=gravatar_url(member.email, 200))
