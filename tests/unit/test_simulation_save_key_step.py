"""Saving the key (the save-key step) per GLPI release and per way of saving: the web form
stores the value as typed before 10.0.1 and trims it from 10.0.1 (PR #11567); the console's
config:set never trims; with no usable key file GLPI 9.5 dies on an uncaught exception (a
blank page) while 10.0+ silently stores an empty value."""

import pytest

from samples import KEY
from simulation_view import order, played, step

POST = ("admin", "glpi", "POST /front/config.form.php", "glpinetwork_registration_key", False)
SENT = ("POST /front/config.form.php\nupdate=1\n"
        "glpinetwork_registration_key=eyJhY2…[redacted, 172 characters]")
STAND_IN = ("# (a stand-in of the length GLPIKey::encrypt() gives: base64 of nonce, ciphertext and "
            "tag; the simulator does not run the cipher)")
TRIMS = ("Config::prepareInputForUpdate() trims the value (PHP trim: spaces, tabs, line ends, NUL; "
         "PR #11567), then setConfigurationValues() encrypts it with glpicrypt.key and stores it.")
BLANK = ("blank page (the text is only in files/_log/php-errors.log, and on screen in debug "
         "mode)")
RESTORE_FIX = ("Restore the original glpicrypt.key from a backup. If it is lost, create one with "
               "`php bin/console security:change_key` (`glpi:security:change_key` on 9.5), then "
               "enter every encrypted secret again (registration key, SMTP, proxy and LDAP "
               "passwords…).")


@pytest.mark.parametrize("version, release", [("9.5", "9.5.13"), ("10.0.0", "10.0.0")])
def test_before_10_0_1_the_web_form_stores_the_value_as_typed(version, release):
    saved = step(played("valid", version), "save-key")
    assert saved["explanation"] == (
        f"GLPI {release} stores the value as typed (the trim came with PR #11567, first released "
        "in 10.0.1), encrypted with glpicrypt.key.")
    assert (saved["status"], saved["fix"], saved["shows"]) == ("ok", "", "")
    assert saved["detail"].startswith(SENT + "\n\n# stored in glpi_configs (context core, name "
                                      "glpinetwork_registration_key):\n")
    assert saved["detail"].endswith(STAND_IN)
    assert saved["messages"] == [POST, ("glpi", "database", "UPDATE glpi_configs",
                                        "the encrypted key", False)]


@pytest.mark.parametrize("version", ["10.0.1", "11.0"])
def test_from_10_0_1_the_web_form_trims_the_value(version):
    saved = step(played("valid", version), "save-key")
    assert (saved["status"], saved["explanation"]) == ("ok", TRIMS)
    assert saved["detail"].startswith(SENT + "\n\n")


def test_whitespace_around_a_pasted_key_is_removed_from_10_0_1_and_kept_before():
    trimmed = step(played("my-key", "10.0.1", " " + KEY + "\t"), "save-key")
    assert trimmed["status"] == "ok"
    assert trimmed["explanation"] == TRIMS + " GLPI removed 2 whitespace character(s) around the key."
    kept = step(played("my-key", "9.5", " " + KEY + "\t"), "save-key")
    assert kept["status"] == "warning"
    assert kept["explanation"].endswith(
        "encrypted with glpicrypt.key. The stored value keeps the whitespace or line end around "
        "the key.")
    assert kept["messages"][-1] == ("glpi", "database", "UPDATE glpi_configs",
                                    "the encrypted key (line end kept)", True)


@pytest.mark.parametrize("version", ["10.0", "11.0"])
def test_console_config_set_keeps_the_carriage_return(version):
    saved = step(played("cli-trailing-newline", version), "save-key")
    assert saved["status"] == "warning"
    assert saved["explanation"] == (
        "`php bin/console config:set` stores the value through Config::setConfigurationValues(): "
        "encrypted, but not trimmed. The stored value keeps the whitespace or line end around the "
        "key.")
    assert saved["detail"].startswith(
        '$ php bin/console config:set glpinetwork_registration_key "$(cat key.txt)"   # key.txt '
        "ends with CR LF; $(…) drops only the LF\n"
        "value: eyJhY2…[redacted, 173 characters; \\r at character 173]\n\n"
        "# stored in glpi_configs (context core, name glpinetwork_registration_key):\n")
    assert saved["detail"].endswith(STAND_IN)
    assert saved["fix"] == (
        "Set the key again without line ends: paste it in the web form (which trims), or use "
        "`php bin/console config:set glpinetwork_registration_key \"$(tr -d '\\r\\n' < "
        "key.txt)\"`.")
    assert saved["messages"] == [
        ("admin", "glpi", "php bin/console config:set", "glpinetwork_registration_key", False),
        ("glpi", "database", "UPDATE glpi_configs", "the encrypted key (line end kept)", True)]


