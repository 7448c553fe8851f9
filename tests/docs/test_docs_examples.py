"""Every CLI transcript shown in the docs is run here, so the docs cannot drift from the CLI.

A transcript is a file docs_src/cli/NAME.console, included in a page with
`--8<-- "cli/NAME.console"`. Its shape:

    $ glpi-keycheck ARGS [< INPUT]
    <what the command prints: stdout, then stderr>
    $ echo $?
    <exit status>

ARGS are split as a POSIX shell would; INPUT is a file in docs_src/cli/ fed to standard input.
Commands run in a copy of docs_src/cli/, so ARGS may name files there; key files (*.key) get
mode 0640, as on a server. A key file's owner and group depend on the machine, so they are
compared loosely: the transcript shows a realistic owner (www-data).
To rewrite the expected output after a deliberate change of the CLI:
    UPDATE_DOCS_EXAMPLES=1 .venv/bin/python -m pytest tests/docs/test_docs_examples.py
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main
from docs_site import DOCS, REPO

EXAMPLES = REPO / "docs_src" / "cli"
TRANSCRIPTS = sorted(EXAMPLES.glob("*.console"))
STATUS_LINE = "$ echo $?"
OWNER = re.compile(r"owner \S+ \(uid \d+\) · group \S+ \(gid \d+\)")


@dataclass
class Transcript:
    argv: list[str]
    stdin: Path | None
    output: str
    status: int


def parse(path: Path) -> Transcript:
    lines = path.read_text("utf-8").splitlines()
    command = lines[0]
    assert command.startswith("$ glpi-keycheck "), f"{path.name}: first line must be a glpi-keycheck command"
    words = shlex.split(command[2:])[1:]
    stdin = None
    if len(words) >= 2 and words[-2] == "<":
        stdin, words = EXAMPLES / words[-1], words[:-2]
    assert STATUS_LINE in lines, f"{path.name}: no '{STATUS_LINE}' line"
    end = lines.index(STATUS_LINE)
    return Transcript(words, stdin, "\n".join(lines[1:end]), int(lines[end + 1]))


def run(transcript: Transcript, workdir: Path, monkeypatch, capsys) -> tuple[str, int]:
    shutil.copytree(EXAMPLES, workdir)
    for key_file in workdir.rglob("*.key"):
        key_file.chmod(0o640)
    monkeypatch.delenv("GLPI_KEYCHECK_DOCS_URL", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(workdir)
    data = (workdir / transcript.stdin.name).read_bytes() if transcript.stdin else b""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status = main(transcript.argv)
    captured = capsys.readouterr()
    return (captured.out + captured.err).rstrip("\n"), status


def test_there_are_check_examples():
    assert any(parse(path).argv[:1] == ["check"] for path in TRANSCRIPTS)


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda path: path.stem)
def test_transcript_matches_the_cli(path, tmp_path, monkeypatch, capsys):
    transcript = parse(path)
    output, status = run(transcript, tmp_path / "cli", monkeypatch, capsys)
    shown_owner = OWNER.search(transcript.output)
    if shown_owner:  # machine-dependent: keep the owner the transcript shows
        output = OWNER.sub(lambda _: shown_owner.group(0), output)
    if os.environ.get("UPDATE_DOCS_EXAMPLES"):
        lines = path.read_text("utf-8").splitlines()
        path.write_text("\n".join([lines[0], output, STATUS_LINE, str(status)]) + "\n", "utf-8")
        return
    assert output == transcript.output, f"{path.name}: the CLI now prints something else"
    assert status == transcript.status, f"{path.name}: the CLI now exits with {status}"


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda path: path.stem)
def test_transcript_is_shown_in_the_docs(path):
    include = re.compile(r'--8<--\s+"cli/' + re.escape(path.name) + '"')
    assert any(include.search(md.read_text("utf-8")) for md in DOCS.rglob("*.md")), \
        f"{path.name} is not included in any page"
