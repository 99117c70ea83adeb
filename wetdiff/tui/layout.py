"""The line index of a comparison: which screen line shows which part of which change.

A whole code (a thousand articles, several thousand provisions) must open and scroll
without lag, so the side-by-side view never mounts a widget per provision. This module
turns the units to show (:mod:`wetdiff.diff.shown`: each change, the parts of a split or
merger together, so every text is shown once) into *blocks* (an article heading, or one
aligned unit: its old provisions on the left, its new ones on the right), measures
each block's height for the current width with a cheap word count, and keeps the running
totals so that "which block is on screen line 12 345?" is one binary search. Only the
blocks that are actually on screen are laid out into styled spans, and those are cached.

Nothing here knows about Textual: a line is a tuple of ``(text, marks)`` spans, where
``marks`` is a set of bit flags (inserted, deleted, marker, match, ...) that the widget
turns into styles. The flags carry the meaning; colour is only one of the ways a widget
shows them (strike-through, underline and ``[-…-]`` / ``{+…+}`` markers are the others).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal, TypeAlias

from wetdiff.diff.changes import Change
from wetdiff.diff.kinds import symbol
from wetdiff.diff.shown import Shown
from wetdiff.diff.words import Op, WordOp
from wetdiff.model.artikel import Provision
from wetdiff.model.version import article_sort_key

# Span marks (bit flags).
PLAIN = 0
INSERT = 1
DELETE = 2
MARKER = 4  # the [- -] {+ +} brackets around word changes
MATCH = 8  # a search hit
DIM = 16  # provision numbers, former locations
HEADING = 32  # "Artikel 273f"

Span: TypeAlias = tuple[str, int]
Line: TypeAlias = tuple[Span, ...]
Row: TypeAlias = tuple[Line, Line]  # a side-by-side line: (left, right)
Mode = Literal["side", "renvooi"]
Side = Literal["old", "new"]
QuerySide = Literal["old", "new", "both"]

SIDES: tuple[Side, Side] = ("old", "new")
GUTTER = 3  # " ~ " between the two columns
CACHE_BLOCKS = 2000  # laid-out blocks kept (a few screens' worth, many times over)
_PIECE = re.compile(r"\S+|\s+")


def kind_symbol(change: Change | Shown) -> str:
    """The change's sign in the gutter and the tree (:mod:`wetdiff.diff.kinds`)."""
    return symbol(change.kind)


@dataclass(frozen=True, slots=True)
class DocumentBlock:
    """One part of the document: an article heading or one aligned unit."""

    change: int  # index into the list of units; -1 for a heading
    artikel: str
    old_artikel: str = ""
    new_artikel: str = ""


def _provision_prefix(provision: Provision) -> tuple[str, int]:
    """The number printed before a provision and the indentation of its text."""
    indent = "  " * provision.depth
    number = f"{provision.number} " if provision.number else ""
    return indent + number, len(indent) + (len(number) if provision.number else 0)


def _mark_ops(words: Sequence[WordOp], keep: Op, mark: int, left: str, right: str) -> list[Span]:
    """The spans of one side of a word diff, with visible brackets around changes."""
    spans: list[Span] = []
    for op in words:
        if op.op == "equal":
            spans.append((op.text, PLAIN))
        elif op.op == keep:
            text = op.text
            core = text.strip()
            if not core:
                spans.append((text, mark))
                continue
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if lead:
                spans.append((lead, PLAIN))
            spans.append((left, mark | MARKER))
            spans.append((core, mark))
            spans.append((right, mark | MARKER))
            if trail:
                spans.append((trail, PLAIN))
    return spans


def _provisions(unit: Shown, side: Side) -> tuple[Provision, ...]:
    return unit.olds if side == "old" else unit.news


def _part_ops(words: Sequence[WordOp], keep: Op, texts: Sequence[str]) -> list[list[WordOp]]:
    """One side's word operations cut at the joins of its parts' texts (joined by one
    space, as :mod:`wetdiff.diff.shown` compares them): each part's own operations."""
    parts: list[list[WordOp]] = [[] for _ in texts]
    at, left = 0, len(texts[0])
    for op in words:
        if op.op not in ("equal", keep):
            continue
        text = op.text
        while text:
            if left == 0 and at < len(texts) - 1:
                at, left = at + 1, len(texts[at + 1])
                text = text[1:]  # the space that joined the two parts
                continue
            piece = text if at == len(texts) - 1 else text[:left]
            parts[at].append(WordOp(op.op, piece))
            text = text[len(piece) :]
            left -= len(piece)
    return parts


