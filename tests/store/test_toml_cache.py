"""The cache of parsed habit files: a speed-up that never changes what loads."""

import json
import os

from plumbline.storage.tracker import Tracker
from tests.conftest import BUILTIN_HABITS, MONDAY

CUSTOM = """\
id = "walk"
name = "{name}"
category = "movement"
kind = "do"
"""


SETTLED = 1_700_000_000  # 2023: files changed within the last two seconds are never cached


def settle(path):
    os.utime(path, (SETTLED, SETTLED))


def write_custom(data_dir, name):
    path = data_dir / "habits" / "walk.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(CUSTOM.format(name=name))
    settle(path)
    return path


def names(tracker):
    return {h.id: h.name for h in tracker.habits()}


def cached_paths(data_dir):
    return set(json.loads((data_dir / "cache" / "habit-files.json").read_text())["files"])


def test_a_second_load_gives_the_same_library_from_the_cache(data_dir):
    path = write_custom(data_dir, "Walk")
    first = Tracker(data_dir, BUILTIN_HABITS)
    assert str(path) in cached_paths(data_dir)
    second = Tracker(data_dir, BUILTIN_HABITS)
    assert second.habits(include_archived=True) == first.habits(include_archived=True)
    assert names(second)["walk"] == "Walk"


def test_an_edited_file_is_read_again(data_dir):
    write_custom(data_dir, "Walk")
    Tracker(data_dir, BUILTIN_HABITS)
    write_custom(data_dir, "Walk after lunch")  # settle() sets the same mtime: the size tells
    assert names(Tracker(data_dir, BUILTIN_HABITS))["walk"] == "Walk after lunch"


def test_a_file_changed_just_now_is_not_cached(data_dir):
    path = write_custom(data_dir, "Walk")
    path.write_text(CUSTOM.format(name="Wald"))  # same size, mtime of now
    assert names(Tracker(data_dir, BUILTIN_HABITS))["walk"] == "Wald"
    assert str(path) not in cached_paths(data_dir)


def test_a_removed_file_leaves_the_library_and_the_cache(data_dir):
    path = write_custom(data_dir, "Walk")
    Tracker(data_dir, BUILTIN_HABITS)
    path.unlink()
    assert "walk" not in names(Tracker(data_dir, BUILTIN_HABITS))
    assert str(path) not in cached_paths(data_dir)


def test_a_bad_habit_is_reported_on_every_load_cached_or_not(data_dir):
    path = data_dir / "habits" / "walk.toml"
    path.parent.mkdir()
    path.write_text(CUSTOM.format(name="Walk").replace('"movement"', '"dancing"'))
    settle(path)
    for _ in range(2):
        errors = Tracker(data_dir, BUILTIN_HABITS).load_errors
        assert [(e.path, e.field) for e in errors] == [(path, "category")]
        assert str(path) in cached_paths(data_dir)  # its TOML is cached; its check runs each time


def test_a_damaged_cache_is_rebuilt_from_the_files(data_dir):
    write_custom(data_dir, "Walk")
    expected = Tracker(data_dir, BUILTIN_HABITS).habits()
    (data_dir / "cache" / "habit-files.json").write_text('{"format": 1, "files": {"x": [1, 2')
    assert Tracker(data_dir, BUILTIN_HABITS).habits() == expected
    assert json.loads((data_dir / "cache" / "habit-files.json").read_text())["format"] == 1


def test_a_cache_that_cannot_be_written_only_costs_speed(data_dir):
    write_custom(data_dir, "Walk")
    (data_dir / "cache").write_text("a file where the cache folder goes")  # fails even for root
    assert names(Tracker(data_dir, BUILTIN_HABITS))["walk"] == "Walk"
    assert not [p for p in data_dir.rglob("*") if p.name.startswith(".tmp-")]


def test_a_store_write_clears_a_temporary_left_in_the_cache_folder(data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    left = data_dir / "cache" / ".tmp-killed.part"  # as a process killed while saving the cache leaves
    left.write_text("{")
    tracker.check("knee-pillow", MONDAY, today=MONDAY)  # the cache is current: only a store write runs
    assert not left.exists()
