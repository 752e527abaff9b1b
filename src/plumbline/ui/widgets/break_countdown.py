"""The line under the header: how long until the next posture break, or that reminders are paused.

It is also where the app says that reminders cannot reach the desktop: in full the first time a
data dir meets the problem (a second line, pushing the list down rather than covering it), and
as a short mark after that; the help screen always has the whole text.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class BreakCountdown(Static):
    next_break: reactive[dt.datetime | None] = reactive(None)
    paused_until: reactive[dt.datetime | None] = reactive(None)
    now: reactive[dt.datetime | None] = reactive(None)
    delivery_problem: reactive[str | None] = reactive(None, layout=True)
    say_in_full: reactive[bool] = reactive(False, layout=True)

    def render(self) -> Text:
        text = self._countdown()
        if self.delivery_problem:
            if self.say_in_full:
                text.append("\n ")
                text.append(self.delivery_problem[0].upper() + self.delivery_problem[1:], style="yellow")
            else:
                text.append("   in-app reminders only (? says why)", style="dim yellow")
        return text

    def _countdown(self) -> Text:
        text = Text(" ")
        if self.paused_until is not None:
            text.append(f"Reminders paused until {self.paused_until:%H:%M}", style="yellow")
            text.append("   P resume", style="dim")
        elif self.next_break is None or self.now is None:
            text.append("No posture break due in the next 24 hours", style="dim")
        else:
            text.append("Next posture break ", style="dim")
            text.append(f"{self.next_break:%H:%M}", style="bold")
            if self.next_break.date() != self.now.date():
                text.append(f" {self.next_break:%a}", style="bold")
            text.append(f" ({_until(self.now, self.next_break)})")
            text.append("   b break now  z snooze  P pause", style="dim")
        return text


def _until(now: dt.datetime, then: dt.datetime) -> str:
    minutes = max(0, round((then - now).total_seconds() / 60))
    if minutes == 0:
        return "now"
    hours, rest = divmod(minutes, 60)
    return f"in {hours} h {rest} min" if hours else f"in {minutes} min"
