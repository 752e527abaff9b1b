"""A newcomer has Python and make, nothing to compile with: every package the app or its tests
need must come as a wheel. pip resolves as for an empty environment (--ignore-installed) and
reports what it would fetch; anything that is not a wheel would be built from source."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("spec", [".", ".[test]"])
def test_every_dependency_installs_from_a_wheel(spec, tmp_path):
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--report", str(report), spec],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    installs = json.loads(report.read_text())["install"]
    names = {item["metadata"]["name"].lower() for item in installs}
    assert {"textual", "tinydb", "apscheduler", "plyer", "dbus-fast"} <= names
    assert "dbus-python" not in names
    built = [item["metadata"]["name"] for item in installs
             if item["metadata"]["name"] != "plumbline" and not item["download_info"]["url"].endswith(".whl")]
    assert built == [], f"these would be compiled from source: {built}"
