"""The shape of a simulation run: steps (Let's Debug style) and an outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..pages import page_url
from .lanes import Message, route, step_title

StepStatus = Literal["ok", "warning", "error", "skipped"]
STEP_STATUSES: tuple[str, ...] = StepStatus.__args__  # type: ignore[attr-defined]
BLANK_PAGE = "blank page"

# The steps GLPI takes, in its order, per GLPI branch: the GLPI Network tab (GLPI 11 asks for
# /info before the services check, 9.5 and 10.0 after it), then the web Marketplace (its
# GLPI_MARKETPLACE_ENABLE switch exists from 10.0). A run shows a subset of these, in this
# order, except where a later page reads what the tab did not (the Marketplace's own
# read-keyfile/decrypt-key/registration-info/cache come before marketplace-status).
_TAB_95_10 = ("read-keyfile", "save-key", "decrypt-key", "services-check", "registration-info",
              "build-message", "cache")
_TAB_11 = ("read-keyfile", "save-key", "decrypt-key", "registration-info", "services-check",
           "build-message", "cache")
_MARKETPLACE = ("marketplace-status", "marketplace-plugins", "marketplace-dir", "offers",
                "plugin-access")
STEP_ORDER: dict[str, tuple[str, ...]] = {
    "9.5": ("check-key",) + _TAB_95_10 + _MARKETPLACE,
    "10.0": ("check-key",) + _TAB_95_10 + ("marketplace-enabled",) + _MARKETPLACE,
    "11.0": ("check-key", "boot-kernel") + _TAB_11 + ("marketplace-enabled",) + _MARKETPLACE,
}
# `php bin/console marketplace:upgrade` (11.0.x): the console switch, then isRegistered().
CONSOLE_UPGRADE_ORDER = ("check-key", "marketplace-enabled", "read-keyfile", "decrypt-key",
                         "registration-info", "cache", "marketplace-upgrade")


@dataclass(frozen=True)
class Step:
    name: str  # stable slug, e.g. "registration-info"
    status: StepStatus
    explanation: str  # what GLPI does here, in plain words
    detail: str = ""  # what it reads, sends and receives, as text (keys redacted)
    fix: str = ""
    doc: str = ""  # docs source path ("troubleshooting/x.md"); a URL in to_dict
    shows: str = ""  # the exact text GLPI shows the admin at this step, if any
    shown_on: str = ""  # where that text appears
    messages: tuple[Message, ...] = ()  # who talks to whom (the sequence diagram's arrows)

    @property
    def title(self) -> str:
        return step_title(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "status": self.status,
                "explanation": self.explanation, "detail": self.detail, "fix": self.fix,
                "doc": page_url(self.doc), "shows": self.shows, "shown_on": self.shown_on,
                "messages": [message.to_dict() for message in self.messages]}


@dataclass(frozen=True)
class Outcome:
    status: Literal["ok", "warning", "error"]
    message: str  # the exact text GLPI shows the admin
    shown_on: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"status": self.status, "message": self.message, "shown_on": self.shown_on}


@dataclass(frozen=True)
class SimulationRun:
    scenario: str
    title: str
    glpi_version: str
    glpi_release: str  # the example release whose User-Agent the run shows
    steps: tuple[Step, ...]
    outcome: Outcome
    doc: str
    notice: str

    def to_dict(self) -> dict[str, Any]:
        from .summary import summarize  # summary reads this module's shapes

        return {"scenario": self.scenario, "title": self.title, "glpi_version": self.glpi_version,
                "glpi_release": self.glpi_release, "steps": [s.to_dict() for s in self.steps],
                "outcome": self.outcome.to_dict(), "doc": page_url(self.doc), "notice": self.notice,
                "summary": summarize(self).to_dict()}

    def step(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(name)


@dataclass
class Timeline:
    """Steps in the order GLPI takes them. A fatal failure skips what depends on it."""

    doc: str
    steps: list[Step] = field(default_factory=list)

    def add(self, name: str, status: StepStatus, explanation: str, *, detail: str = "",
            fix: str = "", doc: str | None = None, shows: str = "", shown_on: str = "",
            messages: tuple[Message, ...] = ()) -> Step:
        assert name not in self.names(), f"step {name} twice"
        step = Step(name, status, explanation, detail, fix if status != "ok" else "",
                    (doc if doc is not None else self.doc) if status not in ("ok", "skipped") else "",
                    shows, shown_on, messages or route(name))
        self.steps.append(step)
        return step

    def skip(self, names: list[str], because: str) -> None:
        for name in names:
            if name not in self.names():
                self.add(name, "skipped", because)

    def names(self) -> list[str]:
        return [step.name for step in self.steps]

    def outcome(self, default: str) -> Outcome:
        """The one text to report: a blank page first, then the registration status line on
        the GLPI Network tab, then the first error, then the first warning GLPI shows."""
        shown = [s for s in self.steps if s.shows]
        for step in shown:
            if step.shown_on.startswith(BLANK_PAGE):
                return Outcome("error", step.shows, step.shown_on)
        for status in ("error", "warning"):
            candidates = [s for s in shown if s.status == status]
            tab = [s for s in candidates if s.name == "build-message"]
            for step in tab or candidates:
                return Outcome(status, step.shows, step.shown_on)  # type: ignore[arg-type]
        worst = "warning" if any(s.status in ("warning", "error") for s in self.steps) else "ok"
        tab = [s for s in shown if s.name == "build-message"]
        if tab:
            return Outcome(worst, tab[0].shows, tab[0].shown_on)  # type: ignore[arg-type]
        return Outcome(worst, default)  # type: ignore[arg-type]
