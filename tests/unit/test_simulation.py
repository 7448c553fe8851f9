"""The simulator against GLPI's code: GLPI's steps, messages and differences by version."""

import json
import re

import pytest

from checker import glpi_texts as texts
from checker.pages import is_page_path
from checker.simulation import SCENARIOS, VERSIONS, simulate
from checker.simulation.network_model import issue_demo_key
from checker.simulation.steps import STEP_STATUSES
from checker.simulation.world import KEYFILE_PATH, stand_in_ciphertext

REQUIRED_IDS = ("valid invalid-key terminated-subscription server-message dns-failure proxy-failure "
                "http-400-html rate-limited keyfile-missing keyfile-unreadable keyfile-wrong-size "
                "key-regenerated stale-cache higher-offer-required marketplace-dir-not-writable "
                "marketplace-disabled cli-trailing-newline").split()
A_WELL_FORMED_KEY = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="  # {"owner":"x","signature":"c2ln"}
ALL_RUNS = [(sid, v) for sid, s in SCENARIOS.items() for v in s.versions]


def run(scenario, version="11.0", key=None):
    if SCENARIOS[scenario].needs_key and key is None:
        key = A_WELL_FORMED_KEY
    return simulate(scenario, version, key)


def header(step, name):
    match = re.search(rf"^{name}:(.*)$", step.detail, re.M)
    return match and match.group(1)


def test_catalogue_has_the_required_ids_and_sound_entries():
    assert set(REQUIRED_IDS) <= set(SCENARIOS)
    for scenario in SCENARIOS.values():
        assert scenario.title and scenario.cause and scenario.fix, scenario.id
        assert set(scenario.versions) <= set(VERSIONS)
        assert scenario.sources and all(url.startswith("https://github.com/") for url in scenario.sources)
        assert is_page_path(scenario.doc), scenario.doc
        assert scenario.to_dict()["id"] == scenario.id


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_every_scenario_runs_and_ends_with_an_outcome(scenario, version):
    result = run(scenario, version)
    data = result.to_dict()
    assert data["scenario"] == scenario and data["glpi_version"] == version
    assert data["outcome"]["status"] in ("ok", "warning", "error") and data["outcome"]["message"]
    names = [step["name"] for step in data["steps"]]
    assert len(names) == len(set(names)), names
    for step in data["steps"]:
        assert set(step) >= {"name", "status", "explanation", "detail", "fix", "doc"}
        assert step["status"] in STEP_STATUSES and step["explanation"]
        if step["status"] in ("warning", "error"):
            assert step["fix"] and step["doc"], step["name"]
    json.dumps(data)  # JSON-serialisable as it is


def test_runs_are_reproducible():
    assert run("valid").to_dict() == run("valid").to_dict()


def test_valid_key():
    result = run("valid")
    assert result.outcome.status == "ok" and result.outcome.message == texts.VALID
    assert all(step.status == "ok" for step in result.steps)


@pytest.mark.parametrize("version", VERSIONS)
def test_is_valid_false(version):
    result = run("invalid-key", version)
    assert (result.outcome.status, result.outcome.message) == ("error", texts.INVALID)
    assert texts.MP_NOT_REGISTERED[0] in result.step("marketplace-status").shows


@pytest.mark.parametrize("version", VERSIONS)
def test_stopped_subscription(version):
    result = run("terminated-subscription", version)
    assert result.outcome.message == texts.TERMINATED
    # GLPI 9.5's Marketplace asks isRegistered(), which reads only is_valid: no banner.
    banner = "" if version == "9.5" else "\n".join(texts.MP_TERMINATED)
    assert result.step("marketplace-status").shows == banner


def test_server_message_is_shown_verbatim():
    result = run("server-message")
    assert result.outcome.message == json.loads(
        result.step("registration-info").detail.rsplit("\n\n", 1)[1])["validation_message"]


@pytest.mark.parametrize("scenario, version", [
    (sid, v) for sid in ("dns-failure", "proxy-failure", "http-400-html", "cli-trailing-newline")
    for v in SCENARIOS[sid].versions])
def test_network_or_non_json_failure(scenario, version):
    result = run(scenario, version)
    assert result.outcome.message == texts.UNABLE_TO_FETCH
    assert result.step("registration-info").status == "error"
    assert result.step("cache").status == "warning"  # failures are not cached


def test_network_failure_log_and_services_banner_per_version():
    old = run("dns-failure", "10.0").step("services-check")
    new = run("dns-failure", "11.0").step("services-check")
    assert old.shows.startswith(texts.SERVICES_DOWN["10.0"]) and new.shows.startswith(texts.SERVICES_DOWN["11.0"])
    assert "Error was: Resolving timed out after 5000 milliseconds" in new.shows
    assert "Connection failed. If you use a proxy, please configure it. (" in new.detail
    assert "Failed to connect to the proxy server (" in run("proxy-failure").step("services-check").detail


