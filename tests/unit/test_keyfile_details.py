"""Key file inspection, word for word: what the report tells about the file (its size, what it
holds, GLPI's own message per version, the fix commands for this very path). Pure: also runs
in Pyodide."""

import base64
import hashlib
import shlex
import stat

import pytest

from checker import glpi_texts as glpi_messages
from checker.findings import CATALOGUE
from checker.keyfile import FileFacts, glpi_says, inspect_keyfile

KEY = bytes(range(32))
PATH = "/etc/glpi/glpicrypt.key"
INVALID = ' GLPI logs "Invalid security key file contents."'


def details(report):
    return [(f.code, f.detail) for f in report.findings]


@pytest.mark.parametrize("content, code, detail", [
    (b"", "keyfile-empty", "0 bytes."),
    (b"\x00", "keyfile-wrong-size", "1 byte, not 32."),
    (KEY[:31], "keyfile-wrong-size", "31 bytes, not 32."),
    (KEY + b"\n", "keyfile-trailing-newline", "33 bytes: 32 bytes and a final line feed (\\n)."),
    (KEY + b"x", "keyfile-wrong-size", "33 bytes, not 32."),
    (KEY + b"\r\n", "keyfile-trailing-newline",
     "34 bytes: 32 bytes and a final Windows line break (\\r\\n)."),
    (KEY + b"\n\n", "keyfile-wrong-size", "34 bytes, not 32."),
    (KEY + b"\n\r", "keyfile-wrong-size", "34 bytes, not 32."),
    (b"   \n", "keyfile-wrong-size", "4 bytes, not 32."),      # blank: no legacy key either
])
def test_the_size_and_what_the_extra_bytes_are(content, code, detail):
    report = inspect_keyfile(content)
    assert details(report) == [(code, detail + INVALID)]
    assert (report.status, report.headline) == ("error", "GLPI cannot use this key file.")
    assert report.fields == {"path": "config/glpicrypt.key", "size": len(content)}


@pytest.mark.parametrize("content, detail", [
    (KEY.hex().encode(), "64 bytes of text: 64 hexadecimal characters, which decode to 32 bytes."),
    (KEY.hex().upper().encode() + b"\n", "65 bytes of text: 64 hexadecimal characters plus 1 whitespace "
                                         "byte (line breaks, spaces), which decode to 32 bytes."),
    (b" " + KEY.hex()[:32].encode() + b"\r\n" + KEY.hex()[32:].encode() + b"\r\n",
     "69 bytes of text: 64 hexadecimal characters plus 5 whitespace bytes (line breaks, spaces), which "
     "decode to 32 bytes."),
])
def test_a_key_written_as_hex_text(content, detail):
    assert details(inspect_keyfile(content)) == [("keyfile-hex-text", detail + INVALID)]


@pytest.mark.parametrize("content, detail", [
    (base64.b64encode(KEY), "44 bytes of text: 44 base64 characters, which decode to 32 bytes."),
    (base64.b64encode(KEY).rstrip(b"="), "43 bytes of text: 43 base64 characters, which decode to 32 bytes."),
    (base64.b64encode(KEY) + b"\n", "45 bytes of text: 44 base64 characters plus 1 whitespace byte "
                                    "(line breaks, spaces), which decode to 32 bytes."),
    (base64.b64encode(KEY) + b"\r\n", "46 bytes of text: 44 base64 characters plus 2 whitespace bytes "
                                      "(line breaks, spaces), which decode to 32 bytes."),
])
def test_a_key_written_as_base64_text(content, detail):
    assert details(inspect_keyfile(content)) == [("keyfile-base64-text", detail + INVALID)]


@pytest.mark.parametrize("content", [
    b"A" * 43 + b"B",                       # 44 base64 characters, 33 bytes once decoded
    b"A" * 42,                               # 42 characters: 31 bytes
    b"A" * 45,
    "é".encode() + b"A" * 41,                # 43 characters, not all ASCII
    b"0" * 63, b"0" * 65,                    # hex digits, one too few or too many
])
def test_text_that_decodes_to_another_size_is_a_legacy_looking_text(content):
    size = len(content)
    assert details(inspect_keyfile(content)) == [
        ("keyfile-wrong-size", f"{size} bytes, not 32." + INVALID),
        ("keyfile-legacy", f"The file holds {size} bytes of plain text, like the legacy glpi.key of GLPI "
                           "9.4.x; glpicrypt.key must hold 32 raw bytes.")]


