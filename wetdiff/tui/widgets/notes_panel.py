"""The notes panel: why the selected change is there, and what it answers.

Notes and questions come from lawyers' files, so everything is built as Textual
``Content`` from plain strings (``[bold]`` in a rationale stays ``[bold]``), and any
control character that slipped into a note shows as a visible symbol (``␛``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wetdiff.diff.kinds import describe as describe_kinds
from wetdiff.diff.shown import Shown
from wetdiff.model.normalise import visible_controls
from wetdiff.tui.layout import kind_symbol

if TYPE_CHECKING:
    from wetdiff.diff import Change
    from wetdiff.notes import Citation, Note, Question, QuestionRegistry


def _plain(text: str) -> str:
    return visible_controls(text)


def _paragraphs(text: str) -> str:
    """A rationale is written like Markdown: lines wrapped by hand belong together; a
    blank line separates paragraphs. Rewrapped here to the panel's width."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in text.strip().split("\n\n")
    ]
    return "\n\n".join(b for b in blocks if b)


def citation_in_words(citation: Citation) -> str:
    """ "Kamerstuk 36 547, nr. 3, § 4.2, page: gap": an unknown field says so."""
    parts = [citation.document]
    if citation.section:
        parts.append("section: gap" if citation.section == "gap" else citation.section)
    if citation.page:
        parts.append("page: gap" if citation.page == "gap" else f"p. {citation.page}")
    return ", ".join(parts)


def heading(change: Change | Shown | None) -> Content:
    """One line: the change's kind and where it is (and where it was; a merger's parts
    all, a split's parts all)."""
    if change is None:
        return Content("No change selected.")
    if isinstance(change, Shown) and change.grouped:
        news = " and ".join(p.in_words() for p in change.news)
        olds = " and ".join(p.in_words() for p in change.olds)
        return Content.assemble(
            Content.styled(f"{kind_symbol(change)} {describe_kinds(change.kinds, 'en')}", "bold"),
            Content("  "),
            Content.styled(_plain(news[:1].upper() + news[1:]), "bold"),
            Content(f"  (was {_plain(olds)})"),
        )
    where = change.provision.in_words(capital=True)
    parts: list[Content] = [
        Content.styled(f"{kind_symbol(change)} {describe_kinds(change.kinds, 'en')}", "bold"),
        Content("  "),
        Content.styled(_plain(where), "bold"),
    ]
    if (
        change.old is not None
        and change.new is not None
        and change.old.locatie.key != change.new.locatie.key
    ):
        parts.append(Content(f"  (was {_plain(change.old.in_words())})"))
    return Content.assemble(*parts)


def answered(
    notes: Sequence[Note], questions: QuestionRegistry | None
) -> list[tuple[str, Question | None]]:
    """The questions the notes say the change answers, each once, in order: (id, the
    registry's question or None for an id the registry does not know)."""
    seen: dict[str, Question | None] = {}
    for note in notes:
        for question_id in note.answers:
            if question_id not in seen:
                seen[question_id] = questions.get(question_id) if questions is not None else None
    return list(seen.items())


def answers_line(question_id: str, question: Question | None) -> Content:
    """``→ id · kind · the request``: one line, cut to the panel's width on screen."""
    if question is None:
        return Content.assemble(
            Content.styled(f"→ {_plain(question_id)}", "bold"),
            Content.styled(" · unknown question id", "italic"),
        )
    return Content.assemble(
        Content.styled(f"→ {_plain(question.id)}", "bold"),
        Content(f" · {_plain(question.kind)} · "),
        Content(_plain(" ".join(question.summary.split()))),
    )


@dataclass(frozen=True, slots=True)
class ChangeNotes:
    """What the panel shows for one change (or one unit of changes): its notes, the
    registry that names the questions they answer, the reviewers' open comments on it,
    and whether the notes are still being read (``pending``: then "no note yet" is not
    known)."""

    change: Change | Shown | None
    notes: Sequence[Note] = ()
    questions: QuestionRegistry | None = None
    pending: bool = False
    comments: Sequence[Note] = ()


