"""A habit's whole history read forward one day at a time, with a state that can be put aside at
any day and taken up again: what streaks, strength, the done count and the pain comparison need,
without the ten years before it.

The rules are those of streaks.py (`runs`), strength.py (`strength_series`) and review.py
(`pain_comparison`); tests/unit/test_scan.py checks on generated histories that a scan resumed
from saved states gives exactly their numbers. The app layer keeps a state at each month's first
day (app/standings.py), so a question about any day reads only the month it falls in.

A day is fed with its record and the day's pain (highest reading). Runs, strength and the done
count begin at the habit's first day; the comparison takes every pain day, as pain_comparison does.
"""

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any, NamedTuple

from plumbline.domain.entries import Entry, is_done
from plumbline.domain.habit import Habit, Kind
from plumbline.domain.review import MIN_DAYS_EACH_SIDE, PainComparison
from plumbline.domain.streaks import Run, Streaks, next_period, period_start
from plumbline.domain.strength import _partial, _window, multiplier

BEST_RUNS = 5  # as many runs as a habit's history lists
State = list[Any]  # JSON-safe: numbers and lists of numbers, dates as ordinals
DayRecord = Callable[[int], tuple[Entry | None, int | None]]  # a day's record and pain level, by day number


class Standing(NamedTuple):
    """A habit as of one day (and its pain comparison up to another)."""

    streaks: Streaks
    strength: float
    best_runs: list[Run]  # longest first, at most BEST_RUNS
    done_days: int
    comparison: PainComparison | None
    scores: dict[dt.date, float]  # the strength at the end of each day asked for


