"""Sending through plyer without anything printing over the app's screen.

plyer 2.1.0 on Linux prefers dbus-python and falls back to running notify-send. That child
inherits our stderr, which is the terminal Textual draws on, and plyer's own fallbacks print
warnings and tracebacks to stderr. Textual itself writes to fd 2, so fd 2 cannot be redirected;
instead plyer's notify-send call gets its stdout and stderr sent to /dev/null, and the creation
of its backend runs with Python's stderr and warnings captured.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import threading
import warnings
from typing import Any

APP_NAME = "plumbline"
SHOW_SECONDS = 10
_ready = threading.Lock()
_patched = False


class _QuietSubprocess:
    """Stands in for the `subprocess` module inside plyer's Linux notification module."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def call(args: Any, **kwargs: Any) -> int:
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        return subprocess.call(args, **kwargs)

    @staticmethod
    def run(args: Any, **kwargs: Any) -> subprocess.CompletedProcess:
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        return subprocess.run(args, **kwargs)


BACKENDS = {"NotifyDbus": "dbus-python", "NotifySendNotification": "notify-send",
            "NotifyDesktopPortals": "xdg-desktop-portal"}


def backend_name() -> str:
    """Which way plyer sends on this machine, as plyer itself chose it."""
    backend = object.__getattribute__(_notification(), "_obj")
    return BACKENDS.get(type(backend).__name__, type(backend).__name__)


def send(title: str, message: str) -> None:
    """Blocking: run it in a thread. Raises whatever plyer's backend raises."""
    notification = _notification()
    notification.notify(title=title, message=message, app_name=APP_NAME, timeout=SHOW_SECONDS)


def _notification() -> Any:
    global _patched
    with _ready:
        if not _patched:
            from plyer.platforms.linux import notification as linux

            linux.subprocess = _QuietSubprocess()  # type: ignore[assignment]
            _patched = True
        from plyer import notification

        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            # plyer's proxy picks its backend on first use, printing as it goes; its attribute
            # lookups go to the backend, hence object.__getattribute__.
            object.__getattribute__(notification, "_ensure_obj")()
        return notification
