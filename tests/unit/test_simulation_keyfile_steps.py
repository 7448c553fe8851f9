"""Reading glpicrypt.key and decrypting the stored key (the read-keyfile and decrypt-key steps),
word for word, per key-file state and per GLPI release, on every journey that reads the key.

What GLPI does, from its code: 9.5's GLPIKey::get() throws a RuntimeException for a missing file
and reads without checking otherwise, so libsodium throws on a wrong-size or unread key and the
page dies; from 10.0 GLPIKey::get() logs a warning and returns null, encrypt() then returns ''
and decrypt() the stored value unchanged; from 11.0.2 (PR #21614) the GLPI Network tab shows
only the key-file error. A replaced key file fails authentication: decryption logs a warning
and returns ''."""

import pytest

from simulation_view import order, played, step

PATH = "/var/www/glpi/config/glpicrypt.key"
LOGS = "\n\n# GLPI logs (files/_log/php-errors.log):\n"
READ = ("glpi", "keyfile", "read glpicrypt.key", "", False)
BLANK = ("blank page (the text is only in files/_log/php-errors.log, and on screen in debug "
         "mode)")
STORED = "stored value: 0Ji1Vp…[redacted, 284 characters]"  # the demo key, encrypted
DEMO_KEY = "eyJhY2…[redacted, 172 characters]"
SELECT = [("glpi", "database", "SELECT glpinetwork_registration_key", "", False),
          ("database", "glpi", "the encrypted key", "", False)]

FIX = {
    "keyfile-missing": (
        "Restore the original glpicrypt.key from a backup. If it is lost, create one with "
        "`php bin/console security:change_key` (`glpi:security:change_key` on 9.5), then enter "
        "every encrypted secret again (registration key, SMTP, proxy and LDAP passwords…)."),
    "keyfile-unreadable": (
        "Give the web server user read access to glpicrypt.key (owner and mode, SELinux "
        "context), then open the GLPI Network tab again."),
    "keyfile-wrong-size": (
        "Copy the file aside first. Restore the original 32-byte file from a backup (copy it as "
        "a file, never through a text editor). If it is lost, regenerate it with `php bin/console "
        "security:change_key` and enter the encrypted secrets again. On 9.5, "
        "`glpi:security:change_key` does not refuse over a bad file: it overwrites it at once, so "
        "keep the copy."),
    "key-regenerated": (
        "Put the original glpicrypt.key back if you still have it. Otherwise paste the "
        "registration key again and re-enter every other encrypted secret (LDAP, mail "
        "collectors, SMTP, proxy)."),
}
# What the file is, what reading it answers, and what GLPI 10.0+ logs, per key-file scenario.
FILE = {
    "keyfile-missing": ("does not exist", "no such file",
                        "You must create a security key, see security:change_key command."),
    "keyfile-unreadable": ("exists; the web server user cannot read it (owner, mode or SELinux)",
                           "permission denied", "Unable to get security key file contents."),
    "keyfile-wrong-size": ("33 bytes (32 plus a trailing newline)", "33 bytes",
                           "Invalid security key file contents."),
}
KEYFILE_SCENARIOS = tuple(FILE)
# GLPI 9.5's uncaught exception, whether it encrypts (saving) or decrypts (reading) the key.
UNCAUGHT_95 = {
    "keyfile-missing": ("Uncaught Exception RuntimeException: You must create a security key, "
                        "see glpi:security:change_key command."),
    "keyfile-unreadable": ("Uncaught exception from libsodium (INFERRED: its exact text is not "
                           "documented)"),
    "keyfile-wrong-size": ("Uncaught Exception SodiumException: secret key size should be "
                           "SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes"),
}
GOOD_FILE = ("GLPI reads its encryption key from GLPI_CONFIG_DIR/glpicrypt.key: 32 raw bytes, the "
             "size XChaCha20-Poly1305 needs.")
