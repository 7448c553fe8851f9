"""A MODEL of GLPI Network's side. The real server's rules are not public: no key format, no
signature scheme, no offer names are published.

What is documented, and followed here: the URLs GLPI calls, the fields GLPI reads from /info
(is_valid, validation_message, owner.name, subscription.title/begin_date/end_date/is_running/
offer_reference), the offers list shape, and answers seen in GLPI issues (the Apache "400 Bad
Request" page of #11995, the "Too Many Attempts." body of #11548).
What is invented, and labelled as the model's wherever it shows: the demo keys and their
signature (HMAC-SHA256 with a public model secret), account names, offer names, the ping and
plugin bodies, HTTP status codes nobody published. Fixed data only: no clock, no randomness,
so every run and every docs example is reproducible.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..php_json import php_json_decode
from .http import Exchange, Request, Response

if TYPE_CHECKING:
    from ..glpi_versions import GlpiVersion
    from ..report import Report

MODEL_SECRET = b"glpi-keycheck: GLPI Network model secret, public, for demonstrations only"
MODEL_ISSUER = "glpi-keycheck GLPI Network model"
HOST = "services.glpi-network.com"
NETWORK_API_URL = f"https://{HOST}/api"  # GLPI_NETWORK_API_URL (GLPI 11)
REGISTRATION_API_URL = f"https://{HOST}/api/registration/"  # GLPI_NETWORK_REGISTRATION_API_URL
PROXY = "proxy.example.lan:3128"
# Where the model's plugin archives live: another host than the API, as a plugin's
# download_url may be (GitHub releases, for most plugins).
DOWNLOAD_HOST = "github.com"


def registration_api_url() -> str:
    return REGISTRATION_API_URL


def marketplace_api_url(version: GlpiVersion) -> str:
    """GLPI_MARKETPLACE_PLUGINS_API_URI: /api/glpi-plugins/ up to 10.0.7, /api/marketplace/
    from 10.0.8 (PR #14657); GLPI 11 builds it from GLPI_NETWORK_API_URL, the same URL."""
    if version.has("marketplace-api-v2"):
        return f"{NETWORK_API_URL}/marketplace/"
    return f"{NETWORK_API_URL}/glpi-plugins/"


def services_check_url(version: GlpiVersion) -> tuple[str, str]:
    """isServicesAvailable()'s URL, and how GLPI builds it: GLPI_NETWORK_API_URL/ping after
    PR #22140 (11.0.4 on); before, GLPI_NETWORK_REGISTRATION_API_URL itself."""
    if version.has("services-ping"):
        return f"{NETWORK_API_URL}/ping", "GET GLPI_NETWORK_API_URL/ping"
    return REGISTRATION_API_URL, "GET GLPI_NETWORK_REGISTRATION_API_URL itself"

# cURL errors. The DNS one is quoted from issue #22679; the proxy one is libcurl's usual
# wording (it varies with the libcurl version).
DNS_ERROR = "Resolving timed out after 5000 milliseconds"
PROXY_ERROR = "Failed to connect to proxy.example.lan port 3128: Connection refused"
# libcurl's words when PHP's curl.cainfo (or openssl.cafile) names a CA bundle it cannot load,
# as reported in pluginsGLPI/barcode#128 ("Error was: error setting certificate file: …"); the
# path is the model's.
CA_BUNDLE = "/etc/php/cacert.pem"
TLS_CA_ERROR = f"error setting certificate file: {CA_BUNDLE}"

# The Apache page GLPI received for a damaged key in issue #11995, byte for byte.
APACHE_400 = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n'
    "<html><head>\n"
    "<title>400 Bad Request</title>\n"
    "</head><body>\n"
    "<h1>Bad Request</h1>\n"
    "<p>Your browser sent a request that this server could not understand.<br />\n"
    "</p>\n"
    "</body></html>\n"
)
# The rate-limit body logged in issue #11548; its HTTP status was not published (429 is the
# model's choice).
TOO_MANY_ATTEMPTS = '{\n    "message": "Too Many Attempts."\n}'
SERVER_MESSAGE = "This registration key has been revoked."  # the model's wording


@dataclass(frozen=True)
class Account:
    id: str
    owner: str
    offer_reference: str
    offer_title: str
    begin_date: str
    end_date: str
    is_running: bool

    def subscription(self) -> dict[str, Any]:
        return {"title": self.offer_title, "begin_date": self.begin_date,
                "end_date": self.end_date, "is_running": self.is_running,
                "offer_reference": self.offer_reference}


