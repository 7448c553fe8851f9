"""The Marketplace's status step word for word, per branch of View::checkRegistrationStatus():
services unreachable (the services banner, not the registration one), not registered,
subscription terminated, and registered; what its detail adds about isRegistered() (nothing, the
cache written by the tab, no key, or a second call to GLPI Network); and that every offline
branch skips the Marketplace's requests. Pure: also runs in Pyodide."""

import pytest

from checker import glpi_texts as texts
from simulation_view import order, played, step

BASE = ("View::checkRegistrationStatus(): services reachable, then the registration read through "
        "getRegistrationInformations() (cache first).")
OFFLINE = "Not reached: marketplace-status failed, so the Marketplace is in offline mode."
# GLPI 9.5's View::checkRegister() asks isRegistered(): is_valid only, and no "offline mode".
BASE_95 = ("View::checkRegister(): services reachable, then the registration read through isRegistered(), "
           "which reads only is_valid from getRegistrationInformations() (cache first).")
OFFLINE_95 = "Not reached: marketplace-status failed, so Discover shows only the banner."
OPENED = ("admin", "glpi", "open the Marketplace", "", False)
BANNER = ("glpi", "admin", "Marketplace", "a banner, no plugins", True)
AFTER_STATUS = ["marketplace-plugins", "marketplace-dir", "offers", "plugin-access"]


def services_answer(release: str, path: str, body: str) -> str:
    return (f"# GLPI sends (cURL): https://services.glpi-network.com{path}\n"
            f"GET {path} HTTP/1.1\nHost: services.glpi-network.com\nUser-Agent: GLPI/{release}\n\n"
            "# Answered by the GLPI Network model (not the real server):\n"
            f"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{body}")


REGISTRATION_10 = ("10.0", "10.0.25", "/api/registration/", '{"service": "registration (model)"}')
PING_11 = ("11.0", "11.0.8", "/api/ping", '{"message": "pong (model)"}')


def assert_offline_after_status(steps, because=OFFLINE):
    names = [name for name, _ in order(steps)]
    assert names[names.index("marketplace-status") + 1:] == AFTER_STATUS
    for name in AFTER_STATUS:
        assert step(steps, name)["status"] == "skipped"
        assert step(steps, name)["explanation"] == because


@pytest.mark.parametrize("version, path", [("9.5", "/api/registration/"), ("10.0", "/api/registration/"),
                                           ("11.0.1", "/api/registration/"), ("11.0", "/api/ping")])
def test_unreachable_services_take_the_marketplace_offline_with_the_services_banner(version, path):
    steps = played("dns-failure", version)
    status = step(steps, "marketplace-status")
    assert status["status"] == "error"
    view, goes = (("View::checkRegister()", "shows") if version == "9.5" else
                  ("View::checkRegistrationStatus()", "goes offline with"))
    assert status["explanation"] == (
        f"{view} first checks the services (GET "
        + ("GLPI_NETWORK_API_URL/ping" if path == "/api/ping" else "GLPI_NETWORK_REGISTRATION_API_URL itself")
        + f"). They are unreachable, so the Marketplace {goes} the \"services unavailable\" banner "
        "(not the registration one): Discover shows only this banner.")
    assert status["shows"] == "\n".join(texts.MP_SERVICES_DOWN)
    assert status["shown_on"] == "Marketplace"
    assert status["detail"].startswith(f"# GLPI sends (cURL): https://services.glpi-network.com{path}\n")
    assert status["detail"].endswith(
        '\n\n# No response: cURL error "Resolving timed out after 5000 milliseconds"')
    assert status["messages"] == [OPENED, ("glpi", "network", f"GET {path}", "no answer (cURL error)", True),
                                  BANNER]
    assert_offline_after_status(steps, OFFLINE_95 if version == "9.5" else OFFLINE)


