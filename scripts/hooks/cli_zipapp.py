"""MkDocs hook: the command line as one file, `downloads/glpi-keycheck.pyz`, from this help centre.

- Builds a zip application of the `checker` package (Python sources and its JSON data) with a
  `__main__.py` that checks the Python version before importing anything else, so an old
  Python gets one line instead of a SyntaxError. Reproducible: entries sorted, fixed dates and
  modes, so the same sources give the same bytes and the same SHA-256.
- Adds it to the site as a generated file (links to it are checked like any other).
- Fills the page "Run the checks on your GLPI server" with its SHA-256, size and address.
- Under the first `glpi-keycheck` command of every other page, adds one line linking to that
  page, so nobody meets a command without learning where to get it.

Run as a script to write the file: python scripts/hooks/cli_zipapp.py OUT.pyz
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYZ_URI = "downloads/glpi-keycheck.pyz"
PAGE_URI = "howto/run-checks-on-server.md"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SHEBANG = b"#!/usr/bin/env python3\n"
PLACEHOLDERS = ("@@PYZ_SHA256@@", "@@PYZ_SIZE@@", "@@PYZ_URL@@", "@@PYTHON_MINIMUM@@")
LINK_LINE = "No `glpi-keycheck` on the server yet? [Run the checks on your GLPI server]({link}) gives it to you in one file."
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
COMMAND = re.compile(r"glpi-keycheck\s+[a-z-]|--8<-- \"cli/")
INLINE_COMMAND = re.compile(r"`glpi-keycheck\s+[a-z-][^`]*`")

MAIN = '''\
# glpi-keycheck as one file. This module is read by any Python: it checks the version before
# importing the checker, whose syntax an old Python cannot read.
import sys

MINIMUM = ({major}, {minor})

if sys.version_info[:2] < MINIMUM:
    sys.stderr.write(
        "glpi-keycheck: needs Python %d.%d or later; this is Python %d.%d (%s). "
        "Run it with a newer python3, for example python%d.%d glpi-keycheck.pyz ...\\n"
        % (MINIMUM + tuple(sys.version_info[:2]) + (sys.executable or "python",) + MINIMUM))
    sys.exit(1)

from checker.cli import main  # noqa: E402

sys.exit(main())
'''


def python_minimum() -> tuple[int, int]:
    """From pyproject.toml's requires-python (">=3.11"): the one place the minimum is written."""
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    match = re.search(r'^requires-python\s*=\s*">=\s*(\d+)\.(\d+)"', text, re.MULTILINE)
    if not match:
        raise RuntimeError("cli_zipapp: no requires-python = \">=X.Y\" in pyproject.toml")
    return int(match.group(1)), int(match.group(2))


def _package_files() -> list[tuple[str, bytes]]:
    package = ROOT / "checker"
    files = []
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        relative = path.relative_to(package).as_posix()
        if "__pycache__" not in relative:
            files.append((f"checker/{relative}", path.read_bytes()))
    return files


def build_zipapp() -> bytes:
    """The zip application's bytes: the same sources always give the same bytes."""
    major, minor = python_minimum()
    files = _package_files() + [("__main__.py", MAIN.format(major=major, minor=minor).encode())]
    buffer = io.BytesIO()
    buffer.write(SHEBANG)  # Python finds the archive after any prefix: `./glpi-keycheck.pyz` runs
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


# --- MkDocs entry points -----------------------------------------------------------------------

_built: dict[str, object] = {}


def on_files(files, config):
    from mkdocs.structure.files import File

    data = build_zipapp()
    _built.update(data=data, sha256=hashlib.sha256(data).hexdigest())
    files.append(File.generated(config, PYZ_URI, content=data))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    src = page.file.src_uri
    if src == PAGE_URI:
        return _fill_placeholders(markdown, config)
    link = posixpath.relpath(PAGE_URI, posixpath.dirname(src) or ".")
    return link_first_command(markdown, LINK_LINE.format(link=link))


def _fill_placeholders(markdown: str, config) -> str:
    data = _built.get("data") or build_zipapp()
    site_url = (config.get("site_url") or "").rstrip("/")
    url = f"{site_url}/{PYZ_URI}" if site_url else PYZ_URI
    major, minor = python_minimum()
    values = (hashlib.sha256(data).hexdigest(), f"{len(data):,}", url, f"{major}.{minor}")
    for placeholder, value in zip(PLACEHOLDERS, values):
        markdown = markdown.replace(placeholder, value)
    return markdown


def link_first_command(markdown: str, line: str) -> str:
    """`markdown` with `line` as a paragraph right after the block (code block or paragraph)
    that holds its first `glpi-keycheck` command, at that block's indentation."""
    lines = markdown.split("\n")
    fence: tuple[str, str, int] | None = None   # (indent, marker, opening line)
    for number, text in enumerate(lines):
        opening = FENCE.match(text)
        if fence is None and opening:
            fence = (opening.group(1), opening.group(2), number)
            continue
        if fence is not None:
            if text.strip().startswith(fence[1][0] * len(fence[1])) and text.strip().strip(fence[1][0]) == "":
                fence = None
            elif COMMAND.search(text):
                end = _fence_end(lines, number, fence[1])
                return _insert(lines, end + 1, fence[0], line)
            continue
        if INLINE_COMMAND.search(text):
            end = number
            while end + 1 < len(lines) and lines[end + 1].strip() and not FENCE.match(lines[end + 1]):
                end += 1
            indent = re.match(r"\s*(?:[-*+] |\d+\. |> )?", text).group(0)
            return _insert(lines, end + 1, " " * len(indent) if not indent.strip().startswith(">") else indent, line)
    return markdown


def _fence_end(lines: list[str], start: int, marker: str) -> int:
    for number in range(start + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith(marker[0] * len(marker)) and stripped.strip(marker[0]) == "":
            return number
    return len(lines) - 1


def _insert(lines: list[str], at: int, indent: str, line: str) -> str:
    return "\n".join(lines[:at] + ["", indent + line, ""] + lines[at:])


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "glpi-keycheck.pyz")
    target.write_bytes(build_zipapp())
    print(f"{target}: {hashlib.sha256(target.read_bytes()).hexdigest()}")
