"""Search in either version (or both)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

SIDES = (("both", "Both versions"), ("old", "Version A (old)"), ("new", "Version B (new)"))


class SearchScreen(ModalScreen[tuple[str, str] | None]):
    """Enter searches; the result is ``(query, side)``; an empty query clears marks."""

    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, query: str = "", side: str = "both") -> None:
        super().__init__()
        self.initial = query
        self.side = side

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content("Search"), id="title")
            yield Input(self.initial, placeholder="words to find", id="query")
            with RadioSet(id="side"):
                for key, label in SIDES:
                    yield RadioButton(Content(label), value=key == self.side, name=key)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.side = event.pressed.name or "both"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((event.value, self.side))

    def action_cancel(self) -> None:
        self.dismiss(None)