def side_parts(unit: Shown, side: Side) -> list[tuple[Provision, list[Span]]]:
    """The provisions of one side (``"old"`` or ``"new"``) of a unit, each with its text
    marked word by word (a merger's old parts each with their own marks)."""
    provisions = _provisions(unit, side)
    if not provisions:
        return []
    kind = unit.kind
    if unit.words and kind not in ("inserted", "deleted"):
        keep: Op = "delete" if side == "old" else "insert"
        mark, left, right = (DELETE, "[-", "-]") if side == "old" else (INSERT, "{+", "+}")
        if len(provisions) == 1:
            return [(provisions[0], _mark_ops(unit.words, keep, mark, left, right))]
        parts = _part_ops(unit.words, keep, [p.text for p in provisions])
        return [
            (p, _mark_ops(ops, keep, mark, left, right))
            for p, ops in zip(provisions, parts, strict=True)
        ]
    flag = DELETE if kind == "deleted" else INSERT if kind == "inserted" else PLAIN
    return [(p, [(p.text, flag)]) for p in provisions]


def renvooi_spans(change: Shown) -> list[Span]:
    """Old and new in one text: deletions struck ``[-…-]``, insertions underlined
    ``{+…+}``, as in Dutch parliamentary practice."""
    words = change.words
    if change.old is None:
        return [(change.provision.text, INSERT)]
    if change.new is None:
        return [(change.old.text, DELETE)]
    if not words or not change.changed:
        return [(change.new.text, PLAIN)]
    spans: list[Span] = []
    for op in words:
        if op.op == "equal":
            spans.append((op.text, PLAIN))
        else:
            marked = _mark_ops(
                [op],
                op.op,
                DELETE if op.op == "delete" else INSERT,
                "[-" if op.op == "delete" else "{+",
                "-]" if op.op == "delete" else "+}",
            )
            spans.extend(marked)
    return spans


def highlight(spans: list[Span], query: str, skip: int = 0) -> list[Span]:
    """The same spans with every case-insensitive occurrence of ``query`` marked
    (except in spans marked with ``skip``: the other version's words in renvooi)."""
    if not query:
        return spans
    needle = query.casefold()
    out: list[Span] = []
    for text, mark in spans:
        folded = text.casefold()
        if mark & skip or len(folded) != len(text) or needle not in folded:
            out.append((text, mark))
            continue
        start = 0
        while (found := folded.find(needle, start)) >= 0:
            if found > start:
                out.append((text[start:found], mark))
            out.append((text[found : found + len(needle)], mark | MATCH))
            start = found + len(needle)
        if start < len(text):
            out.append((text[start:], mark))
    return out


def _words(spans: Iterable[Span]) -> list[tuple[list[Span], int, bool]]:
    """Words across span boundaries: ``[-`` ``twaalf`` ``-]`` is one word, never broken
    between its marker and its text. Each item: (pieces, width, is_space)."""
    words: list[tuple[list[Span], int, bool]] = []
    for text, mark in spans:
        for piece in _PIECE.findall(text):
            space = piece[0].isspace()
            if not space and words and not words[-1][2]:
                pieces, width, _ = words[-1]
                pieces.append((piece, mark))
                words[-1] = (pieces, width + len(piece), False)
            else:
                words.append(([(piece, mark)], len(piece), space))
    return words


