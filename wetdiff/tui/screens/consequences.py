"""The consequences of the comparison shown: every provision, in the compared code or in
another regeling of the workspace that names it, whose citation the changes leave
pointing at an old number; under each, the proposed consequential wijzigingsopdracht
(proven by carrying it out) or the drafting question it leaves open. The same list as
``wetdiff diff`` ("Verwijzingen om aan te passen") and the memo, in the TUI's English
(the instructions themselves are Dutch: they are the text of the bill)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from wetdiff.model.normalise import visible_controls

if TYPE_CHECKING:
    from wetdiff.instructions.consequential import Consequence

TITLE = "Citations to update"
INTRO = (
    "Provisions that still cite an old number (renumbered, moved, split or deleted), here "
    "and in the workspace's other regelingen. A pure renumbering gets its consequential "
    "instruction, proven by carrying it out; anything else is a question to decide."
)


def consequences_content(found: tuple[Consequence, ...]) -> Content:
    """Each citation with where it stands, what it cited and where that is now; then its
    instruction (→) or its question (?). Statute text as data, never markup."""
    if not found:
        return Content("No provision cites a number this comparison changes.")
    parts: list[Content | tuple[str, str] | str] = []
    for consequence in found:
        citation = consequence.citation
        now = citation.new_target.in_words() if citation.new_target else "deleted"
        parts.append((visible_controls(citation.where()), "bold"))
        parts.append(
            visible_controls(
                f": «{citation.text}» cited {citation.old_target.in_words()}, now {now}"
            )
        )
        if citation.also:
            places = " and ".join(p.in_words() for p in citation.also)
            parts.append(visible_controls(f"; parts now also in {places}"))
        parts.append("\n")
        if consequence.instruction:
            parts.append(("  → ", "bold"))
            parts.append((visible_controls(consequence.instruction) + "\n", "italic"))
        else:
            parts.append(("  ? to decide: ", "bold"))
            # the place stands on the line above: the question without it
            parts.append(visible_controls(consequence.ask("en", place=False)) + "\n")
        parts.append("\n")
    return Content.assemble(*parts)


class ConsequencesScreen(ModalScreen[None]):
    CSS_PATH = "consequences.tcss"
    BINDINGS = [Binding("escape,x", "close", "Close")]

    def __init__(self, found: tuple[Consequence, ...]) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(f"{TITLE} ({len(self.found)})"), id="title")
            yield Static(Content(INTRO), id="intro")
            with VerticalScroll(id="body"):
                yield Static(consequences_content(self.found), id="consequences")

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