CARRIES_ON = ("GLPIKey::get() logs a warning and returns no key; GLPI carries on without telling "
              "you. Encryption then returns an empty string, and decryption returns the stored "
              "value unchanged")
LATER_ON_THE_TAB = (" (GLPI 11.0.2 and later also show the error on the GLPI Network tab: PR "
                    "#21614, first release INFERRED from its merge date)")


def failed_read(scenario: str) -> list:
    return [READ, ("keyfile", "glpi", FILE[scenario][1], "", True)]


# --- read-keyfile ---------------------------------------------------------------------------

@pytest.mark.parametrize("scenario, version", [
    ("valid", "9.5"), ("valid", "10.0.0"), ("valid", "11.0.0"), ("valid", "11.0"),
    ("http-400-html", "10.0"), ("stale-cache", "9.5"), ("stale-cache", "11.0.3"),
    ("marketplace-upgrade-manual-plugin", "11.0.2"),
])
def test_a_valid_key_file_is_read_once_whatever_the_journey(scenario, version):
    assert step(played(scenario, version), "read-keyfile") == {
        "name": "read-keyfile", "status": "ok", "explanation": GOOD_FILE,
        "detail": f"{PATH}: 32 bytes", "fix": "", "shows": "", "shown_on": "",
        "messages": [READ, ("keyfile", "glpi", "32 bytes", "", False)]}


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0.1", "11.0"])
def test_a_replaced_key_file_reads_fine_and_the_step_says_it_was_replaced(version):
    assert step(played("key-regenerated", version), "read-keyfile") == {
        "name": "read-keyfile", "status": "ok",
        "explanation": GOOD_FILE + (
            " It is a valid key file, but not the one that encrypted the values stored in the "
            "database: it was replaced (reinstall, or an upgrade into a fresh directory)."),
        "detail": f"{PATH}: 32 bytes", "fix": "", "shows": "", "shown_on": "",
        "messages": [READ, ("keyfile", "glpi", "32 bytes", "", False)]}


@pytest.mark.parametrize("scenario, how", [
    ("keyfile-missing", "GLPIKey::get() throws a RuntimeException when the file is missing"),
    ("keyfile-unreadable", "GLPIKey::get() does not check the read; PHP warns and libsodium then "
                           "fails on the missing key (INFERRED from the code: the exact exception "
                           "is not documented)"),
    ("keyfile-wrong-size", "GLPI 9.5 does not check the size; libsodium refuses the key with a "
                           "SodiumException"),
])
@pytest.mark.parametrize("version", ["9.5.0", "9.5"])
def test_on_9_5_a_bad_key_file_means_an_uncaught_exception_at_the_next_step(scenario, how,
                                                                             version):
    assert step(played(scenario, version), "read-keyfile") == {
        "name": "read-keyfile", "status": "error",
        "explanation": f"{how}. Nothing catches the exception: the page that needs the key dies "
                       "(the next step).",
        "detail": f"{PATH}: {FILE[scenario][0]}", "fix": FIX[scenario], "shows": "",
        "shown_on": "", "messages": failed_read(scenario)}


@pytest.mark.parametrize("scenario", KEYFILE_SCENARIOS)
@pytest.mark.parametrize("version, later", [("10.0.0", ""), ("10.0", ""),
                                            ("11.0.0", LATER_ON_THE_TAB),
                                            ("11.0.1", LATER_ON_THE_TAB)])
def test_from_10_0_to_11_0_1_a_bad_key_file_is_only_logged(scenario, version, later):
    assert step(played(scenario, version), "read-keyfile") == {
        "name": "read-keyfile", "status": "error", "explanation": f"{CARRIES_ON}{later}.",
        "detail": f"{PATH}: {FILE[scenario][0]}{LOGS}{FILE[scenario][2]}",
        "fix": FIX[scenario], "shows": "", "shown_on": "", "messages": failed_read(scenario)}


