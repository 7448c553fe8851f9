"""The "my-key" run: how the GLPI Network model reads the key GLPI sends (registration-info), per
kind of pasted key and per release, and the note it adds when GLPI sends the still-encrypted
value. (The check-key step word for word: test_simulation_check_key_step.py.)"""

import pytest

from samples import KEY, make_key
from simulation_view import order, played, step

from checker.simulation.network_model import MODEL_ISSUER, issue_demo_key

ASKS = ("GLPI asks GLPI Network about the decrypted key: GET …/api/registration/info with the key "
        "and the instance UID in headers. cURL does not check the HTTP status; GLPI needs a JSON "
        "body with is_valid.")
FOLLOW_FIRST_FIX = ("Follow the first failing step's fix. If every step passes, register the key "
                    "in GLPI and open the GLPI Network tab to get the real server's answer.")


def test_well_formed_key_is_checked_first_and_the_server_answer_is_an_assumption():
    steps = played("my-key", "10.0", KEY)
    assert order(steps)[0] == ("check-key", "ok")
    info = step(steps, "registration-info")
    assert (info["status"], info["fix"]) == ("warning", FOLLOW_FIRST_FIX)
    assert info["explanation"] == ASKS + (
        " The key is well-formed. The model cannot know what the real GLPI Network server would "
        "answer for it: this run assumes the server accepts it with a running subscription, to "
        "show the rest of GLPI's path. Only the real server can say whether your key is valid.")


@pytest.mark.parametrize("account, assumed", [
    (None, "rejects it (is_valid false)"),
    ("demo-terminated", "accepts it, with a terminated subscription")])
def test_the_assumed_answer_is_named_for_each_model_account(account, assumed):
    info = step(played("my-key", "11.0", KEY, account=account), "registration-info")
    assert f"this run assumes the server {assumed}, to show the rest" in info["explanation"]


def test_quoted_key_is_usable_once_repaired_but_glpi_sends_the_quotes():
    steps = played("my-key", "10.0", f'"{KEY}"')
    info = step(steps, "registration-info")
    assert info["status"] == "ok"
    assert info["explanation"] == ASKS + (
        " The key checker says this value is not a usable registration key (registration-key: "
        "Quotes around the key), so the model answers is_valid false.")


def test_text_that_is_no_key_is_rejected_with_the_checkers_titles():
    steps = played("my-key", "10.0", "hello")
    assert step(steps, "check-key")["explanation"].startswith(
        "The key checker reads what you pasted: not a usable registration key (kind: unknown; Not a "
        "registration key; Truncated key).")
    assert step(steps, "registration-info")["explanation"] == ASKS + (
        " The key checker says this value is not a usable registration key (unknown: Not a "
        "registration key; Truncated key), so the model answers is_valid false.")


def test_spaces_after_the_key_reach_glpi_network_before_10_0_1_only():
    # GLPI trims the web form's value from 10.0.1 (PR #11567); 9.5 stores and sends the spaces.
    # Spaces before the key are dropped by HTTP on the way (header OWS), those after it stay.
    old = step(played("my-key", "9.5", KEY + "  "), "registration-info")
    assert old["explanation"] == ASKS + (
        " The key checker says this value is not a usable registration key (registration-key: "
        "spaces or line breaks around the key, which GLPI sends as they are), so the model "
        "answers is_valid false.")
    assert old["messages"][-1] == ("network", "glpi", "200 OK", "is_valid: false", True)
    leading = step(played("my-key", "9.5", "  " + KEY), "registration-info")
    assert "The key is well-formed." in leading["explanation"]
    assert leading["messages"][-1] == ("network", "glpi", "200 OK", "is_valid: true", False)
    trimmed = step(played("my-key", "10.0.1", KEY + "  "), "registration-info")
    assert "The key is well-formed." in trimmed["explanation"]


def test_model_demo_key_and_forged_key():
    demo = step(played("my-key", "10.0", issue_demo_key("demo-running")), "registration-info")
    assert (demo["status"], demo["fix"]) == ("ok", "")
    assert demo["explanation"] == ASKS + (" The model recognises one of its demo keys (it checks "
                                          "the signature with its own secret).")
    forged = step(played("my-key", "10.0", make_key({"issuer": MODEL_ISSUER})), "registration-info")
    assert (forged["status"], forged["fix"]) == ("ok", "")
    assert forged["explanation"] == ASKS + (" The model did not issue this key (its signature does "
                                            "not match), so it answers is_valid false.")
    assert forged["messages"][-1] == ("network", "glpi", "200 OK", "is_valid: false", True)


def test_control_character_breaks_the_header_and_the_answer_is_not_json():
    steps = played("my-key", "10.0", KEY[:10] + "\x01" + KEY[10:])
    check = step(steps, "check-key")
    assert (check["status"], check["detail"]) == (
        "error", "621 characters, starting eyJwYW…[redacted, 621 characters; \\x01 at character 11]")
    assert "(kind: unknown; Binary data, not text)" in check["explanation"]
    assert check["fix"] == ("Paste the key as text. If this is a key file, inspect it with "
                            "`glpi-keycheck keyfile PATH` instead.")
    info = step(steps, "registration-info")
    assert (info["status"], info["fix"]) == ("error", FOLLOW_FIRST_FIX)
    assert info["explanation"] == ASKS + (
        " Here the body is not JSON with an is_valid member, so GLPI cannot use the answer. The "
        "value holds a control character, so the header line GLPI hands to cURL is broken. What "
        "the real server answers to that is not documented: the model answers with an HTML \"400 "
        "Bad Request\" page (its own choice), which is not JSON.")
    assert info["messages"][-1] == ("network", "glpi", "400 Bad Request", "not JSON with is_valid",
                                    True)


@pytest.mark.parametrize("version", ["10.0", "11.0.1"])
def test_still_encrypted_value_is_sent_as_the_key_when_the_key_file_is_unreadable(version):
    info = step(played("keyfile-unreadable", version), "registration-info")
    assert info["status"] == "error"
    assert info["explanation"] == ASKS + (
        " The X-Registration-Key header carries the still-encrypted value stored in the database, "
        "not the key. The model rejects it (is_valid false), as any server would (INFERRED: GLPI "
        "Network's answer is not documented).")
