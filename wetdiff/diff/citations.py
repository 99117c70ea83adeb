"""Citations to update: provisions of the new version that still cite an old number.

When a change renumbers, moves or deletes a provision, every citation of it elsewhere in
the code must be amended too (the *consequential amendments*, Aanwijzingen voor de
regelgeving 6.13 ff.). They are easy to forget: after 273a became 273f on 1 September
2006, articles 5, 5a, 71 and 77d kept citing "273a" — by then the number of another
article — until 2007.

The test is the meaning of the citation words. A citation that stands, in the same
words, in a provision of both versions meant a provision of the *old* version there
(resolved where the provision stood); followed through the change set that provision
now has a new place. If the same words read in the new version (resolved where the
provision now stands) point somewhere else, the citation is stale. That covers:

* "artikel 273a" in article 5 after 273a became 273f (and another article took 273a);
* "het zesde lid" inside an article whose sixth lid became the seventh;
* "onder 1°" in a provision that moved to another article, away from its 1°;
* any citation of a provision that was deleted or whose article was repealed.

A citation the drafter rewrote, or one in an inserted provision, was written against
the new numbering and is left alone. Citations of other regelingen are not this code's
and are left out (see :mod:`wetdiff.model.references`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wetdiff.model.artikel import Locatie, Provision, Reference
from wetdiff.model.references import extract_references

if TYPE_CHECKING:
    from wetdiff.diff.changes import ChangeSet

# What a change does to a provision's place; a change without these leaves it where it was.
_ELSEWHERE = frozenset({"renumbered", "moved", "split", "merged", "deleted"})
_NUMBER = re.compile(r"\d+[a-z]*")
# Every relative citation names a lid or onderdeel ("het derde lid", "onder 2°", "sub a").
_RELATIVE_WORDS = re.compile(r"\b(?:lid|leden|onder\w*|sub)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StaleCitation:
    """A citation in the new version that still uses an old number.

    ``locatie`` is the citing provision in the new version, ``text`` the citation words
    as they stand there, ``old_target`` what they cited in the old version, and
    ``new_target`` where that provision is now (``None``: deleted or repealed).
    ``reads_as`` is what the words point at in the new version as they stand.

    ``also`` lists the other places where parts of the cited provision now stand (its
    onderdelen moved to another lid or article, as when 273f lid 1 was split over lid 1,
    lid 2 and a new 273fb): then the citation may still point right, yet cover only part
    of what it did; ``kind`` is ``"stale"`` (it points elsewhere now) or ``"partial"``
    (to check: it points at one of the places the provision went).

    ``regeling`` and ``bwb_id`` name the regeling the citing provision is in when it is
    another one than the compared code (which it cites by name: "artikel 273f van het
    Wetboek van Strafrecht"); both "" for a provision of the compared code itself."""

    locatie: Locatie
    text: str
    old_target: Locatie
    new_target: Locatie | None
    reads_as: Locatie
    change_id: str
    relative: bool = False
    also: tuple[Locatie, ...] = ()
    regeling: str = ""
    bwb_id: str = ""

    @property
    def kind(self) -> str:
        return "partial" if self.new_target == self.reads_as else "stale"

    def in_words(self) -> str:
        """ "artikel 5a, eerste lid cites «273a» (artikel 273a), now artikel 273f"."""
        now = self.new_target.in_words() if self.new_target else "deleted"
        also = "".join(f", and {place.in_words()}" for place in self.also)
        return f"{self.where()} cites «{self.text}» ({self.old_target.in_words()}), now {now}{also}"

    def where(self) -> str:
        """The citing provision in words, with its regeling when it is another one:
        "Wet testregeling mensenhandel (BWBR0099999), artikel 2"."""
        where = self.locatie.in_words()
        return f"{self.regeling} ({self.bwb_id}), {where}" if self.regeling else where

    def to_json(self) -> dict[str, Any]:
        return {
            "locatie": self.locatie.key,
            "in_words": self.where(),
            "regeling": self.regeling or None,
            "bwb_id": self.bwb_id or None,
            "text": self.text,
            "relative": self.relative,
            "old_target": self.old_target.key,
            "new_target": self.new_target.key if self.new_target else None,
            "reads_as": self.reads_as.key,
            "also": [place.key for place in self.also],
            "kind": self.kind,
            "change_id": self.change_id,
        }


class Relocations:
    """Where each provision and article of the old version is in the new one."""

    def __init__(self, changeset: ChangeSet) -> None:
        self.articles: dict[str, str | None] = {}
        new_by_number = {a.number: a for a in changeset.new.artikelen}
        old_by_number = {a.number: a for a in changeset.old.artikelen}
        for old_nr, new_nr in changeset.article_pairs:
            if old_nr is None:
                continue
            successor = new_by_number.get(new_nr) if new_nr else None
            former = old_by_number.get(old_nr)
            gone = (
                successor is not None and successor.vervallen and not (former and former.vervallen)
            )
            self.articles[old_nr] = None if gone else new_nr
        self.elements: dict[Locatie, Locatie | None] = {}
        self.parts: dict[Locatie, set[Locatie]] = {}
        for change in changeset.changes:
            provision = change.old
            if (
                provision is None
                or provision.locatie.alinea != 0
                or change.kinds.isdisjoint(_ELSEWHERE)
            ):
                continue  # not an element's start, or still where it was
            here = provision.locatie.element()
            there = change.new.locatie.element() if change.new else None
            if there is not None and here.lid is not None and "deleted" not in change.kinds:
                # where the parts of a lid went, at lid level ("273f/1" → "273fb/1")
                self.parts.setdefault(Locatie(here.artikel, here.lid), set()).add(
                    Locatie(there.artikel, there.lid)
                )
            known = self.elements.get(here, False)
            if known is False or (known is None and there is not None) or there == here:
                self.elements[here] = there  # a split: the part that stayed in place
        deleted = {element for element, there in self.elements.items() if there is None}
        if deleted:  # an element whose own words went, while its onderdelen stayed
            for change in changeset.changes:
                old, new = change.old, change.new
                if (
                    old is None
                    or new is None
                    or not old.locatie.onderdelen
                    or not new.locatie.onderdelen
                ):
                    continue
                parent = Locatie(old.locatie.artikel, old.locatie.lid, old.locatie.onderdelen[:-1])
                if parent in deleted:
                    deleted.discard(parent)
                    self.elements[parent] = Locatie(
                        new.locatie.artikel, new.locatie.lid, new.locatie.onderdelen[:-1]
                    )
        self._changeset = changeset
        self._new_elements: set[Locatie] | None = None
        self.affected = {nr for nr, new_nr in self.articles.items() if new_nr != nr}
        self.affected |= {e.artikel for e, there in self.elements.items() if there != e}

    def elsewhere(self, target: Locatie, now: Locatie) -> tuple[Locatie, ...]:
        """The other lids where parts of a cited lid now stand, besides ``now`` (only
        for a citation of a whole lid: a citation of one onderdeel follows it alone); for
        a citation of a whole article, the other articles its parts went to (273f's
        voordeeltrekking moved to 273fb: does "artikel 273f" in art. 5 still cover it?)."""
        if target.lid is None and not target.onderdelen:
            return tuple(
                sorted(
                    {
                        Locatie(place.artikel)
                        for lid, places in self.parts.items()
                        if lid.artikel == target.artikel
                        for place in places
                        if place.artikel not in (target.artikel, now.artikel)
                    }
                )
            )
        if target.lid is None or target.onderdelen:
            return ()
        places = self.parts.get(Locatie(target.artikel, target.lid), set())
        return tuple(sorted(p for p in places if p != Locatie(now.artikel, now.lid)))

    def still_there(self, element: Locatie) -> bool:
        """Whether the new version has an element at this place (a lid replaced whole
        where it stood is aligned as deleted + inserted, yet is still there)."""
        if self._new_elements is None:
            changeset = self._changeset
            repealed = {a.number for a in changeset.new.artikelen if a.vervallen}
            found = {
                c.new.locatie.element()
                for c in changeset.changes
                if c.new and c.new.locatie.artikel not in repealed
            }
            found |= {
                Locatie(a.number) for a in changeset.new.artikelen if a.number not in repealed
            }
            self._new_elements = found
        return element in self._new_elements

    def now(self, target: Locatie) -> tuple[bool, Locatie | None]:
        """(known, where the old provision ``target`` is now). Not known: the old version
        has no such article, so nothing can be said about the citation."""
        if target.artikel not in self.articles:
            return False, None
        new_nr = self.articles[target.artikel]
        if target.lid is None and not target.onderdelen:  # the article as a whole
            return True, Locatie(new_nr) if new_nr else None
        element = Locatie(target.artikel, target.lid, target.onderdelen)
        if element in self.elements:
            return True, self.elements[element]
        # Not moved, renumbered or deleted itself (or no element of the old version):
        # it stands where it stood in its article.
        return True, Locatie(new_nr, target.lid, target.onderdelen) if new_nr else None


def _references(provision: Provision, regeling: str) -> dict[tuple[str, str, int], Reference]:
    """The citations of a provision, keyed so that the same citation in the old and the
    new text gets the same key: its words, what an absolute citation names (a list "de
    artikelen 243 tot en met 247" gives several citations with the words "247"), and how
    often that came before. A relative citation ("het eerste lid") is keyed by its words
    alone: what it names depends on where it stands, and that is what is checked."""
    seen: dict[tuple[str, str], int] = {}
    keyed: dict[tuple[str, str, int], Reference] = {}
    for reference in extract_references(provision.text, provision.locatie, regeling=regeling):
        names = "" if reference.relative else reference.target.key
        count = seen.get((reference.text, names), 0)
        seen[(reference.text, names)] = count + 1
        keyed[(reference.text, names, count)] = reference
    return keyed


def stale_citations(changeset: ChangeSet) -> tuple[StaleCitation, ...]:
    """Every citation in the new version that still points at an old place, in reading
    order of the new version: the consequential amendments this change set calls for."""
    places = Relocations(changeset)
    if not places.affected:
        return ()
    regeling = changeset.new.regeling or changeset.old.regeling
    found: list[StaleCitation] = []
    for change in changeset.changes:
        old, new = change.old, change.new
        if old is None or new is None:
            continue
        # A citation can only have gone stale if it names an article whose numbering
        # changed, or if it is relative and its own article's numbering changed or the
        # provision moved (cheap tests first: a whole code has thousands of provisions).
        relative = (
            old.locatie.artikel != new.locatie.artikel or old.locatie.artikel in places.affected
        )
        if not (relative and _RELATIVE_WORDS.search(old.text)) and places.affected.isdisjoint(
            _NUMBER.findall(new.text)
        ):
            continue
        before = _references(old, regeling)
        if not before:
            continue
        after = (
            before
            if (old.text == new.text and old.locatie == new.locatie)
            else _references(new, regeling)
        )  # same words at the same place: same citations
        for key, reference in after.items():
            then = before.get(key)
            if then is None:
                continue  # words written for the new version
            known, now = places.now(then.target)
            if not known:
                continue
            also: tuple[Locatie, ...] = ()
            if now == reference.target:
                also = places.elsewhere(then.target, now) if now is not None else ()
                if not also:
                    continue  # points right, at all of what it cited
            elif (
                now is None
                and then.target == reference.target
                and places.still_there(reference.target)
            ):
                continue  # replaced where it stood (a lid rewritten whole): still there
            found.append(
                StaleCitation(
                    new.locatie,
                    reference.text,
                    then.target,
                    now,
                    reference.target,
                    change.id,
                    reference.relative,
                    also,  # non-empty: points right, but at only part of what it cited
                )
            )
    return tuple(found)
