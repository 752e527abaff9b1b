"""Which day a moment belongs to, and days and times of day as people write them.

With a "day starts at" hour such as 03:00, checking a habit at 01:30 still counts for the
evening before, as a late night feels to the person living it.
"""

from __future__ import annotations

import datetime as dt

MIDNIGHT = dt.time(0, 0)
# The days plumbline accepts and can always show: a year before 1900 or near 9999 makes the
# date arithmetic of streaks and weeks overflow (and a year-0500 date is a typo, not a habit).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)


def habit_day(moment: dt.datetime, day_starts_at: dt.time = MIDNIGHT) -> dt.date:
    """The local calendar date of `moment`, moved back a day when it falls before the day starts.

    `moment` is local wall-clock time (naive or aware): a DST change shifts the clock, not the date.
    """
    if moment.time().replace(tzinfo=None) < day_starts_at:
        return moment.date() - dt.timedelta(days=1)
    return moment.date()


def named_day(text: str, today: dt.date) -> dt.date:
    """The day a user names: YYYY-MM-DD, `today` or `yesterday` (the CLI's --date, the app's
    "go to date"). ValueError for anything else; the range a caller allows is its own to check."""
    if text == "today":
        return today
    if text == "yesterday":
        return today - dt.timedelta(days=1)
    if len(text) != 10:  # fromisoformat alone would also take 20261123
        raise ValueError(f"bad date '{text}'")
    return dt.date.fromisoformat(text)


# The latest hour a user's day may start: before it, a check-in counts for the day before.
LATEST_DAY_START = dt.time(6, 0)


def day_start(text: str) -> dt.time:
    """The hour a day starts, as the settings hold it; ValueError for anything but 00:00 to 06:00."""
    moment = clock_time(text)
    if moment > LATEST_DAY_START:
        raise ValueError(f"day start '{text}' is after {LATEST_DAY_START:%H:%M}")
    return moment


def clock_time(text: str) -> dt.time:
    """A time of day written HH:MM (or H:MM), 00:00 to 23:59: in habit files, settings, the
    CLI's --time and the stored data. ValueError for any other text, TypeError for no text."""
    if not isinstance(text, str):  # a number where a file should hold "HH:MM"
        raise TypeError(f"time {text!r} is not a text")
    hours, colon, minutes = text.strip().partition(":")
    if not (colon and 1 <= len(hours) <= 2 and len(minutes) == 2 and (hours + minutes).isascii()
            and (hours + minutes).isdigit()):
        raise ValueError(f"bad time '{text}'")
    return dt.time(int(hours), int(minutes))
