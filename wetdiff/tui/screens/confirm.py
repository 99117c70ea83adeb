"""A yes/no question (quitting with unsaved work)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label


class ConfirmScreen(ModalScreen[bool]):
    """``y`` / the first button answers yes; ``n`` or Escape answers no."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(
                    Content(self.yes), variant="error", id="yes", action="screen.answer(True)"
                )
                yield Button(
                    Content(self.no), variant="primary", id="no", action="screen.answer(False)"
                )

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def close_editor(editor: Screen[bool], unsaved: str, question: str) -> None:
    """Close an editor at once when nothing is unsaved; else ask first, so edits are
    never lost to a stray Escape."""
    if not unsaved:
        editor.dismiss(False)
        return

    def answer(discard: bool | None) -> None:
        if discard:
            editor.dismiss(False)

    editor.app.push_screen(ConfirmScreen(question, yes="Discard", no="Keep editing"), answer)