@pytest.mark.parametrize("scenario, situation, logged, note", [
    ("keyfile-missing", {}, "Uncaught Exception RuntimeException: You must create a security key, "
     "see glpi:security:change_key command.", ""),
    ("keyfile-wrong-size", {}, "Uncaught Exception SodiumException: secret key size should be "
     "SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes",
     ' (with the sodium_compat library: "Key must be CRYPTO_AEAD_XCHACHA20POLY1305_KEYBYTES '
     'long")'),
    ("keyfile-missing", {"keyfile": "unreadable"},
     "Uncaught exception from libsodium (INFERRED: its exact text is not documented)", ""),
])
def test_on_9_5_a_bad_key_file_kills_the_save_with_a_blank_page(scenario, situation, logged, note):
    steps = played(scenario, "9.5", **situation)
    assert order(steps)[:2] == [("read-keyfile", "error"), ("save-key", "error")]
    assert {status for _, status in order(steps)[2:]} == {"skipped"}
    saved = step(steps, "save-key")
    assert saved["explanation"] == (
        "Encrypting the key needs glpicrypt.key, and the exception from the previous step is not "
        f"caught: the browser gets a blank page{note}. Nothing is saved.")
    assert saved["detail"] == f"{SENT}\n\n# GLPI logs (files/_log/php-errors.log):\n{logged}"
    assert (saved["shows"], saved["shown_on"]) == (logged, BLANK)
    assert saved["fix"]
    assert saved["messages"] == [POST,
                                 ("glpi", "keyfile", "encrypt with glpicrypt.key",
                                  "uncaught exception", True),
                                 ("glpi", "admin", "blank page", "", False)]


@pytest.mark.parametrize("version", ["10.0", "11.0.1"])
def test_from_10_0_a_missing_key_file_stores_an_empty_value_without_a_word(version):
    steps = played("keyfile-missing", version)
    assert order(steps)[:3] == [("read-keyfile", "error"), ("save-key", "error"),
                                ("decrypt-key", "error")]
    assert step(steps, "save-key") == {
        "name": "save-key", "status": "error",
        "explanation": TRIMS + (
            " But GLPIKey::encrypt() has no key, so it returns an empty string (so that no secret "
            "is stored in clear): GLPI stores an empty value and shows no error. The page reloads "
            "with an empty key field."),
        "detail": f"{SENT}\n\n# stored in glpi_configs: '' (empty)",
        "fix": RESTORE_FIX, "shows": "", "shown_on": "",
        "messages": [POST, ("glpi", "database", "UPDATE glpi_configs",
                            "'' (empty: no key to encrypt with)", True)]}


def test_from_11_0_2_no_form_is_shown_so_nothing_is_saved():
    steps = played("keyfile-missing", "11.0.2")
    assert order(steps)[:2] == [("read-keyfile", "error"), ("save-key", "skipped")]


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_saving_the_key_again_after_the_key_file_was_replaced_works(version):
    # The fix for a replaced glpicrypt.key: the value saved now is encrypted with the new file.
    steps = played("valid", version, keyfile="replaced")
    assert order(steps)[:3] == [("read-keyfile", "ok"), ("save-key", "ok"), ("decrypt-key", "ok")]
    assert step(steps, "save-key")["detail"].endswith(STAND_IN)
    assert step(steps, "registration-info")["status"] == "ok"
    # A value saved before the replacement still fails to decrypt.
    assert order(played("key-regenerated", version))[1] == ("decrypt-key", "error")


CONSOLE = ("`php bin/console config:set` stores the value through Config::setConfigurationValues(): "
           "encrypted, but not trimmed.")
EMPTIED = (" But GLPIKey::encrypt() has no key, so it returns an empty string (so that no secret is "
           "stored in clear): GLPI stores an empty value. The command still ends with \"Configuration "
           "\"glpinetwork_registration_key\" updated.\"")


@pytest.mark.parametrize("version", ["10.0", "11.0.1", "11.0.2", "11.0"])
def test_a_console_save_with_no_key_file_stores_an_empty_value_and_says_updated(version):
    # Regression: the console never draws the GLPI Network tab, so from 11.0.2 (whose tab shows
    # only the key-file error) the console save still happens; it is the console that speaks,
    # not a reloaded page; and the value's line end is not said to be kept, nothing is.
    steps = played("cli-trailing-newline", version, keyfile="missing")
    assert order(steps)[:2] == [("read-keyfile", "error"), ("save-key", "error")]
    saved = step(steps, "save-key")
    assert saved["explanation"] == CONSOLE + EMPTIED
    assert saved["detail"].endswith("\n\n# stored in glpi_configs: '' (empty)")
    assert saved["messages"] == [
        ("admin", "glpi", "php bin/console config:set", "glpinetwork_registration_key", False),
        ("glpi", "database", "UPDATE glpi_configs", "'' (empty: no key to encrypt with)", True)]
    # What GLPI then reads is empty: no call to GLPI Network.
    assert step(steps, "decrypt-key")["status"] == "error"
    assert step(steps, "registration-info")["status"] == "skipped"
