"""The one vocabulary of change kinds: what happened to a provision, its sign in the
margin, its Dutch and English name, and the order in which a lawyer mentions it.

Every view reads this table (the CLI's side-by-side, unified and renvooi output, the
TUI's gutter, tree, notes panel and help, the memo, ``log`` and ``check``), so a sign
means the same everywhere and a legend is never typed twice.

A provision can be renumbered *and* reworded at once, so a change has a set of kinds;
:func:`primary` names the one a lawyer would mention first (the structural event before
the rewording), :func:`describe` names them all ("vernummerd en gewijzigd").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal[
    "inserted", "deleted", "split", "merged", "moved", "renumbered", "rewritten", "unchanged"
]
Lang = Literal["nl", "en"]


@dataclass(frozen=True, slots=True)
class KindInfo:
    """One row of the table: the kind, its sign, its names and what the sign means."""

    kind: ChangeKind
    symbol: str  # one cell wide, so it fits the TUI's gutter
    nl: str
    en: str
    meaning: str  # the legend's longer English explanation

    def label(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en


#: In order of precedence: the structural event first, the rewording after it.
TABLE: tuple[KindInfo, ...] = (
    KindInfo("inserted", "+", "ingevoegd", "inserted", "inserted provision"),
    KindInfo("deleted", "-", "vervallen", "deleted", "deleted provision"),
    KindInfo("split", "<", "gesplitst", "split", "split: one old provision became several"),
    KindInfo("merged", ">", "samengevoegd", "merged", "merged: several old provisions became one"),
    KindInfo("moved", "»", "verplaatst", "moved", "moved to another article"),
    KindInfo("renumbered", "#", "vernummerd", "renumbered", "renumbered in its place"),
    KindInfo("rewritten", "~", "gewijzigd", "reworded", "reworded: words changed inside it"),
    KindInfo("unchanged", " ", "ongewijzigd", "unchanged", "unchanged"),
)
BY_KIND: dict[str, KindInfo] = {info.kind: info for info in TABLE}
KIND_ORDER: tuple[ChangeKind, ...] = tuple(info.kind for info in TABLE)
#: The kinds that make a change (everything but "unchanged"), in the same order.
CHANGE_KINDS: tuple[ChangeKind, ...] = KIND_ORDER[:-1]
KINDS = frozenset(KIND_ORDER)


def primary(kinds: Iterable[str]) -> ChangeKind:
    """The kind a lawyer names first: inserted, deleted, split, merged, moved,
    renumbered, rewritten or unchanged (in that order of precedence)."""
    present = set(kinds)
    return next((kind for kind in KIND_ORDER if kind in present), "unchanged")


def in_order(kinds: Iterable[str]) -> tuple[ChangeKind, ...]:
    """The kinds of a change in the table's order, "unchanged" only when nothing else."""
    present = set(kinds)
    found = tuple(kind for kind in CHANGE_KINDS if kind in present)
    return found or ("unchanged",)


def symbol(kind: str) -> str:
    """The one-cell sign of a kind ("?" for a kind the table does not know)."""
    info = BY_KIND.get(kind)
    return info.symbol if info else "?"


def label(kind: str, lang: Lang = "nl") -> str:
    info = BY_KIND.get(kind)
    return info.label(lang) if info else kind


def mark(kinds: Iterable[str]) -> str:
    """The margin sign of a change: its primary kind's sign, then ``~`` when the words
    changed as well (``#~`` renumbered and reworded); empty when nothing changed."""
    present = set(kinds)
    first = primary(present)
    if first == "unchanged":
        return ""
    sign = symbol(first)
    if first != "rewritten" and "rewritten" in present:
        sign += symbol("rewritten")
    return sign


def describe(kinds: Iterable[str], lang: Lang = "nl") -> str:
    """Every kind of a change in words, in the table's order: "vernummerd en gewijzigd",
    "moved, renumbered and reworded"."""
    words = [label(kind, lang) for kind in in_order(kinds)]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + (" en " if lang == "nl" else " and ") + words[-1]


def legend(lang: Lang = "nl") -> str:
    """The signs of the kinds that make a change, on one line: "+ ingevoegd   - vervallen
    …". The same line in the CLI, the TUI's help and the README."""
    return "   ".join(f"{info.symbol} {info.label(lang)}" for info in TABLE[:-1])
