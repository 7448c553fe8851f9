"""The browser's one entry point into the checker: a JSON request in, a JSON answer out.

The Web Worker calls `handle(request_json)`; nothing else in the package knows about the
browser. Pure logic: no JS imports here (the browser crypto backend lives in
`browser_backend`, imported only when running in Pyodide) and no printing, so nothing the
user pasted can reach a console.

Requests: {"op": "check" | "keyfile" | "decrypt" | "scenarios" | "simulate" | "report", ...}.
Answers: {"ok": true, "result": {...}} or {"ok": false, "error": {"code", "message"}}.
"""

from __future__ import annotations

import base64
import binascii
import json
import sys
from typing import Any, Callable

from .check import check
from .findings import CATALOGUE
from .glpi_versions import LATEST, GlpiVersion, parse_glpi_version

MAX_KEYFILE_BYTES = 64 * 1024   # a glpicrypt.key is 32 bytes; the page reads no more than this
REDACT_VISIBLE = 6              # characters of a key shown in a shareable report
LEAK_WINDOW = 8                 # a detail quoting this many characters of the key is withheld


class BridgeError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def handle(request_json: str) -> str:
    """Answer one request; never raises, never prints."""
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError):
        return _answer_error("bad-request", "The request is not JSON.")
    if not isinstance(request, dict):
        return _answer_error("bad-request", "The request is not a JSON object.")
    operation = OPERATIONS.get(request.get("op"))
    if operation is None:
        return _answer_error("unknown-op", f"Unknown op {request.get('op')!r}; expected one of: "
                                           + ", ".join(OPERATIONS) + ".")
    try:
        result = operation(request)
    except BridgeError as error:
        return _answer_error(error.code, str(error))
    except Exception as error:  # a bug: say so on the page rather than leave it spinning
        return _answer_error("internal", f"The checker failed ({type(error).__name__}: {error}).")
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)


def _answer_error(code: str, message: str) -> str:
    return json.dumps({"ok": False, "error": {"code": code, "message": message}}, ensure_ascii=False)


# --- request fields ---------------------------------------------------------------------------

def _text(request: dict, name: str, *, required: bool = True) -> str | None:
    value = request.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise BridgeError("bad-request", f"\"{name}\" must be a string.")
    return value


def _bytes(request: dict, name: str) -> bytes:
    encoded = _text(request, name)
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise BridgeError("bad-request", f"\"{name}\" must be base64.") from None


def _version(request: dict) -> GlpiVersion | None:
    """The optional GLPI version, read by the same parser as the command line."""
    version = _text(request, "glpi_version", required=False)
    if not version:
        return None
    try:
        return parse_glpi_version(version)
    except ValueError as error:
        raise BridgeError("bad-request", str(error)) from None


# --- operations -------------------------------------------------------------------------------

def doc_page(path: str) -> str:
    """A docs source path ("howto/set-key-cli.md") as its site-relative URL ("howto/set-key-cli/")."""
    if not path.endswith(".md"):
        return path
    page = path[:-3]
    if page == "index" or page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def _with_explanations(report: dict[str, Any]) -> dict[str, Any]:
    """Add each finding's catalogue explanation and related pages, for the page to show."""
    for finding in report.get("findings", []):
        spec = CATALOGUE.get(finding["code"])
        if spec is not None:
            finding["explanation"] = spec.explanation
            finding["see_also"] = [doc_page(path) for path in spec.see_also]
    return report


def op_check(request: dict) -> dict[str, Any]:
    return _with_explanations(check(_text(request, "text")).to_dict())


def op_keyfile(request: dict) -> dict[str, Any]:
    from .keyfile import inspect_keyfile

    name = _text(request, "name", required=False) or "glpicrypt.key"
    if request.get("read_error"):
        error = _text(request, "read_error")
        if error not in ("missing", "unreadable"):
            raise BridgeError("bad-request", "\"read_error\" must be \"missing\" or \"unreadable\".")
        report = inspect_keyfile(None, path=name, glpi_version=_version(request), read_error=error)
    else:
        content = _bytes(request, "content_b64")
        if len(content) > MAX_KEYFILE_BYTES:
            raise BridgeError("too-large", f"The file is larger than {MAX_KEYFILE_BYTES // 1024} KiB; "
                                           "a glpicrypt.key is 32 bytes.")
        report = inspect_keyfile(content, path=name, glpi_version=_version(request))
    return _with_explanations(report.to_dict())


