"""What may be shared: the one redaction of a secret, and the Markdown report for a forum post
or a ticket. Reports get pasted in public, so nothing here shows more of a key than its first
VISIBLE_CHARS characters and its length. Pure: the CLI (`check --report`) and the browser
bridge (op "report") both call `markdown_report`.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from . import __version__

VISIBLE_CHARS = 6   # characters of a secret a redaction shows
LEAK_WINDOW = 8     # a text quoting this many characters of a secret in a row is withheld


def escape_controls(text: str) -> str:
    """Control characters made visible (a carriage return inside a header is often the bug)."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def redact(secret: str) -> str:
    """First VISIBLE_CHARS characters and the length; plus where a control character or an
    outer space sits, since that is often the very fault (it says nothing about the secret)."""
    shown = escape_controls(secret[:VISIBLE_CHARS])
    odd = [f"{escape_controls(ch) if ch != ' ' else 'a space'} at character {index + 1}"
           for index, ch in enumerate(secret)
           if not ch.isprintable() or (ch == " " and (index == 0 or index == len(secret) - 1))]
    extra = f"; {', '.join(odd[:3])}" + (" …" if len(odd) > 3 else "") if odd else ""
    return f"{shown}…[redacted, {len(secret)} characters{extra}]"


def secret_texts(*texts: str | None) -> list[str]:
    """The secrets a report must not quote: each text, and what its base64 decodes to."""
    secrets = []
    for text in texts:
        text = (text or "").strip()
        secrets.append(text)
        try:
            secrets.append(base64.b64decode(text, validate=False).decode("utf-8", "replace"))
        except (binascii.Error, ValueError):
            pass
    return [s for s in secrets if len(s) >= LEAK_WINDOW]


def quotes_secret(text: str, secrets: list[str]) -> bool:
    """Does `text` quote LEAK_WINDOW or more consecutive characters of a secret?"""
    for secret in secrets:
        for start in range(len(secret) - LEAK_WINDOW + 1):
            if secret[start:start + LEAK_WINDOW] in text:
                return True
    return False


def markdown_report(report: dict[str, Any] | None, *, text: str | None = None,
                    simulation: dict[str, Any] | None = None, key: str | None = None) -> str:
    """A Markdown report of a check (`report`, made from `text`) and/or a simulation run (of
    `key`), as the JSON the CLI and the bridge print. No secret is shown."""
    secrets = secret_texts(text, key, report.get("normalized") if report else None)
    lines = [f"### GLPI registration check (glpi-keycheck {__version__})", ""]
    if report is not None:
        lines += [
            f"- Key: `{redact((report.get('normalized') or text or '').strip())}`",
            f"- Kind: {report['kind']}",
            f"- Verdict ({report['status']}): {report['headline']}",
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
        release = simulation.get("glpi_release") or simulation["glpi_version"]
        lines += ["", f"Simulated GLPI {release}, scenario `{simulation['scenario']}`:", ""]
        for step in simulation["steps"]:
            explanation = step["explanation"]
            if quotes_secret(explanation, secrets):
                explanation = "(withheld: it quotes the key)"
            lines.append(f"1. **{step['status']}** `{step['name']}`: {explanation}")
        outcome = simulation["outcome"]
        lines += ["", f"Outcome ({outcome['status']}): {outcome['message']}"]
    lines += ["", "_The key itself is redacted: never post a whole registration key or glpicrypt.key._"]
    return "\n".join(lines)
