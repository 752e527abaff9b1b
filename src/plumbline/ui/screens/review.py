"""The weekly review: habits down, Monday to Sunday across, and the week's pain."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Status
from plumbline.domain.habit import Habit
from plumbline.domain.review import (
    COMPARISON_CAVEAT,
    WeekReview,
    describe_comparison,
    describe_too_few_days,
    describe_total,
    pain_comparison,
    week_review,
)
from plumbline.domain.streaks import Run, Streaks, runs, streaks_as_of, streaks_of
from plumbline.ui import glyphs
from plumbline.ui.errors import reported
from plumbline.ui.messages import DataChanged
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.charts import pain_sparkline
from plumbline.ui.widgets.key_bar import KeyBar

DAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
ONE_WEEK = dt.timedelta(weeks=1)
REPORT_WEEKS = 8  # as `plumbline report` by default


class ReviewScreen(Screen[None]):
    BINDINGS = [
        # priority: the table would otherwise take left/right to move between cells.
        Binding("left", "week(-1)", "Earlier week", id="review.earlier", key_display="←", priority=True),
        Binding("right", "week(1)", "Later week", id="review.later", key_display="→", priority=True),
        Binding("h", "history", "History/pain", id="review.history"),
        Binding("r", "report", "Report", id="review.report"),
        Binding("escape,w", "close", "Back", id="review.close"),
    ]

    def __init__(self, tracker: Tracker, day: dt.date, today: dt.date) -> None:
        super().__init__()
        self.tracker = tracker
        self.day = day
        self.today = today
        self.review: WeekReview | None = None
        self._load()

    def _load(self) -> None:
        """Read the history once: moving from week to week then touches no file. Each habit's
        runs are worked out once too; a week's streaks (as of its last day) come from them."""
        self.habits, self.history, self.pain_log, self.start = self.tracker.review_source(self.today)
        self.runs: dict[str, list[Run]] = {
            h.id: runs(h, self.history.get(h.id, {}), self.today, self.start) for h in self.habits
        }
        self.streaks_at: dict[dt.date, dict[str, Streaks]] = {}
        self.weeks: dict[dt.date, WeekReview] = {}  # by Monday: a step back reuses the week before

    def _streaks(self, day: dt.date) -> dict[str, Streaks]:
        """Every habit's streaks as they stood on `day`."""
        if day not in self.streaks_at:
            self.streaks_at[day] = {
                h.id: streaks_of(h, self.runs[h.id]) if day >= self.today
                else streaks_as_of(h, self.history.get(h.id, {}), self.runs[h.id], day, self.start)
                for h in self.habits
            }
        return self.streaks_at[day]

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield DataTable(id="week", cursor_type="row", zebra_stripes=False)
        yield Static(id="counting")
        yield Static(id="pain-line")
        yield Static(id="comparison", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Habit", key="habit")
        for name in DAY_NAMES:
            table.add_column(name, key=name, width=2)
        table.add_column("Done", key="done")
        table.add_column("Streak", key="streak")
        table.add_column("Best", key="best")
        self.show_week()
        table.focus()

    def show_week(self) -> None:
        review = self._week(self.day)
        previous = self._week(self.day - ONE_WEEK)
        self.review = review
        self.query_one("#review-title", Static).update(self._title(review, previous))
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in review.rows:
            unit = row.streaks.short_unit
            table.add_row(
                user_text(row.habit.name, overflow="ellipsis", no_wrap=True),
                *(glyphs.glyph(status) for _, status in row.days),
                Text(f"{row.done}/{row.target}", style="green" if row.done >= row.target > 0 else ""),
                f"{row.streaks.current}{unit}",
                f"{row.streaks.best}{unit}",
                key=row.habit.id,
            )
        # Pain sits in the same day columns as the habits, so a bad day lines up with its habits.
        table.add_row(
            Text("Pain (0-10)", style="bold"),
            *(Text(glyphs.mark(Status.NOT_DUE), style="dim") if level is None else Text(str(level), style="bold")
              for _, level in review.pain),
            key="pain",
        )
        table.move_cursor(row=min(cursor, max(0, len(review.rows) - 1)))
        self.query_one("#counting", Static).update(self._counting(review))
        self.query_one("#pain-line", Static).update(self._pain_line(review))
        self._show_comparison()

    def _week(self, day: dt.date) -> WeekReview:
        monday = day - dt.timedelta(days=day.weekday())
        if monday not in self.weeks:
            known = self._streaks(min(monday + dt.timedelta(days=6), self.today))
            self.weeks[monday] = week_review(self.habits, self.history, self.pain_log, day, self.today, self.start, known)
        return self.weeks[monday]

    @staticmethod
    def _title(review: WeekReview, previous: WeekReview) -> Text:
        """Counts first, as Today gives them; a percentage only for a whole week that asked
        enough to make one mean something, and beside it the week before's, when it has one."""
        week_no = review.start.isocalendar().week
        text = Text()
        text.append(f" Week {week_no} ", style="bold reverse")
        text.append(glyphs.punctuated(f"  {review.start:%-d %b} – {review.end:%-d %b %Y}"), style="bold")
        text.append(f"   {describe_total(review)}", style="dim" if review.target == 0 else "bold")
        if review.share is not None and previous.share is not None:
            better = review.share > previous.share
            text.append(f"  week before {previous.share:.0%}",
                        style="green" if better else "red" if review.share < previous.share else "dim")
        return text

    def _counting(self, review: WeekReview) -> Text:
        """How Done is counted, and the day the streaks stand at."""
        text = Text("Done: check-ins against what each schedule asks this week (a rest day asks one less)",
                    style="dim")
        if any(r.habit.schedule.per_month is not None for r in review.rows):
            text.append("; a monthly habit shows its month, apart from the week's total")
        as_of = min(review.end, self.today)
        text.append(". Streak and best: " + ("today's." if as_of == self.today else f"as of {as_of:%a %-d %b}."))
        return text

    @staticmethod
    def _pain_line(review: WeekReview) -> Text:
        levels = [level for _, level in review.pain]
        text = Text(" Pain this week  ", style="bold")
        text.append_text(pain_sparkline(levels))
        average = review.pain_average
        text.append(f"   average {average:.1f}" if average is not None else "   nothing logged (p on Today)",
                    style="dim")
        return text

    @on(DataTable.RowHighlighted)
    def _show_comparison(self) -> None:
        habit = self.highlighted_habit()
        line = ""
        if habit is not None and self.review is not None:
            comparison = pain_comparison(habit, self.history.get(habit.id, {}), self.pain_log, self.review.end)
            line = (f"{describe_comparison(comparison)} {COMPARISON_CAVEAT}" if comparison
                    else describe_too_few_days(habit))
        self.query_one("#comparison", Static).update(user_text(line))  # it names the habit

    def highlighted_habit(self) -> Habit | None:
        """The habit on the cursor row; None on the pain row."""
        row = self.query_one(DataTable).cursor_row
        if self.review is None or not 0 <= row < len(self.review.rows):
            return None
        return self.review.rows[row].habit

    def action_week(self, step: int) -> None:
        target = self.day + step * ONE_WEEK
        if target - dt.timedelta(days=target.weekday()) > self.today:
            self.app.bell()
            return
        self.day = target
        self.show_week()

    def action_history(self) -> None:
        """A habit's year; on the pain row, the week's pain log, reading by reading."""
        habit = self.highlighted_habit()
        if habit is not None:
            from plumbline.ui.screens.history import HistoryScreen

            self.app.push_screen(HistoryScreen(self.tracker, habit, self.today))
        elif self.review is not None:
            from plumbline.ui.screens.pain_week import PainWeekScreen

            self.app.push_screen(PainWeekScreen(self.review))

    def action_report(self) -> None:
        """The report of REPORT_WEEKS weeks up to the week shown, once it is over; for this week,
        the last whole weeks (the report's default)."""
        from plumbline.ui.report_control import write_report

        monday = self.day - dt.timedelta(days=self.day.weekday())
        last = monday + dt.timedelta(days=6)
        if last >= self.today:
            write_report(self.app)  # type: ignore[arg-type]
        else:
            write_report(self.app, last - REPORT_WEEKS * ONE_WEEK + dt.timedelta(days=1), last)  # type: ignore[arg-type]

    @on(DataChanged)
    def _data_changed(self) -> None:
        """A day filled in from the history above, or a check-in from elsewhere."""
        with reported(self.app):
            self._load()
            self.show_week()

    def action_close(self) -> None:
        self.app.pop_screen()
