"""A device's id: made once, kept in the local state folder, the same for every process."""

from __future__ import annotations

import multiprocessing
import os
import re
import stat
import subprocess
import sys

from plumbline.storage.locations import Locations, device_id, is_device_id


def _id_of(state_dir: str, queue) -> None:
    queue.put(device_id.__wrapped__(__import__("pathlib").Path(state_dir)))


def test_the_id_is_made_once_private_and_kept(tmp_path):
    state = tmp_path / "state"
    first = device_id.__wrapped__(state)
    assert is_device_id(first) and re.fullmatch("[a-z2-7]{8}", first) and device_id.__wrapped__(state) == first
    assert stat.S_IMODE((state / "device").stat().st_mode) == 0o600
    assert stat.S_IMODE(state.stat().st_mode) == 0o700


def test_processes_starting_at_once_on_a_new_device_agree_on_one_id(tmp_path):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_id_of, args=(str(tmp_path / "state"), queue)) for _ in range(6)]
    for worker in workers:
        worker.start()
    ids = {queue.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(60)
    assert len(ids) == 1


def test_a_device_file_that_holds_no_id_is_one_clear_line(tmp_path, data_dir):
    state = tmp_path / "broken-state"
    state.mkdir()
    (state / "device").write_text("not an id\n")
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_STATE_DIR": str(state)}
    done = subprocess.run([sys.executable, "-m", "plumbline", "today"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("plumbline: error: ") and str(state / "device") in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and (state / "device").read_text() == "not an id\n"


def test_the_same_data_dir_through_a_link_has_one_lock(tmp_path):
    real = tmp_path / "data"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    state = tmp_path / "state"
    assert Locations(real, state).lock_file == Locations(tmp_path / "link", state).lock_file
    assert Locations(real, state).lock_file != Locations(tmp_path / "other", state).lock_file
    assert not Locations(real, state).lock_file.is_relative_to(real)  # never in the synced folder
