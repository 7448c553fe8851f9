"""`glpi-keycheck keyfile PATH` and `keyfile --generate PATH`: inspect or create a glpicrypt.key.

The file system is read here (bytes, size, mode, owner); `checker.keyfile` judges them.
`read_key()` is also how `decrypt`, `encrypt` and `verify` load a key, so a bad key file gets
the same words everywhere.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from dataclasses import dataclass

from ..glpi_versions import accepted, parse_glpi_version
from ..limits import MAX_INPUT  # a key file is 32 bytes; past this it is not a key file at all
from ..keyfile import FILE_TYPES, KEY_BYTES, FileFacts, inspect_keyfile, symfony_parameter_references
from ..report import Report
from .inputs import InputError, UsageError
from ..safe_text import shell_quote
from .output import OutputFailed, json_text, shown, shown_tree, silence_stdout, write, write_error
from .render import MARKS, Painter, render_findings

NEW_KEY_MODE = 0o600


@dataclass(frozen=True)
class KeyFileRead:
    content: bytes | None
    facts: FileFacts | None
    read_error: str | None = None       # "missing" | "unreadable"
    error_detail: str | None = None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "keyfile", help="inspect a glpicrypt.key file, or create a new one",
        description="Check that a glpicrypt.key holds the 32 raw bytes GLPI needs, and say what is "
                    "wrong and what to do when it does not. Reports the file's owner and mode. "
                    "The key itself is never printed. Exit status: 0 GLPI can use the file "
                    "(warnings may be printed), 1 it cannot or it could not be read, 2 wrong usage.")
    parser.add_argument("path", nargs="?", metavar="PATH", help="the key file to inspect")
    parser.add_argument("--glpi-version", metavar="V",
                        help=f"GLPI version the file is for: {accepted()}. Turns on the GLPI 11 "
                             "check for key bytes Symfony may read as a parameter, and GLPI's "
                             "own words for that version")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--generate", metavar="NEW_PATH",
                        help="write a new random 32-byte key to NEW_PATH (mode 0600); refuses to "
                             "overwrite an existing file")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.generate is not None:
        if args.path is not None:
            raise UsageError("Give either PATH to inspect or --generate NEW_PATH, not both.")
        return generate(args.generate)
    if args.path is None:
        raise UsageError("No key file given: glpi-keycheck keyfile PATH (or --generate NEW_PATH).")
    try:
        version = parse_glpi_version(args.glpi_version) if args.glpi_version is not None else None
    except ValueError as error:
        raise UsageError(str(error)) from None
    found = read_keyfile(args.path)
    report = inspect_keyfile(found.content, path=args.path, glpi_version=version,
                             stat=found.facts, read_error=found.read_error,
                             error_detail=found.error_detail)
    if args.json:
        write(json_text(report.to_dict()))
    else:
        write(render_keyfile_report(report))
    if report.status == "error" or (args.strict and report.status == "warning"):
        return 1
    return 0


# --- reading ---------------------------------------------------------------------------------

def read_keyfile(path: str) -> KeyFileRead:
    """The file's bytes and facts, or why they could not be read. Never raises for a bad file."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return KeyFileRead(None, None, "missing")
    except PermissionError:
        return KeyFileRead(None, None, "locked")
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        return KeyFileRead(None, None, "unreadable", getattr(error, "strerror", None) or str(error))
    facts = _facts(info)
    if not facts.is_regular:  # a directory, FIFO or device: never opened (a FIFO would block)
        return KeyFileRead(None, facts, "unreadable", f"it is a {FILE_TYPES.get(facts.file_type, 'special file')}")
    if info.st_size > MAX_INPUT:
        raise InputError(f"{path} is {info.st_size:,} bytes: far too large to be a key file "
                         f"(glpicrypt.key is {KEY_BYTES} bytes). Check the path.")
    try:
        with open(path, "rb") as handle:
            content = handle.read(MAX_INPUT + 1)
    except OSError as error:
        return KeyFileRead(None, facts, "unreadable", error.strerror or str(error))
    if len(content) > MAX_INPUT:
        raise InputError(f"{path} grew past {MAX_INPUT // 1024} KiB while being read: not a key file.")
    return KeyFileRead(content, facts)


def read_key(path: str) -> bytes:
    """The 32-byte key in `path`, or InputError with the key file finding's words."""
    found = read_keyfile(path)
    report = inspect_keyfile(found.content, path=path, stat=found.facts,
                             read_error=found.read_error, error_detail=found.error_detail)
    problems = [f for f in report.findings if f.severity == "error"]
    if problems or found.content is None or len(found.content) != KEY_BYTES:
        first = problems[0] if problems else report.findings[0]
        raise InputError(f"{path}: {first.title}. {first.detail} "
                         f"Run `glpi-keycheck keyfile {shell_quote(path)}` for what to do.")
    return found.content


