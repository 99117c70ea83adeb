"""Search in either version (or both)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from wetdiff.tui.layout import QuerySide

SIDES: dict[QuerySide, str] = {
    "both": "Both versions",
    "old": "Version A (old)",
    "new": "Version B (new)",
}


class SearchScreen(ModalScreen[tuple[str, QuerySide] | None]):
    """Enter searches; the result is ``(query, side)``; an empty query clears marks."""

    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "search", "Search", priority=True),
    ]

    def __init__(self, query: str = "", side: QuerySide = "both") -> None:
        super().__init__()
        self.initial = query
        self.side: QuerySide = side

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content("Search"), id="title")
            yield Input(self.initial, placeholder="words to find", id="query")
            with RadioSet(id="side"):
                for key, label in SIDES.items():
                    yield RadioButton(Content(label), value=key == self.side, name=key)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.side = next((side for side in SIDES if side == event.pressed.name), "both")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_search()

    def action_search(self) -> None:
        """Enter searches wherever the focus is (the words or the choice of version)."""
        self.dismiss((self.query_one("#query", Input).value, self.side))

    def action_cancel(self) -> None:
        self.dismiss(None)
