"""The encryption GLPI used before 9.5, which 9.5 and later still read to migrate old values.

Each byte of the base64-decoded value has a key byte subtracted, mod 256: the key byte at
index (i mod len(key)) - 1, where -1 is the last byte (PHP's substr with a negative start).
The key is config/glpi.key when it exists (GLPI 9.4.6 to 9.4.x), else GLPI's built-in
GLPIKEY. Not a cipher worth the name, only a way to read old values. Source: src/GLPIKey.php
`decryptUsingLegacyKey()` and `getLegacyKey()`, inc/define.php `GLPIKEY`.
"""

from __future__ import annotations

import base64

from .php_base64 import php_lenient_decode

GLPIKEY = "GLPI£i'snarss'ç"
DEFAULT_LEGACY_KEY = GLPIKEY.encode("utf-8")  # 17 bytes


def decrypt_legacy_bytes(value: str, legacy_key: bytes | None = None) -> bytes:
    """The bytes GLPI's legacy decryption gives, before any version-specific post-processing.

    GLPI 11 then turns "<" and ">" into "&lt;" and "&gt;" (older versions did otherwise), so
    the text GLPI stores after migrating may differ from these bytes in those characters.
    """
    key = DEFAULT_LEGACY_KEY if legacy_key is None else bytes(legacy_key)
    if not key:
        raise ValueError("the legacy key is empty: GLPI cannot use an empty glpi.key")
    data = php_lenient_decode(value)
    return bytes((byte - key[(i % len(key)) - 1]) % 256 for i, byte in enumerate(data))


def decrypt_legacy(value: str, legacy_key: bytes | None = None) -> str:
    """The legacy-decrypted text (bytes that are not UTF-8 show as U+FFFD)."""
    return decrypt_legacy_bytes(value, legacy_key).decode("utf-8", "replace")


def encrypt_legacy(plaintext: bytes, legacy_key: bytes | None = None) -> str:
    """The inverse, as GLPI before 9.5 stored values: for tests and simulations only."""
    key = DEFAULT_LEGACY_KEY if legacy_key is None else bytes(legacy_key)
    if not key:
        raise ValueError("the legacy key is empty")
    shifted = bytes((byte + key[(i % len(key)) - 1]) % 256 for i, byte in enumerate(plaintext))
    return base64.b64encode(shifted).decode("ascii")
