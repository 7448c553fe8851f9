"""GLPI's message as it reaches the checker: which message, in which language, what text and
which placeholder values, for each kind of damage a terminal, a log or a copy does to it."""

from __future__ import annotations

import pytest

from checker.glpi_recognise import _unescape, find_messages, fold, may_hold_message, repair_mojibake


def found(text):
    return [(m.entry.id, m.language, m.text, m.arguments) for m in find_messages(text)]


INVALID_DE = ("registration-key-invalid", "de_DE")
INVALID_FR = ("registration-key-invalid", "fr_FR")


@pytest.mark.parametrize("pasted", [
    "Der Registrierungsschlüssel ist ungültig.",
    "Der Registrierungsschluessel ist ungueltig.",       # transliterated
    "Der Registrierungsschl??ssel ist ung??ltig.",       # two bytes, two "?"
    "Der Registrierungsschl?ssel ist ung?ltig.",
    "Der Registrierungsschl\ufffd\ufffdssel ist ung\ufffd\ufffdltig.",
    "Der Registrierungsschl\ufffdssel ist ung\ufffdltig.",
    "Der Registrierungsschlssel ist ungltig.",          # dropped
    "DER REGISTRIERUNGSSCHLÜSSEL IST UNGÜLTIG.",
])
def test_a_german_message_whatever_became_of_its_umlauts(pasted):
    assert found(pasted) == [(*INVALID_DE, pasted, ())]


@pytest.mark.parametrize("pasted", [
    "La cl? d??enregistrement est invalide.",           # apostrophe as up to three "?"
    "La cl? d???enregistrement est invalide.",
    "La cl\ufffd d\ufffdenregistrement est invalide.",
    "La cle d enregistrement est invalide.",            # apostrophe as a space
    "La cle denregistrement est invalide.",             # apostrophe dropped
    "La clé d`enregistrement est invalide.",
    "La clé d\u00b4enregistrement est invalide.",
    "La clé d'enregistrement est invalide .",           # a space before the stop
    "La clé d'enregistrement est invalide  !",
    "La clé d'enregistrement est invalide!!!",
    "La clé d'enregistrement est invalide",
])
def test_a_french_message_whatever_became_of_its_accents_apostrophe_and_stop(pasted):
    assert found(pasted) == [(*INVALID_FR, pasted, ())]


@pytest.mark.parametrize("pasted", [
    "La clé d'enregistrement est invalidement.",       # a longer word
    "Xla clé d'enregistrement est invalide.",          # inside a word
])
def test_a_message_is_matched_whole_words_only(pasted):
    assert found(pasted) == []


@pytest.mark.parametrize(("pasted", "text"), [
    ("La clé d'enregistrement est invalide...?", "La clé d'enregistrement est invalide..."),
    ("The registration key is invalid....", "The registration key is invalid..."),   # three stops at most
    ("The registration key is invalid.x", "The registration key is invalid"),
])
def test_at_most_three_final_stops_belong_to_the_message(pasted, text):
    assert [m.text for m in find_messages(pasted)] == [text]


@pytest.mark.parametrize(("pasted", "text"), [
    ("\x1b[31mThe registration key is invalid.\x1b[0m", "The registration key is invalid."),   # colours
    ("The registration key\x07 is invalid.", "The registration key is invalid."),               # a bell
    ("La cl\\u00e9 d\\u0027enregistrement est invalide.", "La clé d'enregistrement est invalide."),  # JSON
    ("La cl\\u00E9 d'enregistrement est invalide.", "La clé d'enregistrement est invalide."),
    ("La cl&eacute; d&#39;enregistrement est invalide.", "La clé d'enregistrement est invalide."),  # HTML
    ("La clé d&#x27;enregistrement est invalide.", "La clé d'enregistrement est invalide."),
    ("La cl\u00c3\u00a9 d\u00e2\u0080\u0099enregistrement est invalide.", "La clé d\u2019enregistrement est invalide."),
    ("La clé d\u200b'enregistre\u00adment est invalide.\ufeff", "La clé d'enregistrement est invalide."),
    ("La cle d\u00e2\u20ac\u2122enregistrement est invalide.", "La cle d\u2019enregistrement est invalide."),
])
def test_escapes_colours_and_invisible_characters_are_read_through(pasted, text):
    [(entry_id, language, shown, arguments)] = found(pasted)
    assert (entry_id, shown, arguments) == ("registration-key-invalid", text, ())


