"""Looking back: week, streaks, and the pain log."""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap

from plumbline.cli import clock, render, terminal
from plumbline.cli.checklist_commands import note_once, open_tracker
from plumbline.cli.dates import parse_day
from plumbline.domain.pain import TRIGGERS
from plumbline.app.reviews import week_at
from plumbline.domain.review import COMPARISON_CAVEAT, describe_comparison
from plumbline.errors import BadInput


def show_week(args: argparse.Namespace) -> int:
    tracker = open_tracker(args)
    today = tracker.today(clock.now())
    review, comparisons = week_at(tracker, parse_day(args.date, today), today)
    if args.json:
        terminal.say_json(render.to_json(render.week_json(review)))
        return 0
    width = terminal.columns()
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
        terminal.say(*render.streaks_text(standings, terminal.columns()))
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


def register(command) -> None:
    week = command("week", "the review of the ISO week (Monday to Sunday) that holds D")
    week.add_argument("--date", metavar="D", help="the day: YYYY-MM-DD, today or yesterday (default: today)")
    week.add_argument("--json", action="store_true", help="print JSON, for scripts")
    week.set_defaults(run=show_week)

    streaks_cmd = command("streaks", "current and best streak and strength score per habit")
    streaks_cmd.add_argument("--json", action="store_true", help="print JSON, for scripts")
    streaks_cmd.set_defaults(run=show_streaks)

    pain = command("pain", "log pain from 0 (none) to 10 (worst) for a day")
    pain.add_argument("level", metavar="LEVEL", help="0 (no pain) to 10 (the worst)")
    pain.add_argument("--date", metavar="D", help="the day: YYYY-MM-DD, today or yesterday (default: today)")
    pain.add_argument("--time", metavar="HH:MM", help="when it was (default: now, for today)")
    pain.add_argument("--trigger", action="append", choices=sorted(TRIGGERS), metavar="WHAT",
                      help="what brought it on (again for more): " + ", ".join(sorted(TRIGGERS)))
    pain.add_argument("--note", metavar="TEXT", default="", help="a note kept with the record")
    pain.set_defaults(run=log_pain)
