"""Storage trouble while the app runs becomes a notification, never a traceback over the screen."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from textual.app import App

from plumbline.storage.errors import PlumblineError, StorageError


@contextlib.contextmanager
def reported(app: App) -> Iterator[None]:
    """Run a change or a read; a damaged file or a full disk is told to the user, who keeps the
    app and everything on screen."""
    try:
        yield
    except (PlumblineError, OSError) as error:
        app.notify(str(error), title="Not saved" if isinstance(error, (OSError, StorageError)) else "",
                   severity="error", timeout=20, markup=False)