@pytest.mark.parametrize("scenario, shows", [
    ("keyfile-missing", 'The security key file does not exist. You have to run the "php '
                        'bin/console security:change_key" command to generate a key.'),
    ("keyfile-unreadable", "Unable to get security key file contents. Fix file permissions of "
                           "/var/www/glpi/config/glpicrypt.key."),
    ("keyfile-wrong-size", 'Invalid security key file contents. You have to run the "php '
                           'bin/console security:change_key" command to regenerate a key.'),
])
@pytest.mark.parametrize("version, release", [("11.0.2", "11.0.2"), ("11.0", "11.0.8")])
def test_from_11_0_2_the_tab_shows_only_the_key_file_error(scenario, shows, version, release):
    steps = played(scenario, version)
    assert step(steps, "read-keyfile") == {
        "name": "read-keyfile", "status": "error",
        "explanation": f"GLPI {release} checks the key file before it draws the GLPI Network tab "
                       "(PR #21614): it shows this error and nothing else, so no key can be saved "
                       "or checked from the tab. The Marketplace, the console and the cron job do "
                       "not check the key file (INFERRED from the code).",
        "detail": f"{PATH}: {FILE[scenario][0]}{LOGS}{FILE[scenario][2]}",
        "fix": FIX[scenario], "shows": shows,
        "shown_on": "Setup > General > GLPI Network tab (the form is hidden)",
        "messages": failed_read(scenario) + [
            ("glpi", "admin", "GLPI Network tab", "the key-file error, no form", False)]}
    # The tab stops there: no services check, no message built from GLPI Network's answer.
    assert {name: status for name, status in order(steps)
            if name in ("services-check", "build-message")} == dict.fromkeys(
        ("services-check", "build-message"), "skipped")


@pytest.mark.parametrize("scenario", KEYFILE_SCENARIOS)
@pytest.mark.parametrize("journey", ["marketplace", "console-upgrade"])
def test_from_11_0_2_the_marketplace_and_the_console_still_only_log_it(scenario, journey):
    # PR #21614 checks the key file on the GLPI Network tab only.
    steps = played(scenario, "11.0.2", journey=journey)
    assert step(steps, "read-keyfile") == {
        "name": "read-keyfile", "status": "error",
        "explanation": f"{CARRIES_ON}{LATER_ON_THE_TAB}.",
        "detail": f"{PATH}: {FILE[scenario][0]}{LOGS}{FILE[scenario][2]}",
        "fix": FIX[scenario], "shows": "", "shown_on": "", "messages": failed_read(scenario)}


@pytest.mark.parametrize("journey", ["marketplace", "console-upgrade"])
def test_on_10_0_the_marketplace_only_logs_a_bad_key_file(journey):
    steps = played("keyfile-wrong-size", "10.0.5", journey=journey)
    assert step(steps, "read-keyfile")["explanation"] == f"{CARRIES_ON}."


# --- decrypt-key ----------------------------------------------------------------------------

@pytest.mark.parametrize("scenario", ["keyfile-missing", "keyfile-wrong-size"])
@pytest.mark.parametrize("version", ["10.0.0", "10.0", "11.0.1"])
def test_a_key_saved_without_a_key_file_is_stored_empty_so_there_is_no_key(scenario, version):
    assert step(played(scenario, version), "decrypt-key") == {
        "name": "decrypt-key", "status": "error",
        "explanation": "GLPINetwork::getRegistrationKey() decrypts the stored value. It is empty, "
                       "so GLPI has no registration key and will not call GLPI Network.",
        "detail": "stored value: '' (empty)", "fix": FIX[scenario], "shows": "", "shown_on": "",
        "messages": [("glpi", "database", "SELECT glpinetwork_registration_key", "", False),
                     ("database", "glpi", "'' (empty)", "no key", True)]}


