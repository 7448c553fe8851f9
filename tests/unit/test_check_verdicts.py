"""`check`'s verdict on inputs it refuses or reads as something else: kind, status, headline and
each finding's exact detail, as the CLI and the page show them."""

from __future__ import annotations

import base64

import pytest

from checker.check import check
from checker.limits import MAX_INPUT
from samples import GLPI_KEY


def verdict(value):
    report = check(value)
    return report.kind, report.status, report.headline, [(f.code, f.detail) for f in report.findings]


def test_bytes_that_are_not_text_are_not_read():
    assert verdict(bytes(range(200, 256)) * 2) == (
        "unknown", "error", "Not read: binary data, not text.",
        [("input-binary", "112 bytes of binary data, not text.")])


def test_a_raw_key_file_read_as_bytes_is_glpicrypt_key_material():
    assert verdict(GLPI_KEY) == (
        "glpicrypt-key", "error",
        "Not a registration key: this is glpicrypt.key material (GLPI's encryption key, not a registration key).",
        [("identified-glpicrypt-key", "Read exactly 32 bytes of binary data: the size of a glpicrypt.key."),
         ("key-vs-keyfile", "You may have pasted one for the other.")])


@pytest.mark.parametrize(("value", "detail"), [
    (b"x" * (MAX_INPUT + 1), f"{MAX_INPUT + 1:,} bytes; the checker reads at most {MAX_INPUT:,}."),
    ("x" * (MAX_INPUT + 1), f"{MAX_INPUT + 1:,} characters; the checker reads at most {MAX_INPUT:,}."),
])
def test_too_long_an_input_is_not_read(value, detail):
    assert verdict(value) == ("unknown", "error", "Not read: input too long.", [("input-too-long", detail)])


def test_the_longest_input_read_is_read():
    assert check("x" * MAX_INPUT).codes() != ["input-too-long"]
    assert check(b"x" * MAX_INPUT).codes() != ["input-too-long"]


@pytest.mark.parametrize(("decoded", "finding"), [
    # JSON after leading whitespace is still a damaged key, not something else.
    (b' {"signature": broken',
     ("key-not-json", 'Decodes to 21 characters of text starting " {"signature": broken"; '
                      'PHP\'s json_decode fails with "Syntax error".')),
    (b'"just a string"', ("key-not-object", "Decodes to a JSON string.")),
    (b"[1, 2, 3]", ("key-not-object", "Decodes to a JSON array.")),
])
def test_base64_of_json_that_is_not_a_key_object_is_a_damaged_registration_key(decoded, finding):
    assert verdict(base64.b64encode(decoded).decode()) == (
        "registration-key", "error", "A damaged registration key: it cannot work as pasted.", [finding])


@pytest.mark.parametrize(("pasted", "findings"), [
    ("", [("identified-empty", "The input is empty.")]),
    ("   \n", [("identified-empty", "Nothing left once whitespace was removed.")]),
    # Quotes around nothing: the quotes are said, the whitespace (information) is not.
    (' "" ', [("paste-quotes", "Removed the quotes around the key."),
              ("identified-empty", "Nothing left once whitespace was removed.")]),
])
def test_nothing_to_check_says_what_was_there(pasted, findings):
    assert verdict(pasted) == ("empty", "error", "Nothing to check: the input is empty.", findings)


def test_a_key_wrapped_every_two_characters_is_a_key_not_words():
    key = "eyJzaWduYXR1cmUiOiJ4In0="
    report = check("\n".join(key[i:i + 2] for i in range(0, len(key), 2)))
    assert (report.kind, report.status, report.normalized) == ("registration-key", "warning", key)
    assert (report.findings[0].code, report.findings[0].detail) == (
        "paste-line-breaks", "Joined 12 lines with Unix (LF) line endings, wrapped at 2 columns.")


@pytest.mark.parametrize(("pasted", "kind", "headline"), [
    ("eyJzaWdu\u0430YXR1cmUiOiJ4In0=", "registration-key", "A damaged registration key: it cannot work as pasted."),
    ("QUJDREVG\u0430BCD", "unknown", "Not a registration key: this is not something the checker recognises."),
])
def test_a_look_alike_letter_damages_a_key_and_leaves_anything_else_unknown(pasted, kind, headline):
    assert verdict(pasted) == (kind, "error", headline, [
        ("paste-lookalike-characters", 'Found U+0430 CYRILLIC SMALL LETTER A looks like "a".')])


