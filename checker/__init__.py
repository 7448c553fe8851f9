"""glpi-keycheck: check GLPI Network registration keys, glpicrypt.key files and GLPI secrets.

The entry point is `checker.check.check(text_or_bytes) -> Report` (the module is not shadowed
by the function: `import checker.check` gives the module). Layout: README.md, "Layout".
"""

from .report import Finding, Report

__all__ = ["Finding", "Report"]
__version__ = "0.1.0"
