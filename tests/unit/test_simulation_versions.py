"""The simulator per GLPI release: what changed inside a branch, the new GLPI 11.0.x paths, and
the steps as data."""

import json

import pytest

from checker import glpi_texts as texts
from checker.simulation import SCENARIOS, simulate
from checker.simulation import network_model
from checker.simulation.network_model import TLS_CA_ERROR, issue_demo_key
from checker.simulation.steps import CONSOLE_UPGRADE_ORDER, STEP_ORDER

WELL_FORMED = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="
ALL_RUNS = [(sid, v) for sid, s in SCENARIOS.items() for v in s.versions]


def request_line(step):
    return next(line for line in step.detail.splitlines() if line.startswith("GET "))


def test_a_branch_plays_its_latest_release_and_says_which():
    run = simulate("valid", "10.0")
    assert (run.glpi_version, run.glpi_release) == ("10.0", "10.0.25")
    assert "User-Agent:GLPI/10.0.25 (installation-mode:TARBALL)" in run.step("registration-info").detail
    release = simulate("valid", "10.0.7")
    assert (release.glpi_version, release.glpi_release) == ("10.0.7", "10.0.7")
    assert "User-Agent:GLPI/10.0.7 (installation-mode:TARBALL)" in release.step("registration-info").detail


@pytest.mark.parametrize("version, trimmed", [("9.5.13", False), ("10.0.0", False), ("10.0.1", True),
                                              ("10.0", True), ("11.0.0", True)])
def test_the_web_form_trims_from_10_0_1(version, trimmed):  # PR #11567, merged after 10.0.0
    pasted = issue_demo_key("demo-running") + "\n"
    run = simulate("my-key", version, pasted)
    if trimmed:
        assert "removed 1 whitespace" in run.step("save-key").explanation
        assert run.step("registration-info").status != "error"
    else:
        assert "10.0.1" in run.step("save-key").explanation
        assert run.outcome.message == texts.UNABLE_TO_FETCH


@pytest.mark.parametrize("version, url", [("11.0.0", "GET /api/registration/ HTTP/1.1"),
                                          ("11.0.3", "GET /api/registration/ HTTP/1.1"),
                                          ("11.0.4", "GET /api/ping HTTP/1.1"),
                                          ("11.0", "GET /api/ping HTTP/1.1"),
                                          ("10.0", "GET /api/registration/ HTTP/1.1")])
def test_services_check_url_per_release(version, url):  # PR #22140
    run = simulate("valid", version)
    assert request_line(run.step("services-check")) == url
    assert request_line(run.step("marketplace-status")) == url


@pytest.mark.parametrize("version, url", [("10.0.7", "GET /api/glpi-plugins/plugins HTTP/1.1"),
                                          ("10.0.8", "GET /api/marketplace/plugins HTTP/1.1"),
                                          ("9.5", "GET /api/glpi-plugins/plugins HTTP/1.1")])
def test_marketplace_api_url_per_release(version, url):  # PR #14657
    assert request_line(simulate("valid", version).step("marketplace-plugins")) == url


def test_empty_required_offers_blocks_only_before_10_0_8(monkeypatch):
    free = dict(network_model.PLUGINS["exampleplugin"], required_offers=[])
    monkeypatch.setitem(network_model.PLUGINS, "exampleplugin", free)
    assert simulate("valid", "10.0.7").step("plugin-access").status == "error"
    for version in ("10.0.8", "10.0", "11.0"):
        step = simulate("valid", version).step("plugin-access")
        assert step.status == "ok" and "empty list, since 10.0.8" in step.explanation