@pytest.mark.parametrize(("pasted", "detail"), [
    ("abc\x00def", "1 control character(s) and 0 U+FFFD replacement character(s) in 7 characters: "
                   "a binary file read as text."),
    ("abc\ufffddef", "0 control character(s) and 1 U+FFFD replacement character(s) in 7 characters: "
                     "a binary file read as text."),
    # Terminal colours are not counted, the NUL between them is.
    ("\x1b[31m\x00\x1b[0m", "1 control character(s) and 0 U+FFFD replacement character(s) in 10 characters: "
                            "a binary file read as text."),
])
def test_a_binary_file_read_as_text_is_not_read(pasted, detail):
    assert verdict(pasted) == ("unknown", "error", "Not read: binary data, not text.", [("input-binary", detail)])


def test_bytes_that_are_utf8_but_binary_are_not_read_either():
    assert verdict(b"abc\x00def") == ("unknown", "error", "Not read: binary data, not text.",
                                      [("input-binary", "7 bytes of binary data, not text.")])


def test_terminal_colours_alone_do_not_make_text_binary():
    kind, status, _, findings = verdict("\x1b[31mhello\x1b[0m")
    assert (kind, status, findings[0]) == (
        "unknown", "error", ("identified-unknown", "14 characters that match no GLPI secret's shape."))


def test_base64_of_a_key_file_is_glpicrypt_key_material():
    assert verdict(base64.b64encode(GLPI_KEY).decode()) == (
        "glpicrypt-key", "error",
        "Not a registration key: this is glpicrypt.key material (GLPI's encryption key, not a registration key).",
        [("identified-glpicrypt-key", "Decodes from base64 to exactly 32 bytes of binary data: the size of a "
                                      "glpicrypt.key."),
         ("key-vs-keyfile", "You may have pasted one for the other.")])


def test_short_base64_that_is_no_secret_is_unknown_with_what_it_decodes_to():
    assert verdict("QUJD") == (
        "unknown", "error", "Not a registration key: this is not something the checker recognises.",
        [("identified-unknown", "4 characters that match no GLPI secret's shape."),
         ("key-not-json", 'Decodes to 3 characters of text starting "ABC"; PHP\'s json_decode fails with '
                          '"Syntax error".')])
    assert check("QUJD").fields is None


def test_a_key_object_without_signature_keeps_its_members():
    report = check(base64.b64encode(b'{"a":1}').decode())
    assert (report.kind, report.status, report.codes(), report.fields) == (
        "registration-key", "error", ["key-signature-missing"], {"a": 1})


def test_glpi_messages_headline_names_the_cause_or_the_count():
    assert check("The registration key is invalid.").headline == (
        "GLPI's message: GLPI Network did not accept the registration key GLPI sent.")
    assert check("The registration key is invalid.\nThe registration key is valid.").headline == (
        "2 of GLPI's messages: each one's cause and page below.")


def test_a_token_is_named_without_the_key_file_advice():
    assert verdict("0123456789abcdef0123456789abcdef01234567") == (
        "instance-uid", "error", "Not a registration key: this is an instance UID or a GLPI token.",
        [("identified-instance-uid", "40 characters, all lowercase letters and digits.")])


def test_a_damaged_key_keeps_its_key_repairs_next_to_the_look_alike():
    assert verdict("eyJzaWdu\u0430YXR1cm-iOiJ4In0=")[3] == [
        ("paste-urlsafe-alphabet", 'Translated "-" to "+" and "_" to "/".'),
        ("paste-lookalike-characters", 'Found U+0430 CYRILLIC SMALL LETTER A looks like "a".')]


SEVERAL = ("paste-several-values",
           "2 values separated by whitespace; joined, they do not decode to a registration key.")


@pytest.mark.parametrize(("pasted", "findings"), [
    ("eyJzaWduYXR1cmUi OiJ4In0=x", [SEVERAL]),
    # Joined, they decode to the start of JSON: a damaged key too, though not "eyJ".
    ("WzEs MiwgMw==", [SEVERAL]),
    # A key's repairs stay; the line breaks are the several values themselves.
    ("eyJzaWduYXR1cmUiOiJ4In0\nQUJD", [("paste-missing-padding", 'Added 1 "=" at the end.'), SEVERAL]),
])
def test_several_values_of_a_key_are_a_damaged_key(pasted, findings):
    assert verdict(pasted) == (
        "registration-key", "error", "A damaged registration key: it cannot work as pasted.", findings)


def test_a_damaged_key_in_the_url_safe_alphabet_says_both_repairs_and_what_is_missing():
    report = check("eyJhIjoifn5-Pz8_Pj4-In0")
    assert (report.kind, report.status, report.normalized, report.fields) == (
        "registration-key", "error", None, {"a": "~~~???>>>"})
    assert [(f.code, f.detail) for f in report.findings] == [
        ("paste-urlsafe-alphabet", 'Translated "-" to "+" and "_" to "/".'),
        ("paste-missing-padding", 'Added 1 "=" at the end.'),
        ("key-signature-missing", "Members found: a.")]
