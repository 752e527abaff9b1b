"""Storage trouble while the app runs becomes a notification, never a traceback over the screen."""

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


def tell(app: App, error: PlumblineError | OSError) -> None:
    """Show one storage problem; a damaged file also asks the app to offer a restore."""
    app.notify(str(error), title="Not saved" if isinstance(error, (OSError, StorageError)) else "",
               severity="error", timeout=20, markup=False)
    if isinstance(error, DamagedDatabase):
        app.post_message(DataDamaged(str(error)))


@contextlib.contextmanager
def reported(app: App) -> Iterator[None]:
    """Run a change or a read; a damaged file, a full disk or a busy lock is told to the user,
    who keeps the app and everything on screen."""
    try:
        yield
    except (PlumblineError, OSError) as error:
        tell(app, error)
