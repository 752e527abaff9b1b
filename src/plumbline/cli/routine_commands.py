"""The guided routines from the shell: `routine --list [--json]`, and `routine NAME` to play one."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from plumbline.app.library import RoutineLibrary
from plumbline.cli import render, terminal
from plumbline.cli.checklist_commands import open_tracker
from plumbline.domain.routine import Routine
from plumbline.errors import BadInput


def routine_json(routine: Routine) -> dict[str, Any]:
    return {
        "id": routine.id,
        "name": routine.name,
        "steps": len(routine.steps),
        "minutes": routine.minutes,
        "habit": routine.habit,
        "custom": routine.custom,
    }


def routines_text(routines: Sequence[Routine]) -> list[str]:
    if not routines:
        return ["No routines. Drop a TOML file into the data dir's routines/ folder."]
    rows = []
    for r in routines:
        checks = f"  - checks {r.habit}" if r.habit else ""
        rows.append((r.id, f"{r.name}  ({r.describe()}){checks}"))
    return render.id_column(rows)


def open_routines(args: argparse.Namespace) -> RoutineLibrary:
    library = open_tracker(args).routines()
    for error in library.errors:
        terminal.warn(f"{error}; the other routines still load")
    return library


def routine(args: argparse.Namespace) -> int:
    if args.list and args.name:
        raise BadInput(f"give a routine NAME or --list, not both (got '{args.name}' and --list)")
    if args.json and not args.list:
        raise BadInput("--json goes with --list: run 'plumbline routine --list --json'")
    if not args.list and not args.name:
        raise BadInput("give a routine NAME to play, or --list to see them: run 'plumbline routine --list'")
    library = open_routines(args)
    if args.list:
        listed = library.routines
        if args.json:
            terminal.say_json(render.to_json([routine_json(r) for r in listed]))
        else:
            terminal.say(*routines_text(listed))
        return 0
    if args.name not in library.by_id():
        raise BadInput(f"unknown routine '{args.name}': run 'plumbline routine --list'")
    from plumbline.cli.launch import run_app  # Textual loads only for the player

    return run_app(args.data_dir, routine=args.name, ascii_marks=args.ascii)


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `routine` and the function that runs it."""
    parser.add_argument("name", metavar="NAME", nargs="?", help="the routine to play (an id from --list)")
    parser.add_argument("--list", action="store_true", help="list the routines and exit")
    parser.add_argument("--json", action="store_true", help="with --list: as JSON")
    # As before the command (main.py); SUPPRESS keeps it from hiding the global one.
    parser.add_argument("--ascii", action="store_true", default=argparse.SUPPRESS,
                        help="plain marks in the player's app")
    parser.set_defaults(run=routine)