@pytest.mark.parametrize("content, is_text", [
    (b"my old key\n", True), (b"tab\tand\r\nbreaks", True), ("clé £".encode(), True),
    (b"bell\x07", False), (b"\xff\xfe", False), (b"nul\x00", False), (b"\x1b[2J", False),
])
def test_only_printable_text_is_taken_for_a_legacy_key(content, is_text):
    codes = inspect_keyfile(content).codes()
    assert codes == (["keyfile-wrong-size", "keyfile-legacy"] if is_text else ["keyfile-wrong-size"])


def test_a_legacy_looking_text_says_what_to_do():
    legacy = inspect_keyfile(b"my old key\n").findings[1]
    assert legacy.fix == ("If this is your old glpi.key, keep it as config/glpi.key and put the real "
                          "glpicrypt.key (from a backup or the old server) at this path.")


def test_a_valid_key_and_its_fingerprint():
    report = inspect_keyfile(KEY, path=PATH)
    assert details(report) == [("keyfile-valid", "32 bytes: GLPI accepts this file. (Its SHA-256 fingerprint, "
                                "shown with the file facts, lets you compare copies without showing the key.)")]
    assert (report.status, report.headline) == ("ok", "GLPI can use this key file.")
    assert report.fields == {"path": PATH, "size": 32, "sha256": hashlib.sha256(KEY).hexdigest()}


@pytest.mark.parametrize("path", ["config/glpi.key", "/var/www/glpi/config/glpi.key", "C:\\glpi\\config\\glpi.key",
                                  "config/glpi.key/"])
def test_a_file_named_glpi_key_is_the_legacy_key(path):
    report = inspect_keyfile(b"sY4<sT6*oK3^aN0%\n", path=path)
    assert details(report) == [("keyfile-legacy", "The file is named glpi.key and holds 17 bytes of text. GLPI "
                                "uses its whole contents as the legacy key, line breaks included.")]
    assert (report.status, report.headline) == (
        "warning", "This is a legacy glpi.key (the key of GLPI before 9.5), not a glpicrypt.key.")
    assert "sha256" not in report.fields


@pytest.mark.parametrize("content, said", [(KEY, "32 bytes of binary data"), (b"\xff", "1 byte of binary data")])
def test_a_binary_glpi_key_is_still_its_legacy_key(content, said):
    report = inspect_keyfile(content, path="config/glpi.key", glpi_version="11.0")
    assert details(report) == [("keyfile-legacy", f"The file is named glpi.key and holds {said}. GLPI uses "
                                "its whole contents as the legacy key, line breaks included.")]
    assert "sha256" not in report.fields


@pytest.mark.parametrize("name", ["myglpi.key", "glpi.key.bak", "glpi.keys", "glpi.keyX"])
def test_only_the_exact_name_glpi_key_is_the_legacy_key(name):
    assert inspect_keyfile(b"legacy text", path=f"config/{name}").codes() == [
        "keyfile-wrong-size", "keyfile-legacy"]


def test_an_empty_glpi_key_is_no_key():
    report = inspect_keyfile(b"", path="config/glpi.key")
    finding = report.findings[0]
    assert (finding.code, report.status, report.headline) == ("keyfile-empty", "error", "GLPI cannot use this key file.")
    assert finding.detail == ("0 bytes. An empty glpi.key is no key at all: GLPI would divide by its length "
                              "when reading values from before 9.5.")
    assert finding.fix == ("Restore config/glpi.key from a backup of the GLPI 9.4 installation, or delete it if "
                           "no value was ever encrypted with it (GLPI then uses its built-in legacy key).")


