"""Making the report: read the data once, work it out in the domain, write one HTML file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plumbline import __version__
from plumbline.app.files import atomic_write
from plumbline.app.tracker import Tracker
from plumbline.domain.report import DEFAULT_WEEKS, Report, build_report, default_period, period_between
from plumbline.errors import BadInput
from plumbline.report.html import page


def make_report(tracker: Tracker, today: dt.date, first: dt.date | None = None, last: dt.date | None = None) -> Report:
    """The report of the weeks from `first` to `last`; without them, the last whole weeks."""
    if first is None and last is None:
        period = default_period(today)
    else:
        if last is None:  # from a day on: up to the default's end, or to today where that is earlier
            last = max(default_period(today).end, min(first or today, today))
        if first is None:
            first = last - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1)
        try:
            period = period_between(first, last)
        except ValueError as error:
            raise BadInput(str(error)) from None
    source = tracker.report_source(today, tracker.routines().routines, as_of=period.end)
    return build_report(source, period, today)


def file_name(report: Report) -> str:
    return f"plumbline-report-{report.period.start}-{report.period.end}.html"


def write_report(tracker: Tracker, today: dt.date, output: Path | None, folder: Path,
                 first: dt.date | None = None, last: dt.date | None = None) -> Path:
    """Write the report to `output`, or under its own name in `folder`; the path written.

    Atomically and 0600 (app/files.py): it holds health data, and a half-written report
    must never be what someone opens."""
    report = make_report(tracker, today, first, last)
    path = output if output is not None else folder / file_name(report)
    if path.is_dir():
        raise BadInput(f"--output {path} is a folder: give the name of a file to write")
    if not path.parent.is_dir():  # a typo in the folder must not make a new folder silently
        raise BadInput(f"cannot write the report to {path}: the folder {path.parent} does not exist; create it first")
    # "replace": a lone surrogate in a note (from a JSON import) must not stop the whole report.
    atomic_write(path, page(report, __version__).encode("utf-8", "replace"))
    return path
