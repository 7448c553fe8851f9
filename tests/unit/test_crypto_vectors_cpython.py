"""GLPI-compatible encryption against GLPI's vectors and libsodium (PyNaCl). CPython only."""

import base64

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from hypothesis import given, settings, strategies as st
from nacl.bindings import (crypto_aead_xchacha20poly1305_ietf_decrypt,
                           crypto_aead_xchacha20poly1305_ietf_encrypt)
from nacl.exceptions import CryptoError

from checker import glpi_texts as glpi_messages
from checker.crypto.backend import AuthenticationFailed, get_backend
from checker.crypto.cpython_backend import CryptographyBackend
from checker.crypto.glpi import decrypt_value, encrypt_value
from checker.crypto.hchacha20 import hchacha20
from samples import GLPI_KEY

# GLPI's tests/functional/GLPIKeyTest.php (https://github.com/glpi-project/glpi/blob/0fb726655a429bcbd9e1a93a2913421b4039f1fe/tests/functional/GLPIKeyTest.php)
GLPI_VECTORS = [
    ("LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y=", b"MyP4ssw0rD"),
    ("tBH3MhNfobeT0tdmcYbSNqhll0OTcRSSRajXtSZ980RmzLLgJC3Owg==", b""),
    ("lBaMoLV3u0DOZS17qDBoO4uVY56WEmYQpUg+F+WfZ8zE3Nt/nQzBajs6VNY5F1CHHKKSaAR5wGdmYfY2MLX4b7KYOBuC"
     "/JYeOUnPXvhQTe8uuAdkDxjqmRqRtY2TaNhQBPBz6ul8i+YZRwW3oPe0wssZl2uV0KONNfI=",
     b"This is a string I want to crypt, with some unusual chars like %, ', @, and so on!"),
]
GLPI_BAD_KEY_VALUE = "CUdPSEgzKroDOwM1F8lbC8WDcQUkGCxIZpdTEpp5W/PLSb70WmkaKP0Q7QY="

# draft-irtf-cfrg-xchacha-03 §A.3.1
DRAFT_PLAINTEXT = (b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip "
                   b"for the future, sunscreen would be it.")
DRAFT_AAD = bytes.fromhex("50515253c0c1c2c3c4c5c6c7")
DRAFT_KEY = bytes(range(0x80, 0xA0))
DRAFT_NONCE = bytes(range(0x40, 0x58))
DRAFT_SEALED = bytes.fromhex(
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4e"
    "da7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2"
    "383565d3fff921f9664c97637da9768812f615c68b13b52e" "c0875924c1c7987947deafd8780acf49")

keys = st.binary(min_size=32, max_size=32)
nonces = st.binary(min_size=24, max_size=24)
plaintexts = st.binary(max_size=300)


@pytest.mark.parametrize("value, plaintext", GLPI_VECTORS)
def test_glpi_t5_vectors_decrypt(value, plaintext):
    result = decrypt_value(value, GLPI_KEY)
    assert result.ok and result.plaintext == plaintext and result.error_code is None


@pytest.mark.parametrize("value, plaintext", GLPI_VECTORS)
def test_glpi_t5_vectors_need_the_nonce_as_additional_data(value, plaintext):
    raw = base64.b64decode(value)
    with pytest.raises(AuthenticationFailed):
        get_backend().decrypt(GLPI_KEY, raw[:24], raw[24:], b"")


def test_a_tag_that_does_not_match_is_an_authentication_failure():
    raw = base64.b64decode(GLPI_BAD_KEY_VALUE)
    with pytest.raises(AuthenticationFailed) as raised:
        CryptographyBackend().decrypt(GLPI_KEY, raw[:24], raw[24:], raw[:24])
    assert str(raised.value) == "the Poly1305 tag does not match"


def test_glpi_t6_value_from_another_key():
    result = decrypt_value(GLPI_BAD_KEY_VALUE, GLPI_KEY)
    assert not result.ok and result.plaintext is None
    assert result.error_code == "decrypt-failed"
    assert result.message == "Unable to decrypt string. It may have been crypted with another key."
    assert result.message == glpi_messages.LOG_DECRYPT_FAILED


def test_glpi_t7_value_too_short():
    result = decrypt_value("not a valid value", GLPI_KEY)
    assert result.message == ("Unable to extract nonce from string. It may not have been "
                              "crypted with sodium functions.")


