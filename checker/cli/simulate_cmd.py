"""`glpi-keycheck simulate`: play GLPI's registration check, step by step, for a GLPI version.

`--list` prints the scenario ids; `--scenario ID [--glpi-version V] [--key KEY|-] [--json]` runs
one. Exit status: 0 when GLPI's outcome is fine, 1 otherwise, 2 wrong usage. The arguments are
judged by the core (`simulate` raises ValueError, as the browser bridge relies on too): this
module only turns that into a usage error.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from ..glpi_texts import ENGLISH, LANGUAGES
from ..glpi_translate import check_language, translate_run
from ..glpi_versions import accepted
from ..simulation import SCENARIOS, check_arguments, simulate
from .inputs import UsageError, read_text_argument
from .output import json_text, shown_lines, shown_tree, write
from .render import MARKS, Painter, docs_url

DEFAULT_VERSION = "11.0"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "simulate", help="show, step by step, what GLPI does to check a registration key",
        description="Simulate GLPI's registration check for a GLPI version: what GLPI reads, "
                    "sends and receives, what it shows, and the fix for the step that fails. "
                    "GLPI's side follows GLPI's code; GLPI Network's side is a model. Nothing is "
                    "sent anywhere. Exit status: 0 GLPI's outcome is fine, 1 it is not, 2 wrong "
                    "usage.")
    parser.add_argument("--list", action="store_true", help="print the scenario ids, one a line")
    parser.add_argument("--scenario", metavar="ID", help="the scenario to play (see --list)")
    parser.add_argument("--glpi-version", metavar="V", default=DEFAULT_VERSION,
                        help=f"GLPI version: {accepted()} (default {DEFAULT_VERSION})")
    parser.add_argument("--key", metavar="KEY",
                        help="start from your own registration key (\"-\" reads standard input); "
                             "it is redacted in the output")
    parser.add_argument("--language", metavar="LOCALE", default=ENGLISH,
                        help="show GLPI's texts as GLPI shows them in this interface language, "
                             f"with the English next to them: {', '.join((ENGLISH, *LANGUAGES))} "
                             f"(default {ENGLISH})")
    parser.add_argument("--json", action="store_true", help="print the run as JSON")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.list:
        if args.json:
            write(json_text([scenario.to_dict() for scenario in SCENARIOS.values()]))
        else:
            write("\n".join(SCENARIOS))
        return 0
    if not args.scenario:
        raise UsageError("Give --scenario ID (or --list to see the ids).")
    try:  # before reading the key: a usage error never waits on standard input
        check_arguments(args.scenario, args.glpi_version, key_given=args.key is not None)
        check_language(args.language)
    except ValueError as error:
        raise UsageError(str(error)) from None
    key = read_text_argument(args.key) if args.key is not None else None
    result = translate_run(simulate(args.scenario, args.glpi_version, key).to_dict(), args.language)
    if args.json:
        write(json_text(result))
    else:
        write(render_run(result))
    return 0 if result["outcome"]["status"] == "ok" else 1


def _indent(text: str, prefix: str) -> list[str]:
    return [prefix + line if line else prefix.rstrip() for line in shown_lines(text.rstrip("\n"))]


def _shown(english: str, in_language: str | None, prefix: str) -> list[str]:
    """What GLPI shows: in the chosen language when there is one, its English next to it."""
    if not in_language:
        return _indent(english, prefix)
    lines = _indent(in_language, prefix)
    if in_language != english:
        lines += _indent(english, prefix.replace("»", "(English)", 1))
    return lines


def render_summary(summary: dict[str, Any], paint: Painter) -> list[str]:
    """The answer first: what GLPI shows, the step where it goes wrong, and that step's fix."""
    status = summary["status"]
    lines = [f"{paint(MARKS[status], status)} {paint(summary['shows_line'], 'bold')}"]
    lines += _shown(summary["glpi_shows"], summary.get("glpi_shows_in_language"), "    » ")
    failing = summary["failing_step"]
    if failing:
        lines.append(f"  {paint(MARKS[failing['status']], failing['status'])} "
                     f"{summary['failing_line']}  [{failing['name']}]")
    else:
        lines.append(f"  {summary['failing_line']}")
    if summary["fix"]:
        lines.append(f"  Fix: {summary['fix']}")
    if summary["doc"]:
        lines.append(f"  More: {docs_url(summary['doc'])}")
    return lines


def render_run(result: dict[str, Any], stream: TextIO | None = None) -> str:
    """The summary (computed by the core), then the timeline: one block per step with its
    readable title, each fix and page link printed once."""
    paint = Painter(stream or sys.stdout)
    result = shown_tree(result, keep_newlines=True)
    summary = result["summary"]
    lines = render_summary(summary, paint)
    lines += ["", paint(f"{result['title']}  [{result['scenario']}]", "bold"),
              f"GLPI {result['glpi_version']} (User-Agent of {result['glpi_release']})",
              result["notice"], ""]
    show_fix, show_doc = {}, {}
    for group in summary["groups"]:
        for number, fix, doc in zip(group["steps"], group["show_fix"], group["show_doc"]):
            show_fix[number], show_doc[number] = fix, doc
    failing = (summary["failing_step"] or {}).get("number")
    for number, step in enumerate(result["steps"], 1):
        status = step["status"]
        here = paint("  ← goes wrong here", "bold") if number == failing else ""
        lines.append(f"{number:2}. {paint(MARKS[status], status)} "
                     f"{paint(step['title'], 'bold')}  [{step['name']}]  {paint(status, status)}{here}")
        lines += _indent(step["explanation"], "      ")
        if status == "skipped":
            continue
        if step["detail"]:
            lines += _indent(step["detail"], "      │ ")
        if step["shows"]:
            lines.append(f"      GLPI shows ({step['shown_on']}):")
            lines += _shown(step["shows"], step.get("shows_in_language"), "        » ")
        if step["fix"] and show_fix.get(number):
            lines.append(f"      Fix: {step['fix']}")
        if step["doc"] and show_doc.get(number):
            lines.append(f"      More: {docs_url(step['doc'])}")
    return "\n".join(lines)
