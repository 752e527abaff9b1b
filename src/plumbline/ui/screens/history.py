"""One habit's year: a calendar heat map, its strength over time, and its best streaks."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from plumbline.domain.habit import Habit
from plumbline.domain.history import HabitHistory, habit_history
from plumbline.storage.tracker import Tracker
from plumbline.ui import glyphs
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.charts import bar_chart, heat_map


class HistoryScreen(Screen[None]):
    BINDINGS = [Binding("escape,h", "close", "Back", id="history.close")]

    def __init__(self, tracker: Tracker, habit: Habit, today: dt.date) -> None:
        super().__init__()
        entries = tracker.store.entries(habit.id)
        self.history = habit_history(habit, entries, today, tracker.store.started(today))
        self.today = today

    def compose(self) -> ComposeResult:
        h = self.history
        with VerticalScroll(id="history"):
            yield Static(self._title(h), id="history-title")
            yield Static(heat_map(h.statuses, self.today), id="heat-map")
            yield Static(Text("Strength, week by week", style="bold"), classes="section")
            yield Static(bar_chart([score for _, score in h.weekly_strength], height=4), id="strength-chart")
            yield Static(Text("Best streaks", style="bold"), classes="section")
            yield Static(self._runs(h), id="best-runs")
        yield Footer()

    @staticmethod
    def _title(h: HabitHistory) -> Text:
        unit = h.streaks.unit
        text = Text()
        text.append_text(user_text(f" {h.habit.name} ", "bold reverse"))
        text.append(f"  strength {h.strength:.0%}  streak {h.streaks.current} {unit}, "
                    f"best {h.streaks.best}  ({h.done_days} done in all)")
        return text

    @staticmethod
    def _runs(h: HabitHistory) -> Text:
        if not h.best_runs:
            return Text("No streak yet: the first done day starts one.", style="dim")
        text = Text()
        for run in h.best_runs:
            end = "today" if run.ongoing else f"{run.last:%-d %b %Y}"
            text.append(f"{run.length:>4} {h.streaks.unit:<6}", style="bold")
            text.append(glyphs.punctuated(f" {run.first:%-d %b %Y} – {end}\n"))
        text.rstrip()
        return text

    def action_close(self) -> None:
        self.app.pop_screen()
