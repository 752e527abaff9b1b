"""`plumbline` and its subcommands. Exit codes and error lines follow docs/contract.md."""

import argparse
import gc
import importlib
from collections.abc import Sequence
from typing import Any, NoReturn

from plumbline import __version__
from plumbline.cli import terminal
from plumbline.errors import BadInput, PlumblineError

# Every subcommand, in the order `plumbline --help` lists them: (name, module in plumbline.cli, help).
# The module's add_arguments(parser, name) adds the command's arguments and set_defaults(run=...).
# A command's module is imported only when that command is run, so `plumbline check` does not pay
# for the reminder or export code.
COMMANDS = (
    ("today", "checklist_commands", "the checklist for a day: each active habit with status and streak"),
    ("check", "checklist_commands", "record a habit as done (a count habit adds N)"),
    ("uncheck", "checklist_commands", "remove that day's record"),
    ("skip", "checklist_commands", "record a planned rest day"),
    ("habits", "checklist_commands", "the habit library"),
    ("week", "review_commands", "the review of the ISO week (Monday to Sunday) that holds D"),
    ("streaks", "review_commands", "current and best streak and strength score per habit"),
    ("pain", "review_commands", "log pain from 0 (none) to 10 (worst) for a day"),
    ("export", "transfer_commands", "all data, as JSON (for import) or CSV (for a spreadsheet)"),
    ("import", "transfer_commands",
     "merge a plumbline JSON export, or Loop Habit Tracker's CSV export (.zip) or full backup (.db)"),
    ("report", "report_commands", "a self-contained HTML report of adherence and pain for a physical therapist"),
    ("sync", "sync_commands", "sync status: the devices that share the data dir through a sync folder"),
    ("routine", "routine_commands", "the guided routines: list them, or play one in the app"),
    ("remind", "remind_commands", "run the reminder service in the foreground, or list what it will remind"),
    ("notify-test", "remind_commands", "send one desktop notification now; exit 0 only if it was accepted"),
)

PROG = terminal.PROG


class Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as the contract's one line, exit status 2."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_UnsizedFormatter, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")

    def format_help(self) -> str:
        self.formatter_class = argparse.HelpFormatter  # help to print: as wide as the terminal
        return super().format_help()

    def format_usage(self) -> str:
        self.formatter_class = argparse.HelpFormatter
        return super().format_usage()


class _UnsizedFormatter(argparse.HelpFormatter):
    """argparse makes a formatter for every argument it adds, only to check the argument, and
    each asks the terminal its width (importing shutil: 2 ms of every command). The width is
    wanted only when help is printed, which uses argparse's own formatter (Parser.format_help)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


class CommandParser(Parser):
    """A subcommand's parser, made when argparse reaches the command (it calls parse_known_args
    on the command's parser), with its arguments from its module, imported then; not before.

    argparse makes every subcommand's parser up front, and each looks up the translations of its
    headings through gettext, which searches the locale folders on every call: 6 million
    instructions, a fortieth of `plumbline today`, for fourteen commands that are not run."""

    def __init__(self, *, command: str, module: str, **kwargs: Any) -> None:
        self.command = command
        self.module: str | None = module
        self._made_with = kwargs  # ArgumentParser's arguments, for when it is made

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self.module is not None:
            super().__init__(**self._made_with)
            # Each subcommand also takes --data-dir; SUPPRESS keeps it from hiding the global one.
            self.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
            importlib.import_module(f"plumbline.cli.{self.module}").add_arguments(self, self.command)
            self.module = None
        return super().parse_known_args(args, namespace)


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Keep the habits that help an SI joint, every day.")
    parser.add_argument("--version", action="version", version=f"plumbline {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep all data under DIR (or set PLUMBLINE_DATA_DIR)")
    parser.add_argument("--ascii", action="store_true",
                        help="plain marks in the app (x - ! ~ .), for screen readers and terminals without Unicode")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name, module, help_text in COMMANDS:
        sub.add_parser(name, help=help_text, description=help_text, command=name, module=module)
    return parser


def main(argv: Sequence[str] | None = None, collector: bool | None = None) -> int:
    """Run the command in `argv`; the collector is on afterwards if `collector`, else as it was
    (cli/entry.py pauses it before this module loads)."""
    terminal.install()
    try:
        args = _parse_with_imports_frozen(argv, gc.isenabled() if collector is None else collector)
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


def _parse_with_imports_frozen(argv: Sequence[str] | None, collector: bool) -> argparse.Namespace:
    """Parsing imports the command's module: modules, classes and functions that live as long as
    the process. The garbage collector's passes over them (while importing, in every full
    collection after, and in the sweep at exit) were about 5 ms of the 37 that `today` took.
    gc.freeze() moves what exists now out of the collector's sight; what the command makes
    afterwards is collected as usual (with `collector` on)."""
    gc.disable()  # nothing made while importing is garbage worth a pass
    try:
        return build_parser().parse_args(argv)
    finally:
        gc.freeze()
        if collector:
            gc.enable()


def _fail(message: str, code: int) -> int:
    terminal.error(message)  # one line, whatever the message holds
    return code


def _open_app(args: argparse.Namespace) -> int:
    from plumbline.cli.launch import run_app

    return run_app(args.data_dir, ascii_marks=args.ascii)
