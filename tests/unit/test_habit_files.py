
import pytest

from plumbline.domain.habit import Kind, Schedule
from plumbline.errors import HabitFileError
from plumbline.storage.habit_files import load_habit_file, load_library
from tests.conftest import BUILTIN_HABITS
from tests.habit_toml import habit_toml

REQUIRED_IDS = {
    "knees-uncrossed", "knee-pillow", "both-feet", "no-slouching", "posture-breaks",
    "core-work", "glute-work", "gentle-mobility", "towel-mobilization", "lift-mechanics",
}
EXERCISES = {"core-work", "glute-work", "gentle-mobility", "towel-mobilization"}


def test_the_builtin_library_loads_without_errors():
    library = load_library([BUILTIN_HABITS])
    assert library.errors == []
    assert set(library.by_id()) >= REQUIRED_IDS


def test_builtin_kinds_and_schedules_match_the_guidance():
    habits = load_library([BUILTIN_HABITS]).by_id()
    assert habits["knees-uncrossed"].kind is Kind.AVOID
    assert habits["knees-uncrossed"].label_done == "Kept knees uncrossed"
    assert habits["posture-breaks"].kind is Kind.COUNT and habits["posture-breaks"].target == 6
    assert habits["core-work"].schedule == Schedule(per_week=3)
    assert all(h.why and h.how for h in habits.values())


def test_every_exercise_carries_the_stop_if_it_hurts_caution():
    habits = load_library([BUILTIN_HABITS]).by_id()
    for habit_id in EXERCISES:
        assert any("pain" in c.lower() and "stop" in c.lower() for c in habits[habit_id].cautions), habit_id


def write(folder, name, text):
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


GOOD = 'id = "{id}"\nname = "Walk"\ncategory = "movement"\nkind = "do"\n'


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('id = "bad"\nname = "x"\ncategory = "posture"\nkind = "do"\n', "id"),
        ('id = "broken"\nname = "x"\ncategory = "posture"\nkind = "maybe"\n', "kind"),
        ('id = "broken"\nname = "x"\ncategory = "posture"\nkind = "count"\n', "target"),
        ('id = "broken"\nname = "x"\ncategory = "posture"\nkind = "do"\nschedule = { per_week = 9 }\n', "schedule"),
        ('id = "broken"\nname = "x"\ncategory = "posture"\nkind = "do"\ntime = "25:00"\n', "time"),
        ('id = "broken"\ncategory = "posture"\nkind = "do"\n', "name"),
        ('id = "broken"\nname = "x"\ncategory = "posture"\nkind = "do"\ncolour = "red"\n', "colour"),
        ('id = "broken"\nname = = "x"\n', "-"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_field(tmp_path, body, field):
    path = write(tmp_path, "broken", body)
    with pytest.raises(HabitFileError) as caught:
        load_habit_file(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "walk", GOOD.format(id="walk"))
    write(tmp_path, "broken", "this is not toml [")
    library = load_library([BUILTIN_HABITS, tmp_path])
    assert "walk" in library.by_id() and set(library.by_id()) >= REQUIRED_IDS
    assert [e.path.name for e in library.errors] == ["broken.toml"]


def test_a_custom_file_overrides_the_builtin_of_the_same_id(tmp_path):
    builtin = load_library([BUILTIN_HABITS]).by_id()["core-work"]
    write(tmp_path, "core-work", habit_toml(builtin._replace(name="Core, my way", schedule=Schedule(per_week=2))))
    mine = load_library([BUILTIN_HABITS, tmp_path]).by_id()["core-work"]
    assert (mine.name, mine.schedule.per_week, mine.custom) == ("Core, my way", 2, True)


def test_written_habits_load_back_identically(tmp_path):
    for habit in load_library([BUILTIN_HABITS]).habits:
        tricky = habit._replace(name='[x] "core" \\ work', why="two\nlines\r\x1b]0;title\x07\ttab\x7f\x9b")
        path = write(tmp_path, habit.id, habit_toml(tricky))
        assert load_habit_file(path) == tricky


@pytest.mark.parametrize("kind, target", [("limit", 5), ("count", 2.5), ("limit", 0.5)])
def test_numeric_habits_write_and_read_back_with_their_kind_and_target(tmp_path, kind, target):
    path = tmp_path / "cigarettes.toml"
    path.write_text(f'id = "cigarettes"\nname = "Cigarettes"\ncategory = "other"\nkind = "{kind}"\ntarget = {target}\n')
    habit = load_habit_file(path)
    assert (habit.kind, habit.target) == (Kind(kind), target)
    path.write_text(habit_toml(habit))
    assert load_habit_file(path) == habit


@pytest.mark.parametrize("target", ["-1", "100001", "nan", "inf", '"5"', "true"])
def test_a_target_that_is_no_sensible_number_is_named(tmp_path, target):
    path = tmp_path / "cigarettes.toml"
    path.write_text(f'id = "cigarettes"\nname = "Cigarettes"\ncategory = "other"\nkind = "limit"\ntarget = {target}\n')
    with pytest.raises(HabitFileError, match="target.*from 0 to 100000"):
        load_habit_file(path)


@pytest.mark.parametrize("schedule, described", [("{ per_month = 2 }", "2 times a month"),
                                                 ("{ every_days = 3 }", "every 3 days"),
                                                 ("{ per_week = 3 }", "3 times a week")])
def test_every_schedule_writes_and_reads_back(tmp_path, schedule, described):
    path = tmp_path / "stretch.toml"
    path.write_text(f'id = "stretch"\nname = "Stretch"\ncategory = "mobility"\nkind = "do"\nschedule = {schedule}\n')
    habit = load_habit_file(path)
    assert habit.schedule.describe() == described
    assert Schedule.from_words(described) == habit.schedule
    path.write_text(habit_toml(habit))
    assert load_habit_file(path) == habit


@pytest.mark.parametrize("schedule", ["{ per_month = 29 }", "{ every_days = 1 }", "{ every_days = 2, per_week = 1 }"])
def test_a_schedule_out_of_range_is_named(tmp_path, schedule):
    path = tmp_path / "stretch.toml"
    path.write_text(f'id = "stretch"\nname = "Stretch"\ncategory = "mobility"\nkind = "do"\nschedule = {schedule}\n')
    with pytest.raises(HabitFileError, match="schedule"):
        load_habit_file(path)
