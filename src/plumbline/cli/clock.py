"""What time it is, for the CLI and the app.

`PLUMBLINE_NOW` (an ISO date-time) pins the clock: tests and the screenshot script use it so
that output does not depend on the day they run.
"""

from __future__ import annotations

import datetime as dt
import os

NOW_VAR = "PLUMBLINE_NOW"


def now() -> dt.datetime:
    pinned = os.environ.get(NOW_VAR)
    if pinned:
        return dt.datetime.fromisoformat(pinned)
    return dt.datetime.now()