def op_decrypt(request: dict) -> dict[str, Any]:
    from .crypto.glpi import decrypt_value

    _use_browser_crypto()
    key = _bytes(request, "keyfile_b64")
    result = decrypt_value(_text(request, "value"), key)
    answer = result.to_dict()
    if result.plaintext is not None and not answer.get("plaintext_is_utf8"):
        answer["plaintext"] = result.plaintext.hex(" ")  # binary secrets are shown in hex
    answer["finding"] = _with_explanations({"findings": [result.finding().to_dict()]})["findings"][0]
    return answer


def op_scenarios(request: dict) -> dict[str, Any]:
    from .simulation.scenarios import SCENARIOS, VERSIONS

    # "versions": the branches the page offers; "latest": each branch's newest release, the
    # behaviour a branch plays (a release such as "10.0.7" is accepted too).
    return {"versions": list(VERSIONS), "latest": {b: f"{b}.{n}" for b, n in LATEST.items()},
            "scenarios": [s.to_dict() for s in SCENARIOS.values()]}


def _simulate(request: dict) -> dict[str, Any]:
    from .simulation import simulate

    scenario = _text(request, "scenario")
    version = _text(request, "glpi_version")
    key = _text(request, "key", required=False) or None
    try:
        return simulate(scenario, version, key=key).to_dict()
    except ValueError as error:
        raise BridgeError("bad-simulation", str(error)) from None


def op_simulate(request: dict) -> dict[str, Any]:
    return _simulate(request)


def op_report(request: dict) -> dict[str, Any]:
    """A Markdown report for a forum post or a ticket, with the key redacted."""
    text = _text(request, "text", required=False)
    simulation = _simulate(request) if request.get("scenario") else None
    key = _text(request, "key", required=False)
    return {"markdown": markdown_report(text, simulation, key)}


OPERATIONS: dict[str, Callable[[dict], dict[str, Any]]] = {
    "check": op_check,
    "keyfile": op_keyfile,
    "decrypt": op_decrypt,
    "scenarios": op_scenarios,
    "simulate": op_simulate,
    "report": op_report,
}


def _use_browser_crypto() -> None:
    """In Pyodide there is no `cryptography`: decrypt with the vendored JS library instead."""
    if sys.platform != "emscripten":
        return
    from .browser_backend import install

    install()


# --- the shareable report ---------------------------------------------------------------------

def redact(key: str) -> str:
    key = key.strip()
    return f"`{key[:REDACT_VISIBLE]}…` ({len(key)} characters)"


def _secret_texts(text: str, report: dict[str, Any]) -> list[str]:
    secrets = [text.strip(), report.get("normalized") or ""]
    try:
        secrets.append(base64.b64decode(secrets[-1] or text.strip(), validate=False).decode("utf-8", "replace"))
    except (binascii.Error, ValueError):
        pass
    return [s for s in secrets if len(s) >= LEAK_WINDOW]


def quotes_secret(detail: str, secrets: list[str]) -> bool:
    """Does `detail` quote LEAK_WINDOW or more consecutive characters of a secret?"""
    for secret in secrets:
        for start in range(len(secret) - LEAK_WINDOW + 1):
            if secret[start:start + LEAK_WINDOW] in detail:
                return True
    return False


def markdown_report(text: str | None, simulation: dict[str, Any] | None,
                    request_key: str | None = None) -> str:
    from . import __version__

    lines = [f"### GLPI registration check (glpi-keycheck {__version__})", ""]
    if text is not None:
        report = check(text).to_dict()
        secrets = _secret_texts(text, report)
        lines += [
            f"- Key: {redact(report.get('normalized') or text)}",
            f"- Kind: {report['kind']}",
            f"- Verdict: {report['status']}",
        ]
        if report.get("fields"):
            names = ", ".join(sorted(str(name) for name in report["fields"]))
            lines.append(f"- Other members of the key (values not shown): {names}")
        lines += ["", "Findings:", ""]
        for finding in report["findings"]:
            detail = finding["detail"]
            if quotes_secret(detail, secrets):
                detail = "(detail withheld: it quotes the key)"
            lines.append(f"- **{finding['severity']}** `{finding['code']}`: {finding['title']}. {detail}")
    if simulation is not None:
        secrets = _secret_texts(text or "", {}) + _secret_texts(request_key or "", {})
        lines += ["", f"Simulated GLPI {simulation.get('glpi_release') or simulation['glpi_version']}, scenario "
                      f"`{simulation['scenario']}`:", ""]
        for step in simulation["steps"]:
            explanation = step["explanation"]
            if quotes_secret(explanation, secrets):
                explanation = "(withheld: it quotes the key)"
            lines.append(f"1. **{step['status']}** `{step['name']}`: {explanation}")
        outcome = simulation["outcome"]
        lines += ["", f"Outcome ({outcome['status']}): {outcome['message']}"]
    lines += ["", "_The key itself is redacted: never post a whole registration key or glpicrypt.key._"]
    return "\n".join(lines)
