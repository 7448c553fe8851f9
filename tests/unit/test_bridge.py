"""checker.bridge, the one entry point the browser's worker calls, without a browser.

Runs under CPython and inside Pyodide (make pyodide-test). The browser tests drive the same
function in the page; these pin its JSON contract, its error answers (never a traceback), the
key file kept for decryption, and the report made from answers the page already has.
"""

from __future__ import annotations

import base64
import json

import pytest

from checker import bridge
from checker.bridge import handle
from checker.check import check
from checker.share import quotes_secret

KEY_HEX = "a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6"  # GLPI's test key
KEY = bytes.fromhex(KEY_HEX)
T5 = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="
REGISTRATION_KEY = base64.b64encode(json.dumps(
    {"email": "admin@example.org", "signature": "U2lnbmF0dXJlT2ZUaGVLZXk" * 6}).encode()).decode()


def call(**request) -> dict:
    return json.loads(handle(json.dumps(request)))


def test_check_answers_the_core_report_word_for_word():
    answer = call(op="check", text=REGISTRATION_KEY)
    assert answer["ok"]
    assert answer["result"] == check(REGISTRATION_KEY).to_dict()
    assert answer["result"]["headline"] == "Well-formed GLPI Network registration key."
    for finding in answer["result"]["findings"]:
        assert finding["explanation"] and isinstance(finding["show_fix"], bool)


@pytest.mark.parametrize("raw, code", [
    ("not json", "bad-request"),
    ("[1, 2]", "bad-request"),
    ('{"op": "launch"}', "unknown-op"),
    ('{"op": "check"}', "bad-request"),
    ('{"op": "decrypt", "keyfile_b64": "%%%", "value": "x"}', "bad-request"),
    ('{"op": "simulate", "scenario": "no-such-thing", "glpi_version": "10.0"}', "bad-simulation"),
    ('{"op": "report", "report": "not an answer"}', "bad-request"),
    ('{"op": "report", "report": {"kind": "unknown"}}', "bad-request"),
])
def test_bad_requests_get_a_specific_error_not_a_traceback(raw, code):
    answer = json.loads(handle(raw))
    assert answer == {"ok": False, "error": {"code": code, "message": answer["error"]["message"]}}
    assert answer["error"]["message"] and "Traceback" not in answer["error"]["message"]


def test_unknown_scenario_error_lists_the_valid_ids():
    message = call(op="simulate", scenario="no-such-thing", glpi_version="10.0")["error"]["message"]
    assert "invalid-key" in message


def test_keyfile_inspection_and_size_limit():
    valid = call(op="keyfile", content_b64=base64.b64encode(KEY).decode(), name="glpicrypt.key")["result"]
    assert valid["kind"] == "glpicrypt-key" and valid["status"] == "ok"
    assert valid["headline"] == "GLPI can use this key file."
    assert KEY_HEX not in json.dumps(valid)  # the report never echoes the key
    unreadable = call(op="keyfile", read_error="unreadable", name="glpicrypt.key")["result"]
    assert unreadable["status"] == "error" and unreadable["headline"] == "GLPI cannot use this key file."
    huge = call(op="keyfile", content_b64=base64.b64encode(b"\0" * (64 * 1024 + 1)).decode())
    assert huge["error"]["code"] == "too-large"


def test_decrypt_gives_the_plaintext_and_glpis_words_on_failure():
    good = call(op="decrypt", keyfile_b64=base64.b64encode(KEY).decode(), value=T5)["result"]
    assert good["ok"] and good["plaintext"] == "MyP4ssw0rD" and good["plaintext_length"] == 10
    other_key = base64.b64encode(bytes(32)).decode()
    bad = call(op="decrypt", keyfile_b64=other_key, value=T5)["result"]
    assert not bad["ok"] and bad.get("plaintext") is None
    assert bad["message"] == "Unable to decrypt string. It may have been crypted with another key."
    assert bad["finding"]["code"] == "decrypt-failed" and bad["finding"]["explanation"]


def test_the_chosen_key_file_is_sent_once_and_used_by_each_decryption():
    call(op="keyfile", content_b64=base64.b64encode(KEY).decode(), name="glpicrypt.key")
    for _ in range(2):  # each click sends only the value
        assert call(op="decrypt", value=T5)["result"]["plaintext"] == "MyP4ssw0rD"
    call(op="keyfile", read_error="missing", name="glpicrypt.key")  # a new choice replaces it
    assert call(op="decrypt", value=T5)["error"]["code"] == "no-keyfile"


def test_a_cleared_file_field_leaves_no_key_in_the_worker():
    call(op="keyfile", content_b64=base64.b64encode(KEY).decode(), name="glpicrypt.key")
    assert call(op="forget-keyfile") == {"ok": True, "result": {}}
    assert call(op="decrypt", value=T5)["error"]["code"] == "no-keyfile"


def test_report_is_made_from_the_answers_without_running_anything_again(monkeypatch):
    report = call(op="check", text=REGISTRATION_KEY)["result"]
    run = call(op="simulate", scenario="my-key", glpi_version="11.0", key=REGISTRATION_KEY)["result"]
    monkeypatch.setattr(bridge, "check", None)       # a second check would fail
    monkeypatch.setattr(bridge, "_simulate", None)   # so would a second simulation
    markdown = call(op="report", text=REGISTRATION_KEY, report=report, simulation=run,
                    key=REGISTRATION_KEY)["result"]["markdown"]
    assert f"`{REGISTRATION_KEY[:6]}…[redacted, {len(REGISTRATION_KEY)} characters]`" in markdown
    assert REGISTRATION_KEY[6:14] not in markdown
    assert "admin@example.org" not in markdown  # member values stay out, names are listed
    assert "email" in markdown
    assert report["headline"] in markdown
    assert "scenario `my-key`" in markdown and "Outcome (" in markdown


def test_quotes_secret_needs_eight_characters_in_a_row():
    assert quotes_secret("it holds abcdefgh here", ["xxabcdefghyy"])
    assert not quotes_secret("it holds abcdefg here", ["xxabcdefghyy"])
