"""The history of one article: its versions in legal time (official versions and the
proposal stages that carry it), what each changed, and the commits that recorded it.
Enter compares the chosen version with the one before it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from wetdiff.model.normalise import visible_controls
from wetdiff.tui.screens.base import LoadingDialog

if TYPE_CHECKING:
    from typing import TypeAlias

    from wetdiff.notes import Note
    from wetdiff.store.log import LogEntry

    # The versions of the article, newest first, and per version the notes saying why.
    History: TypeAlias = tuple[list[LogEntry], list[list[tuple[str, Note]]]]


def entry_label(entry: LogEntry) -> Text:
    step = entry.step
    date = step.date.isoformat() if step.date else "date: gap"
    certainty = "" if step.certainty in ("official", "") else f" ({step.certainty})"
    text = Text.assemble(
        (f"{date}{certainty}  ", "bold"), (step.label, "bold"), f"  artikel {step.number}"
    )
    if step.act:
        text.append(f"  {visible_controls(step.act)}", style="dim")
    if step.illustrative:
        text.append(f"  ⚠ {visible_controls(step.illustrative)}", style="italic")
    return text


def entry_details(entry: LogEntry, why: Sequence[tuple[str, Note]] = ()) -> Content:
    """One version: its dates and description, what changed against the version before,
    why (the notes that explain it, as ``wetdiff log`` prints them) and the commits."""
    step = entry.step
    parts: list[Content | tuple[str, str] | str] = [(f"{step.label}\n", "bold")]
    if step.date_note:
        parts.append(f"Date: {visible_controls(step.date_note)}\n")
    if step.note:
        parts.append(f"{visible_controls(step.note)}\n")
    if entry.compared_with:
        parts.append((f"\nCompared with {entry.compared_with}:\n", "bold"))
    for line in entry.changes or ("(no change in the text)",):
        parts.append(f"  {visible_controls(line)}\n")
    if why:
        parts.append(("\nWhy:\n", "bold"))
    for where, note in why:
        answered = f" (answers {', '.join(note.answers)})" if note.answers else ""
        rationale = " ".join(visible_controls(note.rationale).split())
        parts.append((f"  why ({visible_controls(where)}): ", "bold"))
        parts.append(f"{rationale}{visible_controls(answered)}\n")
    if entry.commits:
        parts.append(("\nRecorded in git (record time):\n", "bold"))
        for commit in entry.commits:
            parts.append(
                f"  {commit.sha[:10]}  {commit.committer_date:%Y-%m-%d %H:%M}  "
                f"{visible_controls(commit.author)}  "
                f"{visible_controls(commit.subject)}\n"
            )
    return Content.assemble(*parts)


class HistoryScreen(LoadingDialog[tuple[str, str] | None, "History"]):
    CSS_PATH = "history.tcss"
    BUSY = "#entries"

    def __init__(self, artikel: str) -> None:
        super().__init__()
        self.artikel = artikel
        self.entries: list[LogEntry] = []
        self.why: list[list[tuple[str, Note]]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(
                    f"History of artikel {self.artikel} — newest first. "
                    "Enter: compare with the version before."
                ),
                id="title",
            )
            yield OptionList(id="entries")
            with VerticalScroll(id="details-box"):
                yield Static(Content(""), id="details")

    def fetch(self) -> History:
        entries = self.app.session.log(self.artikel)
        return entries, self.app.session.why(self.artikel, entries)

    def show_error(self, error: str) -> None:
        self.query_one("#details", Static).update(Content(error))

    def show(self, content: History) -> None:
        self.entries, self.why = content
        options = self.query_one(OptionList)
        options.add_options([Option(entry_label(e), id=str(i)) for i, e in enumerate(self.entries)])
        if self.entries:
            options.highlighted = 0
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int(event.option.id or 0)
        self.query_one("#details", Static).update(
            entry_details(self.entries[index], self.why[index])
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.entries[int(event.option.id or 0)]
        if not entry.compared_with:
            self.notify("The first version: nothing before it to compare with.")
            return
        self.dismiss((entry.compared_with, entry.step.label))
