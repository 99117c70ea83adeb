"""Terminal views of a change set: side by side and renvooi (rich), unified (plain).

Statute text is data: it only ever enters rich as :class:`rich.text.Text` built from
plain strings with styles attached, never as markup, so ``[bold]`` in a statute prints as
``[bold]``. Control characters are shown as visible symbols. Marks never rely on colour
alone: deletions are struck and insertions underlined, and when colour is off (``--no-color``,
``NO_COLOR``, or output that is not a terminal, where rich drops all styling) the words are
also bracketed as ``[-deleted-]`` and ``{+inserted+}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from wetdiff.cli.diff_plain import (
    DELETED,
    INSERTED,
    STALE_HEADING,
    STALE_INTRO,
    Why,
    clean,
    fit_heading,
    lead,
    stale_line,
    version_heading,
    why_lines,
)
from wetdiff.diff import ChangeSet, StaleCitation, WordOp
from wetdiff.diff.kinds import describe, legend, mark
from wetdiff.diff.shown import Shown


def make_console(file: IO[str] | None, *, width: int | None, no_color: bool) -> Console:
    return Console(
        file=file,
        width=width,
        no_color=no_color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def plain_marks(console: Console) -> bool:
    """Whether words must carry bracket marks because styles will not show."""
    return console.no_color or not console.is_terminal or console.color_system is None


def words_text(ops: Iterable[WordOp], *, side: str, marks: bool) -> Text:
    """The word operations as styled text. ``side`` is ``old`` (show deletions),
    ``new`` (show insertions) or ``both`` (renvooi: deletions and insertions inline)."""
    text = Text()
    for op in ops:
        piece = clean(op.text)
        if op.op == "equal":
            text.append(piece)
        elif op.op == "delete" and side in ("old", "both"):
            text.append("[-" if marks else "")
            text.append(piece, DELETED)
            text.append("-]" if marks else "")
        elif op.op == "insert" and side in ("new", "both"):
            text.append("{+" if marks else "")
            text.append(piece, INSERTED)
            text.append("+}" if marks else "")
    return text


def _cell(change: Shown, side: str, marks: bool, article: str) -> Padding | Text:
    """One side of a row: the number, then the text with the words that changed marked;
    wrapped lines hang under the provision's indentation. A provision from or to another
    article than the row's (a move) says where it stands; the parts of a split or merger
    stand together, each text once."""
    provision = change.old if side == "old" else change.new
    if provision is None:
        return Text()
    cell = Text()
    if provision.locatie.artikel != article:
        cell.append(clean(f"({provision.locatie.in_words()}) "), "italic")
    cell.append(clean(lead(provision).lstrip(" ")), "bold" if provision.depth == 0 else "")
    if change.changed and change.words:
        cell.append_text(words_text(change.words, side=side, marks=marks))
    else:
        cell.append(
            clean(" ".join(p.text for p in (change.olds if side == "old" else change.news)))
        )
    indent = len(lead(provision)) - len(lead(provision).lstrip(" "))
    return Padding(cell, (0, 0, 0, indent)) if indent else cell


def _articles(
    changeset: ChangeSet, changes: Iterable[Shown]
) -> Iterator[tuple[tuple[str, str], list[Shown]]]:
    """Changes grouped by the pair of articles they belong to (old nr, new nr; "" where
    an article is new or gone), in order."""
    to_new = {o: n for o, n in changeset.article_pairs if o is not None}
    to_old = {n: o for o, n in changeset.article_pairs if n is not None}
    current: tuple[str, str] | None = None
    group: list[Shown] = []
    for change in changes:
        if change.new is not None:
            new_nr: str | None = change.new.locatie.artikel
        else:
            assert change.old is not None
            new_nr = to_new.get(change.old.locatie.artikel)
        if new_nr is not None:
            key = (to_old.get(new_nr) or "", new_nr)
        else:
            assert change.old is not None
            key = (change.old.locatie.artikel, "")
        if key != current:
            if group and current is not None:
                yield current, group
            current, group = key, []
        group.append(change)
    if group and current is not None:
        yield current, group


_GUTTER = 3  # the middle column, for the change's sign
_SPACING = 6  # two column rules and the padding beside them


def _table(old_heading: Text | None = None, new_heading: Text | None = None) -> Table:
    """The two-column grid; every article gets its own (so output streams and a whole
    code is never measured at once), all with the same column widths."""
    table = Table(
        box=box.SIMPLE_HEAD if old_heading else None,
        expand=True,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        show_header=old_heading is not None,
    )
    table.add_column(old_heading or Text(""), ratio=1, overflow="fold")
    table.add_column(Text(""), width=_GUTTER, no_wrap=True)
    table.add_column(new_heading or Text(""), ratio=1, overflow="fold")
    return table


def _headings(console: Console, changeset: ChangeSet) -> Table:
    """The grid with both versions' headings, each on one line of its column: a long path
    is shortened from the left (the file's name stays whole), never wrapped mid-name."""
    column = max((console.width - _GUTTER - _SPACING) // 2, 8)
    old, new = (fit_heading(version_heading(changeset, side), column) for side in ("old", "new"))
    return _table(Text(old), Text(new))


def side_by_side(
    console: Console, changeset: ChangeSet, changes: tuple[Shown, ...], why: Why | None = None
) -> None:
    """Old and new in two columns, each provision on one row with its partner (the parts
    of a split or merger on one row), and under it the notes that explain it."""
    marks = plain_marks(console)
    first = True
    for (old_nr, new_nr), group in _articles(changeset, changes):
        if first:
            table = _headings(console, changeset)
            first = False
        else:
            table = _table()
            table.add_row(Text(""), Text(""), Text(""))
        table.add_row(
            Text(f"Artikel {old_nr}" if old_nr else "", "bold"),
            Text(""),
            Text(f"Artikel {new_nr}" if new_nr else "", "bold"),
        )
        for change in group:
            table.add_row(
                _cell(change, "old", marks, old_nr),
                Text(mark(change.kinds), "bold"),
                _cell(change, "new", marks, new_nr),
            )
            for line in why_lines(change, why):
                table.add_row(Text(""), Text(""), Text(line, "dim italic"))
        console.print(table)
    if first:  # nothing to show (e.g. --changed-only without changes)
        console.print(_headings(console, changeset))
    console.print(Text(legend("nl"), "dim"))


def renvooi(
    console: Console, changeset: ChangeSet, changes: tuple[Shown, ...], why: Why | None = None
) -> None:
    """The new text with deletions struck and insertions underlined, inline, as in a
    parliamentary renvooi; each changed provision headed by where it stands and what
    happened to it (the parts of a split or merger once, together), then the notes that
    explain it."""
    marks = plain_marks(console)
    console.print(
        Text(f"{version_heading(changeset, 'old')} → {version_heading(changeset, 'new')}", "bold")
    )
    for (old_nr, new_nr), group in _articles(changeset, changes):
        heading = f"Artikel {new_nr or old_nr}"
        if old_nr and new_nr and old_nr != new_nr:
            heading += f" (was artikel {old_nr})"
        elif not new_nr:
            heading += " (vervallen)"
        elif not old_nr:
            heading += " (nieuw)"
        console.print()
        console.print(Text(clean(heading), "bold"))
        for change in group:
            provision = change.provision
            prefix = lead(provision)
            indent = len(prefix) - len(prefix.lstrip(" "))
            line = Text(clean(prefix.lstrip(" ")))
            line.append_text(words_text(change.words, side="both", marks=marks))
            if change.changed:
                note = f"  [{provision.locatie.in_words()}: {describe(change.kinds)}"
                if change.olds and change.news and change.old_key != change.new_key:
                    note += "; was " + " en ".join(p.locatie.in_words() for p in change.olds)
                note += "]"
                line.append(clean(note), "dim italic")
            console.print(Padding(line, (0, 0, 0, indent)) if indent else line)
            for why_line in why_lines(change, why):
                text = Text(why_line, "dim italic")
                console.print(Padding(text, (0, 0, 0, indent + 4)))


def stale_citations(
    console: Console, stale: tuple[StaleCitation, ...], fixes: tuple[str, ...] = ()
) -> None:
    """The consequential amendments: provisions that still cite an old number, each with
    its proven instruction or the question it leaves (``fixes``)."""
    if not stale:
        return
    console.print()
    console.print(Text(f"{STALE_HEADING} ({len(stale)})", "bold"))
    console.print(Text(STALE_INTRO))
    for citation, fix in zip(stale, fixes or ("",) * len(stale), strict=True):
        line = Text("  ")
        line.append(stale_line(citation))
        line.append(f"  [{citation.change_id}]", "dim")
        console.print(line)
        if fix:
            console.print(Text(f"    → {clean(fix)}", "italic"))
