"""The simulator: GLPI's registration check, step by step, per GLPI version.

GLPI's side follows GLPI's code; GLPI Network's side is a model (its rules are not public).
Pure: no I/O. `simulate(scenario_id, glpi_version, key=None).to_dict()` is the run as JSON.
"""

from .engine import NOTICE, check_arguments, simulate
from .scenarios import SCENARIOS, VERSIONS, Scenario, get_scenario
from .steps import Outcome, SimulationRun, Step

__all__ = ["NOTICE", "SCENARIOS", "check_arguments", "VERSIONS", "Outcome", "Scenario", "SimulationRun", "Step",
           "get_scenario", "simulate"]
