"""What `check_format` tells the user about a key, word for word.

A key is base64 of a JSON object with a non-empty string `signature`; each step that fails says
what it found, and these details are what an admin reads to understand a damaged key.
"""

import base64
import json

import pytest

from checker.base64_strict import php_strict_decode
from checker.registration_key import check_format, signature_length


def b64(data: bytes | str) -> str:
    return base64.b64encode(data.encode() if isinstance(data, str) else data).decode()


def only(text: str):
    result = check_format(text)
    assert len(result.findings) == 1, result.findings
    return result, result.findings[0]


def test_binary_that_is_not_utf8():
    result, finding = only(b64(b"\xff\xfe\x00\x01"))
    assert (finding.code, finding.detail) == ("key-not-utf8", "Decodes to 4 bytes of binary data.")
    assert result.well_formed is False
    assert result.decoded == b"\xff\xfe\x00\x01"
    assert result.document is None


def test_text_that_is_not_json_is_previewed_escaped_and_cut_at_40():
    text = "not json at all, \u00e9t\u00e9\n" + "x" * 60
    result, finding = only(b64(text))
    assert finding.code == "key-not-json"
    assert finding.detail == ('Decodes to 81 characters of text starting '
                              '"not json at all, \\xe9t\\xe9\\nxxxxxxxxxxxxxxxxxxx"; '
                              'PHP\'s json_decode fails with "Syntax error".')
    assert result.well_formed is False
    assert result.document is None


@pytest.mark.parametrize("document, named", [
    ([], "array"),
    ("signature", "string"),
    (12, "number"),
    (1.5, "number"),
    ("1e999", "number"),      # PHP's infinity
    (True, "boolean"),
    (False, "boolean"),
    (None, "null"),
])
def test_json_that_is_not_an_object_names_its_type_in_jsons_words(document, named):
    # Regression: Python's type names ("list", "NoneType", "PHPInfinity") were shown.
    text = document if document == "1e999" else json.dumps(document)
    result, finding = only(b64(text))
    assert (finding.code, finding.detail) == ("key-not-object", f"Decodes to a JSON {named}.")
    assert result.document == (float("inf") if text == "1e999" else document)
    assert result.well_formed is False


def test_object_without_signature_lists_its_members_sorted():
    result, finding = only(b64('{"zeta": 1, "alpha": 2}'))
    assert (finding.code, finding.detail) == ("key-signature-missing", "Members found: alpha, zeta.")
    assert result.fields == {"zeta": 1, "alpha": 2}


def test_empty_object_has_no_members():
    _, finding = only(b64("{}"))
    assert finding.detail == "Members found: none."


@pytest.mark.parametrize("signature, shown", [
    ("", '""'),
    (None, "null"),
    (0, "0"),
    (["x"], '["x"]'),
    ("", '""'),
    ("y" * 80, None),
])
def test_signature_that_is_empty_or_not_a_string(signature, shown):
    result = check_format(b64(json.dumps({"signature": signature})))
    if shown is None:  # a long string signature is fine
        assert result.well_formed
        return
    assert [(f.code, f.detail) for f in result.findings] == [
        ("key-signature-empty", f'"signature" is {shown}.')]
    assert result.well_formed is False


def test_a_long_non_string_signature_is_cut_at_40_characters():
    result = check_format(b64(json.dumps({"signature": list(range(30))})))
    assert result.findings[0].detail == '"signature" is [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1.'


def test_well_formed_key_reports_signature_and_members():
    text = b64(json.dumps({"name": "x", "email": "a@b", "signature": b64(b"\x01" * 64)}))
    result = check_format(text)
    assert result.well_formed is True
    assert [(f.code, f.detail) for f in result.findings] == [
        ("key-signature", "Signature of 64 bytes once base64-decoded (88 characters)."),
        ("key-well-formed", f"{len(text)} characters, decoding to a JSON object with a signature "
                            "and email, name."),
    ]
    assert result.fields == {"name": "x", "email": "a@b"}
    assert result.document["signature"] == b64(b"\x01" * 64)


def test_signature_alone_has_no_other_members():
    result = check_format(b64('{"signature": "abc!"}'))
    assert result.findings[-1].detail.endswith("decoding to a JSON object with a signature and "
                                               "no other members.")
    assert result.fields == {}


@pytest.mark.parametrize("signature, measured", [
    ("QUJD", "3 bytes once base64-decoded (4 characters)"),
    ("abc!", "4 characters (not base64)"),
    ("=", "1 character (not base64)"),   # regression: "1 characters"
    ("QQ==", "1 byte once base64-decoded (4 characters)"),
])
def test_signature_length(signature, measured):
    assert signature_length(signature) == measured


def test_an_empty_base64_signature_is_measured_as_characters():
    # "" is no signature at all (key-signature-empty); this is the measure of a blank one
    assert signature_length("    ") == "4 characters (not base64)"


def test_the_decoding_given_by_the_caller_is_used_not_redone():
    text = b64('{"signature": "s"}')
    assert check_format(text, php_strict_decode(text)).well_formed
    refused = check_format(text, b"\xff")
    assert [f.code for f in refused.findings] == ["key-not-utf8"]


@pytest.mark.parametrize("code", [0x17000, 0x187F7, 0x18D00, 0x18D08])
def test_a_tangut_ideograph_is_named_even_where_python_does_not_know_its_name(code):
    # Regression: Python 3.11 has no name for them, and the finding said "UNNAMED".
    ch = chr(code)
    assert check_format(f"QU{ch}D").findings[0].detail == (
        f'Character 3 of 4 is "{ch}" (U+{code:X} TANGUT IDEOGRAPH-{code:X}).')


def test_text_that_is_not_base64_is_not_well_formed_and_decodes_to_nothing():
    result = check_format("QU-D")
    assert (result.well_formed, result.decoded, result.document, result.fields) == (False, None, None, None)
    assert [f.code for f in result.findings] == ["base64-invalid-character"]


@pytest.mark.parametrize("ch, named", [
    ("\x01", "(U+0001 CONTROL CHARACTER)"),
    ("\ue000", "(U+E000 PRIVATE USE CHARACTER)"),
    ("\U000f0000", "(U+F0000 PRIVATE USE CHARACTER)"),
    ("\u0378", "(U+0378 UNASSIGNED CHARACTER)"),
])
def test_characters_without_a_name_are_named_by_what_they_are_not_as_tangut(ch, named):
    assert check_format(f"QU{ch}D").findings[0].detail == f"Character 3 of 4 is {named}."
