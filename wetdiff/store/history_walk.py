"""The versions of one article in order, through renumberings and into proposals.

``wetdiff log`` and ``wetdiff blame`` both walk this chain: the article's official
versions in legal time (273f's starts with 273a of 2005, renumbered 273f in 2006), then,
when a proposal stage is asked for, the proposal's stages that carry the article. Each
step is one :class:`HistoryStep`: a dated text with what is known of where it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Artikel
from wetdiff.model.files import GAP, VersionMeta
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version
from wetdiff.store import law
from wetdiff.store.history import format_act
from wetdiff.store.layout import article_dir, proposal_ids, stage_file
from wetdiff.store.proposals import Proposal, read_proposal
from wetdiff.store.snapshot import Snapshot
from wetdiff.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class HistoryStep:
    """One version of an article in its history."""

    kind: str  # "law" or "stage"
    label: str  # the version spec that shows it: law@2013-11-15, 36547/nr2
    number: str  # the article's number in this version (273a before 2006)
    date: dt.date | None
    artikel: Artikel | None  # None: the article ceased (repealed, renumbered away)
    certainty: str = GAP
    date_note: str = ""
    act: str = ""
    source_act: str = GAP
    kamerstuk: str = GAP
    note: str = ""
    status: str = "geldend"
    renumbered_from: str = ""
    renumbered_to: str = ""
    answers: tuple[str, ...] = ()
    illustrative: str = ""
    path: str = ""  # the file in the workspace holding this text
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    bwb_id: str = ""  # the regeling of an official version (its label says bare "law")

    @property
    def when(self) -> str:
        return self.date.isoformat() if self.date else GAP


def law_step(bwb_id: str, meta: VersionMeta, artikel: Artikel | None) -> HistoryStep:
    day = meta.in_force.isoformat()
    suffix = "txt" if artikel is not None else "toml"
    return HistoryStep(
        "law",
        f"law@{day}",
        meta.artikel,
        meta.in_force,
        artikel,
        meta.certainty,
        meta.in_force_note,
        format_act(meta),
        meta.source_act,
        meta.kamerstuk,
        meta.source_note,
        meta.status,
        meta.renumbered_from,
        meta.renumbered_to,
        meta.answers,
        path=f"{article_dir(bwb_id, meta.artikel)}/{day}.{suffix}",
        bwb_id=bwb_id,
    )


def find_bwb(workspace: Workspace, snapshot: Snapshot, number: str) -> str | None:
    """The regeling holding an article (the workspace's first that has it)."""
    preferred = [r.bwb_id for r in workspace.config.regelingen]
    present = law.bwb_ids(snapshot)
    for bwb in [b for b in preferred if b in present] + [b for b in present if b not in preferred]:
        if snapshot.is_dir(article_dir(bwb, number)):
            return bwb
    return None


def law_steps(
    workspace: Workspace,
    snapshot: Snapshot,
    number: str,
    until: dt.date | None = None,
    *,
    bwb: str | None = None,
) -> list[HistoryStep]:
    """The article's official versions, oldest first, through its renumberings; with
    ``until``, only those in force by then; ``bwb``: of that regeling (default: the
    workspace's first that has the article)."""
    if bwb is None:
        bwb = find_bwb(workspace, snapshot, number)
    elif not snapshot.is_dir(article_dir(bwb, number)):
        return []
    if bwb is None:
        return []
    versions = law.lineage(snapshot, bwb, number)
    if until is not None:
        versions = [v for v in versions if v.meta.in_force <= until]
    return [law_step(bwb, v.meta, v.artikel) for v in versions]


def stage_steps(
    snapshot: Snapshot,
    proposal: Proposal,
    number: str,
    until_stage: str | None = None,
    *,
    regeling: str = "",
) -> list[HistoryStep]:
    """The stages of a proposal that carry the article, in stage order: the bill's
    stages, up to ``until_stage`` (an amendment: through the stage it amends);
    ``regeling``: the article of a further regeling the proposal amends."""
    steps = []
    stages = proposal.path_to(until_stage) if until_stage else proposal.chain
    for stage in stages:
        rel = stage_file(proposal.id, stage.id, number, regeling)
        text = snapshot.read(rel)
        if text is not None:
            artikel = parse(text, source=snapshot.where(rel), strict=False)
            steps.append(
                HistoryStep(
                    "stage",
                    f"{proposal.id}/{stage.id}",
                    number,
                    stage.date,
                    artikel,
                    "",
                    stage.date_note,
                    f"{proposal.display_name}, {stage.name}",
                    illustrative=proposal.illustrative,
                    path=rel,
                )
            )
        if stage.id == until_stage:
            break
    return steps


def all_stage_steps(
    snapshot: Snapshot, number: str, bwb: str | None = None
) -> list[tuple[Proposal, list[HistoryStep]]]:
    """Each proposal's stages that carry the article; ``bwb``: the article of that
    regeling (a proposal that does not amend it has none)."""
    found = []
    for pid in proposal_ids(snapshot):
        proposal = read_proposal(snapshot, pid)
        folder = further_folder(proposal, bwb)
        if folder is None:
            continue
        steps = stage_steps(snapshot, proposal, number, regeling=folder)
        if steps:
            found.append((proposal, steps))
    return found


def further_folder(proposal: Proposal, bwb: str | None) -> str | None:
    """Where a proposal's stages hold the articles of regeling ``bwb``: "" (its own, or
    any when ``bwb`` is None), the BWB id (a further regeling it amends), or None (it
    does not amend it)."""
    own, *further = proposal.regelingen
    if bwb is not None and bwb in further:
        return bwb
    return "" if bwb is None or own in ("", bwb) else None


def single(step: HistoryStep, number: str | None = None) -> Version:
    """One step as a one-article :class:`Version` for the diff engine; ``number``
    renames it (to compare 273a of 2005 with 273f of 2006 by wording)."""
    assert step.artikel is not None
    artikel = law.as_number(step.artikel, number or step.number)
    return Version(step.label, step.label, (artikel,), step.date)


def require_article(steps: list[HistoryStep], number: str, spec: str = "") -> None:
    if not steps:
        raise WetdiffError(
            f"artikel {number} has no versions in this workspace"
            + (f" up to {spec}" if spec else ""),
            hint="Check the number (e.g. 273f), or see 'wetdiff versions'.",
        )
