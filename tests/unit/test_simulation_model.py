"""The GLPI Network model: demo keys, verdicts and answers, deterministic and labelled."""

import base64
import json

import pytest

from checker.check import check
from checker.simulation.http import Request
from checker.simulation.network_model import (APACHE_400, DNS_ERROR, NetworkModel, TOO_MANY_ATTEMPTS,
                                              issue_demo_key, judge_key)

INFO = "https://services.glpi-network.com/api/registration/info"


def info_request(key):
    return Request(INFO, ("Accept:application/json", f"X-Registration-Key:{key}",
                          "X-Glpi-Network-Uid:abc"))


def test_demo_keys_have_the_documented_shape_and_pass_the_checker():
    key = issue_demo_key("demo-running")
    document = json.loads(base64.b64decode(key, validate=True))
    assert isinstance(document["signature"], str) and document["signature"]
    report = check(key)
    assert report.status == "ok" and report.kind == "registration-key"


def test_demo_keys_are_deterministic():
    assert issue_demo_key("demo-running") == issue_demo_key("demo-running")
    assert issue_demo_key("demo-running") != issue_demo_key("demo-terminated")


def test_model_checks_its_signature():
    assert judge_key(issue_demo_key("demo-running")).kind == "model"
    assert judge_key(issue_demo_key(None)).kind == "forged"
    document = json.loads(base64.b64decode(issue_demo_key("demo-running")))
    document["account"] = "demo-terminated"  # tampered with: the signature no longer matches
    tampered = base64.b64encode(json.dumps(document).encode()).decode()
    assert judge_key(tampered).kind == "forged"


def test_model_sorts_other_keys():
    assert judge_key("not a key at all").kind == "malformed"
    assert judge_key(issue_demo_key("demo-running") + "\r").kind == "broken-header"
    real_shape = base64.b64encode(b'{"owner":"x","signature":"c2ln"}').decode()
    assert judge_key(real_shape).kind == "well-formed"


def test_info_answers():
    model = NetworkModel()
    ok = json.loads(model.send(info_request(issue_demo_key("demo-running"))).body)
    assert ok["is_valid"] is True and ok["subscription"]["is_running"] is True
    assert set(ok["subscription"]) == {"title", "begin_date", "end_date", "is_running", "offer_reference"}
    assert ok["owner"]["name"]
    stopped = json.loads(model.send(info_request(issue_demo_key("demo-terminated"))).body)
    assert stopped["is_valid"] is True and stopped["subscription"]["is_running"] is False
    assert json.loads(model.send(info_request("garbage")).body)["is_valid"] is False


def test_well_formed_unknown_key_follows_the_assumption():
    key = base64.b64encode(b'{"owner":"x","signature":"c2ln"}').decode()
    assert json.loads(NetworkModel().send(info_request(key)).body)["is_valid"] is True
    assert json.loads(NetworkModel(assumed_account=None).send(info_request(key)).body)["is_valid"] is False


def test_failure_modes():
    request = info_request(issue_demo_key("demo-running"))
    dns = NetworkModel(failure="dns").send(request)
    assert dns.response is None and dns.curl_error == DNS_ERROR and dns.body == ""
    assert NetworkModel().send(info_request(issue_demo_key("demo-running") + "\r")).body == APACHE_400
    offers = Request("https://services.glpi-network.com/api/registration/offers", ("Accept:application/json",))
    limited = NetworkModel(failure="rate-limited").send(offers)
    assert limited.response.status == 429 and limited.body == TOO_MANY_ATTEMPTS
    said = json.loads(NetworkModel(failure="server-message").send(request).body)
    assert said["is_valid"] is False and said["validation_message"]


def test_rendered_exchange_redacts_the_key():
    key = issue_demo_key("demo-running")
    text = NetworkModel().send(info_request(key)).render()
    assert key not in text and key[:6] in text and f"{len(key)} characters" in text
    assert "model" in text  # the answer says who gave it


@pytest.mark.parametrize("account", ["nobody"])
def test_unknown_model_account_is_refused(account):
    with pytest.raises(ValueError):
        issue_demo_key(account)
