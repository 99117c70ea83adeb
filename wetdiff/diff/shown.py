"""What a view shows: each change once, and the parts of a split or merger together.

A merger is found as one change per old part (the old aanhef of 273f's first lid and its
onderdeel 1° both became the new first lid), and a split as one change per new part.
Each of those changes compares its own old text with the whole new text (or the reverse),
so shown one by one the new first lid would be printed twice: once as the old aanhef with
the whole new text inserted after it, once as the old onderdeel with the aanhef inserted
before it. A :class:`Shown` unit puts the parts of a split or merger together: every old
text once, every new text once, and one word diff between the old texts and the new
ones. Changes that are not part of a split or merger are shown as they are.

The changes themselves stay as they are (their ids, and the notes attached to each part);
the views (``wetdiff diff``, the memo, the TUI) read the units. Docs: docs/diff.md, "Splits
and mergers are shown once".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from wetdiff.diff.changes import Change, ChangeSet
from wetdiff.diff.kinds import primary
from wetdiff.diff.words import WordOp, word_diff
from wetdiff.model.artikel import Provision


@dataclass(frozen=True)
class Shown:
    """One unit a view shows: one change, or all parts of a split or merger (``changes``,
    in reading order). ``olds`` and ``news`` are the distinct old and new provisions, each
    in its own reading order; ``words`` compare the old texts, joined, with the new ones.
    The unit's ``id`` is its first part's."""

    changes: tuple[Change, ...]
    olds: tuple[Provision, ...]
    news: tuple[Provision, ...]
    words: tuple[WordOp, ...]

    @property
    def id(self) -> str:
        return self.changes[0].id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.changes)

    @cached_property
    def kinds(self) -> frozenset[str]:
        kinds = frozenset().union(*(c.kinds for c in self.changes))
        return kinds - {"unchanged"} if kinds != {"unchanged"} else kinds

    @property
    def kind(self) -> str:
        return primary(self.kinds)

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.changes)

    @property
    def grouped(self) -> bool:
        """Whether this unit is the parts of a split or merger."""
        return len(self.changes) > 1

    @property
    def old_key(self) -> str | None:
        """Where the old text stood ("273f/1 + 273f/1/1°" for a merger's parts)."""
        return " + ".join(p.locatie.key for p in self.olds) or None

    @property
    def new_key(self) -> str | None:
        return " + ".join(p.locatie.key for p in self.news) or None

    @property
    def old(self) -> Provision | None:
        return self.olds[0] if self.olds else None

    @property
    def new(self) -> Provision | None:
        return self.news[0] if self.news else None

    @property
    def provision(self) -> Provision:
        provision = self.new or self.old
        assert provision is not None
        return provision


def shown(changeset: ChangeSet, changes: tuple[Change, ...] | None = None) -> tuple[Shown, ...]:
    """The units to show for ``changes`` (default: all of the change set), in reading
    order: a split or merger as one unit where its first part stands."""
    changes = changeset.changes if changes is None else changes
    by_id = {c.id: c for c in changeset.changes}
    order: dict[str, int] | None = None
    done: set[str] = set()
    units: list[Shown] = []
    for change in changes:
        if change.id in done:
            continue
        if not change.related:
            units.append(Shown((change,), _one(change.old), _one(change.new), change.words))
            continue
        group = _group(change, by_id)
        done.update(c.id for c in group)
        if order is None:
            order = _old_order(changeset)
        olds = _distinct([c.old for c in group], order)
        news = _distinct([c.new for c in group], None)
        old_text = " ".join(p.text for p in olds)
        new_text = " ".join(p.text for p in news)
        words = word_diff(old_text, new_text) if old_text != new_text else ()
        if not words and new_text:
            words = (WordOp("equal", new_text),)
        units.append(Shown(tuple(group), olds, news, words))
    return tuple(units)


def _one(provision: Provision | None) -> tuple[Provision, ...]:
    return (provision,) if provision is not None else ()


def _group(change: Change, by_id: dict[str, Change]) -> list[Change]:
    """Every part of the split or merger ``change`` belongs to, in reading order."""
    seen = {change.id}
    todo = list(change.related)
    while todo:
        other = todo.pop()
        if other in seen or other not in by_id:
            continue
        seen.add(other)
        todo.extend(by_id[other].related)
    return [c for c in by_id.values() if c.id in seen]


def _distinct(
    provisions: list[Provision | None], order: dict[str, int] | None
) -> tuple[Provision, ...]:
    found: dict[str, Provision] = {}
    for provision in provisions:
        if provision is not None:
            found.setdefault(provision.locatie.key, provision)
    values = list(found.values())
    if order is not None:
        values.sort(key=lambda p: order.get(p.locatie.key, len(order)))
    return tuple(values)


def _old_order(changeset: ChangeSet) -> dict[str, int]:
    """The reading order of the old version's provisions."""
    order: dict[str, int] = {}
    for artikel in changeset.old.artikelen:
        for provision in artikel.provisions():
            order.setdefault(provision.locatie.key, len(order))
    return order