@pytest.mark.parametrize("branch, release, path, body", [REGISTRATION_10, PING_11])
def test_an_invalid_registration_takes_the_marketplace_offline(branch, release, path, body):
    steps = played("invalid-key", branch)
    status = step(steps, "marketplace-status")
    assert status == {
        "name": "marketplace-status", "status": "error",
        "explanation": (f"{BASE} It is not valid, so the Marketplace goes offline (PR #11427): Discover "
                        "shows only this banner, and GLPI sends no marketplace request."),
        "detail": (services_answer(release, path, body)
                   + "\n\nisRegistered(): answer read from the cache written above."),
        "fix": ("Copy the key again from the GLPI Network portal (services.glpi-network.com) and paste it "
                "in Setup > General > GLPI Network. Check it first with the key checker."),
        "shows": ("Your GLPI Network registration is not valid.\n"
                  "A registration, at least a free one, is required to use marketplace!\n"
                  "Register on GLPI Network and fill your registration key in setup."),
        "shown_on": "Marketplace",
        "messages": [OPENED, ("glpi", "network", f"GET {path}", "", False),
                     ("network", "glpi", "200 OK", "application/json", False), BANNER]}
    assert_offline_after_status(steps)


@pytest.mark.parametrize("branch, release, path, body", [REGISTRATION_10, PING_11])
def test_a_terminated_subscription_takes_the_marketplace_offline(branch, release, path, body):
    steps = played("terminated-subscription", branch)
    assert step(steps, "marketplace-status") == {
        "name": "marketplace-status", "status": "error",
        "explanation": f"{BASE} The subscription is not running, so the Marketplace goes offline.",
        "detail": (services_answer(release, path, body)
                   + "\n\nisRegistered(): answer read from the cache written above."),
        "fix": ("Renew the subscription on GLPI Network, then open the GLPI Network tab so GLPI fetches "
                "the new answer instead of the one it cached."),
        "shows": "Your GLPI Network subscription has been terminated.\nRenew it on GLPI Network.",
        "shown_on": "Marketplace",
        "messages": [OPENED, ("glpi", "network", f"GET {path}", "", False),
                     ("network", "glpi", "200 OK", "application/json", False), BANNER]}
    assert_offline_after_status(steps)


@pytest.mark.parametrize("branch, release, path, body", [REGISTRATION_10, PING_11])
def test_a_registered_instance_opens_the_marketplace(branch, release, path, body):
    steps = played("valid", branch)
    assert step(steps, "marketplace-status") == {
        "name": "marketplace-status", "status": "ok",
        "explanation": f"{BASE} Registered, subscription running.",
        "detail": (services_answer(release, path, body)
                   + "\n\nisRegistered(): answer read from the cache written above."),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [OPENED, ("glpi", "network", f"GET {path}", "", False),
                     ("network", "glpi", "200 OK", "application/json", False)]}
    assert [status for name, status in order(steps) if name in AFTER_STATUS] == ["ok"] * 4


@pytest.mark.parametrize("branch, release, path, body", [REGISTRATION_10, PING_11])
def test_an_answer_found_in_the_cache_adds_nothing_to_the_status_detail(branch, release, path, body):
    # The stale answer is its own step (cache), so the status step shows only the services check.
    stale = step(played("stale-cache", branch), "marketplace-status")
    assert stale["detail"] == services_answer(release, path, body)
    assert stale["status"] == "error" and stale["shows"].startswith("Your GLPI Network registration is not valid.")
    # Nothing cached: the call is its own step (registration-info) before the status step.
    fetched = played("stale-cache", branch, stale_answer=False)
    assert step(fetched, "marketplace-status")["detail"] == services_answer(release, path, body)
    assert step(fetched, "marketplace-status")["explanation"] == f"{BASE} Registered, subscription running."


