"""The diff engine: align two versions provision by provision, then compare words.

``compare(old, new)`` gives a :class:`ChangeSet` of :class:`Change` records, one per
aligned provision, each with its kinds (inserted, deleted, split, merged, moved,
renumbered, rewritten, unchanged: the one table of them is :mod:`wetdiff.diff.kinds`), a
stable id and the :class:`WordOp` word operations inside it.
Pure Python on the statute model: no terminal, no git. Design: ``docs/diff.md``.
"""

from typing import TYPE_CHECKING, Any

from wetdiff.diff.changes import SCHEMA_VERSION, Change, ChangeSet
from wetdiff.diff.compare import compare
from wetdiff.diff.kinds import CHANGE_KINDS, KIND_ORDER, ChangeKind
from wetdiff.diff.words import WordOp, apply_words, word_diff

if TYPE_CHECKING:
    from wetdiff.diff.citations import StaleCitation, stale_citations


def __getattr__(name: str) -> Any:
    """The stale-citation check (and the reference parser under it) loads when first
    asked for: comparing needs neither, and the terminal UI opens without them."""
    if name in ("StaleCitation", "stale_citations"):
        from wetdiff.diff import citations

        return getattr(citations, name)
    raise AttributeError(f"module 'wetdiff.diff' has no attribute {name!r}")


__all__ = [
    "CHANGE_KINDS",
    "KIND_ORDER",
    "SCHEMA_VERSION",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "StaleCitation",
    "WordOp",
    "apply_words",
    "compare",
    "stale_citations",
    "word_diff",
]
