"""The simulator: GLPI's registration check, step by step, per GLPI version.

GLPI's side follows GLPI's code; GLPI Network's side is a model (its rules are not public).
Pure: no I/O. `simulate(scenario_id, glpi_version, key=None).to_dict()` is the run as JSON;
`glpi_version` is a branch ("10.0": its latest release) or a release ("10.0.7"), read by
`checker.glpi_versions`. Bad arguments are a ValueError that says what is accepted.
The run's JSON leads with its `summary` (`summary.py`: what GLPI shows, the step where it goes
wrong, its fix); `diagram.sequence_diagram(run)` draws it as SVG from the steps' `messages`
(`lanes.py`: the parties, each step's title and usual route).
"""

from .engine import NOTICE, check_arguments, simulate
from .scenarios import SCENARIOS, VERSIONS, Scenario, get_scenario
from .steps import Outcome, SimulationRun, Step

__all__ = ["NOTICE", "SCENARIOS", "check_arguments", "VERSIONS", "Outcome", "Scenario", "SimulationRun", "Step",
           "get_scenario", "simulate"]
