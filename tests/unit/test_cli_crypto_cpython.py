"""`glpi-keycheck decrypt | encrypt | verify`: results, exit codes, and no traceback on bad input.

CPython only: decrypting needs the `cryptography` backend, and libsodium (PyNaCl) checks ours.
"""

import base64
import io
import json
import os
import sys

import pytest
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt

from checker.cli import main
from checker import glpi_texts as glpi_messages
from fake_stdin import FakeStdin
from samples import GLPI_KEY

PASSWORD_VALUE = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="  # MyP4ssw0rD
EMPTY_VALUE = "tBH3MhNfobeT0tdmcYbSNqhll0OTcRSSRajXtSZ980RmzLLgJC3Owg=="
OTHER_KEY_VALUE = "CUdPSEgzKroDOwM1F8lbC8WDcQUkGCxIZpdTEpp5W/PLSb70WmkaKP0Q7QY="


def run(capsys, monkeypatch, argv, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", FakeStdin(stdin))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --- decrypt -----------------------------------------------------------------------------------

def test_decrypt_prints_the_exact_secret(capsys, monkeypatch, key_file):
    code, out, err = run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, PASSWORD_VALUE])
    assert (code, out, err) == (0, "MyP4ssw0rD", "")


def test_decrypt_reads_standard_input(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, "-"],
                       stdin=PASSWORD_VALUE.encode() + b"\n")
    assert (code, out) == (0, "MyP4ssw0rD")


@pytest.mark.parametrize("value, glpi_words", [
    (OTHER_KEY_VALUE, glpi_messages.LOG_DECRYPT_FAILED),                 # T6
    ("not a valid value", glpi_messages.LOG_DECRYPT_NO_NONCE),           # T7
])
def test_decrypt_failures_say_what_glpi_says(capsys, monkeypatch, key_file, value, glpi_words):
    code, out, err = run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, value])
    assert code == 1 and out == ""
    assert glpi_words in err and err.count("\n") == 1


def test_decrypt_names_characters_that_are_not_base64(capsys, monkeypatch, key_file):
    code, _, err = run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, "pass$word!"])
    assert code == 1 and "'$'" in err and "Not a value GLPI encrypted" in err


@pytest.mark.parametrize("content, words", [
    (GLPI_KEY + b"\n", "line break at the end"),
    (GLPI_KEY.hex().encode(), "hexadecimal"),
    (base64.b64encode(GLPI_KEY), "base64"),
    (b"", "empty"),
    (GLPI_KEY[:31], "not 32 bytes"),
])
def test_a_bad_key_file_gives_the_keyfile_finding(capsys, monkeypatch, tmp_path, content, words):
    path = tmp_path / "glpicrypt.key"
    path.write_bytes(content)
    for command in (["decrypt", "--key-file", path, PASSWORD_VALUE],
                    ["encrypt", "--key-file", path, "secret"],
                    ["verify", "--key-file", path, PASSWORD_VALUE]):
        code, out, err = run(capsys, monkeypatch, command)
        assert code == 1 and out == ""
        assert words in err and f"glpi-keycheck keyfile {path}" in err


def test_a_missing_or_unreadable_key_file(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, ["decrypt", "--key-file", tmp_path / "nope", PASSWORD_VALUE])
    assert code == 1 and "Key file missing" in err
    code, _, err = run(capsys, monkeypatch, ["decrypt", "--key-file", tmp_path, PASSWORD_VALUE])
    assert code == 1 and "cannot be read" in err and "directory" in err


def test_decrypt_needs_a_key_file(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["decrypt", PASSWORD_VALUE])
    assert code == 2 and "--key-file" in err


@pytest.mark.parametrize("value, key, plaintext", [
    ("G6y/xA==", None, "test"),                                             # T9
    ("IYx+rrgV1IqUtqSD1repTQ==", None, 'zE2^oS1!mC6"dD6&'),
    ("7cjo5w==", b"custom_k3y", "test"),                                    # T10
    ("n7iLkqvGhVeXsoFVwqWEVg==", b"sY4<sT6*oK3^aN0%", 'zE2^oS1!mC6"dD6&'),
])
def test_decrypt_legacy(capsys, monkeypatch, tmp_path, value, key, plaintext):
    argv = ["decrypt", "--legacy", value]
    if key is not None:
        (tmp_path / "glpi.key").write_bytes(key)
        argv += ["--key-file", tmp_path / "glpi.key"]
    code, out, err = run(capsys, monkeypatch, argv)
    assert (code, out) == (0, plaintext)
    assert "no integrity check" in err


def test_decrypt_legacy_refuses_an_empty_glpi_key(capsys, monkeypatch, tmp_path):
    (tmp_path / "glpi.key").write_bytes(b"")
    code, _, err = run(capsys, monkeypatch, ["decrypt", "--legacy", "--key-file", tmp_path / "glpi.key", "G6y/xA=="])
    assert code == 1 and "empty" in err


# --- encrypt -----------------------------------------------------------------------------------

def _libsodium_decrypt(value: str, key: bytes) -> bytes:
    raw = base64.b64decode(value, validate=True)
    return crypto_aead_xchacha20poly1305_ietf_decrypt(raw[24:], raw[:24], raw[:24], key)


def test_encrypt_prints_a_value_glpi_decrypts(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["encrypt", "--key-file", key_file, "MyP4ssw0rD"])
    assert code == 0 and out.endswith("\n")
    assert _libsodium_decrypt(out.strip(), GLPI_KEY) == b"MyP4ssw0rD"
    code, again, _ = run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, out.strip()])
    assert again == "MyP4ssw0rD"


