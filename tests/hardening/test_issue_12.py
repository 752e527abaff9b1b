"""Issue 12's adversarial list as one table: each report replayed as a user met it.

ROWS run here, through the real CLI in a subprocess. ELSEWHERE names, for the reports that need
more machinery (a tiny filesystem, SIGSTOP and SIGKILL, six processes at once, the app under
Pilot), the test that replays them; a test below checks that each of those exists.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from plumbline.storage.locations import Locations

DATABASE = "{database}"  # this device's state file, named with its id


def nothing(data_dir: Path, tmp: Path) -> None:
    pass


def dangling_database(data_dir: Path, tmp: Path) -> None:
    (data_dir / "plumbline.json").symlink_to("gone.json")


def looping_database(data_dir: Path, tmp: Path) -> None:
    (data_dir / "plumbline.json").symlink_to("plumbline.json")


def fifo_habit(data_dir: Path, tmp: Path) -> None:
    (data_dir / "habits").mkdir()
    os.mkfifo(data_dir / "habits" / "stuck.toml")


def control_character_habit(data_dir: Path, tmp: Path) -> None:
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "walk.toml").write_text('id = "walk"\nname = "Walk\\u0007"\ncategory = "movement"\nkind = "do"\n')


def export_holding(count: str) -> Callable[[Path, Path], None]:
    def setup(data_dir: Path, tmp: Path) -> None:
        (tmp / "in.json").write_text('{"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [], '
                                     f'"entries": [{{"habit": "core-work", "date": "2026-11-20", "count": {count}, '
                                     '"skipped": false, "note": ""}], "pain": []}')

    return setup


def a_folder(data_dir: Path, tmp: Path) -> None:
    (tmp / "out").mkdir()


def a_file(data_dir: Path, tmp: Path) -> None:
    (tmp / "afile").write_text("mine")


@dataclass
class Row:
    item: int
    report: str
    setup: Callable[[Path, Path], None]
    args: tuple[str, ...]
    code: int
    says: str
    then: tuple[str, ...] = ()  # a command that must work afterwards
    unchanged: tuple[str, ...] = field(default=("plumbline.json", DATABASE))  # from before devices, and this device's


ROWS = [
    Row(5, "a dangling plumbline.json link was read as an empty database by export", dangling_database,
        ("export",), 1, "{data}/plumbline.json"),
    Row(5, "... and the next write replaced the link", dangling_database, ("check", "core-work"), 1,
        "{data}/plumbline.json"),
    Row(5, "a looping plumbline.json link likewise", looping_database, ("export",), 1, "{data}/plumbline.json"),
    Row(6, "check --date 0500-06-01 was accepted, and today failed for good after", nothing,
        ("check", "knee-pillow", "--date", "0500-06-01"), 2, "0500-06-01", then=("today",)),
    Row(6, "dates near 0001-01-01 overflowed", nothing, ("today", "--date", "0001-01-01"), 2, "0001-01-01"),
    Row(6, "dates near 9999-12-31 overflowed", nothing, ("week", "--date", "9999-12-31"), 2, "9999-12-31"),
    Row(6, "--from near 9999-12-31 overflowed", nothing, ("remind", "--list", "--from", "9999-12-31T23:59"), 2,
        "9999-12-31"),
    Row(8, "Infinity in an import: unexpected OverflowError", export_holding("Infinity"),
        ("import", "{tmp}/in.json"), 2, "{tmp}/in.json"),
    Row(8, "1e400 in an import: unexpected OverflowError", export_holding("1e400"), ("import", "{tmp}/in.json"), 2,
        "{tmp}/in.json"),
    Row(8, "--output naming a folder: unexpected IsADirectoryError", a_folder, ("export", "--output", "{tmp}/out"), 2,
        "{tmp}/out"),
    Row(8, "--data-dir naming a file", a_file, ("--data-dir", "{tmp}/afile", "today"), 2, "{tmp}/afile"),
    Row(9, "a control character in a habit name made export fail", control_character_habit, ("export",), 0, ""),
    Row(10, "a FIFO in habits/ blocked every command", fifo_habit, ("today",), 0, "",
        then=("check", "core-work")),
]

ELSEWHERE = {
    1: ["tests.hardening.test_backups::test_restore_replaces_only_the_unreadable_file_and_keeps_later_check_ins",
        "tests.hardening.test_backups::test_a_damaged_file_the_backup_does_not_hold_is_moved_aside_and_the_rest_stays",
        "tests.hardening.test_app_trouble::test_a_record_of_the_wrong_type_is_reported_and_the_restore_is_offered"],
    2: ["tests.hardening.test_backups::test_six_checks_at_the_first_change_of_a_day_build_one_complete_backup",
        "tests.hardening.test_kill_backups::test_backups_killed_mid_copy_are_never_offered_and_are_cleared"],
    3: ["tests.hardening.test_import_safety::test_an_import_takes_a_backup_holding_the_records_it_replaces",
        "tests.hardening.test_import_safety::test_an_import_that_fails_midway_on_a_full_disk_puts_every_file_back"],
    4: ["tests.hardening.test_backups::test_after_the_clock_was_in_the_future_a_new_backup_is_kept_and_future_ones_go_first",
        "tests.hardening.test_app_trouble::test_a_backup_that_cannot_be_taken_is_told_in_the_app",
        "tests.hardening.test_backups::test_on_a_nearly_full_disk_a_failed_backup_is_told_and_leaves_the_check_in_its_space"],
    5: ["tests.hardening.test_lock_and_links::test_a_broken_database_link_is_reported_and_left_as_it_is"],
    6: ["tests.hardening.test_dates::test_a_date_out_of_range_is_bad_input_and_writes_nothing",
        "tests.hardening.test_dates::test_a_record_from_before_the_range_already_stored_is_reported_not_a_crash"],
    7: ["tests.hardening.test_app_trouble::test_the_reminder_watch_survives_a_damaged_file_and_follows_the_repair",
        "tests.hardening.test_app_trouble::test_b_z_p_and_the_first_notice_on_a_full_then_read_only_disk_say_so",
        "tests.hardening.test_damage_sweep::test_damage_while_the_app_runs_is_shown_and_never_crashes_it"],
    8: ["tests.hardening.test_damage_sweep::test_every_command_reports_the_damage_in_one_line_and_leaves_the_file",
        "tests.hardening.test_disk_and_input::test_a_full_disk_names_the_file_and_changes_nothing",
        "tests.hardening.test_disk_and_input::test_a_read_only_disk_names_the_file_and_says_what_to_do",
        "tests.hardening.test_disk_and_input::test_a_forbidden_file_or_folder_names_it_and_says_to_check_permissions"],
    9: ["tests.hardening.test_disk_and_input::test_a_control_character_in_a_habit_name_does_not_stop_the_export"],
    10: ["tests.hardening.test_lock_and_links::test_a_fifo_in_the_data_dir_never_blocks_a_command",
         "tests.hardening.test_lock_and_links::test_a_command_waiting_on_a_stopped_holder_gives_up_naming_its_pid",
         "tests.hardening.test_lock_and_links::test_the_lock_wait_is_ten_seconds_unless_the_environment_says_otherwise",
         "tests.hardening.test_app_trouble::test_a_change_waits_for_a_stopped_lock_holder_off_the_event_loop_and_lands_later",
         "tests.hardening.test_app_trouble::test_quitting_while_a_save_waits_for_a_stopped_holder_is_quick",
         "tests.hardening.test_no_terminal::test_the_app_without_a_terminal_says_so_and_exits"],
    12: ["tests.hardening.test_private_files::test_under_umask_000_every_folder_is_0700_and_every_file_0600",
         "tests.hardening.test_private_files::test_a_newline_in_the_data_dir_stays_inside_exec_start"],
    13: ["tests.hardening.test_posix_tz::test_a_break_under_a_posix_tz_is_stored_at_the_right_moment"],
}


def state(data_dir: Path, name: str) -> object:
    path = Locations(data_dir).database if name == DATABASE else data_dir / name
    if path.is_symlink():
        return os.readlink(path)
    return path.read_bytes() if path.is_file() else None


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"item {r.item}: {r.report}")
def test_each_report_now_ends_in_one_clear_line(row, cli, data_dir, tmp_path):
    row.setup(data_dir, tmp_path)
    before = {name: state(data_dir, name) for name in row.unchanged}
    args = [a.replace("{tmp}", str(tmp_path)) for a in row.args]
    result = cli(*args)
    assert result.code == row.code, result.err
    assert "unexpected" not in result.err and "Traceback" not in result.err
    if row.code:
        assert result.err.startswith("plumbline: error:") and result.err.count("\n") == 1, result.err
        assert row.says.replace("{data}", str(data_dir)).replace("{tmp}", str(tmp_path)) in result.err
    assert {name: state(data_dir, name) for name in row.unchanged} == before
    if row.then:
        assert cli(*row.then).code == 0


def test_every_item_but_11_has_its_replay():
    assert sorted({row.item for row in ROWS} | set(ELSEWHERE)) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]
    for tests in ELSEWHERE.values():
        for name in tests:
            module, function = name.split("::")
            assert callable(getattr(importlib.import_module(module), function, None)), name
