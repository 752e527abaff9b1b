"""export and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plumbline.cli import clock, terminal
from plumbline.cli.checklist_commands import note_once, open_tracker


def export(args: argparse.Namespace) -> int:
    from plumbline.app.transfer import export_csv, export_json, write_export

    tracker = open_tracker(args)
    text = export_json(tracker) if args.format == "json" else export_csv(tracker, tracker.today(clock.now()))
    if args.output:
        write_export(Path(args.output), text)
        terminal.say(f"Exported to {args.output}", file=sys.stderr)
    elif args.format == "json":
        terminal.say_json(text)
    else:  # CSV keeps the line breaks inside a quoted note; the stream still shows controls
        sys.stdout.write(text)
    return 0


def import_file(args: argparse.Namespace) -> int:
    from plumbline.app.imports import import_file as import_any

    tracker = open_tracker(args)
    for line in import_any(tracker, Path(args.file), clock.now()):
        terminal.say(line)
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
