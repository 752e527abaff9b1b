"""Who hears about a change: the idea of Loop's `CommandRunner.Listener`.

Every write made through the application layer tells its listeners what kind of thing changed,
so the app repaints and the reminder service plans anew without each caller remembering to ask.
A listener may be told from a worker thread (a save that waited for the lock): it must be safe
to call from one (the app posts a Textual message, which is).
"""

from __future__ import annotations

from collections.abc import Callable

# What changed, for listeners that care about only some of it.
ENTRIES = "entries"  # check-ins, skips, counts
HABITS = "habits"  # added, edited, archived or restored habits
PAIN = "pain"  # pain readings and "this hurts" stops
SETTINGS = "settings"  # the reminder settings and the day's start
BREAKS = "breaks"  # the break countdown: a break taken, a snooze, a pause
EVERYTHING = "everything"  # an import, a restore, or a write by another process

Listener = Callable[[str], None]


class Changes:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Hear every change from now on; call what comes back to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def tell(self, what: str) -> None:
        for listener in list(self._listeners):
            listener(what)
