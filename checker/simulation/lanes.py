"""Who talks to whom at each step: the parties (lanes), each step's readable title, and the
messages a step exchanges, as data on the step itself.

The timeline and the sequence diagram both read `Step.messages`: the engine sets them where it
knows the exchange (an HTTP request and its answer, a key file that is missing); a step it
gives none to, a skipped one above all, draws its usual route from `ROUTES`. Labels name
paths, headers and statuses only, never a value: a key never lands in a label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .http import SECRET_HEADERS, Exchange

# Lane id: (title, second line). In the order the diagram draws them, left to right.
LANES: dict[str, tuple[str, str]] = {
    "admin": ("Admin's browser", "or console"),
    "glpi": ("GLPI server", ""),
    "database": ("GLPI database", "glpi_configs"),
    "keyfile": ("glpicrypt.key", "config/"),
    "network": ("GLPI Network", "services.glpi-network.com"),
    "plugins": ("Plugin host", "download_url"),
}
OPTIONAL_LANES = frozenset({"plugins"})  # drawn only when a message reaches them

STEP_TITLES: dict[str, str] = {
    "check-key": "The key checker reads your key",
    "boot-kernel": "GLPI 11 boots its Symfony kernel",
    "read-keyfile": "GLPI reads glpicrypt.key",
    "save-key": "GLPI saves the key",
    "decrypt-key": "GLPI decrypts the stored key",
    "services-check": "GLPI checks that GLPI Network is reachable",
    "registration-info": "GLPI asks GLPI Network about the key",
    "build-message": "GLPI shows the registration status",
    "cache": "GLPI caches the answer",
    "marketplace-enabled": "GLPI checks that the Marketplace is enabled",
    "marketplace-status": "The Marketplace checks the registration",
    "marketplace-plugins": "The Marketplace lists the plugins",
    "marketplace-dir": "GLPI checks the marketplace directory",
    "offers": "The Marketplace fetches the offer names",
    "plugin-access": "The Marketplace decides whether the plugin can be downloaded",
    "marketplace-upgrade": "The console runs marketplace:upgrade",
}


def step_title(name: str) -> str:
    """A step's readable title; a step without one keeps its id rather than break a run."""
    return STEP_TITLES.get(name, name)


@dataclass(frozen=True)
class Message:
    source: str  # a LANES id
    target: str  # a LANES id; the same as source for what a party does on its own
    label: str  # short: "GET /api/registration/info"
    note: str = ""  # a second, smaller line: "X-Registration-Key", "200 OK"
    fails: bool = False  # this is the message that goes wrong (no answer, an error, a refusal)

    def __post_init__(self) -> None:
        assert self.source in LANES and self.target in LANES, (self.source, self.target)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "label": self.label,
                "note": self.note, "fails": self.fails}


def _m(source: str, target: str, label: str, note: str = "") -> Message:
    return Message(source, target, label, note)


# The usual route of each step, for a step the engine draws no messages for.
ROUTES: dict[str, tuple[Message, ...]] = {
    "check-key": (_m("admin", "admin", "glpi-keycheck reads the pasted key"),),
    "boot-kernel": (_m("glpi", "keyfile", "kernel.secret = glpicrypt.key"),),
    "read-keyfile": (_m("glpi", "keyfile", "read glpicrypt.key"),),
    "save-key": (_m("admin", "glpi", "POST /front/config.form.php"),
                 _m("glpi", "database", "UPDATE glpi_configs", "the encrypted key")),
    "decrypt-key": (_m("glpi", "database", "SELECT glpinetwork_registration_key"),
                    _m("glpi", "keyfile", "decrypt with glpicrypt.key")),
    "services-check": (_m("glpi", "network", "services check"),),
    "registration-info": (_m("glpi", "network", "GET /api/registration/info", "X-Registration-Key"),),
    "build-message": (_m("glpi", "admin", "GLPI Network tab: status line"),),
    "cache": (_m("glpi", "glpi", "cache the answer (one day)"),),
    "marketplace-enabled": (_m("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE"),),
    "marketplace-status": (_m("admin", "glpi", "open the Marketplace"),
                           _m("glpi", "network", "services check")),
    "marketplace-plugins": (_m("glpi", "network", "GET …/plugins", "X-Registration-Key"),),
    "marketplace-dir": (_m("glpi", "glpi", "is marketplace/ writable?"),),
    "offers": (_m("glpi", "network", "GET /api/registration/offers"),),
    "plugin-access": (_m("glpi", "admin", "plugin card"),),
    "marketplace-upgrade": (_m("admin", "glpi", "php bin/console marketplace:upgrade"),),
}


def route(name: str) -> tuple[Message, ...]:
    return ROUTES.get(name, ())


def exchange_messages(exchange: Exchange, *, fails: bool = False, answer: str = "",
                      target: str = "network") -> tuple[Message, ...]:
    """An HTTP exchange as arrows: the request (method, path, the secret headers it carries, by
    name only) and the answer (status, and `answer`, what GLPI makes of it, or else its content
    type), or one failed request when cURL got no answer.
    `fails`: the answer is what goes wrong (an HTML page, is_valid false, a refusal)."""
    request = exchange.request
    secret = sorted(line.partition(":")[0].strip() for line in request.header_lines
                    if line.partition(":")[0].strip().lower() in SECRET_HEADERS)
    path = urlsplit(request.url).path or "/"
    via = f"via the proxy {request.proxy}" if request.proxy else ""
    note = " · ".join(part for part in (", ".join(secret), via) if part)
    if exchange.response is None:
        failed = " · ".join(part for part in (note, "no answer (cURL error)") if part)
        return (Message("glpi", target, f"GET {path}", failed, fails=True),)
    call = Message("glpi", target, f"GET {path}", note)
    response = exchange.response
    note = answer or response.content_type.split(";")[0].strip()
    return (call, Message(target, "glpi", f"{response.status} {response.reason}", note, fails=fails))
