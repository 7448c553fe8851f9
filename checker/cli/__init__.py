"""`glpi-keycheck`: the command-line face of the checker. Parses arguments, reads, prints.

Each subcommand lives in its own module with a `register(subparsers)` function that sets
`run` on its parser; `run(args) -> int` returns the exit status.
Exit status: 0 fine, 1 a problem found or bad input, 2 wrong usage, 70 a bug in glpi-keycheck
(one line, never a traceback, never the input).
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import check_cmd, crypto_cmd, keyfile_cmd, simulate_cmd
from .inputs import InputError, UsageError, undecodable_argument
from .output import OutputClosed, OutputFailed, fit, shown, silence_stdout, stdout_failure, write_error

SUBCOMMANDS = [check_cmd, keyfile_cmd, crypto_cmd, simulate_cmd]
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as argparse does, but no usage dump
        self.exit(2, f"{self.prog}: error: {shown(message)}\n(see `{self.prog} --help`)\n")

    def _print_message(self, message, file=None):  # help, version and errors in any encoding
        file = file if file is not None else sys.stderr
        if message and file is not None:
            try:
                file.write(fit(message, file))
            except BrokenPipeError:
                raise
            except (OSError, ValueError) as error:
                raise OutputFailed(getattr(error, "strerror", None) or type(error).__name__) from None


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
    """Run one command; every outcome is an exit status and at most one line on stderr."""
    try:
        code = _run(sys.argv[1:] if argv is None else argv)
        failure = stdout_failure()
    except BrokenPipeError:  # `glpi-keycheck … | head`: the reader left, say nothing
        silence_stdout()
        return 1
    except KeyboardInterrupt:
        return 130
    except OutputClosed:
        write_error("standard output is closed: nothing could be printed.")
        return 1
    except OutputFailed as failure:
        silence_stdout()
        write_error(f"cannot write to standard output ({failure}).")
        return 1
    except Exception as error:  # a bug: one line with its type, never the input, never a traceback
        write_error(f"internal error: {type(error).__name__}, please report it.")
        return EXIT_INTERNAL_ERROR
    if failure:
        write_error(failure)
        return 1
    return code


def _run(argv: list[str]) -> int:
    if sys.stdout is None:
        raise OutputClosed()
    bad = undecodable_argument(argv)
    if bad:
        write_error(bad)
        return 1
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help(sys.stderr)
            return 2
        return args.run(args)
    except SystemExit as exit:  # argparse: --help, --version (0) or wrong usage (2)
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 2)
    except UsageError as error:
        write_error(f"error: {error}")
        return 2
    except InputError as error:
        write_error(str(error))
        return 1
    except EOFError:  # Ctrl-D at a prompt
        write_error("no input: stopped at end of input (Ctrl-D).")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
