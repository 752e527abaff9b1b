"""The line under the header: how long until the next posture break, or that reminders are paused."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class BreakCountdown(Static):
    next_break: reactive[dt.datetime | None] = reactive(None)
    paused_until: reactive[dt.datetime | None] = reactive(None)
    now: reactive[dt.datetime | None] = reactive(None)

    def render(self) -> Text:
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
