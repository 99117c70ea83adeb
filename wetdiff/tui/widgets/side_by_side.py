"""The side-by-side (and renvooi) view: one line-API widget drawing both columns.

Both versions are drawn by the same ``render_line``, so the two sides cannot scroll apart:
line ``y`` of the screen is always one aligned pair. Only the visible lines are laid out
(see :mod:`wetdiff.tui.layout`), which keeps a whole code as quick to open and scroll as
one article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wetdiff.diff import Change
from wetdiff.diff.shown import Shown
from wetdiff.tui.layout import (
    DELETE,
    DIM,
    GUTTER,
    HEADING,
    INSERT,
    MARKER,
    MATCH,
    DiffDocument,
    Line,
    QuerySide,
    Span,
    kind_symbol,
)

EXACT_AT_ONCE = 400  # blocks: below this the exact index costs less than a frame


def change_key(change: Change | Shown) -> str:
    """A change by the place of its provision (new place, else old), the same in a
    provisional comparison and in the whole one that replaces it."""
    side = "new" if change.new is not None else "old"
    return f"{side} {change.provision.locatie.key}"


@dataclass(frozen=True, slots=True)
class Place:
    """Where the lawyer is reading: the selected change, and the block at the top of the
    view with how many of its lines are scrolled past (all by key, not by index), and
    the article it belongs to (to come back to when that block is not shown any more)."""

    cursor: str | None
    top: str
    offset: int
    artikel: str = ""


_FLAGS = (
    (INSERT, "side--insert"),
    (DELETE, "side--delete"),
    (MARKER, "side--marker"),
    (DIM, "side--dim"),
    (HEADING, "side--heading"),
    (MATCH, "side--match"),
)


class SideBySide(ScrollView, can_focus=True):
    """Two versions of the text, aligned provision by provision."""

    COMPONENT_CLASSES = {
        "side--insert",
        "side--delete",
        "side--marker",
        "side--dim",
        "side--heading",
        "side--match",
        "side--cursor",
        "side--gutter",
        "side--gutter-cursor",
    }
    DEFAULT_CSS = """
    SideBySide {
        overflow-y: scroll;
        overflow-x: hidden;
        background: $surface;
        & > .side--insert { color: $text-success; text-style: underline; }
        & > .side--delete { color: $text-error; text-style: strike; }
        & > .side--marker { text-style: bold; }
        & > .side--dim { color: $text-muted; }
        & > .side--heading { text-style: bold; }
        & > .side--match { background: $warning 40%; text-style: reverse; }
        & > .side--cursor { background: $primary 20%; }
        & > .side--gutter { color: $text-accent; text-style: bold; }
        & > .side--gutter-cursor { text-style: reverse bold; }
    }
    """
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]

    cursor: reactive[int] = reactive(-1, layout=False)

    @dataclass
    class Measured(Message):
        """The exact line index of a long document, computed in a worker thread."""

        bubble = False

        document: DiffDocument
        width: int
        heights: list[int]

    @dataclass
    class TopChanged(Message):
        """Another provision (or heading) is now at the top of the view (scrolling)."""

        view: SideBySide

        @property
        def control(self) -> SideBySide:
            return self.view

    @dataclass
    class ChangeSelected(Message):
        """The lawyer moved to another change (by key, mouse or tree)."""

        view: SideBySide
        change: int

        @property
        def control(self) -> SideBySide:
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = DiffDocument(())
        self._styles: dict[int, Style] = {}
        self._changed_order: list[int] = []
        self._matches: list[int] = []
        self._rank: dict[int, int] = {}
        self._top = -1
        self._busy = ""

    def busy(self, message: str) -> None:
        """Say what is being prepared (drawn in place of the text until :meth:`show`)."""
        self._busy = message
        self.refresh()

    # content

    def _block_key(self, document: DiffDocument, index: int) -> str:
        block = document.blocks[index]
        if block.change >= 0:
            return change_key(document.changes[block.change])
        return "artikel " + block.artikel

    def place(self) -> Place | None:
        """Where the lawyer is reading now (None: nothing shown)."""
        document = self.document
        if not document.blocks:
            return None
        cursor = None
        if 0 <= self.cursor < len(document.changes):
            cursor = change_key(document.changes[self.cursor])
        index, offset = document.locate(int(self.scroll_y))
        return Place(
            cursor, self._block_key(document, index), offset, document.blocks[index].artikel
        )

    def top_block(self) -> int:
        """The index of the block at the top of the view (-1: nothing shown)."""
        if not self.document.blocks:
            return -1
        return self.document.locate(int(self.scroll_y))[0]

    def rank(self, change: int) -> int:
        """The 1-based position of a change among the changed provisions shown (0: the
        change is not one of them, e.g. an unchanged provision clicked on)."""
        return self._rank.get(change, 0)

    @property
    def changed_count(self) -> int:
        return len(self._changed_order)

    def show(self, document: DiffDocument, place: Place | None = None) -> None:
        """Show a (new) document. With ``place`` (from :meth:`place`), at that place: the
        same block at the top of the view, else the top of the same article; the cursor
        on the same change if it is shown, else on the first change from there on.
        Without, or if the article is not there, at the first change."""
        same_changes = document.changes is self.document.changes
        self.document = document
        self._busy = ""
        self._changed_order = document.changed_order()
        self._rank = {change: i for i, change in enumerate(self._changed_order, 1)}
        self._matches = []
        self._measure()
        if place is not None and self._restore(place):
            pass
        elif same_changes and self.cursor >= 0 and document.change_y(self.cursor) is not None:
            self.scroll_to_change(self.cursor)
        elif self._changed_order:
            self.cursor = self._changed_order[0]
            self.scroll_to_change(self.cursor, top=True)
        else:
            self.cursor = -1
            self.scroll_to(y=0, animate=False)
        self._top = -1
        self._post_top()
        self.refresh()

    def _restore(self, place: Place) -> bool:
        document = self.document
        index = {self._block_key(document, i): i for i in range(len(document.blocks))}.get(
            place.top
        )
        if index is not None:
            y = document.block_y(index) + place.offset
        else:
            found = document.artikel_y(place.artikel) if place.artikel else None
            if found is None:
                return False
            y = found
        self.scroll_to(y=y, animate=False)
        cursor = -1
        if place.cursor is not None:
            cursor = next(
                (i for i, c in enumerate(document.changes) if change_key(c) == place.cursor), -1
            )
        if cursor < 0 or document.change_y(cursor) is None:
            ahead = [c for c in self._changed_order if (document.change_y(c) or 0) >= y]
            cursor = ahead[0] if ahead else -1
        self.cursor = cursor
        return True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._post_top()

    def _post_top(self) -> None:
        top = self.top_block()
        if top != self._top:
            self._top = top
            self.post_message(self.TopChanged(self))

    def _measure(self) -> None:
        """Index the document's lines for the current width: exactly at once for an
        ordinary proposal; for a whole code, first estimated (so the first screen shows
        at once) and made exact by a worker thread."""
        width = self.scrollable_content_region.width or self.size.width or 80
        document = self.document
        exact = len(document.blocks) <= EXACT_AT_ONCE
        document.measure(width, exact=exact)
        self.virtual_size = Size(width, self._virtual_height())
        if not document.exact:
            self._measure_exactly(document, width)

    @work(thread=True, exclusive=True, group="measure")
    def _measure_exactly(self, document: DiffDocument, width: int) -> None:
        self.post_message(self.Measured(document, width, document.exact_heights(width)))

    def on_side_by_side_measured(self, message: Measured) -> None:
        document = self.document
        if message.document is not document:
            return
        index, offset = document.locate(int(self.scroll_y))
        if document.use_heights(message.width, message.heights):
            self.virtual_size = Size(self.virtual_size.width, self._virtual_height())
            self.scroll_to(y=document.block_y(index) + offset, animate=False)
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        before = self.document.width
        self._measure()
        if self.document.width != before and self.cursor >= 0:
            self.scroll_to_change(self.cursor, top=True)  # keep the selection in view

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if new >= 0:
            self.post_message(self.ChangeSelected(self, new))

    # rendering

    def _style(self, marks: int) -> Style:
        style = self._styles.get(marks)
        if style is None:
            style = self.rich_style
            for flag, name in _FLAGS:
                if marks & flag:
                    style += self.get_component_rich_style(name, partial=True)
            self._styles[marks] = style
        return style

    def _segments(self, line: Line, width: int, base: Style) -> list[Segment]:
        segments = []
        used = 0
        for text, marks in line:
            if used + len(text) > width:
                text = text[: width - used]
            if not text:
                continue
            segments.append(Segment(text, self._style(marks) if marks else base))
            used += len(text)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        document = self.document
        doc_y = scroll_y + y
        if width != document.width:
            self._measure()
        if self._busy:
            text = self._busy if y == 1 else ""
            return Strip([Segment(f"   {text}".ljust(width), self._style(DIM))], width)
        if doc_y >= document.height or width <= 0:
            return Strip.blank(width, base)
        index, offset = document.locate(doc_y)
        lines = document.block_lines(index)
        if self._virtual_height() != self.virtual_size.height:
            self.call_later(self._measure_after_growth)
        block = document.blocks[index]
        left, right = lines[offset] if offset < len(lines) else ((), ())
        on_cursor = block.change >= 0 and block.change == self.cursor
        if block.change < 0:
            gutter_text = "   "
        elif offset == 0:
            symbol = kind_symbol(document.changes[block.change])
            gutter_text = ("▸" if on_cursor else " ") + (symbol if symbol != " " else "│") + " "
        else:
            gutter_text = " ┃ " if on_cursor else " │ "
        gutter_style = self._style(0) + self.get_component_rich_style("side--gutter", partial=True)
        if on_cursor:  # the selected provision's rows: a solid bar, seen without colour too
            gutter_style += self.get_component_rich_style("side--gutter-cursor", partial=True)
        gutter = Segment(gutter_text, gutter_style)
        column = document.column_width(width)
        if document.mode == "renvooi":
            segments = [gutter, *self._segments(left, width - GUTTER, base)]
        else:
            segments = [
                *self._segments(left, column, base),
                gutter,
                *self._segments(right, width - GUTTER - column, base),
            ]
        strip = Strip(segments, width)
        if on_cursor:
            strip = strip.apply_style(self.get_component_rich_style("side--cursor", partial=True))
        return strip

    def _measure_after_growth(self) -> None:
        height = self._virtual_height()
        if height != self.virtual_size.height:
            self.virtual_size = Size(self.virtual_size.width, height)

    def _virtual_height(self) -> int:
        """The document's height, and room below it to scroll the last article's heading
        to the top of the view (so any article can be read from the top)."""
        document = self.document
        if not document.blocks:
            return document.height
        last = document.artikel_y(document.blocks[-1].artikel) or 0
        visible = self.scrollable_content_region.height
        return document.height + max(0, visible - (document.height - last))

    # navigation

    def scroll_to_change(self, change: int, *, top: bool = False) -> None:
        y = self.document.change_y(change)
        if y is None:
            return
        height = self.document.change_height(change)
        visible = self.scrollable_content_region.height
        if top or y < self.scroll_y or y + height > self.scroll_y + visible:
            self.scroll_to(y=max(0, y - 2), animate=False)

    def scroll_to_artikel(self, artikel: str) -> bool:
        y = self.document.artikel_y(artikel)
        if y is None:
            return False
        self.scroll_to(y=y, animate=False)
        first = next(
            (b.change for b in self.document.blocks if b.artikel == artikel and b.change >= 0), -1
        )
        if first >= 0:
            self.cursor = first
        return True

    def select(self, change: int) -> None:
        if self.document.change_y(change) is None:
            return
        self.cursor = change
        self.scroll_to_change(change)

    def cursor_visible(self) -> bool:
        """Whether any line of the selected change is on screen."""
        y = self.document.change_y(self.cursor) if self.cursor >= 0 else None
        if y is None:
            return False
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        return y < top + height and y + self.document.change_height(self.cursor) > top

    def _position(self) -> tuple[int, bool]:
        """Where the lawyer is in reading order (a document line): the selected change
        while it is on screen, else the top of the screen (scrolled away from it).
        The flag says whether it is the selected change."""
        if self.cursor_visible():
            y = self.document.change_y(self.cursor)
            assert y is not None
            return y, True
        return int(self.scroll_y), False

    def _step(self, order: Sequence[int], forward: bool) -> bool:
        """Select the next (previous) change of ``order`` from where the lawyer is: after
        the selected change, or, scrolled away from it, the first from the top of the
        screen down (the last above it)."""
        if not order:
            return False
        ys = [self.document.change_y(c) or 0 for c in order]
        here, on_cursor = self._position()
        if forward:
            at = bisect_right(ys, here) if on_cursor else bisect_left(ys, here)
            if at >= len(order):
                return False
        else:
            at = bisect_left(ys, here) - 1
            if at < 0:
                return False
        self.select(order[at])
        return True

    def action_next_change(self) -> None:
        if not self._step(self._changed_order, True):
            self.notify("No further change.", timeout=2)

    def action_previous_change(self) -> None:
        if not self._step(self._changed_order, False):
            self.notify("No earlier change.", timeout=2)

    def search(self, query: str, side: QuerySide) -> int:
        """Mark ``query`` in the text of one side (``old``/``new``/``both``) and go to the
        first hit at or after the cursor. Returns the number of provisions that match."""
        needle = query.casefold()
        document = self.document
        document.mark_query(query, side)
        matches = []
        for block in document.blocks:
            if block.change < 0:
                continue
            change = document.changes[block.change]
            texts = []
            if side in ("old", "both") and change.old is not None:
                texts.append(change.old.text)
            if side in ("new", "both") and change.new is not None:
                texts.append(change.new.text)
            if needle and any(needle in t.casefold() for t in texts):
                matches.append(block.change)
        self._matches = matches
        self.refresh()
        if matches:
            here, _ = self._position()
            ahead = [c for c in matches if (document.change_y(c) or 0) >= here]
            self.select(ahead[0] if ahead else matches[0])
            self.scroll_to_match(self.cursor)
        return len(matches)

    def scroll_to_match(self, change: int) -> None:
        """Bring the first line of ``change`` with a search hit on screen (a long
        provision's hit may be far below its first line)."""
        document = self.document
        row = document.row_of_change(change)
        y = document.change_y(change)
        if row is None or y is None:
            return
        for offset, (left, right) in enumerate(document.block_lines(row)):
            spans: tuple[Span, ...] = (*left, *right)
            if any(marks & MATCH for _, marks in spans):
                visible = self.scrollable_content_region.height
                if not self.scroll_y <= y + offset < self.scroll_y + visible:
                    self.scroll_to(y=max(0, y + offset - 2), animate=False)
                return

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def next_match(self, forward: bool = True) -> bool:
        if not self._step(self._matches, forward):
            return False
        self.scroll_to_match(self.cursor)
        return True

    def on_click(self, event: events.Click) -> None:
        doc_y = int(self.scroll_y) + event.y
        if doc_y >= self.document.height:
            return
        index, _ = self.document.locate(doc_y)
        change = self.document.blocks[index].change
        if change >= 0:
            self.cursor = change
