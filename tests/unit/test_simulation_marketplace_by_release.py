"""The Marketplace per GLPI release, beside test_simulation_marketplace_steps.py and
test_simulation_marketplace_switch.py: whether GLPI_MARKETPLACE_ENABLE is read (10.0.1+) and
that turning it off skips the rest, 9.5.0's
"informations" log line for the offers, and GLPI's proxy on every Marketplace call."""

import pytest

from simulation_view import order, played, step

OFFERS_EXPLANATION = (
    "Each plugin card looks up offer titles: GLPINetwork::getOffers() calls "
    "…/api/registration/offers with only Accept and Accept-Language: no registration key, no "
    "instance UID. A good answer is cached for one hour (glpi_network_offers_en).")
MARKETPLACE_STEPS = ["marketplace-status", "marketplace-plugins", "marketplace-dir", "offers",
                     "plugin-access"]
DISALLOWED = "Access to the marketplace CLI commands is disallowed by the GLPI configuration"


# --- GLPI_MARKETPLACE_ENABLE (10.0.1+, PR #11650) ---------------------------------------------

@pytest.mark.parametrize("version, checked", [("9.5", False), ("10.0.0", False), ("10.0.1", True),
                                              ("10.0", True), ("11.0", True)])
def test_the_enable_constant_is_read_from_10_0_1(version, checked):
    steps = played("valid", version)
    names = [name for name, _ in order(steps)]
    assert ("marketplace-enabled" in names) is checked
    assert names[-len(MARKETPLACE_STEPS):] == MARKETPLACE_STEPS
    if checked:
        assert names.index("marketplace-enabled") == names.index("marketplace-status") - 1
        assert step(steps, "marketplace-enabled") == {
            "name": "marketplace-enabled", "status": "ok",
            "explanation": "GLPI_MARKETPLACE_ENABLE allows the web Marketplace (bit 2).",
            "detail": "GLPI_MARKETPLACE_ENABLE = 3\nweb: True, console: True",
            "fix": "", "shows": "", "shown_on": "",
            "messages": [("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 3", "web Marketplace allowed",
                          False)]}


@pytest.mark.parametrize("version", ["10.0.1", "10.0", "11.0.4"])
def test_marketplace_off_skips_every_later_step_from_10_0_1(version):
    steps = played("marketplace-disabled", version)
    assert order(steps)[0] == ("marketplace-enabled", "warning")
    assert {status for _, status in order(steps)[1:]} == {"skipped"}
    assert {s.explanation for s in steps[1:]} == {"Not reached: the Marketplace is turned off."}
    assert step(steps, "marketplace-enabled")["shows"] == DISALLOWED


@pytest.mark.parametrize("version, log", [
    ("9.5.0", 'Unable to fetch offers informations. NULL {\n    "message": "Too Many Attempts."\n}'),
])
def test_offers_answer_that_is_not_a_list_is_logged_and_not_cached(version, log):
    seen = step(played("rate-limited", version), "offers")
    assert seen["status"] == "warning"
    assert seen["explanation"] == OFFERS_EXPLANATION + (
        " This answer is not a list, so GLPI logs a warning, shows no offer badges, and caches "
        "nothing: the next card asks again, which makes the Marketplace slow.")
    assert seen["detail"].endswith("HTTP/1.1 429 Too Many Requests\nContent-Type: application/json"
                                   '\n\n{\n    "message": "Too Many Attempts."\n}\n\n'
                                   f"# GLPI logs (files/_log/php-errors.log):\n{log}")
    assert seen["fix"] == ("Wait and reload: a successful answer is cached for one hour. Make sure "
                           "several GLPI instances or scripts do not share one public address and "
                           "hammer the API.")
    assert seen["shows"] == "Unable to fetch offers information."
    assert seen["shown_on"] == ("files/_log/php-errors.log (the Marketplace shows no offer badges "
                                "and is slow)")
    assert seen["messages"] == [("glpi", "network", "GET /api/registration/offers", "", False),
                                ("network", "glpi", "429 Too Many Requests", "not a list", True)]


def test_every_marketplace_call_goes_through_the_configured_proxy():
    steps = played("valid", "10.0", proxy=True)
    via = "via the proxy proxy.example.lan:3128"
    plugins, offers, access = (step(steps, name) for name in ("marketplace-plugins", "offers",
                                                                 "plugin-access"))
    assert plugins["detail"].startswith("# GLPI sends (Guzzle through the proxy "
                                        "proxy.example.lan:3128): ")
    assert plugins["messages"][0][3] == f"X-Registration-Key · {via}"
    assert offers["detail"].startswith("# GLPI sends (cURL through the proxy "
                                       "proxy.example.lan:3128): ")
    assert offers["messages"][0][3] == via
    assert "# GLPI sends (Guzzle through the proxy proxy.example.lan:3128): " in access["detail"]
    assert access["messages"][1][3] == f"X-Registration-Key · {via}"
