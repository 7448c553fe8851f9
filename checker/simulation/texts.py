"""GLPI's own words, copied from its code (glpi-facts.md cites each). Never paraphrase these:
admins search for them, and the troubleshooting pages are titled with them."""

from __future__ import annotations

from ..crypto.glpi_messages import SYMFONY_KERNEL_SECRET

# Registration status line on the GLPI Network tab [NET11], [NET95] (§2.8, T13).
VALID = "The registration key is valid."
INVALID = "The registration key is invalid."
TERMINATED = "The registration key refers to a terminated subscription."
UNABLE_TO_FETCH = "Unable to fetch registration information."
OFFERS_FETCH_FAILED = "Unable to fetch offers information."

# Shown above an empty key field (9.5/10: [NET95]/[NET10]; 11: [TPL11]).
NO_KEY_INTRO = {
    "9.5": "A registration key is needed to use advanced feature (like marketplace) in GLPI",
    "10.0": "A registration key is needed to use advanced feature (like marketplace) in GLPI",
    "11.0": "A registration key is needed to use some advanced features (like the plugin "
            "marketplace) in GLPI",
}

# Services check failure on the GLPI Network tab (9.5/10: [NET95]/[NET10]; 11: [TPL11]).
SERVICES_DOWN = {
    "9.5": "GLPI Network services website seems not available from your network or offline",
    "10.0": "GLPI Network services website seems not available from your network or offline",
    "11.0": "GLPI Network services website seems to be unavailable from your network or offline!",
}
ERROR_WAS = "Error was: %s"

# Toolbox::callCurl's message when cURL fails (§6), logged by GLPI.
CONNECTION_FAILED = "Connection failed. If you use a proxy, please configure it. (%s)"
PROXY_FAILED = "Failed to connect to the proxy server (%s)"

# GLPIKey::get() warnings, 10.0+ (§5.7).
KEYFILE_LOG = {
    "missing": "You must create a security key, see security:change_key command.",
    "unreadable": "Unable to get security key file contents.",
    "wrong-size": "Invalid security key file contents.",
}
# GLPIKey::getKeyFileReadErrors(), shown on the tab by GLPI 11 after PR #21614 (§5.7).
KEYFILE_TAB_11 = {
    "missing": 'The security key file does not exist. You have to run the '
               '"php bin/console security:change_key" command to generate a key.',
    "unreadable": "Unable to get security key file contents. Fix file permissions of %s.",
    "wrong-size": 'Invalid security key file contents. You have to run the '
                  '"php bin/console security:change_key" command to regenerate a key.',
}
# GLPI 9.5 uncaught exceptions (§5.7, #7822, #8968).
KEYFILE_95_MISSING = "You must create a security key, see glpi:security:change_key command."
SODIUM_KEY_SIZE_95 = "secret key size should be SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes"
SODIUM_KEY_SIZE_95_COMPAT = "Key must be CRYPTO_AEAD_XCHACHA20POLY1305_KEYBYTES long"

# GLPI 11: Symfony's ParameterNotFoundException when kernel.secret (the key file's raw bytes)
# holds %name% (§5.14; reported in open issues #22076 and #23757, not confirmed). In GLPI's
# message the quoted name is a piece of the key: "…" stands in for it, and Symfony ends the
# sentence with a full stop. The log line is as #23757 shows it.
KERNEL_SECRET = SYMFONY_KERNEL_SECRET + "."
KERNEL_SECRET_LOG = "glpi.CRITICAL:   *** Uncaught Exception: %s"

# GLPIKey::decrypt() on an authentication failure (§5.5; 9.5 said "content").
DECRYPT_FAILED = {
    "9.5": "Unable to decrypt content. It may have been crypted with another key.",
    "10.0": "Unable to decrypt string. It may have been crypted with another key.",
    "11.0": "Unable to decrypt string. It may have been crypted with another key.",
}

# Marketplace banners, View::checkRegistrationStatus [VIEW10] (§4.5).
MP_SERVICES_DOWN = (
    "GLPI Network services website seems not available from your network or offline",
    "Maybe you could setup a proxy or please check later",
)
MP_NOT_REGISTERED = (
    "Your GLPI Network registration is not valid.",
    "A registration, at least a free one, is required to use marketplace!",
    "Register on GLPI Network and fill your registration key in setup.",
)
MP_TERMINATED = (
    "Your GLPI Network subscription has been terminated.",
    "Renew it on GLPI Network.",
)
# Controller::hasWriteAccess() false [VIEW10] (§4.8). "markeplace" is GLPI's spelling.
MP_NOT_WRITABLE = (
    "We can't write on the markeplace directory (%s).",
    "If you want to ease the plugins download, please check permissions and ownership of this "
    "directory.",
    "Otherwise, you will need to download and unzip the plugins archives manually.",
)
HIGHER_OFFER = "You need a superior GLPI-Network offer to access to this plugin (%s)"
CLI_DISALLOWED = "Access to the marketplace CLI commands is disallowed by the GLPI configuration"

# `php bin/console marketplace:upgrade`, GLPI 11.0 (PR #21521; UpgradeCommand.php @0949fcad).
UPGRADE_NOT_REGISTERED = "The GLPI Network registration key is missing or invalid"
UPGRADE_MANUAL = ('Plugin "%s" was installed manually and therefore has not been updated '
                  'automatically.')
UPGRADE_UP_TO_DATE = 'Plugin "%s" is already up-to-date.'
