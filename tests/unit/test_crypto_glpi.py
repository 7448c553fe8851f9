"""GLPI's decryption outcomes that need no AEAD backend. Pure: also runs in Pyodide.

(Tests that encrypt or decrypt with a backend live in test_crypto_vectors_cpython.py.)
"""

import base64
import sys

import pytest

from checker.wording import secret_size

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


@pytest.mark.parametrize("size", [0, 31, 33])
def test_a_key_of_the_wrong_size_is_explained(size):
    result = decrypt_value("not a valid value", bytes(size))
    assert (result.ok, result.plaintext) == (False, None)
    assert result.detail == (f"The key is {size} bytes, not 32, so GLPI would not use it: it would pass "
                             "the stored value on without decrypting it.")
    with pytest.raises(ValueError) as raised:
        encrypt_value(b"secret", bytes(size))
    assert str(raised.value) == f"{glpi_messages.LOG_KEYFILE_INVALID} The key is {size} bytes, not 32."


@pytest.mark.parametrize("value, shown", [("", "The value is empty."), ("0", 'The value is "0".')])
def test_php_empty_values_are_explained(value, shown):
    result = decrypt_value(value, GLPI_TEST_KEY)
    assert (result.ok, result.plaintext) == (False, None)
    assert result.message == "Nothing to decrypt: GLPI returns this value unchanged."
    assert result.detail == shown


@pytest.mark.parametrize("value", ["00", " 0", "0 ", "A"])
def test_only_php_empty_strings_are_returned_unchanged(value):
    assert decrypt_value(value, GLPI_TEST_KEY).error_code == "decrypt-no-nonce"


def test_a_value_too_short_for_a_nonce_says_how_many_bytes_it_holds():
    value = base64.b64encode(bytes(23)).decode()
    result = decrypt_value(value, GLPI_TEST_KEY)
    assert (result.ok, result.plaintext, result.error_code) == (False, None, "decrypt-no-nonce")
    assert result.detail == "It decodes to 23 bytes, fewer than the 24 of a nonce."


@pytest.mark.parametrize("more", [0, 15])
def test_a_nonce_and_a_short_tag_say_what_is_missing(more):
    # GLPIKey::decrypt() takes the first 24 bytes as the nonce: exactly 24 is a whole nonce,
    # and libsodium then fails on the missing tag.
    result = decrypt_value(base64.b64encode(bytes(24 + more)).decode(), GLPI_TEST_KEY)
    assert (result.ok, result.plaintext, result.error_code) == (False, None, "decrypt-failed")
    assert result.message == glpi_messages.LOG_DECRYPT_FAILED
    assert result.detail == (f"It decodes to {24 + more} bytes: a nonce and {more} more, too few for the "
                             "16-byte tag, so it is cut short.")


@pytest.mark.parametrize("value, detail", [
    ("abc$def", "The value holds 1 character outside the base64 alphabet ('$'). GLPI's lenient "
                "base64 decoding skips it; then: it decodes to 4 bytes, fewer than the 24 of a nonce."),
    ("ab-c_d", "The value holds 2 characters outside the base64 alphabet ('-', '_'). GLPI's lenient "
               "base64 decoding skips them; then: it decodes to 3 bytes, fewer than the 24 of a nonce."),
    ("ab-c_d-", "The value holds 3 characters outside the base64 alphabet ('-', '_'). GLPI's lenient "
                "base64 decoding skips them; then: it decodes to 3 bytes, fewer than the 24 of a nonce."),
    ("a!b#c$d%e&f(g", "The value holds 6 characters outside the base64 alphabet ('!', '#', '$', '%', '&', …). "
                      "GLPI's lenient base64 decoding skips them; then: it decodes to 5 bytes, fewer than "
                      "the 24 of a nonce."),
    ("a!b#c$d%e&f", "The value holds 5 characters outside the base64 alphabet ('!', '#', '$', '%', '&'). "
                    "GLPI's lenient base64 decoding skips them; then: it decodes to 4 bytes, fewer than "
                    "the 24 of a nonce."),
    ("A-" * 20 + "AAAAAAAAAAAAAAAAAAAAAAA=", "The value holds 20 characters outside the base64 alphabet ('-'). "
     "GLPI's lenient base64 decoding skips them; then: it decodes to 32 bytes: a nonce and 8 more, too "
     "few for the 16-byte tag, so it is cut short."),
])
def test_characters_glpi_skips_are_counted_and_named_once_each(value, detail):
    result = decrypt_value(value, GLPI_TEST_KEY)
    assert (result.ok, result.error_code) == (False, "decrypt-not-base64")
    assert result.detail == detail


def test_whitespace_and_padding_are_not_stray_characters():
    result = decrypt_value("AAAA AAAA\nAAAA\tAAAA\r\nAAAA AAAA AA==", GLPI_TEST_KEY)
    assert result.error_code == "decrypt-no-nonce"
    assert result.detail == "It decodes to 19 bytes, fewer than the 24 of a nonce."


def test_a_result_as_a_dictionary():
    from checker.crypto.glpi import DecryptResult
    decrypted = DecryptResult(True, b"caf\xc3\xa9", None, "Decrypted.", "Decrypted a 5-byte secret.")
    assert decrypted.code == "decrypt-ok"
    assert decrypted.to_dict() == {
        "ok": True, "error_code": None, "message": "Decrypted.", "detail": "Decrypted a 5-byte secret.",
        "plaintext_length": 5, "plaintext": "café", "plaintext_is_utf8": True}
    binary = DecryptResult(True, b"\xff\x00", None, "Decrypted.", "")
    assert binary.to_dict()["plaintext"] == "\ufffd\x00"
    assert binary.to_dict()["plaintext_is_utf8"] is False
    failed = decrypt_value("", GLPI_TEST_KEY)
    assert failed.code == "decrypt-empty-value"
    assert failed.to_dict() == {
        "ok": False, "error_code": "decrypt-empty-value",
        "message": "Nothing to decrypt: GLPI returns this value unchanged.", "detail": "The value is empty.",
        "plaintext_length": None}


@pytest.mark.parametrize("size, said", [
    (1, "a 1-byte"), (8, "an 8-byte"), (10, "a 10-byte"), (11, "an 11-byte"), (18, "an 18-byte"),
    (80, "an 80-byte"), (110, "a 110-byte"), (118, "a 118-byte"), (800, "an 800-byte"),
    (1100, "a 1100-byte"), (11000, "an 11000-byte"), (18000, "an 18000-byte"), (181000, "a 181000-byte"),
])
def test_a_secret_size_reads_with_the_right_article(size, said):
    assert secret_size(size) == f"{said} secret"


@pytest.mark.parametrize("key_size, nonce_size, message", [
    (31, 24, "XChaCha20-Poly1305 needs a 32-byte key, not 31 bytes"),
    (32, 12, "XChaCha20-Poly1305 needs a 24-byte nonce, not 12 bytes"),
])
def test_wrong_key_and_nonce_sizes_are_named(key_size, nonce_size, message):
    for call in (backend.encrypt, backend.decrypt):
        with pytest.raises(ValueError) as raised:
            call(bytes(key_size), bytes(nonce_size), b"x" * 16, b"")
        assert str(raised.value) == message