@pytest.mark.parametrize("stdin, flags, secret", [
    (b"s3cret\n", [], b"s3cret"),
    (b"s3cret\r\n", [], b"s3cret"),
    (b"s3cret\n\n", [], b"s3cret\n"),       # only one line break is dropped
    (b"s3cret\n", ["--keep-newline"], b"s3cret\n"),
    ("pässwörd".encode(), [], "pässwörd".encode()),
])
def test_encrypt_from_standard_input(capsys, monkeypatch, key_file, stdin, flags, secret):
    code, out, _ = run(capsys, monkeypatch, ["encrypt", "--key-file", key_file, "-", *flags], stdin=stdin)
    assert code == 0 and _libsodium_decrypt(out.strip(), GLPI_KEY) == secret


def test_encrypt_prompts_on_a_terminal(capsys, monkeypatch, key_file):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"", tty=True))
    monkeypatch.setattr("getpass.getpass", lambda prompt: "typed secret")
    code, out, _ = run(capsys, monkeypatch, ["encrypt", "--key-file", key_file])
    assert code == 0 and _libsodium_decrypt(out.strip(), GLPI_KEY) == b"typed secret"


# --- verify ------------------------------------------------------------------------------------

def test_verify_all_match_without_showing_secrets(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, PASSWORD_VALUE, EMPTY_VALUE])
    assert code == 0
    assert "decrypts all 2 values" in out
    assert "a 10-byte secret" in out and "an empty secret" in out
    assert "MyP4ssw0rD" not in out


def test_verify_names_an_82_byte_secret_with_an(capsys, monkeypatch, key_file):
    # GLPI's own test vector (tests/units/GLPIKeyTest.php) that decrypts to 82 bytes.
    value = ("lBaMoLV3u0DOZS17qDBoO4uVY56WEmYQpUg+F+WfZ8zE3Nt/nQzBajs6VNY5F1CHHKKSaAR5wGdmYfY2MLX4b7KYOBuC"
             "/JYeOUnPXvhQTe8uuAdkDxjqmRqRtY2TaNhQBPBz6ul8i+YZRwW3oPe0wssZl2uV0KONNfI=")
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, value])
    assert code == 0 and "decrypts: an 82-byte secret" in out


def test_verify_show_prints_secrets(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, "--show", PASSWORD_VALUE])
    assert code == 0 and '"MyP4ssw0rD"' in out


def test_verify_one_mismatch_fails(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, PASSWORD_VALUE, OTHER_KEY_VALUE])
    assert code == 1
    assert "decrypts 1 of 2 values" in out
    assert glpi_messages.LOG_DECRYPT_FAILED in out


def test_verify_json(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, "--json", PASSWORD_VALUE, OTHER_KEY_VALUE])
    data = json.loads(out)
    assert code == 1
    assert (data["all_match"], data["checked"], data["decrypted"]) == (False, 2, 1)
    first, second = data["results"]
    assert first["ok"] and first["plaintext_length"] == 10 and "plaintext" not in first
    assert second["error_code"] == "decrypt-failed" and second["message"] == glpi_messages.LOG_DECRYPT_FAILED
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, "--json", "--show", PASSWORD_VALUE])
    assert json.loads(out)["results"][0]["plaintext"] == "MyP4ssw0rD"


def test_verify_reads_mysql_output_from_standard_input(capsys, monkeypatch, key_file):
    stdin = f"{PASSWORD_VALUE}\nNULL\n\n{EMPTY_VALUE}\n".encode()
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, "-"], stdin=stdin)
    assert code == 0 and "decrypts all 2 values" in out and "is empty" in out


def test_verify_with_only_empty_values_checks_nothing(capsys, monkeypatch, key_file):
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", key_file, ""])
    assert code == 1 and "nothing was checked" in out


def test_verify_with_another_key(capsys, monkeypatch, tmp_path):
    other = tmp_path / "other.key"
    other.write_bytes(os.urandom(32))
    code, out, _ = run(capsys, monkeypatch, ["verify", "--key-file", other, PASSWORD_VALUE])
    assert code == 1 and "decrypts 0 of 1 value" in out


def test_commands_never_change_the_key_file(capsys, monkeypatch, key_file):
    before = (key_file.read_bytes(), key_file.stat().st_mode, key_file.stat().st_mtime_ns)
    run(capsys, monkeypatch, ["decrypt", "--key-file", key_file, PASSWORD_VALUE])
    run(capsys, monkeypatch, ["encrypt", "--key-file", key_file, "x"])
    run(capsys, monkeypatch, ["verify", "--key-file", key_file, PASSWORD_VALUE])
    assert (key_file.read_bytes(), key_file.stat().st_mode, key_file.stat().st_mtime_ns) == before


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_decrypt_on_a_terminal_escapes_control_characters(capsys, monkeypatch, key_file):
    from checker.crypto.glpi import encrypt_value
    value = encrypt_value(b"\x1b[2Jgotcha", GLPI_KEY)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["decrypt", "--key-file", str(key_file), value]) == 0
    assert "\x1b" not in terminal.getvalue()
    assert terminal.getvalue() == '\\x1b[2Jgotcha\n'
    assert "control or invisible characters" in capsys.readouterr().err


def test_decrypt_on_a_terminal_prints_a_line(monkeypatch, key_file):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["decrypt", "--key-file", str(key_file), PASSWORD_VALUE]) == 0
    assert terminal.getvalue() == "MyP4ssw0rD\n"
