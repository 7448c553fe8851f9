"""The recogniser's patterns and word index, built afresh for each test.

`find_messages` builds every text's pattern and index once per process (lru_cache), so most
tests only ever use what the first one built. Here the caches are emptied before each test, so
each paste below is recognised by patterns built for it, and a change to how they are built
shows up in the test that depends on it, whatever ran before.
"""

from __future__ import annotations

import pytest

from checker import glpi_recognise
from checker.glpi_recognise import _anchor, _required_words, find_messages


@pytest.fixture(autouse=True)
def fresh_patterns():
    glpi_recognise._candidates.cache_clear()
    glpi_recognise._anchor_index.cache_clear()
    yield
    glpi_recognise._candidates.cache_clear()
    glpi_recognise._anchor_index.cache_clear()


@pytest.mark.parametrize(("template", "anchor"), [
    ("The registration key is invalid.", ("registration", True)),      # the longest word
    ("La clé d'enregistrement est invalide.", ("invalide", True)),     # not the accented or elided ones
    ('Plugin "%s" cannot be downloaded', ("downloaded", True)),        # the last word counts too
    ("Trouvé %1$s champ(s) et %2$s entrées", ("champ", True)),
    ("Der Schlüssel ist 20245 ungültig", ("der", True)),              # never a number; the first of equals
    ("d'enregistrement", ("enregistrement", False)),                    # only elided: a substring
    ("abc%sdefgh", ("defgh", False)),                                   # touching a placeholder
    ("xyz%sabcdef", ("abcdef", False)),                                 # the longest, not the last
    ("x`abcd", ("abcd", False)),
    ("%s", None), ("OK!", None), ("ab\u00b4cd", None),                 # nothing of 3 letters or more
])
def test_the_anchor_is_a_word_that_survives_a_damaged_paste(template, anchor):
    assert _anchor(template) == anchor


@pytest.mark.parametrize(("template", "words"), [
    ("The registration key is invalid.", {"the", "registration", "key", "is", "invalid"}),
    ("La clé d'enregistrement est invalide.", {"la", "est", "invalide"}),
    ('Plugin "%s" cannot be downloaded', {"plugin", "cannot", "be", "downloaded"}),
    ("Trouvé %1$s champ(s) et %2$s entrées", {"champ", "s", "et"}),
    ("abc%sdefgh xyz", {"xyz"}),
    ("l\u2019abc", set()),
])
def test_a_paste_must_hold_every_plain_word_of_the_text(template, words):
    # Regression: the first and last words were never required ("" is "in" any string).
    assert _required_words(template) == frozenset(words)


def recognised(text):
    return [(m.entry.id, m.language, m.text, m.arguments) for m in find_messages(text)]


