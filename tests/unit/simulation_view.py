"""What a user of the simulator sees of a step, as plain values tests can compare whole.

`played()` also plays a catalogue scenario with a few facts of its situation changed, for
situations no catalogue scenario holds yet (e.g. a registered console upgrade where every
plugin came from the Marketplace)."""

from dataclasses import replace

from checker.glpi_versions import parse_glpi_version
from checker.simulation import simulate
from checker.simulation.engine import _Run
from checker.simulation.scenarios import get_scenario


def seen(step) -> dict:
    """Every field the timeline, the CLI and the diagram show for a step."""
    return {"name": step.name, "status": step.status, "explanation": step.explanation,
            "detail": step.detail, "fix": step.fix, "shows": step.shows,
            "shown_on": step.shown_on,
            "messages": [(m.source, m.target, m.label, m.note, m.fails) for m in step.messages]}


def order(steps) -> list[tuple[str, str]]:
    return [(step.name, step.status) for step in steps]


def step(steps, name: str) -> dict:
    (found,) = [s for s in steps if s.name == name]
    return seen(found)


def played(scenario_id: str, version: str, key: str | None = None, **situation):
    """The steps of a run; with `situation`, the scenario's situation with those facts changed."""
    if not situation:
        return simulate(scenario_id, version, key).steps
    scenario = get_scenario(scenario_id)
    scenario = replace(scenario, situation=replace(scenario.situation, **situation))
    run = _Run(scenario, parse_glpi_version(version), key)
    run.play()
    return tuple(run.tl.steps)
