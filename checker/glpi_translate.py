"""GLPI's English texts as GLPI shows them in another language: the simulator's edge.

The simulator speaks GLPI's English (its msgids, filled as GLPI fills them). To show a run as a
French or Brazilian GLPI would, each line GLPI shows is cut into GLPI's messages (a banner line
may join several: "Register on GLPI Network" + "and" + "fill your registration key in setup."),
each message's placeholders are read back, and the translation GLPI ships is filled with them.
Text that is none of GLPI's messages (a cURL error, a server's own message) stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .glpi_recognise import _offsets, _pattern, fold
from .glpi_texts import BY_ID, ENGLISH, LANGUAGES, GlpiMessage

BOUNDARY = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _english() -> tuple[tuple[GlpiMessage, re.Pattern[str]], ...]:
    """Every English text GLPI has, labels and fragments included, longest first."""
    entries = sorted(BY_ID.values(), key=lambda entry: -len(entry.msgid))
    return tuple((entry, re.compile(_pattern(entry.msgid))) for entry in entries)


def check_language(language: str) -> None:
    """A ValueError naming the supported locales when GLPI's texts cannot be shown in `language`."""
    if language != ENGLISH and language not in LANGUAGES:
        raise ValueError(f"Unknown GLPI language {language!r}. Supported: "
                         f"{', '.join((ENGLISH, *LANGUAGES))}.")


def translate(text: str, language: str) -> str:
    """`text`, one of GLPI's English texts (several lines), as GLPI shows it in `language`."""
    check_language(language)
    if language == ENGLISH:
        return text
    return "\n".join(_translate_line(line, language) for line in text.split("\n"))


def _translate_line(line: str, language: str) -> str:
    folded = fold(line)
    offsets = _offsets(line, folded)

    def original(start: int, end: int) -> str:
        return line[start:end] if offsets is None else line[offsets[start]:offsets[end]]

    # Where a message may end: before whitespace, or at the end of the line.
    ends = [match.start() for match in BOUNDARY.finditer(folded)] + [len(folded)]

    @lru_cache(maxsize=None)
    def cover(pos: int) -> tuple[str, ...] | None:
        """The line from `pos` as translated pieces, or None if GLPI's messages cannot cover it."""
        if pos >= len(folded):
            return ()
        later = [e for e in ends if e > pos]
        for exact in (True, False):  # GLPI's exact text first ("Register on %1$s" without "!")
            found = _first_cover(pos, later, exact)
            if found is not None:
                return found
        return None

    def _first_cover(pos: int, later: list[int], exact: bool) -> tuple[str, ...] | None:
        for entry, regex in _english():
            # The shortest placeholder value first: "Register on %1$s" takes "GLPI Network",
            # not "GLPI Network and fill your registration key in setup."
            for end in later if regex.groups else reversed(later):
                match = regex.fullmatch(folded, pos, end)
                if not match:
                    continue
                arguments = [original(*match.span(group)) for group in range(1, regex.groups + 1)]
                if exact and fold(entry.fill(*arguments)) != folded[pos:end]:
                    continue
                rest = cover(_skip_space(folded, end))
                if rest is None:
                    continue
                gap = original(end, _skip_space(folded, end))
                return (_in_language(entry, arguments, language, original(pos, end)) + gap, *rest)
        return None

    pieces = cover(_skip_space(folded, 0))
    if pieces is None:
        return line  # not GLPI's words (a server's message, an error from cURL): as it came
    return original(0, _skip_space(folded, 0)) + "".join(pieces)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _in_language(entry: GlpiMessage, arguments: list[str], language: str, english: str) -> str:
    template = entry.template(language)
    if template is None or entry.logged_only:
        return english  # not located in GLPI's translation file, or logged in English
    text = entry.fill(*arguments, language=language)
    final = english.rstrip()[-1:]
    # GLPI's own text has its final stop; a banner line that dropped it keeps it dropped.
    if final not in ".!" and text.rstrip()[-1:] in ".!" and entry.msgid.rstrip()[-1:] in ".!":
        text = text.rstrip()[:-1].rstrip()
    return text


def translate_run(run: dict[str, Any], language: str) -> dict[str, Any]:
    """A simulation run's JSON with what GLPI shows in `language` next to its English: each
    step's `shows_in_language` and the outcome's `message_in_language`."""
    check_language(language)
    if language == ENGLISH:
        return dict(run, glpi_language=ENGLISH)
    translated = dict(run, glpi_language=language)
    translated["steps"] = [dict(step, shows_in_language=translate(step["shows"], language))
                           if step.get("shows") else dict(step) for step in run["steps"]]
    outcome = dict(run["outcome"])
    if outcome.get("message"):
        outcome["message_in_language"] = translate(outcome["message"], language)
    translated["outcome"] = outcome
    if isinstance(run.get("summary"), dict) and run["summary"].get("glpi_shows"):
        translated["summary"] = dict(run["summary"], glpi_shows_in_language=translate(
            run["summary"]["glpi_shows"], language))
    return translated