def wrap(
    spans: Iterable[Span], width: int, first: Sequence[Span] = (), indent: int = 0
) -> list[Line]:
    """Greedy word wrap of marked spans into lines of at most ``width`` cells.

    ``first`` (the provision number) opens the first line; continuation lines are
    indented by ``indent`` so the text hangs under itself, as in the Staatsblad."""
    width = max(width, 8)
    indent = min(indent, width // 2)
    lines: list[Line] = []
    line: list[Span] = list(first)
    used = sum(len(t) for t, _ in first)
    pad = (" " * indent, PLAIN)

    def newline() -> None:
        nonlocal line, used
        lines.append(tuple(line))
        line, used = ([pad] if indent else []), indent

    for pieces, size, space in _words(spans):
        if space:
            if used + size <= width:
                line.extend(pieces)
                used += size
            continue
        if used + size > width and used > indent:
            while line and line[-1][0].isspace():  # no trailing blanks at a break
                used -= len(line.pop()[0])
            newline()
        for text, mark in pieces:
            while len(text) > width - used:  # a word longer than the column
                room = width - used
                if room > 0:
                    line.append((text[:room], mark))
                    text = text[room:]
                newline()
            if text:
                line.append((text, mark))
                used += len(text)
    if line or not lines:
        lines.append(tuple(line))
    return lines


def count_wrapped(spans: Iterable[Span], width: int, used: int, indent: int) -> int:
    """The number of lines :func:`wrap` makes, without building them (statute text is
    cleaned: words are separated by single spaces)."""
    width = max(width, 8)
    indent = min(indent, width // 2)
    lines = 1
    pending = 0

    def place(size: int) -> None:
        nonlocal lines, used
        if used + size > width and used > indent:
            lines += 1
            used = indent
        while size > width - used:
            size -= max(width - used, 0)
            lines += 1
            used = indent
        used += size

    for text, _ in spans:
        parts = text.split(" ")
        pending += len(parts[0])
        for part in parts[1:]:
            if pending:
                place(pending)
                pending = 0
            if used + 1 <= width:
                used += 1
            pending = len(part)
    if pending:
        place(pending)
    return lines


def count_lines(text: str, width: int, used: int, indent: int) -> int:
    """How many lines :func:`wrap` makes of ``text``, without building them (the cheap
    measure used for the whole document's line index). Markers may add a little; the
    estimate is corrected when a block is actually laid out."""
    width = max(width, 8)
    indent = min(indent, width // 2)
    lines = 1
    for word in text.split():
        bare = len(word)
        if used + bare > width and used > indent:
            lines += 1
            used = indent
        while bare > width - used:
            lines += 1
            bare -= width - used
            used = indent
        used += bare + 1
    return lines


class DiffDocument:
    """The comparison laid out as lines, in side-by-side or renvooi form.

    ``changes`` are the units to show in reading order (:func:`wetdiff.diff.shown.shown`:
    unchanged provisions too, a split or merger once); ``changed_only`` filters to changed
    ones; ``swapped`` shows the new version on the left. The document is measured for one
    width at a time (:meth:`measure`)."""

    def __init__(
        self,
        changes: Sequence[Shown],
        *,
        mode: Mode = "side",
        changed_only: bool = False,
        swapped: bool = False,
        query: str = "",
        query_side: QuerySide = "both",
    ) -> None:
        self.changes = changes
        self.query_side = query_side
        self.mode = mode
        self.changed_only = changed_only
        self.swapped = swapped
        self.query = query
        self.blocks: list[DocumentBlock] = self._blocks()
        self.width = 0
        self.exact = False
        self._heights: list[int] = []
        self._starts: list[int] = [0]
        self._cache: dict[int, list[Row]] = {}
        self._row_of_change: dict[int, int] = {
            b.change: i for i, b in enumerate(self.blocks) if b.change >= 0
        }
        self._row_of_artikel: dict[str, int] = {}
        for i, block in enumerate(self.blocks):
            if block.change < 0:
                self._row_of_artikel.setdefault(block.artikel, i)

    # building

    def _blocks(self) -> list[DocumentBlock]:
        blocks: list[DocumentBlock] = []
        current: str | None = None
        for index, change in enumerate(self.changes):
            if self.changed_only and not change.changed:
                continue
            artikel = change.provision.locatie.artikel
            if artikel != current:
                current = artikel
                old_nr = change.old.locatie.artikel if change.old is not None else ""
                new_nr = change.new.locatie.artikel if change.new is not None else ""
                blocks.append(DocumentBlock(-1, artikel, old_nr, new_nr))
            blocks.append(DocumentBlock(index, artikel))
        return blocks

    def changed_order(self) -> list[int]:
        """The changed units shown, in reading order (what n/p step through, and what the
        status line counts)."""
        return [b.change for b in self.blocks if b.change >= 0 and self.changes[b.change].changed]

    # measuring

    def column_width(self, width: int) -> int:
        if self.mode == "renvooi":
            return max(width - GUTTER, 8)
        return max((width - GUTTER) // 2, 8)

    def measure(self, width: int, *, exact: bool = True) -> int:
        """Measure every block for ``width`` cells; returns the document's height.

        ``exact=False`` only estimates the heights from the texts' lengths (a whole code
        in a few milliseconds, for the first paint); :meth:`exact_heights` (safe to run
        in a thread) and :meth:`use_heights` then make the index exact. A block laid out
        before that corrects its own height."""
        if width == self.width and self._heights and (self.exact or not exact):
            return self._starts[-1]
        self.width = width
        self._cache.clear()
        heights = self.exact_heights(width) if exact else self._estimate(width)
        self.exact = exact
        self._heights = heights
        self._starts = [0, *accumulate(heights)]
        return self._starts[-1]

    def exact_heights(self, width: int) -> list[int]:
        """The exact height of every block at ``width`` (pure: no state is changed)."""
        column = self.column_width(width)
        return self._block_heights(lambda change: self._measure_change(change, column))

    def use_heights(self, width: int, heights: list[int]) -> bool:
        """Adopt heights computed by :meth:`exact_heights` (if still for this width)."""
        if width != self.width or len(heights) != len(self.blocks):
            return False
        self._heights = list(heights)
        self._starts = [0, *accumulate(self._heights)]
        self.exact = True
        self._cache.clear()
        return True

    def _estimate(self, width: int) -> list[int]:
        column = self.column_width(width)

        def estimate(unit: Shown) -> int:
            longest = max(sum(len(p.text) for p in unit.olds), sum(len(p.text) for p in unit.news))
            return longest * 6 // (5 * column) + 1  # ~20% lost at line ends

        return self._block_heights(estimate)

    def _block_heights(self, measure: Callable[[Shown], int]) -> list[int]:
        """Every block's height: an article heading takes one line (and a blank line
        above it after the first), an aligned provision what ``measure`` says."""
        heights: list[int] = []
        append = heights.append
        changes = self.changes
        for block in self.blocks:
            if block.change < 0:
                append(1 if not heights else 2)
            else:
                append(measure(changes[block.change]))
        return heights

    def _measure_change(self, change: Shown, column: int) -> int:
        """Lines of one aligned unit: plain text is counted on its words (fast); marked
        text on the same spans :meth:`_layout` will wrap, so the index is exact."""
        if self.mode == "renvooi":
            prefix = _renvooi_prefix(change)
            _, indent = _provision_prefix(change.provision)
            return count_wrapped(
                renvooi_spans(change), column, sum(len(t) for t, _ in prefix), indent
            )
        tallest = 1
        marked = change.changed and (
            change.kind in ("moved", "split", "merged")
            or any(op.op != "equal" for op in change.words)
        )
        for side in SIDES:
            if not marked:
                n = sum(
                    count_lines(p.text, column, len(text), indent)
                    for p in _provisions(change, side)
                    for text, indent in (_provision_prefix(p),)
                )
            else:
                n = 0
                for provision, spans in side_parts(change, side):
                    text, indent = _provision_prefix(provision)
                    first = sum(len(t) for t, _ in self._first(change, side, provision, text))
                    n += count_wrapped(spans, column, first, indent)
            tallest = max(tallest, n)
        return tallest

    @staticmethod
    def _first(change: Shown, side: Side, provision: Provision, text: str) -> list[Span]:
        first: list[Span] = [(text, DIM)]
        if (
            side == "old"
            and change.kind in ("moved", "split", "merged")
            and change.new is not None
            and change.new.locatie.artikel != provision.locatie.artikel
        ):
            first = [(f"({provision.locatie.key}) ", DIM), *first]
        return first

    @property
    def height(self) -> int:
        return self._starts[-1]

    def locate(self, y: int) -> tuple[int, int]:
        """(block index, line within the block) of document line ``y``."""
        index = bisect_right(self._starts, y) - 1
        return index, y - self._starts[index]

    def block_y(self, index: int) -> int:
        return self._starts[index]

    def change_y(self, change_index: int) -> int | None:
        """The first line of a change, or None when filtered out."""
        row = self._row_of_change.get(change_index)
        return None if row is None else self._starts[row]

    def row_of_change(self, change_index: int) -> int | None:
        """The block index of a change, or None when filtered out."""
        return self._row_of_change.get(change_index)

    def change_height(self, change_index: int) -> int:
        row = self._row_of_change.get(change_index)
        return 0 if row is None else self._heights[row]

    def artikel_y(self, artikel: str) -> int | None:
        row = self._row_of_artikel.get(artikel)
        return None if row is None else self._starts[row]

    def artikelen(self) -> list[str]:
        seen = [b.artikel for b in self.blocks if b.change < 0]
        return sorted(set(seen), key=article_sort_key)

    # laying out

    def mark_query(self, query: str, side: QuerySide) -> None:
        """Mark ``query`` in the text of ``side`` from now on (blocks are laid out anew)."""
        self.query = query
        self.query_side = side
        self._cache.clear()

    def block_lines(self, index: int) -> list[Row]:
        """The laid-out lines of one block (cached for the current width), each a pair
        (left, right); in renvooi form the one column is the left and the right is empty.
        If the real layout is taller than the cheap measure (markers take room), the index
        is corrected."""
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        block = self.blocks[index]
        rows = self._layout(block)
        if len(self._cache) >= CACHE_BLOCKS:  # scrolled through a whole code: forget
            self._cache.clear()
        height = len(rows)
        if height > self._heights[index] or (not self.exact and block.change >= 0):
            self._grow(index, max(height, 1))
        rows += [((), ())] * (self._heights[index] - height)
        self._cache[index] = rows
        return rows

    def _grow(self, index: int, height: int) -> None:
        delta = height - self._heights[index]
        self._heights[index] = height
        for i in range(index + 1, len(self._starts)):
            self._starts[i] += delta

    def _layout(self, block: DocumentBlock) -> list[Row]:
        column = self.column_width(self.width)
        if block.change < 0:
            return self._heading(block)
        change = self.changes[block.change]
        if self.mode == "renvooi":
            prefix = _renvooi_prefix(change)
            _, indent = _provision_prefix(change.provision)
            skip = {"old": INSERT, "new": DELETE}.get(self.query_side, 0)
            spans = highlight(renvooi_spans(change), self.query, skip)
            return [(line, ()) for line in wrap(spans, column, prefix, indent)]
        columns: list[list[Line]] = []
        for side in SIDES:
            query = self.query if self.query_side in (side, "both") else ""
            lines: list[Line] = []
            for provision, spans in side_parts(change, side):
                text, indent = _provision_prefix(provision)
                first = self._first(change, side, provision, text)
                lines += wrap(highlight(spans, query), column, first, indent)
            columns.append(lines)
        left, right = columns
        if self.swapped:
            left, right = right, left
        height = max(len(left), len(right), 1)
        return [
            (left[i] if i < len(left) else (), right[i] if i < len(right) else ())
            for i in range(height)
        ]

    def _heading(self, block: DocumentBlock) -> list[Row]:
        old = f"Artikel {block.old_artikel}" if block.old_artikel else ""
        new = f"Artikel {block.new_artikel}" if block.new_artikel else ""
        pair: Row
        if self.mode == "renvooi":
            label = new or old
            if old and new and old != new:
                label = f"{old} → {new}"
            pair = (((label, HEADING),), ())
        else:
            left: Line = ((old, HEADING),) if old else ()
            right: Line = ((new, HEADING),) if new else ()
            pair = (right, left) if self.swapped else (left, right)
        return [((), ()), pair] if self._not_first(block) else [pair]

    def _not_first(self, block: DocumentBlock) -> bool:
        return bool(self.blocks) and self.blocks[0] is not block


def _renvooi_prefix(change: Shown) -> list[Span]:
    old, new = change.old, change.new
    provision = change.provision
    text, _ = _provision_prefix(provision)
    indent = "  " * provision.depth
    if old is not None and new is not None and old.number != new.number:
        spans: list[Span] = [(indent, PLAIN)]
        if old.number:
            spans += [("[-", DELETE | MARKER), (old.number, DELETE), ("-]", DELETE | MARKER)]
        if new.number:
            spans += [("{+", INSERT | MARKER), (new.number, INSERT), ("+}", INSERT | MARKER)]
        return [*spans, (" ", PLAIN)]
    return [(text, DIM)]
