"""Inspect the contents of a glpicrypt.key file: is it the 32 raw bytes GLPI needs?

Pure: the CLI (or the browser) reads the file and its metadata and passes them in; this
module only judges them. It never returns or prints the key bytes themselves.
"""

from __future__ import annotations

import hashlib
import re
import stat as stat_module
from dataclasses import dataclass, replace
from typing import Any

from .base64_strict import php_strict_decode
from . import glpi_texts as words
from .crypto.backend import KEY_BYTES
from .findings import spec
from .glpi_versions import GlpiVersion, parse_glpi_version
from .report import Finding, Report, status_from
from .safe_text import shell_quote
from .wording import counted

LEGACY_FILE_NAME = "glpi.key"          # GLPI 9.4.6 to 9.4.x
HEX_TEXT = re.compile(rb"[0-9a-fA-F]{64}")
TEXT_WHITESPACE = b" \t\r\n"
# Symfony's ParameterBag::resolveString reads "%%" as an escaped "%" and %name% as a reference.
SYMFONY_PARAMETER = re.compile(rb"%%|%([^%\s]+)%")
# "locked": a directory above the file cannot be entered, so nobody can tell whether it exists.
READ_ERRORS = ("missing", "unreadable", "locked")
DEFAULT_PATH = "config/glpicrypt.key"  # the path the catalogue's fix commands are written for
HEADLINES = {
    "ok": "GLPI can use this key file.",
    "warning": "GLPI can use this key file, but read the warnings.",
    "error": "GLPI cannot use this key file.",
}
LEGACY_HEADLINE = "This is a legacy glpi.key (the key of GLPI before 9.5), not a glpicrypt.key."
# Findings whose fix commands act on the inspected file itself: shown with its real path.
FIX_NAMES_THE_FILE = {"keyfile-unreadable", "keyfile-trailing-newline", "keyfile-hex-text",
                      "keyfile-base64-text", "keyfile-world-readable", "keyfile-world-writable"}


@dataclass(frozen=True)
class FileFacts:
    """What the file system says about the key file, gathered by the caller."""

    size: int | None = None
    mode: int | None = None            # permission bits (st_mode & 0o7777)
    uid: int | None = None
    owner: str | None = None
    gid: int | None = None
    group: str | None = None
    file_type: int = stat_module.S_IFREG  # stat's S_IFMT bits: a regular file, a directory…

    @property
    def is_regular(self) -> bool:
        return self.file_type == stat_module.S_IFREG

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "mode": None if self.mode is None else f"{self.mode:04o}",
            "mode_text": None if self.mode is None else stat_module.filemode(self.file_type | self.mode),
            "uid": self.uid, "owner": self.owner, "gid": self.gid, "group": self.group,
            "file_type": FILE_TYPES.get(self.file_type, "special file"),
        }


# What a path can be instead of a file, in words (stat's S_IFMT values).
FILE_TYPES = {
    stat_module.S_IFREG: "regular file", stat_module.S_IFDIR: "directory",
    stat_module.S_IFIFO: "named pipe (FIFO)", stat_module.S_IFCHR: "character device",
    stat_module.S_IFBLK: "block device", stat_module.S_IFSOCK: "socket",
    stat_module.S_IFLNK: "symbolic link",
}


def inspect_keyfile(content: bytes | None, *, path: str = DEFAULT_PATH,
                    glpi_version: str | GlpiVersion | None = None, stat: FileFacts | None = None,
                    read_error: str | None = None, error_detail: str | None = None) -> Report:
    """The verdict on a key file's bytes.

    `content` is None when the file could not be read; `read_error` then says why
    ("missing" or "unreadable") and `error_detail` may hold the system's words.
    `glpi_version` ("11.0", "10.0.18"…, read by `checker.glpi_versions`: anything else is a
    ValueError) turns on checks that only matter for that version.
    """
    glpi_version = parse_glpi_version(glpi_version) if glpi_version is not None else None
    report = _inspect(content, path, glpi_version, stat, read_error, error_detail)
    report.headline = LEGACY_HEADLINE if report.codes() == ["keyfile-legacy"] else HEADLINES[report.status]
    return _with_path_in_fixes(report, path)


