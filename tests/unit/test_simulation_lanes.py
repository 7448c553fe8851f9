"""Who talks to whom: an HTTP exchange as the diagram's arrows (method and path, the secret
headers by name only, the proxy, the answer's status and what GLPI makes of it, or no answer),
each step's usual route and title. Pure: also runs in Pyodide."""

import pytest

from checker.simulation.http import Exchange, Request, Response
from checker.simulation.lanes import ROUTES, Message, _m, exchange_messages, route, step_title

INFO = "https://services.glpi-network.com/api/registration/info"
HEADERS = ("Accept:application/json", "X-Registration-Key:eyJhbGciOi", "X-Glpi-Network-Uid:abc")


def test_a_request_and_its_answer_are_two_arrows_naming_the_secret_header_only():
    exchange = Exchange(Request(INFO, HEADERS), Response(200, "OK", "application/json; charset=utf-8", "{}"))
    assert exchange_messages(exchange) == (
        Message("glpi", "network", "GET /api/registration/info", "X-Registration-Key"),
        Message("network", "glpi", "200 OK", "application/json"))


def test_what_glpi_makes_of_the_answer_replaces_the_content_type_and_may_fail():
    exchange = Exchange(Request(INFO, HEADERS), Response(400, "Bad Request", "text/html", "<html>"))
    assert exchange_messages(exchange, fails=True, answer="an HTML page", target="plugins") == (
        Message("glpi", "plugins", "GET /api/registration/info", "X-Registration-Key"),
        Message("plugins", "glpi", "400 Bad Request", "an HTML page", fails=True))


def test_no_answer_is_one_failed_arrow_that_says_so():
    request = Request(INFO, HEADERS, proxy="proxy.example.lan:3128")
    assert exchange_messages(Exchange(request, curl_error="timeout")) == (
        Message("glpi", "network", "GET /api/registration/info",
                "X-Registration-Key · via the proxy proxy.example.lan:3128 · no answer (cURL error)",
                fails=True),)
    bare = Request("https://services.glpi-network.com", ())
    assert exchange_messages(Exchange(bare, curl_error="timeout")) == (
        Message("glpi", "network", "GET /", "no answer (cURL error)", fails=True),)


def test_a_call_without_a_secret_through_the_proxy_names_only_the_proxy():
    request = Request("https://services.glpi-network.com/api/registration/offers", ("Accept:application/json",),
                      proxy="p:1")
    call, _ = exchange_messages(Exchange(request, Response(200, "OK", "application/json", "[]")))
    assert call == Message("glpi", "network", "GET /api/registration/offers", "via the proxy p:1")


def test_secret_headers_are_found_whatever_their_case_spacing_and_value():
    answered = Response(200, "OK", "application/json", "{}")
    request = Request(INFO, ("x-registration-key : abc", "X-Other: 1"))
    assert exchange_messages(Exchange(request, answered))[0].note == "x-registration-key"
    # A colon inside the key does not hide the header; a header sent twice is named twice.
    request = Request(INFO, ("X-Registration-Key:ab:cd", "X-Registration-Key: ef"))
    assert exchange_messages(Exchange(request, answered))[0].note == "X-Registration-Key, X-Registration-Key"


def test_message_json():
    assert Message("admin", "glpi", "POST /front/config.form.php", "glpinetwork_registration_key",
                   fails=True).to_dict() == {"source": "admin", "target": "glpi",
                                             "label": "POST /front/config.form.php",
                                             "note": "glpinetwork_registration_key", "fails": True}


def test_a_message_between_unknown_parties_is_refused():
    with pytest.raises(AssertionError):
        Message("admin", "mars", "x")
    with pytest.raises(AssertionError):
        Message("mars", "glpi", "x")


def test_usual_routes_and_titles():
    assert route("save-key") == (
        Message("admin", "glpi", "POST /front/config.form.php"),
        Message("glpi", "database", "UPDATE glpi_configs", "the encrypted key"))
    assert route("registration-info") == (
        Message("glpi", "network", "GET /api/registration/info", "X-Registration-Key"),)
    assert route("no-such-step") == ()
    assert not any(message.fails for messages in ROUTES.values() for message in messages)
    assert step_title("cache") == "GLPI caches the answer"
    assert step_title("no-such-step") == "no-such-step"
    assert _m("glpi", "keyfile", "read glpicrypt.key") == Message("glpi", "keyfile", "read glpicrypt.key", "")
    assert _m("glpi", "network", "GET …/plugins", "X-Registration-Key").note == "X-Registration-Key"
