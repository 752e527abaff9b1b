"""The one place that decides where a user's files live.

Two places: the data dir, which a sync engine may share between devices (each device writes
only its own files there, named with its id), and the device's local state folder, which holds
what belongs to this device alone: its id, its lock, its cache and its backups.

Data dir: `--data-dir`, then `PLUMBLINE_DATA_DIR`, then the platform's user data dir.
State folder: `PLUMBLINE_STATE_DIR`, then the platform's user state dir; inside it, the device id
(`device`) and one folder per data dir (`data-dirs/<hash of its path>/`).
"""

import datetime as dt
import functools
import os
import time
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

ENV_VAR = "PLUMBLINE_DATA_DIR"
STATE_ENV_VAR = "PLUMBLINE_STATE_DIR"
DEVICE_LETTERS = "abcdefghijklmnopqrstuvwxyz234567"  # a device id is 8 of them: never a conflict copy's suffix
_LETTERS = frozenset(DEVICE_LETTERS)
LEGACY_DATABASE = "plumbline.json"  # the one state file of a data dir from before devices


def resolve_data_dir(cli_value: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    import platformdirs  # only when needed: it is the slowest path and tests never take it

    return Path(platformdirs.user_data_dir("plumbline", appauthor=False))


def resolve_state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    return _state_dir(environ.get(STATE_ENV_VAR) or "")


@functools.lru_cache(maxsize=8)
def _state_dir(configured: str) -> Path:
    """Once a process for each setting: every path of the device's files is made from it."""
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_state_dir("plumbline", appauthor=False))


class Locations(NamedTuple):
    data_dir: Path
    state_dir: Path | None = None  # None: resolve_state_dir()

    @property
    def device(self) -> str:
        """This device's id: made once, kept in the state folder, in the names of its files."""
        return device_id(self.state_dir or resolve_state_dir())

    @property
    def database(self) -> Path:
        """This device's state file (settings, archived habits, habit edits)."""
        return self.data_dir / f"plumbline.{self.device}.json"

    def in_use(self) -> bool:
        """Whether any device (or a plumbline from before devices) has written state here."""
        try:
            return any(n.startswith("plumbline") and n.endswith(".json") for n in os.listdir(self.data_dir))
        except OSError:
            return False

    @property
    def legacy_database(self) -> Path:
        return self.data_dir / LEGACY_DATABASE

    @property
    def entries_dir(self) -> Path:
        return self.data_dir / "entries"

    def entries_file(self, day: dt.date) -> Path:
        """This device's file for `day`'s records: one file per month."""
        return self.month_file(month_of(day))

    def month_file(self, month: str) -> Path:
        """This device's file of the month "YYYY-MM"."""
        return self.entries_dir / f"{month}.{self.device}.json"

    @property
    def custom_habits(self) -> Path:
        return self.data_dir / "habits"

    @property
    def custom_routines(self) -> Path:
        return self.data_dir / "routines"

    @property
    def local(self) -> Path:
        """This device's folder for this data dir, outside the synced one."""
        return _local_folder(self.data_dir, self.state_dir or resolve_state_dir())

    @property
    def cache_dir(self) -> Path:
        """Copies kept for speed, rebuilt when missing (see toml_cache.py); never backed up."""
        return self.local / "cache"

    @property
    def lock_file(self) -> Path:
        return self.local / "plumbline.lock"

    @property
    def backups(self) -> Path:
        return self.local / "backups"


@functools.lru_cache(maxsize=32)
def _local_folder(data_dir: Path, state_dir: Path) -> Path:
    # realpath: the same data dir reached through a link must share one lock. Two checksums, not
    # hashlib: loading OpenSSL was a fifth of a short command's imports.
    path = os.fsencode(os.path.realpath(data_dir))
    return state_dir / "data-dirs" / f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"


def is_device_id(text: str) -> bool:
    # Not a pattern: compiling one was a fifth of a millisecond of every command.
    return len(text) == 8 and set(text) <= _LETTERS


@functools.lru_cache(maxsize=8)
def device_id(state_dir: Path) -> str:
    """The id in state_dir/device, made (8 random letters and digits) when there is none yet.

    Made with O_EXCL: two first starts at once agree on one id, never write under two."""
    from plumbline.storage.atomic import private_folder, read_regular

    path = state_dir / "device"
    for _ in range(50):
        try:
            found = (read_regular(path) or b"").decode("ascii", "replace").strip()
        except OSError:
            found = ""  # not readable: a new id is made below, as for a new device
        if is_device_id(found):
            return found
        if found:
            break
        if not os.path.lexists(path):
            private_folder(state_dir)
            import secrets  # only for a new device

            made = "".join(secrets.choice(DEVICE_LETTERS) for _ in range(8))
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue  # another process made it this instant: read its id
            with os.fdopen(fd, "wb") as out:
                out.write(made.encode() + b"\n")
                out.flush()
                os.fsync(out.fileno())
            return made
        time.sleep(0.01)  # made but not yet written by the process that made it
    from plumbline.errors import StorageError

    raise StorageError(f"{path} does not hold a device id (8 letters and digits): delete it, and plumbline "
                       "makes a new one")


def builtin_habits_dir() -> Path:
    """The library shipped with plumbline: inside the wheel, or the source tree's `habits/`."""
    packaged = Path(__file__).resolve().parent.parent / "habits"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "habits"


def month_of(day: dt.date) -> str:
    """"YYYY-MM", zero-padded whatever the year (strftime's %Y is not, for years before 1000)."""
    return f"{day.year:04d}-{day.month:02d}"
