"""`plumbline` and its subcommands. Exit codes and error lines follow CONTRACT.md."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from plumbline import __version__
from plumbline.cli import (
    checklist_commands,
    remind_commands,
    review_commands,
    routine_commands,
    transfer_commands,
)
from plumbline.storage.errors import BadInput, PlumblineError

# Each module adds its subcommands with `register(command)` and points them at a function with
# set_defaults(run=...). Modules keep heavy imports (Textual, APScheduler, plyer) inside functions.
COMMAND_MODULES = (checklist_commands, review_commands, transfer_commands, routine_commands, remind_commands)

PROG = "plumbline"


class Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as the contract's one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Keep the habits that help an SI joint, every day.")
    parser.add_argument("--version", action="version", version=f"plumbline {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep all data under DIR (or set PLUMBLINE_DATA_DIR)")
    # Each subcommand also takes --data-dir; SUPPRESS keeps it from hiding the global one.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help_text: str) -> Parser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    for module in COMMAND_MODULES:
        module.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _open_app(args)
        return args.run(args)
    except PlumblineError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for users
        return _fail(f"unexpected {type(error).__name__}: {error}; please report it with the command you ran", 1)


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _open_app(args: argparse.Namespace) -> int:
    from plumbline.cli.launch import run_app

    return run_app(args.data_dir)
