"""What each name in a shared data dir is (storage/sync_names.py): the names plumbline writes,
the names from before devices, the engines' conflict copies of them, and everything else."""

from __future__ import annotations

import pytest

from plumbline.storage.sync_names import DataFile, month_file, state_file


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-11.json", DataFile("2026-11.json", "2026-11", None, False)),
    ("2026-11.abcdefg2.json", DataFile("2026-11.abcdefg2.json", "2026-11", "abcdefg2", False)),
    ("2026-11.abcdefgh.sync-conflict-20261101-101010-ABCDEF7.json",
     DataFile("2026-11.abcdefgh.sync-conflict-20261101-101010-ABCDEF7.json", "2026-11", "abcdefgh", True)),
    ("2026-11 (conflicted copy 2026-11-01 101010).json",
     DataFile("2026-11 (conflicted copy 2026-11-01 101010).json", "2026-11", None, True)),
    ("2026-11.abcdefgh (Ann's conflicted copy 2026-11-01 (1)).json",
     DataFile("2026-11.abcdefgh (Ann's conflicted copy 2026-11-01 (1)).json", "2026-11", "abcdefgh", True)),
    ("2026-11.abcdefg1.json", None),  # 1 is not in a device id
    ("2026-11.ABCDEFGH.json", None),
    ("2026-11.abcdefghi.json", None),
    ("2026-11.abcdefgh.extra.json", None),
    ("2026-1.json", None),
    ("2026_11.json", None),
    ("２０２６-11.json", None),  # digits, but not ASCII ones
    ("2026-11.json.part", None),
    (".tmp-abcdefgh-x1y2.part", None),
    ("plumbline.json", None),
])
def test_month_file_names(name, expected):
    assert month_file(name) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("plumbline.json", DataFile("plumbline.json", None, None, False)),
    ("plumbline.abcdefgh.json", DataFile("plumbline.abcdefgh.json", None, "abcdefgh", False)),
    ("plumbline.abcdefgh.sync-conflict-20261101-101010-ABCDEF7.json",
     DataFile("plumbline.abcdefgh.sync-conflict-20261101-101010-ABCDEF7.json", None, "abcdefgh", True)),
    ("plumbline.abcdefgh.json.bak", None),
    ("plumbline.lock", None),
    ("Plumbline.json", None),
    ("plumbline2.json", None),
    ("2026-11.json", None),
])
def test_state_file_names(name, expected):
    assert state_file(name) == expected
