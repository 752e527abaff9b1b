"""The top line: which day is shown and how far it has got."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class DayHeader(Static):
    day: reactive[dt.date | None] = reactive(None)
    today: reactive[dt.date | None] = reactive(None)
    progress: reactive[tuple[int, int]] = reactive((0, 0))

    def render(self) -> Text:
        if self.day is None or self.today is None:
            return Text("plumbline")
        done, due = self.progress
        text = Text()
        text.append(" plumbline ", style="bold reverse")
        text.append(f"  {self.day:%A %-d %B %Y}", style="bold")
        back = (self.today - self.day).days
        if back == 1:
            text.append("  (yesterday)", style="yellow")
        elif back > 1:
            text.append(f"  ({back} days ago)", style="yellow")
        text.append(f"   {done} of {due} done", style="bold green" if due and done == due else "")
        return text
