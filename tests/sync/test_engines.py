"""The simulated sync engines (tests/sync/engines) on plain text files: what each engine does to
real directories, so scenario tests built on them can trust it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sync.engines import Dropbox, Nextcloud, Syncthing

NOW = dt.datetime(2026, 11, 23, 9, 30, 0)


class Clock:
    """The test's time, moved by hand."""

    def __init__(self) -> None:
        self.at = NOW

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, hidden ones included."""
    return {path.relative_to(folder).as_posix(): path.read_text() for path in sorted(folder.rglob("*")) if path.is_file()}


def write(folder: Path, relative: str, text: str) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def trio(tmp_path: Path, clock: Clock) -> Syncthing:
    return Syncthing({name: tmp_path / name for name in ("a", "b", "c")}, now=clock)


def folder(engine: Syncthing, device: str) -> Path:
    return engine.folders[device]


def conflict_copies(files: dict[str, str]) -> dict[str, str]:
    return {name: text for name, text in files.items() if ".sync-conflict-" in name}


def test_syncthing_carries_new_files_subfolders_and_mtimes_to_every_device_but_not_temp_files(trio, clock):
    a = folder(trio, "a")
    write(a, "notes.txt", "one\n")
    write(a, "entries/2026-11.json", "{}\n")
    write(a, ".syncthing.notes.txt.tmp", "half")
    write(a, ".~lock.notes.txt#", "lock")
    trio.touch_as("a", "notes.txt", NOW - dt.timedelta(days=2))
    done = trio.sync()
    expected = {"entries/2026-11.json": "{}\n", "notes.txt": "one\n"}
    assert tree(folder(trio, "b")) == tree(folder(trio, "c")) == expected
    assert sorted(done.delivered) == [("b", "entries/2026-11.json"), ("b", "notes.txt"),
                                      ("c", "entries/2026-11.json"), ("c", "notes.txt")]
    assert (folder(trio, "c") / "notes.txt").stat().st_mtime == (NOW - dt.timedelta(days=2)).timestamp()
    assert not done.conflicts


def agreed_pair(tmp_path: Path, clock: Clock, **skew_hours: int) -> tuple[Syncthing, Path, Path]:
    """Devices a and b, each clock `skew_hours` off, that agree on notes.txt."""
    skew = {device: dt.timedelta(hours=hours) for device, hours in skew_hours.items()}
    engine = Syncthing({"a": tmp_path / "a", "b": tmp_path / "b"}, now=clock, skew=skew)
    write(folder(engine, "a"), "notes.txt", "agreed\n")
    engine.sync()
    return engine, folder(engine, "a"), folder(engine, "b")


def test_syncthing_older_mtime_loses_to_a_copy_named_by_the_winner_on_the_losers_clock(tmp_path, clock):
    engine, a, b = agreed_pair(tmp_path, clock, a=1)
    write(a, "notes.txt", "a wrote first\n")
    engine.touch_as("a", "notes.txt", NOW - dt.timedelta(hours=2))  # a's clock: 08:30, an hour ahead
    write(b, "notes.txt", "b wrote later\n")
    engine.touch_as("b", "notes.txt", NOW - dt.timedelta(minutes=30))  # b's clock: 09:00
    done = engine.sync()
    # a's version is older, so a renames it, stamped with a's own (skewed) clock, named for b.
    copy = f"notes.sync-conflict-20261123-103000-{engine.short_id('b')}.txt"
    assert done.conflicts == [("a", copy)]
    assert tree(a) == tree(b) == {"notes.txt": "b wrote later\n", copy: "a wrote first\n"}
    assert len(engine.short_id("b")) == 7 and engine.short_id("a") != engine.short_id("b")


def test_syncthing_a_skewed_clock_wins_a_conflict_it_wrote_earlier(tmp_path, clock):
    engine, a, b = agreed_pair(tmp_path, clock, b=3)
    write(b, "notes.txt", "b, first in real time\n")
    engine.touch_as("b", "notes.txt")
    clock.advance(hours=1)
    write(a, "notes.txt", "a, an hour later\n")
    engine.touch_as("a", "notes.txt")
    engine.sync()
    assert tree(a)["notes.txt"] == tree(b)["notes.txt"] == "b, first in real time\n"
    assert list(conflict_copies(tree(a)).values()) == ["a, an hour later\n"]


def test_syncthing_keeps_only_the_newest_ten_conflict_copies_everywhere(trio, clock):
    a, b = folder(trio, "a"), folder(trio, "b")
    write(a, "log.txt", "agreed\n")
    trio.sync()
    for round_number in range(12):
        clock.advance(minutes=1)
        write(a, "log.txt", f"a {round_number}\n")
        trio.touch_as("a", "log.txt")
        write(b, "log.txt", f"b {round_number}\n")
        trio.touch_as("b", "log.txt", clock() + dt.timedelta(seconds=5))
        trio.sync()
    copies = conflict_copies(tree(a))
    assert all(conflict_copies(tree(folder(trio, device))) == copies for device in "bc")
    assert sorted(copies.values()) == sorted(f"a {n}\n" for n in range(2, 12))  # the two oldest are gone
    assert tree(a)["log.txt"] == "b 11\n"


def test_syncthing_an_edit_silently_beats_a_delete(trio, clock):
    a, b = folder(trio, "a"), folder(trio, "b")
    write(a, "notes.txt", "agreed\n")
    trio.sync()
    (a / "notes.txt").unlink()
    write(b, "notes.txt", "b edited\n")
    done = trio.sync()
    assert tree(a) == tree(b) == tree(folder(trio, "c")) == {"notes.txt": "b edited\n"}
    assert not done.conflicts and not done.deleted


def test_syncthing_a_delete_nobody_edited_reaches_everyone(trio):
    a = folder(trio, "a")
    write(a, "old.txt", "x\n")
    write(a, "keep.txt", "y\n")
    trio.sync()
    (folder(trio, "c") / "old.txt").unlink()
    done = trio.sync()
    assert sorted(done.deleted) == [("a", "old.txt"), ("b", "old.txt")]
    assert all(tree(folder(trio, device)) == {"keep.txt": "y\n"} for device in "abc")
    assert trio.agreed("a")["old.txt"] is None


def test_syncthing_same_change_on_both_sides_is_no_conflict(trio):
    write(folder(trio, "a"), "notes.txt", "agreed\n")
    trio.sync()
    for device in "ab":
        write(folder(trio, device), "notes.txt", "same words\n")
    assert not trio.sync().conflicts
    assert all(tree(folder(trio, device)) == {"notes.txt": "same words\n"} for device in "abc")


def test_syncthing_partial_shuffled_rounds_deliver_some_files_then_a_full_round_converges(trio):
    a = folder(trio, "a")
    names = [f"entries/{n:02}.json" for n in range(20)]
    for name in names:
        write(a, name, f"{name}\n")
    first = trio.sync(devices=["a", "b"], limit=5, order_seed=1)
    second_engine_order = trio.sync(devices=["a", "b"], limit=5, order_seed=2)
    assert len(first.delivered) == len(second_engine_order.delivered) == 5
    assert set(tree(folder(trio, "b"))) == {name for _, name in first.delivered + second_engine_order.delivered}
    assert [name for _, name in first.delivered] != sorted(name for _, name in first.delivered)  # shuffled
    only = trio.sync(files=[names[19]])
    assert {name for _, name in only.delivered} == {names[19]}
    trio.sync()
    assert tree(a) == tree(folder(trio, "b")) == tree(folder(trio, "c"))
    assert len(tree(a)) == 20


def test_syncthing_torn_delivery_is_a_prefix_that_never_spreads_and_a_later_round_completes(trio):
    a, b = folder(trio, "a"), folder(trio, "b")
    write(a, "month.json", '{"entries": [1, 2, 3]}\n')
    done = trio.sync(devices=["a", "b"], torn={"month.json": 10})
    assert done.torn == [("b", "month.json")]
    assert tree(b) == {"month.json": '{"entries"'}  # the first 10 bytes
    write(a, "other.txt", "more\n")
    trio.sync(devices=["a", "b"], files=["other.txt"])  # the half file is no change of b's
    assert tree(a)["month.json"] == '{"entries": [1, 2, 3]}\n'
    trio.sync()
    assert tree(b) == tree(a) == tree(folder(trio, "c"))
    assert tree(b)["month.json"] == '{"entries": [1, 2, 3]}\n'
    assert not conflict_copies(tree(b))


def test_syncthing_an_offline_device_catches_up_weeks_later(trio, clock):
    a, b, c = (folder(trio, device) for device in "abc")
    write(a, "shared.txt", "start\n")
    write(a, "gone.txt", "to be deleted\n")
    trio.sync()
    for day in range(21):  # c is offline for three weeks; a and b keep syncing
        clock.advance(days=1)
        write(a, f"a/{day:02}.json", f"a day {day}\n")
        write(b, f"b/{day:02}.json", f"b day {day}\n")
        write(c, f"c/{day:02}.json", f"c day {day}\n")
        trio.sync(devices=["a", "b"])
    (b / "gone.txt").unlink()
    write(a, "shared.txt", "changed while c was away\n")
    trio.sync(devices=["a", "b"])
    assert "c/00.json" not in tree(a) and "a/20.json" not in tree(c)
    done = trio.sync()
    assert tree(a) == tree(b) == tree(c)
    assert len(tree(c)) == 1 + 3 * 21 and "gone.txt" not in tree(c)
    assert tree(c)["shared.txt"] == "changed while c was away\n"
    assert not done.conflicts


def test_syncthing_files_only_one_device_writes_never_conflict(trio, clock):
    for step in range(30):
        clock.advance(minutes=7)
        for device in "abc":
            path = folder(trio, device) / f"{device}.log"
            with path.open("a") as log:
                log.write(f"{device} {step}\n")
            trio.touch_as(device, f"{device}.log")
        done = trio.sync(devices=["a", "b", "c"][: 1 + step % 3], limit=2, order_seed=step)
        assert not done.conflicts
    assert not trio.sync().conflicts
    assert tree(folder(trio, "a")) == tree(folder(trio, "b")) == tree(folder(trio, "c"))
    assert tree(folder(trio, "a"))["b.log"].count("\n") == 30


def clients(engine_type, tmp_path: Path, clock: Clock, **options):
    """A server and clients a and b that agree on notes.txt."""
    engine = engine_type(tmp_path / "server", {name: tmp_path / name for name in "ab"}, now=clock, **options)
    write(engine.clients["a"], "notes.txt", "agreed\n")
    engine.sync()
    return engine, engine.clients["a"], engine.clients["b"]


def both_change(engine, a_text: str, b_text: str) -> None:
    """a and b change notes.txt offline, b's change the newer; a syncs first."""
    write(engine.clients["a"], "notes.txt", a_text)
    engine.touch_as("a", "notes.txt", NOW - dt.timedelta(hours=1))
    write(engine.clients["b"], "notes.txt", b_text)
    engine.touch_as("b", "notes.txt", NOW - dt.timedelta(minutes=15))
    engine.sync("a")


