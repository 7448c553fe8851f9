"""GLPI-compatible encryption: XChaCha20-Poly1305-IETF with the nonce as additional data.

`glpi` encrypts and decrypts values as GLPI 9.5+ stores them; `legacy` reads the pre-9.5
scheme; `backend` is the one door to the AEAD library (`cryptography` in CPython, a JS
library in the browser); `hchacha20` is the only glue between them.
"""
