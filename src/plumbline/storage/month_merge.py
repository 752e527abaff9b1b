"""One month as every device wrote it: the month files (and conflict copies) merged into one.

Readers get the month in the shape it had before devices ({"c", "s", "n"} per day, removed
records left out), so everything that reads months reads a merged one the same way. Writers get
the joined record of a day, to work out their change from what every device has said.
"""

from __future__ import annotations

from typing import Any

from plumbline.storage.checks import month_meta
from plumbline.storage.record_merge import join_entries, join_pain, plain_entry, plain_pain

Days = dict[str, dict[str, Any]]  # "DD" -> record


class JoinedMonth:
    """The month's records joined over its files: habit -> day -> record, and day -> pain."""

    def __init__(self, month: str, datas: list[dict[str, Any]]) -> None:
        self.month = month
        self.habits: dict[str, Days] = {}
        self.pain: Days = {}
        for data in datas:
            for doc in data.get("months", {}).values():
                _join_days(self.habits.setdefault(doc["habit"], {}), doc.get("days", {}), join_entries)
            for doc in data.get("pain", {}).values():
                _join_days(self.pain, doc.get("days", {}), join_pain)

    def entry(self, habit_id: str, slot: str) -> dict[str, Any] | None:
        return self.habits.get(habit_id, {}).get(slot)

    def plain(self) -> dict[str, Any]:
        """The month as a file from before devices would hold it."""
        months: dict[str, Any] = {}
        for habit_id, days in self.habits.items():
            kept = _plain_days(days, plain_entry)
            if kept:
                months[str(len(months) + 1)] = {"key": f"{habit_id}|{self.month}", "habit": habit_id,
                                                "month": self.month, "days": kept}
        data: dict[str, Any] = {"_meta": {"1": month_meta(self.month)}, "months": months}
        pains = _plain_days(self.pain, plain_pain)
        if pains:
            data["pain"] = {"1": {"key": self.month, "month": self.month, "days": pains}}
        return data


def _join_days(into: Days, days: Days, join: Any) -> None:
    for slot, record in days.items():
        slot = f"{int(slot):02d}"  # "1" as "01": older files may have either
        known = into.get(slot)
        into[slot] = record if known is None else join(known, record)


def _plain_days(days: Days, plain: Any) -> Days:
    kept = {}
    for slot, record in days.items():
        shown = plain(record)
        if shown is not None:
            kept[slot] = shown
    return kept


def plain_month(month: str, datas: list[dict[str, Any]]) -> dict[str, Any]:
    """The month for readers. One file alone is read as it is: MonthRecords leaves out its removed
    records and readings itself, which costs a lookup a record instead of a join."""
    if len(datas) == 1:
        return datas[0]
    return JoinedMonth(month, datas).plain()
