"""Which amendments of a stage can be adopted together: the matrix of every pair, and
for the pair chosen, where and how they conflict. Enter on a pair that combines
compares the stage with both adopted (``36547/A`` → ``36547/A+am-12+am-17``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from wetdiff.model.normalise import visible_controls
from wetdiff.store.conflicts import COMBINE, CONFLICT
from wetdiff.tui.screens.base import LoadingDialog

if TYPE_CHECKING:
    from wetdiff.store.conflicts import ConflictMatrix, Pair


def matrix_text(matrix: ConflictMatrix) -> Content:
    """The amendments, what each changes, and the matrix: ✗ conflict, ✓ combine (signs,
    not colour alone)."""
    names = [a.id for a in matrix.amendments]
    lines = [f"Amendments on {matrix.proposal}/{matrix.stage}: {len(names)}"]
    for old, new in matrix.replaced:
        lines.append(f"  ({old} is replaced by {new}: left out)")
    for amendment in matrix.amendments:
        articles = ", ".join(f"artikel {n}" for n in matrix.articles(amendment.id))
        lines.append(f"  {amendment.id}  {amendment.name}: {articles or 'no changes yet'}")
    if len(names) >= 2:
        lines += ["", *matrix.table()]
    return Content(visible_controls("\n".join(lines)))


def pair_label(pair: Pair) -> Content:
    mark = CONFLICT if pair.conflicting else COMBINE
    what = (
        f"{len(pair.conflicts)} conflict(s)"
        if pair.conflicting
        else "no conflict: Enter compares the stage with both adopted"
    )
    return Content(visible_controls(f"{mark} {pair.first} and {pair.second}: {what}"))


def pair_details(pair: Pair) -> Content:
    if not pair.conflicting:
        shared = ", ".join(f"artikel {n}" for n in pair.shared)
        why = (
            f"Both change {shared}, in other provisions or other words."
            if shared
            else "They change different articles."
        )
        return Content(visible_controls(why))
    lines = []
    for conflict in pair.conflicts:
        lines += [
            f"{conflict.where}: {conflict.label('en')}",
            f"  {conflict.first}: {conflict.first_words}",
            f"  {conflict.second}: {conflict.second_words}",
            "",
        ]
    return Content(visible_controls("\n".join(lines)))


class ConflictsScreen(LoadingDialog[tuple[str, str] | None, "ConflictMatrix"]):
    CSS_PATH = "conflicts.tcss"
    BUSY = "#pairs"

    def __init__(self, spec: str) -> None:
        super().__init__()
        self.spec = spec
        self.matrix: ConflictMatrix | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(f"Amendments on {self.spec}: which can be adopted together"), id="title"
            )
            yield Static(Content("Comparing the amendments…"), id="matrix")
            yield OptionList(id="pairs")
            with VerticalScroll(id="details-box"):
                yield Static(Content(""), id="details")

    def fetch(self) -> ConflictMatrix:
        return self.app.session.conflicts(self.spec)

    def show_error(self, error: str) -> None:
        self.query_one("#matrix", Static).update(Content(visible_controls(error)))

    def show(self, content: ConflictMatrix) -> None:
        self.matrix = content
        options = self.query_one(OptionList)
        self.query_one("#matrix", Static).update(matrix_text(self.matrix))
        options.add_options(
            [Option(pair_label(p), id=str(i)) for i, p in enumerate(self.matrix.pairs)]
        )
        if self.matrix.pairs:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.matrix is not None:
            pair = self.matrix.pairs[int(event.option.id or 0)]
            self.query_one("#details", Static).update(pair_details(pair))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.matrix is None:
            return
        pair = self.matrix.pairs[int(event.option.id or 0)]
        if pair.conflicting:
            self.notify("These two conflict: they cannot be adopted together.", timeout=4)
            return
        stage = f"{self.matrix.proposal}/{self.matrix.stage}"
        self.dismiss((stage, f"{stage}+{pair.first}+{pair.second}"))
