"""Storage trouble while the app runs becomes a notification, never a traceback over the screen.

The one idiom for screens: run what may fail inside `with reported(self.app):`. A screen that
carries on with something else when a read fails says what it does instead (`instead=`); one that
must know whether it worked reads the `Trouble` the block yields. `tell` is the same report for
code that already holds the error (a thread worker handing it back to the event loop).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from textual.app import App
from textual.message import Message

from plumbline.errors import DamagedDatabase, PlumblineError, StorageError


class DataDamaged(Message):
    """A file could not be read: the app offers to restore a backup (see PlumblineApp)."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class Trouble:
    """What went wrong inside `reported`, if anything."""

    error: PlumblineError | OSError | None = None


def tell(app: App, error: PlumblineError | OSError) -> None:
    """Show one storage problem; a damaged file also asks the app to offer a restore."""
    app.notify(str(error), title="Not saved" if isinstance(error, (OSError, StorageError)) else "",
               severity="error", timeout=20, markup=False)
    if isinstance(error, DamagedDatabase):
        app.post_message(DataDamaged(str(error)))


@contextlib.contextmanager
def reported(app: App, instead: str = "") -> Iterator[Trouble]:
    """Run a change or a read; a damaged file, a full disk or a busy lock is told to the user,
    who keeps the app and everything on screen.

    `instead`: what the screen does without it ("showing the defaults"). Such a problem is a
    warning the screen works around, so no restore is offered: bad reminder settings, for one,
    are mended in the settings form, and a "this hurts" stop must go on to its pain form.
    """
    trouble = Trouble()
    try:
        yield trouble
    except (PlumblineError, OSError) as error:
        trouble.error = error
        if instead:
            app.notify(f"{error}; {instead}", severity="warning", timeout=20, markup=False)
        else:
            tell(app, error)
