"""The GLPI Network model's exact answers, as the run's detail prints them: each path's status,
reason, content type and body; how it reads a key (a control character breaks the header; only
a key the checker accepts unrepaired is read; the signature decides); the demo keys, the same on
every run. The model's words are labelled as the model's. Pure: also runs in Pyodide."""

import base64
import hashlib
import hmac
import json

import pytest

from checker.check import check
from checker.simulation.http import Request
from checker.simulation.network_model import (ACCOUNTS, APACHE_400, DNS_ERROR, MODEL_ISSUER, MODEL_SECRET,
                                              OFFERS, PLUGINS, PROXY_ERROR, SERVER_MESSAGE, TLS_CA_ERROR,
                                              TOO_MANY_ATTEMPTS, KeyVerdict, NetworkModel, info_answer,
                                              issue_demo_key, judge_key)

API = "https://services.glpi-network.com/api"
RUNNING = issue_demo_key("demo-running")
WELL_FORMED = base64.b64encode(b'{"owner":"x","signature":"c2ln"}').decode()


def get(url, key=None, model=None):
    headers = ("Accept:application/json",) + ((f"X-Registration-Key:{key}",) if key is not None else ())
    exchange = (model or NetworkModel()).send(Request(url, headers))
    response = exchange.response
    return response.status, response.reason, response.content_type, response.body


def test_demo_keys_are_base64_json_signed_with_the_public_model_secret():
    for account in ("demo-running", "demo-terminated", None):
        document = json.loads(base64.b64decode(issue_demo_key(account), validate=True))
        payload = {"account": account or "demo-unknown", "issuer": MODEL_ISSUER}
        assert document == dict(payload, signature=document["signature"])
        signed = payload if account else {"not": "issued"}  # a key the model never issued
        canonical = json.dumps(signed, sort_keys=True, separators=(",", ":")).encode()
        expected = base64.b64encode(hmac.new(MODEL_SECRET, canonical, hashlib.sha256).digest()).decode("ascii")
        assert document["signature"] == expected
    # Compact JSON, as the page shows it redacted: the same 172 characters every run.
    assert RUNNING.startswith("eyJhY2NvdW50IjoiZGVtby1ydW5uaW5nIiwiaXNzdWVyIjoi") and len(RUNNING) == 172


def test_an_unknown_account_is_refused_with_the_known_ones():
    with pytest.raises(ValueError) as error:
        issue_demo_key("nobody")
    assert str(error.value) == "Unknown model account 'nobody': demo-running, demo-terminated."


def test_fixed_answers_of_the_model():
    assert get(f"{API}/ping") == (200, "OK", "application/json", '{"message": "pong (model)"}')
    assert get(f"{API}/registration/") == (200, "OK", "application/json", '{"service": "registration (model)"}')
    assert get(f"{API}/registration/offers") == (200, "OK", "application/json", json.dumps(OFFERS))
    assert get("https://github.com/example/exampleplugin/releases/download/1.0.0/glpi-exampleplugin-1.0.0.tar.bz2",
               RUNNING) == (200, "OK", "application/octet-stream", "(the plugin archive, model)")
    assert get(f"{API}/marketplace/plugins", RUNNING) == (200, "OK", "application/json",
                                                          json.dumps(list(PLUGINS.values())))
    assert get(f"{API}/marketplace/tags/top", RUNNING) == (404, "Not Found", "application/json",
                                                           '{"message": "Not found (model)."}')
    assert get(f"{API}/registration/info") == (401, "Unauthorized", "application/json",
                                               '{"message": "Registration key required (model)."}')


def test_plugins_of_the_model():
    assert PLUGINS["exampleplugin"] == {
        "key": "exampleplugin", "name": "Example plugin (model)", "required_offers": None,
        "versions": [{"num": "1.0.0", "download_url": "https://github.com/example/exampleplugin/releases/"
                                                      "download/1.0.0/glpi-exampleplugin-1.0.0.tar.bz2"}]}
    assert PLUGINS["exampleadvanced"]["required_offers"] == ["ADVANCED"]


@pytest.mark.parametrize("account, answer", [
    ("demo-running", {"is_valid": True, "owner": {"name": "Example Organisation (model)"},
                      "subscription": {"title": "Standard", "begin_date": "2026-01-01", "end_date": "2026-12-31",
                                       "is_running": True, "offer_reference": "STANDARD"}}),
    ("demo-terminated", {"is_valid": True, "owner": {"name": "Example Organisation (model)"},
                         "subscription": {"title": "Standard", "begin_date": "2024-01-01",
                                          "end_date": "2024-12-31", "is_running": False,
                                          "offer_reference": "STANDARD"}}),
])
def test_info_answer_for_a_demo_key(account, answer):
    assert get(f"{API}/registration/info", issue_demo_key(account)) == (
        200, "OK", "application/json", json.dumps(answer))
    assert info_answer(ACCOUNTS[account]) == answer


