"""plyer's route, for macOS and Windows. Their notification centres cannot exist on a Linux CI
machine, so these run plyer's own Linux backend with nothing to send through: what is checked
is that its failure becomes one clear NoNotificationService, and which platforms take plyer."""

import asyncio
import sys

import pytest

from plumbline.notify import sender
from plumbline.notify.bus import NoNotificationService
from plumbline.notify.dbus_sender import DBusSender
from plumbline.notify.plyer_sender import PlyerSender
from plumbline.notify.sender import Note


@pytest.mark.parametrize("platform, expected", [("darwin", PlyerSender), ("win32", PlyerSender),
                                                ("linux", DBusSender), ("freebsd14", DBusSender)])
def test_each_platform_gets_its_sender(platform, expected, monkeypatch):
    monkeypatch.setattr(sys, "platform", platform)
    assert isinstance(sender.choose_sender(), expected)


def test_a_plyer_failure_is_one_clear_problem(tmp_path, monkeypatch, capfd):
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "dbus.py").write_text("raise ImportError('hidden by the test')\n")
    monkeypatch.syspath_prepend(str(hidden))
    monkeypatch.delitem(sys.modules, "dbus", raising=False)
    monkeypatch.setenv("PATH", str(hidden))  # no notify-send either: plyer has no way left
    with pytest.raises(NoNotificationService, match="plyer could not show the notification"):
        asyncio.run(PlyerSender().send(Note("title", "message")))
    assert capfd.readouterr().err == ""  # nothing printed over the app's screen
