"""`glpi-keycheck check [KEY|-]`: the verdict on a pasted registration key."""

from __future__ import annotations

from ..check import check
from ..share import VISIBLE_CHARS, markdown_report
from .inputs import read_text_argument
from .output import json_text, shown_lines, write
from .render import render_report


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="check a registration key (or find out what the pasted secret is)",
        description="Check a GLPI Network registration key: repair paste damage, validate its "
                    "format as GLPI does, or say what else it is. Reads standard input when KEY "
                    "is \"-\" or absent.")
    parser.add_argument("key", nargs="?", metavar="KEY", help="the key, or - for standard input")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--report", action="store_true",
                        help="print a Markdown report to paste in a forum post or a ticket, with "
                             f"the key redacted (its first {VISIBLE_CHARS} characters and its length)")
    parser.set_defaults(run=run)


def run(args) -> int:
    text = read_text_argument(args.key)
    report = check(text).to_dict()
    if args.json:
        write(json_text(report))
    elif args.report:
        write("\n".join(shown_lines(markdown_report(report, text=text))))  # it quotes the input
    else:
        write(render_report(report))
    return 1 if report["status"] == "error" else 0