def test_info_answer_for_keys_the_model_refuses():
    refused = json.dumps({"is_valid": False, "owner": None, "subscription": None})
    assert get(f"{API}/registration/info", issue_demo_key(None))[3] == refused  # forged
    assert get(f"{API}/registration/info", "not a key")[3] == refused  # malformed
    assert get(f"{API}/registration/info", WELL_FORMED, NetworkModel(assumed_account=None))[3] == refused
    # A real key it cannot verify: the model assumes the running account (and says it is an assumption).
    assert json.loads(get(f"{API}/registration/info", WELL_FORMED)[3])["subscription"]["is_running"] is True
    assert json.loads(get(f"{API}/registration/info", WELL_FORMED,
                          NetworkModel(assumed_account="demo-terminated"))[3])["subscription"]["is_running"] is False


def test_server_message_mode_answers_is_valid_false_with_its_words():
    assert get(f"{API}/registration/info", RUNNING, NetworkModel(failure="server-message")) == (
        200, "OK", "application/json",
        json.dumps({"is_valid": False, "validation_message": SERVER_MESSAGE, "owner": None, "subscription": None}))
    assert SERVER_MESSAGE == "This registration key has been revoked."


def test_rate_limited_offers_answer_laravels_body():
    assert get(f"{API}/registration/offers", model=NetworkModel(failure="rate-limited")) == (
        429, "Too Many Requests", "application/json", '{\n    "message": "Too Many Attempts."\n}')
    assert TOO_MANY_ATTEMPTS == '{\n    "message": "Too Many Attempts."\n}'


@pytest.mark.parametrize("failure, error", [("dns", DNS_ERROR), ("proxy", PROXY_ERROR),
                                            ("tls-ca-bundle", TLS_CA_ERROR)])
def test_network_failures_give_a_curl_error_and_no_response(failure, error):
    exchange = NetworkModel(failure=failure).send(Request(f"{API}/ping", ()))
    assert (exchange.response, exchange.curl_error, exchange.body) == (None, error, "")


def test_curl_error_texts():
    assert DNS_ERROR == "Resolving timed out after 5000 milliseconds"  # issue #22679
    assert PROXY_ERROR == "Failed to connect to proxy.example.lan port 3128: Connection refused"
    assert TLS_CA_ERROR == "error setting certificate file: /etc/php/cacert.pem"


@pytest.mark.parametrize("char", ["\x00", "\r", "\n", "\x1f", "\x7f"])
def test_a_control_character_breaks_the_header_and_apache_answers_400(char):
    key = RUNNING + char
    assert judge_key(key) == KeyVerdict("broken-header")
    assert NetworkModel().verdict(key) == KeyVerdict("broken-header")
    assert get(f"{API}/registration/info", key) == (400, "Bad Request", "text/html; charset=iso-8859-1", APACHE_400)


@pytest.mark.parametrize("char", [" ", "~", "\x80"])
def test_printable_characters_do_not_break_the_header(char):
    assert judge_key(RUNNING + char).kind == "malformed"  # read, and found not to be the key as issued


def test_a_key_the_checker_must_repair_is_malformed_with_the_checkers_facts():
    key = " " + RUNNING
    report = check(key)
    assert report.status == "ok" and report.normalized == RUNNING
    assert judge_key(key) == KeyVerdict("malformed", None, "ok", "registration-key", ())
    verdict = judge_key("abc")
    assert (verdict.kind, verdict.checker_status, verdict.checker_kind) == ("malformed", "error", "unknown")
    assert verdict.checker_titles == tuple(f.title for f in check("abc").findings if f.severity != "info")


def test_keys_the_checker_accepts_are_read_by_their_signature():
    facts = dict(checker_status="ok", checker_kind="registration-key", checker_titles=())
    assert judge_key(RUNNING) == KeyVerdict("model", ACCOUNTS["demo-running"], **facts)
    assert judge_key(issue_demo_key(None)) == KeyVerdict("forged", **facts)
    assert judge_key(WELL_FORMED) == KeyVerdict("well-formed", None, **facts)  # not the model's: no account


def test_each_key_is_checked_once_per_run():
    model = NetworkModel()
    first = model.report(RUNNING)
    assert model.report(RUNNING) is first and list(model.reports) == [RUNNING]
    assert model.verdict(RUNNING).kind == "model"


def test_the_signature_covers_the_members_not_their_order():
    document = json.loads(base64.b64decode(RUNNING))
    reordered = {"issuer": document["issuer"], "signature": document["signature"], "account": document["account"]}
    key = base64.b64encode(json.dumps(reordered, separators=(",", ":")).encode()).decode()
    assert judge_key(key).kind == "model" and judge_key(key).account == ACCOUNTS["demo-running"]
