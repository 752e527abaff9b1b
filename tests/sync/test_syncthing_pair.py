"""Two real Syncthing 1.19 instances on 127.0.0.1 (tests/sync/syncthing_pair.py): the facts the
simulator in tests/sync/engines is built on, measured rather than assumed."""

from __future__ import annotations

import os
import re
import time

from tests.sync.syncthing_pair import SyncthingPair, wait_for

CONFLICT = re.compile(r"^notes\.sync-conflict-(\d{8})-(\d{6})-([A-Z2-7]{7})\.txt$")


def _files(folder) -> dict[str, bytes]:
    """The folder's files, without Syncthing's own marker folder."""
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file() and not path.name.startswith(".st")}


def _write(path, text: str, mtime: float) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_a_file_written_on_a_arrives_on_b_with_its_mtime(syncthing_pair: SyncthingPair):
    a, b = syncthing_pair.both
    _write(a.folder / "notes.txt", "written on a\n", 1_800_000_000)
    (a.folder / "sub").mkdir()
    (a.folder / "sub" / "deep.txt").write_text("in a subfolder\n")
    syncthing_pair.wait_in_sync()
    assert _files(b.folder) == {"notes.txt": b"written on a\n"}
    assert (b.folder / "sub" / "deep.txt").read_text() == "in a subfolder\n"
    assert (b.folder / "notes.txt").stat().st_mtime == 1_800_000_000  # Syncthing keeps modification times


def test_both_changed_the_older_mtime_loses_to_a_conflict_copy_on_both(syncthing_pair: SyncthingPair):
    a, b = syncthing_pair.both
    _write(a.folder / "notes.txt", "agreed\n", 1_800_000_000)
    syncthing_pair.wait_in_sync()
    syncthing_pair.pause()
    now = time.time()
    _write(a.folder / "notes.txt", "a's change, older\n", now - 100)
    _write(b.folder / "notes.txt", "b's change, newer\n", now - 10)
    (a.folder / "a-only.txt").write_text("only a writes this\n")
    syncthing_pair.resume()
    syncthing_pair.wait_in_sync()

    on_a, on_b = _files(a.folder), _files(b.folder)
    assert on_a == on_b
    assert on_a["notes.txt"] == b"b's change, newer\n"
    copies = [name for name in on_a if CONFLICT.match(name)]
    assert len(copies) == 1, on_a
    assert on_a[copies[0]] == b"a's change, older\n"
    assert on_a["a-only.txt"] == b"only a writes this\n"
    # Measured: the id in the name is the device that made the WINNING version (Syncthing passes
    # the incoming file's ModifiedBy to moveForConflict), not the one whose version was kept aside.
    assert CONFLICT.match(copies[0]).group(3) == b.short_id
    # The copy is the losing file renamed, so it keeps the losing version's mtime.
    assert int((a.folder / copies[0]).stat().st_mtime) == int(now - 100)


def test_an_edit_beats_a_delete_without_a_copy(syncthing_pair: SyncthingPair):
    a, b = syncthing_pair.both
    _write(a.folder / "notes.txt", "agreed\n", 1_800_000_000)
    syncthing_pair.wait_in_sync()
    syncthing_pair.pause()
    (a.folder / "notes.txt").unlink()
    _write(b.folder / "notes.txt", "b edits\n", time.time() - 50)
    syncthing_pair.resume()
    syncthing_pair.wait_in_sync()
    assert _files(a.folder) == _files(b.folder) == {"notes.txt": b"b edits\n"}


def test_only_the_newest_ten_conflict_copies_are_kept_on_both(syncthing_pair: SyncthingPair):
    a, b = syncthing_pair.both
    _write(a.folder / "notes.txt", "agreed\n", 1_800_000_000)
    syncthing_pair.wait_in_sync()
    for attempt in range(11):
        # Conflict names have whole seconds: two conflicts in one second would share a name.
        started = int(time.time())
        syncthing_pair.pause()
        now = time.time()
        _write(a.folder / "notes.txt", f"a {attempt}\n", now - 100)
        _write(b.folder / "notes.txt", f"b {attempt}\n", now - 10)
        syncthing_pair.resume()
        syncthing_pair.wait_in_sync()
        wait_for(lambda started=started: int(time.time()) > started, 2, "the next second")
    on_a = _files(a.folder)
    assert on_a == _files(b.folder)
    copies = sorted(text.decode() for name, text in on_a.items() if CONFLICT.match(name))
    assert copies == sorted(f"a {attempt}\n" for attempt in range(1, 11))  # a 0, the oldest, is gone from both
