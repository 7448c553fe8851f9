"""What the checker says when the input is some other GLPI secret, or ordinary words."""

import base64

import pytest

from checker.check import check
from checker.identify import binary_shape, key_vs_keyfile, lookalike_finding, prose_finding, text_shape


def test_thirty_two_raw_bytes_are_a_key_file():
    kind, finding = binary_shape(bytes(range(32)), "Read")
    assert kind == "glpicrypt-key"
    assert finding.detail == "Read exactly 32 bytes of binary data: the size of a glpicrypt.key."


@pytest.mark.parametrize("size, ciphertext, secret", [
    (40, "0 bytes", "an empty secret"), (41, "1 byte", "a 1-byte secret"),
    (48, "8 bytes", "an 8-byte secret"), (51, "11 bytes", "an 11-byte secret"),
    (88, "48 bytes", "a 48-byte secret"), (122, "82 bytes", "an 82-byte secret"),
])
def test_nonce_ciphertext_and_tag_give_the_secret_size(size, ciphertext, secret):
    kind, finding = binary_shape(bytes(size), "Decodes from base64 to")
    assert kind == "encrypted-value"
    assert finding.detail == (
        f"Decodes from base64 to {size} bytes of binary data: a 24-byte nonce, {ciphertext} of "
        f"ciphertext and a 16-byte tag, so it holds {secret}.")


@pytest.mark.parametrize("size", [0, 31, 33, 39])
def test_other_sizes_are_no_known_secret(size):
    assert binary_shape(bytes(size), "Read") is None


def test_key_vs_keyfile_says_they_may_have_been_swapped():
    finding = key_vs_keyfile()
    assert (finding.code, finding.detail) == ("key-vs-keyfile",
                                              "You may have pasted one for the other.")


def test_a_key_file_in_base64_says_how_it_was_read():
    report = check(base64.b64encode(bytes(range(32))).decode())
    assert report.kind == "glpicrypt-key"
    assert report.findings[-2].detail == ("Decodes from base64 to exactly 32 bytes of binary data: "
                                          "the size of a glpicrypt.key.")
    assert report.codes()[-1] == "key-vs-keyfile"


@pytest.mark.parametrize("pieces", [
    ["hello", "world"],
    ["Hello", "World"],                    # Title case
    ["THE", "KEY", "IS", "INVALID"],       # capitals
    ["«Bonjour»", "l'admin,", "ça", "va?"],
    ["hello", "x1"],                       # half of the pieces are words: still text
])
def test_ordinary_words_are_text(pieces):
    finding = prose_finding(pieces)
    assert finding.code == "identified-unknown"
    assert finding.detail == (
        f"Ordinary text: {len(pieces)} words separated by spaces. A registration key is one "
        "unbroken run of base64 characters (letters, digits, \"+\", \"/\") with no spaces.")


@pytest.mark.parametrize("pieces", [
    ["hello"],                             # one piece is not "several" anything
    ["hello", "x1", "y2"],                 # fewer than half are words
    ["HEllo", "WOrld", "there"],           # mixed case inside a word is base64, not a word
    ["AbCd", "EfGh", "word"],
    ["hello", "eyJzaWduYXR1cmUiOiJ4In0"],  # one piece looks like a secret
])
def test_pieces_that_are_not_mostly_words_are_not_text(pieces):
    assert prose_finding(pieces) is None


def test_a_sentence_is_reported_as_text_by_check():
    report = check("Hello there, how are you today?")
    assert (report.kind, report.status) == ("unknown", "error")
    assert report.findings[-1].detail.startswith("Ordinary text: 6 words separated by spaces.")


@pytest.mark.parametrize("text, labels, kind, detail", [
    ("a" * 64, [], "glpicrypt-key",
     "64 hexadecimal characters: the 32 bytes of a glpicrypt.key written as hex (as `xxd -p` or "
     "PHP's bin2hex print them). GLPI itself needs the raw 32 bytes in the file."),
    ("A1" * 32, [], "glpicrypt-key", None),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", [], "api-token",
     "Three dot-separated base64url parts starting \"eyJ\": a JSON Web Token, the form of "
     "GLPI 11's OAuth access tokens."),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.", [], "api-token", None),  # unsigned JWT
    ("0123456789abcdefghij" * 2, [], "instance-uid",
     "40 characters, all lowercase letters and digits."),
    ("0123456789abcdefghij" * 2, ["API token"], "api-token",
     "40 lowercase letters and digits, copied with the label \"API token\": a GLPI user or "
     "application token."),
    ("0123456789abcdefghij" * 2, ["user", "Authorization"], "api-token",
     "40 lowercase letters and digits, copied with the label \"Authorization\": a GLPI user or "
     "application token."),
    ("0123456789abcdefghij" * 2, ["name"], "instance-uid", None),
])
def test_secrets_recognised_by_their_text(text, labels, kind, detail):
    found_kind, finding = text_shape(text, labels)
    assert found_kind == kind
    if detail is not None:
        assert finding.detail == detail


@pytest.mark.parametrize("text", ["a" * 63, "a" * 65, "g" * 64, "0123456789ABCDEFGHIJ" * 2,
                                  "0123456789abcdefghij" * 2 + "x", "eyJ.a", "abc.def.ghi"])
def test_near_misses_are_not_recognised(text):
    assert text_shape(text, []) is None


@pytest.mark.parametrize("text, detail", [
    ("QUJ\u0430\uff11\u00e9\u20ac\u0430",  # Cyrillic а twice, full-width 1; é and € pass for nothing
     'Found U+0430 CYRILLIC SMALL LETTER A looks like "a"; U+FF11 FULLWIDTH DIGIT ONE looks like "1".'),
    ("Q\u03bf\u00b2\ufb01",
     'Found U+03BF GREEK SMALL LETTER OMICRON looks like "o"; U+00B2 SUPERSCRIPT TWO looks like "2"; '
     'U+FB01 LATIN SMALL LIGATURE FI looks like "fi".'),
    ("Q\u2160", 'Found U+2160 ROMAN NUMERAL ONE looks like "I".'),
])
def test_lookalikes_are_each_named_once_with_the_letter_they_pass_for(text, detail):
    finding = lookalike_finding(text)
    assert (finding.code, finding.detail) == ("paste-lookalike-characters", detail)


@pytest.mark.parametrize("text", ["QUJD", "Cl\u00e9 \u00e9t\u00e9", "\u20ac\u00a3", "QUJD\u4e00"])
def test_letters_that_pass_for_no_ascii_letter_are_not_lookalikes(text):
    assert lookalike_finding(text) is None
