"""The cache of parsed habit files: a speed-up that never changes what loads."""

import json
import os
import shutil
import time

from plumbline.app.tracker import Tracker
from plumbline.storage.habit_files import load_library
from plumbline.storage.locations import Locations
from plumbline.storage.store import Store
from plumbline.storage.toml_cache import TomlCache
from tests.conftest import BUILTIN_HABITS, MONDAY

CUSTOM = """\
id = "walk"
name = "{name}"
category = "movement"
kind = "do"
"""
SETTLED = 1_700_000_000  # 2023, for modification times that must be the same


def an_hour_later() -> int:
    """The clock of a load an hour after the files were written: they count as settled (files
    changed within the last two seconds are never cached, and a test cannot age a change time)."""
    return time.time_ns() + 3600 * 10**9


def load(data_dir, clock=an_hour_later):
    """What Tracker.reload_library does, with the clock given."""
    locations = Locations(data_dir)
    Store(locations).ensure_created(MONDAY)  # the cache is saved only in a data dir in use
    cache = TomlCache(locations, now_ns=clock)
    library = load_library([BUILTIN_HABITS, locations.custom_habits], cache.read)
    cache.save()
    return library


def write_custom(data_dir, name):
    path = data_dir / "habits" / "walk.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(CUSTOM.format(name=name))
    os.utime(path, (SETTLED, SETTLED))
    return path


def names(library):
    return {h.id: h.name for h in library.habits}


def cache_file(data_dir):
    return Locations(data_dir).cache_dir / "habit-files.json"


def cached_paths(data_dir):
    return set(json.loads(cache_file(data_dir).read_text())["files"])


def test_a_second_load_gives_the_same_library_from_the_cache(data_dir):
    path = write_custom(data_dir, "Walk")
    first = load(data_dir)
    assert str(path) in cached_paths(data_dir)
    written = cache_file(data_dir).stat().st_mtime_ns
    assert load(data_dir) == first and names(first)["walk"] == "Walk"
    assert cache_file(data_dir).stat().st_mtime_ns == written  # nothing changed: not written again


def test_an_edited_file_is_read_again(data_dir):
    write_custom(data_dir, "Walk")
    load(data_dir)
    write_custom(data_dir, "Walk after lunch")  # the same mtime: the size tells
    assert names(load(data_dir))["walk"] == "Walk after lunch"


def test_a_same_size_copy_that_keeps_the_mtime_is_read_again(data_dir, tmp_path):
    """cp -p, tar and unzip keep the modification time; the change time and inode still move."""
    write_custom(data_dir, "Walk")
    load(data_dir)
    other = tmp_path / "walk.toml"
    other.write_text(CUSTOM.format(name="Wald"))
    os.utime(other, (SETTLED, SETTLED))
    shutil.copy2(other, data_dir / "habits" / "walk.toml")
    assert names(load(data_dir))["walk"] == "Wald"


def test_a_file_changed_just_now_is_not_cached(data_dir):
    path = write_custom(data_dir, "Walk")
    assert names(load(data_dir, clock=time.time_ns))["walk"] == "Walk"
    assert str(path) not in cached_paths(data_dir)


def test_a_removed_file_leaves_the_library_and_the_cache(data_dir):
    path = write_custom(data_dir, "Walk")
    load(data_dir)
    path.unlink()
    assert "walk" not in names(load(data_dir))
    assert str(path) not in cached_paths(data_dir)


def test_files_of_another_installation_stay_cached(data_dir, tmp_path):
    """Two installations over one data dir each read their own built-in files: neither drops the
    other's, so the cache is not rewritten by every run."""
    other_builtins = tmp_path / "other-install"
    shutil.copytree(BUILTIN_HABITS, other_builtins)
    locations = Locations(data_dir)
    Store(locations).ensure_created(MONDAY)
    for builtins in (BUILTIN_HABITS, other_builtins):
        cache = TomlCache(locations, now_ns=an_hour_later)
        load_library([builtins, locations.custom_habits], cache.read)
        cache.save()
    paths = cached_paths(data_dir)
    assert str(BUILTIN_HABITS / "knee-pillow.toml") in paths and str(other_builtins / "knee-pillow.toml") in paths


def test_a_bad_habit_is_reported_on_every_load_cached_or_not(data_dir):
    path = data_dir / "habits" / "walk.toml"
    path.parent.mkdir()
    path.write_text(CUSTOM.format(name="Walk").replace('"movement"', '"dancing"'))
    for _ in range(2):
        errors = load(data_dir).errors
        assert [(e.path, e.field) for e in errors] == [(path, "category")]
        assert str(path) in cached_paths(data_dir)  # its TOML is cached; its check runs each time


def test_a_damaged_cache_is_rebuilt_from_the_files(data_dir):
    write_custom(data_dir, "Walk")
    expected = load(data_dir)
    cache_file(data_dir).write_text('{"format": 2, "files": {"x": [1, 2')
    assert load(data_dir) == expected
    assert json.loads(cache_file(data_dir).read_text())["format"] == 2


def test_a_cache_that_cannot_be_written_only_costs_speed(data_dir):
    write_custom(data_dir, "Walk")
    (data_dir / "cache").write_text("a file where the cache folder goes")  # fails even for root
    assert names(load(data_dir))["walk"] == "Walk"
    assert not [p for p in data_dir.rglob("*") if p.name.startswith(".tmp-")]


def test_reading_a_data_dir_never_written_to_creates_nothing(tmp_path):
    data_dir = tmp_path / "new"
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    assert tracker.checklist(MONDAY) and not data_dir.exists()


def test_a_store_write_clears_a_temporary_left_in_the_cache_folder(data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    Locations(data_dir).cache_dir.mkdir(parents=True)
    left = Locations(data_dir).cache_dir / ".tmp-killed.part"  # as a process killed while saving the cache leaves
    left.write_text("{")
    tracker.check("knee-pillow", MONDAY, today=MONDAY)
    assert not left.exists()


def test_a_load_does_not_wait_for_a_writer_holding_the_lock(data_dir):
    import threading

    from plumbline.storage.lock import exclusive_lock

    write_custom(data_dir, "Walk")
    Store(Locations(data_dir)).ensure_created(MONDAY)
    done = threading.Event()
    with exclusive_lock(Locations(data_dir).lock_file):  # a writer mid-change (an import, say)
        worker = threading.Thread(target=lambda: (load(data_dir), done.set()), daemon=True)
        worker.start()
        worker.join(timeout=10)
        assert done.is_set()  # it went on without saving the cache
        assert not cache_file(data_dir).exists()
    load(data_dir)
    assert cache_file(data_dir).exists()  # and saves it the next time the lock is free
