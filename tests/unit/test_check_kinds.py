"""`check` says what the input is, and for a registration key, whether it is well formed."""

import base64
import json

import pytest

from checker.check import check
from checker.findings import CATALOGUE
from checker.report import KINDS
from samples import KEY, make_key

KEYFILE = b"abcdefghijklmnopqrstuvwxyz123456"  # GLPI's own test suite accepts this key
ENCRYPTED_MYP4SSW0RD = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="
ENCRYPTED_EMPTY = "tBH3MhNfobeT0tdmcYbSNqhll0OTcRSSRajXtSZ980RmzLLgJC3Owg=="


def b64(data) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.b64encode(data).decode()


def test_report_shape_is_exactly_the_documented_one():
    report = check(KEY).to_dict()
    assert set(report) == {"kind", "label", "status", "headline", "normalized", "findings", "fields"}
    for finding in report["findings"]:
        assert set(finding) == {"code", "severity", "title", "detail", "fix", "show_fix", "doc",
                                "explanation", "see_also"}
        assert finding["doc"] == f"reference/findings/#{finding['code']}"
        assert finding["code"] in CATALOGUE
        assert finding["explanation"] == CATALOGUE[finding["code"]].explanation


def test_other_members_are_reported_as_data_and_signature_measured():
    key = make_key({"owner": {"name": "ACME"}, "html": "<b>x</b>"})
    report = check(key)
    assert report.fields["owner"] == {"name": "ACME"}
    assert report.fields["html"] == "<b>x</b>"
    assert "signature" not in report.fields
    signature = next(f for f in report.findings if f.code == "key-signature")
    assert "256 bytes once base64-decoded" in signature.detail


def test_well_formed_says_only_glpi_network_can_validate():
    finding = next(f for f in check(KEY).findings if f.code == "key-well-formed")
    assert "only GLPI Network can tell" in CATALOGUE["key-well-formed"].explanation
    assert finding.severity == "info"


def test_minimal_key_is_not_held_to_any_length():
    report = check(b64('{"signature":"c2ln"}'))
    assert (report.kind, report.status) == ("registration-key", "ok")
    assert report.fields == {}


@pytest.mark.parametrize("document,code", [
    ('{"email":"a@b.c"}', "key-signature-missing"),
    ('{"signature":""}', "key-signature-empty"),
    ('{"signature":null}', "key-signature-empty"),
    ('{"signature":42}', "key-signature-empty"),
    ('["signature"]', "key-not-object"),
    ('{"signature":"abc"', "key-not-json"),
])
def test_format_errors_are_named(document, code):
    report = check(b64(document))
    assert report.status == "error" and report.normalized is None
    assert code in report.codes()
    assert report.kind == "registration-key"


def test_non_object_json_that_glpi_would_migrate_is_still_refused():
    report = check(b64("123"))  # GLPI's 9.5 migration treats this as plaintext; it is no key
    assert report.status == "error" and "key-not-object" in report.codes()


def test_truncated_key_is_a_damaged_registration_key():
    report = check(KEY[:-9])
    assert report.kind == "registration-key" and report.status == "error"
    assert {"base64-truncated", "key-not-json"} & set(report.codes())


def test_invalid_character_is_located_and_named():
    report = check(KEY[:30] + "!" + KEY[31:])
    finding = next(f for f in report.findings if f.code == "base64-invalid-character")
    assert "Character 31 of" in finding.detail and "EXCLAMATION MARK" in finding.detail


def test_padding_in_the_middle_is_refused():
    report = check(KEY[:40] + "=" + KEY[41:])
    assert "base64-bad-padding" in report.codes()


def test_glpicrypt_key_as_raw_bytes():
    report = check(bytes(range(200, 232)))
    assert (report.kind, report.status) == ("glpicrypt-key", "error")
    assert "key-vs-keyfile" in report.codes()


def test_glpicrypt_key_as_hex_and_base64():
    assert check(KEYFILE.hex()).kind == "glpicrypt-key"
    assert check(b64(bytes(range(32)))).kind == "glpicrypt-key"
    assert "key-vs-keyfile" in check(KEYFILE.hex()).codes()


@pytest.mark.parametrize("value,secret", [(ENCRYPTED_MYP4SSW0RD, "a 10-byte secret"),
                                          (ENCRYPTED_EMPTY, "an empty secret")])
def test_value_encrypted_by_glpi_reports_the_secret_length(value, secret):
    report = check(value)
    assert (report.kind, report.status) == ("encrypted-value", "error")
    finding = next(f for f in report.findings if f.code == "identified-encrypted-value")
    assert f"so it holds {secret}." in finding.detail
    assert "key-vs-keyfile" in report.codes()


def test_instance_uid_and_its_ambiguity():
    report = check("0123456789abcdefghijklmnopqrstuvwxyz0123")
    assert report.kind == "instance-uid"
    assert "does not tell those apart" in CATALOGUE["identified-instance-uid"].explanation


def test_token_label_disambiguates_an_api_token():
    assert check("App-Token: 0123456789abcdefghijklmnopqrstuvwxyz0123").kind == "api-token"
    assert check("user_token=0123456789abcdefghijklmnopqrstuvwxyz0123").kind == "api-token"


def test_jwt_is_an_api_token():
    assert check("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl").kind == "api-token"


@pytest.mark.parametrize("empty", ["", "   ", "\n\t", "\u200b\ufeff", '""'])
def test_empty_input(empty):
    report = check(empty)
    assert (report.kind, report.status) == ("empty", "error")
    assert report.codes()[-1] == "identified-empty"


