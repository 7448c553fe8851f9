"""The simulator speaks GLPI's language: what GLPI shows, as that release shows it in French,
Portuguese, Spanish, German or Italian, with the English next to it."""

from __future__ import annotations

import json

import pytest

from checker.bridge import handle
from checker.cli import main
from checker.glpi_recognise import find_messages
from checker.glpi_texts import ENGLISH, LANGUAGES, message
from checker.glpi_translate import translate, translate_run
from checker.simulation import SCENARIOS, simulate


def test_invalid_key_in_french():
    run = translate_run(simulate("invalid-key", "11.0").to_dict(), "fr_FR")
    assert run["glpi_language"] == "fr_FR"
    assert run["outcome"]["message_in_language"] == "La clé d'enregistrement est invalide."
    assert run["outcome"]["message"] == "The registration key is invalid."
    assert run["summary"]["glpi_shows_in_language"] == "La clé d'enregistrement est invalide."


def test_a_banner_joined_from_several_messages_is_translated_piece_by_piece():
    banner = ("Your GLPI Network registration is not valid.\n"
              "A registration, at least a free one, is required to use marketplace!\n"
              "Register on GLPI Network and fill your registration key in setup.")
    assert translate(banner, "pt_BR").splitlines() == [
        "Seu registro GLPI Network não é válido.",
        "Um registro, pelo menos um gratuito, é necessário para usar o Marketplace!",
        "Registrado em GLPI Network e preencha com sua chave de registro na configuração."]


def test_placeholders_keep_their_values():
    tab = message("key-file-unreadable").fill("/etc/glpi/glpicrypt.key")
    assert translate(tab, "de_DE") == message("key-file-unreadable").fill(
        "/etc/glpi/glpicrypt.key", language="de_DE")
    services = "GLPI Network services website seems to be unavailable from your network or offline!\n" \
               "Error was: Resolving timed out after 5000 milliseconds"
    assert translate(services, "es_ES").splitlines()[1] == \
        "El error fue: Resolving timed out after 5000 milliseconds"


def test_words_that_are_not_glpis_stay_as_they_came():
    assert translate("This registration key has been revoked.", "it_IT") == \
        "This registration key has been revoked."
    logged = message("log-decrypt-failed").msgid
    assert translate(logged, "fr_FR") == logged  # GLPI logs it in English


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scenario_shows_glpis_messages_in_the_language(language):
    for scenario in SCENARIOS.values():
        for version in scenario.versions:
            try:
                english = simulate(scenario.id, version).to_dict()
            except ValueError:
                continue  # needs the admin's own key
            run = translate_run(english, language)
            for step in run["steps"]:
                if not step["shows"]:
                    continue
                for line, shown in zip(step["shows"].splitlines(), step["shows_in_language"].splitlines()):
                    for found in find_messages(line):
                        translation = found.entry.template(language)
                        if found.entry.logged_only or translation is None or translation == found.entry.msgid:
                            continue
                        assert shown != line, (scenario.id, version, line)


def test_cli_language(capsys):
    code = main(["simulate", "--scenario", "invalid-key", "--glpi-version", "10.0", "--language", "fr_FR"])
    out = capsys.readouterr().out
    assert code == 1
    assert "» La clé d'enregistrement est invalide." in out
    assert "(English) The registration key is invalid." in out


def test_cli_unknown_language_is_a_usage_error(capsys):
    assert main(["simulate", "--scenario", "invalid-key", "--language", "klingon"]) == 2
    assert "Supported: en_GB, fr_FR" in capsys.readouterr().err


def test_cli_json_carries_both(capsys):
    main(["simulate", "--scenario", "terminated-subscription", "--language", "it_IT", "--json"])
    run = json.loads(capsys.readouterr().out)
    assert run["outcome"]["message_in_language"] == \
        message("registration-key-terminated").template("it_IT")


def test_bridge_simulates_in_a_language():
    answer = json.loads(handle(json.dumps({"op": "simulate", "scenario": "invalid-key",
                                           "glpi_version": "9.5", "language": "es_ES"})))
    assert answer["ok"] and answer["result"]["summary"]["glpi_shows_in_language"] == \
        "La clave de registro es incorrecta."
    refused = json.loads(handle(json.dumps({"op": "simulate", "scenario": "invalid-key",
                                            "glpi_version": "9.5", "language": "xx"})))
    assert not refused["ok"] and "Supported" in refused["error"]["message"]
    languages = json.loads(handle(json.dumps({"op": "scenarios"})))["result"]["languages"]
    assert [item["id"] for item in languages] == [ENGLISH, *LANGUAGES]