UI11_MISSING = glpi_messages.UI11_KEYFILE_MISSING
UI11_UNREADABLE = glpi_messages.UI11_KEYFILE_UNREADABLE % PATH
UI11_INVALID = glpi_messages.UI11_KEYFILE_INVALID


@pytest.mark.parametrize("problem, version, said", [
    ("missing", None, ' GLPI logs "You must create a security key, see security:change_key command."'),
    ("missing", "9.5", ' GLPI 9.5 fails with "You must create a security key, see glpi:security:change_key command.".'),
    ("invalid", "9.5", ' GLPI 9.5 fails with "secret key size should be '
                       'SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes".'),
    ("unreadable", "9.5", ""),
    ("unreadable", "10.0", ' GLPI logs "Unable to get security key file contents."'),
    ("invalid", "10.0.18", INVALID),
    ("missing", "11.0.1", ' GLPI logs "You must create a security key, see security:change_key command." '
                          f'(from 11.0.2, PR #21614, it also shows "{UI11_MISSING}" on the GLPI Network tab).'),
    ("unreadable", "11.0.1", ' GLPI logs "Unable to get security key file contents." (from 11.0.2, PR #21614, '
                             f'it also shows "{UI11_UNREADABLE}" on the GLPI Network tab).'),
    ("invalid", "11.0.2", f'{INVALID} and, from 11.0.2 (PR #21614), shows "{UI11_INVALID}" on the GLPI Network tab.'),
    ("unreadable", "11.0", ' GLPI logs "Unable to get security key file contents." and, from 11.0.2 (PR #21614), '
                           f'shows "{UI11_UNREADABLE}" on the GLPI Network tab.'),
])
def test_glpis_own_words_per_version(problem, version, said):
    from checker.glpi_versions import parse_glpi_version
    assert glpi_says(problem, parse_glpi_version(version) if version else None, PATH) == said


@pytest.mark.parametrize("version", [None, "9.5", "10.0", "11.0.1", "11.0"])
def test_a_wrong_size_says_what_glpi_says(version):
    from checker.glpi_versions import parse_glpi_version
    said = glpi_says("invalid", parse_glpi_version(version) if version else None, PATH)
    report = inspect_keyfile(b"my old key", path=PATH, glpi_version=version)
    assert details(report) == [
        ("keyfile-wrong-size", "10 bytes, not 32." + said),    # GLPI's words on the error only
        ("keyfile-legacy", "The file holds 10 bytes of plain text, like the legacy glpi.key of GLPI 9.4.x; "
                           "glpicrypt.key must hold 32 raw bytes.")]


@pytest.mark.parametrize("read_error, error_detail, code, detail", [
    ("missing", None, "keyfile-missing", f"No file at {PATH}."),
    ("missing", "No such file or directory", "keyfile-missing", f"No file at {PATH} (No such file or directory)."),
    ("unreadable", "Permission denied", "keyfile-unreadable",
     f"{PATH} exists but could not be read (Permission denied)."),
    ("unreadable", None, "keyfile-unreadable", f"{PATH} exists but could not be read."),
    ("locked", "Permission denied", "keyfile-unreadable",
     f"{PATH} cannot be reached (Permission denied): permission denied on a directory above it. GLPI cannot "
     "see it either and reports it as missing:"),
    ("locked", None, "keyfile-unreadable",
     f"{PATH} cannot be reached: permission denied on a directory above it. GLPI cannot see it either and "
     "reports it as missing:"),
])
@pytest.mark.parametrize("version", [None, "9.5", "11.0"])
def test_a_file_that_could_not_be_read(read_error, error_detail, code, detail, version):
    from checker.glpi_versions import parse_glpi_version
    problem = "missing" if read_error == "locked" else read_error
    said = glpi_says(problem, parse_glpi_version(version) if version else None, PATH)
    report = inspect_keyfile(None, path=PATH, read_error=read_error, error_detail=error_detail, glpi_version=version)
    assert details(report) == [(code, detail + said)]
    assert (report.status, report.headline) == ("error", "GLPI cannot use this key file.")
    assert report.fields == {"path": PATH}
    assert report.kind == "glpicrypt-key"


