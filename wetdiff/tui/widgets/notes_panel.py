"""The notes panel: why the selected change is there, and what it answers.

Notes and questions come from lawyers' files, so everything is built as Textual
``Content`` from plain strings (``[bold]`` in a rationale stays ``[bold]``), and any
control character that slipped into a note shows as a visible symbol (``␛``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wetdiff.diff.kinds import describe as describe_kinds
from wetdiff.model.normalise import visible_controls
from wetdiff.tui.layout import kind_symbol


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


def citation_in_words(citation: Any) -> str:
    """ "Kamerstuk 36 547, nr. 3, § 4.2, page: gap": an unknown field says so."""
    parts = [citation.document]
    if citation.section:
        parts.append("section: gap" if citation.section == "gap" else citation.section)
    if citation.page:
        parts.append("page: gap" if citation.page == "gap" else f"p. {citation.page}")
    return ", ".join(parts)


def describe(
    change: Any | None, notes: Sequence[Any], questions: Any, *, pending: bool = False
) -> Content:
    """The panel's text for one change: location, kind, and each note with its
    citations and the questions it answers (with their one-line summaries). ``pending``:
    the notes are still being read (so "no note yet" would not be known)."""
    if change is None:
        return Content("No change selected.")
    where = change.provision.locatie.in_words(capital=True)
    parts: list[Content | str] = [
        Content.styled(f"{kind_symbol(change)} {describe_kinds(change.kinds, 'en')}\n", "bold"),
        Content.styled(_plain(where), "bold"),
    ]
    if (
        change.old is not None
        and change.new is not None
        and change.old.locatie.key != change.new.locatie.key
    ):
        parts.append(Content(f"\nwas {change.old.locatie.in_words()}"))
    parts.append(Content("\n"))
    if pending:
        parts.append(Content.styled("\nReading the notes…", "italic"))
    elif not notes:
        parts.append(
            Content.styled(
                "\nNo note yet." if change.changed else "\nUnchanged.",
                "italic",
            )
        )
        if change.changed:
            parts.append(Content("  Press e to write why this change is there."))
    for note in notes:
        parts.append(Content.styled("\nRationale\n", "bold underline"))
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


class NotesPanel(VerticalScroll):
    """Shows the note(s) of the selected change."""

    DEFAULT_CSS = """
    NotesPanel {
        height: 12;
        border-top: solid $primary;
        padding: 0 1;
        & > Static { width: 1fr; }
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content("Loading…"), id="note-text")

    def show(
        self, change: Any | None, notes: Sequence[Any], questions: Any, *, pending: bool = False
    ) -> None:
        self.query_one("#note-text", Static).update(
            describe(change, notes, questions, pending=pending)
        )
        self.scroll_home(animate=False)

    def show_message(self, message: str) -> None:
        self.query_one("#note-text", Static).update(Content(visible_controls(message)))

    @property
    def text(self) -> str:
        """What the panel shows, as plain text (for tests and screen readers)."""
        content = self.query_one("#note-text", Static).content
        return str(content)
