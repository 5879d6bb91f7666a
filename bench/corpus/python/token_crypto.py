"""Encrypts third-party API tokens before they are stored in the database."""

import base64
import os

from Crypto.Cipher import AES, DES
from Crypto.Util.Padding import pad, unpad


class LegacyTokenCipher:
    """Reads and writes tokens in the format the 2016 billing system used."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 8:
            raise ValueError("legacy keys are 8 bytes")
        self._key = key

    def encrypt(self, token: str) -> str:
        cipher = DES.new(self._key, DES.MODE_ECB)
        return base64.b64encode(cipher.encrypt(pad(token.encode(), DES.block_size))).decode()

    def decrypt(self, stored: str) -> str:
        cipher = DES.new(self._key, DES.MODE_ECB)
        return unpad(cipher.decrypt(base64.b64decode(stored)), DES.block_size).decode()


class TokenCipher:
    """AES-GCM with a random nonce stored beside the ciphertext and tag."""

    def __init__(self, key: bytes) -> None:
        if len(key) not in (16, 24, 32):
            raise ValueError("AES keys are 16, 24 or 32 bytes")
        self._key = key

    def encrypt(self, token: str) -> str:
        nonce = os.urandom(12)
        cipher = AES.new(self._key, AES.MODE_GCM, nonce=nonce)
        ciphertext, tag = cipher.encrypt_and_digest(token.encode())
        return base64.b64encode(nonce + tag + ciphertext).decode()

    def decrypt(self, stored: str) -> str:
        blob = base64.b64decode(stored)
        nonce, tag, ciphertext = blob[:12], blob[12:28], blob[28:]
        cipher = AES.new(self._key, AES.MODE_GCM, nonce=nonce)
        return cipher.decrypt_and_verify(ciphertext, tag).decode()
