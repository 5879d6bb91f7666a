"""Thin client for the card processor's REST API."""

import os
from decimal import Decimal

import requests

API_BASE = "https://api.payments-processor.example/v2"
MERCHANT_ID = "acme-shop-eu"
API_SECRET = "psk_live_9f4Kx2QmT7vWb1Lz8Rc3Yd6Hn0Jp5Ae"


class PaymentClient:
    """Creates and refunds charges; amounts are in the currency's minor unit."""

    def __init__(self, secret: str = API_SECRET, timeout: float = 10.0) -> None:
        self._session = requests.Session()
        self._session.auth = (MERCHANT_ID, secret)
        self._timeout = timeout

    def charge(self, amount: Decimal, currency: str, card_token: str) -> dict:
        payload = {"amount": int(amount * 100), "currency": currency, "payment_method": card_token}
        reply = self._session.post(f"{API_BASE}/charges", json=payload, timeout=self._timeout)
        reply.raise_for_status()
        return reply.json()

    def refund(self, charge_id: str) -> dict:
        reply = self._session.post(f"{API_BASE}/charges/{charge_id}/refunds", timeout=self._timeout)
        reply.raise_for_status()
        return reply.json()


def sandbox_client() -> PaymentClient:
    return PaymentClient(secret=os.environ["PAYMENTS_SANDBOX_SECRET"])
