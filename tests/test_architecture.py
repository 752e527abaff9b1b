"""The layers of docs/architecture.md hold: the domain and the CLI's path stay free of the UI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_domain_loads_no_textual_no_storage_libraries():
    loaded = loaded_after(
        "import plumbline.domain.checklist, plumbline.domain.strength, plumbline.domain.wording, "
        "plumbline.domain.routine_player, plumbline.domain.reminders, plumbline.domain.reminder_settings, "
        "plumbline.domain.report"
    )
    assert not loaded & {"textual", "rich", "tinydb", "apscheduler", "plyer", "platformdirs"}


def test_the_storage_layer_loads_no_textual():
    loaded = loaded_after("import plumbline.app.tracker, plumbline.cli.main")
    assert not loaded & {"textual", "apscheduler", "plyer"}


def test_import_contracts():
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_listing_routines_loads_no_textual(tmp_path):
    loaded = loaded_after(
        "from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'routine', '--list', '--json'])"
    )
    assert "plumbline" in loaded  # the command ran in that process
    assert not loaded & {"textual", "apscheduler", "plyer"}


def test_the_report_loads_no_textual(tmp_path):
    output = tmp_path / "report.html"
    loaded = loaded_after(
        "from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'report', '--output', {str(output)!r}])"
    )
    assert output.is_file()  # the command ran in that process
    assert not loaded & {"textual", "rich", "apscheduler", "plyer"}


def test_a_command_imports_only_the_module_that_runs_it(tmp_path):
    code = ("import sys; from plumbline.cli.main import main; "
            f"main(['--data-dir', {str(tmp_path)!r}, 'today', '--json']); "
            "print(*(m for m in sys.modules if m.startswith('plumbline.cli.')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    assert '"habits"' in done.stdout and "plumbline.cli.checklist_commands" in loaded
    assert not loaded & {"plumbline.cli.review_commands", "plumbline.cli.transfer_commands",
                         "plumbline.cli.routine_commands", "plumbline.cli.remind_commands", "plumbline.cli.report_commands",
                         "plumbline.cli.launch"}


def test_checking_in_and_the_checklist_load_no_tinydb(tmp_path):
    """The files are TinyDB databases, read and written without the tinydb package
    (storage/tinydb_storage.py): its import was 7% of `plumbline today`."""
    data = str(tmp_path / "data")
    loaded = loaded_after(
        "from plumbline.cli.main import main; "
        f"main(['--data-dir', {data!r}, 'check', 'core-work']); main(['--data-dir', {data!r}, 'today', '--json'])"
    )
    assert list((tmp_path / "data" / "entries").glob("*.json"))  # the check-in was written in that process
    assert "tinydb" not in loaded
