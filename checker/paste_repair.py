"""Undo what copy and paste does to a base64 key. Pure text in, text and findings out.

Each repair is unambiguous on its own: base64 never holds whitespace, quotes, a colon, "%",
invisible characters, or both alphabets at once, so removing or translating them cannot
change a real key. Where two readings remain, a finding says so and nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .findings import spec
from .report import Finding

INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "BYTE ORDER MARK",
    "\u00ad": "SOFT HYPHEN",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
}
# Shown as spaces, so they are whitespace to remove, but a plain strip() would miss the why.
NO_BREAK_SPACES = {"\u00a0": "NO-BREAK SPACE", "\u202f": "NARROW NO-BREAK SPACE",
                   "\u2007": "FIGURE SPACE"}
# What an admin knows them as (U+FEFF's formal name, ZERO WIDTH NO-BREAK SPACE, hides the BOM).
HIDDEN_NAMES = INVISIBLE | NO_BREAK_SPACES
BIDI_CONTROLS = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

QUOTE_PAIRS = {'"': '"', "'": "'", "`": "`", "\u201c": "\u201d", "\u201d": "\u201d",
               "\u2018": "\u2019", "\u2019": "\u2019", "\u201e": "\u201c", "\u00ab": "\u00bb",
               "\u00bb": "\u00ab", "\u2039": "\u203a", "\u201a": "\u2018"}
QUOTE_CHARS = "".join(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values()))

# A label is words before a colon (never in base64), or an identifier before "=" that is
# followed by more text ("=" is only ever trailing padding in base64).
LABEL_COLON = re.compile(r"^\s*([^\s:][^:\n]{0,60}?)\s*:\s*(?=\S)", re.UNICODE)
LABEL_EQUALS = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_.\- ]{0,60}?)\s*=\s*(?=[^=\s])")
PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
TOKEN_SEPARATOR = re.compile(r"\s+")
KEY_START = "eyJ"  # base64 of '{"': how every registration key starts
BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{24,}={0,2}")  # no word of a label is this long


@dataclass
class Repaired:
    text: str = ""  # the repaired text, set once every repair is made
    findings: list[Finding] = field(default_factory=list)
    # The whitespace-separated pieces before joining, for the "several values" check.
    pieces: list[str] = field(default_factory=list)
    # True when a repair could not be made safely (the text must not be used as a key).
    ambiguous: bool = False
    labels: list[str] = field(default_factory=list)
    # The text once unwrapped, before any alphabet or padding change: tokens are judged on it.
    joined: str = ""
    # Alphabet and padding repairs: they only make sense if the input is a registration key,
    # so the check reports them only then.
    key_repairs: list[Finding] = field(default_factory=list)


def _char_names(chars: dict[str, int]) -> str:
    return ", ".join(
        f"{count} × U+{ord(ch):04X} {HIDDEN_NAMES.get(ch) or unicodedata.name(ch)}"
        for ch, count in chars.items()
    )


def _count(text: str, wanted) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        if ch in wanted:
            counts[ch] = counts.get(ch, 0) + 1
    return counts


HIDDEN_OR_BIDI = re.compile("[" + "".join(INVISIBLE) + "".join(NO_BREAK_SPACES) + "".join(BIDI_CONTROLS) + "]")


def remove_invisible(text: str, out: Repaired) -> str:
    if text.isascii() or not HIDDEN_OR_BIDI.search(text):  # the common case, at C speed
        return text
    bidi = _count(text, BIDI_CONTROLS)
    if bidi:
        out.findings.append(spec("paste-bidi-controls").finding(
            f"Found {_char_names(bidi)}. They were removed for the rest of this check, "
            "but the text you copied may not be what it looks like."))
        out.ambiguous = True
        text = "".join(ch for ch in text if ch not in BIDI_CONTROLS)
    hidden = _count(text, INVISIBLE.keys() | NO_BREAK_SPACES.keys())
    if hidden:
        out.findings.append(spec("paste-invisible-characters").finding(f"Removed {_char_names(hidden)}."))
        text = "".join(" " if ch in NO_BREAK_SPACES else ch for ch in text if ch not in INVISIBLE)
    return text


def strip_surrounding(text: str, out: Repaired) -> str:
    """Whitespace, quotes and labels around the key, peeled until nothing changes."""
    stripped_ws = quoted = False
    labels: list[str] = []
    while True:
        before = text
        if text != text.strip():
            stripped_ws = True
            text = text.strip()
        if text.startswith("```") and text.endswith("```") and len(text) > 6:
            text, quoted = _unfence(text[3:-3]), True
        elif text and (text[0] in QUOTE_CHARS or text[-1] in QUOTE_CHARS):  # a pair, or one left
            text, quoted = text.strip(QUOTE_CHARS), True
        label = LABEL_COLON.match(text) or LABEL_EQUALS.match(text)
        if label and _is_label(label.group(1)) and not _is_padded_value(text, label):
            labels.append(label.group(1).strip())
            text = text[label.end():]
        if text == before:
            break
    out.labels.extend(labels)
    if labels:
        out.findings.append(spec("paste-label").finding(
            "Removed the label " + ", then ".join(f"\"{label}\"" for label in labels) + "."))
    if quoted:
        out.findings.append(spec("paste-quotes").finding("Removed the quotes around the key."))
    if stripped_ws:
        out.findings.append(spec("paste-surrounding-whitespace").finding(
            "Removed whitespace before or after the key. GLPI's web form would trim it too "
            "(GLPI 10.0.1 and later); `config:set`, GLPI 9.5 and 10.0.0 would keep it."))
    return text


def _unfence(body: str) -> str:
    """The inside of a Markdown code fence, without its info string ("```text")."""
    info, newline, rest = body.partition("\n")
    if newline and re.fullmatch(r"[A-Za-z0-9_+-]{0,20}", info.strip()):
        return rest
    return body


def _looks_base64(word: str) -> bool:
    """A long run of base64 with both cases and a digit or "+"/"/": not an identifier."""
    return (BASE64_RUN.fullmatch(word) is not None and not word.islower() and not word.isupper()
            and any(ch.isdigit() or ch in "+/" for ch in word))


def _is_padded_value(text: str, label: re.Match) -> bool:
    """"aGVsbG8= aGk=": the "=" glued to a base64-looking word and followed by a space is that
    word's padding (two values pasted), not "name=" before a value ("key= eyJ…" stays a label)."""
    name = label.group(1)
    glued = text[label.end(1):label.end(1) + 2]
    if not (glued[:1] == "=" and glued[1:2].isspace()) or " " in name.strip():
        return False
    letters = "".join(ch for ch in name if ch.isalpha())
    mixed_case = not (letters.islower() or letters.isupper() or letters.istitle())
    return (len(name) + 1) % 4 == 0 and (mixed_case or any(ch.isdigit() for ch in name))


