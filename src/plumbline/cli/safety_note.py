"""The safety notice, short, on stderr: once per data dir, on the first command that writes.

Someone who only uses the shell (or the reminder service) never sees the app's first-start
notice. After the first write (check, uncheck, skip, pain, import) or when setting up reminders,
this says the short version once; it is remembered in the data dir's state beside the app's
`notice_seen`, and not shown at all when the app's notice was already seen.
"""

from __future__ import annotations

import sys
import textwrap

from plumbline.cli import terminal
from plumbline.domain.safety import SHORT_NOTICE
from plumbline.storage.tracker import Tracker

SEEN = "shell_notice_seen"
APP_SEEN = "notice_seen"  # the app's full notice (ui/app.py)


def note_once(tracker: Tracker) -> None:
    if tracker.first_time(SEEN, APP_SEEN):
        width = min(terminal.columns(), 100) - 2
        lines = textwrap.wrap(SHORT_NOTICE, width, initial_indent="  ", subsequent_indent="  ")
        terminal.say(f"{terminal.PROG}: before you start:", *lines, file=sys.stderr)
