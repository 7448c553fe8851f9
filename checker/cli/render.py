"""Human-readable rendering of reports for the terminal. Colour only on a terminal.

It lays out what the core returned (headline, findings, which fixes to show, page links made by
`checker.pages`) and decides no word: the page shows the same ones.
Every string that came from the input passes through `output.shown()` before it is laid
out (`shown_tree` on the whole report), so nothing in a key, a file name or a label reaches
the terminal raw.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from ..pages import page_url
from .output import colour_wanted, shown, shown_tree

COLOURS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "skipped": "90", "bold": "1"}
MARKS = {"error": "✗", "warning": "!", "info": "i", "ok": "✓", "skipped": "-"}


class Painter:
    def __init__(self, stream: TextIO):
        self.enabled = colour_wanted(stream)

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or style not in COLOURS:
            return text
        return f"\033[{COLOURS[style]}m{text}\033[0m"


def docs_url(doc: str) -> str:
    """A page's URL (`doc` a docs path or a site-relative URL): a full URL when
    GLPI_KEYCHECK_DOCS_URL names where the help centre is."""
    url = page_url(doc)
    base = os.environ.get("GLPI_KEYCHECK_DOCS_URL", "").strip()
    return shown((base.rstrip("/") + "/" + url) if base else url)


def render_findings(findings: list[dict[str, Any]], paint: Painter) -> list[str]:
    lines = []
    for finding in shown_tree(findings):
        severity = finding["severity"]
        lines.append(f"  {paint(MARKS[severity], severity)} {paint(finding['title'], 'bold')}  [{finding['code']}]")
        lines.append(f"      {finding['detail']}")
        if finding["show_fix"]:
            lines.append(f"      Fix: {finding['fix']}")
        lines.append(f"      More: {docs_url(finding['doc'])}")
    return lines


def render_report(report: dict[str, Any], stream: TextIO | None = None) -> str:
    stream = stream or sys.stdout
    paint = Painter(stream)
    if report["kind"] == "glpi-message":  # its texts are escaped where they are printed
        status = shown(report["status"])
        headline = f"{paint(MARKS[status], status)} {paint(shown(report['headline']), 'bold')}  (kind: glpi-message)"
        return "\n".join([headline] + render_glpi_messages(report, paint))
    fields = report.get("fields") or {}
    report = shown_tree(report)
    status = report["status"]
    lines = [f"{paint(MARKS[status], status)} {paint(report['headline'], 'bold')}  (kind: {report['kind']})"]
    if report.get("normalized") and status == "warning":
        lines += ["", "Repaired key:", report["normalized"]]
    if fields:
        lines += ["", "Other members of the key:"]
        lines += [f"  {_as_json(name)}: {_as_json(value)}" for name, value in fields.items()]
    lines += ["", "Findings:"] + render_findings(report["findings"], paint)
    return "\n".join(lines)


def render_glpi_messages(report: dict[str, Any], paint: Painter) -> list[str]:
    """GLPI's own messages found in the paste: each as pasted, in English, and how to replay it."""
    lines = []
    for number, found in enumerate(report["fields"]["messages"], 1):
        lines += ["", f"{number}. {_as_json(found['text'])}  ({shown(found['language'])})"]
        if found["language"] != "en_GB":
            lines.append(f"   GLPI's English: {_as_json(found['message'])}")
        lines.append(f"   Page: {docs_url(found['page'])}")
        if found.get("scenario"):
            scenario = found["scenario"]
            lines.append(shown(f"   Replay: glpi-keycheck simulate --scenario {scenario['id']} "
                               f"--glpi-version {scenario['glpi_version']}"))
    return lines + ["", "Findings:"] + render_findings(report["findings"], paint)


def _as_json(value: Any) -> str:
    """A member name or value as JSON shows it (its type visible), then made safe to print."""
    return shown(json.dumps(value, ensure_ascii=False, allow_nan=False))
