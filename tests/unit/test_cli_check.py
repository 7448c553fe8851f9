"""`glpi-keycheck check`: the report as text or JSON, exit codes, and clear input errors."""

import json
import sys

import pytest

from checker.check import check
from checker.cli import main
from fake_stdin import FakeStdin
from samples import KEY


def run(capsys, monkeypatch, argv, stdin: bytes | None = None, tty=False):
    if stdin is not None or tty:
        monkeypatch.setattr(sys, "stdin", FakeStdin(stdin or b"", tty))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_exactly_the_report(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", "--json", KEY])
    report = json.loads(out)
    assert code == 0
    assert report == check(KEY).to_dict()
    assert (report["kind"], report["status"], report["normalized"]) == ("registration-key", "ok", KEY)


def test_repaired_key_exits_zero_and_shows_the_repair(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", f'"{KEY}"'])
    assert code == 0
    assert "Repaired key:" in out and KEY in out
    assert "\033[" not in out  # no colour when not on a terminal


def test_error_exits_one(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", "abcdefghijklmnopqrstuvwxyz123456".encode().hex()])
    assert code == 1
    assert "glpicrypt.key" in out


def test_reads_standard_input_with_dash_and_when_absent(capsys, monkeypatch):
    assert run(capsys, monkeypatch, ["check", "-"], stdin=KEY.encode() + b"\n")[0] == 0
    code, out, _ = run(capsys, monkeypatch, ["check", "--json"], stdin=KEY.encode())
    assert code == 0 and json.loads(out)["normalized"] == KEY


@pytest.mark.parametrize("stdin,message", [
    (b"", "Standard input is empty"),
    (b"\xff\xfe\xfd", "not UTF-8 text"),
    (b"A" * (64 * 1024 + 1), "longer than 64 KiB"),
])
def test_bad_standard_input_is_one_clear_line(capsys, monkeypatch, stdin, message):
    code, out, err = run(capsys, monkeypatch, ["check", "-"], stdin=stdin)
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_no_key_on_a_terminal_is_a_usage_error(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["check"], tty=True)
    assert code == 2 and "No key given" in err


def test_oversized_argument_is_refused(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["check", "A" * (64 * 1024 + 1)])
    assert code == 1 and "longer than 64 KiB" in err


def test_unknown_option_is_a_usage_error(capsys, monkeypatch):
    assert main(["check", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_hostile_member_cannot_reach_the_terminal(capsys, monkeypatch):
    import base64
    document = json.dumps({"owner": "\x1b[2J\x1b]0;pwned\x07", "signature": "c2ln"})
    code, out, _ = run(capsys, monkeypatch, ["check", base64.b64encode(document.encode()).decode()])
    assert code == 0 and "\x1b" not in out and "\\u001b[2J" in out


def test_report_is_markdown_with_the_key_redacted(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", "--report", KEY])
    assert code == 0
    assert out.startswith("### GLPI registration check")
    assert f"`{KEY[:6]}…[redacted, {len(KEY)} characters]`" in out
    assert KEY[6:14] not in out and "admin@example.org" not in out
    assert check(KEY).headline in out


def test_report_and_json_cannot_be_combined(capsys, monkeypatch):
    assert main(["check", "--report", "--json", KEY]) == 2
    assert "not allowed with" in capsys.readouterr().err
