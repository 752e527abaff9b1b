"""export and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plumbline.cli import clock
from plumbline.cli.checklist_commands import open_tracker
from plumbline.storage.atomic import atomic_write
from plumbline.storage.errors import BadInput


def export(args: argparse.Namespace) -> int:
    from plumbline.storage.transfer import export_csv, export_json

    if args.output and Path(args.output).is_dir():
        raise BadInput(f"--output {args.output} is a folder: give the name of a file to write")
    tracker = open_tracker(args)
    text = export_json(tracker) if args.format == "json" else export_csv(tracker, tracker.today(clock.now()))
    if args.output:
        atomic_write(Path(args.output), text.encode("utf-8"))
        print(f"Exported to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def import_file(args: argparse.Namespace) -> int:
    from plumbline.storage.loop_import import import_loop, is_loop_export
    from plumbline.storage.transfer import import_json

    path = Path(args.file)
    if path.exists() and not (path.is_file() or path.is_dir()):
        raise BadInput(f"import file {path} is not a regular file (a FIFO or a device): give an export file")
    tracker = open_tracker(args)
    try:
        is_loop = is_loop_export(path)
        text = "" if is_loop else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BadInput(f"cannot read import file {path} ({reason}); check the path") from None
    if is_loop:
        habits, entries = import_loop(tracker, path, clock.now())
        print(f"Imported {habits} habits and {entries} check-ins from Loop Habit Tracker")
        return 0
    entries, pains = import_json(tracker, path, text, clock.now())
    print(f"Imported {entries} check-ins and {pains} pain entries")
    return 0


def register(command) -> None:
    export_cmd = command("export", "all data, as JSON (for import) or CSV (for a spreadsheet)")
    export_cmd.add_argument("--format", choices=("json", "csv"), default="json")
    export_cmd.add_argument("--output", metavar="FILE")
    export_cmd.set_defaults(run=export)

    import_cmd = command("import", "merge a plumbline JSON export or a Loop Habit Tracker CSV export (.zip)")
    import_cmd.add_argument("file", metavar="FILE")
    import_cmd.set_defaults(run=import_file)
