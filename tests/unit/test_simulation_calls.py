"""GLPI's calls to GLPI Network and the Marketplace as the reference page lists them, per GLPI
release: URL, client, the header lines exactly as GLPI sets them, cache key and lifetime.
The engine sends its requests through the same builders. Pure: also runs in Pyodide."""

import pytest

from checker.glpi_versions import parse_glpi_version
from checker.simulation.calls import (Call, glpi_calls, info_request, marketplace_request, offers_request,
                                      services_request)
from checker.simulation.http import Request

API = "https://services.glpi-network.com/api"
MARKET_HEADERS = ("Accept: application/json", "User-Agent: <UA>", "X-Registration-Key: <key>",
                  "X-Glpi-Network-Uid: <UID>")
INFO_HEADERS = ("Accept:application/json", "Accept-Language: <language>", "Content-Type:application/json",
                "User-Agent:<UA>", "X-Registration-Key:<key>", "X-Glpi-Network-Uid:<UID>")


def expected_calls(*, services_url, services_how, market, key_in_cache):
    keyed = "_<key>" if key_in_cache else ""
    return (
        Call("Services check", Request(services_url, ("User-Agent: GLPI/<version>",)),
             f"is GLPI Network reachable? ({services_how})",
             "any non-empty body, whatever the HTTP status", step="services-check",
             note="no key, no UID"),
        Call("Registration info", Request(f"{API}/registration/info", INFO_HEADERS),
             "the registration status of the decrypted key",
             'JSON with `is_valid`, otherwise "Unable to fetch registration information."',
             "registration_<sha1(key)>_<language>_informations", "1 day, successes only",
             step="registration-info"),
        Call("Offers", Request(f"{API}/registration/offers",
                               ("Accept:application/json", "Accept-Language: <language>")),
             "offer titles for the Marketplace's plugin cards",
             "a JSON array of offers (`offer_reference`, `title`)", "glpi_network_offers_<language>",
             "1 hour", step="offers", note="no key, no UID"),
        Call("Plugin list", Request(f"{market}plugins", MARKET_HEADERS + ("X-Range: 0-199",), "Guzzle"),
             "the Marketplace catalogue, 200 per page (`X-Range: 200-399`, …), up to 3 tries a page",
             "a JSON array", f"marketplace_all_plugins{keyed}", "1 hour, complete lists only",
             step="marketplace-plugins"),
        Call("Top tags", Request(f"{market}tags/top", MARKET_HEADERS + ("X-Lang: <language code>",),
                                 "Guzzle"), "popular tags", "a JSON array"),
        Call("Plugins with a tag", Request(f"{market}tags/{{tag}}/plugin", MARKET_HEADERS + ("X-Range: 0-199",),
                                           "Guzzle"),
             "plugins with a tag", "a JSON array", f"marketplace_tag_{{tag}}{keyed}", "1 hour"),
        Call("Download counter", Request(f"{market}plugin/{{key}}/download/{{version}}", MARKET_HEADERS,
                                         "Guzzle"),
             "counts a download; redirects are not followed", "nothing (not read)"),
        # The plugin's own download_url, absolute (GitHub, for most plugins): not under the API.
        Call("Plugin archive", Request("{download_url}",
                                       ("Accept: application/json, */*",) + MARKET_HEADERS[1:], "Guzzle"),
             "the archive, saved in GLPI_TMP_DIR and unpacked into GLPI_MARKETPLACE_DIR; the key and "
             "the UID go to the download_url host, which may be another server",
             'HTTP 200, otherwise "Unable to download plugin archive."', step="plugin-access"),
    )


OLD_SERVICES = (f"{API}/registration/", "GET GLPI_NETWORK_REGISTRATION_API_URL itself")


@pytest.mark.parametrize("version, services, market, key_in_cache", [
    ("9.5", OLD_SERVICES, f"{API}/glpi-plugins/", False),
    ("10.0.7", OLD_SERVICES, f"{API}/glpi-plugins/", False),
    ("10.0.8", OLD_SERVICES, f"{API}/marketplace/", True),  # PR #14657
    ("11.0.3", OLD_SERVICES, f"{API}/marketplace/", True),
    ("11.0.4", (f"{API}/ping", "GET GLPI_NETWORK_API_URL/ping"), f"{API}/marketplace/", True),  # PR #22140
])
def test_reference_calls_per_release(version, services, market, key_in_cache):
    calls = glpi_calls(parse_glpi_version(version))
    assert calls == expected_calls(services_url=services[0], services_how=services[1], market=market,
                                   key_in_cache=key_in_cache)


def test_info_request_with_the_instances_values():
    request = info_request(key="KEY", user_agent="GLPI/10.0.7 (installation-mode:TARBALL)", lang="fr",
                           uid="u1d", proxy="proxy.example.lan:3128")
    assert request == Request(f"{API}/registration/info", (
        "Accept:application/json", "Accept-Language: fr", "Content-Type:application/json",
        "User-Agent:GLPI/10.0.7 (installation-mode:TARBALL)", "X-Registration-Key:KEY",
        "X-Glpi-Network-Uid:u1d"), "cURL", "proxy.example.lan:3128")


def test_offers_and_services_requests_carry_no_key():
    assert offers_request(lang="de", proxy="p:1") == Request(
        f"{API}/registration/offers", ("Accept:application/json", "Accept-Language: de"), "cURL", "p:1")
    request, how = services_request(parse_glpi_version("10.0"), release="10.0.25", proxy="p:1")
    assert request == Request(f"{API}/registration/", ("User-Agent: GLPI/10.0.25",), "cURL", "p:1")
    assert how == "GET GLPI_NETWORK_REGISTRATION_API_URL itself"


def test_marketplace_extra_headers_merge_as_array_merge_recursive_does():
    request = marketplace_request("https://github.com/x/y.tar.gz", key="K", user_agent="UA", uid="U",
                                  extra=("Accept: */*", "X-Range: 0-199", "User-Agent: other"),
                                  proxy="p:1")
    assert request == Request("https://github.com/x/y.tar.gz", (
        "Accept: application/json, */*", "User-Agent: UA, other", "X-Registration-Key: K",
        "X-Glpi-Network-Uid: U", "X-Range: 0-199"), "Guzzle", "p:1")


def test_header_names_end_at_the_first_colon_and_space():
    # Values may hold ": " themselves; only the first one ends the header name.
    request = marketplace_request("https://x.example/p", key="K", user_agent="UA (note: a)", uid="U",
                                  extra=("User-Agent: more: b", "Accept: c: d"))
    assert request.header_lines == ("Accept: application/json, c: d", "User-Agent: UA (note: a), more: b",
                                    "X-Registration-Key: K", "X-Glpi-Network-Uid: U")
