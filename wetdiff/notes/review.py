"""Review comments: what a reviewer says about a change, until it is dealt with.

A review comment is a note (anchored to the words of a change, exactly as a note is)
with an ``author`` and a ``status``: ``"open"`` until someone resolves it,
``"resolved"`` after. Comments are kept apart from the notes that explain the bill, in
``proposals/<id>/review.toml`` (the same format as ``notes.toml``), so a memo never
prints a reviewer's question as the reason for a change. ``wetdiff check`` fails while
any comment is open; the TUI shows the open comments of the selected change and
resolves them. The file is merged by id like the notes (docs/branches.md).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.errors import WetdiffError
from wetdiff.notes.check import CheckReport, Finding
from wetdiff.notes.files import NotesFile, read_notes
from wetdiff.notes.model import Note
from wetdiff.notes.proposal import proposal_folder
from wetdiff.notes.writing import WrittenNote, open_notes

if TYPE_CHECKING:
    from wetdiff.diff import ChangeSet
    from wetdiff.notes.explain import Explainer

OPEN, RESOLVED = "open", "resolved"
OPEN_COMMENT = "open-review-comment"  # the finding ``check`` reports


def review_path(root: Path, proposal: str) -> Path:
    from wetdiff.store.layout import review_file

    proposal_folder(root, proposal)
    return root / review_file(proposal)


def load_comments(root: Path, proposal: str) -> NotesFile:
    """The proposal's review comments (an empty file when there are none yet); a
    malformed file is one :class:`WetdiffError` with its line."""
    return read_notes(review_path(root, proposal))


def open_comments(root: Path, proposal: str) -> tuple[Note, ...]:
    return tuple(n for n in load_comments(root, proposal).notes if n.status != RESOLVED)


def comment(note: Note, author: str) -> Note:
    """A note made a review comment: open, with who wrote it (a comment without its
    author is no comment a lawyer can answer)."""
    who = (note.author or author).strip()
    if not who:
        raise WetdiffError(
            "a review comment needs its author",
            hint="Give --author, or tell git who you are (git config user.name).",
        )
    return replace(note, author=who, status=OPEN)


def resolve(
    proposal: str,
    note_id: str,
    *,
    root: Path | None = None,
    by: str = "",
    commit: bool = True,
) -> WrittenNote:
    """Mark an open review comment resolved and commit that ("Resolve review comment
    ID"), as it is: its words may have changed since, which is often why."""
    with open_notes(proposal, root=root, writing=True, review=True) as target:
        found = target.note(note_id)
        if found.status == RESOLVED:
            raise WetdiffError(
                f"review comment {note_id} is resolved already", file=target.file.path
            )
        first = found.rationale.strip().splitlines()[0] if found.rationale.strip() else ""
        who = f" ({by})" if by else ""
        return target.save(
            replace(found, status=RESOLVED),
            replace_id=note_id,
            commit=commit,
            prepare=False,
            subject=f"Resolve review comment {note_id}{who}: {first}".rstrip(": "),
        )


def review_findings(root: Path, proposal: str) -> list[Finding]:
    """What ``check`` reports of the review: every open comment (it fails the check)."""
    found = []
    for note in open_comments(root, proposal):
        first = note.rationale.strip().splitlines()[0] if note.rationale.strip() else ""
        found.append(
            Finding(
                OPEN_COMMENT,
                f"review comment {note.id} by {note.author or 'gap'} on {note.anchor.path} "
                f"is open: {first}",
                provision=note.anchor.path,
                words=note.anchor.quote,
                note=note.id,
                file=note.source or None,
                line=note.line,
            )
        )
    return found


def with_review(reports: list[CheckReport], root: Path, proposal: str) -> list[CheckReport]:
    """``check``'s reports of a proposal with its open review comments added to the
    report of the bill's last stage (where the questions are checked too)."""
    findings = review_findings(root, proposal)
    if not findings or not reports:
        return reports
    from wetdiff.store.proposals import read_proposal
    from wetdiff.store.snapshot import DiskSnapshot

    amendments = {s.id for s in read_proposal(DiskSnapshot(root), proposal).stages if s.on}
    index = max(
        (i for i, r in enumerate(reports) if r.new.rpartition("/")[2] not in amendments),
        default=len(reports) - 1,
    )
    reports = list(reports)
    reports[index] = replace(reports[index], findings=reports[index].findings + tuple(findings))
    return reports


def comments_on(
    root: Path, changeset: ChangeSet, explainer: Explainer | None = None
) -> dict[str, tuple[Note, ...]]:
    """The open review comments of a comparison, by the change they are on (a comment
    on a change of another step is not this comparison's)."""
    proposal = changeset.new.proposal or changeset.old.proposal
    if not proposal:
        return {}
    current = load_comments(root, proposal)
    comments = tuple(n for n in current.notes if n.status != RESOLVED)
    if not comments:
        return {}
    from wetdiff.notes.explain import Explainer, Source

    explainer = explainer or Explainer(root)
    only_open = NotesFile(current.path, comments, current.text)
    attachment = explainer.explain(changeset, [Source(only_open, proposal)]).attachment
    return dict(attachment.by_change)
