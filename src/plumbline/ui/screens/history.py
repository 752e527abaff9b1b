"""One habit's year: a calendar heat map, its strength over time, and its best streaks.

The calendar has a cursor (the arrows) and fills in a past day as Today does: space or enter
for done / not done, s for a rest day. n and p go to the next and the previous habit.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from plumbline.app.reviews import habit_year
from plumbline.app.tracker import Tracker
from plumbline.domain.checklist import active_in_order
from plumbline.domain.habit import Habit
from plumbline.domain.history import HabitHistory
from plumbline.domain.wording import amount
from plumbline.ui import glyphs
from plumbline.ui.errors import reported
from plumbline.ui.messages import DataChanged
from plumbline.ui.screens.kept import KeptScreen, open_kept
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.charts import bar_chart, heat_map
from plumbline.ui.widgets.key_bar import KeyBar


class HistoryScreen(KeptScreen):
    DEFAULT_CSS = """
    #history-title { height: auto; background: $panel; }  /* a long name wraps, its figures stay */
    #history { padding: 0 1; }
    #heat-map, #strength-chart, #best-runs { height: auto; margin-top: 1; }
    .section { margin-top: 1; }
    """
    BINDINGS = [
        # priority: the scrolling container would otherwise take the arrows.
        Binding("left", "move(-7)", "Day", id="history.earlier_week", key_display="←→↑↓", priority=True),
        Binding("right", "move(7)", "Later week", id="history.later_week", show=False, priority=True),
        Binding("up", "move(-1)", "Earlier day", id="history.earlier_day", show=False, priority=True),
        Binding("down", "move(1)", "Later day", id="history.later_day", show=False, priority=True),
        Binding("space,enter", "toggle_day", "Done", id="history.toggle"),
        Binding("s", "skip", "Rest", id="history.skip"),
        Binding("n", "habit(1)", "Next/previous habit", id="history.next_habit", key_display="n/p"),
        Binding("p", "habit(-1)", "Previous habit", id="history.previous_habit", show=False),
        Binding("escape,h", "close", "Back", id="history.close"),
    ]

    def __init__(self, tracker: Tracker, habit: Habit, today: dt.date) -> None:
        super().__init__()
        self.tracker = tracker
        self.history: HabitHistory | None = None
        self.reopen(habit, today)

    def reopen(self, habit: Habit, today: dt.date) -> None:
        """Show `habit`: the app keeps this screen and opens it again, rather than build a new
        one each time (a new one left its lines in Textual's caches)."""
        self.habit, self.today, self.cursor = habit, today, today
        self.history = None
        if self.is_mounted:
            self.query_one("#history-title", Static).update(self._placeholder())

    def filled(self) -> bool:
        return self.history is not None

    def fill(self) -> None:
        # Only this habit's year is read; its streaks and strength come from month summaries.
        self._work_out()
        self.show_history()

    def _placeholder(self) -> Text:
        return user_text(f" {self.habit.name} ", "bold reverse") + Text("   working out...", style="dim")

    def _work_out(self) -> None:
        self.habits = active_in_order(self.tracker.habits())
        self.history = habit_year(self.tracker, self.habit, self.today)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history"):
            yield Static(id="history-title")
            yield Static(id="heat-map")
            yield Static(id="cursor-day")
            yield Static(Text("Strength, week by week", style="bold"), classes="section")
            yield Static(id="strength-chart")
            yield Static(Text("Best streaks", style="bold"), classes="section")
            yield Static(id="best-runs")
        yield KeyBar(id="keys")  # not Footer: a widget per key, composed again on each change

    def on_mount(self) -> None:
        self.query_one("#history-title", Static).update(self._placeholder())

    def show_history(self) -> None:
        h = self.history
        if h is None:
            return  # not worked out yet: fill shows it
        self.query_one("#history-title", Static).update(self._title(h))
        self.query_one("#heat-map", Static).update(heat_map(h.statuses, self.today, cursor=self.cursor))
        self.query_one("#cursor-day", Static).update(self._cursor_line())
        scores = [score for _, score in h.weekly_strength]
        self.query_one("#strength-chart", Static).update(
            bar_chart(scores, height=4) if any(scores)
            else Text("No strength yet: it grows with each done day.", style="dim"))
        self.query_one("#best-runs", Static).update(self._runs(h))

    def _cursor_line(self) -> Text:
        text = Text(f"{self.cursor:%a %-d %b %Y}: ", style="bold")
        status = self.history.statuses.get(self.cursor) if self.history else None
        if self.cursor > self.today or status is None:
            text.append("not come yet: only a day that has come can be filled in", style="dim")
            return text
        text.append_text(glyphs.glyph(status))
        text.append(f" {glyphs.WORDS[status] or status.value.replace('_', ' ')}")
        text.append("   space done / not done, s rest day", style="dim")
        return text

    @staticmethod
    def _title(h: HabitHistory) -> Text:
        unit = h.streaks.unit
        text = Text()
        text.append_text(user_text(f" {h.habit.name} ", "bold reverse"))
        text.append(f"  strength {h.strength:.0%}  streak {amount(h.streaks.current, unit)}, "
                    f"best {h.streaks.best}  ({h.done_days} done in all)")
        return text

    @staticmethod
    def _runs(h: HabitHistory) -> Text:
        if not h.best_runs:
            return Text("No streak yet: the first done day starts one.", style="dim")
        text = Text()
        for run in h.best_runs:
            end = "today" if run.ongoing else f"{run.last:%-d %b %Y}"
            text.append(f"{amount(run.length, h.streaks.unit):>11} ", style="bold")
            text.append(glyphs.punctuated(f" {run.first:%-d %b %Y} – {end}\n"))
        text.rstrip()
        return text

    # -- moving --------------------------------------------------------------------------------

    def action_move(self, days: int) -> None:
        if self.history is None:
            return
        first = min(self.history.statuses)
        last = self.today + dt.timedelta(days=6 - self.today.weekday())  # the end of this week
        target = self.cursor + dt.timedelta(days=days)
        if not first <= target <= last:
            self.app.bell()
            return
        self.cursor = target
        self.show_history()

    def action_habit(self, step: int) -> None:
        if self.history is None or not self.habits:
            return
        ids = [h.id for h in self.habits]
        index = ids.index(self.habit.id) + step if self.habit.id in ids else 0
        self.habit = self.habits[index % len(self.habits)]
        self._fill()
        self.query_one(VerticalScroll).scroll_home(animate=False)

    # -- changing ------------------------------------------------------------------------------

    def action_toggle_day(self) -> None:
        self._change(lambda: self.tracker.toggle(self.habit.id, self.cursor, today=self.today))

    def action_skip(self) -> None:
        self._change(lambda: self.tracker.toggle_skip(self.habit.id, self.cursor, today=self.today))

    def _change(self, change) -> None:
        if self.cursor > self.today:
            self.app.bell()  # the line under the calendar says why
            return
        with reported(self.app):
            change()  # the write tells every screen, this one too (DataChanged)

    @on(DataChanged)
    def _data_changed(self) -> None:
        if self.history is not None:
            self._fill()

    def action_close(self) -> None:
        self.app.pop_screen()


def open_history(app: App, tracker: Tracker, habit: Habit, today: dt.date) -> None:
    """The one history screen, made the first time and kept (see kept.py)."""
    open_kept(app, "history", HistoryScreen, lambda: HistoryScreen(tracker, habit, today),
              lambda screen: screen.reopen(habit, today))
