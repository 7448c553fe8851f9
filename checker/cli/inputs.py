"""Reading what the user gave the CLI: an argument, standard input or a file. I/O lives here."""

from __future__ import annotations

import sys

from ..limits import MAX_INPUT as MAX_INPUT_BYTES
from .output import is_tty, shown


class InputError(Exception):
    """Bad input: a one-line message for the user and exit status 1."""


class UsageError(Exception):
    """Wrong use of the command: a one-line message and exit status 2."""


def read_text_argument(value: str | None, what: str = "key") -> str:
    """The argument itself, or standard input when it is "-" or absent."""
    if value is not None and value != "-":
        if len(value.encode("utf-8", "surrogateescape")) > MAX_INPUT_BYTES:
            raise InputError(f"The {what} is longer than {MAX_INPUT_BYTES // 1024} KiB; paste only the {what}.")
        return value
    if sys.stdin is None or (value is None and is_tty(sys.stdin)):
        raise UsageError(f"No {what} given: pass it as an argument, or pipe it in and use \"-\".")
    try:
        data = getattr(sys.stdin, "buffer", sys.stdin).read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError) as error:
        raise InputError(f"Cannot read standard input ({getattr(error, 'strerror', None) or error}).") from None
    if isinstance(data, str):  # a text stream without a byte buffer
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"Standard input is longer than {MAX_INPUT_BYTES // 1024} KiB; pipe in only the {what}.")
    if not data:
        raise InputError(f"Standard input is empty: no {what} to read.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"Standard input is not UTF-8 text (byte {error.start + 1} is 0x{data[error.start]:02x}). "
            "For a key file, use `glpi-keycheck keyfile PATH`.") from None


def undecodable_argument(argv: list[str]) -> str | None:
    """Why an argument cannot be used, when the shell passed bytes that are not text in the
    locale's encoding (Python keeps them as lone surrogates, which no output can print)."""
    for number, argument in enumerate(argv, start=1):
        bad = next((ch for ch in argument if 0xD800 <= ord(ch) <= 0xDFFF), None)
        if bad is not None:
            encoding = sys.getfilesystemencoding().upper()
            return (f"argument {number} (\"{shown(argument)}\") is not valid {encoding} text "
                    f"(byte {shown(bad)}). Pass text, or for a key file with such a name, "
                    "copy or link it to a plain name first.")
    return None
