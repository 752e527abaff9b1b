"""`plumbline remind --install-service`: a systemd user unit that runs the reminders at login."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from plumbline.app.files import atomic_write

UNIT_NAME = "plumbline-remind.service"


def unit_path(environ: Mapping[str, str] = os.environ) -> Path:
    config = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user" / UNIT_NAME


def unit_text(data_dir: Path, python: str = sys.executable) -> str:
    command = " ".join(_quoted(part) for part in (python, "-m", "plumbline", "--data-dir", str(data_dir), "remind"))
    return (
        "[Unit]\n"
        "Description=plumbline reminders: posture breaks and habit reminders\n"
        "After=graphical-session.target\n\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={command}\n"
        "Environment=PYTHONUNBUFFERED=1\n"
        "Restart=on-failure\n"
        "RestartSec=30\n\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def install(data_dir: Path) -> str:
    """Write the unit; returns what to tell the user."""
    path = unit_path()
    atomic_write(path, unit_text(data_dir.resolve()).encode())
    return (
        f"wrote {path}\n"
        "to start it now and at every login, run:\n"
        "  systemctl --user daemon-reload\n"
        f"  systemctl --user enable --now {UNIT_NAME}\n"
        f"its messages: journalctl --user -u {UNIT_NAME}"
    )


def _quoted(part: str) -> str:
    # systemd splits ExecStart on spaces and honours double quotes with backslash escapes,
    # C-style ones included: a newline in a path would otherwise end the line and start a new
    # directive of the unit, so every control character goes in as \xHH.
    if not part or any(c in part for c in ' "\\\'$%;') or any(ord(c) < 32 or ord(c) == 127 for c in part):
        escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
        return '"' + "".join(f"\\x{ord(c):02x}" if ord(c) < 32 or ord(c) == 127 else c for c in escaped) + '"'
    return part
