"""The daily commands: today, check, uncheck, skip, habits. Each function returns the exit status."""

from __future__ import annotations

import argparse

from plumbline.app.settings import APP_NOTICE, SHELL_NOTICE
from plumbline.app.tracker import Tracker
from plumbline.cli import clock, render, terminal
from plumbline.cli.dates import add_day_argument, parse_day
from plumbline.domain.entries import MAX_COUNT, checked_count
from plumbline.domain.habit import Kind
from plumbline.errors import BadInput


def open_tracker(args: argparse.Namespace) -> Tracker:
    tracker = Tracker.at(args.data_dir)
    tracker.warn = terminal.warn
    for error in tracker.load_errors:
        terminal.warn(f"{error}; the other habits still load")
    return tracker


def note_once(tracker: Tracker) -> None:
    """The safety notice, short, on stderr: once per data dir, after the first command that writes
    (check, uncheck, skip, pain, import) or sets up reminders. Someone who only uses the shell or
    the reminder service never sees the app's first-start notice; this is remembered beside it
    (shell_notice_seen) and not shown where the app's notice was already seen."""
    if tracker.settings.first_time(SHELL_NOTICE, APP_NOTICE):
        # Imported only here: textwrap alone was 1.7 ms of every command.
        import sys
        import textwrap

        from plumbline.domain.safety import SHORT_NOTICE

        width = min(_columns(), 100) - 2
        lines = textwrap.wrap(SHORT_NOTICE, width, initial_indent="  ", subsequent_indent="  ")
        terminal.say(f"{terminal.PROG}: before you start:", *lines, file=sys.stderr)


def show_today(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    day = parse_day(args.date, tracker.today(clock.now()))
    rows = tracker.checklist(day)
    if args.json:
        terminal.say_json(render.to_json(render.today_json(day, rows)))
    else:
        terminal.say(*render.today_text(day, rows, _columns()))
    return 0


def check(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    real_today = tracker.today(clock.now())
    day = parse_day(args.date, real_today, latest=real_today)
    amount = parse_count(args.count)
    # A check made now (of posture breaks: a break, which restarts the countdown) is made at
    # the local, aware moment; tracker.today(now) decided `real_today` from the same clock.
    entry = tracker.check(args.habit, day, amount, args.note, today=real_today, clock=clock.now_local)
    habit = tracker.habit(args.habit)
    if habit.kind.numeric:
        limit = "at most " if habit.kind is Kind.LIMIT else ""
        terminal.say(f"{habit.name}: {entry.count:g} ({limit}{habit.target:g}) {habit.unit} on {day}".replace("  ", " "))
    else:
        terminal.say(f"{habit.label_done}: done on {day}")
    note_once(tracker)
    return 0


def parse_count(text: str) -> float:
    """What `--count` adds: a number from 0 to MAX_COUNT, decimals allowed (2.5 km)."""
    try:
        amount = checked_count(float(text))
    except ValueError:
        amount = None
    if amount is None:
        raise BadInput(f"bad count '{text}': give a number from 0 to {MAX_COUNT}, e.g. 1 or 2.5")
    return amount


def uncheck(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    today = tracker.today(clock.now())
    day = parse_day(args.date, today, latest=today)
    removed = tracker.uncheck(args.habit, day)
    name = tracker.habit(args.habit).name
    terminal.say(f"{name}: record for {day} removed" if removed else f"{name}: no record for {day}, nothing to remove")
    note_once(tracker)
    return 0


def skip(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    real_today = tracker.today(clock.now())
    day = parse_day(args.date, real_today)  # a rest day may be planned ahead
    tracker.skip(args.habit, day, today=real_today)
    terminal.say(f"{tracker.habit(args.habit).name}: rest day on {day}")
    note_once(tracker)
    return 0


def list_habits(args: argparse.Namespace) -> int:
    listed = open_tracker(args).habits(include_archived=args.all)
    if args.json:
        terminal.say_json(render.to_json([render.habit_json(h) for h in listed]))
    else:
        terminal.say(*render.habits_text(listed))
    return 0


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `command` (one of this module's in main.COMMANDS) and the function that runs it."""
    if command in ("check", "uncheck", "skip"):
        parser.add_argument("habit", metavar="HABIT",
                            help="a habit id, or the start of its id or name (plumbline habits lists them)")
    if command != "habits":
        add_day_argument(parser)
    if command in ("today", "habits"):
        parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    if command == "check":
        parser.add_argument("--count", metavar="N", default="1",
                            help="how much to add (a count or limit habit; decimals allowed)")
        parser.add_argument("--note", metavar="TEXT", default="", help="a note kept with the record")
    if command == "habits":
        parser.add_argument("--all", action="store_true", help="include archived habits")
    runs = {"today": show_today, "check": check, "uncheck": uncheck, "skip": skip, "habits": list_habits}
    parser.set_defaults(run=runs[command])


def _columns() -> int:
    import shutil  # here: with the archive modules it loads, 3 ms that `today --json` does not need

    return shutil.get_terminal_size().columns
