"""Reading what the user gave the CLI: an argument, standard input or a file. I/O lives here."""

from __future__ import annotations

import sys

from ..limits import MAX_INPUT as MAX_INPUT_BYTES


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
    if sys.stdin is None or (value is None and sys.stdin.isatty()):
        raise UsageError(f"No {what} given: pass it as an argument, or pipe it in and use \"-\".")
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
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
