"""What time it is, for the CLI and the app.

`PLUMBLINE_NOW` (an ISO date-time) pins the clock: tests and the screenshot script use it so
that output does not depend on the day they run.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

NOW_VAR = "PLUMBLINE_NOW"
LOCALTIME = Path("/etc/localtime")


def now() -> dt.datetime:
    pinned = os.environ.get(NOW_VAR)
    if pinned:
        return dt.datetime.fromisoformat(pinned)
    return dt.datetime.now()


def now_local() -> dt.datetime:
    """Now, aware, in the local zone: reminders need the zone's DST rules, not just an offset."""
    return as_local(now())


def as_local(moment: dt.datetime) -> dt.datetime:
    zone = local_zone()
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def local_zone() -> dt.tzinfo:
    """The local zone with its DST rules: $TZ, else /etc/localtime, else today's fixed offset."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only reminders need zones

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        with LOCALTIME.open("rb") as data:
            return ZoneInfo.from_file(data, key="localtime")
    except (OSError, ValueError):
        return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc
