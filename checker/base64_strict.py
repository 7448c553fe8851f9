"""Base64 decoding with PHP's `base64_decode($s, true)` semantics, which GLPI relies on.

PHP's strict mode skips whitespace, rejects any other character outside the alphabet, rejects
data after "=" and a final group of one character, and accepts missing padding.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
STANDARD_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


@dataclass(frozen=True)
class Base64Error:
    reason: str  # "invalid-character" | "bad-padding" | "truncated"
    position: int = -1  # where an invalid character or a misplaced "=" stands
    character: str = ""  # the invalid character (a misplaced one is always "=")


def is_canonical(text: str) -> bool:
    """Padded standard base64 with nothing else: the form GLPI and GLPI Network produce."""
    return STANDARD_BASE64.fullmatch(text) is not None  # whole groups of 4 by construction


PHP_WHITESPACE = re.compile(r"[ \t\r\n]")


def php_strict_decode(text: str) -> bytes | Base64Error:
    data = PHP_WHITESPACE.sub("", text) if any(ch in text for ch in " \t\r\n") else text
    # Fast path at C speed for whole, padded groups. Python's strict mode accepts a stray "="
    # after a whole group ("QUJD=") where PHP does not, hence the length guard.
    if len(data) % 4 == 0 and not data.endswith("==="):
        try:
            return binascii.a2b_base64(data, strict_mode=True)
        except (binascii.Error, ValueError):
            pass  # say precisely why below
    body = data.rstrip("=")
    for position, ch in enumerate(body):
        if ch not in ALPHABET:
            if ch == "=":
                return Base64Error("bad-padding", position)
            return Base64Error("invalid-character", position, ch)
    padding = len(data) - len(body)
    if len(body) % 4 == 1:
        return Base64Error("truncated")
    if padding and (padding > 2 or (len(body) + padding) % 4):
        return Base64Error("bad-padding", len(body))
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except binascii.Error:  # pragma: no cover - excluded by the checks above
        return Base64Error("invalid-character")