def test_altered_value_fails_and_truncation_is_pointed_out():
    value = GLPI_VECTORS[0][0]
    altered = value[:10] + ("A" if value[10] != "A" else "B") + value[11:]
    assert decrypt_value(altered, GLPI_KEY).error_code == "decrypt-failed"
    cut = decrypt_value(value[:-6], GLPI_KEY)
    assert cut.error_code == "decrypt-failed" and "cut short" in cut.detail


def test_stray_characters_are_skipped_as_glpi_does():
    value, plaintext = GLPI_VECTORS[0]
    result = decrypt_value(value[:20] + "%" + value[20:], GLPI_KEY)
    assert result.ok and result.plaintext == plaintext
    assert "'%'" in result.detail


def test_the_default_backend_is_cryptography_loaded_once(monkeypatch):
    from checker.crypto import backend
    monkeypatch.setattr(backend, "_backend", None)
    first = backend.get_backend()
    assert isinstance(first, CryptographyBackend) and first.name == "cryptography"
    assert backend.get_backend() is first


def test_draft_aead_vector():
    backend = CryptographyBackend()
    assert backend.encrypt(DRAFT_KEY, DRAFT_NONCE, DRAFT_PLAINTEXT, DRAFT_AAD) == DRAFT_SEALED
    assert backend.decrypt(DRAFT_KEY, DRAFT_NONCE, DRAFT_SEALED, DRAFT_AAD) == DRAFT_PLAINTEXT


@given(keys, st.binary(min_size=16, max_size=16))
def test_hchacha20_agrees_with_the_chacha20_keystream(key, nonce16):
    """HChaCha20 = the ChaCha20 block before the final addition: words 0-3 and 12-15."""
    block = Cipher(algorithms.ChaCha20(key, nonce16), mode=None).encryptor().update(bytes(64))
    words = [int.from_bytes(block[i:i + 4], "little") for i in range(0, 64, 4)]
    initial = ([0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]
               + [int.from_bytes(key[i:i + 4], "little") for i in range(0, 32, 4)]
               + [int.from_bytes(nonce16[i:i + 4], "little") for i in range(0, 16, 4)])
    rounds = [(w - s) % 2**32 for w, s in zip(words, initial)]
    expected = b"".join(w.to_bytes(4, "little") for w in rounds[0:4] + rounds[12:16])
    assert hchacha20(key, nonce16) == expected


@settings(max_examples=200)
@given(keys, nonces, plaintexts, st.binary(max_size=40))
def test_backend_matches_libsodium_both_ways(key, nonce, plaintext, aad):
    ours = CryptographyBackend().encrypt(key, nonce, plaintext, aad)
    assert ours == crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, aad, nonce, key)
    assert crypto_aead_xchacha20poly1305_ietf_decrypt(ours, aad, nonce, key) == plaintext
    theirs = crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, aad, nonce, key)
    assert CryptographyBackend().decrypt(key, nonce, theirs, aad) == plaintext


@given(keys, plaintexts)
def test_values_we_encrypt_are_what_libsodium_decrypts_as_glpi(key, plaintext):
    raw = base64.b64decode(encrypt_value(plaintext, key), validate=True)
    assert len(raw) == 40 + len(plaintext)                          # T4 layout
    nonce = raw[:24]
    assert crypto_aead_xchacha20poly1305_ietf_decrypt(raw[24:], nonce, nonce, key) == plaintext


@given(keys, nonces, plaintexts)
def test_values_libsodium_encrypts_as_glpi_decrypt(key, nonce, plaintext):
    value = base64.b64encode(
        nonce + crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, nonce, nonce, key)).decode()
    result = decrypt_value(value, key)
    assert result.ok and result.plaintext == plaintext


@given(keys, keys, plaintexts)
def test_round_trip_and_other_keys_fail(key, other, plaintext):
    value = encrypt_value(plaintext, key)
    assert decrypt_value(value, key).plaintext == plaintext
    if other != key:
        assert decrypt_value(value, other).error_code == "decrypt-failed"


def test_encryption_is_not_deterministic():  # T8: a fresh nonce every time
    assert encrypt_value(b"same", GLPI_KEY) != encrypt_value(b"same", GLPI_KEY)