@pytest.mark.parametrize("scenario", KEYFILE_SCENARIOS)
@pytest.mark.parametrize("version", ["9.5.0", "9.5"])
def test_on_9_5_decrypting_a_saved_key_without_a_usable_key_file_blanks_the_page(scenario,
                                                                                version):
    # Toolbox::sodiumDecrypt() asks GLPIKey::get(), which throws for a missing file; libsodium
    # refuses a 33-byte key with the same words as when it encrypts.
    steps = played(scenario, version, journey="open")
    exception = UNCAUGHT_95[scenario]
    assert step(steps, "decrypt-key") == {
        "name": "decrypt-key", "status": "error",
        "explanation": "Toolbox::sodiumDecrypt() needs glpicrypt.key to decrypt the stored key; "
                       "GLPI 9.5 does not catch the exception: the page is blank (INFERRED from "
                       "the code).",
        "detail": f"{STORED}{LOGS}{exception}", "fix": FIX[scenario], "shows": exception,
        "shown_on": BLANK,
        "messages": SELECT + [("glpi", "keyfile", "decrypt with glpicrypt.key",
                               "uncaught exception: blank page", True)]}
    assert order(steps)[:2] == [("read-keyfile", "error"), ("decrypt-key", "error")]
    later = steps[2:]
    assert {(s.status, s.explanation) for s in later} == {
        ("skipped", "Not reached: decrypt-key failed and the page died on an uncaught exception.")}


def test_on_9_5_the_marketplace_dies_on_the_same_exception():
    steps = played("keyfile-missing", "9.5", journey="marketplace")
    decrypted = step(steps, "decrypt-key")
    assert decrypted["explanation"].startswith("For the Marketplace: Toolbox::sodiumDecrypt() ")
    assert decrypted["shows"] == UNCAUGHT_95["keyfile-missing"]
    assert order(steps) == [("read-keyfile", "error"), ("decrypt-key", "error")] + [
        (name, "skipped") for name in ("registration-info", "cache", "marketplace-status",
                                       "marketplace-plugins", "marketplace-dir", "offers",
                                       "plugin-access")]


STILL_ENCRYPTED = ("GLPIKey::decrypt() gets no key from GLPIKey::get() (the previous step), so "
                   "it returns the stored value unchanged: GLPI now holds the STILL-ENCRYPTED "
                   "value as if it were the registration key, and sends it as such.")


@pytest.mark.parametrize("scenario", KEYFILE_SCENARIOS)
@pytest.mark.parametrize("version, also", [
    ("10.0.0", " In 10.0 the key field on the tab even displays it (INFERRED from the code)."),
    ("10.0", " In 10.0 the key field on the tab even displays it (INFERRED from the code)."),
    ("11.0.0", ""), ("11.0.1", "")])
def test_from_10_0_a_saved_key_is_sent_still_encrypted_without_a_usable_key_file(scenario,
                                                                                version, also):
    steps = played(scenario, version, journey="open")
    assert step(steps, "decrypt-key") == {
        "name": "decrypt-key", "status": "error", "explanation": STILL_ENCRYPTED + also,
        "detail": f"{STORED}\ngetRegistrationKey() returns: 0Ji1Vp…[redacted, 284 characters] "
                  "(the encrypted value itself)",
        "fix": FIX[scenario], "shows": "", "shown_on": "",
        "messages": SELECT + [("glpi", "keyfile", "decrypt with glpicrypt.key",
                               "no key: the encrypted value stays as is", True)]}
    # The tab carries on and sends the encrypted value to GLPI Network.
    assert ("registration-info", "error") in order(steps)


@pytest.mark.parametrize("journey, where", [("marketplace", "For the Marketplace: "),
                                            ("console-upgrade", "For the console: ")])
def test_from_11_0_2_the_marketplace_and_the_console_send_the_encrypted_value(journey, where):
    steps = played("keyfile-unreadable", "11.0.4", journey=journey)
    decrypted = step(steps, "decrypt-key")
    assert (decrypted["status"], decrypted["explanation"]) == ("error", where + STILL_ENCRYPTED)


