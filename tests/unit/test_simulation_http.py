"""How the simulator prints one HTTP exchange: the request line, the headers exactly as GLPI
hands them to its client, the key redacted, the proxy named, and a cURL error instead of a
response. Reports get pasted in forums, so the exact text matters. Pure: also runs in Pyodide."""

from checker.simulation.http import Exchange, Request, Response

INFO = "https://services.glpi-network.com/api/registration/info"
KEY = "eyJzdWJzY3JpcHRpb24iOiJkZW1vIn0="


def test_request_renders_request_line_host_and_headers_with_the_key_redacted():
    request = Request(INFO, ("Accept:application/json", f"X-Registration-Key:{KEY}",
                             "X-Glpi-Network-Uid:abc"))
    assert request.render() == (
        f"# GLPI sends (cURL): {INFO}\n"
        "GET /api/registration/info HTTP/1.1\n"
        "Host: services.glpi-network.com\n"
        "Accept:application/json\n"
        f"X-Registration-Key:eyJzdW…[redacted, {len(KEY)} characters]\n"
        "X-Glpi-Network-Uid:abc")


def test_request_through_a_proxy_names_the_client_and_the_proxy():
    request = Request("https://marketplace.glpi-project.org/api/plugins", ("Accept: application/json",),
                      client="Guzzle", proxy="proxy.example.org:3128")
    first = request.render().splitlines()[0]
    assert first == ("# GLPI sends (Guzzle through the proxy proxy.example.org:3128): "
                     "https://marketplace.glpi-project.org/api/plugins")


def test_url_without_a_path_asks_for_the_root():
    lines = Request("https://services.glpi-network.com", ()).render().splitlines()
    assert lines[1:] == ["GET / HTTP/1.1", "Host: services.glpi-network.com"]


def test_key_header_keeps_its_spacing_and_redacts_only_the_key():
    # Guzzle's "Name: value": the space stays visible, the key's length excludes it.
    request = Request(INFO, (f"X-Registration-Key: {KEY}",))
    assert request.render().splitlines()[-1] == \
        f"X-Registration-Key: eyJzdW…[redacted, {len(KEY)} characters]"
    # Only the spaces go: a key that starts with "X" keeps it.
    starts_with_x = Request(INFO, ("X-Registration-Key: XXabcdef",)).render()
    assert starts_with_x.splitlines()[-1] == "X-Registration-Key: XXabcd…[redacted, 8 characters]"


def test_key_with_a_colon_or_a_tab_is_still_redacted_whole():
    # Only the first ":" ends the header name: a colon inside the value must not unmask it.
    with_colon = Request(INFO, ("X-Registration-Key:abcdefgh:ijklmnop",)).render()
    assert with_colon.splitlines()[-1] == "X-Registration-Key:abcdef…[redacted, 17 characters]"
    assert "ijklmnop" not in with_colon
    # A tab is part of the value (it is the fault to show), not spacing after the colon.
    with_tab = Request(INFO, ("X-Registration-Key:\tabcdefgh",)).render()
    assert with_tab.splitlines()[-1] == \
        "X-Registration-Key:\\tabcde…[redacted, 9 characters; \\t at character 1]"


def test_control_characters_of_other_headers_are_made_visible():
    lines = Request(INFO, ("User-Agent:GLPI/10.0.7\r",)).render().splitlines()
    assert lines[-1] == "User-Agent:GLPI/10.0.7\\r"


def test_header_lookup_reads_the_value_after_the_first_colon():
    request = Request(INFO, ("Accept:application/json", "X-Glpi-Network-Uid: Xabc:def",
                             "X-Registration-Key:\tkey"))
    assert request.header("x-glpi-network-uid") == "Xabc:def"  # case-insensitive name, one space gone
    assert request.header("X-Registration-Key") == "\tkey"  # only spaces are spacing
    assert request.header("Accept") == "application/json"
    assert request.header("Accept-Language") is None


def test_exchange_with_a_curl_error_says_no_response_came():
    request = Request(INFO, ())
    exchange = Exchange(request, curl_error="Could not resolve host: services.glpi-network.com")
    assert exchange.body == ""
    assert exchange.render() == (
        f"{request.render()}\n\n"
        '# No response: cURL error "Could not resolve host: services.glpi-network.com"')


def test_exchange_with_a_response_names_who_answered():
    request = Request(INFO, ())
    exchange = Exchange(request, Response(200, "OK", "application/json", '{"is_valid":true}'))
    assert exchange.body == '{"is_valid":true}'
    assert exchange.render() == (
        f"{request.render()}\n\n"
        "# Answered by the GLPI Network model (not the real server):\n"
        "HTTP/1.1 200 OK\nContent-Type: application/json\n\n"
        '{"is_valid":true}')
