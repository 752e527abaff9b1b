"""The highlighted habit explained: why it helps, how to do it, and its cautions."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from plumbline.domain.habit import Habit
from plumbline.ui import glyphs
from plumbline.ui.user_text import user_text


class HabitDetail(Static):
    shown: Habit | None = None

    def show(self, habit: Habit | None) -> None:
        # Each update lays the screen out again (the pane's height follows its text), and the
        # same habit is shown twice in a row whenever the list is rebuilt: once directly, once
        # when the list's highlight message arrives.
        if habit is not None and habit == self.shown:
            return
        self.shown = habit
        self.update(self.describe(habit))

    @staticmethod
    def describe(habit: Habit | None) -> Text:
        if habit is None:
            return Text("Add a habit with a, or restore an archived one with u.", style="dim")
        text = Text()
        text.append_text(user_text(habit.name, "bold"))
        text.append(glyphs.punctuated(f"  ·  {habit.schedule.describe()}"), style="dim")
        if habit.why:
            text.append("\nWhy: ", style="bold")
            text.append_text(user_text(habit.why))
        if habit.how:
            text.append("\nHow: ", style="bold")
            text.append_text(user_text(habit.how))
        for caution in habit.cautions:
            text.append("\n! ", style="bold yellow")
            text.append_text(user_text(caution, "yellow"))
        return text
