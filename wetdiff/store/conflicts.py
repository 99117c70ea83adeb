"""Which amendments of a stage can be adopted together: every pair, conflict or not.

``wetdiff conflicts 36547/A`` compares each amendment on the stage with the stage, once,
and then each pair of amendments (:func:`wetdiff.diff.merge.conflicts_between`): two
amendments that change different provisions, or disjoint words of one provision,
combine; any other pair conflicts, at a place and of a kind the lawyer is told. An
amendment that another replaces ("ter vervanging van") is left out of the pairs: it is
no longer before the Kamer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wetdiff.diff.merge import Conflict, analyse, conflicts_between
from wetdiff.store.amendments import Amendment, read_amendment
from wetdiff.store.proposals import read_proposal
from wetdiff.store.versions import proposal_stage, resolve

if TYPE_CHECKING:
    from wetdiff.store.snapshot import Snapshot
    from wetdiff.store.workspace import Workspace


CONFLICT, COMBINE, SELF = "✗", "✓", "·"


@dataclass(frozen=True, slots=True)
class Pair:
    """Two amendments: whether they conflict, and where."""

    first: str
    second: str
    conflicts: tuple[Conflict, ...]
    shared: tuple[str, ...]  # the articles both change

    @property
    def conflicting(self) -> bool:
        return bool(self.conflicts)

    def to_json(self) -> dict[str, Any]:
        return {
            "first": self.first,
            "second": self.second,
            "conflict": self.conflicting,
            "shared_articles": list(self.shared),
            "conflicts": [c.to_json() for c in self.conflicts],
        }


@dataclass(frozen=True, slots=True)
class ConflictMatrix:
    """Every pair of the amendments on one stage."""

    proposal: str
    stage: str
    title: str
    amendments: tuple[Amendment, ...]
    touched: tuple[tuple[str, tuple[str, ...]], ...]
    pairs: tuple[Pair, ...]
    replaced: tuple[tuple[str, str], ...] = ()  # (replaced, by)

    @property
    def conflicting(self) -> bool:
        return any(p.conflicting for p in self.pairs)

    def pair(self, a: str, b: str) -> Pair | None:
        for pair in self.pairs:
            if {pair.first, pair.second} == {a, b}:
                return pair
        return None

    def articles(self, amendment: str) -> tuple[str, ...]:
        return dict(self.touched).get(amendment, ())

    def table(self) -> list[str]:
        """The matrix as lines of text: a row and a column per amendment, ✗ where two
        conflict, ✓ where they can be adopted together (signs, never colour alone)."""
        names = [a.id for a in self.amendments]
        if len(names) < 2:
            return []
        width = max(len(n) for n in names)
        lines = [" " * (width + 2) + "  ".join(names)]
        for row in names:
            cells = []
            for column in names:
                pair = self.pair(row, column)
                mark = SELF if pair is None else CONFLICT if pair.conflicting else COMBINE
                cells.append(mark.center(len(column)))
            lines.append((f"{row.ljust(width)}  " + "  ".join(cells)).rstrip())
        return [*lines, "", f"{CONFLICT} conflict  {COMBINE} can be adopted together"]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": 1,
            "proposal": self.proposal,
            "stage": self.stage,
            "title": self.title,
            "amendments": [
                {**a.to_json(), "articles": list(self.articles(a.id))} for a in self.amendments
            ],
            "replaced": [{"amendment": old, "by": new} for old, new in self.replaced],
            "conflict": self.conflicting,
            "pairs": [p.to_json() for p in self.pairs],
        }


def amendments_of(snapshot: Snapshot, proposal: str, on: str | None = None) -> list[Amendment]:
    """The amendments of a proposal (of one stage, with ``on``), in the order of their
    stages."""
    found = []
    for stage in read_proposal(snapshot, proposal).stages:
        if stage.on and (on is None or stage.on == on):
            amendment = read_amendment(snapshot, proposal, stage.id)
            if amendment is not None:
                found.append(amendment)
    return found


def conflict_matrix(workspace: Workspace, spec: str) -> ConflictMatrix:
    """The amendments on a stage (``36547/A``; ``36547``: the bill's latest stage; an
    amendment, or the stage with some adopted: the stage they amend) and every pair of
    them."""
    pid, _, stage_id = spec.strip().partition("/")
    snapshot = workspace.snapshot()
    proposal = read_proposal(snapshot, pid)
    stage = proposal_stage(snapshot, proposal, stage_id.partition("+")[0] or None)
    if stage.on:  # an amendment (or a stage with some adopted): the stage they amend
        stage = proposal_stage(snapshot, proposal, stage.on)
    every = amendments_of(snapshot, pid, stage.id)
    replaced = tuple((a.replaces, a.id) for a in every if any(b.id == a.replaces for b in every))
    gone = {old for old, _ in replaced}
    current = [a for a in every if a.id not in gone]
    base = resolve(f"{pid}/{stage.id}", workspace)
    analysed = [(a.id, analyse(base, a.id, resolve(f"{pid}/{a.id}", workspace))) for a in current]
    pairs = []
    for i, first in enumerate(analysed):
        for second in analysed[i + 1 :]:
            shared = tuple(n for n in first[1] if n in second[1])
            pairs.append(Pair(first[0], second[0], conflicts_between(first, second), shared))
    return ConflictMatrix(
        pid,
        stage.id,
        base.title,
        tuple(current),
        tuple((name, tuple(edits)) for name, edits in analysed),
        tuple(pairs),
        replaced,
    )
