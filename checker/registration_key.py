"""Is this text a well-formed GLPI Network registration key?

GLPI documents the key as base64 of a JSON string holding a `signature` member (docblock of
GLPINetwork::getRegistrationKey(), https://github.com/glpi-project/glpi/blob/0042059c82075d3223c145cb3609a83019fc0cd2/src/GLPINetwork.php)
and never checks the key itself. So neither length nor the other members are enforced here.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .base64_strict import Base64Error, php_strict_decode
from .findings import spec
from .php_json import jsonable, php_json_decode
from .report import Finding
from .wording import counted


# JSON's names for what a document that is not an object holds (bool before int: a subclass).
JSON_TYPES = ((bool, "boolean"), (int, "number"), (float, "number"), (str, "string"), (list, "array"))


def _json_type(document: Any) -> str:
    """"array", "string", …: the user reads JSON's words, not Python's ("list", "NoneType")."""
    return next((name for kind, name in JSON_TYPES if isinstance(document, kind)), "null")


@dataclass
class KeyFormat:
    well_formed: bool
    decoded: bytes | None = None
    document: Any = None  # the parsed JSON, when there is one
    findings: list[Finding] = field(default_factory=list)
    fields: dict[str, Any] | None = None


# Control characters have no Unicode name, only aliases; these are the ones pastes carry.
CONTROL_NAMES = {"\0": "NULL", "\t": "CHARACTER TABULATION", "\n": "LINE FEED",
                 "\x0b": "LINE TABULATION", "\x0c": "FORM FEED", "\r": "CARRIAGE RETURN",
                 "\x1b": "ESCAPE", "\x7f": "DELETE"}
UNNAMED_CATEGORIES = {"Cc": "CONTROL CHARACTER", "Co": "PRIVATE USE CHARACTER",
                      "Cn": "UNASSIGNED CHARACTER", "Cs": "SURROGATE"}


# Unicode names Tangut ideographs by rule (NR2, like CJK ideographs); Python 3.11's unicodedata
# does not know those names, so they would be shown without one.
TANGUT_IDEOGRAPHS = ((0x17000, 0x187F7), (0x18D00, 0x18D08))


def _tangut_name(code: int) -> str:
    if any(first <= code <= last for first, last in TANGUT_IDEOGRAPHS):
        return f"TANGUT IDEOGRAPH-{code:X}"
    return ""


def describe_char(ch: str) -> str:
    printable = ch if ch.isprintable() and not ch.isspace() else ""
    shown = f"\"{printable}\" " if printable else ""
    name = (unicodedata.name(ch, "") or CONTROL_NAMES.get(ch) or _tangut_name(ord(ch))
            or UNNAMED_CATEGORIES.get(unicodedata.category(ch), "UNNAMED"))
    return f"{shown}(U+{ord(ch):04X} {name})"


def base64_failure(text: str, error: Base64Error) -> Finding:
    if error.reason == "invalid-character":
        return spec("base64-invalid-character").finding(
            f"Character {error.position + 1} of {len(text)} is {describe_char(error.character)}.")
    if error.reason == "truncated":
        return spec("base64-truncated").finding(
            f"{len(text)} characters: base64 text of a complete value cannot be {len(text.rstrip('='))} "
            "characters long before its padding.")
    return spec("base64-bad-padding").finding(
        f"\"=\" found at character {error.position + 1} of {len(text)}.")


def signature_length(signature: str) -> str:
    decoded = php_strict_decode(signature)
    if isinstance(decoded, bytes) and decoded:
        return (f"{counted(len(decoded), 'byte')} once base64-decoded "
                f"({counted(len(signature), 'character')})")
    return f"{counted(len(signature), 'character')} (not base64)"


def check_format(text: str, decoded: bytes | Base64Error | None = None) -> KeyFormat:
    decoded = php_strict_decode(text) if decoded is None else decoded
    if isinstance(decoded, Base64Error):
        return KeyFormat(False, findings=[base64_failure(text, decoded)])
    result = KeyFormat(False, decoded=decoded)
    try:
        document_text = decoded.decode("utf-8")
    except UnicodeDecodeError:
        result.findings.append(spec("key-not-utf8").finding(
            f"Decodes to {len(decoded)} bytes of binary data."))
        return result
    document, php_error = php_json_decode(document_text)
    if php_error:
        preview = document_text[:40].encode("unicode_escape").decode("ascii")
        result.findings.append(spec("key-not-json").finding(
            f"Decodes to {len(document_text)} characters of text starting \"{preview}\"; "
            f"PHP's json_decode fails with \"{php_error}\"."))
        return result
    result.document = document
    if not isinstance(document, dict):
        result.findings.append(spec("key-not-object").finding(
            f"Decodes to a JSON {_json_type(document)}."))  # never a dict here
        return result
    result.fields = {name: jsonable(value) for name, value in document.items() if name != "signature"}
    if "signature" not in document:
        names = ", ".join(sorted(document)) or "none"
        result.findings.append(spec("key-signature-missing").finding(f"Members found: {names}."))
        return result
    signature = document["signature"]
    if not isinstance(signature, str) or not signature:
        result.findings.append(spec("key-signature-empty").finding(
            f"\"signature\" is {json.dumps(jsonable(signature), allow_nan=False)[:40]}."))
        return result
    result.well_formed = True
    result.findings.append(spec("key-signature").finding(f"Signature of {signature_length(signature)}."))
    members = ", ".join(sorted(result.fields)) or "no other members"
    result.findings.append(spec("key-well-formed").finding(
        f"{len(text)} characters, decoding to a JSON object with a signature and {members}."))
    return result
