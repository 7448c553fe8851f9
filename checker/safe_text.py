"""Text from the input, made safe to show on a terminal or to paste into a shell.

A key, a file name or a decrypted secret can hold characters that drive a terminal (ESC, the
C1 control CSI U+009B), reorder what is shown (bidi controls U+202A–U+202E, U+2066–U+2069) or
print as nothing (zero-width and filler characters). `shown()` is the one function that
escapes them for display; `shell_quote()` writes a path so that pasting the command acts on
that exact file. Pure: no I/O.
"""

from __future__ import annotations

import re
import shlex
from typing import Any

# Letters and marks that print as nothing, on top of what str.isprintable() rejects (Unicode
# "Other" and "Separator" categories: C0/C1 controls, format characters such as the bidi
# controls U+202A–U+202E and U+2066–U+2069, zero-width spaces, unassigned code points, lone
# surrogates, and every space but U+0020).
INVISIBLE_LETTERS = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\uffa0\ufe00-\ufe0f"
    "\U000e0100-\U000e01ef]")
READABLE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in READABLE_ESCAPES:
        return READABLE_ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def unsafe(ch: str) -> bool:
    return not ch.isprintable() or INVISIBLE_LETTERS.match(ch) is not None


def shown(text: Any) -> str:
    """`text` as it can be printed: every control, format or invisible character escaped."""
    text = str(text)
    if text.isprintable() and not INVISIBLE_LETTERS.search(text):  # the common case, C speed
        return text
    return "".join(_escape(ch) if unsafe(ch) else ch for ch in text)


def shown_tree(data: Any, *, keep_newlines: bool = False) -> Any:
    """A report (dicts, lists, strings) with every string, keys included, passed through
    shown(); `keep_newlines` for texts written on several lines on purpose."""
    if isinstance(data, str):
        return "\n".join(shown_lines(data)) if keep_newlines else shown(data)
    if isinstance(data, dict):
        return {shown(name) if isinstance(name, str) else name: shown_tree(value, keep_newlines=keep_newlines)
                for name, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [shown_tree(item, keep_newlines=keep_newlines) for item in data]
    return data


def shown_lines(text: str) -> list[str]:
    """Text written with line breaks on purpose (GLPI's messages, HTTP exchanges), each line
    made safe on its own."""
    return [shown(line) for line in str(text).split("\n")]


def shell_quote(path: str) -> str:
    """`path` as one shell word. Plain text: shlex.quote. A path holding characters that
    cannot be shown: bash's $'…' with \\xNN escapes for its bytes, so a pasted command acts
    on the same file (a byte that was not UTF-8 is kept as that byte)."""
    if path.isprintable() and not INVISIBLE_LETTERS.search(path):
        return shlex.quote(path)
    raw = path.encode("utf-8", "surrogateescape")
    body = "".join(chr(byte) if 0x20 <= byte < 0x7F and byte not in b"'\\" else f"\\x{byte:02x}"
                   for byte in raw)
    return f"$'{body}'"
