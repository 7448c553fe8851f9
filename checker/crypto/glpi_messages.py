"""GLPI's own words about its key file and its encrypted values, copied once from its source.

The findings catalogue and the crypto code quote these constants, so the text is never
retyped. Sources: src/GLPIKey.php (10.0 and 11, `get()`, `getKeyFileReadErrors()` after PR
#21614, `decrypt()`), inc/glpikey.class.php and inc/toolbox.class.php (9.5).
"""

# Logged by GLPIKey::get() (10.0+) when it cannot use the key file.
LOG_KEYFILE_MISSING = "You must create a security key, see security:change_key command."
LOG_KEYFILE_UNREADABLE = "Unable to get security key file contents."
LOG_KEYFILE_INVALID = "Invalid security key file contents."

# Shown on the GLPI Network tab by GLPIKey::getKeyFileReadErrors() (11.0.x, PR #21614).
UI11_KEYFILE_MISSING = ('The security key file does not exist. You have to run the '
                        '"php bin/console security:change_key" command to generate a key.')
UI11_KEYFILE_UNREADABLE = "Unable to get security key file contents. Fix file permissions of {path}."
UI11_KEYFILE_INVALID = ('Invalid security key file contents. You have to run the '
                        '"php bin/console security:change_key" command to regenerate a key.')

# 9.5: an uncaught RuntimeException (missing file) or SodiumException (wrong size).
EXC95_KEYFILE_MISSING = "You must create a security key, see glpi:security:change_key command."
EXC95_KEYFILE_WRONG_SIZE = ("secret key size should be "
                            "SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes")
# The same SodiumException on PHP 8 (php-src ext/sodium, zend_argument_error), raised by
# sodium_crypto_aead_xchacha20poly1305_ietf_encrypt() or _decrypt() (the function name comes first).
EXC95_KEYFILE_WRONG_SIZE_PHP8 = ("Argument #4 ($key) must be "
                                 "SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes long")

# Logged by GLPIKey::decrypt() (10.0+; 9.5 said "content" where these say "string").
LOG_DECRYPT_NOT_BASE64 = ("Unable to base64_decode the string. The string was probably not "
                          "encrypted using GLPIKey::encrypt")
LOG_DECRYPT_NO_NONCE = ("Unable to extract nonce from string. It may not have been crypted "
                        "with sodium functions.")
LOG_DECRYPT_FAILED = "Unable to decrypt string. It may have been crypted with another key."

# GLPI 11 and later: Symfony's error when kernel.secret (the key bytes) holds %name%.
SYMFONY_KERNEL_SECRET = ('The parameter "kernel.secret" has a dependency on a non-existent '
                         'parameter "…"')
