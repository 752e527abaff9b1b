"""The one place that decides where a user's files live.

Order: `--data-dir`, then `PLUMBLINE_DATA_DIR`, then the platform's convention (XDG on Linux).
"""

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

ENV_VAR = "PLUMBLINE_DATA_DIR"


def resolve_data_dir(cli_value: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    import platformdirs  # only when needed: it is the slowest path and tests never take it

    return Path(platformdirs.user_data_dir("plumbline", appauthor=False))


class Locations(NamedTuple):
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "plumbline.json"

    @property
    def entries_dir(self) -> Path:
        return self.data_dir / "entries"

    def entries_file(self, day: dt.date) -> Path:
        """The file holding `day`'s records: one file per month."""
        return self.entries_dir / f"{month_of(day)}.json"

    @property
    def custom_habits(self) -> Path:
        return self.data_dir / "habits"

    @property
    def custom_routines(self) -> Path:
        return self.data_dir / "routines"

    @property
    def cache_dir(self) -> Path:
        """Copies kept for speed, rebuilt when missing (see toml_cache.py); never backed up."""
        return self.data_dir / "cache"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "plumbline.lock"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"


def builtin_habits_dir() -> Path:
    """The library shipped with plumbline: inside the wheel, or the source tree's `habits/`."""
    packaged = Path(__file__).resolve().parent.parent / "habits"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "habits"


def month_of(day: dt.date) -> str:
    """"YYYY-MM", zero-padded whatever the year (strftime's %Y is not, for years before 1000)."""
    return f"{day.year:04d}-{day.month:02d}"
