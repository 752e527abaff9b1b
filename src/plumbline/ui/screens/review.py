"""The weekly review: habits down, Monday to Sunday across, and the week's pain."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from plumbline.app.reviews import Week, week_at
from plumbline.app.tracker import Tracker
from plumbline.domain.habit import Habit
from plumbline.domain.review import (
    COMPARISON_CAVEAT,
    WeekReview,
    describe_comparison,
    describe_too_few_days,
    describe_total,
)
from plumbline.ui import glyphs
from plumbline.ui.errors import reported
from plumbline.ui.messages import DataChanged
from plumbline.ui.screens.kept import KeptScreen, open_kept
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.charts import pain_sparkline
from plumbline.ui.widgets.key_bar import KeyBar
from plumbline.ui.widgets.week_table import WeekHeader, WeekTable

ONE_WEEK = dt.timedelta(weeks=1)
REPORT_WEEKS = 8  # as `plumbline report` by default


class ReviewScreen(KeptScreen):
    DEFAULT_CSS = """
    #review-title { height: 1; background: $panel; }
    #week { height: auto; max-height: 1fr; text-wrap: nowrap; border: none; padding: 0; background: $surface; }
    #week-header { height: 1; text-wrap: nowrap; background: $surface; }
    #counting { height: auto; padding: 0 1; }
    #pain-line { height: 1; margin-top: 1; }
    #comparison { height: auto; padding: 0 1; color: $text-muted; }
    """
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
        self.review: WeekReview | None = None
        self.weeks: dict[dt.date, Week] = {}  # by Monday: a step back reuses the week before
        self.reopen(day, today)

    def reopen(self, day: dt.date, today: dt.date) -> None:
        """Show the week holding `day`: the app keeps this screen and opens it again, rather
        than build a new one each time (a new one left its lines in Textual's caches)."""
        self.day, self.today = day, today
        self.weeks.clear()
        self.review = None
        if self.is_mounted:
            self._placeholder()

    def filled(self) -> bool:
        return self.review is not None

    def fill(self) -> None:
        self.show_week()  # the week's numbers come from month summaries, not ten years

    def _placeholder(self) -> None:
        monday = self.day - dt.timedelta(days=self.day.weekday())
        self.query_one("#review-title", Static).update(
            Text(f" Week {monday.isocalendar().week} ", style="bold reverse") + Text("   working out...", style="dim"))
        self.query_one(WeekTable).clear_options()
        self.query_one("#comparison", Static).update("")

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield WeekHeader(id="week-header")
        yield WeekTable(id="week")
        yield Static(id="counting")
        yield Static(id="pain-line")
        yield Static(id="comparison", markup=False)
        yield KeyBar(id="keys")  # not Footer: a widget per key, composed again on each change

    def on_mount(self) -> None:
        self._placeholder()
        self.query_one(WeekTable).focus()

    def show_week(self) -> None:
        review = self._week(self.day)
        self.review = review
        self.query_one("#review-title", Static).update(self._title(review, self._known_week(self.day - ONE_WEEK)))
        self.query_one(WeekTable).show(review)
        self.query_one("#counting", Static).update(self._counting(review))
        self.query_one("#pain-line", Static).update(self._pain_line(review))
        self._show_comparison()
        self.call_after_refresh(self._work_out_earlier)

    def _work_out_earlier(self) -> None:
        """Once this week is on the screen, the week before it and the one before that (its
        title's comparison): then ← shows one at once, however long the history."""
        shown = self.review
        with reported(self.app):
            previous = self._week(self.day - ONE_WEEK)
            self._week(self.day - 2 * ONE_WEEK)
            if shown is not None and shown is self.review and shown.share is not None:
                # The title's "week before" comparison, which waited for it.
                self.query_one("#review-title", Static).update(self._title(shown, previous))

    def _known_week(self, day: dt.date) -> WeekReview | None:
        found = self.weeks.get(day - dt.timedelta(days=day.weekday()))
        return found.review if found else None

    def _week(self, day: dt.date) -> WeekReview:
        monday = day - dt.timedelta(days=day.weekday())
        if monday not in self.weeks:
            self.weeks[monday] = week_at(self.tracker, monday, self.today)
        return self.weeks[monday].review

    @staticmethod
    def _title(review: WeekReview, previous: WeekReview | None) -> Text:
        """Counts first, as Today gives them; a percentage only for a whole week that asked
        enough to make one mean something, and beside it the week before's, when it has one."""
        week_no = review.start.isocalendar().week
        text = Text()
        text.append(f" Week {week_no} ", style="bold reverse")
        text.append(glyphs.punctuated(f"  {review.start:%-d %b} – {review.end:%-d %b %Y}"), style="bold")
        text.append(f"   {describe_total(review)}", style="dim" if review.target == 0 else "bold")
        if review.share is not None and previous is not None and previous.share is not None:
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

    @on(OptionList.OptionHighlighted)
    def _show_comparison(self) -> None:
        habit = self.highlighted_habit()
        line = ""
        if habit is not None and self.review is not None:
            comparison = self.weeks[self.review.start].comparisons.get(habit.id)
            line = (f"{describe_comparison(comparison)} {COMPARISON_CAVEAT}" if comparison
                    else describe_too_few_days(habit))
        self.query_one("#comparison", Static).update(user_text(line))  # it names the habit

    def highlighted_habit(self) -> Habit | None:
        """The habit on the cursor row; None on the pain row."""
        row = self.query_one(WeekTable).cursor_row
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
            from plumbline.ui.screens.history import open_history

            open_history(self.app, self.tracker, habit, self.today)
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
        self.weeks.clear()
        with reported(self.app):
            self.show_week()

    def action_close(self) -> None:
        self.app.pop_screen()


def open_review(app: App, tracker: Tracker, day: dt.date, today: dt.date) -> None:
    """The one review screen, made the first time and kept (see kept.py)."""
    open_kept(app, "review", ReviewScreen, lambda: ReviewScreen(tracker, day, today),
              lambda screen: screen.reopen(day, today))