@pytest.mark.parametrize("version, decrypt, logged", [
    ("9.5", "Toolbox::sodiumDecrypt()",
     "Unable to decrypt content. It may have been crypted with another key."),
    ("10.0.0", "GLPIKey::decrypt()",
     "Unable to decrypt string. It may have been crypted with another key."),
    ("11.0", "GLPIKey::decrypt()",
     "Unable to decrypt string. It may have been crypted with another key."),
])
def test_a_key_saved_with_the_previous_key_file_no_longer_decrypts(version, decrypt, logged):
    # 9.5 has no GLPIKey::decrypt(): GLPINetwork::getRegistrationKey() calls
    # Toolbox::sodiumDecrypt(), whose warning says "content" where 10.0+ say "string".
    steps = played("key-regenerated", version)
    assert step(steps, "decrypt-key") == {
        "name": "decrypt-key", "status": "error",
        "explanation": "XChaCha20-Poly1305 authentication fails: the stored value was encrypted "
                       f"with the previous glpicrypt.key. {decrypt} logs a warning and returns an "
                       "empty string, so GLPI behaves as if no key were set.",
        "detail": f"{STORED}{LOGS}{logged}", "fix": FIX["key-regenerated"], "shows": "",
        "shown_on": "",
        "messages": SELECT + [("glpi", "keyfile", "decrypt with glpicrypt.key",
                               "fails: another key encrypted it", True)]}
    assert ("registration-info", "skipped") in order(steps)


@pytest.mark.parametrize("scenario, version", [
    ("valid", "9.5"), ("valid", "10.0"), ("valid", "11.0"),
    ("cli-trailing-newline", "10.0"), ("cli-trailing-newline", "11.0")])
def test_a_key_saved_after_the_key_file_was_replaced_decrypts(scenario, version):
    # From the web form or the console: either way it is encrypted with the current key file.
    replaced = step(played(scenario, version, keyfile="replaced"), "decrypt-key")
    assert replaced == step(played(scenario, version), "decrypt-key")
    assert replaced["status"] == "ok"


@pytest.mark.parametrize("scenario, version, where", [
    ("valid", "9.5", ""), ("valid", "10.0.0", ""), ("valid", "11.0", ""),
    ("stale-cache", "10.0", "For the Marketplace: "),
    ("marketplace-upgrade-manual-plugin", "11.0.2", "For the console: ")])
def test_a_good_key_file_decrypts_the_stored_key(scenario, version, where):
    decrypted = step(played(scenario, version), "decrypt-key")
    assert decrypted == {
        "name": "decrypt-key", "status": "ok",
        "explanation": where + "GLPINetwork::getRegistrationKey() decrypts the stored value with "
                       "glpicrypt.key (XChaCha20-Poly1305, the nonce as additional data): the "
                       "decrypted key is what GLPI sends.",
        "detail": f"{STORED}\ngetRegistrationKey() returns: {DEMO_KEY}", "fix": "", "shows": "",
        "shown_on": "",
        "messages": SELECT + [("glpi", "keyfile", "decrypt with glpicrypt.key", "the key",
                               False)]}


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0.1"])
def test_a_key_damaged_before_it_was_encrypted_decrypts_to_the_damaged_value(version):
    assert step(played("http-400-html", version), "decrypt-key") == {
        "name": "decrypt-key", "status": "warning",
        "explanation": "Decryption succeeds, but the value it gives is not the key as issued: it "
                       "was damaged before it was encrypted (the maintainer's diagnosis in "
                       "#11995: a decrypt/encrypt step during a migration). The model stands in "
                       "for the damage with two stray bytes.",
        "detail": "stored value: l+ivo8…[redacted, 288 characters]\ngetRegistrationKey() "
                  "returns: eyJhY2…[redacted, 174 characters; \\x1b at character 173, \\x9c at "
                  "character 174]",
        "fix": ('Click "Remove registration key" (GLPI 11) or empty the field and save, then '
                "paste the key again from the GLPI Network portal."),
        "shows": "", "shown_on": "",
        "messages": SELECT + [("glpi", "keyfile", "decrypt with glpicrypt.key",
                               "gives a damaged key", True)]}
