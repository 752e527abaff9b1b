"""The week's pain log, opened with h on the review's pain row: every reading with its time
and note, day by day (the row shows only each day's highest)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from plumbline.domain.review import WeekReview
from plumbline.ui import glyphs
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.key_bar import KeyBar


class PainWeekScreen(Dialog[None]):
    DEFAULT_CSS = """
    #pain-week { height: auto; max-height: 100%; }
    """
    BINDINGS = [Binding("escape,h,enter", "close", "Close", id="pain_week.close")]

    def __init__(self, review: WeekReview) -> None:
        super().__init__()
        self.review = review

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="pain-week"):
            title = glyphs.punctuated(f"Pain, {self.review.start:%-d %b} – {self.review.end:%-d %b %Y}")
            yield Static(title, classes="title", markup=False)
            yield Static(self._log(), id="pain-readings")
            yield Static("Each day counts its highest reading. p on Today adds one; escape closes.", classes="hint")
        yield KeyBar()

    def _log(self) -> Text:
        text = Text()
        for (day, highest), readings in zip(self.review.pain, self.review.readings or ((),) * 7, strict=True):
            text.append(f"{day:%a %-d %b}  ", style="bold")
            if highest is None:
                text.append("nothing logged\n", style="dim")
                continue
            text.append(f"highest {highest}/10\n")
            for reading in readings:
                when = f"{reading.time:%H:%M}" if reading.time else "--:--"
                text.append(f"    {when}  {reading.level:>2}/10", style="dim" if reading.level < highest else "")
                if reading.note:
                    text.append("  ")
                    text.append_text(user_text(reading.note, "italic"))
                text.append("\n")
        text.rstrip()
        return text

    def action_close(self) -> None:
        self.app.pop_screen()
