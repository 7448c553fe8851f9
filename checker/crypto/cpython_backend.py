"""XChaCha20-Poly1305-IETF from `cryptography`: HChaCha20 subkey, then its ChaCha20-Poly1305.

This is the construction of draft-irtf-cfrg-xchacha-03 §2.3, which libsodium implements:
subkey = HChaCha20(key, nonce[0:16]); the ChaCha20-Poly1305 (RFC 8439) nonce is four zero
bytes followed by nonce[16:24]. CPython only: imported lazily by `backend.get_backend()`.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .backend import AuthenticationFailed
from .hchacha20 import hchacha20


def _split(key: bytes, nonce: bytes) -> tuple[ChaCha20Poly1305, bytes]:
    # Sizes were checked by backend.check_sizes; hchacha20 refuses a wrong key size anyway.
    return ChaCha20Poly1305(hchacha20(key, nonce[:16])), b"\x00" * 4 + nonce[16:]


class CryptographyBackend:
    name = "cryptography"

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        aead, ietf_nonce = _split(key, nonce)
        return aead.encrypt(ietf_nonce, plaintext, aad)

    def decrypt(self, key: bytes, nonce: bytes, ciphertext_and_tag: bytes, aad: bytes) -> bytes:
        aead, ietf_nonce = _split(key, nonce)
        try:
            return aead.decrypt(ietf_nonce, ciphertext_and_tag, aad)
        except InvalidTag:
            raise AuthenticationFailed("the Poly1305 tag does not match") from None
