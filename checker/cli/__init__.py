"""`glpi-keycheck`: the command-line face of the checker. Parses arguments, reads, prints.

Each subcommand lives in its own module with a `register(subparsers)` function that sets
`run` on its parser; `run(args) -> int` returns the exit status.
Exit status: 0 fine, 1 a problem found or bad input, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import check_cmd, crypto_cmd, keyfile_cmd, simulate_cmd
from .inputs import InputError, UsageError

SUBCOMMANDS = [check_cmd, keyfile_cmd, crypto_cmd, simulate_cmd]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as argparse does, but no usage dump
        self.exit(2, f"{self.prog}: error: {message}\n(see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="glpi-keycheck",
        description="Check GLPI Network registration keys, glpicrypt.key files and values GLPI "
                    "encrypts; simulate GLPI's registration check. Nothing is sent anywhere.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except UsageError as error:
        print(f"glpi-keycheck: error: {error}", file=sys.stderr)
        return 2
    except InputError as error:
        print(f"glpi-keycheck: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
