"""The GLPI Network tab's two requests word for word: the services check (available on any
non-empty body; on a cURL error GLPI's warning with the raw error, PR #7485) and the /info call
(skipped with no key; cURL failures and non-JSON bodies said apart; the model's note on what it
received; a server's own validation_message), sent with the release's User-Agent and through
GLPI's proxy when one is set. Pure: also runs in Pyodide."""

import pytest

from checker import glpi_texts as texts
from simulation_view import played, step

SERVICES = ("GLPINetwork::isServicesAvailable(): {how}. Any non-empty body counts as available, whatever "
            "the HTTP status; an empty body or a cURL error does not. This request carries no key and no UID.")
REGISTRATION = "GET GLPI_NETWORK_REGISTRATION_API_URL itself"
INFO = ("GLPI asks GLPI Network about the decrypted key: GET …/api/registration/info with the key and the "
        "instance UID in headers. cURL does not check the HTTP status; GLPI needs a JSON body with is_valid.")
DNS = "Resolving timed out after 5000 milliseconds"
PROXY = "Failed to connect to proxy.example.lan port 3128: Connection refused"


@pytest.mark.parametrize("version, release", [("9.5.0", "9.5.0"), ("10.0.7", "10.0.7"), ("11.0.3", "11.0.3")])
def test_an_answered_services_check_is_available(version, release):
    services = step(played("valid", version), "services-check")
    assert services == {
        "name": "services-check", "status": "ok", "explanation": SERVICES.format(how=REGISTRATION),
        "detail": ("# GLPI sends (cURL): https://services.glpi-network.com/api/registration/\n"
                   f"GET /api/registration/ HTTP/1.1\nHost: services.glpi-network.com\nUser-Agent: GLPI/{release}\n\n"
                   "# Answered by the GLPI Network model (not the real server):\nHTTP/1.1 200 OK\n"
                   'Content-Type: application/json\n\n{"service": "registration (model)"}'),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("glpi", "network", "GET /api/registration/", "", False),
                     ("network", "glpi", "200 OK", "application/json", False)]}


def test_the_services_check_pings_from_11_0_4():
    services = step(played("valid", "11.0.4"), "services-check")
    assert services["explanation"] == SERVICES.format(how="GET GLPI_NETWORK_API_URL/ping")
    assert services["detail"].startswith("# GLPI sends (cURL): https://services.glpi-network.com/api/ping\n"
                                         "GET /api/ping HTTP/1.1\nHost: services.glpi-network.com\n"
                                         "User-Agent: GLPI/11.0.4\n")


@pytest.mark.parametrize("scenario, version, error, logged, proxy", [
    ("dns-failure", "9.5", DNS, texts.CONNECTION_FAILED % DNS, ""),
    ("dns-failure", "10.0", DNS, texts.CONNECTION_FAILED % DNS, ""),
    ("proxy-failure", "10.0", PROXY, texts.PROXY_FAILED % PROXY, " through the proxy proxy.example.lan:3128"),
    ("proxy-failure", "11.0.3", PROXY, texts.PROXY_FAILED % PROXY, " through the proxy proxy.example.lan:3128"),
])
def test_a_failed_services_check_shows_glpis_warning_with_the_raw_curl_error(scenario, version, error, logged,
                                                                            proxy):
    steps = played(scenario, version)
    services = step(steps, "services-check")
    branch = version[:4].rstrip(".")
    assert services["status"] == "error"
    assert services["explanation"] == (SERVICES.format(how=REGISTRATION) + " cURL failed, so GLPI shows a "
                                       "warning with the raw cURL error (added by PR #7485).")
    assert services["shows"] == f"{texts.SERVICES_DOWN[branch]}\n{texts.ERROR_WAS % error}"
    assert services["shown_on"] == "Setup > General > GLPI Network tab"
    assert services["detail"].startswith(
        f"# GLPI sends (cURL{proxy}): https://services.glpi-network.com/api/registration/\n")
    assert f'\n\n# No response: cURL error "{error}"\n\n# GLPI logs (files/_log/php-errors.log):\n' in services["detail"]
    if branch != "11.0":  # Toolbox::callCurl logs its message (9.5: logError, 10.0: trigger_error)
        assert services["detail"].endswith(f"\n{logged}")
    via = f"via the proxy proxy.example.lan:3128 · " if proxy else ""
    assert services["messages"] == [("glpi", "network", "GET /api/registration/",
                                     f"{via}no answer (cURL error)", True)]
    # The /info call goes through the same proxy and fails the same way.
    info = step(steps, "registration-info")
    assert info["detail"].startswith(
        f"# GLPI sends (cURL{proxy}): https://services.glpi-network.com/api/registration/info\n")
    assert info["explanation"] == f"{INFO} Here cURL failed ({error}), so GLPI cannot use the answer."


def test_an_info_answer_that_is_not_json_says_what_the_model_received():
    info = step(played("http-400-html", "10.0"), "registration-info")
    assert info["status"] == "error"
    assert info["explanation"] == (
        f"{INFO} Here the body is not JSON with an is_valid member, so GLPI cannot use the answer. The value "
        "holds a control character, so the header line GLPI hands to cURL is broken. What the real server "
        "answers to that is not documented: the model answers with an HTML \"400 Bad Request\" page (its own "
        "choice), which is not JSON.")
    assert info["messages"][-1] == ("network", "glpi", "400 Bad Request", "not JSON with is_valid", True)


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_server_message_is_the_models_own_wording(version):
    info = step(played("server-message", version), "registration-info")
    assert info["status"] == "ok" and info["fix"] == ""
    assert info["explanation"] == (
        f"{INFO} The model plays a server that sends its own validation_message; the wording is the "
        "model's (the real server's messages are not public).")


@pytest.mark.parametrize("scenario, answer, fails", [
    ("valid", "is_valid: true", False),
    ("terminated-subscription", "is_valid: true, not running", True),
    ("invalid-key", "is_valid: false", True)])
def test_the_info_answer_arrow_says_valid_running_or_not(scenario, answer, fails):
    info = step(played(scenario, "10.0"), "registration-info")
    assert info["messages"] == [("glpi", "network", "GET /api/registration/info", "X-Registration-Key", False),
                                ("network", "glpi", "200 OK", answer, fails)]


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_with_an_empty_key_the_tab_makes_no_info_call(version):
    steps = played("key-regenerated", version)
    info = step(steps, "registration-info")
    assert info["status"] == "skipped" and info["detail"] == ""
    assert info["explanation"] == ("GLPI makes no call: the registration key is empty, so "
                                   "getRegistrationInformations() answers is_valid false at once.")
    cache = step(steps, "cache")
    assert (cache["status"], cache["explanation"], cache["detail"]) == (
        "skipped", "No key, so nothing was fetched and nothing is cached.", "")
