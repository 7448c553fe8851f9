"""HChaCha20, the one piece of glue, on the published vector. Pure: also runs in Pyodide."""

import pytest

from checker.crypto.hchacha20 import hchacha20

# draft-irtf-cfrg-xchacha-03 §2.2.1
DRAFT_KEY = bytes(range(32))
DRAFT_NONCE = bytes.fromhex("000000090000004a0000000031415927")
DRAFT_SUBKEY = bytes.fromhex("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc")


def test_draft_vector():
    assert hchacha20(DRAFT_KEY, DRAFT_NONCE) == DRAFT_SUBKEY


def test_every_key_and_nonce_byte_changes_the_subkey():
    for position in range(32):
        key = bytearray(DRAFT_KEY)
        key[position] ^= 1
        assert hchacha20(bytes(key), DRAFT_NONCE) != DRAFT_SUBKEY
    for position in range(16):
        nonce = bytearray(DRAFT_NONCE)
        nonce[position] ^= 0x80
        assert hchacha20(DRAFT_KEY, bytes(nonce)) != DRAFT_SUBKEY


@pytest.mark.parametrize("key, nonce", [(bytes(31), bytes(16)), (bytes(32), bytes(24)), (b"", b"")])
def test_wrong_sizes_are_refused(key, nonce):
    with pytest.raises(ValueError, match="needs a"):
        hchacha20(key, nonce)


@pytest.mark.parametrize("key, nonce, message", [
    (bytes(31), bytes(16), "HChaCha20 needs a 32-byte key, not 31 bytes"),
    (bytes(33), bytes(24), "HChaCha20 needs a 32-byte key, not 33 bytes"),
    (bytes(32), bytes(24), "HChaCha20 needs a 16-byte nonce, not 24 bytes"),
    (bytes(32), bytes(15), "HChaCha20 needs a 16-byte nonce, not 15 bytes"),
])
def test_wrong_sizes_are_named(key, nonce, message):
    with pytest.raises(ValueError) as raised:
        hchacha20(key, nonce)
    assert str(raised.value) == message
