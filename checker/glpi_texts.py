"""GLPI's own words, once: every message GLPI shows or logs about registration, GLPI Network,
the Marketplace and glpicrypt.key, keyed by GLPI's English msgid, with the translations GLPI
ships and where each came from.

The data is `glpi_messages.json` beside this module (copied from `locales/<lang>.po` in
glpi-project/glpi, msgstr exactly as shipped, typos included; the commit per language is in
the file). Findings, the simulator, the message recogniser and the help centre's pages all
read it through this module; code never retypes a GLPI message, it names the entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

ENGLISH = "en_GB"  # GLPI's source language, as GLPI names it
LANGUAGES: tuple[str, ...] = ("fr_FR", "pt_BR", "es_ES", "de_DE", "it_IT")
LANGUAGE_NAMES = {ENGLISH: "English", "fr_FR": "French", "pt_BR": "Portuguese (Brazil)",
                  "es_ES": "Spanish", "de_DE": "German", "it_IT": "Italian"}
GLPI_REPO = "https://github.com/glpi-project/glpi"


@dataclass(frozen=True)
class Source:
    repo: str
    path: str
    commit: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.repo}/blob/{self.commit}/{self.path}"


@dataclass(frozen=True)
class GlpiMessage:
    id: str  # a stable slug for code to name the entry by
    msgid: str  # GLPI's English text, placeholders as in GLPI (%s, %1$s)
    kind: str  # "message", or "label" (buttons, headings, fragments: too plain to recognise)
    group: str
    origin: str  # "glpi", or "php"/"symfony" for runtime errors GLPI lets through
    logged_only: bool  # GLPI logs it without __(): English whatever the interface language
    translations: dict[str, str | None]  # None: empty msgstr, GLPI shows the English
    missing: tuple[str, ...]  # languages whose msgstr was not located in the po file
    where: str  # GLPI source references
    doc: str  # the docs page (path under docs/) that explains it
    versions: tuple[str, ...] = ()  # GLPI versions with this wording, when not all
    note: str = ""
    sources: dict[str, Source] = field(default_factory=dict, repr=False)

    def template(self, language: str = ENGLISH) -> str | None:
        """The text GLPI shows in `language`, placeholders unfilled; None when not located."""
        if language == ENGLISH or self.logged_only:
            return self.msgid
        if language in self.missing or language not in self.translations:
            return None
        return self.translations[language] or self.msgid  # empty msgstr: GLPI falls back

    def fill(self, *args: object, language: str = ENGLISH) -> str:
        """The text as GLPI prints it, with its placeholders filled (PHP sprintf)."""
        text = self.template(language)
        if text is None:
            raise KeyError(f"{self.id}: no {language} translation located")
        return php_sprintf(text, args)

    def provenance(self, language: str) -> Source | None:
        """Where the `language` text was read (repository, path, commit)."""
        if language == ENGLISH or self.logged_only or self.template(language) is None:
            return None
        return self.sources.get(language)

    @property
    def recognisable(self) -> bool:
        return self.kind == "message"


PLACEHOLDER = re.compile(r"%(?:(\d+)\$)?([sdu%])")


def php_sprintf(template: str, args: tuple[object, ...] | list[object]) -> str:
    """PHP's sprintf for the conversions GLPI's messages use: %s, %d, %1$s and %%."""
    position = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal position
        index, conversion = match.groups()
        if conversion == "%":
            return "%"
        if index is None:
            value = args[position]
            position += 1
        else:
            value = args[int(index) - 1]
        return str(int(value)) if conversion in "du" else str(value)  # type: ignore[call-overload]

    return PLACEHOLDER.sub(replace, template)


def _load() -> tuple[dict[str, Any], dict[str, GlpiMessage]]:
    data = json.loads(resources.files(__package__).joinpath("glpi_messages.json").read_text("utf-8"))
    sources = {language: Source(data["source_repo"], info["path"], info["commit"])
               for language, info in data["languages"].items()}
    entries: dict[str, GlpiMessage] = {}
    for raw in data["messages"]:
        assert raw["id"] not in entries, raw["id"]
        own = {language: Source(data["source_repo"], info["path"], info["commit"])
               for language, info in raw.get("provenance", {}).items()}
        entries[raw["id"]] = GlpiMessage(
            id=raw["id"], msgid=raw["msgid"], kind=raw["kind"], group=raw["group"],
            origin=raw["origin"], logged_only=raw["logged_only"],
            translations=dict(raw.get("translations", {})), missing=tuple(raw.get("missing", ())),
            where=raw["where"], doc=raw["doc"], versions=tuple(raw.get("versions", ())),
            note=raw.get("note", ""), sources={**sources, **own})
    return data, entries


_DATA, BY_ID = _load()
MESSAGES: dict[str, GlpiMessage] = {entry.msgid: entry for entry in BY_ID.values()}
GROUPS: dict[str, str] = _DATA["groups"]
SOURCES: dict[str, Source] = {language: Source(_DATA["source_repo"], info["path"], info["commit"])
                              for language, info in _DATA["languages"].items()}


def message(entry_id: str) -> GlpiMessage:
    return BY_ID[entry_id]


def by_msgid(msgid: str) -> GlpiMessage:
    return MESSAGES[msgid]


def _text(entry_id: str, *args: object) -> str:
    return message(entry_id).fill(*args) if args else message(entry_id).msgid


NETWORK = message("tab-glpi-network").msgid  # GLPI fills "%1$s" with its product name

# --- Names the code uses (each is an entry's English text, never a retyped copy) -------------

# Registration status line on the GLPI Network tab (9.5, 10.0, 11).
VALID = _text("registration-key-valid")
INVALID = _text("registration-key-invalid")
TERMINATED = _text("registration-key-terminated")
UNABLE_TO_FETCH = _text("registration-fetch-failed")
OFFERS_FETCH_FAILED = _text("log-offers-fetch-failed")

# Shown above an empty key field.
NO_KEY_INTRO = {"9.5": _text("tab-registration-key-needed-10"),
                "10.0": _text("tab-registration-key-needed-10"),
                "11.0": _text("tab-registration-key-needed")}
# Services check failure on the GLPI Network tab (9.5 and 10.0 share the Marketplace's msgid).
SERVICES_DOWN = {"9.5": _text("mp-services-unavailable", NETWORK),
                 "10.0": _text("mp-services-unavailable", NETWORK),
                 "11.0": _text("tab-services-unavailable", NETWORK)}
ERROR_WAS = _text("tab-error-was")

# Toolbox::callCurl when cURL fails.
CONNECTION_FAILED = _text("curl-connection-failed")
PROXY_FAILED = _text("curl-proxy-failed")

# GLPIKey::get() log warnings (10.0+).
LOG_KEYFILE_MISSING = _text("log-create-key")
LOG_KEYFILE_UNREADABLE = _text("log-key-unreadable")
LOG_KEYFILE_INVALID = _text("log-key-invalid")
KEYFILE_LOG = {"missing": LOG_KEYFILE_MISSING, "unreadable": LOG_KEYFILE_UNREADABLE,
               "wrong-size": LOG_KEYFILE_INVALID}

# GLPIKey::getKeyFileReadErrors(), on the GLPI Network tab from 11.0.x (PR #21614).
CHANGE_KEY_COMMAND = "php bin/console security:change_key"  # what GLPI fills "%s" with
UI11_KEYFILE_MISSING = _text("key-file-missing", CHANGE_KEY_COMMAND)
UI11_KEYFILE_UNREADABLE = _text("key-file-unreadable")  # "%s": the key file's path
UI11_KEYFILE_INVALID = _text("key-file-invalid", CHANGE_KEY_COMMAND)
KEYFILE_TAB_11 = {"missing": UI11_KEYFILE_MISSING, "unreadable": UI11_KEYFILE_UNREADABLE,
                  "wrong-size": UI11_KEYFILE_INVALID}

# GLPI 9.5: uncaught exceptions (missing file; libsodium refusing a wrong-size key).
EXC95_KEYFILE_MISSING = _text("exc95-create-key")
EXC95_KEYFILE_WRONG_SIZE = _text("sodium-key-size-php7")
# PHP 8 words it differently; "%s" is the libsodium function (…_encrypt when saving a secret).
EXC95_KEYFILE_WRONG_SIZE_PHP8 = _text("sodium-key-size-php8",
                                      "sodium_crypto_aead_xchacha20poly1305_ietf_encrypt")
KEYFILE_95_MISSING = EXC95_KEYFILE_MISSING
SODIUM_KEY_SIZE_95 = EXC95_KEYFILE_WRONG_SIZE
SODIUM_KEY_SIZE_95_COMPAT = _text("sodium-compat-key-size")

# GLPIKey::decrypt() log warnings (9.5 said "content" where 10.0+ say "string").
LOG_DECRYPT_NOT_BASE64 = _text("log-base64-failed")
LOG_DECRYPT_NO_NONCE = _text("log-nonce-failed")
LOG_DECRYPT_FAILED = _text("log-decrypt-failed")
DECRYPT_FAILED = {"9.5": _text("log95-decrypt-failed"), "10.0": LOG_DECRYPT_FAILED,
                  "11.0": LOG_DECRYPT_FAILED}

# GLPI 11: Symfony's error when kernel.secret (the key bytes) holds %name%. In GLPI's message
# the quoted name is a piece of the key: "…" stands in for it.
KERNEL_SECRET = _text("symfony-kernel-secret", "…")
SYMFONY_KERNEL_SECRET = KERNEL_SECRET.removesuffix(".")
KERNEL_SECRET_LOG = "glpi.CRITICAL:   *** Uncaught Exception: %s"  # GLPI's log line format

# Marketplace banners (View::checkRegistrationStatus): one line per list item.
MP_SERVICES_DOWN = (_text("mp-services-unavailable", NETWORK),
                    f"{_text('mp-setup-proxy')} {_text('mp-check-later')}")
MP_NOT_REGISTERED = (_text("mp-registration-invalid", NETWORK),
                     _text("mp-registration-required"),
                     f"{_text('mp-register-on', NETWORK)} {_text('mp-and')} {_text('mp-fill-key')}")
MP_TERMINATED = (_text("mp-subscription-terminated", NETWORK), _text("mp-renew", NETWORK))
# Controller::hasWriteAccess() false. "markeplace" is GLPI's spelling.
MP_NOT_WRITABLE = (_text("mp-dir-not-writable"), _text("mp-check-permissions"),
                   _text("mp-manual-unzip"))
HIGHER_OFFER = _text("mp-superior-offer")
CLI_DISALLOWED = _text("cli-mp-disallowed")
# `php bin/console marketplace:upgrade` (GLPI 11.0, PR #21521).
UPGRADE_NOT_REGISTERED = _text("cli-mp-key-missing")
UPGRADE_MANUAL = _text("cli-mp-installed-manually")  # "%s": the plugin's directory
UPGRADE_UP_TO_DATE = _text("cli-mp-up-to-date")  # "%s": the plugin's directory
CHANGE_KEY_FAILED = _text("cli-changekey-failed")
REMOVE_KEY_BUTTON = _text("tab-remove-registration-key")
