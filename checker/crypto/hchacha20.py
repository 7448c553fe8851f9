"""HChaCha20: the subkey derivation that turns ChaCha20-Poly1305 into XChaCha20-Poly1305.

This is the only piece of cipher code in the project, and it is glue, not a cipher: the
AEAD itself always comes from a library. Pure Python on purpose, so the same function runs
under CPython and in Pyodide. Specified in draft-irtf-cfrg-xchacha-03 §2.2 and tested on
the vector of draft-irtf-cfrg-xchacha-03 §2.2.1.
"""

from __future__ import annotations

import struct

KEY_BYTES = 32
NONCE_BYTES = 16
_SIGMA = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574)  # "expand 32-byte k"
_MASK = 0xFFFFFFFF


def _rotl(value: int, shift: int) -> int:
    return ((value << shift) & _MASK) | (value >> (32 - shift))


def _quarter_round(s: list[int], a: int, b: int, c: int, d: int) -> None:
    s[a] = (s[a] + s[b]) & _MASK; s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & _MASK; s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & _MASK; s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & _MASK; s[b] = _rotl(s[b] ^ s[c], 7)


def hchacha20(key: bytes, nonce16: bytes) -> bytes:
    """The 32-byte subkey for `key` and the first 16 bytes of an XChaCha20 nonce.

    The ChaCha20 state (constants, key, the 16 nonce bytes where the counter and nonce
    usually go) goes through the 20 rounds; the subkey is state words 0-3 and 12-15, with no
    final addition of the input state (that is what makes it HChaCha20, not a block).
    """
    if len(key) != KEY_BYTES:
        raise ValueError(f"HChaCha20 needs a {KEY_BYTES}-byte key, not {len(key)} bytes")
    if len(nonce16) != NONCE_BYTES:
        raise ValueError(f"HChaCha20 needs a {NONCE_BYTES}-byte nonce, not {len(nonce16)} bytes")
    state = list(_SIGMA) + list(struct.unpack("<8I", key)) + list(struct.unpack("<4I", nonce16))
    for _ in range(10):  # 10 double rounds = 20 rounds
        _quarter_round(state, 0, 4, 8, 12)
        _quarter_round(state, 1, 5, 9, 13)
        _quarter_round(state, 2, 6, 10, 14)
        _quarter_round(state, 3, 7, 11, 15)
        _quarter_round(state, 0, 5, 10, 15)
        _quarter_round(state, 1, 6, 11, 12)
        _quarter_round(state, 2, 7, 8, 13)
        _quarter_round(state, 3, 4, 9, 14)
    return struct.pack("<8I", *state[0:4], *state[12:16])
