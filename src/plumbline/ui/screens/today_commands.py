"""The command palette (ctrl+p) on Today: every action of the screen by name, and each habit.

Typed words find "Check off: Pillow between the knees" or "Take a posture break now" without
knowing the key; the keys stay the fast way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from plumbline.ui.user_text import shown

if TYPE_CHECKING:
    from plumbline.ui.screens.today import TodayScreen

# Today's actions as the palette names them (the key is in the help screen).
ACTIONS = {
    "review": "Open the weekly review",
    "report": "Write the report for your physical therapist (HTML)",
    "export": "Export all your data (JSON, for plumbline import)",
    "history": "Open the highlighted habit's history",
    "pain": "Log a pain reading",
    "routine": "Start a guided routine",
    "take_break": "Take a posture break now",
    "snooze": "Snooze the next posture break",
    "pause_reminders": "Pause or resume reminders",
    "settings": "Reminder settings",
    "add": "Add a habit",
    "archived": "Restore an archived habit",
    "go_today": "Back to today",
    "help": "Help and the safety notice",
}


class TodayCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen: TodayScreen = self.screen  # type: ignore[assignment]
        found: list[tuple[str, Callable[[], object], str]] = [
            (name, partial(screen.run_action, action), "") for action, name in ACTIONS.items()]
        for row in screen.rows:
            found.append((f"Check off: {shown(row.habit.name)}", partial(screen.check_habit, row.habit.id),
                          f"{row.habit.schedule.describe()}, {row.status.value.replace('_', ' ')}"))
        return found

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text or None)
