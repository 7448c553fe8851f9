"""What GLPI shows, word for word in each locale: spacing and final stops kept as the English
line had them, placeholder values kept as they came, and a run's JSON given both languages."""

from __future__ import annotations

import dataclasses

import pytest

from checker.glpi_texts import ENGLISH, message
from checker.glpi_translate import _in_language, check_language, translate, translate_run


@pytest.mark.parametrize(("english", "language", "shown"), [
    ("The registration key is invalid.", "fr_FR", "La clé d'enregistrement est invalide."),
    ("The registration key is invalid.", "pt_BR", "A chave de registro é inválida."),
    ("The registration key is invalid.", "es_ES", "La clave de registro es incorrecta."),
    ("The registration key is invalid.", "de_DE", "Der Registrierungsschlüssel ist ungültig."),
    ("The registration key is invalid.", "it_IT", "La chiave di registrazione non è valida."),
    # A line that lost its final stop keeps it lost.
    ("The registration key is invalid", "fr_FR", "La clé d'enregistrement est invalide"),
    ("Register on GLPI Network", "fr_FR", "S'enregistrer sur GLPI Network"),
    # GLPI's own "!" (and French spacing before it) when the English line has it.
    ("Register on GLPI Network!", "fr_FR", "S'enregistrer sur GLPI Network !"),
])
def test_a_line_in_each_locale(english, language, shown):
    assert translate(english, language) == shown


def test_indentation_blank_lines_and_gaps_between_messages_are_kept():
    assert translate("  The registration key is invalid.", "de_DE") == "  Der Registrierungsschlüssel ist ungültig."
    assert translate("The registration key is invalid.   The registration key is valid.", "it_IT") == (
        "La chiave di registrazione non è valida.   La chiave di registrazione è valida.")
    assert translate("The registration key is invalid.\n\nThe registration key is valid.", "pt_BR") == (
        "A chave de registro é inválida.\n\nA chave de registro é válida.")


def test_placeholder_values_come_back_as_they_were_even_when_folding_changes_their_length():
    # "ß" folds to "ss": the value is read back from the original line, not the folded one.
    assert translate('Plugin "straße" cannot be downloaded', "de_DE") == (
        'Erweiterung "straße" kann nicht heruntergeladen werden')
    assert translate("Error was: Ünïcödé ß error", "pt_BR") == "Erro foi: Ünïcödé ß error"
    assert translate("Unable to get security key file contents. Fix file permissions of "
                     "/etc/glpi/glpicrypt.key.", "es_ES") == (
        "No se pudo obtener el contenido del archivo de clave de seguridad. Corrija los permisos de "
        "/etc/glpi/glpicrypt.key.")


def test_each_line_is_translated_on_its_own():
    assert translate("The registration key is invalid.\nCall your reseller.", "fr_FR") == (
        "La clé d'enregistrement est invalide.\nCall your reseller.")


def test_a_line_only_partly_glpis_stays_english():
    assert translate("The registration key is invalid. Call your reseller.", "fr_FR") == (
        "The registration key is invalid. Call your reseller.")


def test_english_is_shown_as_it_is():
    assert translate("The registration key is invalid", ENGLISH) == "The registration key is invalid"


@pytest.mark.parametrize("language", ["xx", "fr", "FR_fr", ""])
def test_an_unknown_language_is_refused_with_the_supported_ones(language):
    message = f"Unknown GLPI language {language!r}. Supported: en_GB, fr_FR, pt_BR, es_ES, de_DE, it_IT."
    with pytest.raises(ValueError) as raised:
        check_language(language)
    assert str(raised.value) == message
    with pytest.raises(ValueError):
        translate("The registration key is invalid.", language)
    with pytest.raises(ValueError):
        translate_run(RUN, language)


RUN = {
    "scenario": "invalid-key",
    "steps": [
        {"name": "save-key", "shows": ""},
        {"name": "status", "shows": "The registration key is invalid."},
    ],
    "outcome": {"status": "error", "message": "The registration key is invalid."},
    "summary": {"glpi_shows": "The registration key is valid."},
}


def test_a_run_gets_what_glpi_shows_in_the_language_next_to_the_english():
    run = translate_run(RUN, "fr_FR")
    assert run == {
        "scenario": "invalid-key",
        "glpi_language": "fr_FR",
        "steps": [
            {"name": "save-key", "shows": ""},
            {"name": "status", "shows": "The registration key is invalid.",
             "shows_in_language": "La clé d'enregistrement est invalide."},
        ],
        "outcome": {"status": "error", "message": "The registration key is invalid.",
                    "message_in_language": "La clé d'enregistrement est invalide."},
        "summary": {"glpi_shows": "The registration key is valid.",
                    "glpi_shows_in_language": "La clé d'enregistrement est valide."},
    }
    assert "shows_in_language" not in RUN["steps"][1] and "glpi_language" not in RUN  # a copy


def test_a_run_without_a_message_or_summary_gets_nothing_more():
    run = translate_run({"steps": [{"name": "save-key"}], "outcome": {"status": "ok", "message": ""},
                         "summary": "plain text"}, "it_IT")
    assert run == {"glpi_language": "it_IT", "steps": [{"name": "save-key"}],
                   "outcome": {"status": "ok", "message": ""}, "summary": "plain text"}
    run = translate_run({"steps": [], "outcome": {"status": "ok"}, "summary": {"glpi_shows": ""}}, "it_IT")
    assert run["summary"] == {"glpi_shows": ""} and run["outcome"] == {"status": "ok"}


def test_a_run_in_english_is_only_labelled():
    assert translate_run(RUN, ENGLISH) == {**RUN, "glpi_language": ENGLISH}


@pytest.mark.parametrize(("english", "language", "shown"), [
    # The English line dropped GLPI's final stop after a value ending in "X": so does the translation.
    ("Unable to get security key file contents. Fix file permissions of /etc/glpi/X", "es_ES",
     "No se pudo obtener el contenido del archivo de clave de seguridad. Corrija los permisos de /etc/glpi/X"),
    # GLPI's Italian has no final stop here: the value's last letter stays.
    ("Renew it on ACME-X", "it_IT", "Rinnova su ACME-X"),
])
def test_only_a_final_stop_is_ever_dropped(english, language, shown):
    assert translate(english, language) == shown


@pytest.mark.parametrize("logged", [
    "Unable to decrypt string.  It may have been crypted with another key.",   # spacing as pasted
    "unable to decrypt string. it may have been crypted with another key.",    # case as pasted
])
def test_a_logged_message_stays_exactly_as_it_came(logged):
    assert translate(logged, "fr_FR") == logged


def test_glpis_final_stop_goes_with_the_english_one_whatever_spacing_surrounds_it():
    spaced = dataclasses.replace(message("registration-key-invalid"), msgid="The registration key is invalid. ",
                                 translations={"fr_FR": " La clé d'enregistrement est invalide. "})
    assert _in_language(spaced, [], "fr_FR", "The registration key is invalid") == (
        " La clé d'enregistrement est invalide")
    assert _in_language(spaced, [], "fr_FR", "The registration key is invalid.") == (
        " La clé d'enregistrement est invalide. ")


def test_a_stop_glpis_english_lacks_is_the_translators_and_stays():
    added = dataclasses.replace(message("registration-key-invalid"), msgid="Export to X",
                                translations={"fr_FR": "Exporter vers X."})
    assert _in_language(added, [], "fr_FR", "Export to X") == "Exporter vers X."