@pytest.mark.parametrize("junk", ["hello world", "not a key", "12345", "??"])
def test_unknown_input(junk):
    report = check(junk)
    assert (report.kind, report.status) == ("unknown", "error")
    assert "paste-missing-padding" not in report.codes()  # no base64 repairs on non-keys


def test_binary_junk_is_named():
    report = check(b"\xff\xfe\x00garbage\x80")
    assert report.kind == "unknown" and "input-binary" in report.codes()


def test_too_long_input_stops_early():
    report = check("A" * (64 * 1024 + 1))
    assert report.codes() == ["input-too-long"]
    assert check(b"A" * (64 * 1024 + 1)).codes() == ["input-too-long"]


def test_utf8_bytes_are_checked_like_text():
    assert check(KEY.encode()).to_dict() == check(KEY).to_dict()
    assert check(b"\xef\xbb\xbf" + KEY.encode()).normalized == KEY


def test_every_kind_is_reachable():
    samples = [KEY, KEYFILE.hex(), ENCRYPTED_MYP4SSW0RD, "0123456789abcdefghijklmnopqrstuvwxyz0123",
               "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "", "hello",
               "The registration key is invalid."]
    assert {check(sample).kind for sample in samples} == set(KINDS)


def test_fields_only_for_registration_keys():
    assert check(ENCRYPTED_MYP4SSW0RD).fields is None
    assert json.loads(json.dumps(check(KEY).to_dict()))["fields"]["email"] == "admin@example.org"


def test_binary_file_read_as_text_is_named_binary():
    # What a browser text box or a terminal gets from a binary file: controls and U+FFFD.
    report = check("PK\x03\x04\x14\x00\x08\x00\ufffd\ufffd\x00junk")
    assert (report.kind, report.status) == ("unknown", "error")
    assert report.codes() == ["input-binary"]
    assert "2 U+FFFD" in report.findings[0].detail


def test_terminal_colour_codes_are_not_binary():
    report = check(f"\x1b[32m{KEY}\x1b[0m")
    assert "input-binary" not in report.codes()
    assert "base64-invalid-character" in report.codes()  # the escape itself is named


def test_php_strict_base64_semantics():
    from checker.base64_strict import Base64Error, php_strict_decode
    accepted = {"QQ==": b"A", "QQ": b"A", "QUI=": b"AB", "QUI": b"AB", "QUJD": b"ABC", "": b"",
                "QU JD\n": b"ABC"}
    for text, expected in accepted.items():
        assert php_strict_decode(text) == expected, text
    for text, reason in {"QUJD=": "bad-padding", "QQ=": "bad-padding", "QUJD====": "bad-padding",
                         "QQ==QQ==": "bad-padding", "Q": "truncated", "QUJ!": "invalid-character"}.items():
        result = php_strict_decode(text)
        assert isinstance(result, Base64Error) and result.reason == reason, (text, result)


def test_raw_key_bytes_that_happen_to_be_utf8_are_still_a_key_file():
    raw = bytes([0x01, 0x7f] * 16)  # valid UTF-8, but control bytes: a binary file
    report = check(raw)
    assert report.kind == "glpicrypt-key"


@pytest.mark.parametrize("text", [
    "hello world", "not a key", "The registration key is wrong",
    "Error: the registration key is not accepted", "\u201cMy key doesn\u2019t work!\u201d",
    "GLPI 10.0 refuses my key", "привет мир", "Clé d'enregistrement invalide.",
])
def test_ordinary_words_are_text_not_several_values(text):
    report = check(text)
    assert (report.kind, report.status) == ("unknown", "error")
    assert report.codes() == ["identified-unknown"]  # no "several values", no key repairs
    assert "Ordinary text" in report.findings[0].detail


@pytest.mark.parametrize("text", [
    f"{KEY} {KEY}",
    "c2lnbmF0dXJlc2lnbmF0dXJl c2lnbmF0dXJlc2lnbmF0dXJl",
    "AbCdEfGhIjKlMnOpQr AbCdEfGhIjKlMnOpQr",
    f"see {KEY[:40]} and",
])
def test_values_among_words_are_still_several_values(text):
    assert "paste-several-values" in check(text).codes()


def test_a_key_wrapped_in_short_lines_is_never_read_as_words():
    wrapped = "\n".join(KEY[i:i + 4] for i in range(0, len(KEY), 4))
    report = check(wrapped)
    assert (report.kind, report.normalized) == ("registration-key", KEY)


@pytest.mark.parametrize("text", ["aGVsbG8gd29ybGQ= aGVsbG8gd29ybGQ=", "aGk= aGk=", "SGk= eHk="])
def test_two_padded_values_are_two_values_not_a_label_and_a_value(text):
    report = check(text)
    assert report.codes() == ["paste-several-values"]
    assert report.findings[0].detail.startswith("2 values separated by whitespace")


@pytest.mark.parametrize("text, label", [
    ("key= eyJzaWduYXR1cmUiOiJ4In0=", "key"),
    ("Key= eyJzaWduYXR1cmUiOiJ4In0=", "Key"),
    ("API_KEY = eyJzaWduYXR1cmUiOiJ4In0=", "API_KEY"),
    ("registration_key=eyJzaWduYXR1cmUiOiJ4In0=", "registration_key"),
])
def test_a_name_before_equals_is_still_a_label(text, label):
    report = check(text)
    assert report.kind == "registration-key" and report.status == "warning"
    assert report.findings[0].detail == f'Removed the label "{label}".'
