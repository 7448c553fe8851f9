"""The one input limit, shared by the core, the CLI, the bridge and (through the build's
assets/checker/build.json) the page.

No GLPI secret comes near it (a glpicrypt.key is 32 bytes, a registration key about 1 KiB):
past it, the checker stops reading rather than guess which part was meant.
"""

MAX_INPUT = 64 * 1024  # characters of pasted text, or bytes of a file or of standard input
