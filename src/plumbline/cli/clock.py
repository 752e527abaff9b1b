"""What time it is, for the CLI and the app.

`PLUMBLINE_NOW` (an ISO date-time) pins the clock: tests and the screenshot script use it so
that output does not depend on the day they run.
"""

from __future__ import annotations

import datetime as dt
import os
import time
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
            # Not a zone name: a POSIX rule such as "XYZ-3" or "EST5EDT,M3.2.0,M11.1.0", which the
            # C library applies to the naive local time now() returns. Ask it for the offset of
            # each moment, or breaks are stored hours off.
            return LibcZone()
    try:
        with LOCALTIME.open("rb") as data:
            return ZoneInfo.from_file(data, key="localtime")
    except (OSError, ValueError):
        return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


class LibcZone(dt.tzinfo):
    """The local zone as the C library sees it ($TZ, POSIX rules included), moment by moment."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(seconds=self._local(moment).tm_gmtoff)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)  # only the total offset matters here; the zone is not named

    def tzname(self, moment: dt.datetime | None) -> str:
        return self._local(moment).tm_zone

    def fromutc(self, moment: dt.datetime) -> dt.datetime:
        stamp = moment.replace(tzinfo=dt.timezone.utc).timestamp()
        return moment + dt.timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    @staticmethod
    def _local(moment: dt.datetime | None) -> time.struct_time:
        if moment is None:
            return time.localtime()
        # A naive local time: mktime reads it with the zone's rules (-1: let it decide DST).
        return time.localtime(time.mktime((*moment.timetuple()[:8], -1)))

    def __repr__(self) -> str:
        return f"LibcZone({os.environ.get('TZ', '')!r})"
