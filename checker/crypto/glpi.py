"""Encrypt and decrypt values exactly as GLPI 9.5+ does (GLPIKey::encrypt / ::decrypt).

Stored form: base64(nonce[24] ‖ ciphertext ‖ tag[16]), XChaCha20-Poly1305-IETF, with the
nonce also passed as additional data. Decryption follows GLPI's steps and tells apart the
cases GLPI logs, with GLPI's own words.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any

from ..base64_strict import Base64Error, is_canonical, php_strict_decode
from .. import glpi_texts as words
from ..wording import counted, secret_size
from . import backend
from .backend import KEY_BYTES, NONCE_BYTES, TAG_BYTES, AuthenticationFailed
from .php_base64 import php_lenient_decode, skipped_characters

PHP_EMPTY_STRINGS = ("", "0")  # PHP's empty() is true for both; GLPI returns them unchanged


@dataclass(frozen=True)
class DecryptResult:
    ok: bool
    plaintext: bytes | None
    error_code: str | None      # a findings code; None when ok
    message: str                # GLPI's own words for this outcome, or ours when GLPI has none
    detail: str                 # what was seen in this value, in plain words

    @property
    def code(self) -> str:
        """The findings catalogue's code for this outcome (the catalogue is not imported here:
        crypto sits below it)."""
        return self.error_code or "decrypt-ok"

    def to_dict(self, *, show_plaintext: bool = True) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ok": self.ok,
            "error_code": self.error_code,
            "message": self.message,
            "detail": self.detail,
            "plaintext_length": None if self.plaintext is None else len(self.plaintext),
        }
        if show_plaintext and self.plaintext is not None:
            result["plaintext"] = self.plaintext.decode("utf-8", "replace")
            result["plaintext_is_utf8"] = _is_utf8(self.plaintext)
        return result


def encrypt_value(plaintext: bytes, key: bytes, *, nonce: bytes | None = None) -> str:
    """The value GLPI would store for `plaintext`; a fresh random nonce unless one is given."""
    _check_key(key)
    nonce = os.urandom(NONCE_BYTES) if nonce is None else nonce
    sealed = backend.encrypt(key, nonce, bytes(plaintext), nonce)
    return base64.b64encode(nonce + sealed).decode("ascii")


def decrypt_value(value: str, key: bytes) -> DecryptResult:
    """Decrypt a stored value as GLPI 10.0+ does, saying why not when it cannot."""
    if len(key) != KEY_BYTES:
        return DecryptResult(False, None, "keyfile-wrong-size", words.LOG_KEYFILE_INVALID,
                             f"The key is {len(key)} bytes, not 32, so GLPI would not use it: it "
                             "would pass the stored value on without decrypting it.")
    if value in PHP_EMPTY_STRINGS:
        shown = "empty" if value == "" else '"0"'
        return DecryptResult(False, None, "decrypt-empty-value",
                             "Nothing to decrypt: GLPI returns this value unchanged.",
                             f"The value is {shown}.")

    strict = php_strict_decode(value)
    stray = skipped_characters(value) if isinstance(strict, Base64Error) else []
    raw = php_lenient_decode(value)  # what GLPI works on, stray characters dropped
    if len(raw) < NONCE_BYTES:
        return _failure(stray, "decrypt-no-nonce", words.LOG_DECRYPT_NO_NONCE,
                        f"It decodes to {len(raw)} bytes, fewer than the 24 of a nonce.")
    nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
    if len(sealed) < TAG_BYTES:  # libsodium refuses it before any decryption
        return _failure(stray, "decrypt-failed", words.LOG_DECRYPT_FAILED,
                        f"It decodes to {len(raw)} bytes: a nonce and {len(sealed)} more, too few "
                        "for the 16-byte tag, so it is cut short.")
    try:
        plaintext = backend.decrypt(key, nonce, sealed, nonce)
    except AuthenticationFailed:
        why = (f"It decodes to {len(raw)} bytes (a nonce, {counted(len(sealed) - TAG_BYTES, 'byte')} "
               "of ciphertext and a tag), but the tag does not match with this key.")
        if isinstance(strict, bytes) and not is_canonical("".join(value.split())):
            why += (" Its base64 text is not whole groups of 4 characters with their \"=\" "
                    "padding: it was probably cut short.")
        return _failure(stray, "decrypt-failed", words.LOG_DECRYPT_FAILED, why)
    detail = f"Decrypted {secret_size(len(plaintext))}."
    if stray:
        detail += (f" GLPI skips the {_listed(stray)} in it, as this check did; copy the value "
                   f"again without {_them(stray)}.")
    return DecryptResult(True, plaintext, None, "Decrypted.", detail)


def _failure(stray: list[str], code: str, glpi_message: str, why: str) -> DecryptResult:
    if stray:
        why = (f"The value holds {_listed(stray)}. GLPI's lenient base64 decoding skips "
               f"{_them(stray)}; then: {why[0].lower()}{why[1:]}")
        return DecryptResult(False, None, "decrypt-not-base64", glpi_message, why)
    return DecryptResult(False, None, code, glpi_message, why)


def _listed(stray: list[str]) -> str:
    shown = sorted(set(stray))
    names = ", ".join(repr(ch) for ch in shown[:5]) + (", …" if len(shown) > 5 else "")
    return f"{counted(len(stray), 'character')} outside the base64 alphabet ({names})"


def _them(stray: list[str]) -> str:
    return "it" if len(stray) == 1 else "them"


def _check_key(key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"{words.LOG_KEYFILE_INVALID} The key is {len(key)} bytes, not {KEY_BYTES}.")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
