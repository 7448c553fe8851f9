"""Key file inspection: every case a reader can meet. Pure: also runs in Pyodide."""

import base64
import os

import pytest

from checker import glpi_texts as glpi_messages
from checker.findings import CATALOGUE
from checker.keyfile import FileFacts, inspect_keyfile, symfony_parameter_references

KEY = bytes(range(32))                          # any 32 bytes are a valid key
TEXT_KEY = b"abcdefghijklmnopqrstuvwxyz123456"  # GLPI's own test suite accepts this one
SAFE_MODE = FileFacts(size=32, mode=0o600, uid=33, owner="www-data", gid=33, group="www-data")


def codes(report):
    return report.codes()


@pytest.mark.parametrize("content", [KEY, TEXT_KEY, b"\n" * 32, bytes(32)])
def test_32_bytes_are_valid(content):
    report = inspect_keyfile(content, stat=SAFE_MODE)
    assert report.kind == "glpicrypt-key"
    assert report.status == "ok"
    assert codes(report) == ["keyfile-valid"]
    assert report.fields["owner"] == "www-data" and report.fields["mode"] == "0600"


def test_the_key_never_appears_in_the_report():
    report = inspect_keyfile(TEXT_KEY, stat=SAFE_MODE).to_dict()
    assert TEXT_KEY.decode() not in repr(report)
    assert report["normalized"] is None
    assert len(report["fields"]["sha256"]) == 64


def test_missing_file():
    report = inspect_keyfile(None, read_error="missing", path="/var/glpi/config/glpicrypt.key")
    assert report.status == "error" and codes(report) == ["keyfile-missing"]
    assert "/var/glpi/config/glpicrypt.key" in report.findings[0].detail
    spec = CATALOGUE["keyfile-missing"]
    assert glpi_messages.LOG_KEYFILE_MISSING in spec.explanation
    assert glpi_messages.UI11_KEYFILE_MISSING in spec.explanation
    assert "troubleshooting/create-security-key.md" in spec.see_also


def test_unreadable_file():
    report = inspect_keyfile(None, read_error="unreadable", error_detail="Permission denied",
                             stat=FileFacts(size=32, mode=0o000, uid=0, owner="root"))
    assert report.status == "error" and codes(report) == ["keyfile-unreadable"]
    assert "Permission denied" in report.findings[0].detail
    assert report.fields["owner"] == "root" and report.fields["mode"] == "0000"
    assert glpi_messages.LOG_KEYFILE_UNREADABLE in CATALOGUE["keyfile-unreadable"].explanation


def test_content_none_needs_a_reason():
    with pytest.raises(ValueError, match="read_error"):
        inspect_keyfile(None)


def test_empty_file():
    report = inspect_keyfile(b"")
    assert report.status == "error" and codes(report) == ["keyfile-empty"]
    assert glpi_messages.LOG_KEYFILE_INVALID in CATALOGUE["keyfile-empty"].explanation


@pytest.mark.parametrize("content, size", [(KEY + b"\n", 33), (KEY + b"\r\n", 34)])
def test_trailing_line_break(content, size):
    report = inspect_keyfile(content)
    assert codes(report) == ["keyfile-trailing-newline"]
    assert f"{size} bytes" in report.findings[0].detail
    assert "head -c 32" in report.findings[0].fix


@pytest.mark.parametrize("content", [
    KEY.hex().encode(),                                  # bin2hex
    KEY.hex().upper().encode() + b"\n",
    KEY.hex()[:60].encode() + b"\n" + KEY.hex()[60:].encode() + b"\n",  # xxd -p wraps at 60
])
def test_hex_text_of_a_key(content):
    report = inspect_keyfile(content)
    assert report.status == "error" and codes(report) == ["keyfile-hex-text"]
    assert "xxd -r -p" in report.findings[0].fix and "NEW file" in report.findings[0].fix


@pytest.mark.parametrize("content", [
    base64.b64encode(KEY),
    base64.b64encode(KEY) + b"\n",                       # `base64 glpicrypt.key`
    base64.b64encode(KEY).rstrip(b"="),
    base64.b64encode(KEY) + b"\r\n",
])
def test_base64_text_of_a_key(content):
    report = inspect_keyfile(content)
    assert report.status == "error" and codes(report) == ["keyfile-base64-text"]
    assert "base64 -d" in report.findings[0].fix


