"""Recognise GLPI's own messages in pasted text, in any language GLPI ships them in.

A pasted message may be a log line (timestamps, `glpiphplog.WARNING:` or `PHP Warning:`
prefixes, `in /path/file.php on line N` suffixes), a console transcript, or a sentence typed
again: other case and spacing, straight or typographic quotes, accents lost by a terminal
("?" or nothing in their place, or mojibake), placeholders filled with a path, a proxy address
or a cURL error. Every message is matched whole (only its final full stop or "!" may be
missing): prose that merely shares words is not a message.

Pure: text in, matches out. Each message's pattern is compiled on first use; a cheap word
index means only messages whose rarest word is in the paste are tried.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .glpi_texts import BY_ID, ENGLISH, LANGUAGES, GlpiMessage

# Typographic quotes and apostrophes read as their ASCII forms (both sides are folded).
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u00b4": "'",
                        "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                        "\u00ab": '"', "\u00bb": '"', "\u2039": '"', "\u203a": '"'})
WORDS = re.compile(r"\w+")
PLACEHOLDER = re.compile(r"%(?:\d+\$)?[sdu]")
FINAL_PUNCTUATION = ".!"
MAX_ARGUMENT = 300  # a placeholder's value: a path, an address, a cURL error, a plugin name
# Letters a terminal may turn into two ASCII letters rather than drop the accent.
TRANSLITERATIONS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # a console transcript's colours
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never echoed back to a terminal
# Zero-width and soft characters that web pages and chat tools slip into copied text.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
JSON_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})")  # "cl\u00e9" in a JSON log line
HTML_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});")


def _unescape(text: str) -> str:
    """The message as GLPI wrote it, from a JSON log line ("\\u00e9") or a page's HTML source
    ("&#039;"), without the invisible characters a copy may carry."""
    if "\\u" in text:
        text = JSON_UNICODE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "&" in text and HTML_ENTITY.search(text):
        text = html.unescape(text)
    return INVISIBLE.sub("", text)


# UTF-8 read as Latin-1 or Windows-1252: the lead bytes of accented letters (C3), of no-break
# spaces and guillemets (C2), and of typographic quotes and dashes (E2 80, which Windows-1252
# shows as U+00E2 U+20AC).
MOJIBAKE_MARKERS = ("\u00c3", "\u00c2", "\u00e2\u0080", "\u00e2\u20ac")


@dataclass(frozen=True)
class MessageMatch:
    entry: GlpiMessage
    language: str  # the locale whose text matched; en_GB for English
    start: int  # offsets in the pasted text
    end: int
    text: str  # what was pasted, as pasted
    arguments: tuple[str, ...]  # the placeholders' values, as pasted


COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """The form both the paste and GLPI's texts are compared in: no accents, case folded,
    ASCII quotes. C-speed calls only: it runs on whatever is pasted."""
    if text.isascii():
        return text.lower().translate(QUOTES)
    return COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold())).translate(QUOTES)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


_UNSET = object()


def _offsets(text: str, folded: str) -> list[int] | None:
    """Each folded char's offset in `text`; None when folding kept every char one char (the
    usual case: accents and quotes), so offsets are the same in both."""
    if len(folded) == len(text) and all(len(_fold_char(ch)) == 1 for ch in text if not ch.isascii()):
        return None
    offsets = []
    for index, ch in enumerate(text):
        offsets.extend([index] * len(_fold_char(ch)))
    offsets.append(len(text))
    return offsets


def repair_mojibake(text: str) -> str:
    """UTF-8 that a terminal or a log viewer decoded as Latin-1 ("clÃ©" for "clé")."""
    if not any(marker in text for marker in MOJIBAKE_MARKERS):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


# --- patterns ------------------------------------------------------------------------------------

def _char_pattern(ch: str) -> str:
    """One char of GLPI's text: accented letters also match their bare letter, a "?" or U+FFFD
    in their place, or nothing at all, as terminals without UTF-8 show them."""
    lowered = ch.casefold()
    if lowered in TRANSLITERATIONS:
        bare = _fold_char(lowered)
        return f"(?:{re.escape(bare)}|{TRANSLITERATIONS[lowered]}|\\?{{1,2}}|\ufffd{{1,2}})?"
    folded = _fold_char(ch)
    decomposed = unicodedata.normalize("NFKD", lowered)
    if any(unicodedata.combining(c) for c in decomposed):
        return f"(?:{re.escape(folded)}|\\?{{1,2}}|\ufffd{{1,2}})?"
    if folded == '"':
        return '\\\\?"'  # quotes may come JSON-escaped from a log
    if folded == "'":
        return "(?:'|\\?{1,3}|\ufffd| )?"  # a lost apostrophe: "?", nothing or a space
    return re.escape(folded)


def _literal_pattern(literal: str) -> str:
    """GLPI's literal text: any run of spaces matches any whitespace; spaces next to
    punctuation are optional (French " !", « %s », a space lost or added by hand)."""
    out = []
    pieces = re.split(r"(\s+)", literal)
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if piece.isspace():
            before = pieces[index - 1][-1:] if index else ""
            after = pieces[index + 1][:1] if index + 1 < len(pieces) else ""
            optional = not (before.isalnum() and after.isalnum())
            out.append(r"\s*" if optional else r"\s+")
            continue
        chars = []
        for position, ch in enumerate(piece):
            # "invalide!" typed for "invalide !": allow a space before closing punctuation.
            if position and not ch.isalnum() and ch not in "'-/%$" and piece[position - 1].isalnum():
                chars.append(r"\s*")
            chars.append(_char_pattern(ch))
        out.append("".join(chars))
    return "".join(out)


def _pattern(template: str) -> str:
    body = template.strip()
    final = ""
    while body and body[-1] in FINAL_PUNCTUATION:
        final, body = body[-1] + final, body[:-1].rstrip()
    parts = PLACEHOLDER.split(body)
    regex = [r"(?<!\w)"]
    for index, literal in enumerate(parts):
        if index:
            first, last = index == 1 and not parts[0].strip(), index == len(parts) - 1 and not literal.strip()
            if first:
                regex.append(r"(\S+(?: \S+)?)")  # e.g. "GLPI Network": at most two words
            elif last:
                regex.append(rf"([^\n]{{0,{MAX_ARGUMENT}}}[^\s.!])")  # to the end of the line
            else:
                regex.append(rf"([^\n]{{1,{MAX_ARGUMENT}}}?)")
        regex.append(_literal_pattern(literal))
    if final:
        regex.append(r"\s*[.!]{0,3}")
    regex.append(r"(?!\w)")
    return "".join(regex)


APOSTROPHES = "'\u2019\u2018`\u00b4"
GLUE = "\x00"  # where a placeholder was: a word touching it is not a word of the paste
UNSURE_NEIGHBOURS = APOSTROPHES + GLUE


def _glued(literal: str, match: re.Match[str]) -> bool:
    """Is this word next to an apostrophe or a placeholder, where a paste may change it? The
    start and end of the text glue nothing (an empty neighbour, which `in` would find anywhere)."""
    before = literal[match.start() - 1:match.start()]
    after = literal[match.end():match.end() + 1]
    return any(neighbour and neighbour in UNSURE_NEIGHBOURS for neighbour in (before, after))


def _anchor(template: str) -> tuple[str, bool] | None:
    """A word of the text that survives accent loss, and whether the paste must hold it as a
    word (fast: a set look-up) or only as a substring (a word next to an apostrophe, which a
    terminal may drop: "d'enregistrement" pasted as "denregistrement")."""
    literal = PLACEHOLDER.sub(GLUE, template)
    words, glued = [], []
    for match in WORDS.finditer(literal):
        word = match.group()
        if not word.isascii() or word.isdigit() or len(word) < 3:
            continue
        (glued if _glued(literal, match) else words).append(word.lower())
    if words:
        return max(words, key=len), True
    if glued:
        return max(glued, key=len), False
    return None


def _required_words(template: str) -> frozenset[str]:
    """The text's words that survive any damage the recogniser forgives (no accent, not glued
    to an apostrophe a terminal may drop): a paste lacking one cannot hold this text."""
    literal = PLACEHOLDER.sub(GLUE, template)
    words = set()
    for match in WORDS.finditer(literal):
        word = match.group()
        if word.isascii() and not _glued(literal, match):
            words.add(word.lower())
    return frozenset(words)


@dataclass(frozen=True)
class _Candidate:
    entry: GlpiMessage
    language: str
    anchor: tuple[str, bool] | None
    source: str
    words: frozenset[str]  # every word the paste must hold for this text to be in it

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.source)


@lru_cache(maxsize=None)
def _compile(source: str) -> re.Pattern[str]:
    return re.compile(source)


@lru_cache(maxsize=1)
def _candidates() -> tuple[_Candidate, ...]:
    """Every recognisable (message, language) text, English first, each text once."""
    found: list[_Candidate] = []
    for entry in BY_ID.values():
        if not entry.recognisable:
            continue
        seen: set[str] = set()
        for language in (ENGLISH, *LANGUAGES):
            template = entry.template(language)
            if template is None or template in seen:
                continue
            seen.add(template)
            found.append(_Candidate(entry, language, _anchor(template), _pattern(template),
                                    _required_words(template)))
    return tuple(found)


@lru_cache(maxsize=1)
def _anchor_index() -> tuple[dict[str, list[int]], list[tuple[int, str | None]]]:
    """Candidates by the word the paste must hold, and those checked by substring (or always)."""
    by_word: dict[str, list[int]] = {}
    others: list[tuple[int, str | None]] = []
    for order, candidate in enumerate(_candidates()):
        if candidate.anchor and candidate.anchor[1]:
            by_word.setdefault(candidate.anchor[0], []).append(order)
        else:
            others.append((order, candidate.anchor[0] if candidate.anchor else None))
    return by_word, others


# --- matching ------------------------------------------------------------------------------------

def find_messages(text: str) -> list[MessageMatch]:
    """GLPI's messages in `text`, in the order they appear, each message once."""
    text = _unescape(CONTROLS.sub("", ANSI_ESCAPE.sub("", repair_mojibake(text))))
    folded = fold(text)
    offsets: Any = _UNSET
    by_word, others = _anchor_index()
    present = set(WORDS.findall(folded))
    words = by_word.keys() & present  # C-speed: only these texts can match
    tried = sorted({order for word in words for order in by_word[word]} |
                   {order for order, anchor in others if anchor is None or anchor in folded})
    candidates = _candidates()
    tried = [order for order in tried if candidates[order].words <= present]
    hits: list[tuple[int, int, int, int, _Candidate, re.Match[str]]] = []
    for order in tried:
        candidate = candidates[order]
        for match in candidate.regex.finditer(folded):
            if offsets is _UNSET:  # only a paste with a message pays for them
                offsets = _offsets(text, folded)
            unlike = _quotes_differ(candidate, text, offsets, match)
            hits.append((match.start(), -(match.end() - match.start()), unlike, order, candidate, match))
    if not hits:
        return []
    hits.sort(key=lambda hit: hit[:4])
    kept: list[MessageMatch] = []
    seen: set[str] = set()
    covered_to = -1
    for start, _, _, _, candidate, match in hits:
        if start < covered_to:
            continue  # inside a longer message already kept
        covered_to = match.end()
        if candidate.entry.msgid in seen:
            continue
        seen.add(candidate.entry.msgid)
        kept.append(_as_match(text, offsets, candidate, match))
    return kept


