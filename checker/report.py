"""The one report shape shared by the CLI, the browser and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

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
SEVERITIES: tuple[str, ...] = Severity.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Finding:
    """One problem or fact about the input, instantiated from the findings catalogue."""

    code: str
    severity: Severity
    title: str
    detail: str
    fix: str
    doc: str

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "doc": self.doc,
        }


@dataclass
class Report:
    kind: Kind
    status: Status
    normalized: str | None = None
    findings: list[Finding] = field(default_factory=list)
    fields: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
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
