"""XChaCha20-Poly1305-IETF in the browser: @noble/ciphers, reached through Pyodide's FFI.

`cryptography` does not exist for Pyodide, so the help centre vendors @noble/ciphers (an
audited JS library) and the Web Worker registers its `xchacha20poly1305` as the JS module
`glpi_keycheck_noble`. Only Pyodide can import this module; the bridge calls `install()`.
"""

from __future__ import annotations

from .crypto.backend import AuthenticationFailed, get_backend, set_backend

JS_MODULE = "glpi_keycheck_noble"
NOBLE_TAG_ERROR = "invalid tag"  # the message @noble/ciphers throws when Poly1305 disagrees


class NobleBackend:
    name = "@noble/ciphers (browser)"

    def __init__(self, noble=None):
        if noble is None:
            import importlib

            noble = importlib.import_module(JS_MODULE)
        self._noble = noble

    def _cipher(self, key: bytes, nonce: bytes, aad: bytes):
        from pyodide.ffi import to_js

        # Sizes were checked by crypto.backend.check_sizes, the core's one way in.
        return self._noble.xchacha20poly1305(to_js(bytes(key)), to_js(bytes(nonce)), to_js(bytes(aad)))

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        from pyodide.ffi import to_js

        return self._cipher(key, nonce, aad).encrypt(to_js(bytes(plaintext))).to_bytes()

    def decrypt(self, key: bytes, nonce: bytes, ciphertext_and_tag: bytes, aad: bytes) -> bytes:
        from pyodide.ffi import JsException, to_js

        cipher = self._cipher(key, nonce, aad)
        try:
            return cipher.decrypt(to_js(bytes(ciphertext_and_tag))).to_bytes()
        except JsException as error:
            if NOBLE_TAG_ERROR in str(error):
                raise AuthenticationFailed("the Poly1305 tag does not match") from None
            raise ValueError(f"@noble/ciphers refused the value: {error}") from None


def install() -> None:
    """Make the noble backend the crypto backend, once."""
    try:
        current = get_backend()
    except Exception:  # no `cryptography` here: expected in Pyodide
        current = None
    if not isinstance(current, NobleBackend):
        set_backend(NobleBackend())
