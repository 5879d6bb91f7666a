"""Shopping-cart persistence: cookies, Redis snapshots and saved-cart imports."""

import base64
import hashlib
import hmac
import json
import os
import pickle

import redis
import yaml
from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
SNAPSHOT_KEY = os.environ["CART_SNAPSHOT_KEY"].encode()


@app.get("/cart/restore")
def restore_cart():
    blob = request.cookies.get("cart_blob", "")
    cart = pickle.loads(base64.b64decode(blob))
    return jsonify(items=len(cart))


@app.get("/cart/snapshot")
def load_snapshot():
    raw = request.cookies.get("cart_snapshot", "")
    payload, _, mac = raw.rpartition(".")
    expected = hmac.new(SNAPSHOT_KEY, payload.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return jsonify(error="tampered"), 400
    cart = pickle.loads(base64.urlsafe_b64decode(payload))
    return jsonify(items=len(cart))


@app.post("/cart/import")
def import_cart():
    doc = yaml.load(request.get_data(as_text=True), Loader=yaml.Loader)
    return jsonify(items=len(doc.get("items", [])))


@app.post("/cart/import-safe")
def import_cart_safe():
    doc = yaml.safe_load(request.get_data(as_text=True))
    return jsonify(items=len(doc.get("items", [])))


@app.post("/cart/import-json")
def import_cart_json():
    doc = json.loads(request.get_data(as_text=True))
    return jsonify(items=len(doc.get("items", [])))


@app.post("/cart/owner")
def set_cart_owner():
    session["cart_owner"] = request.form["owner_id"]
    session["cart_discount_tier"] = request.form.get("tier", "standard")
    return jsonify(ok=True)


@app.post("/cart/currency")
def set_currency():
    wanted = request.form.get("currency", "USD").upper()
    session["currency"] = wanted if wanted in {"USD", "EUR", "GBP"} else "USD"
    return jsonify(currency=session["currency"])


@app.get("/cart/worker-state")
def worker_state():
    raw = cache.get("cart-worker:state")
    state = json.loads(raw) if raw else {}
    return jsonify(state)