def test_services_check_url_per_version():
    assert "GET /api/registration/ HTTP/1.1" in run("valid", "10.0").step("services-check").detail
    assert "GET /api/ping HTTP/1.1" in run("valid", "11.0").step("services-check").detail


def test_call_order_per_version():
    def order(version):
        names = [s.name for s in run("valid", version).steps]
        return names.index("services-check") < names.index("registration-info")
    assert order("9.5") and order("10.0") and not order("11.0")


def test_info_request_carries_exactly_glpis_headers():
    step = run("valid", "11.0").step("registration-info")
    lines = step.detail.splitlines()
    sent = lines[lines.index("GET /api/registration/info HTTP/1.1") + 1:]
    sent = sent[:sent.index("")]
    assert [line.split(":", 1)[0] for line in sent] == [
        "Host", "Accept", "Accept-Language", "Content-Type", "User-Agent", "X-Registration-Key",
        "X-Glpi-Network-Uid"]
    assert "Accept:application/json" in sent and "Accept-Language: en" in sent
    assert "Content-Type:application/json" in sent
    assert "User-Agent:GLPI/11.0.8 (installation-mode:TARBALL)" in sent
    assert re.fullmatch(r"[0-9a-z]{40}", header(step, "X-Glpi-Network-Uid"))


def test_offers_call_carries_neither_key_nor_uid():
    detail = run("valid").step("offers").detail
    request = detail.split("\n\n")[0]
    assert "GET /api/registration/offers HTTP/1.1" in request
    assert "Accept:application/json" in request and "Accept-Language: en" in request
    assert "X-Registration-Key" not in request and "X-Glpi-Network-Uid" not in request


def test_the_key_never_appears_whole():
    key = issue_demo_key("demo-running")
    for scenario, version in ALL_RUNS:
        if SCENARIOS[scenario].needs_key:
            continue
        assert key not in json.dumps(run(scenario, version).to_dict()), (scenario, version)
    assert A_WELL_FORMED_KEY not in json.dumps(run("my-key", key=A_WELL_FORMED_KEY).to_dict())
    assert header(run("valid").step("registration-info"), "X-Registration-Key") == \
        f"{key[:6]}…[redacted, {len(key)} characters]"


def test_keyfile_missing_differs_by_version():
    old, mid, new = (run("keyfile-missing", v) for v in VERSIONS)
    # 9.5: uncaught exception, a blank page, nothing after it.
    assert old.outcome.shown_on.startswith("blank page")
    assert "You must create a security key, see glpi:security:change_key command." in old.outcome.message
    after = [s for s in old.steps if s.name not in ("read-keyfile", "save-key")]
    assert after and all(s.status == "skipped" for s in after)
    # 10.0: a warning in the log, an empty value saved, and the empty form again.
    assert texts.KEYFILE_LOG["missing"] in mid.step("read-keyfile").detail
    assert "'' (empty)" in mid.step("save-key").detail
    assert mid.outcome.message == texts.NO_KEY_INTRO["10.0"]
    assert mid.step("registration-info").status == "skipped"
    # 11.0: the explicit key-file error on the tab, the form hidden.
    assert new.outcome.message == texts.KEYFILE_TAB_11["missing"]
    assert new.step("save-key").status == "skipped"


def test_keyfile_wrong_size_differs_by_version():
    old, mid, new = (run("keyfile-wrong-size", v) for v in VERSIONS)
    assert "SodiumException" in old.outcome.message and old.outcome.shown_on.startswith("blank page")
    assert texts.KEYFILE_LOG["wrong-size"] in mid.step("read-keyfile").detail
    assert mid.outcome.message == texts.NO_KEY_INTRO["10.0"]
    assert new.outcome.message == texts.KEYFILE_TAB_11["wrong-size"]


@pytest.mark.parametrize("version", ["10.0", "11.0"])
def test_unreadable_keyfile_makes_glpi_send_the_still_encrypted_value(version):
    result = run("keyfile-unreadable", version)
    ciphertext = stand_in_ciphertext(issue_demo_key("demo-running"))
    sent = header(result.step("registration-info"), "X-Registration-Key")
    assert sent == f"{ciphertext[:6]}…[redacted, {len(ciphertext)} characters]"
    assert "STILL-ENCRYPTED" in result.step("decrypt-key").explanation
    assert '"is_valid": false' in result.step("registration-info").detail