@pytest.mark.parametrize(("pasted", "expected"), [
    ("The registration key is invalid.", [("registration-key-invalid", "en_GB", "The registration key is invalid.", ())]),
    ("THE  REGISTRATION\tKEY IS INVALID", [("registration-key-invalid", "en_GB", "THE  REGISTRATION\tKEY IS INVALID", ())]),
    ("La cle denregistrement est invalide !", [("registration-key-invalid", "fr_FR", "La cle denregistrement est invalide !", ())]),
    ("Der Registrierungsschluessel ist ungueltig.", [("registration-key-invalid", "de_DE", "Der Registrierungsschluessel ist ungueltig.", ())]),
    ("Der Registrierungsschl\ufffd\ufffdssel ist ung??ltig", [("registration-key-invalid", "de_DE", "Der Registrierungsschl\ufffd\ufffdssel ist ung??ltig", ())]),
    ('Plugin \\"formcreator\\" cannot be downloaded', [("cli-mp-cannot-download", "en_GB", 'Plugin \\"formcreator\\" cannot be downloaded', ("formcreator",))]),
    ("Le plugin \u00ab formcreator \u00bb ne peut pas être téléchargé",
     [("cli-mp-could-not-download", "fr_FR", "Le plugin \u00ab formcreator \u00bb ne peut pas être téléchargé", ("formcreator",))]),
    ("My GLPI Network services website seems to be unavailable from your network or offline!",
     [("tab-services-unavailable", "en_GB", "GLPI Network services website seems to be unavailable from your network or offline!", ("GLPI Network",))]),
    ("Connection failed. If you use a proxy, please configure it. (Could not resolve host: x)\nmore",
     [("curl-connection-failed", "en_GB", "Connection failed. If you use a proxy, please configure it. (Could not resolve host: x)", ("Could not resolve host: x",))]),
    ("Trouvé 3 champ(s) et 12 entrées de configuration demandant une migration.",
     [("cli-changekey-found", "fr_FR", "Trouvé 3 champ(s) et 12 entrées de configuration demandant une migration.", ("3", "12"))]),
    ("Impossible d'écrire dans le dossier du marketplace (/srv/glpi/marketplace).",
     [("mp-dir-not-writable", "fr_FR", "Impossible d'écrire dans le dossier du marketplace (/srv/glpi/marketplace).", ("/srv/glpi/marketplace",))]),
    # A value at the end runs to the end of the line, "/" and "." included.
    ("Unable to get security key file contents. Fix file permissions of /etc/glpi/glpicrypt.key.",
     [("key-file-unreadable", "en_GB", "Unable to get security key file contents. Fix file permissions of "
       "/etc/glpi/glpicrypt.key.", ("/etc/glpi/glpicrypt.key",))]),
    # A text without a final stop does not take the stops pasted after it.
    ("Access to the marketplace CLI commands is disallowed by the GLPI configuration!",
     [("cli-mp-disallowed", "en_GB", "Access to the marketplace CLI commands is disallowed by the GLPI configuration", ())]),
    # "ß" folds to two letters and "e" + U+0301 to one: the text is read back where it was pasted.
    ("Straße: The registration key is invalid. cafe\u0301",
     [("registration-key-invalid", "en_GB", "The registration key is invalid.", ())]),
    # The quotes are compared where the text was pasted, not one character further.
    ('Straße: Le plugin "formcreator" ne peut pas être téléchargé"',
     [("cli-mp-cannot-download", "fr_FR", 'Le plugin "formcreator" ne peut pas être téléchargé', ("formcreator",))]),
    # Spaces next to punctuation may be lost or added; spaces between words may not.
    ("Le plugin \u00abformcreator\u00bb ne peut pas être téléchargé",
     [("cli-mp-could-not-download", "fr_FR", "Le plugin \u00abformcreator\u00bb ne peut pas être téléchargé", ("formcreator",))]),
    ("L'archive du plugin n'est pas supportée sur votre système: zip.",
     [("mp-archive-format-unsupported", "fr_FR", "L'archive du plugin n'est pas supportée sur votre système: zip.", ("zip",))]),
    ("Connection failed . If you use a proxy , please configure it . (x)",
     [("curl-connection-failed", "en_GB", "Connection failed . If you use a proxy , please configure it . (x)", ("x",))]),
    ("Trouvé 3 champ(s ) et 12 entrées de configuration demandant une migration.",
     [("cli-changekey-found", "fr_FR", "Trouvé 3 champ(s ) et 12 entrées de configuration demandant une migration.", ("3", "12"))]),
    ("Connection failed.If you use a proxy, please configure it. (x)",
     [("curl-connection-failed", "en_GB", "Connection failed.If you use a proxy, please configure it. (x)", ("x",))]),
    ("the key is invalid, registration: Theregistration key isinvalid.", []),
    ("the key is invalid, registration: The registrationkey isinvalid.", []),
    ("the key is invalid, registration: The registration key isinvalid.", []),
    ("a proxy: Connection failed. If you use aproxy, please configure it. (x)", []),
    ("write: We can'twrite on the markeplace directory (/x).", []),
    ("La cled'enregistrement est invalide.", []),
    ("registration: The regis tration key is invalid.", []),
    # Messages one after the other: each once, in order, even touching or after a longer one.
    ("La clave de registro es incorrecta.\u00a1Se requiere un registro, al menos gratuito, para usar el mercado!",
     [("registration-key-invalid", "es_ES", "La clave de registro es incorrecta.", ()),
      ("mp-registration-required", "es_ES", "\u00a1Se requiere un registro, al menos gratuito, para usar el mercado!", ())]),
    ("Unable to get security key file contents. Fix file permissions of /x.\nThe registration key is invalid.",
     [("key-file-unreadable", "en_GB", "Unable to get security key file contents. Fix file permissions of /x.", ("/x",)),
      ("registration-key-invalid", "en_GB", "The registration key is invalid.", ())]),
    ("The registration key is invalid. The registration key is invalid. The registration key is valid.",
     [("registration-key-invalid", "en_GB", "The registration key is invalid.", ()),
      ("registration-key-valid", "en_GB", "The registration key is valid.", ())]),
    ("La clé d'enregistrement est invalidement.", []),
])
def test_pastes_are_recognised_by_patterns_built_for_them(pasted, expected):
    assert recognised(pasted) == expected
