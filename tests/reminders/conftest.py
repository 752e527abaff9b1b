import pytest

from tests.reminders.dbus_fixtures import start_bus, stop


@pytest.fixture(scope="session")
def desktop_bus(tmp_path_factory):
    """One bus with a notification server for the whole run: dbus-python (plyer's first choice)
    keeps a process-wide connection to the first session bus it meets."""
    bus, processes = start_bus(tmp_path_factory.mktemp("desktop-bus"), with_server=True)
    yield bus
    stop(processes)


@pytest.fixture
def bare_bus(tmp_path):
    """A session bus on which nothing provides notifications: a server, or an SSH session."""
    bus, processes = start_bus(tmp_path / "bare-bus", with_server=False)
    yield bus
    stop(processes)
