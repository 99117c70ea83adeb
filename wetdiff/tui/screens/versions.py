"""Pick the two versions to compare: the law on any date it changed, every proposal
stage, tags, and the workspace's recent commits (a version as it was recorded then)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls
from wetdiff.store.versions import split_rev
from wetdiff.tui.app import WetdiffApp

if TYPE_CHECKING:
    from wetdiff.store.commits import CommitInfo
    from wetdiff.store.versions import VersionEntry

GROUPS = (
    ("law", "Law (by date in force)"),
    ("stage", "Proposal stages"),
    ("tag", "Tags"),
    ("rev", "Git revisions (as recorded)"),
)


def version_options(
    entries: list[VersionEntry], revisions: list[CommitInfo], current: str
) -> list[Option]:
    """The options of one side's list, grouped; revisions apply to the side's version."""
    options: list[Option] = []
    seen: set[str] = set()
    _, base = split_rev(current)
    for kind, heading in GROUPS:
        if kind == "rev":
            group = [
                (
                    f"{c.sha[:10]}:{base}",
                    f"{c.committer_date:%Y-%m-%d %H:%M}  {c.sha[:7]}  {c.subject}",
                    True,
                )
                for c in revisions
            ]
        else:
            group = [
                (
                    e.spec,
                    f"{e.date.isoformat() if e.date else 'date: gap':<11} "
                    f"{e.spec}  {e.title}"
                    + (f"  ⚠ {e.illustrative}" if e.illustrative else "")
                    + ("" if e.has_text else "  (no text)"),
                    e.has_text,
                )
                for e in entries
                if e.kind == kind
            ]
        group = [g for g in group if g[0] not in seen]  # a stage's tag is the stage
        if not group:
            continue
        options.append(Option(Text(heading, style="bold underline"), disabled=True))
        for spec, label, enabled in group:
            seen.add(spec)
            options.append(Option(Text(visible_controls(label)), id=spec, disabled=not enabled))
    return options


class VersionsScreen(ModalScreen[tuple[str, str] | None]):
    """Two lists side by side: A (old, left) and B (new, right)."""

    app = getters.app(WetdiffApp)

    CSS_PATH = "versions.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "compare", "Compare")]

    @dataclass
    class Listed(Message):
        bubble = False

        entries: list[VersionEntry]
        revisions: list[CommitInfo]

    def __init__(self, old_spec: str | None, new_spec: str | None) -> None:
        super().__init__()
        self.choice = {"old": old_spec or "", "new": new_spec or ""}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content("Compare which versions? Enter picks; Ctrl+S compares."), id="title"
            )
            with Horizontal(id="lists"):
                for side, label in (("old", "A (left, old)"), ("new", "B (right, new)")):
                    with Vertical():
                        yield Label(Content(label), classes="side-label")
                        yield Input(
                            self.choice[side],
                            id=f"{side}-spec",
                            placeholder="law@2013-04-15, 36547/nr2, HEAD~1:36547",
                        )
                        yield OptionList(id=f"{side}-list")
            with Horizontal(id="buttons"):
                yield Button(
                    Content("Compare"), variant="primary", id="compare", action="screen.compare"
                )
                yield Button(Content("Cancel"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        for side in ("old", "new"):
            self.query_one(f"#{side}-list", OptionList).loading = True
        self.list_versions()

    @work(thread=True, exclusive=True, group="versions")
    def list_versions(self) -> None:
        app = self.app
        try:
            entries = app.session.versions()
            revisions = app.session.revisions()
        except WetdiffError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            entries, revisions = [], []
        self.post_message(self.Listed(entries, revisions))

    def on_versions_screen_listed(self, message: Listed) -> None:
        for side in ("old", "new"):
            options = self.query_one(f"#{side}-list", OptionList)
            options.loading = False
            options.clear_options()
            options.add_options(
                version_options(message.entries, message.revisions, self.choice[side])
            )
            try:
                options.highlighted = options.get_option_index(self.choice[side])
            except Exception:  # the current version is not in the list (a path)
                options.highlighted = None
        self.query_one("#old-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        side = "old" if event.option_list.id == "old-list" else "new"
        spec = event.option.id or ""
        self.choice[side] = spec
        self.query_one(f"#{side}-spec", Input).value = spec
        if side == "old":
            self.query_one("#new-list", OptionList).focus()
        else:
            self.query_one("#compare", Button).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        side = "old" if event.input.id == "old-spec" else "new"
        self.choice[side] = event.value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_compare()

    def action_compare(self) -> None:
        if not self.choice["old"] or not self.choice["new"]:
            self.notify("Pick both versions.", severity="warning")
            return
        self.dismiss((self.choice["old"], self.choice["new"]))

    def action_cancel(self) -> None:
        self.dismiss(None)
