"""Human-readable rendering of reports for the terminal. Colour only on a terminal."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

COLOURS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "skipped": "90", "bold": "1"}
MARKS = {"error": "✗", "warning": "!", "info": "i", "ok": "✓", "skipped": "-"}


class Painter:
    def __init__(self, stream: TextIO):
        self.enabled = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or style not in COLOURS:
            return text
        return f"\033[{COLOURS[style]}m{text}\033[0m"


def docs_url(doc: str) -> str:
    """A finding's page: a full URL when GLPI_KEYCHECK_DOCS_URL names where the help centre is."""
    base = os.environ.get("GLPI_KEYCHECK_DOCS_URL", "").strip()
    return (base.rstrip("/") + "/" + doc) if base else doc


def render_findings(findings: list[dict[str, Any]], paint: Painter) -> list[str]:
    lines = []
    for finding in findings:
        severity = finding["severity"]
        lines.append(f"  {paint(MARKS[severity], severity)} {paint(finding['title'], 'bold')}  [{finding['code']}]")
        lines.append(f"      {finding['detail']}")
        if severity != "info" or finding["code"] == "key-well-formed":
            lines.append(f"      Fix: {finding['fix']}")
        lines.append(f"      More: {docs_url(finding['doc'])}")
    return lines


def render_report(report: dict[str, Any], stream: TextIO | None = None) -> str:
    stream = stream or sys.stdout
    paint = Painter(stream)
    status = report["status"]
    headline = {
        "ok": "Well-formed GLPI Network registration key.",
        "warning": "Well-formed registration key once repaired: paste the repaired key below.",
        "error": "Not a usable registration key.",
    }[status]
    if report["kind"] == "glpi-message":
        return "\n".join(render_glpi_messages(report, paint))
    lines = [f"{paint(MARKS[status], status)} {paint(headline, 'bold')}  (kind: {report['kind']})"]
    if report.get("normalized") and status == "warning":
        lines += ["", "Repaired key:", report["normalized"]]
    if report.get("fields"):
        lines += ["", "Other members of the key:"]
        # JSON escapes control characters, so a hostile member cannot drive the terminal.
        lines += [f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
                  for name, value in report["fields"].items()]
    lines += ["", "Findings:"] + render_findings(report["findings"], paint)
    return "\n".join(lines)


def render_glpi_messages(report: dict[str, Any], paint: Painter) -> list[str]:
    """GLPI's own messages found in the paste: each as pasted, in English, and how to replay it."""
    status, messages = report["status"], report["fields"]["messages"]
    count = f"{len(messages)} of GLPI's messages" if len(messages) > 1 else "GLPI's message"
    lines = [f"{paint(MARKS[status], status)} {paint(f'Recognised {count}.', 'bold')}  (kind: glpi-message)"]
    for number, found in enumerate(messages, 1):
        lines += ["", f"{number}. {json.dumps(found['text'], ensure_ascii=False)}  ({found['language']})"]
        if found["language"] != "en_GB":
            lines.append(f"   GLPI's English: {json.dumps(found['message'], ensure_ascii=False)}")
        lines.append(f"   Page: {docs_url(found['page'])}")
        if found.get("scenario"):
            scenario = found["scenario"]
            lines.append(f"   Replay: glpi-keycheck simulate --scenario {scenario['id']} "
                         f"--glpi-version {scenario['glpi_version']}")
    return lines + ["", "Findings:"] + render_findings(report["findings"], paint)