@pytest.mark.parametrize("read_error", [None, "gone", "Missing"])
def test_an_unknown_reason_for_no_content_is_refused(read_error):
    with pytest.raises(ValueError) as raised:
        inspect_keyfile(None, read_error=read_error)
    assert str(raised.value) == ("read_error must be one of ('missing', 'unreadable', 'locked') when content "
                                 f"is None, not {read_error!r}")


@pytest.mark.parametrize("file_type, what", [
    (stat.S_IFDIR, "directory"), (stat.S_IFIFO, "named pipe (FIFO)"), (stat.S_IFCHR, "character device"),
    (stat.S_IFBLK, "block device"), (stat.S_IFSOCK, "socket"), (stat.S_IFLNK, "symbolic link"),
    (0o160000, "special file"),
])
def test_something_else_than_a_file_at_the_path(file_type, what):
    facts = FileFacts(size=4096, mode=0o755, uid=0, owner="root", gid=0, group="root", file_type=file_type)
    report = inspect_keyfile(None, path="/etc/my glpi/glpicrypt.key", stat=facts, read_error="unreadable")
    finding = report.findings[0]
    assert (finding.code, finding.detail) == (
        "keyfile-unreadable", f"/etc/my glpi/glpicrypt.key is a {what}, not a file: there is no key to read.")
    assert finding.fix == (
        "Check the path. GLPI needs a regular file of 32 bytes named glpicrypt.key in its configuration "
        f"directory; '/etc/my glpi/glpicrypt.key' is a {what}. If it took the key file's place, move it "
        "aside and restore glpicrypt.key from a backup.")
    assert "chmod" not in finding.fix and "chown" not in finding.fix
    assert report.fields["file_type"] == what
    assert (report.kind, report.status, report.headline) == ("glpicrypt-key", "error", "GLPI cannot use this key file.")
    assert report.fields["mode"] == "0755" and report.fields["owner"] == "root"


def test_file_facts_as_shown():
    facts = FileFacts(size=32, mode=0o640, uid=33, owner="www-data", gid=0, group="root")
    assert facts.to_dict() == {"size": 32, "mode": "0640", "mode_text": "-rw-r-----", "uid": 33,
                               "owner": "www-data", "gid": 0, "group": "root", "file_type": "regular file"}
    assert FileFacts().to_dict() == {"size": None, "mode": None, "mode_text": None, "uid": None, "owner": None,
                                     "gid": None, "group": None, "file_type": "regular file"}
    assert FileFacts(mode=0o755, file_type=stat.S_IFDIR).to_dict()["mode_text"] == "drwxr-xr-x"


@pytest.mark.parametrize("mode, found", [
    (0o600, []), (0o640, []), (0o660, []), (0o670, []),
    (0o604, ["keyfile-world-readable"]), (0o602, ["keyfile-world-writable"]),
    (0o601, []),                                  # others may only execute it: nothing to read
    (0o606, ["keyfile-world-readable", "keyfile-world-writable"]),
    (0o4777, ["keyfile-world-readable", "keyfile-world-writable"]),
])
def test_permissions_others_have(mode, found):
    report = inspect_keyfile(KEY, stat=FileFacts(size=32, mode=mode))
    shown = f"{mode:04o} ({stat.filemode(stat.S_IFREG | mode)})"
    assert details(report)[1:] == [(code, f"Mode {shown}.") for code in found]
    assert report.status == ("warning" if found else "ok")


def test_permissions_of_something_else_than_a_file_are_not_judged():
    facts = FileFacts(mode=0o777, file_type=stat.S_IFDIR)
    assert inspect_keyfile(KEY, stat=facts).codes() == ["keyfile-valid"]


@pytest.mark.parametrize("content, detail", [
    (b"%ab%" + bytes(28), 'Symfony would read 1 parameter reference in this key: bytes 1 to 4 ("%", then bytes '
                          'that are neither "%" nor whitespace, then "%").'),
    (b"%ab%" + bytes(24) + b"%c%%", 'Symfony would read 2 parameter references in this key: bytes 1 to 4, bytes '
                                    '29 to 31 ("%", then bytes that are neither "%" nor whitespace, then "%").'),
])
def test_percent_references_in_a_glpi_11_key(content, detail):
    report = inspect_keyfile(content, glpi_version="11.0")
    assert details(report)[1:] == [("keyfile-kernel-secret-percent", detail)]
    assert (report.status, report.headline) == ("warning", "GLPI can use this key file, but read the warnings.")