@pytest.mark.parametrize("scenario", ["keyfile-missing", "keyfile-wrong-size", "keyfile-unreadable"])
def test_11_0_tab_shows_only_keyfile_errors_from_11_0_2(scenario):  # PR #21614
    late = simulate(scenario, "11.0.2")
    assert late.step("read-keyfile").shown_on.endswith("(the form is hidden)")
    for name in ("services-check", "build-message"):
        assert late.step(name).status == "skipped" and "#21614" in late.step(name).explanation
    assert late.outcome.message.startswith(texts.KEYFILE_TAB_11[scenario.removeprefix("keyfile-")].split(".")[0])
    early = simulate(scenario, "11.0.1")
    assert not early.step("read-keyfile").shows
    assert early.step("services-check").status != "skipped"
    assert early.outcome.message != late.outcome.message


def test_tls_ca_bundle_failure_is_curls_error_everywhere():
    for version in SCENARIOS["tls-ca-bundle"].versions:
        run = simulate("tls-ca-bundle", version)
        assert f"Error was: {TLS_CA_ERROR}" in run.step("services-check").shows
        assert run.outcome.message == texts.UNABLE_TO_FETCH
        assert run.step("cache").status == "warning"
        assert run.step("marketplace-status").shows.startswith(texts.MP_SERVICES_DOWN[0])
    assert TLS_CA_ERROR.startswith("error setting certificate file: ")


def test_marketplace_upgrade_unregistered_stops_with_glpis_words():
    run = simulate("marketplace-upgrade-unregistered", "11.0")
    assert [s.name for s in run.steps] == [n for n in CONSOLE_UPGRADE_ORDER if n != "check-key"]
    step = run.step("marketplace-upgrade")
    assert step.status == "error" and step.shows == texts.UPGRADE_NOT_REGISTERED
    assert (run.outcome.status, run.outcome.message) == ("error", texts.UPGRADE_NOT_REGISTERED)
    assert "exit status 1" in run.outcome.shown_on


def test_marketplace_upgrade_skips_a_plugin_installed_by_hand():
    run = simulate("marketplace-upgrade-manual-plugin", "11.0")
    assert run.outcome.status == "warning"
    assert run.outcome.message == texts.UPGRADE_MANUAL % "handmadeplugin"
    assert texts.UPGRADE_UP_TO_DATE % "exampleplugin" in run.step("marketplace-upgrade").detail


@pytest.mark.parametrize("version", ["11.0.0", "11.0.1", "10.0", "9.5"])
def test_marketplace_upgrade_exists_from_11_0_2_only(version):
    with pytest.raises(ValueError, match="11.0 \\(from 11.0.2\\)"):
        simulate("marketplace-upgrade-unregistered", version)


def test_downloads_send_the_key_to_the_archive_host_through_the_proxy(monkeypatch):
    detail = simulate("valid", "11.0").step("plugin-access").detail
    download = detail.split("# GLPI sends (Guzzle", 1)[1]
    assert "Host: github.com" in download and "X-Registration-Key: " in download
    assert "X-Glpi-Network-Uid: " in download and "Accept: application/json, */*" in download
    assert issue_demo_key("demo-running") not in detail


def test_cli_newline_scenario_does_not_cite_11995_as_evidence():
    scenario = SCENARIOS["cli-trailing-newline"]
    assert not any(source.endswith("/11995") for source in scenario.sources)
    for version in scenario.versions:
        run = simulate("cli-trailing-newline", version)
        assert "11995" not in json.dumps(run.to_dict())
        assert "the model's" in run.step("registration-info").explanation or \
            "its own choice" in run.step("registration-info").explanation


def test_server_message_colour_follows_is_valid_not_the_message():
    step = simulate("server-message", "11.0").step("build-message")
    assert "does not by itself mean" in SCENARIOS["server-message"].cause
    assert "colour comes from is_valid" in step.explanation and "here red" in step.explanation


