"""A non-editable install carries the habit library and never reads the source tree."""

import json
import os
import subprocess
import sys
import tarfile
import zipfile

from tests.conftest import BUILTIN_HABITS, ROOT


def test_the_wheel_carries_the_library_and_lists_it_from_elsewhere(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("plumbline-*.whl"))
    assert wheel.name.endswith("-py3-none-any.whl")  # pure Python: no extension module of our own
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"plumbline/habits/{p.name}" for p in BUILTIN_HABITS.glob("*.toml")} <= set(names)

    # Run the unpacked wheel from an unrelated folder; the source tree must not be on the path.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked), "PLUMBLINE_DATA_DIR": str(tmp_path / "data")}
    code = ("import plumbline, runpy, sys; print(plumbline.__file__, file=sys.stderr); "
            "sys.argv = ['plumbline', 'habits', '--json']; runpy.run_module('plumbline', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(str(unpacked))
    assert {h["id"] for h in json.loads(done.stdout)} == {p.stem for p in BUILTIN_HABITS.glob("*.toml")}


def test_the_license_ships_in_the_wheel_and_the_sdist(tmp_path):
    """pyproject.toml declares MIT: the text goes with every distribution (issue 17)."""
    for target in ("wheel", "sdist"):
        subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", target, "-d", str(tmp_path)],
                       cwd=ROOT, check=True, capture_output=True)
    wheel = zipfile.ZipFile(next(tmp_path.glob("plumbline-*.whl")))
    license_text = (ROOT / "LICENSE").read_text()
    assert license_text.startswith("MIT License")
    in_wheel = [name for name in wheel.namelist() if name.endswith(".dist-info/licenses/LICENSE")]
    assert len(in_wheel) == 1 and wheel.read(in_wheel[0]).decode() == license_text
    metadata = wheel.read(in_wheel[0].replace("licenses/LICENSE", "METADATA")).decode()
    assert "License-Expression: MIT" in metadata
    assert "Operating System :: POSIX :: Linux" in metadata
    assert "Programming Language :: Python :: 3.11" in metadata
    with tarfile.open(next(tmp_path.glob("plumbline-*.tar.gz"))) as sdist:
        assert any(name.endswith("/LICENSE") and name.count("/") == 1 for name in sdist.getnames())
