"""PHP's `base64_decode($s)` without strict mode, the call GLPI makes before decrypting.

GLPI's `GLPIKey::decrypt()` and `decryptUsingLegacyKey()` call `base64_decode($string)` with
strict mode off. In that mode PHP (ext/standard/base64.c) skips every character outside the
base64 alphabet, skips "=" wherever it is, decodes the rest, and drops a last lone character.
It never fails, so GLPI's "Unable to base64_decode the string" warning cannot be reached
through it (INFERRED from the code; no GLPI statement says so).
"""

from __future__ import annotations

import base64
import re

_NOT_ALPHABET = re.compile(r"[^A-Za-z0-9+/]")


def php_lenient_decode(text: str) -> bytes:
    """Bytes PHP's non-strict base64_decode returns for `text`."""
    data = _NOT_ALPHABET.sub("", text)
    if len(data) % 4 == 1:
        data = data[:-1]  # 6 bits cannot make a byte: PHP drops them
    return base64.b64decode(data + "=" * (-len(data) % 4))


def skipped_characters(text: str) -> list[str]:
    """The characters outside the base64 alphabet that PHP skips: not whitespace, not "="."""
    return [ch for ch in text if _NOT_ALPHABET.match(ch) and ch not in " \t\r\n="]
