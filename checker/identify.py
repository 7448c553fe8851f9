"""What is this secret, when it is not a registration key? Shapes GLPI gives its other secrets."""

from __future__ import annotations

import re
import unicodedata

from .crypto.backend import KEY_BYTES, NONCE_BYTES, TAG_BYTES
from .findings import spec
from .report import Finding

ENCRYPTED_OVERHEAD = NONCE_BYTES + TAG_BYTES  # GLPI stores nonce ‖ ciphertext ‖ tag

HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
RANDOM_STRING_40 = re.compile(r"[0-9a-z]{40}")   # Toolbox::getRandomString(40)
JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
TOKEN_LABEL = re.compile(r"token|authorization|bearer", re.IGNORECASE)

# Letters that pass for ASCII in most fonts. NFKC covers full-width forms on its own.
LOOKALIKES = dict(zip(
    "аеорсухіјѕԁһԛԝАВЕКМНОРСТХІЈЅοαενιρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwABEKMHOPCTXIJSoaeviptuxABEZHIKMNOPTYX",
))


def lookalike_finding(text: str) -> Finding | None:
    if text.isascii():
        return None
    seen: dict[str, str] = {}
    for ch in text:
        if ch.isascii() or not (ch.isalnum()):
            continue
        ascii_form = LOOKALIKES.get(ch) or unicodedata.normalize("NFKC", ch)
        if ascii_form.isascii() and ascii_form.isalnum():
            seen[ch] = ascii_form
    if not seen:
        return None
    listed = "; ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')} looks like \"{ascii}\""
        for ch, ascii in seen.items())
    return spec("paste-lookalike-characters").finding(f"Found {listed}.")


def text_shape(text: str, labels: list[str]) -> tuple[str, Finding] | None:
    """Secrets recognised by their text alone, before any base64 reading."""
    if HEX_KEY.fullmatch(text):
        return "glpicrypt-key", spec("identified-glpicrypt-key").finding(
            "64 hexadecimal characters: the 32 bytes of a glpicrypt.key written as hex (as "
            "`xxd -p` or PHP's bin2hex print them). GLPI itself needs the raw 32 bytes in the file.")
    if JWT.fullmatch(text):
        return "api-token", spec("identified-api-token").finding(
            "Three dot-separated base64url parts starting \"eyJ\": a JSON Web Token, the form of "
            "GLPI 11's OAuth access tokens.")
    if RANDOM_STRING_40.fullmatch(text):
        if any(TOKEN_LABEL.search(label) for label in labels):
            return "api-token", spec("identified-api-token").finding(
                f"40 lowercase letters and digits, copied with the label \"{labels[-1]}\": "
                "a GLPI user or application token.")
        return "instance-uid", spec("identified-instance-uid").finding(
            "40 characters, all lowercase letters and digits.")
    return None


def binary_shape(decoded: bytes, how: str) -> tuple[str, Finding] | None:
    """Secrets recognised by the bytes they decode to (`how` says how they were read)."""
    if len(decoded) == KEY_BYTES:
        return "glpicrypt-key", spec("identified-glpicrypt-key").finding(
            f"{how} exactly 32 bytes of binary data: the size of a glpicrypt.key.")
    if len(decoded) >= ENCRYPTED_OVERHEAD:
        plaintext = len(decoded) - ENCRYPTED_OVERHEAD
        return "encrypted-value", spec("identified-encrypted-value").finding(
            f"{how} {len(decoded)} bytes of binary data: a 24-byte nonce, {plaintext} bytes of "
            f"ciphertext and a 16-byte tag, so it holds a {plaintext}-byte secret.")
    return None


def key_vs_keyfile() -> Finding:
    return spec("key-vs-keyfile").finding("You may have pasted one for the other.")
