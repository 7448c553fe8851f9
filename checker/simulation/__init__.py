"""The simulator: GLPI's registration check, step by step, per GLPI version.

GLPI's side follows GLPI's code; GLPI Network's side is a model (its rules are not public).
"""

from .scenarios import SCENARIOS, VERSIONS, Scenario

__all__ = ["SCENARIOS", "VERSIONS", "Scenario"]
