"""Saving without ever waiting for the lock on the event loop.

A change is made at once when the data dir's lock is free, as it almost always is. When another
process holds it (a command mid-write, or a plumbline stopped with Ctrl+Z while holding it) the
change moves to a thread worker that waits the usual 10 s while the UI stays live and says
"saving..."; quitting stops the wait.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.worker import get_current_worker

from plumbline.app import locking as lock
from plumbline.errors import PlumblineError
from plumbline.ui.errors import tell


def save(app: App, lock_file: object, write: Callable[[], object], done: Callable[[], None] = lambda: None) -> None:
    """Run `write`, then, if it worked, `done` (on the event loop); a storage problem is told.
    The screens need not refresh in `done`: the write tells them (DataChanged)."""
    try:
        with lock.waiting_at_most(0):
            write()
    except lock.LockBusy:
        pid = lock.holder(lock_file)  # type: ignore[arg-type]
        who = f"plumbline process {pid}" if pid else "another plumbline process"
        app.notify(f"Saving... waiting for {who}, which is using the data", timeout=5, markup=False)
        app.run_worker(lambda: _wait_and_write(app, write, done), thread=True, exit_on_error=False, group="saving")
        return
    except (PlumblineError, OSError) as error:
        tell(app, error)
        return
    done()


def _wait_and_write(app: App, write: Callable[[], object], done: Callable[[], None]) -> None:
    worker = get_current_worker()
    try:
        with lock.waiting_at_most(lock.DEFAULT_TIMEOUT, give_up=lambda: worker.is_cancelled):
            write()
    except (PlumblineError, OSError) as error:
        if not worker.is_cancelled:
            app.call_from_thread(tell, app, error)
        return
    if not worker.is_cancelled:
        app.call_from_thread(done)
