"""GLPI's pre-9.5 scheme, on GLPI's own vectors (GLPIKeyTest::legacyEncryptedProvider). Pure: also runs in Pyodide."""

import pytest
from hypothesis import given, strategies as st

from checker.crypto.legacy import (DEFAULT_LEGACY_KEY, decrypt_legacy, decrypt_legacy_bytes,
                                   encrypt_legacy)


def test_builtin_key_is_glpis_17_byte_constant():
    assert DEFAULT_LEGACY_KEY == "GLPI£i'snarss'ç".encode("utf-8")
    assert len(DEFAULT_LEGACY_KEY) == 17


@pytest.mark.parametrize("value, key, plaintext", [
    ("G6y/xA==", None, "test"),                                        # T9
    ("IYx+rrgV1IqUtqSD1repTQ==", None, 'zE2^oS1!mC6"dD6&'),            # T9
    ("7cjo5w==", b"custom_k3y", "test"),                               # T10
    ("n7iLkqvGhVeXsoFVwqWEVg==", b"sY4<sT6*oK3^aN0%", 'zE2^oS1!mC6"dD6&'),  # T10
])
def test_glpi_vectors(value, key, plaintext):
    assert decrypt_legacy(value, key) == plaintext


def test_wrong_legacy_key_gives_other_text():
    assert decrypt_legacy("7cjo5w==") != "test"


def test_empty_legacy_key_is_refused():
    with pytest.raises(ValueError) as raised:
        decrypt_legacy("G6y/xA==", b"")
    assert str(raised.value) == "the legacy key is empty: GLPI cannot use an empty glpi.key"


def test_encrypting_with_an_empty_legacy_key_is_refused():
    with pytest.raises(ValueError) as raised:
        encrypt_legacy(b"test", b"")
    assert str(raised.value) == "the legacy key is empty"


@given(st.binary(max_size=100), st.one_of(st.none(), st.binary(min_size=1, max_size=40)))
def test_round_trip(plaintext, key):
    assert decrypt_legacy_bytes(encrypt_legacy(plaintext, key), key) == plaintext
