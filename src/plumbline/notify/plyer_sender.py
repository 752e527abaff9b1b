"""macOS and Windows: notifications through plyer's public `notification.notify`.

plyer has no actions or replacement there, so a reminder is shown and answered in the app or
with `plumbline check`. Linux and the BSDs use `dbus_sender` instead: plyer's Linux route drops
the timeout (notify-send: the bubble never expires) and cannot receive actions.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import sys
import warnings

from plumbline.notify.bus import NoNotificationService
from plumbline.notify.sender import APP_NAME, EXPIRE_SECONDS, Answered, Note


class PlyerSender:
    async def open(self, answered: Answered) -> str:
        return f"plyer ({sys.platform})"

    async def send(self, note: Note) -> None:
        try:
            await asyncio.to_thread(_notify, note)
        except Exception as error:  # noqa: BLE001 - plyer raises whatever its backend raises
            raise NoNotificationService(f"plyer could not show the notification ({type(error).__name__}: {error})") from None

    def close(self) -> None:
        pass


def _notify(note: Note) -> None:
    from plyer import notification

    # plyer prints its backend's warnings to stderr, which is the terminal the app draws on.
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        notification.notify(title=note.title, message=note.message, app_name=APP_NAME, timeout=EXPIRE_SECONDS)
