"""GLPI's messages catalogue: one entry per msgid, translations with their provenance, and the
names the code uses read from it."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources

import pytest

from checker import glpi_texts
from checker.glpi_texts import BY_ID, ENGLISH, LANGUAGES, MESSAGES, php_sprintf

PLACEHOLDERS = re.compile(r"%(?:\d+\$)?[sdu]")


def test_one_entry_per_msgid_and_per_id():
    assert len(MESSAGES) == len(BY_ID)


def test_at_least_the_five_languages_with_a_commit_each():
    assert set(LANGUAGES) <= set(glpi_texts.SOURCES)
    for language in LANGUAGES:
        source = glpi_texts.SOURCES[language]
        assert source.repo == "glpi-project/glpi" and source.path == f"locales/{language}.po"
        assert re.fullmatch(r"[0-9a-f]{40}", source.commit)


def test_every_translation_has_its_provenance():
    for entry in BY_ID.values():
        for language in LANGUAGES:
            if entry.template(language) is None or entry.logged_only:
                continue
            source = entry.provenance(language)
            assert source and re.fullmatch(r"[0-9a-f]{40}", source.commit), (entry.id, language)
            assert source.url.startswith("https://github.com/glpi-project/glpi/blob/")


def test_a_translation_read_at_another_commit_cites_that_commit():
    # callCurl's errors were read in the 9.5 po files, not at the languages' default commit:
    # the page must link the file they were read in.
    raw = json.loads(resources.files("checker").joinpath("glpi_messages.json").read_text("utf-8"))
    own = [(m["id"], language, where) for m in raw["messages"]
           for language, where in m.get("provenance", {}).items()]
    assert {entry_id for entry_id, _, _ in own} >= {"curl-connection-failed", "curl-proxy-failed"}
    for entry_id, language, where in own:
        source = BY_ID[entry_id].provenance(language)
        assert (source.path, source.commit) == (where["path"], where["commit"]), (entry_id, language)
        assert source.commit != glpi_texts.SOURCES[language].commit, (entry_id, language)
        assert source.url.endswith(f"/blob/{where['commit']}/{where['path']}")


def test_translations_keep_the_placeholders_of_the_msgid():
    for entry in BY_ID.values():
        wanted = sorted(PLACEHOLDERS.findall(entry.msgid))
        for language, text in entry.translations.items():
            if text is not None:
                assert sorted(PLACEHOLDERS.findall(text)) == wanted, (entry.id, language, text)


def test_logged_only_messages_have_no_translation():
    logged = [entry for entry in BY_ID.values() if entry.logged_only]
    assert logged and all(not entry.translations for entry in logged)
    assert all(entry.template("fr_FR") == entry.msgid for entry in logged)


def test_every_entry_names_its_page_and_a_known_group():
    for entry in BY_ID.values():
        assert entry.doc.endswith(".md") and not entry.doc.startswith("/"), entry.id
        assert entry.group in glpi_texts.GROUPS, entry.id
        assert entry.kind in ("message", "label"), entry.id


def test_translations_as_glpi_ships_them_typos_included():
    assert glpi_texts.message("registration-key-invalid").template("fr_FR") == \
        "La clé d'enregistrement est invalide."
    # GLPI's own spellings are kept: "markeplace", "résilié", "secuity".
    assert "markeplace" in glpi_texts.message("mp-dir-not-writable").msgid
    assert glpi_texts.message("mp-subscription-terminated").template("fr_FR").endswith("a été résilié.")
    assert "secuity" in glpi_texts.message("key-create-failed").template("it_IT")
    assert "  pour" in glpi_texts.message("key-create-failed").template("fr_FR")


def test_empty_msgstr_falls_back_to_english_as_glpi_does():
    entry = glpi_texts.message("tab-remove-registration-key")
    assert entry.translations["es_ES"] is None and entry.template("es_ES") == entry.msgid


def test_fill_formats_like_php_sprintf():
    entry = glpi_texts.message("mp-registration-invalid")
    assert entry.fill("GLPI Network") == "Your GLPI Network registration is not valid."
    assert entry.fill("GLPI Network", language="it_IT") == "La tua registrazione GLPI Networknon è valida."
    assert php_sprintf("%2$s then %1$s, %s and 100%%", ["a", "b"]) == "b then a, a and 100%"
    assert php_sprintf("%d files", ["3"]) == "3 files"


def test_fill_takes_unnumbered_placeholders_in_order_and_numbers_as_integers():
    assert php_sprintf("%s, %s and %s", ["a", "b", "c"]) == "a, b and c"
    # PHP's %d and %u print an integer: "07" as 7, 2.9 as 2.
    assert php_sprintf("%d of %u", ["07", 2.9]) == "7 of 2"
    assert php_sprintf("%s of %s", ["07", 2.9]) == "07 of 2.9"


def test_code_names_are_english_texts_filled_only_when_given_values():
    assert glpi_texts._text("key-file-missing", glpi_texts.CHANGE_KEY_COMMAND) == (
        'The security key file does not exist. You have to run the "php bin/console security:change_key" '
        "command to generate a key.")
    assert glpi_texts._text("tab-register-on") == "Register on %1$s!"  # filled later, by the page


def test_a_logged_message_has_no_translation_to_cite():
    entry = glpi_texts.message("log-decrypt-failed")
    assert entry.provenance("fr_FR") is None and entry.provenance(ENGLISH) is None
    assert glpi_texts.message("registration-key-invalid").provenance(ENGLISH) is None


def test_missing_translation_is_none_not_english():
    # Every cell of the catalogue is located today: a language not located must still read as
    # "unknown", never as GLPI's English (that would claim GLPI shows English there).
    located = glpi_texts.message("curl-proxy-failed")
    entry = dataclasses.replace(located, translations={}, missing=("fr_FR",))
    assert entry.template(ENGLISH) == entry.msgid
    assert entry.template("fr_FR") is None and entry.provenance("fr_FR") is None
    with pytest.raises(KeyError, match="curl-proxy-failed: no fr_FR translation located"):
        entry.fill("x", language="fr_FR")
    # A language the catalogue never read (not even listed as missing) is unknown too.
    assert located.template("ja_JP") is None and located.provenance("ja_JP") is None


def test_code_names_are_catalogue_texts():
    assert glpi_texts.INVALID == MESSAGES["The registration key is invalid."].msgid
    assert glpi_texts.MP_NOT_REGISTERED[2] == \
        "Register on GLPI Network and fill your registration key in setup."
    assert glpi_texts.SERVICES_DOWN["11.0"] == \
        "GLPI Network services website seems to be unavailable from your network or offline!"
    assert glpi_texts.UI11_KEYFILE_UNREADABLE % "/x" == \
        "Unable to get security key file contents. Fix file permissions of /x."
