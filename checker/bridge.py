"""The browser's one entry point into the checker: a JSON request in, a JSON answer out.

The Web Worker calls `handle(request_json)`; nothing else in the package knows about the
browser. Pure logic: no JS imports here (the browser crypto backend lives in
`browser_backend`, imported only when running in Pyodide) and no printing, so nothing the
user pasted can reach a console.

Requests: {"op": "check" | "keyfile" | "forget-keyfile" | "decrypt" | "scenarios" | "simulate" |
"report", ...}.
Answers: {"ok": true, "result": {...}} or {"ok": false, "error": {"code", "message"}}.
Results are the core's own JSON (`to_dict()`), headlines and words included: the page only
lays them out. The key file chosen with "keyfile" stays in this worker's memory for the
"decrypt" requests that follow, so it crosses from the page once per choice, until the page
clears the choice ("forget-keyfile").
"""

from __future__ import annotations

import base64
import binascii
import json
import sys
from typing import Any, Callable

from .check import check
from .findings import spec
from .glpi_versions import LATEST, GlpiVersion, parse_glpi_version
from .limits import MAX_INPUT
from .share import markdown_report

# The bytes of the key file last chosen on the page (None: none, or it could not be read).
_chosen_keyfile: bytes | None = None


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

def op_check(request: dict) -> dict[str, Any]:
    return check(_text(request, "text")).to_dict()


def op_keyfile(request: dict) -> dict[str, Any]:
    from .keyfile import inspect_keyfile

    global _chosen_keyfile
    _chosen_keyfile = None
    name = _text(request, "name", required=False) or "glpicrypt.key"
    if request.get("read_error"):
        error = _text(request, "read_error")
        if error not in ("missing", "unreadable"):
            raise BridgeError("bad-request", "\"read_error\" must be \"missing\" or \"unreadable\".")
        report = inspect_keyfile(None, path=name, glpi_version=_version(request), read_error=error)
    else:
        content = _bytes(request, "content_b64")
        if len(content) > MAX_INPUT:
            raise BridgeError("too-large", f"The file is larger than {MAX_INPUT // 1024} KiB; "
                                           "a glpicrypt.key is 32 bytes.")
        report = inspect_keyfile(content, path=name, glpi_version=_version(request))
        _chosen_keyfile = content
    return report.to_dict()


def op_forget_keyfile(request: dict) -> dict[str, Any]:
    """The page cleared its file field: the key's bytes leave this worker's memory too."""
    global _chosen_keyfile
    _chosen_keyfile = None
    return {}


def op_decrypt(request: dict) -> dict[str, Any]:
    from .crypto.glpi import decrypt_value

    _use_browser_crypto()
    key = _bytes(request, "keyfile_b64") if "keyfile_b64" in request else _chosen_keyfile
    if key is None:
        raise BridgeError("no-keyfile", "Choose a glpicrypt.key file first.")
    result = decrypt_value(_text(request, "value"), key)
    answer = result.to_dict()
    if result.plaintext is not None and not answer.get("plaintext_is_utf8"):
        answer["plaintext"] = result.plaintext.hex(" ")  # binary secrets are shown in hex
    answer["finding"] = spec(result.code).finding(result.detail).to_dict()
    return answer


def op_scenarios(request: dict) -> dict[str, Any]:
    from .simulation.scenarios import SCENARIOS, VERSIONS

    from .glpi_versions import releases

    # "versions": the branches; "latest": each branch's newest release, the behaviour a branch
    # plays; "releases": every release of each branch, which the page offers too.
    return {"versions": list(VERSIONS), "latest": {b: f"{b}.{n}" for b, n in LATEST.items()},
            "releases": {branch: list(releases(branch)) for branch in VERSIONS},
            "scenarios": [s.to_dict() for s in SCENARIOS.values()],
            "languages": _glpi_languages()}


def _glpi_languages() -> list[dict[str, str]]:
    """The interface languages the simulator can show GLPI's texts in, English first."""
    from .glpi_texts import ENGLISH, LANGUAGE_NAMES, LANGUAGES

    return [{"id": code, "name": f"{LANGUAGE_NAMES[code]} ({code})"} for code in (ENGLISH, *LANGUAGES)]


def _run(request: dict):
    from .simulation import simulate

    scenario = _text(request, "scenario")
    version = _text(request, "glpi_version")
    key = _text(request, "key", required=False) or None
    try:
        return simulate(scenario, version, key=key)
    except ValueError as error:
        raise BridgeError("bad-simulation", str(error)) from None


def _simulate(request: dict) -> dict[str, Any]:
    return _run(request).to_dict()


def op_simulate(request: dict) -> dict[str, Any]:
    """The run, its summary, and its sequence diagram as SVG text (drawn by the same Python as
    the diagrams the docs build puts in the explanation pages)."""
    from .simulation.diagram import sequence_diagram

    from .glpi_translate import check_language, translate_run

    language = _text(request, "language", required=False) or "en_GB"
    try:
        check_language(language)
    except ValueError as error:
        raise BridgeError("bad-simulation", str(error)) from None
    run = _run(request)
    result = translate_run(run.to_dict(), language)
    result["diagram"] = sequence_diagram(run)
    return result


def _result(request: dict, name: str) -> dict[str, Any] | None:
    value = request.get(name)
    if value is not None and not isinstance(value, dict):
        raise BridgeError("bad-request", f"\"{name}\" must be an object (an earlier answer's result).")
    return value


def op_report(request: dict) -> dict[str, Any]:
    """A Markdown report for a forum post or a ticket, with the key redacted, made from the
    answers the page already has (a check's `report`, a `simulation`): nothing is run again."""
    try:
        markdown = markdown_report(_result(request, "report"), text=_text(request, "text", required=False),
                                   simulation=_result(request, "simulation"),
                                   key=_text(request, "key", required=False))
    except (KeyError, TypeError, AttributeError) as error:
        raise BridgeError("bad-request", "\"report\" or \"simulation\" is not a checker answer "
                                         f"({type(error).__name__}: {error}).") from None
    return {"markdown": markdown}


OPERATIONS: dict[str, Callable[[dict], dict[str, Any]]] = {
    "check": op_check,
    "keyfile": op_keyfile,
    "forget-keyfile": op_forget_keyfile,
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