@pytest.mark.parametrize("size", [1, 16, 31, 35, 40, 64, 4096])
def test_other_sizes(size):
    report = inspect_keyfile(os.urandom(size // 2) + b"\xff" * (size - size // 2))
    assert report.status == "error" and codes(report)[0] == "keyfile-wrong-size"
    assert f"{size} byte" in report.findings[0].detail


def test_text_in_glpicrypt_key_is_recognised_as_a_legacy_key():
    report = inspect_keyfile(b"my old GLPI 9.4 key\n")
    assert codes(report) == ["keyfile-wrong-size", "keyfile-legacy"]
    assert report.status == "error"


def test_glpi_key_is_recognised_by_name():
    report = inspect_keyfile(b"sY4<sT6*oK3^aN0%", path="/var/www/glpi/config/glpi.key")
    assert codes(report) == ["keyfile-legacy"]
    assert report.status == "warning"
    assert "16 bytes of text" in report.findings[0].detail


def test_empty_glpi_key():
    report = inspect_keyfile(b"", path="config/glpi.key")
    assert codes(report) == ["keyfile-empty"] and "glpi.key" in report.findings[0].fix


@pytest.mark.parametrize("mode, expected", [
    (0o600, []), (0o400, []), (0o640, []), (0o440, []),
    (0o644, ["keyfile-world-readable"]),
    (0o666, ["keyfile-world-readable", "keyfile-world-writable"]),
    (0o602, ["keyfile-world-writable"]),
])
def test_permissions(mode, expected):
    report = inspect_keyfile(KEY, stat=FileFacts(size=32, mode=mode, uid=0, owner="root"))
    assert codes(report) == ["keyfile-valid"] + expected
    assert report.status == ("warning" if expected else "ok")
    if expected:
        assert f"{mode:04o}" in report.findings[1].detail


def test_permissions_are_reported_for_broken_files_too():
    report = inspect_keyfile(KEY + b"\n", stat=FileFacts(size=33, mode=0o644))
    assert codes(report) == ["keyfile-trailing-newline", "keyfile-world-readable"]


PERCENT_KEY = b"0123456789%abcdef%" + b"x" * 14


@pytest.mark.parametrize("version", ["11.0", "11.0.6", "11.0.0"])
def test_kernel_secret_percent_warning_on_glpi_11(version):
    report = inspect_keyfile(PERCENT_KEY, glpi_version=version)
    assert codes(report) == ["keyfile-valid", "keyfile-kernel-secret-percent"]
    assert report.status == "warning"
    assert "bytes 11 to 18" in report.findings[1].detail
    assert b"abcdef" not in repr(report.to_dict()).encode()   # offsets only, not key bytes
    assert "not confirmed" in CATALOGUE["keyfile-kernel-secret-percent"].explanation


@pytest.mark.parametrize("version", [None, "9.5", "10.0", "10.0.18"])
def test_kernel_secret_check_only_for_glpi_11(version):
    assert codes(inspect_keyfile(PERCENT_KEY, glpi_version=version)) == ["keyfile-valid"]


@pytest.mark.parametrize("version", ["unknown", "11", " 11.0 ", "11.1", "v11", "10.0.99"])
def test_unknown_glpi_version_is_refused_not_guessed(version):
    with pytest.raises(ValueError, match="Accepted: 9.5, 10.0, 11.0"):
        inspect_keyfile(PERCENT_KEY, glpi_version=version)


def test_glpi_11_tab_message_from_11_0_2_only():
    shown = "on the GLPI Network tab"
    latest = inspect_keyfile(KEY + b"\n", glpi_version="11.0").findings[0].detail
    early = inspect_keyfile(KEY + b"\n", glpi_version="11.0.1").findings[0].detail
    assert f'from 11.0.2 (PR #21614), shows' in latest and shown in latest
    assert "(from 11.0.2, PR #21614, it also shows" in early


@pytest.mark.parametrize("content, references", [
    (b"%%abc%%", []),                 # "%%" is an escaped "%"
    (b"%ab cd%", []),                 # whitespace breaks a reference
    (b"%\t%", []),
    (b"%%", []),
    (b"%a%", [(0, 3)]),
    (b"x%\x80\xff%y", [(1, 5)]),      # any non-space bytes
    (b"%a%b%", [(0, 3)]),             # left to right, as preg_replace_callback
    (b"%%%a%", [(2, 5)]),
])
def test_symfony_parameter_references(content, references):
    assert symfony_parameter_references(content) == references


def test_about_half_a_percent_of_random_keys_are_at_risk():
    """Issue #22076 counts ~0.51%; a fixed sample keeps this test deterministic."""
    import random
    rng = random.Random(22076)
    at_risk = sum(bool(symfony_parameter_references(rng.randbytes(32))) for _ in range(40_000))
    assert 0.003 < at_risk / 40_000 < 0.007
