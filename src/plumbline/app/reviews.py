"""The weekly review and a habit's year as the app and the CLI show them, from the kept month
summaries (standings.py) and the few months they show: never ten years of records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from plumbline.domain.checklist import active_in_order
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit
from plumbline.domain.history import YEAR_WEEKS, HabitHistory, first_shown_on, history_from
from plumbline.domain.review import PainComparison, WeekReview, week_review
from plumbline.domain.streaks import monday_of

if TYPE_CHECKING:
    from plumbline.app.tracker import Tracker


class Week(NamedTuple):
    review: WeekReview
    comparisons: dict[str, PainComparison | None]  # by habit id: pain on its done days and others, to the week's end


def week_at(tracker: Tracker, day: dt.date, today: dt.date) -> Week:
    """The ISO week holding `day`, seen from `today`: streaks as of its last day (or today), pain
    comparisons up to its last day."""
    habits, start = active_in_order(tracker.habits()), tracker.store.started(today)
    monday = monday_of(day)
    end = monday + dt.timedelta(days=6)
    standings = tracker.summaries.at(habits, start, min(end, today), until=end)
    # Each habit from its own first day: with only these months read, first_day could not see
    # an earlier record (standings.first_day knows it from the month summaries).
    judged = [h._replace(started=tracker.summaries.first_day(h, start)) for h in habits]
    history = _recent(tracker, judged, monday, end)
    pain_log = tracker.store.pain_log(since=monday, before=end + dt.timedelta(days=32))
    review = week_review(judged, history, pain_log, day, today, start,
                         {h.id: standings[h.id].streaks for h in habits})
    by_id = {h.id: h for h in habits}
    review = review._replace(rows=tuple(row._replace(habit=by_id[row.habit.id]) for row in review.rows))
    return Week(review, {h.id: standings[h.id].comparison for h in habits})


def _recent(tracker: Tracker, habits: Sequence[Habit], first: dt.date, last: dt.date) -> dict[str, dict[dt.date, Entry]]:
    """The records a week's rows (or a year's calendar) need: from the first of `first`'s month
    (a monthly habit's month so far), or as far back as an every-N-days habit's last N days."""
    history: dict[str, dict[dt.date, Entry]] = {}
    reach: dict[int, list[str]] = {}
    for habit in habits:
        reach.setdefault(habit.schedule.every_days or 0, []).append(habit.id)
    for every, ids in reach.items():
        since = min(first.replace(day=1), first - dt.timedelta(days=every))
        history.update(tracker.store.history(since=since, before=last + dt.timedelta(days=32), habits=ids))
    return history


def habit_year(tracker: Tracker, habit: Habit, today: dt.date) -> HabitHistory:
    """One habit's history screen: its last YEAR_WEEKS weeks day by day and week by week, its
    best runs, streaks, strength and done days."""
    start = tracker.store.started(today)
    first_shown = first_shown_on(today)
    sundays = {first_shown + dt.timedelta(days=6, weeks=n) for n in range(YEAR_WEEKS)} | {today}
    standing = tracker.summaries.at([habit], start, today, since=first_shown, scores_on=sundays)[habit.id]
    judged = habit._replace(started=tracker.summaries.first_day(habit, start))
    entries = _recent(tracker, [judged], first_shown, today).get(habit.id, {})
    return history_from(judged, entries, today, standing)._replace(habit=habit)
