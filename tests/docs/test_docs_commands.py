"""Every `glpi-keycheck` command written in the docs' code uses a real subcommand and real options.

Transcripts (docs_src/cli) are run by test_docs_examples.py; this catches the commands shown
without output, on every page, including pages other engineers write.
"""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from checker.cli import build_parser
from docs_site import DOCS

CODE = re.compile(r"```.*?\n(.*?)```|`([^`\n]+)`", re.S)
# `glpi-keycheck ARGS`, and `python3 glpi-keycheck.pyz ARGS` (not `scp glpi-keycheck.pyz host:`).
COMMAND = re.compile(r"(?:python3(?:\.\d+)?\s+\S*?glpi-keycheck\.pyz|glpi-keycheck)\s+([^\n|;&`]*)")


def subparsers() -> dict[str, argparse.ArgumentParser]:
    return next(action.choices for action in build_parser()._actions
                if isinstance(action, argparse._SubParsersAction))


def commands_in(markdown: str) -> list[str]:
    found = []
    for block, span in CODE.findall(markdown):
        for line in (block or span).replace("\\\n", " ").splitlines():
            line = line.split(" #")[0]  # drop shell comments
            found += [match.strip() for match in COMMAND.findall(line)]
    return found


PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_commands_use_real_subcommands_and_options(page):
    parsers = subparsers()
    wrong = []
    for command in commands_in(page.read_text("utf-8")):
        try:
            words = shlex.split(command)
        except ValueError:
            words = command.split()
        if not words or words[0] in ("-h", "--help", "--version") or words[0].isupper():
            continue  # `glpi-keycheck COMMAND [options]` and the like
        name = words[0]
        if name not in parsers:
            wrong.append(f"unknown command: glpi-keycheck {command}")
            continue
        known = {option for action in parsers[name]._actions for option in action.option_strings}
        wrong += [f"unknown option {word}: glpi-keycheck {command}" for word in words[1:]
                  if word.startswith("--") and word.split("=")[0] not in known]
    assert not wrong, "\n".join(wrong)


def test_the_scan_finds_commands():
    # Guards the test above against a regex that silently matches nothing.
    all_commands = [c for page in PAGES for c in commands_in(page.read_text("utf-8"))]
    assert any(c.startswith("keyfile") for c in all_commands)
    assert any(c.startswith("verify --key-file") for c in all_commands)
