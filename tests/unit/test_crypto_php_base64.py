"""PHP's lenient base64_decode, which GLPI calls before decrypting. Pure: also runs in Pyodide."""

import base64

import pytest
from hypothesis import given, strategies as st

from checker.crypto.php_base64 import php_lenient_decode, skipped_characters


@pytest.mark.parametrize("text, expected", [
    ("dGVzdA==", b"test"),
    ("dGVzdA", b"test"),                  # missing padding is fine
    ("dGVz dA==\n", b"test"),             # whitespace skipped
    ("dG$Vz%dA==", b"test"),              # characters outside the alphabet skipped
    ("dGVz=dA", b"test"),                 # "=" skipped wherever it is
    ("dGVzdAQ", b"test\x04"),
    ("dGVzdA1", b"test\r"),               # the 2 spare bits are dropped
    ("dGVzd", b"tes"),                    # a lone last character is dropped
    ("", b""),
    ("!!!", b""),
    ("not a valid value", base64.b64decode("notavalidvalue==")),
])
def test_decodes_like_php_non_strict(text, expected):
    assert php_lenient_decode(text) == expected


def test_glpi_t7_value_is_too_short_for_a_nonce():
    assert len(php_lenient_decode("not a valid value")) == 10


@given(st.binary(max_size=200))
def test_canonical_base64_decodes_to_its_bytes(data):
    assert php_lenient_decode(base64.b64encode(data).decode()) == data


def test_skipped_characters_ignore_whitespace_and_padding():
    assert skipped_characters("ab cd\n==") == []
    assert skipped_characters("ab-c_d%") == ["-", "_", "%"]
