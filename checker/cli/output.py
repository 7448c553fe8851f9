"""Everything the CLI writes goes through here: escaped for display, encodable, and checked.

`shown()` (from checker.safe_text) is the one function that makes input safe to print; every
renderer passes input through it.
`write()` prints in whatever encoding the terminal has (ASCII marks when ✓ cannot be shown),
and `stdout_failure()` turns a closed or full standard output into one line on stderr.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from typing import Any, TextIO

from ..safe_text import INVISIBLE_LETTERS, shown, shown_lines, shown_tree, unsafe as _unsafe  # noqa: F401


def json_text(data: Any, stream: TextIO | None = None) -> str:
    """Strict JSON (no NaN or Infinity, so JSON.parse reads it), with characters a terminal
    would act on written as \\u escapes; plain ASCII when the stream cannot show the rest."""
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    if not text.replace("\n", "").isprintable() or INVISIBLE_LETTERS.search(text):
        # Only inside strings (JSON's own syntax is ASCII): the escapes keep the same value.
        text = "".join(_json_escape_char(ch) for ch in text)
    if not _can_encode(text, stream or sys.stdout):
        text = json.dumps(json.loads(text), indent=2, ensure_ascii=True, allow_nan=False)
    return text


def _json_escape_char(ch: str) -> str:
    if ch == "\n" or ch == " " or not _unsafe(ch):
        return ch
    code = ord(ch)
    if code >= 0x10000:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# --- encoding --------------------------------------------------------------------------------

# Our own non-ASCII characters and what to print when the terminal's encoding lacks them.
ASCII_FALLBACK = str.maketrans({
    "✓": "+", "✗": "x", "»": ">", "│": "|", "·": "-", "…": "...", "—": "-", "–": "-",
    "’": "'", "‘": "'", "“": '"', "”": '"', "→": "->", "≥": ">=", "≤": "<=", "×": "x",
    "←": "<-", "é": "e", "è": "e", "à": "a", "ç": "c", "É": "E", "ê": "e", "£": "GBP",
})


def _encoding(stream: TextIO) -> str:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "ascii"


def _can_encode(text: str, stream: TextIO | None) -> bool:
    if stream is None or text.isascii():
        return True
    try:
        text.encode(_encoding(stream))
    except UnicodeEncodeError:
        return False
    return True


def fit(text: str, stream: TextIO) -> str:
    """`text` in a form the stream's encoding can write: ASCII look-alikes for our marks and
    punctuation, then backslash escapes for anything else."""
    if _can_encode(text, stream):
        return text
    encoding = _encoding(stream)
    text = "".join(ch if _can_encode(ch, stream) else ch.translate(ASCII_FALLBACK) for ch in text)
    return text.encode(encoding, "backslashreplace").decode(encoding)


def is_tty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (ValueError, OSError):  # closed, or a descriptor that is gone
        return False


def colour_wanted(stream: TextIO | None) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to something (no-color.org: non-empty)."""
    return is_tty(stream) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def write(text: str = "", stream: TextIO | None = None) -> None:
    """Print one block of our own text (already escaped where it holds input)."""
    stream = stream if stream is not None else sys.stdout
    if stream is None:
        raise OutputClosed()
    try:
        stream.write(fit(text, stream) + "\n")
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # full disk, closed or read-only descriptor
        raise OutputFailed(_reason(error)) from None


def write_bytes(data: bytes) -> None:
    """Exact bytes on standard output (a decrypted secret into a pipe)."""
    stream = sys.stdout
    if stream is None:
        raise OutputClosed()
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text-only stream: the closest it can hold
            stream.write(data.decode("utf-8", "surrogateescape"))
        else:
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError, UnicodeError) as error:
        raise OutputFailed(_reason(error)) from None


def write_error(message: str) -> None:
    """One line on standard error, never raising: input in it is escaped."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(fit(f"glpi-keycheck: {shown(message)}", stream) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


class OutputClosed(Exception):
    """Standard output is closed: nothing can be printed."""


class OutputFailed(Exception):
    """Writing to standard output failed; the message says why."""


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def stdout_failure() -> str | None:
    """Flush standard output; say why it failed, or None when everything was written."""
    stream = sys.stdout
    if stream is None:
        return "standard output is closed: nothing could be printed."
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        silence_stdout()  # or Python's own flush at exit fails again, with a traceback-like noise
        return f"cannot write to standard output ({_reason(error)})."
    return None


def silence_stdout() -> None:
    """After a broken pipe: point standard output at /dev/null so Python's exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