QUOTE_CHARS = re.compile("[\"'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019]")


def _quotes_differ(candidate: _Candidate, text: str, offsets: list[int] | None,
                   match: re.Match[str]) -> int:
    """1 when the paste's quotes are not the ones of this text: GLPI has a few msgids that
    differ only there once translated (fr "Le plugin \"%s\"…" and "Le plugin « %s »…")."""
    template = candidate.entry.template(candidate.language) or ""
    start, end = (offsets[match.start()], offsets[match.end()]) if offsets else match.span()
    return int(QUOTE_CHARS.findall(PLACEHOLDER.sub("", template)) != QUOTE_CHARS.findall(text[start:end]))


def _as_match(text: str, offsets: list[int] | None, candidate: _Candidate,
              match: re.Match[str]) -> MessageMatch:
    def original(start: int, end: int) -> str:
        if offsets is None:
            return text[start:end]
        return text[offsets[start]:offsets[end] if end < len(offsets) else len(text)]

    arguments = tuple(original(*match.span(group)).strip()
                      for group in range(1, (match.re.groups or 0) + 1))
    return MessageMatch(candidate.entry, candidate.language, *(
        (offsets[match.start()], offsets[match.end()]) if offsets else match.span()),
        text=original(*match.span()).strip(), arguments=arguments)


def may_hold_message(text: str) -> bool:
    """Every message GLPI has is several words: text without a space is never one. A C-speed
    test, so the registration key path does not pay for recognition."""
    return " " in text or "\u00a0" in text or "\u202f" in text
