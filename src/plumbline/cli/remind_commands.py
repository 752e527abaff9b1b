"""`remind` and `notify-test`. APScheduler, plyer and D-Bus load only inside the commands that
need them: `remind --list` is the pure schedule over the store."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys

from plumbline.app.reminders import upcoming_reminders
from plumbline.cli import clock, render, terminal
from plumbline.cli.checklist_commands import note_once, open_tracker
from plumbline.domain.reminders import Reminder
from plumbline.errors import PlumblineError

TEST_TITLE = "plumbline"
TEST_MESSAGE = "Desktop notifications work: posture breaks and habit reminders will look like this."


def remind(args: argparse.Namespace) -> int:
    if args.install_service:
        from plumbline.cli.service_unit import install

        tracker = open_tracker(args)
        print(install(tracker.locations.data_dir))
        note_once(tracker)  # someone setting up reminders may never open the app
        return 0
    tracker = open_tracker(args)
    if not args.list:
        from plumbline.notify.run import run_foreground

        if sys.stderr.isatty():  # a person is watching, not the service manager's log
            note_once(tracker)
        return run_foreground(tracker, clock.now_local)
    start = parse_from(args.start) if args.start else clock.now_local()
    reminders = upcoming_reminders(tracker, tracker.reminders.settings(), start)
    if args.json:
        terminal.say_json(render.to_json([r.to_json() for r in reminders]))
    else:
        print(reminders_text(start, reminders))
    return 0


def parse_from(text: str) -> dt.datetime:
    from plumbline.cli.dates import parse_moment

    return clock.as_local(parse_moment(text, "--from"))


def reminders_text(start: dt.datetime, reminders: list[Reminder]) -> str:
    head = f"Reminders in the 24 hours from {start:%a %d %b %H:%M}"
    if not reminders:
        return f"{head}: none (outside working hours, done, or paused)."
    width = max(len(r.title) for r in reminders)
    return "\n".join([head, *(f"  {r.at:%a %H:%M}  {r.title:<{width}}  {r.message}" for r in reminders)])


def notify_test(args: argparse.Namespace) -> int:
    from plumbline.notify.bus import NoNotificationService
    from plumbline.notify.notifier import send_once
    from plumbline.notify.sender import EXPIRE_SECONDS, Note

    try:
        server = asyncio.run(send_once(Note(TEST_TITLE, TEST_MESSAGE)))
    except NoNotificationService as missing:
        raise PlumblineError(f"no desktop notification was shown: {missing}") from None
    print(f"sent a test notification to {server}; it goes away by itself after {EXPIRE_SECONDS} s")
    return 0


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The arguments of `command` (one of this module's in main.COMMANDS) and the function that runs it."""
    if command == "notify-test":
        parser.set_defaults(run=notify_test)
        return
    parser.add_argument("--list", action="store_true", help="print the reminders of the next 24 hours and exit")
    parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    parser.add_argument("--from", dest="start", metavar="T", help="ISO 8601 local date-time (default now)")
    parser.add_argument("--install-service", action="store_true",
                        help="write a systemd user unit that runs the reminders at login")
    parser.set_defaults(run=remind)
