"""glpi-keycheck: check GLPI Network registration keys, glpicrypt.key files and GLPI secrets."""

from .check import check
from .report import Finding, Report

__all__ = ["check", "Finding", "Report"]
__version__ = "0.1.0"
