"""The sync tests' fixtures: two real Syncthing instances (see syncthing_pair.py), and the app
fixtures of tests/ui for the tests that open the app."""

from tests.sync.syncthing_pair import syncthing_pair  # noqa: F401 (fixtures are found by name)
from tests.ui.conftest import clock, make_app  # noqa: F401