ACCOUNTS = {
    account.id: account for account in (
        Account("demo-running", "Example Organisation (model)", "STANDARD", "Standard",
                "2026-01-01", "2026-12-31", True),
        Account("demo-terminated", "Example Organisation (model)", "STANDARD", "Standard",
                "2024-01-01", "2024-12-31", False),
    )
}
# Offer references and titles are the model's: GLPI hard-codes none (GLPINetwork::getOffers()).
OFFERS = [
    {"offer_reference": "BASIC", "title": "Basic"},
    {"offer_reference": "STANDARD", "title": "Standard"},
    {"offer_reference": "ADVANCED", "title": "Advanced"},
]
# The plugin the simulated admin looks at in the Discover tab. A paid tier includes the
# plugins of the lower tiers (GLPI's plugins documentation), so a plugin for Advanced lists
# only ADVANCED.
PLUGINS = {
    name: {"key": name, "name": title, "required_offers": required,
           "versions": [{"num": "1.0.0", "download_url": f"https://{DOWNLOAD_HOST}/example/"
                                                         f"{name}/releases/download/1.0.0/"
                                                         f"glpi-{name}-1.0.0.tar.bz2"}]}
    for name, title, required in (
        ("exampleplugin", "Example plugin (model)", None),
        ("exampleadvanced", "Example Advanced plugin (model)", ["ADVANCED"]),
    )
}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _signature(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return _b64(hmac.new(MODEL_SECRET, canonical, hashlib.sha256).digest())


def issue_demo_key(account_id: str | None) -> str:
    """A demo key in the documented shape: base64 of a JSON object holding a `signature`.
    None gives a key of the same shape that the model never issued (its signature is wrong)."""
    if account_id is not None and account_id not in ACCOUNTS:
        raise ValueError(f"Unknown model account {account_id!r}: {', '.join(ACCOUNTS)}.")
    payload = {"account": account_id or "demo-unknown", "issuer": MODEL_ISSUER}
    signature = _signature(payload) if account_id else _signature({"not": "issued"})
    document = dict(payload, signature=signature)
    return _b64(json.dumps(document, separators=(",", ":")).encode("utf-8"))


@dataclass(frozen=True)
class KeyVerdict:
    """How the model reads a key it receives."""

    kind: str  # "model" | "forged" | "well-formed" | "malformed" | "broken-header"
    account: Account | None = None
    checker_status: str = ""
    checker_kind: str = ""
    checker_titles: tuple[str, ...] = ()


def check_report(key: str) -> Report:
    from ..check import check  # the same checker the admin runs; imported late (it is big)

    return check(key)


def judge_key(key: str, report: Report | None = None) -> KeyVerdict:
    """How the model reads `key`; `report` is the key checker's report on it, if already made."""
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in key):
        return KeyVerdict("broken-header")
    report = report if report is not None else check_report(key)
    titles = tuple(f.title for f in report.findings if f.severity != "info")
    facts = dict(checker_status=report.status, checker_kind=report.kind, checker_titles=titles)
    # GLPI sends the key untouched, so only a key the checker accepts without repair counts.
    if report.status != "ok" or report.normalized != key:
        return KeyVerdict("malformed", **facts)
    document, _ = php_json_decode(base64.b64decode(key).decode("utf-8"))  # PHP's reading, as check's
    payload = {name: value for name, value in document.items() if name != "signature"}
    if payload.get("issuer") != MODEL_ISSUER:
        return KeyVerdict("well-formed", **facts)
    if not hmac.compare_digest(str(document["signature"]), _signature(payload)):
        return KeyVerdict("forged", **facts)
    return KeyVerdict("model", ACCOUNTS.get(payload.get("account")), **facts)


def info_answer(account: Account | None) -> dict[str, Any]:
    if account is None:
        return {"is_valid": False, "owner": None, "subscription": None}
    return {"is_valid": True, "owner": {"name": account.owner},
            "subscription": account.subscription()}


def _json(status: int, reason: str, data: Any) -> Response:
    return Response(status, reason, "application/json", json.dumps(data))


@dataclass(frozen=True)
class NetworkModel:
    """The model server and the network in front of it, in one failure mode or none."""

    failure: str | None = None  # "dns" | "proxy" | "tls-ca-bundle" | "rate-limited" | "server-message"
    assumed_account: str | None = "demo-running"  # answer for a real key it cannot verify
    plugin: str = "exampleplugin"
    # The key checker's reports, per key, for this run only: each key is checked once.
    reports: dict[str, Report] = field(default_factory=dict, compare=False, repr=False)

    def report(self, key: str) -> Report:
        if key not in self.reports:
            self.reports[key] = check_report(key)
        return self.reports[key]

    def verdict(self, key: str) -> KeyVerdict:
        if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in key):
            return KeyVerdict("broken-header")
        return judge_key(key, self.report(key))

    def send(self, request: Request) -> Exchange:
        if self.failure == "dns":
            return Exchange(request, curl_error=DNS_ERROR)
        if self.failure == "proxy":
            return Exchange(request, curl_error=PROXY_ERROR)
        if self.failure == "tls-ca-bundle":
            return Exchange(request, curl_error=TLS_CA_ERROR)
        return Exchange(request, self._answer(request))

    def _answer(self, request: Request) -> Response:
        path = urlsplit(request.url).path
        if path == "/api/ping":
            return _json(200, "OK", {"message": "pong (model)"})
        if path == "/api/registration/":
            return _json(200, "OK", {"service": "registration (model)"})
        if path == "/api/registration/offers":
            if self.failure == "rate-limited":
                return Response(429, "Too Many Requests", "application/json", TOO_MANY_ATTEMPTS)
            return _json(200, "OK", OFFERS)
        if urlsplit(request.url).netloc == DOWNLOAD_HOST:
            return Response(200, "OK", "application/octet-stream", "(the plugin archive, model)")
        key = request.header("X-Registration-Key")
        if key is None:
            return _json(401, "Unauthorized", {"message": "Registration key required (model)."})
        verdict = self.verdict(key)
        if verdict.kind == "broken-header":
            # A control character breaks the header line. What the real server answers is not
            # documented: the model reuses the Apache 400 page seen in #11995 (a damaged key).
            return Response(400, "Bad Request", "text/html; charset=iso-8859-1", APACHE_400)
        if path == "/api/registration/info":
            if self.failure == "server-message":
                return _json(200, "OK", {"is_valid": False, "validation_message": SERVER_MESSAGE,
                                         "owner": None, "subscription": None})
            return _json(200, "OK", info_answer(self.account_for(verdict)))
        if path.endswith("/plugins"):
            return _json(200, "OK", list(PLUGINS.values()))
        return _json(404, "Not Found", {"message": "Not found (model)."})

    def account_for(self, verdict: KeyVerdict) -> Account | None:
        if verdict.kind == "model":
            return verdict.account
        if verdict.kind == "well-formed" and self.assumed_account:
            return ACCOUNTS[self.assumed_account]
        return None