def test_unreadable_keyfile_messages_per_version():
    assert run("keyfile-unreadable", "9.5").outcome.shown_on.startswith("blank page")
    assert run("keyfile-unreadable", "10.0").outcome.message == texts.INVALID
    assert run("keyfile-unreadable", "11.0").outcome.message == \
        f"Unable to get security key file contents. Fix file permissions of {KEYFILE_PATH}."


def test_replaced_keyfile_empties_the_key():
    result = run("key-regenerated", "10.0")
    assert texts.DECRYPT_FAILED["10.0"] in result.step("decrypt-key").detail
    assert result.step("registration-info").status == "skipped"
    assert result.outcome.message == texts.NO_KEY_INTRO["10.0"]
    assert texts.DECRYPT_FAILED["9.5"] in run("key-regenerated", "9.5").step("decrypt-key").detail


def test_failed_step_skips_what_depends_on_it():
    result = run("invalid-key")
    names = [s.name for s in result.steps]
    failed = names.index("marketplace-status")
    assert result.steps[failed].status == "error"
    for step in result.steps[failed + 1:]:
        assert step.status == "skipped" and "marketplace-status" in step.explanation


def test_cache_entry():
    key = issue_demo_key("demo-running")
    import hashlib
    detail = run("valid").step("cache").detail
    assert detail.startswith(f"registration_{hashlib.sha1(key.encode()).hexdigest()}_en_informations")
    assert '"validation_message": "The registration key is valid."' in detail


def test_stale_cache_keeps_the_marketplace_offline():
    result = run("stale-cache")
    assert result.step("cache").status == "warning"
    assert "registration-info" not in [s.name for s in result.steps]  # no call: the cache answers
    assert result.outcome.message == "\n".join(texts.MP_NOT_REGISTERED)


def test_higher_offer_required():
    result = run("higher-offer-required")
    assert result.outcome.message == texts.HIGHER_OFFER % "Advanced"
    assert result.step("build-message").shows == texts.VALID


def test_marketplace_directory_not_writable_uses_glpis_spelling():
    result = run("marketplace-dir-not-writable")
    assert result.outcome.status == "warning"
    assert result.outcome.message.startswith("We can't write on the markeplace directory (/var/www/glpi/marketplace).")


def test_marketplace_disabled():
    result = run("marketplace-disabled", "10.0")
    assert result.outcome.message == texts.CLI_DISALLOWED
    assert all(s.status == "skipped" for s in result.steps[1:])


def test_rate_limited_offers():
    result = run("rate-limited")
    assert result.step("build-message").shows == texts.VALID
    assert result.outcome.message == texts.OFFERS_FETCH_FAILED
    assert "Too Many Attempts." in result.step("offers").detail


def test_console_value_is_not_trimmed():
    result = run("cli-trailing-newline", "10.0")
    assert result.step("save-key").status == "warning"
    key = issue_demo_key("demo-running")
    assert header(result.step("registration-info"), "X-Registration-Key") == \
        f"{key[:6]}…[redacted, {len(key) + 1} characters; \\r at character {len(key) + 1}]"
    assert "Bad Request" in result.step("registration-info").detail


def test_web_form_trims_from_10_0_but_not_in_9_5():
    pasted = issue_demo_key("demo-running") + "\n"
    assert run("my-key", "10.0", pasted).step("registration-info").status != "error"
    assert run("my-key", "9.5", pasted).outcome.message == texts.UNABLE_TO_FETCH


def test_my_key_malformed_is_rejected_and_says_so():
    result = run("my-key", "11.0", "this is not a key")
    assert result.step("check-key").status == "error"
    assert result.outcome.message == texts.INVALID
    assert "key checker" in result.step("registration-info").explanation


def test_my_key_well_formed_is_an_assumption_said_plainly():
    result = run("my-key", "11.0", A_WELL_FORMED_KEY)
    step = result.step("registration-info")
    assert step.status == "warning" and "cannot know" in step.explanation
    assert result.outcome.status == "warning"
    assert "…" in result.step("cache").detail.split(":", 1)[0]  # the key's hash is shortened


def test_own_key_in_another_scenario():
    result = run("terminated-subscription", "10.0", A_WELL_FORMED_KEY)
    assert result.step("check-key").status == "ok"
    assert result.outcome.message == texts.TERMINATED


@pytest.mark.parametrize("args, words", [
    (("nope", "11.0"), "valid, invalid-key"),
    (("valid", "12.0"), "9.5, 10.0, 11.0"),
    (("valid", "10.0.99"), "10.0.25"),
    (("marketplace-disabled", "9.5"), "10.0, 11.0"),
])
def test_bad_arguments_list_the_valid_ones(args, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        simulate(*args)


def test_my_key_needs_a_key():
    with pytest.raises(ValueError, match="needs your registration key"):
        simulate("my-key", "11.0")