class HabitScan:
    def __init__(self, habit: Habit, first: dt.date, origin: dt.date, state: State | None = None) -> None:
        """`first`: the habit's first day (streaks.first_day); `origin`: the first day to feed."""
        self.habit, self.first = habit, first.toordinal()
        schedule = habit.schedule
        self.every = schedule.every_days or 1
        self.at_most = habit.kind is Kind.LIMIT
        self.m = multiplier(schedule.per_day())
        self.window, self.wanted = _window(schedule)
        self.first_period = period_start(schedule, first).toordinal() if schedule.period else 0
        self.weekdays, self.judged_by_period = schedule.weekdays, schedule.period is not None
        self.period_end = 0  # the day after the counted week or month, once worked out
        if state is None:
            state = [origin.toordinal(), 0, 0, [], None, -self.every, self.first_period, 0, 0, 0.0, [], [0, 0, 0, 0]]
        (self.day, self.done_days, self.best, top, self.open, self.last_done, self.period, self.p_done,
         self.p_skips, self.score, self.recent, cmp) = state
        self.top = [list(r) for r in top]
        self.open = list(self.open) if self.open else None
        self.recent, self.cmp = list(self.recent), list(cmp)

    def state(self) -> State:
        return [self.day, self.done_days, self.best, [list(r) for r in self.top], list(self.open) if self.open else None,
                self.last_done, self.period, self.p_done, self.p_skips, self.score, list(self.recent), list(self.cmp)]

    def copy(self, origin: dt.date) -> "HabitScan":
        return HabitScan(self.habit, dt.date.fromordinal(self.first), origin, self.state())

    @property
    def next_day(self) -> dt.date:
        return dt.date.fromordinal(self.day)

    # -- feeding -------------------------------------------------------------------------------

    def feed(self, entry: Entry | None, pain: int | None, today: bool = False) -> None:
        """The next day (`next_day`), a past one unless `today`."""
        number = self.day
        done = entry is not None and not entry.skipped and (
            entry.count <= self.habit.target if self.at_most else entry.count >= self.habit.target)
        if pain is not None:
            self._compare(number, entry, done, pain)
        if number >= self.first:
            self.done_days += done
            if not self.habit.schedule.period:
                self._step_runs(number, entry, done, today)
            self._step_strength(number, entry, done, today)
        if self.habit.schedule.period and number >= self.first_period:
            # Judged from the start of the first day's week or month, as _periodic_runs is,
            # even where that day comes after today.
            self._count_period(number, entry, done)
        if done:
            self.last_done = number
        self.day += 1

    def _compare(self, number: int, entry: Entry | None, done: bool, pain: int) -> None:
        if done:
            self.cmp[0] += pain
            self.cmp[1] += 1
        elif (entry is None or not entry.skipped) and (self.habit.schedule.period or self._due(number)):
            self.cmp[2] += pain
            self.cmp[3] += 1

    def _due(self, number: int) -> bool:
        weekdays = self.habit.schedule.weekdays
        if weekdays is not None and (number - 1) % 7 not in weekdays:  # ordinal 1 is a Monday
            return False
        return number - self.last_done >= self.every

    def _step_runs(self, number: int, entry: Entry | None, done: bool, today: bool) -> None:
        if entry is not None and entry.skipped:
            return  # a rest day bridges
        if done:
            self._add(number)
        elif self._due(number) and not today:
            self._cut()  # missed; today, still pending, breaks nothing

    def _count_period(self, number: int, entry: Entry | None, done: bool) -> None:
        if number >= self.period_end:  # a new week or month, or the first day fed since a state was taken up
            start = period_start(self.habit.schedule, dt.date.fromordinal(number))
            if start.toordinal() != self.period:
                self._close_period(last=False)
                self.period, self.p_done, self.p_skips = start.toordinal(), 0, 0
            self.period_end = next_period(self.habit.schedule, start).toordinal()
        if entry is not None and entry.skipped:
            self.p_skips += 1
        elif done:
            self.p_done += 1

    def _close_period(self, last: bool) -> None:
        """A week or month judged whole; the `last` one (today's) never breaks the run."""
        target = self.habit.schedule.per_period
        if self.p_done >= target:
            self._add(self.period)
        elif not (last or self.period <= self.first_period or self.p_done + self.p_skips >= target):
            self._cut()

    def _step_strength(self, number: int, entry: Entry | None, done: bool, today: bool) -> None:
        # The arithmetic of strength_series, in its order, so the floats come out the same.
        m = self.m
        if self.window:
            self.recent = (self.recent + [int(done)])[-self.window:]
        if entry is not None and entry.skipped or today and not done:
            pass
        elif self.window:
            self.score = self.score * m + min(1.0, sum(self.recent) / self.wanted) * (1 - m)
        # Schedule.due_on by day number (day 1 of the calendar is a Monday):
        elif done or not self.judged_by_period and (self.weekdays is None or (number - 1) % 7 in self.weekdays):
            completion = 1.0 if done else _partial(self.habit, entry)
            self.score = self.score * m + completion * (1 - m)

    def _add(self, number: int) -> None:
        if self.open is None:
            self.open = [number, number, 1]
        else:
            self.open[1:] = [number, self.open[2] + 1]

    def _cut(self) -> None:
        if self.open is not None:
            self.best = max(self.best, self.open[2])
            self.top = sorted([*self.top, self.open], key=lambda r: (-r[2], r[0]))[:BEST_RUNS]
            self.open = None

    # -- answering -----------------------------------------------------------------------------

    def standing(self, today: dt.date, until: dt.date, record: DayRecord,
                 scores_on: Collection[dt.date] = ()) -> Standing:
        """The habit as of `today` and its comparison up to `until` (not before today), reading
        the days from `next_day` on through `record`. The scan itself is left as it was."""
        scan, scores = self.copy(self.next_day), {}
        last, wanted = today.toordinal(), {day.toordinal() for day in scores_on}
        while scan.day <= last:
            number = scan.day
            scan.feed(*record(number), today=number == last)
            if number in wanted and number >= scan.first:
                scores[dt.date.fromordinal(number)] = scan.score
        scan._after_today(today, until, record)
        return scan._standing(until >= today, scores)

    def _after_today(self, today: dt.date, until: dt.date, record: DayRecord) -> None:
        """The rest of today's week or month counts for an N-a-period habit (a rest day planned
        ahead); pain after today (none, unless the clock went back) for the comparison."""
        schedule, number = self.habit.schedule, self.day
        period_end = next_period(schedule, period_start(schedule, today)).toordinal() if schedule.period else number
        while number < max(period_end, until.toordinal() + 1):
            entry, pain = record(number)
            done = is_done(self.habit, entry)
            if pain is not None and number <= until.toordinal():
                self._compare(number, entry, done, pain)
            if number < period_end and self.first_period <= number:
                self._count_period(number, entry, done)
            if done:
                self.last_done = number
            number += 1
        if schedule.period and self.first_period <= period_start(schedule, today).toordinal():
            self._close_period(last=True)

    def _standing(self, compared: bool, scores: dict[dt.date, float]) -> Standing:
        unit = self.habit.schedule.period or "days"
        current = self.open[2] if self.open else 0
        runs = [Run(dt.date.fromordinal(f), dt.date.fromordinal(last), n) for f, last, n in self.top]
        if self.open:
            f, last, n = self.open
            runs.append(Run(dt.date.fromordinal(f), dt.date.fromordinal(last), n, ongoing=True))
        best_runs = sorted(runs, key=lambda r: (-r.length, r.first))[:BEST_RUNS]
        with_sum, with_n, without_sum, without_n = self.cmp
        comparison = None
        if compared and with_n >= MIN_DAYS_EACH_SIDE and without_n >= MIN_DAYS_EACH_SIDE:
            comparison = PainComparison(self.habit, with_sum / with_n, without_sum / without_n, with_n, without_n)
        return Standing(Streaks(current, max(self.best, current), unit), self.score, best_runs, self.done_days,
                        comparison, scores)
