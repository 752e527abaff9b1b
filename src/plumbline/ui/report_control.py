"""Writing the therapist's report from the app, and opening it only when asked.

The UI never imports `plumbline.report` (they are independent layers): the CLI hands the app a
writer, as it hands it the reminder service; an app built without one (tests, screenshots) says
how to make the report instead. Opening goes through an opener the app is given, so a test never
starts a browser.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from plumbline.ui.errors import reported

if TYPE_CHECKING:
    from plumbline.ui.app import PlumblineApp

# Writes the report of the whole weeks from the first day to the last (None, None: the default
# period) and answers with the file it wrote.
ReportWriter = Callable[[dt.date | None, dt.date | None], Path]
Opener = Callable[[Path], None]
NO_WRITER = "Make the report with: plumbline report (see plumbline report --help)"


def open_with_system(path: Path) -> None:
    """The desktop's own way to open a file (its browser, for HTML), detached from the app."""
    command = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen([command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def write_report(app: PlumblineApp, first: dt.date | None = None, last: dt.date | None = None) -> None:
    """Write the report, say where it went, and offer to open it (no means nothing opens)."""
    if app.report_writer is None:
        app.notify(NO_WRITER, title="Report", markup=False)
        return
    written: list[Path] = []
    with reported(app):
        written.append(app.report_writer(first, last))
    if not written:
        return  # the trouble was told
    path = written[0]
    from plumbline.ui.screens.confirm import ConfirmDialog

    def answered(yes: bool | None) -> None:
        if yes:
            try:
                app.open_file(path)
            except OSError as error:  # no xdg-open: say where the file is instead
                app.notify(f"Could not open it ({error.strerror or error}); open {path} in a browser",
                           severity="warning", timeout=20, markup=False)

    app.notify(f"Report written to {path}", title="Report", timeout=20, markup=False)
    app.push_screen(ConfirmDialog(f"The report is in {path}. Open it in your browser now?"), answered)
