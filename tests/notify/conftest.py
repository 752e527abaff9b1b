import pytest

from tests.notify.dbus_fixtures import IDLE_SERVER, LOGIND_SERVER, start_bus, start_server, stop


@pytest.fixture(scope="session")
def desktop_bus(tmp_path_factory):
    """One bus with a notification server (with action buttons) for the whole run."""
    bus, processes = start_bus(tmp_path_factory.mktemp("desktop-bus"), True)
    yield bus
    stop(processes)


@pytest.fixture
def buttonless_bus(tmp_path):
    """A notification server that lists no "actions" capability, as some minimal ones do."""
    bus, processes = start_bus(tmp_path / "buttonless-bus", True, "--no-actions")
    yield bus
    stop(processes)


@pytest.fixture
def bare_bus(tmp_path):
    """A session bus on which nothing provides notifications: a server, or an SSH session."""
    bus, processes = start_bus(tmp_path / "bare-bus", False)
    yield bus
    stop(processes)


@pytest.fixture
def idle_monitor(desktop_bus):
    """GNOME's idle monitor, played by a test server on the desktop bus."""
    server = start_server(IDLE_SERVER, desktop_bus.address)
    yield desktop_bus
    stop([server])


@pytest.fixture
def logind_bus(tmp_path):
    """A second bus standing in for the system bus, with logind's session object on it."""
    bus, processes = start_bus(tmp_path / "system-bus", False)
    processes.append(start_server(LOGIND_SERVER, bus.address))
    yield bus
    stop(processes)
