"""The report for pasted GLPI messages: one finding per message, its detail word for word, the
status from the causes, and the scenario that replays each message at a version that shows it."""

from __future__ import annotations

import pytest

from checker.glpi_texts import message
from checker.message_report import message_report

FRENCH_INVALID = "La clé d'enregistrement est invalide."
DECRYPT_LOG = ("[2026-03-02 09:14:07] glpiphplog.WARNING: Unable to decrypt string. "
               "It may have been crypted with another key.")


def test_text_without_a_message_has_no_message_report():
    assert message_report("hello world, nothing to see") is None


def test_a_translated_message_names_its_language_and_gives_the_english():
    report = message_report(FRENCH_INVALID)
    assert (report.kind, report.status, report.codes()) == ("glpi-message", "error", ["glpi-message-key-invalid"])
    finding = report.findings[0]
    assert finding.detail == ("GLPI's message, in French (fr_FR): \u201cLa clé d'enregistrement est invalide.\u201d; "
                              "in English: \u201cThe registration key is invalid.\u201d.")
    assert finding.doc == "troubleshooting/key-invalid.md"
    assert report.fields == {
        "message": "The registration key is invalid.",
        "language": "fr_FR",
        "page": "troubleshooting/key-invalid/",
        "messages": [{
            "message": "The registration key is invalid.",
            "language": "fr_FR",
            "id": "registration-key-invalid",
            "text": FRENCH_INVALID,
            "arguments": [],
            "page": "troubleshooting/key-invalid/",
            "scenario": {"id": "invalid-key", "glpi_version": "11.0"},
        }],
    }


def test_a_logged_message_says_it_is_always_english_and_which_versions_write_it():
    report = message_report(DECRYPT_LOG)
    assert report.codes() == ["glpi-message-decrypt-failed"]
    assert report.findings[0].detail == (
        "GLPI's message, in English (en_GB): \u201cUnable to decrypt string. It may have been crypted with "
        "another key.\u201d. GLPI writes it to its log, in English whatever the interface language. "
        "GLPI versions: 10.0, 11.0.")
    assert report.fields["language"] == "en_GB"
    assert report.fields["messages"][0]["text"] == ("Unable to decrypt string. It may have been crypted "
                                                    "with another key.")


def test_a_message_of_some_versions_only_lists_them():
    report = message_report(message("tab-registration-key-needed-10").fill())
    assert report.findings[0].detail == (
        "GLPI's message, in English (en_GB): \u201cA registration key is needed to use advanced feature "
        "(like marketplace) in GLPI\u201d. GLPI versions: 9.5, 10.0.")
    assert report.codes() == ["glpi-message-no-key"]


def test_a_placeholder_value_is_kept_as_pasted():
    report = message_report('The parameter "kernel.secret" has a dependency on a non-existent parameter "x%y".')
    assert report.fields["messages"][0]["arguments"] == ["x%y"]
    assert report.codes() == ["glpi-message-kernel-secret"]


@pytest.mark.parametrize(("pasted", "status", "codes"), [
    ("The registration key is valid.", "ok", ["glpi-message-key-valid"]),
    ("GLPI fournit un Marketplace pour télécharger et installer des plugins.", "warning",
     ["glpi-message-marketplace-settings"]),
    ("Access to the marketplace CLI commands is disallowed by the GLPI configuration\n"
     "The registration key is valid.", "warning",
     ["glpi-message-marketplace-settings", "glpi-message-key-valid"]),
    ("The registration key is valid.\nAccess to the marketplace CLI commands is disallowed by the GLPI "
     "configuration\n" + FRENCH_INVALID, "error",
     ["glpi-message-key-valid", "glpi-message-marketplace-settings", "glpi-message-key-invalid"]),
])
def test_the_status_is_the_worst_cause_among_the_messages(pasted, status, codes):
    report = message_report(pasted)
    assert (report.status, report.codes()) == (status, codes)


def test_the_first_message_names_the_report_and_every_message_is_listed_in_order():
    report = message_report("The registration key is valid.\n" + FRENCH_INVALID)
    assert (report.fields["message"], report.fields["language"], report.fields["page"]) == (
        "The registration key is valid.", "en_GB", "tutorials/register/")
    assert [(m["id"], m["language"], m["page"]) for m in report.fields["messages"]] == [
        ("registration-key-valid", "en_GB", "tutorials/register/"),
        ("registration-key-invalid", "fr_FR", "troubleshooting/key-invalid/"),
    ]


@pytest.mark.parametrize(("entry_id", "scenario"), [
    ("registration-key-valid", {"id": "valid", "glpi_version": "11.0"}),          # every version: the newest
    ("log-decrypt-failed", {"id": "key-regenerated", "glpi_version": "11.0"}),
    ("log-fetch-failed-950", {"id": "http-400-html", "glpi_version": "9.5"}),     # GLPI 9.5's wording only
    ("exc95-create-key", {"id": "keyfile-missing", "glpi_version": "9.5"}),
    ("tab-registration-key-needed-10", {"id": "valid", "glpi_version": "10.0"}),  # 9.5 and 10.0: the newer
    ("symfony-kernel-secret", {"id": "keyfile-kernel-secret", "glpi_version": "11.0"}),
    ("cli-changekey-desc", None),                                                 # no scenario plays its page
])
def test_the_scenario_replays_the_message_at_a_version_that_shows_it(entry_id, scenario):
    report = message_report(message(entry_id).fill("x_y"))
    assert report.fields["messages"][0]["id"] == entry_id
    assert report.fields["messages"][0]["scenario"] == scenario
