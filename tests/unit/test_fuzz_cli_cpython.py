"""A bounded run of scripts/fuzz_cli.py: hostile arguments, input, files and terminals through
every subcommand (issue 13 item 12). `make fuzz` runs the long version (100,000 runs).

CPython only: it starts real `python -m checker` processes and makes FIFOs and files.
"""

import importlib.util
import io
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def fuzz_cli():
    sys.path.insert(0, str(SCRIPTS))
    loader = importlib.util.spec_from_file_location("fuzz_cli_script", SCRIPTS / "fuzz_cli.py")
    module = importlib.util.module_from_spec(loader)
    sys.modules[loader.name] = module  # its dataclasses look themselves up there
    loader.loader.exec_module(module)
    return module


def test_two_thousand_hostile_runs_end_cleanly(fuzz_cli):
    out = io.StringIO()
    figures = fuzz_cli.run(2000, seed=20261129, subprocess_every=100, out=out)
    assert "every run clean" in out.getvalue()
    # The run reached every subcommand, every kind of standard output and every exit status.
    assert set(figures["commands"]) >= {"check", "keyfile", "decrypt", "encrypt", "verify", "simulate"}
    assert set(figures["outputs"]) == {"pipe", "tty", "closed", "full", "broken"}
    assert set(figures["exits"]) == {0, 1, 2}
    assert figures["subprocess_runs"] == 20


@pytest.mark.parametrize("code, stdout, stderr, complaint", [
    (70, "", "glpi-keycheck: internal error: ValueError, please report it.\n", "exit status 70"),
    (1, "", 'Traceback (most recent call last):\n  File "x"\n', "Traceback"),
    (0, "\x1b[2J ALL GOOD\n", "", "raw control"),
    (0, "ok \u202e\n", "", "raw control"),
    (1, "", "glpi-keycheck: \x9b2J\n", "raw control or invisible characters on stderr"),
    (0, '{"a": NaN}\n', "", "not strict JSON"),
])
def test_the_judge_rejects_what_must_not_happen(fuzz_cli, code, stdout, stderr, complaint):
    case = fuzz_cli.Case(argv=["check", "--json", "x"])
    found = fuzz_cli.problems(case, code, stdout, stderr)
    assert any(complaint in problem for problem in found), found


def test_the_judge_accepts_our_colours_and_a_secret_into_a_pipe(fuzz_cli):
    assert fuzz_cli.problems(fuzz_cli.Case(argv=["check", "x"], output="tty"), 0, "\x1b[32m✓\x1b[0m ok\n", "") == []
    assert fuzz_cli.problems(fuzz_cli.Case(argv=["decrypt", "v"]), 0, "\x1b[2J", "") == []
