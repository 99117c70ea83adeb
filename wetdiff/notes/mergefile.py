"""Merging notes and questions files by id: what git runs when two branches meet.

Two reviewers who each add notes to ``proposals/36547/notes.toml`` change the same file,
often next to each other: git's line merge would call that a conflict. These files are
lists of blocks (``[[note]]``, ``[[question]]``) with an ``id`` each, so they are merged
block by block, by id, three ways (the common ancestor, ours, theirs):

* a block only one side added, changed or deleted takes that side's version;
* a block both sides changed alike is taken once;
* a block both sides changed differently (or one changed and the other deleted, or both
  added with one id and different contents) is one conflict, written between git's
  markers with both versions, named by its id. Reading the file then fails with one
  message naming the file, the line and the id (``wetdiff check`` exits 2) until the
  lawyer keeps one version.

The text outside the blocks (the header comment) is merged the same way as one piece.
A side that cannot be read block by block (not TOML, an id twice) is left to git's own
line merge. ``wetdiff init`` registers the driver (docs/branches.md).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from wetdiff.errors import WetdiffError

TABLES = ("note", "question")
_HEADER = re.compile(r"^\s*\[\[\s*(note|question)\s*\]\]\s*(?:#.*)?$")
_ID = re.compile(r"""^\s*id\s*=\s*(?:"([^"]*)"|'([^']*)')""")
START, MIDDLE, END = "<<<<<<< ", "=======", ">>>>>>> "


@dataclass(frozen=True, slots=True)
class IdBlock:
    """One ``[[note]]`` or ``[[question]]`` with everything up to the next: its text and
    what it says (the parsed table, for comparing two versions)."""

    id: str
    text: str
    data: Any


@dataclass(frozen=True, slots=True)
class BlockFile:
    table: str
    preamble: str
    blocks: dict[str, IdBlock]  # in the order of the file


@dataclass(frozen=True, slots=True)
class MergedFile:
    """The merged text and the ids that conflict (with what happened on each side)."""

    text: str
    conflicts: tuple[str, ...]
    table: str


def split(text: str) -> BlockFile | None:
    """The blocks of a notes or questions file by id, or None when it cannot be read
    block by block (not TOML, a block without an id, an id twice, conflict markers)."""
    lines = text.splitlines(keepends=True)
    preamble: list[str] = []
    raw: list[list[str]] = []
    table = ""
    for line in lines:
        if line.startswith((START, END)) or line.rstrip("\r\n") == MIDDLE:
            return None
        match = _HEADER.match(line)
        if match:
            if table and match.group(1) != table:
                return None
            table = match.group(1)
            raw.append([line])
        elif raw:
            raw[-1].append(line)
        else:
            preamble.append(line)
    try:  # before the first block: comments only (anything else is not ours to merge)
        if tomllib.loads("".join(preamble)):
            return None
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    blocks: dict[str, IdBlock] = {}
    for part in raw:
        block_text = "".join(part)
        try:
            data = tomllib.loads(block_text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return None
        items = data.get(table)
        if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict):
            return None
        identifier = items[0].get("id")
        if not isinstance(identifier, str) or identifier in blocks:
            return None
        blocks[identifier] = IdBlock(identifier, block_text, data)
    return BlockFile(table, "".join(preamble), blocks)


def merge_texts(base: str, ours: str, theirs: str) -> MergedFile | None:
    """The three-way merge of one notes or questions file by id, or None when a side
    cannot be read block by block (git's line merge then does what it can)."""
    parsed = [split(t) for t in (base, ours, theirs)]
    if any(p is None for p in parsed):
        return None
    b, o, t = parsed
    assert b is not None and o is not None and t is not None
    tables = {p.table for p in (b, o, t) if p.table}
    if len(tables) > 1:
        return None
    table = tables.pop() if tables else "note"
    preamble = _three_way(b.preamble, o.preamble, t.preamble) or o.preamble
    order = _order(o, t)
    pieces: list[str] = []
    conflicts: list[str] = []
    for identifier in order:
        was, mine, other = (p.blocks.get(identifier) for p in (b, o, t))
        chosen, clash = _choose(was, mine, other)
        if clash:
            conflicts.append(identifier)
            pieces.append(_conflict(table, identifier, mine, other, was is None))
        elif chosen is not None:
            pieces.append(chosen.text.rstrip() + "\n")
    head = preamble.rstrip()
    parts = ([head + "\n"] if head else []) + pieces
    return MergedFile("\n".join(parts), tuple(conflicts), table)


def _data(block: IdBlock | None) -> Any:
    return None if block is None else block.data


def _choose(
    was: IdBlock | None, mine: IdBlock | None, other: IdBlock | None
) -> tuple[IdBlock | None, bool]:
    """The version to keep (None: deleted), or a conflict."""
    if _data(mine) == _data(other):
        return mine if mine is not None else other, False
    if _data(mine) == _data(was):
        return other, False
    if _data(other) == _data(was):
        return mine, False
    return None, True


def _three_way(was: str, mine: str, other: str) -> str | None:
    if mine == other or other == was:
        return mine
    if mine == was:
        return other
    return None


def _order(mine: BlockFile, other: BlockFile) -> list[str]:
    """Our blocks in our order, each block only they have after the block it follows in
    their file (or, first in their file, before the block it precedes there)."""
    order = list(mine.blocks)
    theirs = list(other.blocks)
    for index, identifier in enumerate(theirs):
        if identifier in order:
            continue
        before = next((theirs[i] for i in range(index - 1, -1, -1) if theirs[i] in order), None)
        after = next((t for t in theirs[index + 1 :] if t in order), None)
        if before is not None:
            at = order.index(before) + 1
            while at < len(order) and order[at] not in other.blocks:
                at += 1  # ours added there too: ours first, then theirs
            order.insert(at, identifier)
        elif after is not None:
            order.insert(order.index(after), identifier)
        else:
            order.append(identifier)
    return order


def _conflict(
    table: str, identifier: str, mine: IdBlock | None, other: IdBlock | None, added: bool
) -> str:
    what = "added on both sides, differently" if added else "changed on both sides"
    if mine is None or other is None:
        what = "changed on one side and deleted on the other"
    side = [
        (block.text.rstrip() + "\n") if block is not None else "# (deleted on this side)\n"
        for block in (mine, other)
    ]
    return (
        f"{START}ours: {table} {identifier} {what}\n{side[0]}{MIDDLE}\n{side[1]}"
        f"{END}theirs: {table} {identifier}\n"
    )


def refuse_conflict_markers(text: str, source: str) -> None:
    """One clear error for a notes or questions file that still holds a merge conflict:
    the line where it starts and the note or question it is about."""
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.startswith(START):
            continue
        inside = []
        for later in lines[number:]:
            if later.startswith(END):
                break
            inside.append(later)
        ids = []
        for candidate in inside:
            found = _ID.match(candidate)
            if found:
                ids.append(found.group(1) if found.group(1) is not None else found.group(2))
        kinds = {m.group(1) for m in map(_HEADER.match, inside) if m}
        kind = kinds.pop() if len(kinds) == 1 else "block"
        named = f"{kind} {ids[0]}" if ids and len(set(ids)) == 1 else f"the {kind}s here"
        raise WetdiffError(
            f"merge conflict: {named} was changed on both sides (git left both versions "
            "between <<<<<<< and >>>>>>>)",
            file=source,
            line=number,
            hint="Keep one version (or combine them), delete the marker lines, then "
            "'git add' the file and commit the merge.",
        )
