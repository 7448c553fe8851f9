"""The answer first: what GLPI shows, the step where it goes wrong and that step's fix, then the
steps folded for reading. Decided once here; the CLI and the page only lay it out.

- The step where it goes wrong: the first step, in GLPI's order, that did not go fine (an error
  or a warning). Later failures follow from it (a failed call, then a red status line).
- Where GLPI stops: the last step reached before the steps it never gets to.
- Folding: consecutive OK steps make one line ("3 steps OK"), consecutive skipped ones another
  ("4 steps not reached"); a step with an error or a warning stands on its own.
- Each fix and each page link is shown once: at the top for the failing step, and in the list
  only where a step brings one not shown before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..pages import page_url
from .steps import SimulationRun, Step

FOLDED = ("ok", "skipped")
FOLD_WORDS = {"ok": ("step OK", "steps OK"), "skipped": ("step not reached", "steps not reached")}


@dataclass(frozen=True)
class StepRef:
    number: int  # 1-based, as the timeline numbers them
    name: str
    title: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "name": self.name, "title": self.title, "status": self.status}


@dataclass(frozen=True)
class Group:
    """One line of the folded timeline: a run of OK or skipped steps, or one step on its own."""

    status: str
    numbers: tuple[int, ...]  # the steps it holds, 1-based
    label: str  # "3 steps OK", or the step's title for a step on its own
    folded: bool
    show_fix: tuple[bool, ...]  # per step: print its fix here (the first time that fix appears)
    show_doc: tuple[bool, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "steps": list(self.numbers), "label": self.label,
                "folded": self.folded, "show_fix": list(self.show_fix),
                "show_doc": list(self.show_doc)}


@dataclass(frozen=True)
class Summary:
    status: str  # GLPI's outcome: ok, warning or error
    glpi_shows: str  # the exact text GLPI shows
    shown_on: str
    headline: str  # one line: "GLPI 10.0 shows “…”"
    shows_line: str  # what leads GLPI's words: "GLPI 10.0 shows (Setup > General > …):"
    failing_line: str  # "Goes wrong at step 4: GLPI checks …", or that every step went fine
    failing_step: StepRef | None
    stops_at: StepRef | None
    fix: str
    doc: str
    verdict: str  # the headline, where it goes wrong and where GLPI stops, in sentences
    announcement: str  # what a screen reader is told: the verdict and the fix, not the trace
    groups: tuple[Group, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "glpi_shows": self.glpi_shows, "shown_on": self.shown_on,
                "headline": self.headline, "shows_line": self.shows_line,
                "failing_line": self.failing_line,
                "failing_step": self.failing_step.to_dict() if self.failing_step else None,
                "stops_at": self.stops_at.to_dict() if self.stops_at else None,
                "fix": self.fix, "doc": page_url(self.doc), "verdict": self.verdict,
                "announcement": self.announcement,
                "groups": [group.to_dict() for group in self.groups]}


def _ref(steps: tuple[Step, ...], index: int) -> StepRef:
    step = steps[index]
    return StepRef(index + 1, step.name, step.title, step.status)


def failing_index(steps: tuple[Step, ...]) -> int | None:
    for index, step in enumerate(steps):
        if step.status in ("error", "warning"):
            return index
    return None


def stop_index(steps: tuple[Step, ...]) -> int | None:
    """The last step reached before the trailing run of skipped steps; None when GLPI goes to
    the end (or never starts)."""
    last = len(steps)
    while last and steps[last - 1].status == "skipped":
        last -= 1
    if last == len(steps) or last == 0:
        return None
    return last - 1


def _groups(steps: tuple[Step, ...], shown_fixes: set[str], shown_docs: set[str]) -> tuple[Group, ...]:
    groups: list[Group] = []
    index = 0
    while index < len(steps):
        status = steps[index].status
        end = index + 1
        if status in FOLDED:
            while end < len(steps) and steps[end].status == status:
                end += 1
        run = steps[index:end]
        show_fix, show_doc = [], []
        for step in run:
            show_fix.append(bool(step.fix) and step.fix not in shown_fixes)
            show_doc.append(bool(step.doc) and step.doc not in shown_docs)
            shown_fixes.add(step.fix)
            shown_docs.add(step.doc)
        if status in FOLDED:
            one, many = FOLD_WORDS[status]
            label = f"{len(run)} {one if len(run) == 1 else many}"
        else:
            label = run[0].title
        groups.append(Group(status, tuple(range(index + 1, end + 1)), label, status in FOLDED,
                            tuple(show_fix), tuple(show_doc)))
        index = end
    return tuple(groups)


def summarize(run: SimulationRun) -> Summary:
    steps = run.steps
    outcome = run.outcome
    failing = failing_index(steps)
    stop = stop_index(steps)
    first_line = outcome.message.splitlines()[0] if outcome.message else ""
    more = " …" if len(outcome.message.splitlines()) > 1 else ""
    headline = f"GLPI {run.glpi_version} shows “{first_line}{more}”"
    if failing is None:
        fix, doc = "", run.doc
        failing_ref = None
        where = failing_line = "Every step goes as it should."
    else:
        step = steps[failing]
        fix, doc = step.fix, step.doc or run.doc
        failing_ref = _ref(steps, failing)
        verb = "goes wrong" if "error" in (step.status, outcome.status) else "needs attention"
        where = (f"It {verb} at step {failing + 1} of {len(steps)}: {step.title} "
                 f"({step.status}).")
        failing_line = f"{verb.capitalize()} at step {failing + 1}: {step.title}"
    stop_ref = _ref(steps, stop) if stop is not None else None
    stopped = ""
    if stop is not None:
        unreached = len(steps) - stop - 1
        stopped = (f" GLPI stops after step {stop + 1}; "
                   f"{unreached} {'step is' if unreached == 1 else 'steps are'} not reached.")
    verdict = f"{headline} {where}{stopped}"
    announcement = f"{verdict} Fix: {fix}" if fix else verdict
    groups = _groups(steps, {fix}, {doc})  # an empty fix or doc is never shown anyway
    shows_line = f"GLPI {run.glpi_version} shows{f' ({outcome.shown_on})' if outcome.shown_on else ''}:"
    return Summary(outcome.status, outcome.message, outcome.shown_on, headline, shows_line,
                   failing_line, failing_ref,
                   stop_ref, fix, doc, verdict, announcement, groups)