def _facts(info: os.stat_result) -> FileFacts:
    return FileFacts(size=info.st_size, mode=stat.S_IMODE(info.st_mode), file_type=stat.S_IFMT(info.st_mode),
                     uid=info.st_uid, owner=_user_name(info.st_uid),
                     gid=info.st_gid, group=_group_name(info.st_gid))


def _user_name(uid: int) -> str | None:
    try:
        import pwd
        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return None


def _group_name(gid: int) -> str | None:
    try:
        import grp
        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return None


# --- writing a new key -------------------------------------------------------------------------

def new_key_bytes() -> bytes:
    """32 random bytes, drawn again if GLPI 11 could misread them (reported, issue #22076)."""
    while True:
        key = secrets.token_bytes(KEY_BYTES)
        if not symfony_parameter_references(key):
            return key


def generate(path: str) -> int:
    key = new_key_bytes()
    try:
        # O_EXCL: fail rather than replace anything, even a dangling symbolic link.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                             NEW_KEY_MODE)
    except FileExistsError:
        raise InputError(f"{path} already exists; glpi-keycheck never overwrites a key file. "
                         "Choose a new path, or inspect this one with "
                         f"`glpi-keycheck keyfile {shell_quote(path)}`.") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise InputError(f"Cannot create {path}: {getattr(error, 'strerror', None) or error}.") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, NEW_KEY_MODE)  # the umask may have removed bits; make it exact
        written = 0
        while written < len(key):
            written += os.write(descriptor, key[written:])
        os.fsync(descriptor)
    except OSError as error:
        os.close(descriptor)
        os.unlink(path)  # our own half-written file, never the user's
        raise InputError(f"Cannot write {path}: {error.strerror or error}.") from None
    os.close(descriptor)
    # The key is written: from here on, a failure to print must not read as a failure to write.
    try:
        info = os.stat(path)
        owner = _user_name(info.st_uid) or str(info.st_uid)
        write(f"Wrote a new random {KEY_BYTES}-byte key to {shown(path)} (mode {NEW_KEY_MODE:04o}, owner {owner}).")
        write("This is a NEW key: it cannot decrypt any value encrypted with another key. If GLPI "
              "already stores secrets, use GLPI's own `php bin/console security:change_key` instead, "
              "which re-encrypts them; otherwise enter every secret again after switching keys.")
        write("Before GLPI uses it: make the web server user its owner (for example "
              f"`chown www-data: {shell_quote(path)}`), and back it up.")
        sys.stdout.flush()
    except (OSError, ValueError, UnicodeError, OutputFailed) as error:
        silence_stdout()
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        write_error(f"wrote a new random {KEY_BYTES}-byte key to {path} (mode {NEW_KEY_MODE:04o}), "
                    f"but could not print the details ({reason}).")
    return 0


# --- rendering ---------------------------------------------------------------------------------

def render_keyfile_report(report: Report, stream=None) -> str:
    stream = stream or sys.stdout
    paint = Painter(stream)
    data = shown_tree(report.to_dict())
    fields = data["fields"] or {}
    lines = [f"{paint(MARKS[report.status], report.status)} {paint(data['headline'], 'bold')}  "
             f"({fields.get('path')})"]
    facts = _facts_line(fields)
    if facts:
        lines.append(f"  {facts}")
    if fields.get("sha256"):
        lines.append(f"  SHA-256 fingerprint: {fields['sha256']} (compare copies without showing the key)")
    lines += ["", "Findings:"] + render_findings(data["findings"], paint)
    return "\n".join(lines)


def _facts_line(fields: dict) -> str:
    parts = []
    if fields.get("size") is not None:
        parts.append(f"{fields['size']} byte{'' if fields['size'] == 1 else 's'}")
    if fields.get("mode") is not None:
        kind = fields.get("file_type")
        parts.append(f"mode {fields['mode']} ({fields['mode_text']}"
                     + (f", a {kind})" if kind and kind != "regular file" else ")"))
    if fields.get("uid") is not None:
        parts.append(f"owner {fields.get('owner') or '?'} (uid {fields['uid']})")
    if fields.get("gid") is not None:
        parts.append(f"group {fields.get('group') or '?'} (gid {fields['gid']})")
    return " · ".join(parts)
