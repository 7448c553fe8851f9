"""JSON as GLPI's PHP reads it: `json_decode($text, true)` with PHP's default depth of 512.

Python's `json` accepts what PHP refuses (NaN, Infinity, -Infinity, an unpaired surrogate
escape such as "\\ud800", even in a value that a later duplicate key replaces, a lone
surrogate character, which stands for a byte that is not UTF-8, nesting deeper than 511
containers) and refuses what PHP accepts (an integer of more than 4,300 digits).
`php_json_decode` gives PHP's verdict and, when PHP fails, the message
`json_last_error_msg()` would give. Integers past PHP_INT_MAX become floats, as in
PHP; a number too large for a float is PHP's INF, kept with its text so reports stay JSON.
Source: php-src's scanner and parser,
https://github.com/php/php-src/blob/125578c63600796e76e5a7595292150d1b540cf7/ext/json/json_parser.y
and json_scanner.re beside it. Pure.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

PHP_DEFAULT_DEPTH = 512
INT64_MAX = 2**63 - 1

SYNTAX = "Syntax error"
DEPTH = "Maximum stack depth exceeded"
CTRL_CHAR = "Control character error, possibly incorrectly encoded"
UTF16 = "Single unpaired UTF-16 surrogate in unicode escape"
# A str holding a lone surrogate stands for bytes that are not UTF-8 (surrogateescape).
UTF8 = "Malformed UTF-8 characters, possibly incorrectly encoded"
STATE_MISMATCH = "State mismatch (invalid or malformed JSON)"  # "[1}" or "{]": the wrong closer
CLOSERS = {"[": "]", "{": "}"}

_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_PLAIN_STRING = re.compile(r'[^"\\\x00-\x1f\ud800-\udfff]*')
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_WHITESPACE = re.compile(r"[ \t\r\n]*")
_SIMPLE_ESCAPES = set('"\\/bfnrt')
_SURROGATE = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")  # raw, or a \uD800-\uDFFF escape


class PHPInfinity(float):
    """A JSON number too large for a float (1e999, a 400-digit integer): PHP reads INF.
    `text` is the number as written, which is what a report shows."""

    text: str

    def __new__(cls, text: str) -> "PHPInfinity":
        number = super().__new__(cls, float(text))
        number.text = text
        return number


class _PHPError(Exception):
    def __init__(self, message: str):
        self.message = message


def _php_float(text: str) -> float:
    number = float(text)
    return number if math.isfinite(number) else PHPInfinity(text)


def _php_int(text: str) -> int | float:
    digits = text.lstrip("-")
    if len(digits) < 19 or (len(digits) == 19 and int(text) <= INT64_MAX and int(text) >= -INT64_MAX - 1):
        return int(text)
    return _php_float(text)  # PHP: an integer past PHP_INT_MAX is a float


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def php_json_decode(text: str) -> tuple[Any, str | None]:
    """(value, None) when PHP decodes `text`, else (None, PHP's error message)."""
    if _python_may_accept_what_php_refuses(text):
        error = php_json_error(text)
        if error:
            return None, error
    try:
        value = json.loads(text, parse_constant=_not_json, parse_int=_php_int, parse_float=_php_float)
    except (ValueError, RecursionError):
        return None, php_json_error(text) or SYNTAX
    return value, None


def jsonable(value: Any) -> Any:
    """A decoded value as strict JSON can hold it: PHP's INF numbers as their text."""
    if isinstance(value, PHPInfinity):
        return value.text
    if isinstance(value, dict):
        return {name: jsonable(item) for name, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    return value


def _python_may_accept_what_php_refuses(text: str) -> bool:
    """Whether `text` needs PHP's scan before json.loads: nesting that may pass PHP's limit
    (json.loads also recurses, and Pyodide's stack overflows long before Python's recursion
    limit), or a surrogate, raw or escaped, anywhere in it. The text is searched, not the
    value: a later duplicate key drops the earlier value from what json.loads returns, but
    PHP has already failed on it."""
    return (text.count("[") + text.count("{") >= PHP_DEFAULT_DEPTH
            or _SURROGATE.search(text) is not None)


# --- PHP's scanner and parser, for the error it reports first -------------------------------

def php_json_error(text: str, max_depth: int = PHP_DEFAULT_DEPTH) -> str | None:
    """The message of `json_last_error_msg()` after `json_decode(text, true)`, None on success.
    Tokens are read in PHP's order, so the first error in the text is the one reported."""
    if not text:
        return SYNTAX
    try:
        _parse(text, max_depth)
    except _PHPError as error:
        return error.message
    return None


def _lex(text: str, pos: int) -> tuple[str, int]:
    """(token kind, position after it). Kinds: { } [ ] : , "string", "scalar", "end"."""
    pos = _WHITESPACE.match(text, pos).end()
    if pos >= len(text):
        return "end", pos
    ch = text[pos]
    if ch in "{}[]:,":
        return ch, pos + 1
    if ch == '"':
        return "string", _string_end(text, pos + 1)
    if ch == "-" or ch.isdigit() and ch.isascii():
        number = _NUMBER.match(text, pos)
        if not number:
            raise _PHPError(SYNTAX)
        return "scalar", number.end()
    for literal in ("null", "true", "false"):
        if text.startswith(literal, pos):
            return "scalar", pos + len(literal)
    raise _PHPError(CTRL_CHAR if ord(ch) < 0x20 else UTF8 if _is_surrogate(ch) else SYNTAX)


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def _string_end(text: str, pos: int) -> int:
    while True:
        pos = _PLAIN_STRING.match(text, pos).end()
        if pos >= len(text) or ord(text[pos]) < 0x20:
            raise _PHPError(CTRL_CHAR)  # PHP meets the string's end at its NUL terminator
        if text[pos] == '"':
            return pos + 1
        if _is_surrogate(text[pos]):
            raise _PHPError(UTF8)
        escape = text[pos + 1:pos + 2]
        if escape in _SIMPLE_ESCAPES and escape:
            pos += 2
            continue
        if escape != "u" or not _HEX4.fullmatch(text, pos + 2, pos + 6):
            raise _PHPError(SYNTAX)
        code = int(text[pos + 2:pos + 6], 16)
        if 0xD800 <= code <= 0xDBFF and text.startswith("\\u", pos + 6) \
                and _HEX4.fullmatch(text, pos + 8, pos + 12) \
                and 0xDC00 <= int(text[pos + 8:pos + 12], 16) <= 0xDFFF:
            pos += 12
        elif 0xD800 <= code <= 0xDFFF:
            raise _PHPError(UTF16)
        else:
            pos += 6


def _parse(text: str, max_depth: int) -> None:
    stack: list[str] = []   # the open containers, "[" or "{"
    depth = 1               # PHP's parser->depth starts at 1
    state = "value"
    pos = 0
    while True:
        token, pos = _lex(text, pos)
        if state in ("value", "first-item"):
            if state == "first-item" and token == "}":
                raise _PHPError(STATE_MISMATCH)
            if state == "first-item" and token == "]":
                stack.pop()
                depth -= 1
                state = "after-value"
            elif token in ("[", "{"):
                if depth >= max_depth:
                    raise _PHPError(DEPTH)
                depth += 1
                stack.append(token)
                state = "first-item" if token == "[" else "first-member"
            elif token in ("string", "scalar"):
                state = "after-value"
            else:
                raise _PHPError(SYNTAX)
        elif state in ("first-member", "member"):
            if state == "first-member" and token == "]":
                raise _PHPError(STATE_MISMATCH)
            if state == "first-member" and token == "}":
                stack.pop()
                depth -= 1
                state = "after-value"
            elif token == "string":
                state = "colon"
            else:
                raise _PHPError(SYNTAX)
        elif state == "colon":
            if token != ":":
                raise _PHPError(SYNTAX)
            state = "value"
        else:  # after a value
            if not stack:
                if token != "end":
                    raise _PHPError(SYNTAX)
                return
            if token == ",":
                state = "value" if stack[-1] == "[" else "member"
            elif token == CLOSERS[stack[-1]]:
                stack.pop()
                depth -= 1
            elif token in ("]", "}"):
                raise _PHPError(STATE_MISMATCH)
            else:
                raise _PHPError(SYNTAX)
