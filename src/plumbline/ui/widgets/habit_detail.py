"""The highlighted habit explained: its cautions, how to do it and why it helps.

The cautions come first, right under the name: the pane has room for a few lines on a small
terminal (80x24), and what must never be missed is the "stop if it hurts". Then the how, which
ends with whose numbers they are (ours, where the articles give none), then the why. The pane
grows to half the screen where there is room, and scrolls for the rest."""

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
        for caution in habit.cautions:
            text.append("\n! ", style="bold yellow")
            text.append_text(user_text(caution, "yellow"))
        if habit.how:
            text.append("\nHow: ", style="bold")
            text.append_text(user_text(habit.how))
        if habit.why:
            text.append("\nWhy: ", style="bold")
            text.append_text(user_text(habit.why))
        return text