def _is_label(candidate: str) -> bool:
    # A label is prose or an identifier; the start of a key ("eyJ" is base64 for '{"') or a
    # long unbroken base64-looking run is not.
    if not candidate or candidate.startswith(KEY_START):
        return False
    if any(word.startswith(KEY_START) or _looks_base64(word) for word in candidate.split()):
        return False  # "x eyJ…": a damaged key, not words before it
    return len(candidate) <= 40 or " " in candidate


def decode_percent(text: str, out: Repaired) -> str:
    escapes = PERCENT_ESCAPE.findall(text)
    if not escapes:
        return text
    decoded = PERCENT_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    names = sorted({f"%{e.upper()}" for e in escapes})
    out.findings.append(spec("paste-url-encoded").finding(f"Decoded {', '.join(names)}."))
    return decoded


def has_whitespace(text: str) -> bool:
    if text.isascii():  # `in` is a memchr: much faster than a regex scan
        return any(ch in text for ch in " \t\n\r\x0b\x0c")
    return TOKEN_SEPARATOR.search(text) is not None


def join_lines(text: str, out: Repaired) -> str:
    if not has_whitespace(text):
        out.pieces = [text]
        return text
    out.pieces = [p for p in TOKEN_SEPARATOR.split(text) if p]
    if len(out.pieces) <= 1:
        return text
    lines = text.split("\n")
    if len(lines) > 1:
        ending = "Windows (CRLF)" if "\r\n" in text else "Unix (LF)"
        widths = [len(line.rstrip("\r").strip()) for line in lines if line.strip()]
        detail = f"Joined {len(widths)} lines with {ending} line endings"
        if len(widths) > 2 and len(set(widths[:-1])) == 1 and widths[-1] <= widths[0]:
            detail += f", wrapped at {widths[0]} columns"
            if widths[0] in (64, 76):
                detail += " (as mail and PEM tools do)"
        if any(line[:1] in (" ", "\t") for line in lines[1:] if line.strip()):
            detail += ", indented"
        detail += "."
    else:
        detail = f"Removed {len(out.pieces) - 1} run(s) of spaces inside the key."
    out.findings.append(spec("paste-line-breaks").finding(detail))
    return "".join(out.pieces)


def fix_alphabet(text: str, out: Repaired) -> str:
    if "-" not in text and "_" not in text:
        return text
    if "+" in text or "/" in text:
        out.findings.append(spec("base64-mixed-alphabets").finding(
            "Found both \"+\" or \"/\" and \"-\" or \"_\"."))
        out.ambiguous = True
        return text
    out.key_repairs.append(spec("paste-urlsafe-alphabet").finding(
        "Translated \"-\" to \"+\" and \"_\" to \"/\"."))
    return text.translate(str.maketrans("-_", "+/"))


def restore_padding(text: str, out: Repaired) -> str:
    missing = -len(text) % 4
    if missing in (1, 2) and re.fullmatch(r"[A-Za-z0-9+/]+", text):  # no "=" at all yet
        out.key_repairs.append(spec("paste-missing-padding").finding(
            f"Added {missing} \"=\" at the end."))
        return text + "=" * missing
    return text


def repair(text: str) -> Repaired:
    """Apply every paste repair in the order paste damage happens to be layered."""
    out = Repaired()
    text = remove_invisible(text, out)
    text = strip_surrounding(text, out)
    text = join_lines(text, out)  # before decoding: a wrap may split a "%2B"
    text = out.joined = decode_percent(text, out)
    text = fix_alphabet(text, out)
    text = restore_padding(text, out)
    out.text = text
    return out
