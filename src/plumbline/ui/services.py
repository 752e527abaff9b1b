"""The running app's services, typed: screens and widgets ask here instead of `getattr(app, ...)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from plumbline.ui.app import PlumblineApp


def plumbline_app(node: MessagePump) -> PlumblineApp:
    """The PlumblineApp `node` runs in: its tracker, clock, and reminder service (None in tests
    and screenshots, which run without one)."""
    return cast("PlumblineApp", node.app)
