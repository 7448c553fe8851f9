"""What GLPI keeps and what it never reaches, word for word: a failed /info answer is not cached
(named by sha1 of the very value sent, damage included), the cache name of an admin's own key
shortened so a pasted report does not fingerprint it, the arrows of reading and decrypting the
stored key, the steps GLPI 11's key-file error hides on the tab and those a dead page never
reaches; and simulate()'s own words: the scenario's title and its argument errors."""

import hashlib

import pytest

from checker.simulation import simulate
from checker.simulation.network_model import issue_demo_key
from checker.simulation.scenarios import get_scenario
from simulation_view import order, played, step

NOT_CACHED = ("Failures are not cached: every page that needs the registration (the Marketplace, the "
              "console, the cron job) calls GLPI Network again.")


def cache_name(value: str) -> str:
    return f"registration_{hashlib.sha1(value.encode('utf-8', 'surrogateescape')).hexdigest()}_en_informations"


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_failed_call_is_not_cached(version):
    assert step(played("dns-failure", version), "cache") == {
        "name": "cache", "status": "warning", "explanation": NOT_CACHED,
        "detail": f"{cache_name(issue_demo_key('demo-running'))}: not written",
        "fix": ("Fix the GLPI server's DNS resolver or firewall so it resolves and reaches "
                "services.glpi-network.com on HTTPS (port 443), or set up the proxy in Setup > General > "
                "System. Pinning the address in /etc/hosts is fragile."),
        "shows": "", "shown_on": "",
        "messages": [("glpi", "glpi", "nothing cached", "a failure: every page asks again", False)]}


def test_a_damaged_key_is_looked_up_under_the_damaged_value():
    # The stored key decrypts to the key plus two stray bytes (#11995): that value is what GLPI
    # sends and hashes, so the cache entry GLPI would write is not the clean key's.
    cache = step(played("http-400-html", "10.0"), "cache")
    damaged = issue_demo_key("demo-running") + "\x1b\x9c"
    assert cache["explanation"] == NOT_CACHED
    assert cache["detail"] == f"{cache_name(damaged)}: not written"


def test_the_cache_name_of_your_own_key_is_shortened():
    key = "abc"
    cache = step(played("my-key", "10.0", key), "cache")
    digest = hashlib.sha1(key.encode()).hexdigest()
    assert cache["detail"].startswith(f"registration_{digest[:8]}…_en_informations (one day):\n{{\n")
    assert digest not in cache["detail"]


@pytest.mark.parametrize("scenario, note, fails", [
    ("valid", "the key", False),
    ("key-regenerated", "fails: another key encrypted it", True),
    ("keyfile-unreadable", "no key: the encrypted value stays as is", True),
    ("http-400-html", "gives a damaged key", True)])
def test_reading_the_stored_key_draws_the_database_then_the_key_file(scenario, note, fails):
    assert step(played(scenario, "10.0"), "decrypt-key")["messages"] == [
        ("glpi", "database", "SELECT glpinetwork_registration_key", "", False),
        ("database", "glpi", "the encrypted key", "", False),
        ("glpi", "keyfile", "decrypt with glpicrypt.key", note, fails)]


@pytest.mark.parametrize("scenario", ["keyfile-missing", "keyfile-wrong-size"])
def test_glpi_11_hides_the_form_and_the_calls_behind_a_key_file_error(scenario):
    steps = played(scenario, "11.0")
    hidden = ("Not reached: with a key-file error GLPI 11 shows only that error on the GLPI Network tab, "
              "and returns before the services check and the call to GLPI Network (PR #21614); no form, "
              "so no key can be saved from the tab.")
    assert order(steps)[:4] == [("read-keyfile", "error"), ("save-key", "skipped"),
                                ("services-check", "skipped"), ("build-message", "skipped")]
    for name in ("save-key", "services-check", "build-message"):
        assert step(steps, name)["explanation"] == hidden


def test_what_a_dead_page_never_reaches():
    # GLPI 9.5 with no key file: saving the key dies on the uncaught exception.
    steps = played("keyfile-missing", "9.5")
    names = [name for name, _ in order(steps)]
    assert order(steps)[:2] == [("read-keyfile", "error"), ("save-key", "error")]
    for name in names[2:]:
        assert step(steps, name)["status"] == "skipped"
        assert step(steps, name)["explanation"] == ("Not reached: save-key failed and the page died on an "
                                                    "uncaught exception.")


def test_a_run_carries_its_scenarios_title():
    assert simulate("valid", "10.0").title == "A valid key with a running subscription"
    assert simulate("stale-cache", "11.0").title == get_scenario("stale-cache").title


def test_a_scenario_that_needs_your_key_says_how_to_give_it():
    with pytest.raises(ValueError) as raised:
        simulate("my-key", "10.0")
    assert str(raised.value) == "Scenario 'my-key' needs your registration key (--key on the command line)."


def test_a_scenario_outside_its_releases_says_where_it_applies():
    with pytest.raises(ValueError) as raised:
        simulate("marketplace-disabled", "10.0.0")
    assert str(raised.value) == ("Scenario 'marketplace-disabled' does not apply to GLPI 10.0.0. It applies "
                                 "to: 10.0, 11.0 (from 10.0.1).")