def _inspect(content: bytes | None, path: str, glpi_version: GlpiVersion | None,
             stat: FileFacts | None, read_error: str | None, error_detail: str | None) -> Report:
    fields: dict[str, Any] = {"path": path}
    if stat is not None:
        fields.update(stat.to_dict())
    if content is None:
        if stat is not None and not stat.is_regular:
            return _not_a_file(path, stat, fields)
        return _unread(path, read_error, error_detail, fields, glpi_version)

    fields["size"] = len(content)
    is_legacy_name = _file_name(path) == LEGACY_FILE_NAME
    findings = _content_findings(content, is_legacy_name)
    if not is_legacy_name and len(content) != KEY_BYTES:
        said = glpi_says("invalid", glpi_version, path)
        findings = [replace(f, detail=f.detail + said) if f.severity == "error" else f for f in findings]
    if len(content) == KEY_BYTES and not is_legacy_name:
        fields["sha256"] = hashlib.sha256(content).hexdigest()  # compare copies without showing the key
        if _major(glpi_version) >= 11:
            findings += _kernel_secret_findings(content)
    if stat is not None and stat.mode is not None and stat.is_regular:
        findings += _permission_findings(stat.mode)
    return Report("glpicrypt-key", status_from(findings, well_formed=True), findings=findings,
                  fields=fields)


def glpi_says(problem: str, glpi_version: GlpiVersion | None, path: str) -> str:
    """GLPI's own words for a key file problem ("missing", "unreadable", "invalid")."""
    log = {"missing": words.LOG_KEYFILE_MISSING, "unreadable": words.LOG_KEYFILE_UNREADABLE,
           "invalid": words.LOG_KEYFILE_INVALID}[problem]
    major = _major(glpi_version)
    if major == 9:
        crash = {"missing": words.EXC95_KEYFILE_MISSING,
                 "invalid": words.EXC95_KEYFILE_WRONG_SIZE}.get(problem)
        return f' GLPI 9.5 fails with "{crash}".' if crash else ""
    said = f' GLPI logs "{log}"'
    if major >= 11:
        shown = {"missing": words.UI11_KEYFILE_MISSING,
                 "unreadable": words.UI11_KEYFILE_UNREADABLE % path,
                 "invalid": words.UI11_KEYFILE_INVALID}[problem]
        if glpi_version.has("tab-shows-keyfile-errors"):
            said += f' and, from 11.0.2 (PR #21614), shows "{shown}" on the GLPI Network tab.'
        else:
            said += f' (from 11.0.2, PR #21614, it also shows "{shown}" on the GLPI Network tab).'
    return said


def symfony_parameter_references(content: bytes) -> list[tuple[int, int]]:
    """(start, end) offsets of the %name% sequences Symfony would resolve in these bytes."""
    return [match.span() for match in SYMFONY_PARAMETER.finditer(content) if match.group(1)]


def _with_path_in_fixes(report: Report, path: str) -> Report:
    """Fix commands name the inspected file, so they can be pasted as they are."""
    if path == DEFAULT_PATH or not path:
        return report
    quoted = shell_quote(path)
    report.findings = [
        replace(f, fix=_retarget(f.fix, quoted)) if f.code in FIX_NAMES_THE_FILE else f
        for f in report.findings]
    return report


def _retarget(fix: str, quoted_path: str) -> str:
    if quoted_path.endswith("'"):  # quoted: the ".new" suffix must go inside the quotes
        return (fix.replace(f"{DEFAULT_PATH}.new", quoted_path[:-1] + ".new'")
                   .replace(DEFAULT_PATH, quoted_path))
    return fix.replace(DEFAULT_PATH, quoted_path)


def _unread(path: str, read_error: str | None, error_detail: str | None,
            fields: dict[str, Any], glpi_version: GlpiVersion | None) -> Report:
    if read_error not in READ_ERRORS:
        raise ValueError(f"read_error must be one of {READ_ERRORS} when content is None, not {read_error!r}")
    because = f" ({error_detail})" if error_detail else ""
    if read_error == "missing":
        finding = spec("keyfile-missing").finding(
            f"No file at {path}{because}." + glpi_says("missing", glpi_version, path))
    elif read_error == "locked":
        # PHP's file_exists() is false when stat() is denied: GLPI reports such a file as missing.
        finding = spec("keyfile-unreadable").finding(
            f"{path} cannot be reached{because}: permission denied on a directory above it. "
            "GLPI cannot see it either and reports it as missing:" + glpi_says("missing", glpi_version, path))
    else:
        finding = spec("keyfile-unreadable").finding(
            f"{path} exists but could not be read{because}." + glpi_says("unreadable", glpi_version, path))
    return Report("glpicrypt-key", "error", findings=[finding], fields=fields)


def _not_a_file(path: str, stat: FileFacts, fields: dict[str, Any]) -> Report:
    """A directory, pipe or device where the key file should be: no chmod or chown advice,
    which would change the wrong thing."""
    what = FILE_TYPES.get(stat.file_type, "special file")
    finding = spec("keyfile-unreadable").finding(
        f"{path} is a {what}, not a file: there is no key to read.",
        fix=f"Check the path. GLPI needs a regular file of 32 bytes named glpicrypt.key in its "
            f"configuration directory; {shell_quote(path)} is a {what}. If it took the key file's "
            "place, move it aside and restore glpicrypt.key from a backup.")
    return Report("glpicrypt-key", "error", findings=[finding], fields=fields)


