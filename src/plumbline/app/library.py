"""The habit and routine library as the front ends see it: a habit typed into the app's form is
checked by the same rules as a habit file (storage/habit_files.py), so the two never disagree."""

from plumbline.storage.habit_files import parse_habit
from plumbline.storage.routine_files import RoutineLibrary

__all__ = ["RoutineLibrary", "parse_habit"]
