"""`glpi-keycheck keyfile`: real files, owner and mode, exit codes, and --generate.

CPython only: it works on the real file system (tests run as root, so an unreadable file is
simulated with a directory or a failing open()).
"""

import builtins
import json
import os
import pwd
import stat

import pytest

from checker.cli import main
from checker.keyfile import symfony_parameter_references

KEY = bytes(range(32))


def run(capsys, argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def write(path, content, mode=0o600):
    path.write_bytes(content)
    path.chmod(mode)
    return path


def test_valid_key_file(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", KEY)
    code, out, _ = run(capsys, ["keyfile", path])
    assert code == 0
    assert "GLPI can use this key file" in out
    uid = os.getuid()  # whoever runs the tests: root in a container, a user elsewhere
    try:
        owner = pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid with no name (some containers): the CLI prints "?"
        owner = "?"
    assert "mode 0600 (-rw-------)" in out and f"owner {owner} (uid {uid})" in out
    assert KEY.hex() not in out


def test_json_report(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", KEY, 0o640)
    code, out, _ = run(capsys, ["keyfile", "--json", path])
    report = json.loads(out)
    assert code == 0
    assert report["kind"] == "glpicrypt-key" and report["status"] == "ok"
    assert report["fields"]["mode"] == "0640" and report["fields"]["uid"] == os.getuid()
    assert report["fields"]["size"] == 32 and len(report["fields"]["sha256"]) == 64


def test_world_readable_is_a_warning_and_strict_fails(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", KEY, 0o644)
    code, out, _ = run(capsys, ["keyfile", path])
    assert code == 0 and "read the warnings" in out and "keyfile-world-readable" in out
    assert f"chmod o-rwx {path}" in out
    assert run(capsys, ["keyfile", "--strict", path])[0] == 1


@pytest.mark.parametrize("content, code_name", [
    (KEY + b"\n", "keyfile-trailing-newline"),
    (KEY + b"\r\n", "keyfile-trailing-newline"),
    (KEY.hex().encode() + b"\n", "keyfile-hex-text"),
    (__import__("base64").b64encode(KEY) + b"\n", "keyfile-base64-text"),
    (b"", "keyfile-empty"),
    (KEY * 2, "keyfile-wrong-size"),
])
def test_invalid_files_exit_1_with_glpis_words(capsys, tmp_path, content, code_name):
    path = write(tmp_path / "glpicrypt.key", content)
    code, out, _ = run(capsys, ["keyfile", path])
    assert code == 1 and code_name in out
    assert "GLPI cannot use this key file" in out
    assert '"Invalid security key file contents."' in out


def test_fix_commands_name_the_real_file(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", KEY + b"\n")
    _, out, _ = run(capsys, ["keyfile", path])
    assert f"head -c 32 {path} > {path}.new" in out


def test_missing_file(capsys, tmp_path):
    code, out, _ = run(capsys, ["keyfile", "--glpi-version", "11.0", tmp_path / "glpicrypt.key"])
    assert code == 1 and "keyfile-missing" in out
    assert "You must create a security key, see security:change_key command." in out
    assert "The security key file does not exist." in out


def test_directory_in_place_of_the_file(capsys, tmp_path):
    (tmp_path / "glpicrypt.key").mkdir()
    code, out, _ = run(capsys, ["keyfile", tmp_path / "glpicrypt.key"])
    assert code == 1 and "keyfile-unreadable" in out and "directory" in out


def test_permission_denied(capsys, tmp_path, monkeypatch):
    path = write(tmp_path / "glpicrypt.key", KEY, 0o000)
    real_open = builtins.open

    def denying_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denying_open)
    code, out, _ = run(capsys, ["keyfile", path])
    assert code == 1 and "keyfile-unreadable" in out
    assert "Permission denied" in out and "mode 0000" in out
    assert '"Unable to get security key file contents."' in out


def test_legacy_glpi_key(capsys, tmp_path):
    path = write(tmp_path / "glpi.key", b"sY4<sT6*oK3^aN0%")
    code, out, _ = run(capsys, ["keyfile", path])
    assert code == 0 and "legacy glpi.key" in out


def test_kernel_secret_warning_only_for_glpi_11(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", b"%abc%" + KEY[5:])
    code, out, _ = run(capsys, ["keyfile", "--glpi-version", "11.0", path])
    assert code == 0 and "keyfile-kernel-secret-percent" in out and "bytes 1 to 5" in out
    assert run(capsys, ["keyfile", "--strict", "--glpi-version", "11.0.6", path])[0] == 1
    code, out, _ = run(capsys, ["keyfile", "--glpi-version", "10.0", path])
    assert code == 0 and "kernel-secret" not in out


@pytest.mark.parametrize("argv", [["keyfile"], ["keyfile", "a", "--generate", "b"]])
def test_usage_errors_exit_2(capsys, tmp_path, argv):
    code, _, err = run(capsys, argv)
    assert code == 2 and err.startswith("glpi-keycheck: error:")


# --- --generate --------------------------------------------------------------------------------

def test_generate_writes_32_private_bytes(capsys, tmp_path):
    path = tmp_path / "glpicrypt.key"
    code, out, _ = run(capsys, ["keyfile", "--generate", path])
    assert code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_bytes()
    assert len(content) == 32 and not symfony_parameter_references(content)
    assert "NEW key" in out and "security:change_key" in out
    assert run(capsys, ["keyfile", path])[0] == 0


def test_generate_gives_0600_whatever_the_umask(capsys, tmp_path):
    previous = os.umask(0o277)
    try:
        code, _, _ = run(capsys, ["keyfile", "--generate", tmp_path / "k"])
    finally:
        os.umask(previous)
    assert code == 0 and stat.S_IMODE((tmp_path / "k").stat().st_mode) == 0o600


def test_generate_never_overwrites(capsys, tmp_path):
    path = write(tmp_path / "glpicrypt.key", KEY, 0o640)
    code, out, err = run(capsys, ["keyfile", "--generate", path])
    assert code == 1 and out == ""
    assert "already exists" in err and "never overwrites" in err
    assert path.read_bytes() == KEY and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_generate_does_not_follow_a_dangling_symlink(capsys, tmp_path):
    link = tmp_path / "glpicrypt.key"
    link.symlink_to(tmp_path / "elsewhere")
    code, _, err = run(capsys, ["keyfile", "--generate", link])
    assert code == 1 and "already exists" in err
    assert not (tmp_path / "elsewhere").exists()


def test_generate_into_a_missing_directory(capsys, tmp_path):
    code, _, err = run(capsys, ["keyfile", "--generate", tmp_path / "no" / "glpicrypt.key"])
    assert code == 1 and "Cannot create" in err and "No such file or directory" in err


def test_generated_keys_differ(capsys, tmp_path):
    run(capsys, ["keyfile", "--generate", tmp_path / "a"])
    run(capsys, ["keyfile", "--generate", tmp_path / "b"])
    assert (tmp_path / "a").read_bytes() != (tmp_path / "b").read_bytes()
