"""Small rules GLPI applies, each a pure function mirroring one piece of GLPI's code."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from .. import glpi_texts as texts

# PHP's trim() default character set: space, \t, \n, \r, \0, \x0B.
PHP_TRIM_CHARS = " \t\n\r\0\x0b"
_STABILITY_SUFFIX = re.compile(r"^(\d+\.\d+\.\d+)(?:[-.]?(?:dev|alpha\d*|beta\d*|rc\d*))?$", re.I)


def php_trim(value: str) -> str:
    return value.strip(PHP_TRIM_CHARS)


def normalized_version(version: str) -> str:
    """VersionParser::getNormalizedVersion($v, false): the stability suffix dropped."""
    match = _STABILITY_SUFFIX.match(version.strip())
    return match.group(1) if match else version


def user_agent(glpi_version: str, family: str, install_mode: str = "TARBALL",
               extra_comments: str = "") -> str:
    """GLPINetwork::getGlpiUserAgent(). 9.5 sends GLPI_VERSION as is; 10.0+ normalizes it.
    The extra-comment sanitizer only replaces the literal pair "()"."""
    version = glpi_version if family == "9.5" else normalized_version(glpi_version)
    comments = f"installation-mode:{install_mode}"
    if extra_comments:
        comments += "; " + extra_comments.replace("()", " ")
    return f"GLPI/{version} ({comments})"


def lang_prefix(session_language: str) -> str:
    """preg_replace('/^([a-z]+)_.+$/', '$1', $_SESSION["glpilanguage"])."""
    match = re.match(r"^([a-z]+)_.+$", session_language)
    return match.group(1) if match else session_language


INFO_CACHE_KEY = "registration_{sha1}_{lang}_informations"


def cache_key(registration_key: str, lang: str) -> str:
    """Where getRegistrationInformations() keeps a successful answer for one day."""
    digest = hashlib.sha1(registration_key.encode("utf-8", "surrogateescape")).hexdigest()
    return INFO_CACHE_KEY.format(sha1=digest, lang=lang)


def registration_message(data: dict[str, Any]) -> str:
    """The status line GLPI shows for an /info answer that has `is_valid`."""
    if "validation_message" in data:
        return data["validation_message"]
    if not data["is_valid"]:
        return texts.INVALID
    if not (data.get("subscription") or {}).get("is_running"):
        return texts.TERMINATED
    return texts.VALID


def registration_data(body: str | None) -> dict[str, Any] | None:
    """The decoded /info body, or None where GLPI would say "Unable to fetch…": not JSON, not
    an object, or no `is_valid` member."""
    if not body:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or "is_valid" not in data:
        return None
    return data


def requires_higher_offer(required_offers: list[str] | None, subscription: dict | None, *,
                          empty_means_none: bool = True) -> bool:
    """Controller::requiresHigherOffer(): no required_offers → no; a running subscription whose
    offer_reference is listed → no; anything else → yes. "No required_offers" is absent, null
    or an empty list since 10.0.8 (PR #14657; GLPI 11 tests `empty()`); 10.0.0 to 10.0.7
    tested `isset()`, so an empty list still required an offer (`empty_means_none=False`)."""
    if required_offers is None or (empty_means_none and len(required_offers) == 0):
        return False
    if subscription is not None and subscription.get("is_running"):
        if subscription.get("offer_reference") in required_offers:
            return False
    return True


def marketplace_allowed(enable: int) -> dict[str, bool]:
    """GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 = console, 2 = web."""
    return {"cli": bool(enable & 1), "web": bool(enable & 2)}
