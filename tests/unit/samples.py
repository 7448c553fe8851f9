"""Realistic registration keys for tests: base64 of JSON with a signature, as GLPI documents.

The members besides `signature` are made up (GLPI Network's schema is not public); what
matters is the shape: padded standard base64 that uses "+" and "/".
"""

import base64
import hashlib
import json

# The public test key of GLPI's own suite (tests/functional/GLPIKeyTest.php), never a secret.
GLPI_KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")


def make_key(members: dict | None = None, signature_bytes: int = 256, padding: int = 2) -> str:
    """A well-formed key; `padding` picks how many "=" it ends with (0, 1 or 2)."""
    document = {"email": "admin@example.org", "subscription": "standard", "ctime": 1700000000,
                "note": "~~~???>>>"}  # characters whose base64 holds "+" and "/"
    document.update(members or {})
    for extra in range(64):
        signature = base64.b64encode(hashlib.sha512(str(extra).encode()).digest() * (signature_bytes // 64)).decode()
        text = json.dumps({"pad": "x" * extra, **document, "signature": signature}, separators=(",", ":"))
        key = base64.b64encode(text.encode()).decode()
        if len(key) - len(key.rstrip("=")) == padding and "+" in key and "/" in key:
            return key
    raise AssertionError("no sample key with the wanted padding")


KEY = make_key()                    # ends with "==", holds "+" and "/"
KEY_ONE_PAD = make_key(padding=1)
KEY_NO_PAD = make_key(padding=0)
