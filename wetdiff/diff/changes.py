"""The change set: what differs between two versions, provision by provision.

A :class:`Change` is one aligned unit: an old provision, a new provision, or a pair of
them, with what happened to it (``kinds``) and the word operations inside it. A provision
can be renumbered *and* reworded at once, so ``kinds`` is a set; :attr:`Change.kind` names
the one a lawyer would mention first.

Every change has an id that stays the same when the comparison is run again and when
something unrelated changes elsewhere, so notes can stay attached to it (see
:func:`change_id` and ``docs/diff.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

try:  # what hashlib.blake2b is in CPython, without hashlib loading OpenSSL (~2 ms a start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

from wetdiff.diff.kinds import KIND_ORDER, ChangeKind, primary
from wetdiff.diff.words import WordOp
from wetdiff.model.artikel import Provision
from wetdiff.model.normalise import compare_key
from wetdiff.model.version import Version

if TYPE_CHECKING:
    from wetdiff.diff.citations import StaleCitation

SCHEMA_VERSION = 2  # 2: "stale_citations" (docs/diff.md)


@dataclass(frozen=True, slots=True)
class Change:
    """One aligned provision: ``old`` and/or ``new``, what happened (``kinds``), the word
    operations from old to new, and the ids of the other parts of a split or merger."""

    id: str
    kinds: frozenset[ChangeKind]
    old: Provision | None
    new: Provision | None
    words: tuple[WordOp, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def kind(self) -> ChangeKind:
        """The primary kind: inserted, deleted, split, merged, moved, renumbered,
        rewritten or unchanged (in that order of precedence, :mod:`wetdiff.diff.kinds`)."""
        return primary(self.kinds)

    @property
    def changed(self) -> bool:
        return self.kinds != {"unchanged"}

    @property
    def old_key(self) -> str | None:
        return self.old.locatie.key if self.old else None

    @property
    def new_key(self) -> str | None:
        return self.new.locatie.key if self.new else None

    @property
    def provision(self) -> Provision:
        """The provision this change is about: the new one, or the old one if deleted."""
        provision = self.new or self.old
        assert provision is not None
        return provision

    def to_json(
        self, provision_json: Callable[[Provision | None], dict[str, Any] | None] | None = None
    ) -> dict[str, Any]:
        """The documented JSON form of one change; ``provision_json`` (``_provision_json``
        by default) lets a change set reuse the form of a provision in both versions."""
        as_json = provision_json or _provision_json
        kind, kinds = _kinds_json(self.kinds)
        return {
            "id": self.id,
            "kind": kind,
            "kinds": list(kinds),
            "old": as_json(self.old),
            "new": as_json(self.new),
            "words": [[w.op, w.text] for w in self.words],
            "related": list(self.related),
        }


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """All aligned provisions of two versions in reading order of the new version (the
    unchanged ones too; a deleted provision stands where it stood in the old version).

    ``article_pairs`` pairs the articles: ``(old nr, new nr)`` in reading order, with
    ``None`` on the side where an article was inserted or deleted; ``("273a", "273f")``
    is an article renumbered."""

    old: Version
    new: Version
    changes: tuple[Change, ...]
    article_pairs: tuple[tuple[str | None, str | None], ...] = field(default=())

    def changed(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.changed)

    def __bool__(self) -> bool:
        """True when there is any difference."""
        return any(c.changed for c in self.changes)

    def by_id(self, change_id: str) -> Change | None:
        for change in self.changes:
            if change.id == change_id:
                return change
        return None

    def new_article(self, old_nr: str) -> str | None:
        """The number an old article has in the new version (None if it is gone)."""
        for old, new in self.article_pairs:
            if old == old_nr:
                return new
        return None

    def old_article(self, new_nr: str) -> str | None:
        """The number a new article had in the old version (None if it is new)."""
        for old, new in self.article_pairs:
            if new == new_nr:
                return old
        return None

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes there are of each primary kind."""
        counts = dict.fromkeys(KIND_ORDER, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    def stale_citations(self) -> tuple[StaleCitation, ...]:
        """The citations in the new version that still use an old number: the
        consequential amendments this comparison calls for (:mod:`wetdiff.diff.citations`)."""
        from wetdiff.diff.citations import stale_citations

        return stale_citations(self)

    def to_json(self, stale: tuple[StaleCitation, ...] | None = None) -> dict[str, Any]:
        """The documented JSON form (``docs/diff.md``, ``schema_version`` 2). ``stale``:
        the stale citations when the caller has them already (or has filtered them)."""
        # An unchanged article's provisions are the same objects in both versions: their
        # form is worked out once (and copied, so the result holds no shared dicts).
        known: dict[int, dict[str, Any]] = {}

        def provision_json(provision: Provision | None) -> dict[str, Any] | None:
            if provision is None:
                return None
            found = known.get(id(provision))
            if found is None:
                found = known[id(provision)] = _as_json(provision)
                return found
            return dict(found)

        return {
            "schema_version": SCHEMA_VERSION,
            "old": _version_json(self.old),
            "new": _version_json(self.new),
            "counts": self.counts(),
            "article_pairs": [{"old": o, "new": n} for o, n in self.article_pairs],
            "changes": [c.to_json(provision_json) for c in self.changes],
            "stale_citations": [
                c.to_json() for c in (self.stale_citations() if stale is None else stale)
            ],
        }


def change_id(
    old: Provision | None, new: Provision | None, keys: tuple[str, str] | None = None
) -> str:
    """A stable id for an aligned pair.

    It hashes only what belongs to this change: the old and new locations (``273f/1/2°``)
    and a fingerprint of the old and new text in compare form. Nothing about other
    provisions enters it, so an edit elsewhere leaves it alone, and it does not depend on
    the order in which changes are found. Twelve hex digits (48 bits). ``keys`` are the
    texts' compare forms when the caller has them already."""
    parts = []
    for i, provision in enumerate((old, new)):
        if provision is None:
            parts += ["-", "-"]
        else:
            key = keys[i] if keys is not None else compare_key(provision.text)
            parts += [provision.locatie.key, key]
    return blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


_KINDS_JSON: dict[frozenset[str], tuple[ChangeKind, tuple[str, ...]]] = {}


def _kinds_json(kinds: frozenset[str]) -> tuple[ChangeKind, tuple[str, ...]]:
    """The primary kind and the sorted kinds of a set of kinds (there are few sets)."""
    known = _KINDS_JSON.get(kinds)
    if known is None:
        known = _KINDS_JSON[kinds] = (primary(kinds), tuple(sorted(kinds)))
    return known


def _provision_json(provision: Provision | None) -> dict[str, Any] | None:
    return None if provision is None else _as_json(provision)


def _as_json(provision: Provision) -> dict[str, Any]:
    return {
        "locatie": provision.locatie.key,
        "artikel": provision.locatie.artikel,
        "in_words": provision.locatie.in_words(),
        "number": provision.number,
        "element": provision.kind,
        "role": provision.role,
        "depth": provision.depth,
        "text": provision.text,
    }


def _version_json(version: Version) -> dict[str, Any]:
    return {
        "label": version.label,
        "title": version.title,
        "date": version.date.isoformat() if version.date else None,
        "illustrative": version.illustrative or None,
        "articles": len(version.artikelen),
    }
