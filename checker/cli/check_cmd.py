"""`glpi-keycheck check [KEY|-]`: the verdict on a pasted registration key."""

from __future__ import annotations

from ..check import check
from .inputs import read_text_argument
from .output import json_text, write
from .render import render_report


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="check a registration key (or find out what the pasted secret is)",
        description="Check a GLPI Network registration key: repair paste damage, validate its "
                    "format as GLPI does, or say what else it is. Reads standard input when KEY "
                    "is \"-\" or absent.")
    parser.add_argument("key", nargs="?", metavar="KEY", help="the key, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args) -> int:
    report = check(read_text_argument(args.key)).to_dict()
    if args.json:
        write(json_text(report))
    else:
        write(render_report(report))
    return 1 if report["status"] == "error" else 0
