"""GLPI's HTTP calls to GLPI Network and the Marketplace, as data: one builder per request.

The engine sends its requests through these builders, and the help centre's "HTTP calls" page
(docs/reference/http-calls.md, generated at build time) lists `glpi_calls(version)`, built by
the same functions with placeholders for the values: the page and the simulator cannot
disagree. Header lines are kept exactly as GLPI hands them to its client: cURL's
`CURLOPT_HTTPHEADER` lines ("Accept:application/json", no space) for GLPINetwork, Guzzle's
"Name: value" for the Marketplace.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..glpi_versions import GlpiVersion
from .glpi_rules import INFO_CACHE_KEY
from .http import Request
from .network_model import marketplace_api_url, registration_api_url, services_check_url
from .world import INSTANCE_UID

# Placeholders the reference page shows instead of the simulated instance's values.
KEY, UID, LANGUAGE, USER_AGENT, VERSION = "<key>", "<UID>", "<language>", "<UA>", "<version>"


def info_request(*, key: str, user_agent: str, lang: str, uid: str = INSTANCE_UID,
                 proxy: str | None = None) -> Request:
    """GLPINetwork::getRegistrationInformations(): GET …/registration/info."""
    return Request(registration_api_url().rstrip("/") + "/info", (
        "Accept:application/json",
        f"Accept-Language: {lang}",
        "Content-Type:application/json",
        f"User-Agent:{user_agent}",
        f"X-Registration-Key:{key}",
        f"X-Glpi-Network-Uid:{uid}",
    ), proxy=proxy)


def offers_request(*, lang: str, proxy: str | None = None) -> Request:
    """GLPINetwork::getOffers(): no key, no UID."""
    return Request(registration_api_url().rstrip("/") + "/offers",
                   ("Accept:application/json", f"Accept-Language: {lang}"), proxy=proxy)


def services_request(version: GlpiVersion, *, release: str,
                     proxy: str | None = None) -> tuple[Request, str]:
    """GLPINetwork::isServicesAvailable(): callCurl with no header of its own (cURL's
    User-Agent is GLPI's version). Returns the request and how GLPI builds its URL."""
    url, how = services_check_url(version)
    return Request(url, (f"User-Agent: GLPI/{release}",), proxy=proxy), how


def marketplace_request(url: str, *, key: str, user_agent: str, uid: str = INSTANCE_UID,
                        extra: tuple[str, ...] = (), proxy: str | None = None) -> Request:
    """Plugins::request() (Guzzle, GLPI's proxy): the key and the UID go to whatever host `url`
    names. Extra headers are merged as array_merge_recursive() does, so a second Accept joins
    the first one on the same line."""
    lines = ["Accept: application/json", f"User-Agent: {user_agent}",
             f"X-Registration-Key: {key}", f"X-Glpi-Network-Uid: {uid}"]
    for header in extra:
        name, _, value = header.partition(": ")
        for index, line in enumerate(lines):
            if line.partition(": ")[0] == name:
                lines[index] = f"{line}, {value}"
                break
        else:
            lines.append(header)
    return Request(url, tuple(lines), client="Guzzle", proxy=proxy)


@dataclass(frozen=True)
class Call:
    name: str
    request: Request
    purpose: str
    expects: str  # what GLPI needs from the answer
    cache: str = ""  # the cache key, "" when GLPI caches nothing
    lifetime: str = ""
    step: str = ""  # the simulator step that sends it; "" when no scenario plays it
    note: str = ""


def glpi_calls(version: GlpiVersion) -> tuple[Call, ...]:
    """Every call GLPI `version` makes, with placeholders for the values."""
    services, how = services_request(version, release=VERSION)
    plugins_cache = ("marketplace_all_plugins_<key>" if version.has("marketplace-api-v2")
                     else "marketplace_all_plugins")
    marketplace = marketplace_api_url(version)

    def market(url: str, *extra: str) -> Request:
        return marketplace_request(url, key=KEY, user_agent=USER_AGENT, uid=UID, extra=extra)

    return (
        Call("Services check", services,
             f"is GLPI Network reachable? ({how})",
             "any non-empty body, whatever the HTTP status", step="services-check",
             note="no key, no UID"),
        Call("Registration info", info_request(key=KEY, user_agent=USER_AGENT, lang=LANGUAGE, uid=UID),
             "the registration status of the decrypted key",
             "JSON with `is_valid`, otherwise \"Unable to fetch registration information.\"",
             INFO_CACHE_KEY.format(sha1="<sha1(key)>", lang=LANGUAGE),
             "1 day, successes only", step="registration-info"),
        Call("Offers", offers_request(lang=LANGUAGE),
             "offer titles for the Marketplace's plugin cards",
             "a JSON array of offers (`offer_reference`, `title`)",
             f"glpi_network_offers_{LANGUAGE}", "1 hour", step="offers", note="no key, no UID"),
        Call("Plugin list", market(marketplace + "plugins", "X-Range: 0-199"),
             "the Marketplace catalogue, 200 per page (`X-Range: 200-399`, …), up to 3 tries a page",
             "a JSON array", plugins_cache, "1 hour, complete lists only",
             step="marketplace-plugins"),
        Call("Top tags", market(marketplace + "tags/top", "X-Lang: <language code>"),
             "popular tags", "a JSON array"),
        Call("Plugins with a tag", market(marketplace + "tags/{tag}/plugin", "X-Range: 0-199"),
             "plugins with a tag", "a JSON array", "marketplace_tag_{tag}" + (
                 "_<key>" if version.has("marketplace-api-v2") else ""), "1 hour"),
        Call("Download counter", market(marketplace + "plugin/{key}/download/{version}"),
             "counts a download; redirects are not followed", "nothing (not read)"),
        # The plugin's download_url is absolute (GitHub releases, for most plugins): not under the API.
        Call("Plugin archive", market("{download_url}", "Accept: */*"),
             "the archive, saved in GLPI_TMP_DIR and unpacked into GLPI_MARKETPLACE_DIR; the "
             "key and the UID go to the download_url host, which may be another server",
             "HTTP 200, otherwise \"Unable to download plugin archive.\"", step="plugin-access"),
    )
