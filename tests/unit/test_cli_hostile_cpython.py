"""Regression tests for issue 13: no traceback, no terminal injection, no harmful advice.

Each test names the defect it guards. CPython only: most run `python -m checker` as a shell
would (bytes as arguments, a locale, a closed or full standard output).
"""

import base64
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.safe_text import shown
from fake_stdin import FakeStdin
from samples import GLPI_KEY, KEY

ROOT = Path(__file__).resolve().parents[2]
PASSWORD_VALUE = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="  # MyP4ssw0rD
SCREEN_CLEAR = {"\x1b[2J\x1b[H\x1b[32mALL GOOD\x1b[0m": 1, "signature": "c2ln"}
RAW_CONTROLS = ("\x1b", "\x9b", "\u202e", "\u2066", "\x07")


def cli(*args, stdin=b"", env=None, stdout=subprocess.PIPE, preexec_fn=None):
    """`python -m checker ARGS` with bytes arguments, as a shell passes them."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING", "NO_COLOR"))}
    environment.update({"PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}, **(env or {}))
    argv = [sys.executable, "-m", "checker"] + [a if isinstance(a, bytes) else str(a).encode() for a in args]
    result = subprocess.run(argv, input=stdin, stdout=stdout, stderr=subprocess.PIPE, env=environment,
                            timeout=120, preexec_fn=preexec_fn)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    return result


def in_process(capsys, monkeypatch, argv, stdin=None, tty=False):
    if stdin is not None or tty:
        monkeypatch.setattr(sys, "stdin", FakeStdin(stdin or b"", tty))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def no_raw_controls(text: str):
    assert not any(ch in text for ch in RAW_CONTROLS), repr(text)


# --- item 1: nothing from the input reaches the terminal raw --------------------------------

def test_a_member_name_cannot_clear_the_screen(capsys, monkeypatch):
    key = base64.b64encode(json.dumps(SCREEN_CLEAR).encode()).decode()
    code, out, _ = in_process(capsys, monkeypatch, ["check", key])
    no_raw_controls(out)
    assert "\\u001b[2J" in out or "\\x1b[2J" in out


def test_c1_and_bidi_controls_in_members_are_escaped_in_text_and_json(capsys, monkeypatch):
    key = base64.b64encode(json.dumps({"a\u009b2J": "\u202egnp.exe\u2066", "signature": "c2ln"},
                                      ensure_ascii=False).encode()).decode()
    for argv in (["check", key], ["check", "--json", key]):
        code, out, _ = in_process(capsys, monkeypatch, argv)
        no_raw_controls(out)
    assert json.loads(out)["fields"] == {"a\u009b2J": "\u202egnp.exe\u2066"}  # same value, escaped


def test_a_label_with_an_escape_sequence_is_shown_escaped(capsys, monkeypatch):
    code, out, err = in_process(capsys, monkeypatch, ["check", f"\x1b[2J\x1b[32mAll good: {KEY}"])
    no_raw_controls(out + err)
    assert "\\x1b[2J" in out


def test_file_names_and_secrets_are_escaped(capsys, monkeypatch, tmp_path):
    hostile = tmp_path / "\x1b[2Jk\u202e.key"
    hostile.write_bytes(GLPI_KEY + b"\n")
    code, out, err = in_process(capsys, monkeypatch, ["keyfile", hostile])
    no_raw_controls(out + err)
    code, out, err = in_process(capsys, monkeypatch, ["verify", "--show", "--key-file", hostile, PASSWORD_VALUE])
    no_raw_controls(out + err)


def test_verify_show_escapes_a_hostile_secret(capsys, monkeypatch, key_file):
    from checker.crypto.glpi import encrypt_value
    value = encrypt_value("\x1b]0;owned\x07\u202e".encode(), GLPI_KEY)
    for argv in (["verify", "--show", "--key-file", key_file, value],
                 ["verify", "--show", "--json", "--key-file", key_file, value]):
        code, out, err = in_process(capsys, monkeypatch, argv)
        assert code == 0
        no_raw_controls(out + err)


def test_usage_errors_do_not_echo_controls(capsys, monkeypatch):
    code, out, err = in_process(capsys, monkeypatch, ["check", "--\x1b[2Jbogus"])
    assert code == 2
    no_raw_controls(err)


# --- item 2: any output encoding ---------------------------------------------------------------

ENCODINGS = [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
             {"LANG": "fr_FR.ISO-8859-1", "LC_ALL": "fr_FR.ISO-8859-1"}, {"LANG": "C", "LC_ALL": "C"}]


@pytest.mark.parametrize("env", ENCODINGS, ids=lambda env: ",".join(env.values()))
def test_every_command_prints_in_any_encoding(env, key_file, tmp_path):
    commands = [("check", KEY), ("check", "x"), ("check", "--json", KEY), ("keyfile", key_file),
                ("simulate", "--scenario", "dns-failure"), ("simulate", "--list"), ("--help",),
                ("verify", "--key-file", key_file, PASSWORD_VALUE), ("decrypt", "--key-file", key_file, PASSWORD_VALUE),
                ("keyfile", "--generate", tmp_path / f"clé-{len(env)}-{list(env.values())[0]}.key")]
    for command in commands:
        result = cli(*command, env=env)
        assert result.returncode in (0, 1), (command, result.stderr)
        assert b"UnicodeEncodeError" not in result.stderr
    if env.get("PYTHONIOENCODING") == "ascii":
        out = cli("check", KEY, env=env).stdout.decode("ascii")
        assert out.startswith("+ Well-formed")  # an ASCII mark instead of ✓


# --- item 3: undecodable arguments ---------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("encrypt", "--key-file", "KEYFILE", b"\xff"),
    ("keyfile", b"/tmp/\xffx"),
    ("check", b"Registration key: \xff" + KEY.encode()),
    ("verify", "--key-file", "KEYFILE", b"\xffLO/9"),
    ("simulate", "--scenario", b"dns\xff"),
])
def test_bytes_that_are_not_utf8_in_an_argument_give_one_line(args, key_file):
    args = [str(key_file) if a == "KEYFILE" else a for a in args]
    result = cli(*args)
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert b"not valid UTF-8 text (byte \\xff)" in result.stderr


def test_generate_never_reports_failure_after_writing_the_key(tmp_path):
    target = tmp_path / "new.key"
    with open("/dev/full", "wb") as full:
        result = cli("keyfile", "--generate", target, stdout=full)
    assert target.read_bytes() and len(target.read_bytes()) == 32
    assert result.returncode == 0
    assert b"wrote a new random 32-byte key to" in result.stderr


def test_generate_with_a_non_ascii_name_in_an_ascii_locale(tmp_path):
    target = tmp_path / "clé.key"
    result = cli("keyfile", "--generate", target, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and len(target.read_bytes()) == 32
    assert b"Wrote a new random" in result.stdout


# --- item 4: output failures -------------------------------------------------------------------

ALL_COMMANDS = [("check", KEY), ("check", "--json", "x"), ("keyfile", "KEYFILE"), ("keyfile", "--generate", "NEW"),
                ("decrypt", "--key-file", "KEYFILE", PASSWORD_VALUE), ("encrypt", "--key-file", "KEYFILE", "s3cret"),
                ("verify", "--key-file", "KEYFILE", PASSWORD_VALUE), ("simulate", "--list"),
                ("simulate", "--scenario", "dns-failure"), ("--help",), ("--version",)]


def _args(command, key_file, tmp_path, tag):
    return [str(key_file) if a == "KEYFILE" else str(tmp_path / f"new-{tag}.key") if a == "NEW" else a for a in command]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_closed_standard_output_is_one_line_and_exit_1(command, key_file, tmp_path):
    result = cli(*_args(command, key_file, tmp_path, "closed"), stdout=None, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "glpi-keycheck: standard output is closed: nothing could be printed."


@pytest.mark.parametrize("command", [c for c in ALL_COMMANDS if c[:2] != ("keyfile", "--generate")],
                         ids=lambda c: " ".join(c[:2]))
def test_full_standard_output_is_one_line_and_exit_1(command, key_file, tmp_path):
    with open("/dev/full", "wb") as full:
        result = cli(*_args(command, key_file, tmp_path, "full"), stdout=full)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1] == \
        "glpi-keycheck: cannot write to standard output (No space left on device)."


def test_a_broken_pipe_is_silent(key_file):
    argv = [sys.executable, "-m", "checker", "simulate", "--scenario", "dns-failure"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    process.stdout.close()  # the reader went away, as `| head -0` would
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert stderr == b""


# --- item 5: Ctrl-D at the encrypt prompt ------------------------------------------------------

def test_ctrl_d_at_the_encrypt_prompt(capsys, monkeypatch, key_file):
    import getpass

    def end_of_input(prompt=""):
        raise EOFError
    monkeypatch.setattr(getpass, "getpass", end_of_input)
    code, out, err = in_process(capsys, monkeypatch, ["encrypt", "--key-file", key_file], tty=True)
    assert code == 1 and out == ""
    assert err == "glpi-keycheck: No secret entered (end of input): nothing was encrypted.\n"


# --- item 6: JSON output is strict JSON ------------------------------------------------------

@pytest.mark.parametrize("document", [b'{"signature":"x","big":1e999}', b'{"signature":"x","n":' + b"7" * 5000 + b"}",
                                      b'"\\ud800"', b'{"signature":"x","a":NaN}'])
def test_check_json_is_strict_json(capsys, monkeypatch, document):
    code, out, err = in_process(capsys, monkeypatch, ["check", "--json", base64.b64encode(document).decode()])
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in --json output"))


# --- item 7: advice that cannot hurt -----------------------------------------------------------

def test_generate_quotes_the_path_in_its_advice(capsys, monkeypatch, tmp_path):
    target = tmp_path / "my key;echo PWNED"
    code, out, _ = in_process(capsys, monkeypatch, ["keyfile", "--generate", target])
    assert code == 0
    command = out.split("`chown ")[1].split("`")[0]
    assert shlex.split(command) == ["www-data:", str(target)]


def test_fix_commands_quote_the_path(capsys, monkeypatch, tmp_path):
    target = tmp_path / "a b;touch PWNED"
    target.write_bytes(GLPI_KEY)
    target.chmod(0o644)
    code, out, _ = in_process(capsys, monkeypatch, ["keyfile", target])
    assert f"chmod o-rwx {shlex.quote(str(target))}" in out


@pytest.mark.parametrize("make, what", [
    (lambda p: p.mkdir(), "directory"),
    (lambda p: os.mkfifo(p), "named pipe (FIFO)"),
    (None, "character device"),
])
def test_no_chown_or_chmod_advice_for_what_is_not_a_file(capsys, monkeypatch, tmp_path, make, what):
    path = "/dev/null" if make is None else tmp_path / "glpicrypt.key"
    if make:
        make(path)
    code, out, _ = in_process(capsys, monkeypatch, ["keyfile", path])
    assert code == 1
    assert "`chown" not in out and "`chmod" not in out and "chown www-data" not in out
    assert f"a {what})" in out.splitlines()[1]  # the mode line says what it is
    assert f"is a {what}, not a file" in out


# --- item 9: the small ones ------------------------------------------------------------------

def test_simulate_list_json(capsys, monkeypatch):
    code, out, _ = in_process(capsys, monkeypatch, ["simulate", "--list", "--json"])
    scenarios = json.loads(out)
    assert code == 0 and "dns-failure" in [s["id"] for s in scenarios]


@pytest.mark.parametrize("value, why", [("", "the value is empty"), ("!!!", "holds no base64 characters")])
def test_decrypt_legacy_says_why_nothing_decrypted(capsys, monkeypatch, value, why):
    code, out, err = in_process(capsys, monkeypatch, ["decrypt", "--legacy", value])
    assert code == 1 and out == "" and why in err


def test_verify_reads_standard_input_once_and_says_so(capsys, monkeypatch, key_file):
    code, out, err = in_process(capsys, monkeypatch, ["verify", "--key-file", key_file, "-", "-"],
                                stdin=PASSWORD_VALUE.encode() + b"\n")
    assert code == 0 and "decrypts all 1 value" in out
    assert "standard input is read once" in err


def test_decrypt_with_two_lines_says_it_got_two_values(capsys, monkeypatch, key_file):
    code, out, err = in_process(capsys, monkeypatch, ["decrypt", "--key-file", key_file, "-"],
                                stdin=f"{PASSWORD_VALUE}\n{PASSWORD_VALUE}\n".encode())
    assert code == 1 and out == ""
    assert "Standard input holds 2 values" in err


@pytest.mark.parametrize("value, coloured", [("", True), ("1", False)])
def test_an_empty_no_color_does_not_disable_colour(monkeypatch, value, coloured):
    from checker.cli.render import Painter

    class Terminal:
        def isatty(self):
            return True
    monkeypatch.setenv("NO_COLOR", value)
    monkeypatch.delenv("TERM", raising=False)
    assert Painter(Terminal()).enabled is coloured


def test_a_secret_that_is_not_utf8_is_flagged_on_a_terminal(capsys, monkeypatch, key_file):
    import io
    from checker.crypto.glpi import encrypt_value

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["decrypt", "--key-file", str(key_file), encrypt_value(b"ab\xffcd", GLPI_KEY)]) == 0
    assert terminal.getvalue() == "ab\\xffcd\n"
    assert "not UTF-8 text" in capsys.readouterr().err


def test_a_damaged_key_after_a_word_is_not_a_label(capsys, monkeypatch):
    code, out, _ = in_process(capsys, monkeypatch, ["check", "--json", f"x {KEY[:50]}:{KEY[50:]}"])
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert "paste-label" not in codes


def test_a_locked_directory_quotes_glpis_missing_key_log_line(capsys, monkeypatch, tmp_path):
    from checker import glpi_texts
    path = tmp_path / "glpicrypt.key"

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "stat", denied)
    code, out, _ = in_process(capsys, monkeypatch, ["keyfile", "--glpi-version", "10.0", path])
    assert code == 1
    assert "permission denied on a directory above it" in out
    assert glpi_texts.LOG_KEYFILE_MISSING in out
    assert glpi_texts.LOG_KEYFILE_UNREADABLE not in out


# --- item 10: the last line of defence ----------------------------------------------------

def test_an_unexpected_exception_is_one_line_and_exit_70(capsys, monkeypatch):
    import checker.cli.check_cmd as check_cmd

    def broken(value):
        raise ZeroDivisionError(f"secret input {value}")
    monkeypatch.setattr(check_cmd, "check", broken)
    code, out, err = in_process(capsys, monkeypatch, ["check", KEY])
    assert code == 70 and out == ""
    assert err == "glpi-keycheck: internal error: ZeroDivisionError, please report it.\n"
    assert KEY not in err


def test_shown_is_what_every_renderer_uses():
    assert shown("\x1b[2J") == "\\x1b[2J"