def _content_findings(content: bytes, is_legacy_name: bool) -> list[Finding]:
    size = len(content)
    if is_legacy_name:
        return _legacy_name_findings(content)
    if size == KEY_BYTES:
        return [spec("keyfile-valid").finding(
            "32 bytes: GLPI accepts this file. (Its SHA-256 fingerprint, shown with the file "
            "facts, lets you compare copies without showing the key.)")]
    if size == 0:
        return [spec("keyfile-empty").finding("0 bytes.")]
    if size == KEY_BYTES + 1 and content.endswith(b"\n"):
        return [spec("keyfile-trailing-newline").finding("33 bytes: 32 bytes and a final line feed (\\n).")]
    if size == KEY_BYTES + 2 and content.endswith(b"\r\n"):
        return [spec("keyfile-trailing-newline").finding(
            "34 bytes: 32 bytes and a final Windows line break (\\r\\n).")]
    text_form = _text_form(content)
    if text_form:
        return [text_form]
    findings = [spec("keyfile-wrong-size").finding(f"{_bytes(size)}, not 32.")]
    if content.strip() and _is_text(content):
        findings.append(spec("keyfile-legacy").finding(
            f"The file holds {_bytes(size)} of plain text, like the legacy glpi.key of GLPI 9.4.x; "
            "glpicrypt.key must hold 32 raw bytes.",
            fix="If this is your old glpi.key, keep it as config/glpi.key and put the real "
                "glpicrypt.key (from a backup or the old server) at this path."))
    return findings


def _text_form(content: bytes) -> Finding | None:
    """A 32-byte key written as hex or base64 text (line breaks and surrounding blanks allowed)."""
    compact = b"".join(content.split())
    if HEX_TEXT.fullmatch(compact):
        return spec("keyfile-hex-text").finding(
            f"{len(content)} bytes of text: 64 hexadecimal characters"
            + _extra_whitespace(content, compact) + ", which decode to 32 bytes.")
    if 43 <= len(compact) <= 44 and not HEX_TEXT.fullmatch(compact):
        try:
            text = compact.decode("ascii")
        except UnicodeDecodeError:
            return None
        decoded = php_strict_decode(text)
        if isinstance(decoded, bytes) and len(decoded) == KEY_BYTES:
            return spec("keyfile-base64-text").finding(
                f"{len(content)} bytes of text: {len(compact)} base64 characters"
                + _extra_whitespace(content, compact) + ", which decode to 32 bytes.")
    return None


def _extra_whitespace(content: bytes, compact: bytes) -> str:
    extra = len(content) - len(compact)
    return f" plus {counted(extra, 'whitespace byte')} (line breaks, spaces)" if extra else ""


def _legacy_name_findings(content: bytes) -> list[Finding]:
    size = len(content)
    if size == 0:
        return [spec("keyfile-empty").finding(
            "0 bytes. An empty glpi.key is no key at all: GLPI would divide by its length "
            "when reading values from before 9.5.",
            fix="Restore config/glpi.key from a backup of the GLPI 9.4 installation, or delete it "
                "if no value was ever encrypted with it (GLPI then uses its built-in legacy key).")]
    kind = "text" if _is_text(content) else "binary data"
    return [spec("keyfile-legacy").finding(
        f"The file is named glpi.key and holds {_bytes(size)} of {kind}. GLPI uses its whole "
        "contents as the legacy key, line breaks included.")]


def _kernel_secret_findings(content: bytes) -> list[Finding]:
    spans = symfony_parameter_references(content)
    if not spans:
        return []
    where = ", ".join(f"bytes {start + 1} to {end}" for start, end in spans)
    return [spec("keyfile-kernel-secret-percent").finding(
        f"Symfony would read {counted(len(spans), 'parameter reference')} "
        f"in this key: {where} (\"%\", then bytes that are neither \"%\" nor whitespace, then \"%\").")]


def _permission_findings(mode: int) -> list[Finding]:
    findings = []
    shown = f"{mode:04o} ({stat_module.filemode(stat_module.S_IFREG | mode)})"
    if mode & stat_module.S_IROTH:
        findings.append(spec("keyfile-world-readable").finding(f"Mode {shown}."))
    if mode & stat_module.S_IWOTH:
        findings.append(spec("keyfile-world-writable").finding(f"Mode {shown}."))
    return findings


def _bytes(count: int) -> str:
    return f"{count} byte{'' if count == 1 else 's'}"


def _is_text(content: bytes) -> bool:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\t\r\n" for ch in text)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _major(glpi_version: GlpiVersion | None) -> int:
    """11 for "11.0" or "11.0.4"; 0 when not given, so version-only checks stay off."""
    return glpi_version.major if glpi_version is not None else 0
