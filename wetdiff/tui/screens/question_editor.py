"""Register a new question (a written question, motion, commitment, advice point, …)
in the proposal's registry. Unknown facts are written as "gap": never guessed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from wetdiff.notes import Question

FIELDS = (
    ("id", "Id (as people cite it, e.g. 2022Z19982/3)"),
    ("date", "Date (YYYY-MM-DD, or gap)"),
    ("asked_by", "Asked by (names, parties; may be empty)"),
    ("summary", "Summary (one line, own words)"),
    ("link", "Link (https://…, or gap)"),
)


class QuestionEditor(ModalScreen[Question | None]):
    """Returns a ``Question`` (not yet written) or None."""

    CSS_PATH = "question_editor.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "add", "Add")]

    def compose(self) -> ComposeResult:
        from wetdiff.notes import KINDS

        with Vertical(id="dialog"):
            yield Label(Content("New question"), id="title")
            yield Label(Content("Kind"))
            yield Select(
                [(Content(k), k) for k in KINDS], value=KINDS[0], id="kind", allow_blank=False
            )
            for name, label in FIELDS:
                yield Label(Content(label))
                yield Input(id=name, value="gap" if name in ("date", "link") else "")
            with Horizontal(id="buttons"):
                yield Button(Content("Add"), variant="primary", id="add", action="screen.add")
                yield Button(Content("Cancel"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#id", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_add()

    def action_add(self) -> None:
        from wetdiff.notes.questions import QuestionFieldError, question_from_input

        values = {name: self.query_one(f"#{name}", Input).value for name, _ in FIELDS}
        try:
            question = question_from_input(
                kind=str(self.query_one("#kind", Select).value), **values
            )
        except QuestionFieldError as error:
            label = dict(FIELDS).get(error.key or "", "").split(" (")[0]
            self.notify(
                f"{label}: {error.what}" if label else error.what,
                title="Not added",
                severity="error",
            )
            return
        self.dismiss(question)

    def action_cancel(self) -> None:
        self.dismiss(None)