@pytest.mark.parametrize("content", [b"%%" + bytes(30), b"% a%" + bytes(28), b"%\n%" + bytes(29), b"%%a%%" + bytes(27)])
def test_escaped_or_blank_percents_are_no_reference(content):
    assert inspect_keyfile(content, glpi_version="11.0").codes() == ["keyfile-valid"]


@pytest.mark.parametrize("version", [None, "10.0", "9.5"])
def test_percent_references_matter_only_from_glpi_11(version):
    assert inspect_keyfile(b"%ab%" + bytes(28), glpi_version=version).codes() == ["keyfile-valid"]


def commands(fix):
    """The shell words of each `command` in a fix."""
    return [shlex.split(part) for part in fix.split("`")[1::2]]


@pytest.mark.parametrize("path", ["/etc/glpi/glpicrypt.key", "/srv/my glpi/glpicrypt.key", "/x/it's.key",
                                  "C:/glpi/config/glpicrypt.key"])
def test_fix_commands_act_on_the_inspected_file(path):
    report = inspect_keyfile(KEY + b"\n", path=path, stat=FileFacts(mode=0o606))
    newline, readable, writable = report.findings
    assert commands(newline.fix) == [
        ["(umask", "077;", "head", "-c", "32", path, ">", path + ".new)"],
        ["glpi-keycheck", "keyfile", path + ".new"]]
    assert commands(readable.fix) == commands(writable.fix) == [["chmod", "o-rwx", path]]
    hex_text = inspect_keyfile(KEY.hex().encode(), path=path).findings[0]
    assert commands(hex_text.fix)[0][-3:] == [path, ">", path + ".new)"]
    unreadable = inspect_keyfile(None, path=path, read_error="unreadable").findings[0]
    assert commands(unreadable.fix) == [["chown", "www-data:", path, "&&", "chmod", "600", path]]


def test_fix_commands_for_a_path_that_cannot_be_shown_keep_its_bytes():
    # bash's $'…' quoting (shlex cannot read it): ".new" goes inside the quotes.
    fix = inspect_keyfile(KEY + b"\n", path="/tmp/\x1b[2J.key").findings[0].fix
    assert "`(umask 077; head -c 32 $'/tmp/\\x1b[2J.key' > $'/tmp/\\x1b[2J.key.new')`" in fix
    assert "`glpi-keycheck keyfile $'/tmp/\\x1b[2J.key.new'`" in fix


@pytest.mark.parametrize("path", ["config/glpicrypt.key", ""])
def test_fix_commands_keep_the_default_path(path):
    report = inspect_keyfile(KEY + b"\n", path=path)
    assert report.findings[0].fix == CATALOGUE["keyfile-trailing-newline"].fix


def test_fix_commands_about_another_file_are_not_retargeted():
    legacy = inspect_keyfile(b"my old key\n", path="/etc/glpi/glpi.keyfile").findings[1]
    assert legacy.code == "keyfile-legacy" and legacy.fix == (
        "If this is your old glpi.key, keep it as config/glpi.key and put the real glpicrypt.key (from a "
        "backup or the old server) at this path.")
    empty = inspect_keyfile(b"", path="/etc/glpi/glpicrypt.key").findings[0]
    assert empty.fix == CATALOGUE["keyfile-empty"].fix


def test_a_legacy_glpi_key_is_pointed_to_the_glpicrypt_key_not_to_itself():
    legacy = inspect_keyfile(b"sY4<sT6*oK3^aN0%", path="/etc/glpi/glpi.key").findings[0]
    assert legacy.code == "keyfile-legacy" and legacy.fix == CATALOGUE["keyfile-legacy"].fix
    assert "`glpi-keycheck keyfile config/glpicrypt.key`" in legacy.fix