def test_9_5_log_lines_have_no_labels_and_9_5_0_said_informations():
    detail = simulate("dns-failure", "9.5").step("registration-info").detail
    log = detail.split("# GLPI logs", 1)[1]
    assert "Error message:" not in log and "Response:" not in log
    assert "Unable to fetch registration information. Connection failed." in log
    early = simulate("dns-failure", "9.5.0").step("registration-info").detail
    assert "Unable to fetch registration informations. " in early
    assert "Error message:" in simulate("dns-failure", "10.0").step("registration-info").detail


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_steps_follow_the_order_of_their_branch(scenario, version):
    run = simulate(scenario, version, WELL_FORMED if SCENARIOS[scenario].needs_key else None)
    names = [s.name for s in run.steps]
    order = CONSOLE_UPGRADE_ORDER if run.step(names[-1]).name == "marketplace-upgrade" else STEP_ORDER[version]
    assert set(names) <= set(order), names
    # The tab's steps come in the branch's order (the Marketplace may re-read what the tab did not).
    tab = [n for n in names if n in ("services-check", "registration-info")]
    if len(tab) == 2 and run.step(tab[0]).status != "skipped" and run.step(tab[1]).status != "skipped":
        assert tab == [n for n in order if n in tab]


def test_my_key_is_checked_once(monkeypatch):
    calls = []
    real = network_model.check_report
    monkeypatch.setattr(network_model, "check_report", lambda key: calls.append(key) or real(key))
    simulate("my-key", "11.0", WELL_FORMED)
    assert calls == [WELL_FORMED]


def _sent(step, path):
    """The header lines of the request to `path` in a step's detail, as rendered."""
    lines = step.detail.splitlines()
    start = lines.index(f"GET {path} HTTP/1.1") + 2  # after the Host line
    return lines[start:lines.index("", start)]


@pytest.mark.parametrize("version", ["9.5.0", "10.0.7", "10.0.8", "11.0.1", "11.0.3", "11.0.4", "11.0"])
def test_the_calls_catalogue_is_what_the_engine_sends(version):
    """The HTTP calls page lists glpi_calls(); a run sends the same lines, values filled in."""
    from checker.glpi_versions import parse_glpi_version
    from checker.simulation.calls import glpi_calls

    calls = {call.name: call.request for call in glpi_calls(parse_glpi_version(version))}
    run = simulate("valid", version)
    for name, step_name in (("Registration info", "registration-info"), ("Offers", "offers"),
                            ("Services check", "services-check"), ("Plugin list", "marketplace-plugins")):
        request = calls[name]
        path = request.url.split("services.glpi-network.com", 1)[1]
        sent = _sent(run.step(step_name), path)
        assert [line.split(":", 1)[0] for line in sent] == \
            [line.split(":", 1)[0] for line in request.header_lines], (name, sent)
        for template, line in zip(request.header_lines, sent):
            if "<" not in template:
                assert line == template  # constant lines byte for byte: Accept:application/json


def test_glpi_marketplace_enable_exists_from_10_0_1():  # PR #11650, merged after 10.0.0
    assert "marketplace-enabled" not in [s.name for s in simulate("valid", "10.0.0").steps]
    assert simulate("valid", "10.0.1").step("marketplace-enabled").status == "ok"
    with pytest.raises(ValueError, match="from 10.0.1"):
        simulate("marketplace-disabled", "10.0.0")


def test_a_message_from_glpi_network_with_a_valid_key_is_green(monkeypatch):
    """validation_message is shown verbatim whatever it says; the colour comes from is_valid
    and subscription.is_running, so a valid key's message is green, not "invalid"."""
    from checker.simulation.http import Response
    from checker.simulation.network_model import ACCOUNTS, NetworkModel

    answer = NetworkModel._answer

    def valid_with_message(self, request):
        response = answer(self, request)
        if request.url.endswith("/info"):
            body = {"is_valid": True, "validation_message": "Welcome back (model).",
                    "owner": {"name": "x"}, "subscription": ACCOUNTS["demo-running"].subscription()}
            return Response(200, "OK", "application/json", json.dumps(body))
        return response

    monkeypatch.setattr(NetworkModel, "_answer", valid_with_message)
    step = simulate("valid", "11.0").step("build-message")
    assert step.shows == "Welcome back (model)." and step.status == "ok" and "here green" in step.explanation
