"""The browser bridge reads GLPI versions with the same parser as the command line."""

import base64
import json

import pytest

from checker.bridge import handle


def call(**request):
    return json.loads(handle(json.dumps(request)))


@pytest.mark.parametrize("version", ["9.5", "10.0.7", "11.0.2", "11.0"])
def test_simulate_accepts_branches_and_releases(version):
    answer = call(op="simulate", scenario="valid", glpi_version=version)
    assert answer["ok"] and answer["result"]["glpi_version"] == version


@pytest.mark.parametrize("version", ["abc", "v11", "11,0", "12.0", "9.4", "10.0.99", "1" * 5000])
def test_simulate_refuses_other_versions_and_says_what_is_accepted(version):
    answer = call(op="simulate", scenario="valid", glpi_version=version)
    assert not answer["ok"] and answer["error"]["code"] == "bad-simulation"
    assert "Accepted: 9.5, 10.0, 11.0" in answer["error"]["message"]


def test_keyfile_refuses_an_unknown_version():
    content = base64.b64encode(bytes(32)).decode()
    answer = call(op="keyfile", content_b64=content, glpi_version="v11")
    assert not answer["ok"] and answer["error"]["code"] == "bad-request"
    assert "Accepted: 9.5, 10.0, 11.0" in answer["error"]["message"]
    assert call(op="keyfile", content_b64=content, glpi_version="11.0.1")["ok"]


def test_scenarios_list_each_branchs_latest_release():
    result = call(op="scenarios")["result"]
    assert result["versions"] == ["9.5", "10.0", "11.0"]
    assert result["latest"] == {"9.5": "9.5.13", "10.0": "10.0.25", "11.0": "11.0.8"}
    upgrade = next(s for s in result["scenarios"] if s["id"] == "marketplace-upgrade-unregistered")
    assert upgrade["since"] == "11.0.2" and upgrade["needs_key"] is False
