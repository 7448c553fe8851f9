"""The one door to the AEAD: XChaCha20-Poly1305-IETF, as libsodium (GLPI's library) names it.

The core never imports a crypto library directly. CPython gets `cpython_backend` (built on
`cryptography`) on first use; the browser bridge calls `set_backend()` with its own, because
`cryptography` does not exist in Pyodide. Importing this module imports no crypto library.
"""

from __future__ import annotations

from typing import Protocol

KEY_BYTES = 32    # SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES
NONCE_BYTES = 24  # ..._NPUBBYTES
TAG_BYTES = 16    # ..._ABYTES


class AuthenticationFailed(Exception):
    """The tag does not match: wrong key, altered value, or other additional data."""


class BackendUnavailable(RuntimeError):
    """No AEAD backend could be loaded here."""


def check_sizes(key: bytes, nonce: bytes) -> None:
    """The key and nonce sizes every backend requires, checked in one place before any call."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"XChaCha20-Poly1305 needs a {KEY_BYTES}-byte key, not {len(key)} bytes")
    if len(nonce) != NONCE_BYTES:
        raise ValueError(f"XChaCha20-Poly1305 needs a {NONCE_BYTES}-byte nonce, not {len(nonce)} bytes")


class XChaCha20Poly1305Backend(Protocol):
    """A backend may assume `check_sizes(key, nonce)` passed: `encrypt` and `decrypt` below
    (the only way the core calls a backend) check them first."""

    name: str

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """ciphertext ‖ 16-byte tag, for a 32-byte key and a 24-byte nonce."""
        ...

    def decrypt(self, key: bytes, nonce: bytes, ciphertext_and_tag: bytes, aad: bytes) -> bytes:
        """The plaintext; raises AuthenticationFailed when the tag does not match."""
        ...


_backend: XChaCha20Poly1305Backend | None = None


def set_backend(backend: XChaCha20Poly1305Backend | None) -> None:
    """Use `backend` from now on (None: go back to the default, loaded on next use)."""
    global _backend
    _backend = backend


def encrypt(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
    check_sizes(key, nonce)
    return get_backend().encrypt(key, nonce, plaintext, aad)


def decrypt(key: bytes, nonce: bytes, ciphertext_and_tag: bytes, aad: bytes) -> bytes:
    check_sizes(key, nonce)
    return get_backend().decrypt(key, nonce, ciphertext_and_tag, aad)


def get_backend() -> XChaCha20Poly1305Backend:
    global _backend
    if _backend is None:
        try:
            from .cpython_backend import CryptographyBackend
        except ImportError as error:  # Pyodide, or CPython without `cryptography`
            raise BackendUnavailable(
                "No XChaCha20-Poly1305 backend: install the `cryptography` package, or call "
                f"checker.crypto.backend.set_backend() first ({error})") from None
        _backend = CryptographyBackend()
    return _backend
