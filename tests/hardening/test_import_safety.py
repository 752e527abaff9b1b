"""Issue 12, item 3 (and the import half of 6 and 8): an import takes a backup first and is all
or nothing. It used to overwrite same-day records, settings and habit files with no backup, and a
failed import left habits, settings and earlier months written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from plumbline.storage import backups
from tests.hardening.conftest import fill, mounted_tmpfs


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every byte of the user's data (backups aside: an import may add one)."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and not {"backups", "cache"} & set(p.relative_to(data_dir).parts)
            and p.name != "plumbline.lock"}  # the cache is a copy any command may rebuild


def export_with(entries: list[dict], **extra) -> str:
    return json.dumps({"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [],
                       "entries": entries, "pain": [], **extra})


def test_an_import_takes_a_backup_holding_the_records_it_replaces(cli, data_dir, tmp_path):
    assert cli("check", "posture-breaks", "--count", "6").code == 0
    source = tmp_path / "in.json"
    source.write_text(export_with([{"habit": "posture-breaks", "date": "2026-11-23", "count": 2, "skipped": False,
                                    "note": ""}]))
    result = cli("import", str(source))
    assert result.code == 0, result.err
    here = backups.Locations(data_dir)
    [backup] = [b for b in backups.backups_by_age(here) if backups.IMPORT_TAG in b.name]
    month = here.entries_file(dt.date(2026, 11, 23))
    assert '"c":6' in (backup / month.relative_to(data_dir)).read_text()  # the record the import replaced
    assert '"c":2' in month.read_text()


BAD_FILES = {
    "infinity": export_with([{"habit": "core-work", "date": "2026-11-20", "count": "Infinity", "skipped": False,
                              "note": ""}]).replace('"Infinity"', "Infinity"),
    "1e400": export_with([{"habit": "core-work", "date": "2026-11-20", "count": 1, "skipped": False,
                           "note": ""}]).replace('"count": 1', '"count": 1e400'),
    "year 500": export_with([{"habit": "core-work", "date": "0500-06-01", "count": 1, "skipped": False, "note": ""}]),
    "tomorrow": export_with([{"habit": "core-work", "date": "2026-11-24", "count": 1, "skipped": False, "note": ""}]),
    "pain in 9999": export_with([], pain=[{"date": "9999-12-31", "level": 3, "note": ""}]),
    "created in 0001": export_with([], state={"created": "0001-01-01"}),
    "negative count": export_with([{"habit": "core-work", "date": "2026-11-20", "count": -1, "skipped": False,
                                    "note": ""}]),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_rejected_import_is_bad_input_and_changes_no_byte(cli, data_dir, tmp_path, name):
    assert cli("check", "core-work").code == 0
    before = snapshot(data_dir)
    source = tmp_path / "in.json"
    source.write_text(BAD_FILES[name])
    result = cli("import", str(source))
    assert result.code == 2, result.err
    assert result.err.startswith("plumbline: error:") and str(source) in result.err and "unexpected" not in result.err
    assert snapshot(data_dir) == before


def test_an_import_that_fails_midway_on_a_full_disk_puts_every_file_back(cli, tmp_path):
    with mounted_tmpfs(tmp_path / "disk", 600) as disk:
        data = disk / "data"
        env = {"PLUMBLINE_DATA_DIR": str(data)}
        assert cli("check", "core-work", env=env).code == 0
        (data / "habits").mkdir()
        (data / "habits" / "walk.toml").write_text('id = "walk"\nname = "Walk"\ncategory = "movement"\nkind = "do"\n')
        before = snapshot(data)
        # A habit file to replace, settings, then 120 months of long notes: far more than fits.
        entries = [{"habit": "core-work", "date": f"{2000 + m // 12}-{m % 12 + 1:02d}-01", "count": 1, "skipped": False,
                    "note": "n" * 3000} for m in range(120)]
        walk = {"id": "walk", "name": "Walk, renamed", "category": "movement", "kind": "do"}
        source = tmp_path / "big.json"
        source.write_text(export_with(entries, custom_habits=[walk], state={"archived": ["knee-pillow"]}))
        fill(disk, leave_bytes=120_000)
        result = cli("import", str(source), env=env)
        assert result.code == 1, result.err
        assert result.err.startswith("plumbline: error:") and result.err.count("\n") == 1
        assert "No space left on device" in result.err and str(data) in result.err
        assert "unexpected" not in result.err and "Traceback" not in result.err
        (disk / "filler").unlink()
        assert snapshot(data) == before  # the habit file, the settings and every month as they were
        assert not list(data.rglob(".tmp-*"))