@pytest.mark.parametrize(("pasted", "entry_id", "text", "arguments"), [
    # A first placeholder takes at most two words: the product's name, not the line before it.
    ("My GLPI Network services website seems to be unavailable from your network or offline!",
     "tab-services-unavailable",
     "GLPI Network services website seems to be unavailable from your network or offline!", ("GLPI Network",)),
    # A last placeholder runs to the end of the line, without the final stop.
    ("Connection failed. If you use a proxy, please configure it. (Could not resolve host: "
     "services.glpi-network.com)\nnext line", "curl-connection-failed",
     "Connection failed. If you use a proxy, please configure it. (Could not resolve host: "
     "services.glpi-network.com)", ("Could not resolve host: services.glpi-network.com",)),
    ("Unable to get security key file contents. Fix file permissions of /etc/glpi/glpicrypt.key.",
     "key-file-unreadable",
     "Unable to get security key file contents. Fix file permissions of /etc/glpi/glpicrypt.key.",
     ("/etc/glpi/glpicrypt.key",)),
    # No value at all: only the message that needs none.
    ("Unable to get security key file contents. Fix file permissions of .", "log-key-unreadable",
     "Unable to get security key file contents.", ()),
    # Values in the middle, numbered placeholders, in French.
    ("Trouvé 3 champ(s) et 12 entrées de configuration demandant une migration.", "cli-changekey-found",
     "Trouvé 3 champ(s) et 12 entrées de configuration demandant une migration.", ("3", "12")),
    # JSON-escaped quotes around a value, from a log line.
    ('Plugin \\"formcreator\\" cannot be downloaded', "cli-mp-cannot-download",
     'Plugin \\"formcreator\\" cannot be downloaded', ("formcreator",)),
    # Folding "ß" to "ss" changes the length: offsets still point at what was pasted.
    ('Straße: Plugin "straße" cannot be downloaded', "cli-mp-cannot-download",
     'Plugin "straße" cannot be downloaded', ("straße",)),
])
def test_placeholder_values_are_read_as_pasted(pasted, entry_id, text, arguments):
    [(found_id, _, shown, values)] = found(pasted)
    assert (found_id, shown, values) == (entry_id, text, arguments)


def test_the_quotes_pasted_pick_between_texts_that_differ_only_there():
    assert found("Le plugin \u00ab formcreator \u00bb ne peut pas être téléchargé") == [
        ("cli-mp-could-not-download", "fr_FR", "Le plugin \u00ab formcreator \u00bb ne peut pas être téléchargé",
         ("formcreator",))]
    assert found('Le plugin "formcreator" ne peut pas être téléchargé') == [
        ("cli-mp-cannot-download", "fr_FR", 'Le plugin "formcreator" ne peut pas être téléchargé', ("formcreator",))]


def test_offsets_point_into_the_cleaned_paste():
    [match] = find_messages("ÉCHEC: The registration key is invalid.")
    assert (match.start, match.end) == (7, 39)
    [match] = find_messages("Straße: Plugin \"straße\" cannot be downloaded")
    assert (match.start, match.end) == (8, 44)


def test_a_message_repeated_is_reported_once():
    assert found("The registration key is invalid. The registration key is invalid.") == [
        ("registration-key-invalid", "en_GB", "The registration key is invalid.", ())]


@pytest.mark.parametrize(("text", "holds"), [
    ("a b", True), ("a\u00a0b", True), ("a\u202fb", True), ("ab", False), ("a\tb", False), ("", False),
])
def test_only_text_with_a_space_may_hold_a_message(text, holds):
    assert may_hold_message(text) is holds


def test_folding_drops_accents_and_case_and_reads_typographic_quotes_as_ascii():
    assert fold("ÉCOLE ﬁ ß Straße \u2019") == "ecole fi ss strasse '"
    assert fold("ABC`") == "abc'"
    assert fold("\u201cQuoted\u201d \u00abtoo\u00bb \u2039and\u203a") == '"quoted" "too" "and"'


def test_mojibake_is_repaired_from_windows_1252_then_latin_1():
    assert repair_mojibake("cl\u00c3\u00a9") == "clé"
    # Regression: a typographic apostrophe read as Windows-1252 ("\u00e2\u20ac\u2122") was left as it was.
    assert repair_mojibake("d\u00e2\u20ac\u2122enregistrement") == "d\u2019enregistrement"
    assert repair_mojibake("\u00c3\u0081") == "\u00c1"      # byte 0x81: Latin-1 only
    assert repair_mojibake("cl\u00c3\u00a9 5\u20ac") == "cl\u00c3\u00a9 5\u20ac"  # neither reading works
    assert repair_mojibake("plain") == "plain"
    # Without a marker nothing is re-read, even text whose Windows-1252 bytes happen to be UTF-8.
    assert repair_mojibake("\u00c4\u00b1") == "\u00c4\u00b1"


def test_unescaping_reads_json_and_html_and_drops_invisible_characters():
    assert _unescape("a&amp;b \\u00e9 c\u200bd & e") == "a&b é cd & e"
    assert _unescape("Tom & Jerry &nosuchentitylong;") == "Tom & Jerry &nosuchentitylong;"
    assert _unescape("\\u00E9\\u00e9") == "éé"
