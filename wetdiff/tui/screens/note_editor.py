"""Write or edit the note of one change: the rationale (own words), the citations, and
the questions the change answers (picked from the proposal's registry, or a new one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Button, Footer, Label, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from wetdiff.diff.kinds import describe as describe_kinds
from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls
from wetdiff.tui.data import Comparison
from wetdiff.tui.screens.base import EditorScreen

if TYPE_CHECKING:
    from wetdiff.diff import Change
    from wetdiff.notes import Citation, Note, Question, QuestionRegistry

CITATION_HELP = "One per line: document | section | page | link (leave out or write gap)"


def citations_text(citations: Sequence[Citation]) -> str:
    lines = []
    for c in citations:
        fields = [c.document, c.section, c.page, c.link]
        while fields and not fields[-1]:
            fields.pop()
        lines.append(" | ".join(fields))
    return "\n".join(lines)


def parse_citations(text: str) -> list[Citation]:
    """The citations typed in the editor; a line needs at least the document."""
    from wetdiff.notes import Citation

    citations = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) > 4 or not fields[0]:
            raise WetdiffError(
                f"citation line {number}: write 'document | section | page "
                "| link' (the document first)"
            )
        fields += [""] * (4 - len(fields))
        citations.append(Citation(*fields))
    return citations


class AnswersList(SelectionList[str]):
    """The questions to tick: a ticked one shows ``✓`` in its box, an unticked one an
    empty box, so the two differ without colour (monochrome, 16 colours)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(int(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 4 or len(segments[1].text) != 1:  # not the ▐X▌ box: leave it
            return strip
        mark = "✓" if selection.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


def question_selections(
    questions: QuestionRegistry | None, chosen: Sequence[str]
) -> list[Selection[str]]:
    return [
        Selection(
            Text(visible_controls(f"{q.id} — {q.summary} ({q.byline()})")), q.id, q.id in chosen
        )
        for q in (questions or ())
    ]


class NoteEditor(EditorScreen):
    """Ctrl+S saves (and commits) the note; Escape closes (asking first if unsaved)."""

    CSS_PATH = "note_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note"),
        Binding("ctrl+n", "new_question", "New question"),
        Binding("escape", "close", "Close"),
    ]

    DISCARD = "Discard this unsaved note?"

    @dataclass
    class QuestionAdded(Message, bubble=False):
        question: Question
        questions: QuestionRegistry

    def __init__(self, comparison: Comparison, change: Change, note: Note | None) -> None:
        super().__init__()
        self.comparison = comparison
        self.change = change
        self.note = note
        self.initial = (
            note.rationale.strip() if note else "",
            citations_text(note.citations) if note else "",
            tuple(note.answers) if note else (),
        )

    def compose(self) -> ComposeResult:
        where = self.change.provision.locatie.in_words(capital=True)
        with VerticalScroll(id="form"):
            yield Label(
                Content.assemble(
                    ("Note on ", "bold"),
                    (visible_controls(where), "bold"),
                    f"  ({describe_kinds(self.change.kinds, 'en')})",
                ),
                id="title",
            )
            yield Label(Content("Rationale — why is this change there? (your own words)"))
            yield TextArea(self.initial[0], id="rationale", soft_wrap=True)
            yield Label(Content("Citations — " + CITATION_HELP))
            yield TextArea(self.initial[1], id="citations", soft_wrap=True)
            yield Label(
                Content(
                    "Answers — the questions, motions, commitments this change "
                    "answers (space toggles)"
                )
            )
            yield AnswersList(
                *question_selections(self.comparison.questions, self.initial[2]), id="answers"
            )
            with Horizontal(id="buttons"):
                yield Button(
                    Content("Save note"), variant="primary", id="save", action="screen.save"
                )
                yield Button(
                    Content("New question…"), id="new-question", action="screen.new_question"
                )
                yield Button(Content("Cancel"), id="cancel", action="screen.close")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rationale", TextArea).focus()

    def _values(self) -> tuple[str, str, tuple[str, ...]]:
        return (
            self.query_one("#rationale", TextArea).text.strip(),
            self.query_one("#citations", TextArea).text.strip(),
            tuple(self.query_one("#answers", SelectionList).selected),
        )

    @property
    def unsaved(self) -> str:
        if self.saving or not self.is_mounted:
            return ""
        values = self._values()
        changed = (
            values[0] != self.initial[0]
            or values[1] != self.initial[1]
            or set(values[2]) != set(self.initial[2])
        )
        return "an unsaved note" if changed else ""

    def action_save(self) -> None:
        rationale, citations, answers = self._values()
        try:
            parsed = parse_citations(citations)
        except WetdiffError as error:
            self.notify(str(error), severity="error")
            return
        self.saving = True
        self.save(rationale, parsed, list(answers))

    @work(thread=True, exclusive=True, group="note")
    def save(self, rationale: str, citations: list[Citation], answers: list[str]) -> None:
        app = self.app
        try:
            path = app.session.save_note(
                self.comparison,
                self.change,
                rationale=rationale,
                citations=citations,
                answers=answers,
                note_id=self.note.id if self.note else None,
            )
        except WetdiffError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Saved(str(path)))

    def saved(self, what: str) -> None:
        self.app.notify(f"Note saved and committed: {what}", timeout=4)

    def action_new_question(self) -> None:
        from wetdiff.tui.screens.question_editor import QuestionEditor

        if not self.comparison.proposal:
            self.notify(
                "Questions belong to a proposal; neither version is one.", severity="warning"
            )
            return

        def created(question: Question | None) -> None:
            if question is not None:
                self.add_question(question)

        self.app.push_screen(QuestionEditor(), created)

    @work(thread=True, exclusive=True, group="question")
    def add_question(self, question: Question) -> None:
        app = self.app
        try:
            added = app.session.add_question(self.comparison.proposal, question)
            questions = app.session.questions(self.comparison.proposal)
        except WetdiffError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.QuestionAdded(added, questions))

    def on_note_editor_question_added(self, message: QuestionAdded) -> None:
        answers = self.query_one("#answers", SelectionList)
        chosen = [*answers.selected, message.question.id]
        answers.clear_options()
        answers.add_options(question_selections(message.questions, chosen))
        self.comparison = replace(self.comparison, questions=message.questions)
        self.notify(f"Question {message.question.id} added to the registry.", timeout=3)