def test_with_no_key_the_marketplace_is_not_registered_and_makes_no_call():
    # The key file was replaced: decryption gives '', so isRegistered() answers false at once.
    steps = played("stale-cache", "10.0", keyfile="replaced", stale_answer=False)
    assert order(steps)[:6] == [("marketplace-enabled", "ok"), ("read-keyfile", "ok"), ("decrypt-key", "error"),
                                ("registration-info", "skipped"), ("cache", "skipped"),
                                ("marketplace-status", "error")]
    assert step(steps, "registration-info")["explanation"] == (
        "GLPI makes no call: the registration key is empty, so getRegistrationInformations() answers "
        "is_valid false at once.")
    assert step(steps, "cache")["explanation"] == "No key, so nothing was fetched and nothing is cached."
    assert step(steps, "marketplace-status")["detail"] == (
        services_answer("10.0.25", "/api/registration/", '{"service": "registration (model)"}')
        + "\n\nisRegistered(): no key, so not registered.")


@pytest.mark.parametrize("branch, release, path, body", [REGISTRATION_10, PING_11])
def test_a_failed_answer_is_not_cached_so_the_marketplace_asks_glpi_network_again(branch, release, path,
                                                                                 body):
    # The damaged key gets an HTML 400 page on the tab: nothing cached, so isRegistered() calls again.
    status = step(played("http-400-html", branch), "marketplace-status")
    again = status["detail"].removeprefix(services_answer(release, path, body))
    assert again.startswith(
        "\n\nisRegistered(): nothing cached, so GLPI calls GLPI Network again:\n"
        "# GLPI sends (cURL): https://services.glpi-network.com/api/registration/info\n"
        "GET /api/registration/info HTTP/1.1\n")
    assert (f"User-Agent:GLPI/{release} (installation-mode:TARBALL)\nX-Registration-Key:eyJhY2…[redacted, "
            in again)
    assert again.endswith("HTTP/1.1 400 Bad Request\nContent-Type: text/html; charset=iso-8859-1\n\n"
                          '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
                          "<title>400 Bad Request</title>\n</head><body>\n<h1>Bad Request</h1>\n"
                          "<p>Your browser sent a request that this server could not understand.<br />\n"
                          "</p>\n</body></html>")
    assert status["status"] == "error" and status["shown_on"] == "Marketplace"


def test_glpi_9_5_shows_the_registration_banner_without_offline_mode():
    steps = played("invalid-key", "9.5")
    status = step(steps, "marketplace-status")
    assert status["explanation"] == (f"{BASE_95} It is not valid, so Discover shows only this banner, and GLPI "
                                     "sends no marketplace request.")
    assert status["shows"] == "\n".join(texts.MP_NOT_REGISTERED) and status["messages"][-1] == BANNER
    assert_offline_after_status(steps, OFFLINE_95)


def test_glpi_9_5_opens_the_marketplace_for_a_terminated_subscription():
    # Regression: 9.5 has no "subscription terminated" banner; isRegistered() reads only is_valid.
    steps = played("terminated-subscription", "9.5")
    assert step(steps, "marketplace-status") == {
        "name": "marketplace-status", "status": "ok",
        "explanation": (f"{BASE_95} Registered: GLPI 9.5 does not look at subscription.is_running here, so "
                        "the Marketplace opens although the subscription is not running."),
        "detail": (services_answer("9.5.13", "/api/registration/", '{"service": "registration (model)"}')
                   + "\n\nisRegistered(): answer read from the cache written above."),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [OPENED, ("glpi", "network", "GET /api/registration/", "", False),
                     ("network", "glpi", "200 OK", "application/json", False)]}
    assert [status for name, status in order(steps) if name in AFTER_STATUS] == ["ok"] * 4
    # The tab still says so, and that is the run's outcome.
    assert step(steps, "build-message")["shows"] == texts.TERMINATED


def test_glpi_9_5_opens_the_marketplace_for_a_valid_registration():
    assert step(played("valid", "9.5"), "marketplace-status")["explanation"] == (
        f"{BASE_95} Registered, subscription running.")
