"""Paste GLPI's message, in any language GLPI ships it in, and get its page."""

from __future__ import annotations

import re

import pytest

from checker.check import check
from checker.glpi_recognise import find_messages
from checker.glpi_texts import BY_ID, ENGLISH, LANGUAGES, message
from checker.pages import page_url
from samples import KEY

PLACEHOLDER = re.compile(r"%(?:\d+\$)?[sdu]")
SAMPLE_ARGUMENTS = ["GLPI Network", "/var/www/glpi/config/glpicrypt.key",
                    "Resolving timed out after 5000 milliseconds", "formcreator", "2.13.9"]


def _cases():
    for entry in BY_ID.values():
        if not entry.recognisable:
            continue
        seen = {}
        for language in (ENGLISH, *LANGUAGES):
            template = entry.template(language)
            if template is None:
                continue
            seen.setdefault(template, language)  # identical texts: the first language names it
            yield pytest.param(entry, template, seen[template], id=f"{entry.id}-{language}")


def _msgids_shown_as(template: str) -> set[str]:
    return {entry.msgid for entry in BY_ID.values()
            for language in (ENGLISH, *LANGUAGES) if entry.template(language) == template}


def _filled(template: str) -> str:
    count = len(PLACEHOLDER.findall(template))
    values = iter(SAMPLE_ARGUMENTS)
    return PLACEHOLDER.sub(lambda m: next(values) if count else m.group(), template) if count else template


@pytest.mark.parametrize("entry, template, language", list(_cases()))
def test_every_message_in_every_language_maps_to_its_page(entry, template, language):
    for pasted in {template, _filled(template)}:
        report = check(pasted)
        assert report.kind == "glpi-message", pasted
        # One translation may serve two msgids (it_IT "Il plugin \"%s\" non può essere
        # scaricato" is both "cannot" and "could not"): either is GLPI's message.
        assert report.fields["message"] in _msgids_shown_as(template), pasted
        assert report.fields["language"] == language, pasted
        assert report.fields["page"] == page_url(entry.doc)
        first = report.findings[0]
        assert first.doc == entry.doc and first.to_dict()["doc"] == page_url(entry.doc) and first.title and "\n" not in first.title


FRENCH_INVALID = "La clé d'enregistrement est invalide."


@pytest.mark.parametrize("pasted", [
    FRENCH_INVALID,
    "la clé d'enregistrement est invalide",                       # no final full stop
    "LA CLÉ D'ENREGISTREMENT EST INVALIDE.",                       # capitals
    "La  clé   d'enregistrement\test invalide .",                  # spacing
    "La clé d\u2019enregistrement est invalide.",                  # typographic apostrophe
    "La cle d'enregistrement est invalide.",                       # accents lost
    "La cl? d?enregistrement est invalide.",                       # accents shown as "?"
    "La cl\u00c3\u00a9 d'enregistrement est invalide.",            # UTF-8 read as Latin-1
    "  \u00ab La clé d'enregistrement est invalide. \u00bb  ",     # quoted
    "Setup > General > GLPI Network\nLa clé d'enregistrement est invalide.\nClé d'enregistrement",
])
def test_variants_of_a_pasted_message(pasted):
    report = check(pasted)
    assert (report.kind, report.fields["message"], report.fields["language"]) == \
        ("glpi-message", "The registration key is invalid.", "fr_FR")
    assert report.findings[0].code == "glpi-message-key-invalid"
    assert report.findings[0].to_dict()["doc"] == "troubleshooting/key-invalid/"


@pytest.mark.parametrize("pasted, msgid, arguments", [
    ("[2026-03-02 09:14:07] glpiphplog.WARNING:   *** User Warning: Unable to decrypt string. "
     "It may have been crypted with another key. in /var/www/glpi/src/GLPIKey.php at line 213",
     "Unable to decrypt string. It may have been crypted with another key.", []),
    ("PHP Warning:  Unable to get security key file contents. in /var/www/html/glpi/src/GLPIKey.php "
     "on line 145", "Unable to get security key file contents.", []),
    ("[29-Nov-2026 10:00:00 UTC] PHP Fatal error:  Uncaught RuntimeException: You must create a "
     "security key, see glpi:security:change_key command. in /var/www/glpi/inc/glpikey.class.php:102",
     "You must create a security key, see glpi:security:change_key command.", []),
    ("glpi.ERROR: Connection failed. If you use a proxy, please configure it. (Resolving timed out "
     "after 5000 milliseconds)", "Connection failed. If you use a proxy, please configure it. (%s)",
     ["Resolving timed out after 5000 milliseconds"]),
    ("Échec de connexion : Failed to connect to the proxy server (Failed to connect to 10.0.0.8 port 3128: "
     "Connection refused)", "Failed to connect to the proxy server (%s)",
     ["Failed to connect to 10.0.0.8 port 3128: Connection refused"]),
    ("$ php bin/console marketplace:download formcreator\nPlugin \"formcreator\" cannot be downloaded\n$ ",
     'Plugin "%s" cannot be downloaded', ["formcreator"]),
    ("Impossible de lire le contenu du fichier de clé de sécurité. Vous devez corriger les "
     "permissions d'accès au fichier /etc/glpi/glpicrypt.key.",
     "Unable to get security key file contents. Fix file permissions of %s.", ["/etc/glpi/glpicrypt.key"]),
    ('{"message":"Le fichier de cl\\u00e9"}  Le plugin \\"ocsinventoryng\\" est déjà téléchargé. Utilisez '
     "--force pour forcer son re-téléchargement",
     'Plugin "%s" is already downloaded. Use --force to force it to re-download.', ["ocsinventoryng"]),
])
def test_messages_inside_logs_and_transcripts(pasted, msgid, arguments):
    report = check(pasted)
    assert report.kind == "glpi-message" and report.fields["message"] == msgid
    assert report.fields["messages"][0]["arguments"] == arguments