def test_base64_length_matches_t4():
    assert len(encrypt_value(b"", GLPI_KEY)) == 56
    assert len(encrypt_value(b"MyP4ssw0rD", GLPI_KEY)) == 4 * -(-50 // 3)


def test_libsodium_rejects_what_we_reject():
    raw = base64.b64decode(GLPI_BAD_KEY_VALUE)
    with pytest.raises(CryptoError):
        crypto_aead_xchacha20poly1305_ietf_decrypt(raw[24:], raw[:24], raw[:24], GLPI_KEY)


@pytest.mark.parametrize("value, plaintext", GLPI_VECTORS)
def test_a_given_nonce_gives_glpis_own_value_back(value, plaintext):
    nonce = base64.b64decode(value)[:24]
    assert encrypt_value(plaintext, GLPI_KEY, nonce=nonce) == value


@pytest.mark.parametrize("value, detail", [
    (GLPI_VECTORS[0][0], "Decrypted a 10-byte secret."),
    (GLPI_VECTORS[1][0], "Decrypted an empty secret."),
    (GLPI_VECTORS[2][0], "Decrypted an 82-byte secret."),
    (GLPI_VECTORS[0][0].rstrip("="), "Decrypted a 10-byte secret."),        # PHP decodes it unpadded
    (GLPI_VECTORS[0][0][:20] + "%" + GLPI_VECTORS[0][0][20:],
     "Decrypted a 10-byte secret. GLPI skips the 1 character outside the base64 alphabet ('%') in it, "
     "as this check did; copy the value again without it."),
    (GLPI_VECTORS[0][0][:20] + "%-!-" + GLPI_VECTORS[0][0][20:],
     "Decrypted a 10-byte secret. GLPI skips the 4 characters outside the base64 alphabet ('!', '%', '-') "
     "in it, as this check did; copy the value again without them."),
])
def test_a_decrypted_value_says_the_size_of_its_secret(value, detail):
    result = decrypt_value(value, GLPI_KEY)
    assert (result.ok, result.error_code, result.code, result.message) == (True, None, "decrypt-ok", "Decrypted.")
    assert result.detail == detail


@pytest.mark.parametrize("value, detail", [
    (GLPI_BAD_KEY_VALUE, "It decodes to 44 bytes (a nonce, 4 bytes of ciphertext and a tag), but the tag "
                         "does not match with this key."),
    (" " + GLPI_BAD_KEY_VALUE + "\n", "It decodes to 44 bytes (a nonce, 4 bytes of ciphertext and a tag), "
                                      "but the tag does not match with this key."),
    (GLPI_VECTORS[0][0][:-6], "It decodes to 46 bytes (a nonce, 6 bytes of ciphertext and a tag), but the "
                              "tag does not match with this key. Its base64 text is not whole groups of 4 "
                              "characters with their \"=\" padding: it was probably cut short."),
    (base64.b64encode(bytes(41)).decode(), "It decodes to 41 bytes (a nonce, 1 byte of ciphertext and a tag), "
                                           "but the tag does not match with this key."),
    (base64.b64encode(bytes(40)).decode(), "It decodes to 40 bytes (a nonce, 0 bytes of ciphertext and a tag), "
                                           "but the tag does not match with this key."),
    (GLPI_VECTORS[0][0][:-6] + "$", "The value holds 1 character outside the base64 alphabet ('$'). GLPI's "
                                    "lenient base64 decoding skips it; then: it decodes to 46 bytes (a nonce, "
                                    "6 bytes of ciphertext and a tag), but the tag does not match with this key."),
])
def test_a_tag_that_does_not_match_says_what_was_decoded(value, detail):
    result = decrypt_value(value, GLPI_KEY)
    assert (result.ok, result.plaintext, result.message) == (False, None, glpi_messages.LOG_DECRYPT_FAILED)
    assert result.error_code == ("decrypt-not-base64" if "$" in value else "decrypt-failed")
    assert result.detail == detail


@pytest.mark.parametrize("value", [GLPI_VECTORS[0][0], GLPI_VECTORS[1][0]])
def test_a_whole_value_broken_across_lines_anywhere_is_not_called_cut_short(value):
    other_key = bytes(32)
    for position in range(1, len(value)):
        result = decrypt_value(value[:position] + "\r\n" + value[position:], other_key)
        assert result.error_code == "decrypt-failed"
        assert "cut short" not in result.detail, position
