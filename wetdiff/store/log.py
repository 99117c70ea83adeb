"""``wetdiff log ARTICLE``: every version of an article, newest first.

For each version: its date (legal time) and how certain it is, the act that made it, what
changed against the version before (a summary from the diff engine, provision by
provision, with the words), the rationale and the questions it answers, and the commits
that recorded it (record time: who, when, why). An article's history crosses its
renumberings: 273f's log ends with artikel 273a as it took effect in 2005.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wetdiff.diff import ChangeSet, WordOp, compare
from wetdiff.diff.kinds import describe
from wetdiff.diff.shown import shown
from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import compare_key
from wetdiff.model.text_format import render
from wetdiff.store.commits import CommitInfo
from wetdiff.store.history_walk import (
    HistoryStep,
    all_stage_steps,
    further_folder,
    law_steps,
    require_article,
    single,
)
from wetdiff.store.other_articles import with_other_articles
from wetdiff.store.proposals import Proposal
from wetdiff.store.workspace import Workspace

MAX_EDITS = 3
MAX_WORDS = 70


@dataclass(frozen=True, slots=True)
class LogEntry:
    step: HistoryStep
    compared_with: str  # the label of the version before ("" for the first)
    changes: tuple[str, ...]  # one line per changed provision, in words
    counts: dict[str, int]
    commits: tuple[CommitInfo, ...]
    changeset: ChangeSet | None = field(default=None, compare=False)  # for attaching notes

    def to_json(self) -> dict[str, Any]:
        s = self.step
        return {
            "version": s.label,
            "kind": s.kind,
            "artikel": s.number,
            "date": s.date.isoformat() if s.date else None,
            "certainty": s.certainty or None,
            "date_note": s.date_note or None,
            "source": s.act,
            "source_act": s.source_act,
            "kamerstuk": s.kamerstuk,
            "status": s.status,
            "renumbered_from": s.renumbered_from or None,
            "renumbered_to": s.renumbered_to or None,
            "note": s.note or None,
            "answers": list(s.answers),
            "illustrative": s.illustrative or None,
            "file": s.path,
            "compared_with": self.compared_with or None,
            "changes": list(self.changes),
            "counts": self.counts,
            "commits": [
                {
                    "sha": c.sha,
                    "author": c.author,
                    "recorded": c.committer_date.isoformat(),
                    "author_date": c.author_date.isoformat(),
                    "subject": c.subject,
                    "rationale": c.body,
                    "answers": list(c.trailer("Answers")),
                }
                for c in self.commits
            ],
        }


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_WORDS else text[: MAX_WORDS - 1].rstrip() + "…"


def word_edits(words: tuple[WordOp, ...]) -> list[str]:
    """The edits inside a provision, as a lawyer reads them: "acht → twaalf", "+ words",
    "- words"."""
    edits: list[str] = []
    old: list[str] = []
    new: list[str] = []
    for op in (*words, WordOp("equal", "")):
        if op.op == "delete":
            old.append(op.text)
        elif op.op == "insert":
            new.append(op.text)
        else:
            removed, added = "".join(old).strip(), "".join(new).strip()
            if removed and added:
                edits.append(f"{_clip(removed)} → {_clip(added)}")
            elif added:
                edits.append(f"+ {_clip(added)}")
            elif removed:
                edits.append(f"- {_clip(removed)}")
            old.clear()
            new.clear()
    return edits


def summarise(changes: ChangeSet) -> tuple[tuple[str, ...], dict[str, int]]:
    """What changed, one line per changed provision: where (in words), how, and the
    words ("zes → acht"). The parts of a split or merger are one line, as ``diff`` and
    the memo show them (:mod:`wetdiff.diff.shown`): where the text now stands, and where
    its parts came from."""
    lines = []
    counts: dict[str, int] = {}
    for unit in shown(changes, changes.changed()):
        for kind in unit.kinds - {"unchanged"}:
            counts[kind] = counts.get(kind, 0) + 1
        where = unit.provision.in_words()
        old, new = unit.old, unit.new
        moved = old is not None and new is not None and old.locatie.key != new.locatie.key
        if moved and not unit.grouped and old is not None:  # renumbered, moved: from where
            where += f" (was {old.in_words()})"
        if unit.grouped:
            sources = unit.olds if len(unit.olds) > 1 else unit.news
            where += " (" + ("from " if len(unit.olds) > 1 else "into ")
            where += " and ".join(p.in_words() for p in sources) + ")"
        edits = word_edits(unit.words)
        if unit.kind in ("inserted", "deleted") and not edits:
            edits.append(_clip(unit.provision.text))
        detail = "; ".join(edits[:MAX_EDITS]) + ("; …" if len(edits) > MAX_EDITS else "")
        lines.append(f"{where}: {describe(unit.kinds, 'en')}" + (f" ({detail})" if detail else ""))
    return tuple(lines), counts


Wider = Callable[[HistoryStep | None, HistoryStep], "ChangeSet | None"]


def _compare_steps(
    before: HistoryStep | None, step: HistoryStep, wider: Wider | None = None
) -> tuple[tuple[str, ...], dict[str, int], ChangeSet | None]:
    if step.artikel is None:
        what = (
            f"renumbered to artikel {step.renumbered_to}"
            if step.status == "vernummerd"
            else "repealed (vervallen)"
        )
        return (what,), {}, None
    if before is None or before.artikel is None:
        first = "first version in the data" if step.kind == "law" else "new article"
        brought = wider(None, step) if wider is not None and step.kind == "stage" else None
        if brought is None or not any(c.old is not None for c in brought.changes):
            return (first,), {}, None
        summary, counts = summarise(brought)  # what it took over from other articles
        return (first, *summary), counts, brought
    lines: list[str] = []
    if before.number != step.number:
        lines.append(f"renumbered: artikel {before.number} → artikel {step.number}")
    if compare_key(_text(before)) == compare_key(_text(step)):
        lines.append("wording unchanged")
        return tuple(lines), {}, None
    changes = compare(single(before, step.number), single(step))
    if wider is not None and any(c.kinds & {"inserted", "deleted"} for c in changes.changes):
        # a provision that left for (or came from) another article is a move, not a
        # deletion here and an insertion there: compare with the articles the step changed
        changes = wider(before, step) or changes
    summary, counts = summarise(changes)
    return tuple(lines) + summary, counts, changes


def _text(step: HistoryStep) -> str:
    assert step.artikel is not None
    return render(step.artikel).split("\n", 1)[-1]


def article_log(
    workspace: Workspace, number: str, rev: str | None = None, *, regeling: str | None = None
) -> list[LogEntry]:
    """The article's versions, newest first: proposal stages (latest first), then the
    official versions in legal time. ``regeling``: the article of that regeling (a BWB
    id; default: the workspace's first that has it). The workspace is read as one
    snapshot: each folder listed once, however many versions are compared."""
    with workspace.reading():
        return _article_log(workspace, number, rev, regeling)


def _article_log(
    workspace: Workspace, number: str, rev: str | None, regeling: str | None
) -> list[LogEntry]:
    snapshot = workspace.snapshot(rev)
    if regeling is not None:
        from wetdiff.store import law

        present = law.bwb_ids(snapshot)
        if regeling not in present:
            raise WetdiffError(
                f"the workspace holds no versions of {regeling}",
                hint=f"Regelingen here: {', '.join(present) or 'none'}.",
            )
    laws = law_steps(workspace, snapshot, number, bwb=regeling)
    proposals = all_stage_steps(snapshot, number, regeling)
    require_article(laws + [s for _, steps in proposals for s in steps], number)
    by_path = commits_by_path(workspace, rev)

    def wider(before: HistoryStep | None, step: HistoryStep) -> ChangeSet | None:
        return with_other_articles(workspace, rev, regeling, before, step)

    entries: list[LogEntry] = []
    previous: HistoryStep | None = None
    for step in laws:
        entries.append(_entry(step, previous, by_path, wider))
        if step.artikel is not None:
            previous = step
    latest_law = previous
    for proposal, steps in proposals:
        further = further_folder(proposal, regeling)
        before = (_start_step(workspace, proposal, number, rev) if not further else None) or (
            latest_law
        )
        for step in steps:
            entries.append(_entry(step, before, by_path, wider))
            before = step
    law_entries = [e for e in entries if e.step.kind == "law"]
    stage_entries = [e for e in entries if e.step.kind == "stage"]
    return list(reversed(stage_entries)) + list(reversed(law_entries))


def _entry(
    step: HistoryStep,
    before: HistoryStep | None,
    by_path: dict[str, list[CommitInfo]],
    wider: Wider | None = None,
) -> LogEntry:
    """One version of the article, compared with the version it followed."""
    lines, counts, changes = _compare_steps(before, step, wider)
    return LogEntry(
        step,
        before.label if before else "",
        lines,
        counts,
        tuple(by_path.get(step.path, ())),
        changes,
    )


_history: dict[tuple[str, str], dict[str, list[CommitInfo]]] = {}


def commits_by_path(workspace: Workspace, rev: str | None) -> dict[str, list[CommitInfo]]:
    """Every file's commits, newest first, from one pass over the history (kept for the
    process, keyed by the commit it was read at, so a log of every article reads git
    once)."""
    head = (workspace.repo.sha_of(rev) if rev else workspace.repo.head_sha()) or ""
    key = (str(workspace.root), head)
    if key not in _history:
        _history.clear()
        _history[key] = workspace.repo.log_by_path(None, rev=head) if head else {}
    return _history[key]


def _start_step(
    workspace: Workspace, proposal: Proposal, number: str, rev: str | None
) -> HistoryStep | None:
    """The article as it stood before a proposal's first stage: in the stage its text was
    started from, else in its base version (the law on its date)."""
    from wetdiff.store.blame import _start

    steps = _start(workspace, proposal, number, rev, 0)
    return steps[-1] if steps and steps[-1].artikel is not None else None