def test_several_messages_give_one_finding_each_in_order():
    pasted = ("Die Website der GLPI Network-Dienste scheint aus Ihrem Netzwerk nicht erreichbar oder "
              "offline zu sein!\nFehler war: Could not resolve host\n"
              "[2026-01-01 00:00:00] glpiphplog.WARNING: Unable to decrypt string. It may have been "
              "crypted with another key.\nLa chiave di registrazione non è valida.\n"
              "La chiave di registrazione non è valida.")
    report = check(pasted)
    assert [m["message"] for m in report.fields["messages"]] == [
        "%1$s services website seems to be unavailable from your network or offline!",
        "Unable to decrypt string. It may have been crypted with another key.",
        "The registration key is invalid."]
    assert [m["language"] for m in report.fields["messages"]] == ["de_DE", ENGLISH, "it_IT"]
    assert report.codes() == ["glpi-message-services-unreachable", "glpi-message-decrypt-failed",
                              "glpi-message-key-invalid"]


def test_the_longer_message_wins_over_its_prefix():
    tab = message("key-file-unreadable").fill("/etc/glpi/glpicrypt.key")
    matches = find_messages(tab)
    assert [m.entry.id for m in matches] == ["key-file-unreadable"]


@pytest.mark.parametrize("text", [
    # Other GLPI messages, not about registration or the key file.
    "Item successfully added", "Élément ajouté avec succès", "Item adicionado com sucesso",
    "Elemento agregado correctamente", "Element erfolgreich hinzugefügt", "Elemento aggiunto con successo",
    "You don't have permission to perform this action.",
    # Ordinary sentences that share words with GLPI's messages, in each language.
    "My registration key is invalid according to support, what can I do?",
    "The registration key is not valid for this instance",
    "La clé de la salle est invalide depuis hier.",
    "Minha chave de registro sumiu depois da atualização.",
    "La clave de registro de mi coche es incorrecta, según el taller.",
    "Der Registrierungsschlüssel liegt im Schrank, nicht im Netzwerk.",
    "La chiave di casa non è valida per questa porta.",
    "Unable to fetch the coffee, please try again later.",
    "services website", "Marketplace", "Registration key", "Error was: nothing",
])
def test_text_that_is_not_one_of_glpis_messages_stays_unknown(text):
    assert check(text).kind == "unknown"


def test_a_key_is_still_a_key():
    report = check(KEY)
    assert report.kind == "registration-key" and report.status == "ok"
    assert check(f"  {KEY}  ").kind == "registration-key"


def test_a_message_report_names_the_scenario_to_play():
    report = check(FRENCH_INVALID)
    assert report.fields["messages"][0]["scenario"] == {"id": "invalid-key", "glpi_version": "11.0"}
    tab11 = check(message("key-file-invalid").fill("php bin/console security:change_key", language="pt_BR"))
    assert tab11.fields["messages"][0]["scenario"] == {"id": "keyfile-wrong-size", "glpi_version": "11.0"}


def test_cli_check_names_the_cause_page_and_replay(capsys, monkeypatch):
    from checker.cli import main
    from fake_stdin import FakeStdin
    import sys

    pasted = ("$ tail -n 2 files/_log/php-errors.log\n"
              "[2026-11-29 10:00:00] glpiphplog.WARNING: Impossible de récupérer les informations "
              "d'enregistrement.\n" + "A chave de registro é inválida.\n")
    monkeypatch.setattr(sys, "stdin", FakeStdin(pasted.encode(), False))
    code = main(["check", "-"])
    out = capsys.readouterr().out
    assert code == 1
    assert "2 of GLPI's messages: each one's cause and page below." in out
    assert "GLPI's English: \"Unable to fetch registration information.\"" in out
    assert "Page: troubleshooting/unable-to-fetch/" in out
    assert "Replay: glpi-keycheck simulate --scenario invalid-key --glpi-version 11.0" in out
    assert out.index("glpi-message-unable-to-fetch") < out.index("glpi-message-key-invalid")


@pytest.mark.parametrize("pasted, msgid", [
    ('{"message":"La cl\\u00e9 d\'enregistrement est invalide.","level":"error"}',
     "The registration key is invalid."),                                   # JSON log line
    ("We can&#039;t write on the markeplace directory (/var/www/glpi/marketplace).",
     "We can't write on the markeplace directory (%s)."),                     # page source
    ("La clé d\u200b'enregistrement est\u00ad invalide.", "The registration key is invalid."),
    ("<li>Votre souscription GLPI Network a été résilié.</li>",
     "Your %1$s subscription has been terminated."),
    ("ERROR:Der Registrierungsschlüssel ist ungültig.\r\n", "The registration key is invalid."),
])
def test_escaped_and_marked_up_pastes(pasted, msgid):
    report = check(pasted)
    assert report.kind == "glpi-message" and report.fields["message"] == msgid
