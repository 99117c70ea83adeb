"""A note: why a change is there, where the sources say so, and what it answers.

A :class:`Note` is anchored to the words it explains (:class:`Anchor`): a provision path
such as ``273f/1/3°`` and a quoted span of its text with a little context on either side,
so it can be found again after the text is renumbered, moved or edited nearby (see
:mod:`wetdiff.notes.anchor`). Its rationale is the lawyer's own words (Markdown); its
citations point at the documents that support it (memorie van toelichting §, page; a point
of the Raad van State's advice; a consultation response). Where the source is not
available, ``gap`` says why: a citation is never made up to fill the hole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from wetdiff.model.artikel import Locatie
from wetdiff.model.version import article_sort_key

SIDES = ("new", "old")


@dataclass(frozen=True, slots=True)
class Citation:
    """A place in a document: ``document`` (as a lawyer cites it: "Kamerstukken II
    2023/24, 36 547, nr. 3"), ``section`` ("§ 4.2", "punt 3"), ``page``, ``link``.
    Empty or ``"gap"`` where the source does not give it."""

    document: str
    section: str = ""
    page: str = ""
    link: str = ""

    def in_words(self) -> str:
        parts = [self.document]
        if self.section:
            parts.append(self.section)
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "section": self.section or None,
            "page": self.page or None,
            "link": self.link or None,
        }


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note points: the provision (``path``, a :attr:`Locatie.key`), the quoted
    words (``quote``), a few words before and after it, and on which side of the
    comparison those words stand: ``"new"`` (words of the new text; the usual case) or
    ``"old"`` (words of the old text: a deletion)."""

    path: str
    quote: str
    before: str = ""
    after: str = ""
    side: str = "new"

    @property
    def locatie(self) -> Locatie:
        return Locatie.from_key(self.path)

    @property
    def artikel(self) -> str:
        return self.path.partition("/")[0].partition("#")[0]

    def sort_key(self) -> tuple[Any, ...]:
        return path_sort_key(self.path)

    def to_dict(self) -> dict[str, Any]:
        """Its fields by name, in their order (the anchor of a note in JSON)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Note:
    """One note. ``answers`` are question ids; ``gap`` is ``""`` or why the source for this
    rationale is not available.

    A note explains one *step*: ``version`` on a note on the law's own history (the
    in-force date of the version the change created: the step from the version before),
    ``stage`` on a proposal's note (the stage whose text made the change: the step from
    the stage before, or from the proposal's base). ``words`` are the words of the change
    when the note was written ("[-acht-] {+twaalf+}"), so a later edit of the change makes
    the note *stale* (``wetdiff check``) instead of silently explaining other words."""

    id: str
    anchor: Anchor
    rationale: str
    citations: tuple[Citation, ...] = ()
    answers: tuple[str, ...] = ()
    gap: str = ""
    author: str = ""
    version: dt.date | None = None
    source: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)
    stage: str = ""
    words: str = ""
    status: str = ""  # a review comment: "open" or "resolved" (docs/branches.md)
    # A proposal that amends several regelingen: the further one whose change the note
    # explains (its BWB id; "" for the proposal's own regeling).
    regeling: str = ""

    def sort_key(self) -> tuple[Any, ...]:
        """Notes are kept sorted by law-history version, provision, then id, so two
        lawyers adding notes on different provisions touch different parts of the
        file."""
        return (self.version or dt.date.min, path_sort_key(self.anchor.path), self.id)

    @property
    def step(self) -> str:
        """The step the note explains, in words: "2013-04-01" (a law version), "nr2" (a
        proposal's stage) or "" (not recorded: the note is placed by its words)."""
        return self.version.isoformat() if self.version else self.stage

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "anchor": self.anchor.to_dict(),
            "rationale": self.rationale,
            "citations": [c.to_dict() for c in self.citations],
            "answers": list(self.answers),
            "gap": self.gap or None,
            "author": self.author or None,
            "version": self.version.isoformat() if self.version else None,
            "stage": self.stage or None,
            "words": self.words or None,
            "status": self.status or None,
            "file": self.source or None,
            "line": self.line,
        }


def path_sort_key(path: str) -> tuple[Any, ...]:
    """Reading order of provision paths: 273f/2 < 273f/10 < 273fa/1; 1/a < 1/a#2 < 1/b."""
    body, _, alinea = path.partition("#")
    parts = body.split("/")
    return (
        tuple(article_sort_key(part) if part != "-" else ((-2, ""),) for part in parts),
        int(alinea) if alinea.isdigit() else 0,
    )