def test_nextcloud_carries_files_through_the_server_only_when_a_client_syncs(tmp_path, clock):
    engine, a, b = clients(Nextcloud, tmp_path, clock)
    write(a, "entries/2026-11.json", "{}\n")
    assert engine.sync("a").delivered == [("server", "entries/2026-11.json")]
    assert "entries/2026-11.json" not in tree(b)
    assert engine.sync("b").delivered == [("b", "entries/2026-11.json")]
    assert tree(b) == tree(engine.server) == tree(a)


def test_nextcloud_the_local_version_loses_and_its_copy_stays_on_that_client(tmp_path, clock):
    engine, a, b = clients(Nextcloud, tmp_path, clock)
    both_change(engine, "a's\n", "b's, newer but local\n")
    done = engine.sync("b")
    # Named with the losing file's own mtime (09:15 local), not the time of the sync.
    copy = "notes (conflicted copy 2026-11-23 091500).txt"
    assert done.conflicts == [("b", copy)]
    engine.sync()
    assert tree(b) == {"notes.txt": "a's\n", copy: "b's, newer but local\n"}
    assert tree(a) == tree(engine.server) == {"notes.txt": "a's\n"}  # the copy is never uploaded


def test_nextcloud_an_edit_beats_a_delete_both_ways(tmp_path, clock):
    engine, a, b = clients(Nextcloud, tmp_path, clock)
    write(a, "other.txt", "x\n")
    engine.sync()
    (a / "notes.txt").unlink()
    write(b, "notes.txt", "b edited\n")
    write(a, "other.txt", "a edited\n")
    (b / "other.txt").unlink()
    done = engine.sync(["a", "b"])
    assert tree(a) == tree(b) == tree(engine.server) == {"notes.txt": "b edited\n", "other.txt": "a edited\n"}
    assert not done.conflicts


