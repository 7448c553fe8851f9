"""`glpi-keycheck simulate`: listing, running, JSON, exit statuses, usage errors."""

import io
import json

import pytest

from checker.cli import main
from checker import glpi_texts as texts
from checker.simulation import SCENARIOS
from checker.simulation.network_model import issue_demo_key


def test_list_prints_one_id_a_line(capsys):
    assert main(["simulate", "--list"]) == 0
    assert capsys.readouterr().out.splitlines() == list(SCENARIOS)


def test_valid_run_exits_0_with_a_timeline(capsys):
    assert main(["simulate", "--scenario", "valid"]) == 0
    out = capsys.readouterr().out
    assert "GLPI 11.0" in out and "registration-info" in out and texts.VALID in out
    assert "\033[" not in out  # no colour when not on a terminal
    assert issue_demo_key("demo-running") not in out


def test_failing_outcome_exits_1_and_shows_glpis_words(capsys):
    assert main(["simulate", "--scenario", "invalid-key", "--glpi-version", "9.5"]) == 1
    out = capsys.readouterr().out
    assert "GLPI 9.5" in out and texts.INVALID in out and "Fix:" in out
    assert "troubleshooting/key-invalid/" in out


def test_json_shape(capsys):
    assert main(["simulate", "--scenario", "dns-failure", "--glpi-version", "10.0", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"scenario", "glpi_version", "steps", "outcome"} <= set(data)
    assert data["scenario"] == "dns-failure" and data["glpi_version"] == "10.0"
    assert data["outcome"] == {"status": "error", "message": texts.UNABLE_TO_FETCH,
                               "shown_on": data["outcome"]["shown_on"]}
    assert all({"name", "status", "explanation", "detail", "fix", "doc"} <= set(step)
               for step in data["steps"])


def test_default_version_is_11(capsys):
    main(["simulate", "--scenario", "valid", "--json"])
    assert json.loads(capsys.readouterr().out)["glpi_version"] == "11.0"


@pytest.mark.parametrize("argv, expected", [
    (["simulate", "--scenario", "nope"], "valid, invalid-key"),
    (["simulate", "--scenario", "valid", "--glpi-version", "12"], "9.5, 10.0, 11.0"),
    (["simulate", "--scenario", "marketplace-disabled", "--glpi-version", "9.5"], "10.0, 11.0"),
    (["simulate", "--scenario", "my-key"], "--key"),
    (["simulate"], "--scenario"),
])
def test_usage_errors_exit_2_and_list_the_valid_choices(argv, expected, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_own_key_from_standard_input(capsys, monkeypatch):
    key = issue_demo_key("demo-running")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((key + "\n").encode())))
    assert main(["simulate", "--scenario", "my-key", "--glpi-version", "10.0", "--key", "-", "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["steps"][0]["name"] == "check-key" and data["outcome"]["message"] == texts.VALID
    assert key not in out


def test_malformed_own_key_exits_1(capsys):
    assert main(["simulate", "--scenario", "my-key", "--key", "not a key"]) == 1
    assert texts.INVALID in capsys.readouterr().out


BAD_VERSIONS = ["abc", "v11", "11,0", "12.0", "9.4", "10.0.99", "1" * 5000, "\x1b[2J11.0"]


@pytest.mark.parametrize("version", BAD_VERSIONS)
@pytest.mark.parametrize("command", [["simulate", "--scenario", "valid"],
                                     ["keyfile", "/nonexistent/glpicrypt.key"]])
def test_one_version_parser_for_every_command(command, version, capsys):
    assert main(command + ["--glpi-version", version]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err
    assert "Accepted: 9.5, 10.0, 11.0" in err and "11.0.0 to 11.0.8" in err
    assert len(err) < 600  # a 5,000-digit version is not echoed back whole


@pytest.mark.parametrize("version", ["9.5.0", "10.0.7", "11.0.2", "11.0"])
def test_releases_are_accepted(version, capsys):
    assert main(["simulate", "--scenario", "valid", "--glpi-version", version, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["glpi_version"] == version and data["glpi_release"].startswith(version)


def test_scenario_that_starts_at_a_release_is_a_usage_error_before(capsys):
    assert main(["simulate", "--scenario", "marketplace-upgrade-unregistered",
                 "--glpi-version", "11.0.1"]) == 2
    assert "from 11.0.2" in capsys.readouterr().err
    assert main(["simulate", "--scenario", "marketplace-upgrade-unregistered",
                 "--glpi-version", "11.0.2"]) == 1


def test_usage_error_never_waits_on_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", None)  # reading it would fail
    assert main(["simulate", "--scenario", "nope", "--key", "-"]) == 2
