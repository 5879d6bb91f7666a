"""Password reset by a six-digit code sent by e-mail."""

import random
import string
from datetime import UTC, datetime, timedelta

from flask import Blueprint, jsonify, request

from .db import db
from .mail import send_reset_code
from .models import Member, ResetCode

reset = Blueprint("reset", __name__, url_prefix="/password-reset")

CODE_LIFETIME = timedelta(minutes=15)


def new_reset_code() -> str:
    return "".join(random.choices(string.digits, k=6))


@reset.post("/")
def request_reset():
    email = request.get_json().get("email", "")
    member = db.session.execute(db.select(Member).filter_by(email=email)).scalar_one_or_none()
    if member is not None:
        code = ResetCode(
            member_id=member.id,
            code=new_reset_code(),
            expires_at=datetime.now(UTC) + CODE_LIFETIME,
        )
        db.session.add(code)
        db.session.commit()
        send_reset_code(member.email, code.code)
    # Same answer whether or not the address exists.
    return jsonify(status="sent"), 202
