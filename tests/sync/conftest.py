"""The app fixtures of tests/ui, for the sync tests that open the app."""

from tests.ui.conftest import clock, make_app  # noqa: F401  (pytest finds fixtures by name)
