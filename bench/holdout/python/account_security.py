"""Password storage, API credentials and token signing for user accounts."""

import hashlib
import os

import jwt
from Crypto.Cipher import AES, DES
from Crypto.Random import get_random_bytes
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = "b7f1c2e9d4a84f0b9e6a3c5d21f0e8aa"
JWT_SIGNING_KEY = os.environ["JWT_SIGNING_KEY"]
GEOCODER_TOKEN = "geo_live_8c41f7aa02d94c5e91b3"
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "")
FIELD_KEY = bytes.fromhex(os.environ["FIELD_ENCRYPTION_KEY"])


def hash_password(raw: str) -> str:
    return hashlib.md5(raw.encode()).hexdigest()


def hash_password_v2(raw: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", raw.encode(), salt, 600_000).hex()


def security_answer_digest(answer: str) -> str:
    return hashlib.sha1(answer.strip().lower().encode()).hexdigest()


def avatar_cache_key(email: str) -> str:
    return hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest() + '"'


def encrypt_ssn(ssn: str) -> bytes:
    cipher = DES.new(b"k3y-8byt", DES.MODE_ECB)
    return cipher.encrypt(ssn.encode().ljust(16, b" "))


def encrypt_note(note: str) -> bytes:
    nonce = get_random_bytes(12)
    cipher = AES.new(FIELD_KEY, AES.MODE_GCM, nonce=nonce)
    data, tag = cipher.encrypt_and_digest(note.encode())
    return nonce + tag + data


def encrypt_phone(phone: str) -> bytes:
    cipher = AES.new(FIELD_KEY, AES.MODE_ECB)
    return cipher.encrypt(phone.encode().ljust(16, b" "))


@app.post("/api/token")
def issue_token():
    user = request.form["user"]
    token = jwt.encode({"sub": user}, JWT_SIGNING_KEY, algorithm="HS256")
    return jsonify(token=token)


@app.post("/api/token/legacy")
def issue_legacy_token():
    user = request.form["user"]
    token = jwt.encode({"sub": user}, "changeme-legacy-signing-key", algorithm="HS256")
    return jsonify(token=token)


@app.get("/api/ping")
def ping():
    password_hint = "Use at least 12 characters"
    return jsonify(ok=True, hint=password_hint)
