"""The bottom line of every screen and dialog: the keys it takes, drawn as one line of text.

It takes the place of Textual's Footer, which mounts a widget per key and composes them again
each time the bindings change: Today's first paint took about 120-170 ms longer with Footer
(docs/performance.md). This reads the same active bindings and looks the same, with one render;
like Footer it names the command palette's key at the right."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"


class KeyBar(Widget, can_focus=False):
    # Here rather than in app.tcss: the recovery app, which has no style sheet, shows it too.
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
    }
    """
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Which key each column range shows, as drawn last: a click on it presses that key.
        self._spans: list[tuple[int, int, str]] = []
        self._shown: list[tuple[str, str, str, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: Screen) -> None:
        # Focus moving within the screen publishes this too, mostly with nothing to show changed:
        # a repaint then would only keep the app busy after its first paint.
        if self._keys() != self._shown:
            self.refresh()

    def render(self) -> Content:
        self._shown = self._keys()
        parts: list[tuple[str, str]] = []
        self._spans = []
        column = 0
        for key, label, description, enabled in self._shown:
            dim = "" if enabled else " dim"
            parts += [(label, KEY_STYLE + dim), (description, dim.strip())]
            width = cell_len(label) + cell_len(description)
            self._spans.append((column, column + width, key))
            column += width
        palette = self._palette()
        if palette is not None:
            key, label = palette
            gap = self.size.width - column - cell_len(label) - len("palette ")
            if gap >= 1:  # only where it fits beside the screen's own keys
                parts += [(" " * gap, ""), (label, KEY_STYLE), ("palette ", "")]
                self._spans.append((column + gap, self.size.width, key))
        return Content.assemble(*parts)

    def _keys(self) -> list[tuple[str, str, str, bool]]:
        """(key, how it is shown, description, enabled) for each binding the screen shows."""
        keys = []
        actions: set[str] = set()
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            # A binding with several keys is listed under each key; show it once, as Footer does.
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            keys.append((binding.key, f" {self.app.get_key_display(binding)} ", f"{binding.description} ", enabled))
        return keys

    def _palette(self) -> tuple[str, str] | None:
        """The command palette's key, where the screen offers it (not in a dialog)."""
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (active.binding.key, f" {self.app.get_key_display(active.binding)} ") if active else None

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
