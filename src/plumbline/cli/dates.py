"""Parsing the day arguments of the contract: YYYY-MM-DD, `today`, `yesterday`.

Only days plumbline can always show are taken: a record dated in the year 500 or 9999 would
make the date arithmetic of streaks and weeks overflow in every later command.
"""

from __future__ import annotations

import argparse
import datetime as dt

from plumbline.domain.days import FIRST_DAY, LAST_DAY, named_day
from plumbline.errors import BadInput


def parse_day(text: str | None, today: dt.date, latest: dt.date | None = LAST_DAY) -> dt.date:
    """The day `text` names. Days after `latest` (give `today` for a record) or before 1900 are bad input."""
    try:
        day = today if text is None else named_day(text, today)
    except ValueError:
        raise BadInput(f"bad date '{text}': give it as YYYY-MM-DD, or 'today' or 'yesterday'") from None
    last = min(latest or LAST_DAY, LAST_DAY)
    if not FIRST_DAY <= day <= last:
        shown = text or day.isoformat()
        if day > last and last < LAST_DAY:
            raise BadInput(f"date '{shown}' is after today ({last}): a record can only be made for a day that has come")
        raise BadInput(f"date '{shown}' is outside {FIRST_DAY}..{last}: give a day in that range")
    return day


def parse_moment(text: str, flag: str) -> dt.datetime:
    """A local date-time as ISO 8601, within the days parse_day takes."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise BadInput(f"bad {flag} '{text}': give a local date-time such as 2026-11-23T08:30") from None
    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise BadInput(f"bad {flag} '{text}': give a date-time between {FIRST_DAY} and {LAST_DAY}")
    return moment


def add_day_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="D", help="the day: YYYY-MM-DD, today or yesterday (default: today)")
