"""The one report shape shared by the CLI, the browser and the tests.

A report is the verdict ready to show: its headline and kind label, and each finding with its
fix, whether to show that fix, its explanation and its pages. The CLI (checker/cli/render.py)
and the page (docs/assets/checker/) lay it out; neither decides a word of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .pages import page_url

Severity = Literal["error", "warning", "info"]
Status = Literal["ok", "warning", "error"]
Kind = Literal[
    "registration-key",
    "glpicrypt-key",
    "encrypted-value",
    "instance-uid",
    "api-token",
    "empty",
    "glpi-message",
    "unknown",
]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
# What each kind is, in words: "this is <label>".
KIND_LABELS: dict[str, str] = {
    "registration-key": "a GLPI Network registration key",
    "glpicrypt-key": "glpicrypt.key material (GLPI's encryption key, not a registration key)",
    "encrypted-value": "a value encrypted by GLPI (as stored in its database)",
    "instance-uid": "an instance UID or a GLPI token",
    "api-token": "a GLPI API token",
    "empty": "nothing",
    "glpi-message": "one of GLPI's own messages",
    "unknown": "not something the checker recognises",
}
SEVERITIES: tuple[str, ...] = Severity.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Finding:
    """One problem or fact about the input, instantiated from the findings catalogue.

    It carries everything a face shows, so neither the CLI nor the page looks the catalogue up
    again: the catalogue's explanation, its related pages and whether to show the fix.
    """

    code: str
    severity: Severity
    title: str
    detail: str  # what was seen in this input
    fix: str
    doc: str  # its docs page and anchor, "reference/findings.md#<code>"
    explanation: str = ""
    see_also: tuple[str, ...] = ()  # docs source paths, as in the catalogue
    show_fix: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "show_fix": self.show_fix,
            "doc": page_url(self.doc),
            "explanation": self.explanation,
            "see_also": [page_url(path) for path in self.see_also],
        }


@dataclass
class Report:
    """The verdict, ready to show: the CLI prints it and the page lays it out, word for word."""

    kind: Kind
    status: Status
    normalized: str | None = None
    findings: list[Finding] = field(default_factory=list)
    fields: dict[str, Any] | None = None
    headline: str = ""  # the verdict in one sentence, set by the module that judged the input

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "status": self.status,
            "headline": self.headline,
            "normalized": self.normalized,
            "findings": [finding.to_dict() for finding in self.findings],
            "fields": self.fields,
        }

    def codes(self) -> list[str]:
        return [finding.code for finding in self.findings]


def status_from(findings: list[Finding], *, well_formed: bool) -> Status:
    """`ok` only for a well-formed key with nothing worse than info; `warning` once repaired."""
    if not well_formed or any(f.severity == "error" for f in findings):
        return "error"
    if any(f.severity == "warning" for f in findings):
        return "warning"
    return "ok"
