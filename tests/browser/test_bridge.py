"""checker.bridge, the one entry point the browser's worker calls, under CPython (no browser).

The browser tests drive the same function through Pyodide; these pin its JSON contract, its
error answers (never a traceback), and the redaction of the shareable report.
"""

from __future__ import annotations

import base64
import json

import pytest

from checker import check
from checker.bridge import handle, markdown_report, quotes_secret
from checker.findings import CATALOGUE

KEY_HEX = "a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6"
KEY = bytes.fromhex(KEY_HEX)
T5 = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="
REGISTRATION_KEY = base64.b64encode(json.dumps(
    {"email": "admin@example.org", "signature": "U2lnbmF0dXJlT2ZUaGVLZXk" * 6}).encode()).decode()


def call(**request) -> dict:
    return json.loads(handle(json.dumps(request)))


def test_check_answers_the_core_report_with_catalogue_explanations():
    answer = call(op="check", text=REGISTRATION_KEY)
    assert answer["ok"]
    result = answer["result"]
    core = check(REGISTRATION_KEY).to_dict()
    assert {k: v for k, v in result.items() if k != "findings"} == {k: v for k, v in core.items() if k != "findings"}
    for shown, finding in zip(result["findings"], core["findings"]):
        assert {k: shown[k] for k in finding} == finding
        assert shown["explanation"] == CATALOGUE[finding["code"]].explanation


@pytest.mark.parametrize("raw, code", [
    ("not json", "bad-request"),
    ("[1, 2]", "bad-request"),
    ('{"op": "launch"}', "unknown-op"),
    ('{"op": "check"}', "bad-request"),
    ('{"op": "decrypt", "keyfile_b64": "%%%", "value": "x"}', "bad-request"),
    ('{"op": "simulate", "scenario": "no-such-thing", "glpi_version": "10.0"}', "bad-simulation"),
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
    assert KEY_HEX not in json.dumps(valid)  # the report never echoes the key
    unreadable = call(op="keyfile", read_error="unreadable", name="glpicrypt.key")["result"]
    assert unreadable["status"] == "error"
    huge = call(op="keyfile", content_b64=base64.b64encode(b"\0" * (64 * 1024 + 1)).decode())
    assert huge["error"]["code"] == "too-large"


def test_decrypt_gives_the_plaintext_and_glpis_words_on_failure():
    good = call(op="decrypt", keyfile_b64=base64.b64encode(KEY).decode(), value=T5)["result"]
    assert good["ok"] and good["plaintext"] == "MyP4ssw0rD" and good["plaintext_length"] == 10
    other_key = base64.b64encode(bytes(32)).decode()
    bad = call(op="decrypt", keyfile_b64=other_key, value=T5)["result"]
    assert not bad["ok"] and bad.get("plaintext") is None
    assert bad["message"] == "Unable to decrypt string. It may have been crypted with another key."
    assert bad["finding"]["code"] == "decrypt-failed"


def test_report_shows_six_characters_and_the_length_only():
    markdown = call(op="report", text=REGISTRATION_KEY)["result"]["markdown"]
    assert f"`{REGISTRATION_KEY[:6]}…` ({len(REGISTRATION_KEY)} characters)" in markdown
    assert REGISTRATION_KEY[6:14] not in markdown
    assert "admin@example.org" not in markdown  # member values stay out, names are listed
    assert "email" in markdown


def test_report_withholds_a_detail_that_quotes_the_key():
    damaged = base64.b64encode(b'{"signature": "abcdefghijklmnopqrstuvwxyz0123", broken').decode()
    assert "abcdefghijklmnop" in json.dumps(check(damaged).to_dict())  # the page shows it...
    markdown = markdown_report(damaged, None)
    assert "abcdefghijklmnop" not in markdown                        # ...the report does not
    assert "withheld" in markdown


def test_report_with_a_simulation_of_my_key():
    answer = call(op="report", text=REGISTRATION_KEY, scenario="my-key", glpi_version="11.0", key=REGISTRATION_KEY)
    markdown = answer["result"]["markdown"]
    assert "scenario `my-key`" in markdown and "Outcome (" in markdown
    assert REGISTRATION_KEY[6:14] not in markdown


def test_quotes_secret_needs_eight_characters_in_a_row():
    assert quotes_secret("it holds abcdefgh here", ["xxabcdefghyy"])
    assert not quotes_secret("it holds abcdefg here", ["xxabcdefghyy"])
