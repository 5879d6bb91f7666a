"""FastAPI endpoints that talk to partner systems: webhooks and XML order feeds."""

import ipaddress
import socket
from urllib.parse import urlparse

import defusedxml.ElementTree as SafeET
import httpx
import requests
from fastapi import FastAPI, HTTPException, Request
from lxml import etree
from pydantic import BaseModel

api = FastAPI()

PARTNER_HOSTS = {"hooks.partner-one.com", "api.partner-two.io"}


class WebhookTest(BaseModel):
    callback_url: str
    event: str = "ping"


@api.post("/partners/webhook-test")
async def webhook_test(body: WebhookTest):
    async with httpx.AsyncClient(timeout=5) as client:
        reply = await client.post(body.callback_url, json={"event": body.event})
    return {"status": reply.status_code}


@api.post("/partners/webhook-test-allowed")
async def webhook_test_allowed(body: WebhookTest):
    host = urlparse(body.callback_url).hostname
    if host not in PARTNER_HOSTS:
        raise HTTPException(status_code=400, detail="unknown partner")
    async with httpx.AsyncClient(timeout=5) as client:
        reply = await client.post(body.callback_url, json={"event": body.event})
    return {"status": reply.status_code}


@api.get("/partners/logo")
def fetch_logo(src: str):
    resp = requests.get(src, timeout=3)
    return {"bytes": len(resp.content)}


def _is_public(hostname: str) -> bool:
    addr = ipaddress.ip_address(socket.gethostbyname(hostname))
    return addr.is_global


@api.get("/partners/status")
def partner_status(partner: str):
    endpoint = "https://status.partner-one.com/api/v2/summary.json"
    if partner == "two":
        endpoint = "https://status.partner-two.io/summary"
    resp = requests.get(endpoint, timeout=3)
    return resp.json()


@api.post("/partners/orders.xml")
async def import_orders(request: Request):
    payload = await request.body()
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(payload, parser)
    return {"orders": len(root.findall("order"))}


@api.post("/partners/returns.xml")
async def import_returns(request: Request):
    payload = await request.body()
    root = SafeET.fromstring(payload)
    return {"returns": len(root.findall("return"))}


@api.post("/partners/catalog.xml")
async def import_catalog(request: Request):
    payload = await request.body()
    hardened = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(payload, hardened)
    return {"items": len(root)}