def test_nextcloud_torn_download_counts_as_unchanged_and_the_next_sync_completes_it(tmp_path, clock):
    engine, a, b = clients(Nextcloud, tmp_path, clock)
    write(a, "notes.txt", "a long new version\n")
    engine.sync("a")
    assert engine.sync("b", torn={"notes.txt": 6}).torn == [("b", "notes.txt")]
    assert tree(b) == {"notes.txt": "a long"}
    engine.sync("b", files=["nothing-else"])  # b's half file is not uploaded as b's change
    assert tree(engine.server) == {"notes.txt": "a long new version\n"}
    engine.sync("b")
    assert tree(b) == {"notes.txt": "a long new version\n"}


def test_dropbox_the_later_upload_loses_and_its_copy_reaches_everyone(tmp_path, clock):
    engine, a, b = clients(Dropbox, tmp_path, clock, names={"b": "Desk PC"}, skew={"b": dt.timedelta(hours=15)})
    both_change(engine, "a's, uploaded first\n", "b's, uploaded later\n")
    done = engine.sync("b")
    # b's clock is 15 hours ahead: already the next day there.
    copy = "notes (Desk PC's conflicted copy 2026-11-24).txt"
    assert done.conflicts == [("b", copy)]
    engine.sync()
    expected = {"notes.txt": "a's, uploaded first\n", copy: "b's, uploaded later\n"}
    assert tree(a) == tree(b) == tree(engine.server) == expected


def test_dropbox_a_second_conflict_the_same_day_gets_a_number(tmp_path, clock):
    engine, a, b = clients(Dropbox, tmp_path, clock)
    for attempt in range(2):
        clock.advance(hours=1)
        both_change(engine, f"a {attempt}\n", f"b {attempt}\n")
        engine.sync()
    assert tree(a) == tree(b) == {
        "notes.txt": "a 1\n",
        "notes (b's conflicted copy 2026-11-23).txt": "b 0\n",
        "notes (b's conflicted copy 2026-11-23) (1).txt": "b 1\n",
    }


def test_client_server_partial_shuffled_rounds_then_a_full_round_converge(tmp_path, clock):
    engine, a, b = clients(Dropbox, tmp_path, clock)
    for n in range(12):
        write(a, f"entries/{n:02}.json", f"{n}\n")
    engine.sync("a")
    first = engine.sync("b", limit=4, order_seed=3)
    assert len(first.delivered) == 4 and len(tree(b)) == 1 + 4
    assert [name for _, name in first.delivered] != sorted(name for _, name in first.delivered)
    engine.sync()
    assert tree(a) == tree(b) == tree(engine.server) and len(tree(b)) == 13
