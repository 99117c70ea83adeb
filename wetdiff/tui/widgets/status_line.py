"""The status line above the text: where the top of the text is, which change is
selected (k of n), and which modes are on, so a reviewer always knows where they are."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from wetdiff.model.normalise import visible_controls


def status_parts(rank: int, total: int, modes: Sequence[str], *, so_far: bool = False) -> Content:
    """``change 2 of 23 │ changed only · renvooi``: the selected change's place among the
    ``total`` changes shown (``rank`` 0: the selection is not a change) and the modes that
    are on; ``so_far``: only part of the comparison is in (a whole code's first step)."""
    more = " so far" if so_far else ""
    if total == 0:
        count = f"no changes{more}"
    elif rank:
        count = f"change {rank} of {total}{more}"
    else:
        count = f"{total} change{'s' if total != 1 else ''}{more}"
    parts = [Content(count)]
    if modes:
        parts.append(Content(" │ "))
        parts.append(Content.styled(" · ".join(visible_controls(m) for m in modes), "bold"))
    return Content.assemble(*parts)


class StatusLine(Horizontal):
    """One line: where the top of the text is (cut with … when the terminal is narrow),
    and, always whole, the selected change's number and the modes that are on."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1; width: 1fr; padding: 0 1;
        background: $boost; color: $foreground;
        & > #where { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; text-style: bold; }
        & > #state { width: auto; padding-left: 1; }
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content(""), id="where")
        yield Static(Content(""), id="state")

    def show(
        self, where: str, rank: int, total: int, modes: Sequence[str], *, so_far: bool = False
    ) -> None:
        self.query_one("#where", Static).update(Content(visible_controls(where)))
        self.query_one("#state", Static).update(status_parts(rank, total, modes, so_far=so_far))

    @property
    def text(self) -> str:
        where = self.query_one("#where", Static).content
        return f"{where} │ {self.query_one('#state', Static).content}"
