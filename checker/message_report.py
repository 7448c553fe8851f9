"""The report for a paste that holds GLPI's own messages: kind `glpi-message`, one finding per
message in the order pasted, each naming its cause and linking the page that explains it."""

from __future__ import annotations

from typing import Any

from .findings import glpi_message_cause
from .glpi_recognise import MessageMatch, find_messages
from .glpi_texts import ENGLISH, LANGUAGE_NAMES
from .pages import page_url
from .report import Finding, Report


def scenario_for(match: MessageMatch) -> dict[str, str] | None:
    """The simulator scenario that plays this message's page, at a GLPI version showing it."""
    from .simulation.scenarios import SCENARIOS

    for scenario in SCENARIOS.values():
        if scenario.doc != match.entry.doc:
            continue
        versions = [v for v in scenario.versions if not match.entry.versions or v in match.entry.versions]
        if versions:
            return {"id": scenario.id, "glpi_version": versions[-1]}
    return None


def message_report(text: str) -> Report | None:
    matches = find_messages(text)
    if not matches:
        return None
    findings = [_finding(match) for match in matches]
    first = matches[0]
    status = ("error" if any(f.severity == "error" for f in findings)
              else "warning" if any(f.severity == "warning" for f in findings) else "ok")
    return Report("glpi-message", status, findings=findings, fields={
        "message": first.entry.msgid,
        "language": first.language,
        "page": page_url(first.entry.doc),
        "messages": [_fields(match) for match in matches],
    })


def _finding(match: MessageMatch) -> Finding:
    entry = match.entry
    language = LANGUAGE_NAMES.get(match.language, match.language)
    detail = f"GLPI's message, in {language} ({match.language}): \u201c{match.text}\u201d"
    if match.language != ENGLISH:
        detail += f"; in English: \u201c{entry.msgid}\u201d"
    detail += "."
    if entry.logged_only:
        detail += " GLPI writes it to its log, in English whatever the interface language."
    if entry.versions:
        detail += f" GLPI versions: {', '.join(entry.versions)}."
    return glpi_message_cause(entry.id, entry.doc).finding(detail, doc=entry.doc)


def _fields(match: MessageMatch) -> dict[str, Any]:
    return {"message": match.entry.msgid, "language": match.language, "id": match.entry.id,
            "text": match.text, "arguments": list(match.arguments),
            "page": page_url(match.entry.doc), "scenario": scenario_for(match)}