def describe(shown: ChangeNotes) -> Content:
    """The panel's scrolling text for one change: the reviewers' open comments on it
    first, then each note with its citations and the questions it answers (with who
    asked and when)."""
    change, notes, questions, comments = shown.change, shown.notes, shown.questions, shown.comments
    if change is None:
        return Content("")
    parts: list[Content | str] = []
    if comments:
        parts.append(Content.styled("Open review comments (c resolves the first)\n", "bold"))
        for comment in comments:
            parts.append(Content.styled(f"• {_plain(comment.author or 'gap')}: ", "bold"))
            parts.append(Content(_plain(_paragraphs(comment.rationale) or "(empty)")))
            parts.append(Content.styled(f"  [{_plain(comment.id)}]\n", "dim"))
        parts.append(Content("\n"))
    if shown.pending:
        parts.append(Content.styled("Reading the notes…", "italic"))
    elif not notes:
        parts.append(
            Content.styled(
                "No note yet." if change.changed else "Unchanged.",
                "italic",
            )
        )
        if change.changed:
            parts.append(Content("  Press e to write why this change is there."))
    for number, note in enumerate(notes):
        parts.append(Content.styled(("\n" if number else "") + "Rationale\n", "bold underline"))
        parts.append(Content(_plain(_paragraphs(note.rationale) or "(empty)") + "\n"))
        if note.gap:
            parts.append(Content.styled(f"Source not available: {_plain(note.gap)}\n", "italic"))
        if note.citations:
            parts.append(Content.styled("\nCitations\n", "bold underline"))
            for citation in note.citations:
                parts.append(Content(f"• {_plain(citation_in_words(citation))}\n"))
                if citation.link and citation.link != "gap":
                    parts.append(Content.styled(f"  {_plain(citation.link)}\n", "dim"))
        if note.answers:
            parts.append(Content.styled("\nAnswers\n", "bold underline"))
            for question_id in note.answers:
                question = questions.get(question_id) if questions is not None else None
                if question is None:
                    parts.append(Content(f"• {_plain(question_id)} — "))
                    parts.append(Content.styled("unknown question id\n", "italic"))
                    continue
                # what was asked (a motion's request) first; who and when beside it
                parts.append(Content.styled(f"• {_plain(question.id)}", "bold"))
                parts.append(Content(f"  {_plain(question.summary)}\n"))
                parts.append(Content.styled(f"  {_plain(question.byline())}\n", "dim"))
    return Content.assemble(*parts)


#: Questions listed on their own line above the rationale; more are named in one line.
ANSWER_LINES = 3


class NotesPanel(Vertical):
    """The selected change: its kind and place, the questions it answers (a line each,
    always in view), and, scrolling below, its rationale, citations and questions."""

    DEFAULT_CSS = """
    NotesPanel {
        height: 12;
        border-top: solid $primary;
        padding: 0 1;
        & > .note-line { width: 1fr; height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
        & > #note-answers { display: none; }
        & > #note-answers.-shown { display: block; }
        & > VerticalScroll { height: 1fr; }
        & Static#note-text { width: 1fr; }
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content("Loading…"), id="note-head", classes="note-line")
        yield Static(Content(""), id="note-answers", classes="note-line")
        with NoteScroll(id="note-scroll"):
            yield Static(Content(""), id="note-text")

    def show(self, shown: ChangeNotes) -> None:
        self.query_one("#note-head", Static).update(heading(shown.change))
        lines = [answers_line(qid, q) for qid, q in answered(shown.notes, shown.questions)]
        if len(lines) > ANSWER_LINES:
            rest = len(lines) - ANSWER_LINES + 1
            lines = [*lines[: ANSWER_LINES - 1], Content(f"  and {rest} more (below)")]
        answers = self.query_one("#note-answers", Static)
        answers.update(Content("\n").join(lines))
        answers.set_class(bool(lines), "-shown")
        self.query_one("#note-text", Static).update(describe(shown))
        self.query_one(NoteScroll).scroll_home(animate=False)

    def show_message(self, message: str) -> None:
        self.query_one("#note-head", Static).update(Content(visible_controls(message)))
        self.query_one("#note-answers", Static).set_class(False, "-shown")
        self.query_one("#note-text", Static).update(Content(""))

    @property
    def text(self) -> str:
        """What the panel shows, as plain text (for tests and screen readers)."""
        shown = [self.query_one("#note-head", Static)]
        answers = self.query_one("#note-answers", Static)
        if answers.has_class("-shown"):
            shown.append(answers)
        shown.append(self.query_one("#note-text", Static))
        return "\n".join(str(widget.content) for widget in shown)


class NoteScroll(VerticalScroll):
    """The panel's scrolling part (Tab reaches it; j/k scroll it like the arrows)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]
