"""`plumbline` and its subcommands. Exit codes and error lines follow docs/contract.md."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from plumbline import __version__
from plumbline.cli import terminal
from plumbline.errors import BadInput, PlumblineError

# Which module defines each subcommand. Each module adds its commands with `register(command)`
# and points them at a function with set_defaults(run=...). Only the module of the command
# being run is imported, so `plumbline check` does not pay for the reminder or export code.
COMMAND_MODULES = {
    "plumbline.cli.checklist_commands": ("today", "check", "uncheck", "skip", "habits"),
    "plumbline.cli.review_commands": ("week", "streaks", "pain"),
    "plumbline.cli.transfer_commands": ("export", "import"),
    "plumbline.cli.report_commands": ("report",),
    "plumbline.cli.routine_commands": ("routine",),
    "plumbline.cli.remind_commands": ("remind", "notify-test"),
}

PROG = terminal.PROG


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized here rather than by argparse, which imports shutil for it
    (2 ms of every command, since argparse makes a formatter for each argument it is given)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or terminal.columns() - 2)


class Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as the contract's one line, exit status 2."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, formatter_class=Formatter, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")


def build_parser(argv: Sequence[str] | None = None) -> Parser:
    parser = Parser(prog=PROG, description="Keep the habits that help an SI joint, every day.")
    parser.add_argument("--version", action="version", version=f"plumbline {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep all data under DIR (or set PLUMBLINE_DATA_DIR)")
    parser.add_argument("--ascii", action="store_true",
                        help="plain marks in the app (x - ! ~ .), for screen readers and terminals without Unicode")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    wanted = _command_named(argv)

    def command(name: str, help_text: str) -> Parser:
        if wanted is not None and name != wanted:
            return _Unused()  # type: ignore[return-value]
        parser = sub.add_parser(name, help=help_text, description=help_text)
        # Each subcommand also takes --data-dir; SUPPRESS keeps it from hiding the global one.
        parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return parser

    for module_name, names in COMMAND_MODULES.items():
        if wanted is None or wanted in names:
            importlib.import_module(module_name).register(command)
    return parser


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The known subcommand in argv, or None (no command, help, or a bad one: build them all)."""
    args = list(sys.argv[1:] if argv is None else argv)
    while args and args[0].startswith("-"):
        flag = args.pop(0)
        if flag == "--data-dir" and args:
            args.pop(0)
        elif flag in ("-h", "--help", "--version"):
            return None
    known = {name for names in COMMAND_MODULES.values() for name in names}
    return args[0] if args and args[0] in known else None


class _Unused:
    """Stands in for the parser of a command that is not being run."""

    def add_argument(self, *_, **__) -> None:
        pass

    def add_mutually_exclusive_group(self, *_, **__) -> _Unused:
        return self

    def set_defaults(self, **_) -> None:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    terminal.install()
    try:
        args = _parser_with_imports_frozen(argv).parse_args(argv)
        if args.command is None:
            return _open_app(args)
        return args.run(args)
    except PlumblineError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # a full, read-only or foreign disk outside the paths that name their file
        from plumbline.errors import storage_error

        return _fail(str(storage_error(error, doing="use")), 1)
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for users
        return _fail(f"unexpected {type(error).__name__}: {error}; please report it with the command you ran", 1)


def _parser_with_imports_frozen(argv: Sequence[str] | None) -> Parser:
    """build_parser imports the command's modules: modules, classes and functions that live as
    long as the process. The garbage collector's passes over them (while importing, in every
    full collection after, and in the sweep at exit) were about 5 ms of the 37 that `today`
    took. gc.freeze() moves what exists now out of the collector's sight; what the command
    makes afterwards is collected as usual."""
    enabled = gc.isenabled()
    gc.disable()  # nothing made while importing is garbage worth a pass
    try:
        return build_parser(argv)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _fail(message: str, code: int) -> int:
    terminal.error(message)  # one line, whatever the message holds
    return code


def _open_app(args: argparse.Namespace) -> int:
    from plumbline.cli.launch import run_app

    return run_app(args.data_dir, ascii_marks=args.ascii)
