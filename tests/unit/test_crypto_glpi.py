"""GLPI's decryption outcomes that need no AEAD backend. Pure: also runs in Pyodide.

(Tests that encrypt or decrypt with a backend live in test_crypto_vectors_cpython.py.)
"""

import sys

import pytest

from checker import glpi_texts as glpi_messages
from checker.crypto import backend
from checker.crypto.glpi import decrypt_value, encrypt_value
from checker.findings import CATALOGUE

GLPI_TEST_KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")


@pytest.mark.parametrize("value", ["", "0"])
def test_php_empty_values_are_returned_unchanged(value):
    result = decrypt_value(value, GLPI_TEST_KEY)
    assert not result.ok and result.error_code == "decrypt-empty-value"


def test_glpi_t7_too_short_for_a_nonce():
    result = decrypt_value("not a valid value", GLPI_TEST_KEY)
    assert not result.ok
    assert result.error_code == "decrypt-no-nonce"
    assert result.message == glpi_messages.LOG_DECRYPT_NO_NONCE
    assert "10 bytes" in result.detail


def test_characters_outside_base64_are_named():
    result = decrypt_value("abc$$$def", GLPI_TEST_KEY)
    assert result.error_code == "decrypt-not-base64"
    assert "'$'" in result.detail
    # GLPI decodes leniently, so what it logs is the nonce message, not the base64 one
    assert result.message == glpi_messages.LOG_DECRYPT_NO_NONCE


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_a_key_of_the_wrong_size_is_not_used(size):
    result = decrypt_value("tBH3MhNfobeT0tdmcYbSNqhll0OTcRSSRajXtSZ980RmzLLgJC3Owg==", bytes(size))
    assert not result.ok and result.error_code == "keyfile-wrong-size"
    assert result.message == glpi_messages.LOG_KEYFILE_INVALID
    with pytest.raises(ValueError, match="Invalid security key file contents"):
        encrypt_value(b"secret", bytes(size))


def test_every_error_code_is_in_the_catalogue():
    codes = {"decrypt-empty-value", "decrypt-no-nonce", "decrypt-not-base64", "decrypt-failed",
             "decrypt-ok", "keyfile-wrong-size"}
    assert codes <= set(CATALOGUE)


def test_result_hides_the_plaintext_on_request():
    from checker.crypto.glpi import DecryptResult
    result = DecryptResult(True, b"hunter2", None, "Decrypted.", "")
    assert "plaintext" not in result.to_dict(show_plaintext=False)
    assert result.to_dict(show_plaintext=False)["plaintext_length"] == 7
    assert result.to_dict()["plaintext"] == "hunter2"


def test_checker_imports_without_cryptography_and_says_what_is_missing(monkeypatch):
    """In Pyodide there is no `cryptography`: importing must work, using it must say why not."""
    for name in list(sys.modules):
        if name == "cryptography" or name.startswith("cryptography.") or name == "checker.crypto.cpython_backend":
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "cryptography", None)  # makes `import cryptography` fail
    monkeypatch.setattr(backend, "_backend", None)
    with pytest.raises(backend.BackendUnavailable) as raised:
        backend.get_backend()
    assert str(raised.value).startswith(
        "No XChaCha20-Poly1305 backend: install the `cryptography` package, or call "
        "checker.crypto.backend.set_backend() first (")


def test_set_backend_is_used():
    calls = []

    class Recording:
        name = "recording"

        def encrypt(self, key, nonce, plaintext, aad):
            calls.append(("encrypt", nonce == aad))
            return plaintext + bytes(16)

        def decrypt(self, key, nonce, sealed, aad):
            calls.append(("decrypt", nonce == aad))
            raise backend.AuthenticationFailed()

    previous = backend._backend
    backend.set_backend(Recording())
    try:
        value = encrypt_value(b"abc", GLPI_TEST_KEY)
        assert decrypt_value(value, GLPI_TEST_KEY).error_code == "decrypt-failed"
    finally:
        backend.set_backend(previous)
    assert calls == [("encrypt", True), ("decrypt", True)]  # the nonce is the additional data


def test_a_value_too_short_for_its_tag_fails_without_any_backend():
    import base64
    value = base64.b64encode(bytes(24 + 10)).decode()
    result = decrypt_value(value, GLPI_TEST_KEY)
    assert result.error_code == "decrypt-failed"
    assert result.message == glpi_messages.LOG_DECRYPT_FAILED
    assert "cut short" in result.detail


@pytest.mark.parametrize("key_size, nonce_size", [(31, 24), (32, 23), (33, 25)])
def test_key_and_nonce_sizes_are_checked_once_before_any_backend(monkeypatch, key_size, nonce_size):
    class Untouchable:
        name = "must not be called"

        def encrypt(self, *args):
            raise AssertionError("the backend was called with a wrong size")

        decrypt = encrypt

    monkeypatch.setattr(backend, "_backend", Untouchable())
    for call in (backend.encrypt, backend.decrypt):
        with pytest.raises(ValueError, match="needs a"):
            call(bytes(key_size), bytes(nonce_size), b"x" * 16, b"")
