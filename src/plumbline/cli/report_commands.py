"""report: the HTML report for a physical therapist."""

from __future__ import annotations

import argparse
from pathlib import Path

from plumbline.cli import clock, terminal
from plumbline.cli.checklist_commands import open_tracker
from plumbline.cli.dates import parse_day


def report(args: argparse.Namespace) -> int:
    from plumbline.report.write import write_report

    tracker = open_tracker(args)
    today = tracker.today(clock.now())
    first = parse_day(args.first, today, latest=today) if args.first else None
    last = parse_day(args.last, today, latest=today) if args.last else None
    output = None if args.output in (None, "-") else Path(args.output)
    path = write_report(tracker, today, output, Path.cwd(), first, last)
    terminal.say(str(path))
    return 0


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `report` and the function that runs it."""
    parser.add_argument("--from", dest="first", metavar="D",
                        help="the first day: YYYY-MM-DD, today or yesterday (default: the last 8 whole weeks)")
    parser.add_argument("--to", dest="last", metavar="D", help="the last day (default: last Sunday)")
    parser.add_argument("--output", metavar="FILE",
                        help="write to FILE (default, or '-': plumbline-report-FROM-TO.html here)")
    parser.set_defaults(run=report)
