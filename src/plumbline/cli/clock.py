"""What time it is, for the CLI and the app.

`PLUMBLINE_NOW` (an ISO date-time) pins the clock: tests and the screenshot script use it so
that output does not depend on the day they run.
"""

from __future__ import annotations

import datetime as dt
import os
import time

NOW_VAR = "PLUMBLINE_NOW"


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
    """The local zone with its DST rules, as tzlocal finds it ($TZ, /etc/localtime, the
    distribution's files). Read again at each call: the app runs for days, and the zone may change."""
    import warnings
    from zoneinfo import ZoneInfoNotFoundError

    import tzlocal  # here: only reminders and breaks need zones

    try:
        with warnings.catch_warnings():
            # tzlocal warns (on the app's screen) when the C library's offset differs from the
            # zone's, as it does where only the tzdata package holds zone files; the zone is kept.
            warnings.simplefilter("ignore")
            return tzlocal.reload_localzone()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # tzlocal takes no POSIX rule in $TZ ("XYZ-3", "EST5EDT,M3.2.0,M11.1.0"), and the zone $TZ
        # names may have no file. The naive local time now() returns is the C library's, which
        # applies such rules: ask it for the offset of each moment, or breaks are stored hours off.
        return LibcZone()


class LibcZone(dt.tzinfo):
    """The local zone as the C library sees it ($TZ, POSIX rules included), moment by moment."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(seconds=self._local(moment).tm_gmtoff)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)  # only the total offset matters here; the zone is not named

    def tzname(self, moment: dt.datetime | None) -> str:
        return self._local(moment).tm_zone

    def fromutc(self, moment: dt.datetime) -> dt.datetime:
        stamp = moment.replace(tzinfo=dt.UTC).timestamp()
        return moment + dt.timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    @staticmethod
    def _local(moment: dt.datetime | None) -> time.struct_time:
        if moment is None:
            return time.localtime()
        # A naive local time: mktime reads it with the zone's rules (-1: let it decide DST).
        return time.localtime(time.mktime((*moment.timetuple()[:8], -1)))

    def __repr__(self) -> str:
        return f"LibcZone({os.environ.get('TZ', '')!r})"
