"""Opening the app from the command line: check the data first, then start Textual."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from plumbline.app.tracker import Tracker
from plumbline.cli import clock, terminal
from plumbline.errors import BadInput, DamagedDatabase


def run_app(data_dir: str | None, routine: str | None = None, ascii_marks: bool = False) -> int:
    """Open the app on today's checklist, or with `routine` on that routine's player;
    `ascii_marks` asks for the plain marks (x - ! ~ .) whatever the terminal can show."""
    resume_collector = pause_collector()
    try:
        return _run_app(data_dir, routine, ascii_marks, resume_collector)
    finally:
        resume_collector()


def pause_collector() -> Callable[[], None]:
    """Keep the garbage collector off until the first frame; the answer turns it on again.

    Loading the data, importing Textual and building Today make long-lived objects and almost
    no garbage (about 600 unreachable objects of 65,000 at the first frame), yet they set off a
    full collection just before the first paint: 20-30 ms of the launch, each time. Frozen
    afterwards, they stay out of the collector's later passes too, as the imports in
    cli/main.py do; everything made after the first frame is collected as usual."""
    if not gc.isenabled():
        return lambda: None
    gc.disable()

    def resume() -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    return resume


def _run_app(data_dir: str | None, routine: str | None, ascii_marks: bool, resume_collector: Callable[[], None]) -> int:
    tracker = Tracker.at(data_dir)
    today = tracker.today(clock.now())
    first_rows = None
    try:
        # What Today needs must load before any screen; a file that does not stops here. The
        # rows are Today's first, not worked out a second time.
        first_rows = (today, tracker.checklist(today))
    except DamagedDatabase:
        resume_collector()  # the restore offer waits for the user: the collector runs meanwhile
        if not offer_restore(tracker):
            raise
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal Textual's input thread spins on a dead descriptor at full CPU forever.
        raise BadInput("the app needs a terminal (stdin and stdout are not one): run it in a terminal, "
                       "or use a command such as 'plumbline today' (see 'plumbline --help')")
    from plumbline.cli.late_reminders import LateReminders
    from plumbline.ui import glyphs
    from plumbline.ui.app import PlumblineApp

    note = ""
    screen = sys.__stderr__  # where Textual draws
    if not ascii_marks and not terminal.encodes("".join(glyphs.UNICODE_MARKS.values()), screen):
        ascii_marks = True
        note = PLAIN_MARKS_NOTE.format(encoding=getattr(screen, "encoding", "?"))
    app = PlumblineApp(tracker, clock=clock.now, routine=routine, reminders=LateReminders(tracker, clock.now_local),
                       watch_terminal=sys.stdin.isatty(), ascii_marks=ascii_marks, start_notice=note,
                       first_rows=first_rows, report_writer=report_writer(tracker), after_first_frame=resume_collector)
    app.run()
    return app.return_code or 0


def report_writer(tracker: Tracker):
    """The app's report key writes as `plumbline report` does, into the folder it was started in."""
    from pathlib import Path

    def write(first, last):
        from plumbline.report.write import write_report

        return write_report(tracker, tracker.today(clock.now()), None, Path.cwd(), first, last)

    return write


PLAIN_MARKS_NOTE = (
    "This terminal's character set ({encoding}) cannot show plumbline's marks, so the app uses "
    "plain ones: x done, - to do, ! missed, ~ rest day, . not due. A UTF-8 locale shows the "
    "others; 'plumbline --ascii' asks for these on purpose."
)


def offer_restore(tracker: Tracker) -> bool:
    """Ask, in a terminal, whether to restore the newest good backup; True once restored."""
    backup = tracker.newest_good_backup()
    if backup is None or not sys.stdin.isatty():
        return False
    try:
        tracker.checklist(tracker.today(clock.now()))
        return True  # readable again (another process restored it meanwhile)
    except DamagedDatabase as error:
        problem = str(error)
    from plumbline.ui.recovery import RecoveryApp

    if not RecoveryApp(problem, backup).run():
        return False
    tracker.restore(backup, clock.now())
    tracker.checklist(tracker.today(clock.now()))  # must load now; if not, the error is reported
    return True
