"""Every action of the app in the command palette (ctrl+p), depending on context.

Commands that need a selected change (write a note, history, blame, edit the text)
appear only when one is selected, "next search hit" only after a search; none of the
main screen's commands while a dialog or editor is open (only Help, and Textual's own).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from wetdiff.tui.screens.main import MainScreen


def main_commands(screen: MainScreen) -> list[tuple[str, str, Callable[[], object]]]:
    """(name, help, callback) for the main screen in its current state."""
    commands: list[tuple[str, str, str]] = [
        ("Next change", "Go to the next changed provision (n)", "next_change"),
        ("Previous change", "Go to the previous changed provision (p)", "previous_change"),
        ("Jump to article", "Scroll to an article by number (g)", "jump"),
        ("Search", "Find words in version A, B or both (/)", "search"),
        (
            "Pick versions",
            "Compare other versions: law on a date, proposal stages, git revisions (v)",
            "pick_versions",
        ),
        (
            "Show changed provisions only" if not screen.changed_only else "Show all provisions",
            "Filter the text and the tree (f)",
            "toggle_filter",
        ),
        (
            "Renvooi view" if screen.mode == "side" else "Side-by-side view",
            "Switch how the changes are shown (r)",
            "toggle_renvooi",
        ),
        ("Swap sides", "Show version B on the left (s)", "swap"),
        (
            "Citations to update",
            "Provisions here and in other regelingen that still cite an old number, with "
            "their consequential instructions or the questions to decide (x)",
            "consequences",
        ),
    ]
    if screen.query_text:
        commands.append(
            ("Next search hit", "Go to the next provision with the search words (.)", "next_match")
        )
    if screen.selected_change is not None:
        commands += [
            (
                "Write note for this change",
                "Rationale, citations, questions answered (e)",
                "edit_note",
            ),
            ("History of this article", "Every recorded version of the article (l)", "history"),
            ("Blame this article", "Who last changed each provision, when and why (b)", "blame"),
            (
                "Edit this article's text",
                "Edit the proposal's text and commit it with a rationale (t)",
                "edit_text",
            ),
        ]
    if screen.comparison is not None and screen.comparison.proposal:
        commands.append(
            (
                "Amendments: which conflict",
                "Every pair of the amendments on the stage: conflict or not, where; "
                "a pair that combines is compared adopted (a)",
                "conflicts",
            )
        )
    unit = screen.selected_unit
    if (
        unit is not None
        and screen.comparison is not None
        and screen.comparison.comments_of_shown(unit)
    ):
        commands.append(
            (
                "Resolve review comment",
                "Mark the first open review comment on this change resolved (c)",
                "resolve_comment",
            )
        )
    commands.append(
        (
            "Write memo",
            "The change memo of the two versions shown: renvooi, "
            "rationale, questions, concordance, wijzigingsopdrachten (m)",
            "memo",
        )
    )
    return [(name, text, partial(screen.run_action, action)) for name, text, action in commands]


class WetdiffCommands(Provider):
    """The app's own commands, beside Textual's (theme, keys, quit)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from wetdiff.tui.screens.main import MainScreen

        screen = self.screen
        commands: list[tuple[str, str, Callable[[], object]]] = []
        if isinstance(screen, MainScreen) and screen.comparison is not None:
            commands = main_commands(screen)
        commands.append(("Help", "Keys and markers (?)", partial(self.app.run_action, "help")))
        return commands

    async def discover(self) -> Hits:
        for name, text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=text)
