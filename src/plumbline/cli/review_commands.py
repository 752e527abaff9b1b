"""Looking back: week, streaks, and the pain log."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import textwrap

from plumbline.app.reviews import week_at
from plumbline.cli import clock, render, terminal
from plumbline.cli.checklist_commands import note_once, open_tracker
from plumbline.cli.dates import add_day_argument, parse_day
from plumbline.domain.pain import TRIGGERS
from plumbline.domain.review import COMPARISON_CAVEAT, describe_comparison
from plumbline.errors import BadInput


def show_week(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    today = tracker.today(clock.now())
    review, comparisons = week_at(tracker, parse_day(args.date, today), today)
    if args.json:
        terminal.say_json(render.to_json(render.week_json(review)))
        return 0
    width = shutil.get_terminal_size().columns
    terminal.say(*render.week_text(review, width))
    compared = False
    for row in review.rows:
        comparison = comparisons[row.habit.id]
        if comparison is not None:  # a sentence: broken between words, not by the terminal
            terminal.say(*textwrap.wrap(describe_comparison(comparison), width))
            compared = True
    if compared:
        terminal.say(*textwrap.wrap(COMPARISON_CAVEAT, width))
    return 0


def show_streaks(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    standings = tracker.standings(tracker.today(clock.now()))
    if args.json:
        terminal.say_json(render.to_json(render.streaks_json(standings)))
    else:
        terminal.say(*render.streaks_text(standings, shutil.get_terminal_size().columns))
    return 0


def log_pain(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    today = tracker.today(clock.now())
    day = parse_day(args.date, today, latest=today)
    try:
        level = int(args.level)
    except ValueError:
        raise BadInput(f"pain level '{args.level}' is not a number: give 0 (none) to 10 (worst)") from None
    time = _reading_time(args.time) if args.time else (clock.now().time().replace(second=0, microsecond=0)
                                                       if day == today else None)
    logged = tracker.log_pain(day, level, args.note, today=today, time=time, triggers=tuple(args.trigger or ()))
    at = f" at {time:%H:%M}" if time else ""
    others = len(logged.readings) - 1
    more = f" ({others + 1} readings that day, the highest {logged.level})" if others else ""
    terminal.say(f"Pain {level}/10 logged for {day}{at}{more}")
    note_once(tracker)
    return 0


def _reading_time(text: str) -> dt.time:
    from plumbline.domain.reminder_settings import SettingsError, parse_time

    try:
        return parse_time(text, "--time")
    except SettingsError as error:
        raise BadInput(f"bad {error}") from None


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `command` (one of this module's in main.COMMANDS) and the function that runs it."""
    if command == "pain":
        parser.add_argument("level", metavar="LEVEL", help="0 (no pain) to 10 (the worst)")
    if command in ("week", "pain"):
        add_day_argument(parser)
    if command in ("week", "streaks"):
        parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    if command == "pain":
        parser.add_argument("--time", metavar="HH:MM", help="when it was (default: now, for today)")
        parser.add_argument("--trigger", action="append", choices=sorted(TRIGGERS), metavar="WHAT",
                            help="what brought it on (again for more): " + ", ".join(sorted(TRIGGERS)))
        parser.add_argument("--note", metavar="TEXT", default="", help="a note kept with the record")
    parser.set_defaults(run={"week": show_week, "streaks": show_streaks, "pain": log_pain}[command])
