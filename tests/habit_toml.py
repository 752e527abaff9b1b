"""A habit as the TOML file a user could write by hand (the app records its habits in the state;
tests write habit files with this)."""

from __future__ import annotations

import tomli_w

from plumbline.domain.habit import Habit
from plumbline.storage.habit_files import habit_data


def habit_toml(habit: Habit) -> str:
    data = habit_data(habit)
    texts = [value for value in data.values() if isinstance(value, str)] + data["cautions"]
    # Texts over several lines read best as multi-line strings, but in those tomli-w writes
    # "\r\n" as "\n": a text with a carriage return is written on one line, escaped, to load back as it was.
    return tomli_w.dumps(data, multiline_strings=not any("\r" in text for text in texts))
