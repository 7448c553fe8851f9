"""What is this secret, when it is not a registration key? Shapes GLPI gives its other secrets."""

from __future__ import annotations

import re
import unicodedata

from .crypto.backend import KEY_BYTES, NONCE_BYTES, TAG_BYTES
from .findings import spec
from .report import Finding
from .wording import counted, secret_size

ENCRYPTED_OVERHEAD = NONCE_BYTES + TAG_BYTES  # GLPI stores nonce ‖ ciphertext ‖ tag

HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
RANDOM_STRING_40 = re.compile(r"[0-9a-z]{40}")   # Toolbox::getRandomString(40)
JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
TOKEN_LABEL = re.compile(r"token|authorization|bearer", re.IGNORECASE)
# A word of ordinary text: letters of any script, maybe joined by an apostrophe or a hyphen,
# with the quotes and punctuation prose puts around words.
WORD = re.compile(r"[(\"'\u00ab\u201c\u2018\u201e]*[^\W\d_]+(?:['\u2019-][^\W\d_]+)*"
                  r"[.,;:!?)\"'\u00bb\u201d\u2019\u2026]*")
# What a secret looks like once split: a long run of base64 characters that is not a word.
VALUE_LIKE = re.compile(r"[A-Za-z0-9+/=_-]{16,}")

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
    # Every character that passes for an ASCII letter or digit is assigned, so it has a name.
    listed = "; ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch)} looks like \"{ascii}\""
        for ch, ascii in seen.items())
    return spec("paste-lookalike-characters").finding(f"Found {listed}.")


def _is_word(piece: str) -> bool:
    if not WORD.fullmatch(piece):
        return False
    letters = "".join(ch for ch in piece if ch.isalpha())
    # "AbCdEfGh…" is base64, not a word: words are lower case, Title case or CAPITALS.
    return letters.islower() or letters.isupper() or letters[:1].isupper() and letters[1:].islower()


def _is_value_like(piece: str) -> bool:
    return bool(VALUE_LIKE.fullmatch(piece)) and not _is_word(piece)


def prose_finding(pieces: list[str]) -> Finding | None:
    """Ordinary words ("hello world", a sentence, GLPI's message) are text, not several values:
    most pieces are words and none looks like a secret."""
    if len(pieces) < 2 or any(_is_value_like(piece) for piece in pieces):
        return None
    if 2 * sum(1 for piece in pieces if _is_word(piece)) < len(pieces):
        return None
    return spec("identified-unknown").finding(
        f"Ordinary text: {len(pieces)} words separated by spaces. A registration key is one "
        "unbroken run of base64 characters (letters, digits, \"+\", \"/\") with no spaces.")


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
            f"{how} {len(decoded)} bytes of binary data: a 24-byte nonce, {counted(plaintext, 'byte')} "
            f"of ciphertext and a 16-byte tag, so it holds {secret_size(plaintext)}.")
    return None


def key_vs_keyfile() -> Finding:
    return spec("key-vs-keyfile").finding("You may have pasted one for the other.")
