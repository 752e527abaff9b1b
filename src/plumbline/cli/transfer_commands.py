"""export and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plumbline.cli import clock, terminal
from plumbline.cli.checklist_commands import note_once, open_tracker
from plumbline.storage.atomic import atomic_write, read_regular
from plumbline.storage.errors import BadInput


def export(args: argparse.Namespace) -> int:
    from plumbline.storage.transfer import export_csv, export_json

    if args.output and Path(args.output).is_dir():
        raise BadInput(f"--output {args.output} is a folder: give the name of a file to write")
    tracker = open_tracker(args)
    text = export_json(tracker) if args.format == "json" else export_csv(tracker, tracker.today(clock.now()))
    if args.output:
        output = Path(args.output)
        if not output.parent.is_dir():  # a typo in the folder must not make a new folder silently
            raise BadInput(f"cannot export to {output}: the folder {output.parent} does not exist; create it first")
        atomic_write(output, text.encode("utf-8"))
        terminal.say(f"Exported to {args.output}", file=sys.stderr)
    elif args.format == "json":
        terminal.say_json(text)
    else:  # CSV keeps the line breaks inside a quoted note; the stream still shows controls
        sys.stdout.write(text)
    return 0


def import_file(args: argparse.Namespace) -> int:
    """A Loop file is recognised by its content (a zip or SQLite file of Loop's shape), whatever
    its name; anything else must be a plumbline JSON export."""
    from plumbline.storage.loop_formats import ACCEPTED, sniff

    path = Path(args.file)
    if path.exists() and not (path.is_file() or path.is_dir()):
        raise BadInput(f"import file {path} is not a regular file (a FIFO or a device): give an export file")
    tracker = open_tracker(args)
    if sniff(path) is not None:
        from plumbline.storage.loop_import import import_loop

        for line in import_loop(tracker, path, clock.now()).lines():
            terminal.say(line)
        note_once(tracker)
        return 0
    from plumbline.storage.transfer import CSV_HEADER, import_json

    try:
        raw = read_regular(path)
        if raw is None:
            raise FileNotFoundError(2, "there is no such file")
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"cannot read import file {path}: it is not text in UTF-8; give {ACCEPTED}") from None
    except OSError as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BadInput(f"cannot read import file {path} ({reason}); check the path") from None
    if text.startswith(",".join(CSV_HEADER)):
        raise BadInput(f"import file {path} is plumbline's CSV export, which is for spreadsheets only: "
                       "import a JSON export (plumbline export --format json) instead")
    entries, pains = import_json(tracker, path, text, clock.now())
    terminal.say(f"Imported {entries} check-in{'s' if entries != 1 else ''} and "
                 f"{pains} pain reading{'s' if pains != 1 else ''}")
    note_once(tracker)
    return 0


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `command` (one of this module's in main.COMMANDS) and the function that runs it."""
    if command == "export":
        parser.add_argument("--format", choices=("json", "csv"), default="json",
                            help="json to import again (default), csv for a spreadsheet")
        parser.add_argument("--output", metavar="FILE",
                            help="write to FILE (in a folder that exists) instead of printing")
        parser.set_defaults(run=export)
    else:
        parser.add_argument("file", metavar="FILE", help="the file to import, recognised by its content")
        parser.set_defaults(run=import_file)
