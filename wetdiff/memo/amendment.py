"""The memo of an amendment: the stage it amends → the amendment (or the stage with
several adopted: ``36547/A`` → ``36547/A+am-12+am-15``).

Such a memo says who tabled each amendment, when, what it replaces and why (its
toelichting), lists the questions its changes answer (not the bill's whole registry),
and gives its wijzigingsopdrachten in the form the Kamer prints them, relative to the
bill (:mod:`wetdiff.instructions.amendment`), proven by carrying them out on the stage.
"""

from __future__ import annotations

from wetdiff.instructions.amendment import generate
from wetdiff.memo.model import Instructions, MemoAmendment
from wetdiff.memo.rationale import parse as parse_rationale
from wetdiff.model.version import Version


def amendment_memo(
    old: Version, new: Version
) -> tuple[tuple[MemoAmendment, ...], Instructions] | None:
    """The amendments ``old`` → ``new`` adopts, and their instructions; None when the
    comparison is not one of a stage with its amendments."""
    if (
        old.kind != "stage"
        or new.kind != "stage"
        or not new.proposal
        or old.proposal != new.proposal
        or ":" in old.label
        or ":" in new.label
        or old.base is None
    ):
        return None
    from wetdiff.store.amendments import read_amendment
    from wetdiff.store.proposals import read_proposal
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    snapshot = workspace.snapshot()
    proposal = read_proposal(snapshot, new.proposal)
    head, _, adopted = new.stage.partition("+")
    names = [a for a in adopted.split("+") if a] if adopted else [head]
    found = []
    for name in names:
        amendment = read_amendment(snapshot, new.proposal, name)
        if amendment is None or amendment.on != old.stage:
            return None
        if adopted and head != old.stage:
            return None
        found.append(
            MemoAmendment(
                amendment.id,
                amendment.name,
                amendment.cite(proposal.kamerstuk),
                f"{new.proposal}/{amendment.on}",
                ", ".join(amendment.indieners) or "gap",
                amendment.date.isoformat() if amendment.date else "gap",
                amendment.replaces,
                amendment.title,
                amendment.toelichting,
                parse_rationale(amendment.toelichting),
            )
        )
    made = generate(old.base, old, new)
    instructions = Instructions(made.text, old.label, made.proven, made.restated, made.problem)
    return tuple(found), instructions
