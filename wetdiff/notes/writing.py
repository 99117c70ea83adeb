"""Writing a note: one workflow for ``wetdiff note add`` / ``note edit`` and the TUI's
note editor, with one error contract.

A note is read-modify-write-commit: read the notes file, check the note, write the file,
commit it. :func:`open_notes` finds the file (a proposal's ``notes.toml``, or any notes
file such as ``articles/<BWB-id>/<artikel>/notes.toml``) and, for a writer, holds the
workspace's write lock until the block ends, so two writers never interleave.
:meth:`NotesTarget.save` then does the rest, the same way for every caller:

* the note is checked as ``check`` would check it (its fields as a notes file would be
  read, the question ids it answers, its words in the step it explains), and refused
  with one message before anything is written;
* the step it explains and the words of that change are recorded (what ``check``
  compares later to find a stale note);
* the file is written atomically, refusing a file changed on disk since it was read;
* the file is committed with the rationale as message and ``Answers:`` trailers; if git
  refuses the commit (a hook, a lock), the file is put back exactly as it was, and the
  error says that nothing was written.

The command line and the TUI only gather the fields and show the outcome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.errors import WetdiffError
from wetdiff.notes.files import NotesFile, parse_notes, read_notes, render_notes
from wetdiff.notes.model import Note
from wetdiff.notes.proposal import (
    all_questions,
    check_can_commit,
    commit_or_put_back,
    default_proposal,
    find_root,
    load_questions,
    notes_path,
    save_note,
)

if TYPE_CHECKING:
    from wetdiff.diff import Change, ChangeSet
    from wetdiff.notes.anchor import Attachment
    from wetdiff.notes.explain import Explainer, Source


class NoteFieldError(WetdiffError):
    """A field of the note is not as a notes file needs it; ``field`` names it (``at``,
    ``rationale``, …), so each shell can say which of its inputs is wrong."""

    def __init__(self, error: WetdiffError, field: str) -> None:
        super().__init__(f"{error.what}; nothing written", hint=error.hint)
        self.field = field


@dataclass(frozen=True, slots=True)
class WrittenNote:
    """A note as written, the file as it now is, and its commit (None: not committed)."""

    note: Note
    file: NotesFile
    commit: str | None = None


class NotesTarget:
    """A notes file being read or written, and what its notes explain: a proposal's
    comparison of its base with its latest stage, or an article's history, or (any
    other file) nothing but their words."""

    def __init__(self, root: Path, proposal: str | None, file: NotesFile) -> None:
        self.root = root
        self.proposal = proposal
        self.file = file
        self._changeset: ChangeSet | None = None
        self._explainer: Explainer | None = None
        # the stage whose step the notes explain (an amendment, say); "": the comparison
        # of the proposal's base with its latest stage
        self.stage = ""
        # a further regeling the proposal amends (its BWB id): the notes explain its changes
        self.regeling = ""

    # -- reading ------------------------------------------------------------------------

    def note(self, note_id: str) -> Note:
        """The note with this id; no such note is the user's mistake."""
        note = self.file.get(note_id)
        if note is None:
            raise WetdiffError(
                f"no note {note_id!r}",
                file=self.file.path,
                hint="'wetdiff note list' shows the notes.",
            )
        return note

    def changeset(self) -> ChangeSet | None:
        """A proposal's comparison of its base with its latest stage, or, with
        :attr:`stage`, that stage's own step (None: not a proposal's notes)."""
        if self.proposal is None:
            return None
        if self._changeset is None and self.regeling:
            self._changeset = self._further_changeset()
        if self._changeset is None and self.stage:
            steps = self.explainer().stage_steps(self.proposal)
            step = next((s for s in steps if s.key.endswith(f"/{self.stage}")), None)
            if step is None:
                raise WetdiffError(
                    f"proposal {self.proposal} has no stage {self.stage!r} with a text",
                    hint="Its stages with a text: "
                    + (", ".join(s.label for s in steps) or "none")
                    + ".",
                )
            self._changeset = self.explainer().step_changes(step)
        if self._changeset is None:
            from wetdiff.diff import compare
            from wetdiff.notes.proposal import proposal_comparison

            self._changeset = compare(*proposal_comparison(self.root, self.proposal))
        return self._changeset

    def _further_changeset(self) -> ChangeSet:
        """The comparison of a further regeling the proposal amends: in :attr:`stage`'s
        step, or from its base to the latest stage."""
        from wetdiff.diff import compare
        from wetdiff.notes.explain import further_parts
        from wetdiff.notes.proposal import proposal_comparison

        assert self.proposal is not None
        if self.stage:
            steps = self.explainer().stage_steps(self.proposal)
            step = next((s for s in steps if s.key.endswith(f"/{self.stage}")), None)
            if step is None:
                raise WetdiffError(f"proposal {self.proposal} has no stage {self.stage!r}")
            old, new = step.old, step.new
        else:
            old, new = proposal_comparison(self.root, self.proposal)
        for before, after in further_parts(old, new):
            if after.bwb_id == self.regeling:
                return compare(before, after)
        amended = ", ".join(p.bwb_id for p in new.others) or "none"
        raise WetdiffError(
            f"proposal {self.proposal} does not amend {self.regeling}",
            hint=f"The further regelingen it amends ('also_amends'): {amended}.",
        )

    def change(self, change_id: str) -> Change:
        """The change of the proposal's comparison with this id (or a unique prefix of at
        least four characters, as ``wetdiff diff --format json`` shows them)."""
        changeset = self.changeset()
        if changeset is None:
            raise WetdiffError(
                "a change id needs a proposal (its changes are the comparison of its base "
                "with its latest stage); for another notes file, anchor on the provision "
                "and its words"
            )
        matches = [
            c
            for c in changeset.changes
            if c.id == change_id or (len(change_id) >= 4 and c.id.startswith(change_id))
        ]
        if len(matches) != 1:
            raise WetdiffError(
                f"{'no' if not matches else 'more than one'} change {change_id!r} in "
                f"{changeset.old.label} → {changeset.new.label}",
                hint="'wetdiff diff --format json' and 'wetdiff check' show the ids.",
            )
        return matches[0]

    def source(self) -> Source:
        from wetdiff.notes.explain import Source, notes_file_source

        if self.proposal is not None:
            return Source(self.file, self.proposal)
        return notes_file_source(self.root, self.file.path)

    def explainer(self) -> Explainer:
        if self._explainer is None:
            from wetdiff.notes.explain import Explainer

            self._explainer = Explainer(self.root)
        return self._explainer

    def attachment(self) -> Attachment | None:
        """Where each note stands: a proposal's notes on the comparison of its base with
        its latest stage, each by its own stage; notes on the law's history each in the
        step of its version; any other file by its words alone (None: no comparison)."""
        source = self.source()
        changeset = self.changeset()
        if changeset is not None:
            return self.explainer().explain(changeset, [source]).attachment
        if source.bwb_id:
            return self.explainer().own_steps(source)
        return None

    # -- writing ------------------------------------------------------------------------

    def prepared(self, note: Note) -> Note:
        """The note as it will be written, or the error ``check`` would report, before
        anything is written: its fields as a notes file reads them, the question ids it
        answers, its words in the proposal's comparison (the path set to where they stand:
        a lawyer who typed the old number of a renumbered lid gets the new one), and the
        step it explains with the words of that change recorded."""
        try:  # types, path, rationale/gap, as a notes file would be checked
            parse_notes(render_notes([note]), f"note {note.id}")
        except WetdiffError as error:  # a note being made, not a file: no file:line
            field = re.search(r"field '(\w+)'", error.what)
            raise NoteFieldError(error, field[1] if field else "") from None
        questions = (
            load_questions(self.root, self.proposal) if self.proposal else all_questions(self.root)
        )
        for question_id in note.answers:
            if question_id not in questions:
                raise WetdiffError(
                    f"unknown question id {question_id!r}; nothing written",
                    hint="Add it to the proposal's questions first (known: "
                    + (", ".join(q.id for q in questions) or "none")
                    + ").",
                )
        note = self._placed(note)
        source = self.source()
        if source.proposal or source.bwb_id:  # the step and the words of its change
            note = self.explainer().recorded(source, note)
        return note

    def _placed(self, note: Note) -> Note:
        changeset = self.changeset()
        if changeset is None:
            return note
        from wetdiff.notes.anchor import attach

        placed = attach([note], changeset).placements.get(note.id)
        if (placed is None or placed.how == "fuzzy") and self.proposal and not self.regeling:
            # the words an earlier stage changed (a later stage changed them again)
            explainer = self.explainer()
            for step in explainer.stage_steps(self.proposal):
                placed = explainer.place_in_step(note, step)
                if placed is not None and placed.how != "fuzzy":
                    break
        if placed is None or placed.how == "fuzzy":
            side = changeset.new if note.anchor.side == "new" else changeset.old
            raise WetdiffError(
                f"the words \u201c{note.anchor.quote}\u201d are not in "
                f"{note.anchor.path} of {side.label}; nothing written",
                hint="Quote the words exactly as they stand (the old text's words for a "
                "deletion), or anchor the note on the change itself.",
            )
        if placed.path != note.anchor.path:
            note = replace(note, anchor=replace(note.anchor, path=placed.path))
        return note

    def save(
        self,
        note: Note,
        *,
        replace_id: str | None = None,
        commit: bool = True,
        prepare: bool = True,
        subject: str = "",
    ) -> WrittenNote:
        """Write ``note`` (a new one, or in place of the note ``replace_id``) and commit
        it, as described in the module's docstring. On any refusal nothing is written.
        ``prepare`` False writes it as given (a review comment resolved: its words may
        have changed since, which is often why); ``subject`` the commit's first words."""
        if replace_id is None and self.file.get(note.id) is not None:
            raise WetdiffError(
                f"a note with id {note.id!r} exists already",
                file=self.file.path,
                hint="Edit that note instead ('wetdiff note edit').",
            )
        if prepare:
            note = self.prepared(note)
        if commit:
            check_can_commit(self.root)
        previous = self.file.text
        saved = save_note(self.file, note, replace_id=replace_id)
        self.file = saved.file
        sha = None
        if commit:
            subject = subject or (
                f"{'Edit note' if replace_id is not None else 'Note'} {saved.note.id}"
            )
            sha = self._commit(saved.note, subject, previous)
        return WrittenNote(saved.note, saved.file, sha)

    def _commit(self, note: Note, subject: str, previous: str | None) -> str | None:
        """Commit the notes file; if git refuses (a lock, a hook), put the file back as
        it was (``previous``; None: it did not exist), so nothing is left half-done."""
        rationale = note.rationale.strip()
        first, _, body = rationale.partition("\n")
        message = f"{subject}: {first}" if first else subject
        return commit_or_put_back(
            self.root,
            self.file.path,
            previous,
            f"{message}\n\n{body}",
            note.answers,
            "the note was not saved",
        )


@contextmanager
def open_notes(
    proposal: str | None = None,
    notes_file: Path | None = None,
    *,
    root: Path | None = None,
    must_exist: bool = True,
    writing: bool = False,
    review: bool = False,
) -> Iterator[NotesTarget]:
    """The notes to work on: a proposal's (the workspace's default proposal when none is
    named), or the notes file ``notes_file``. ``writing``: hold the workspace's write lock
    for the ``with`` block, from reading the file to committing it. ``root``: the
    workspace (found from the file, or the one wetdiff runs on, when not given).
    ``review``: the proposal's review comments (``review.toml``) instead of its notes."""
    if notes_file is not None:
        if proposal is not None:
            raise WetdiffError("give a proposal or a notes file, not both")
        if notes_file.suffix != ".toml":
            raise WetdiffError("a notes file is a .toml file", file=notes_file)
        root = root or find_root(notes_file.resolve().parent)
    else:
        root = root or find_root()
        proposal = proposal or default_proposal(root)
    with _lock(root, writing):
        if notes_file is None:
            assert proposal is not None
            path = notes_path(root, proposal)
            if review:
                from wetdiff.store.layout import review_file

                path = root / review_file(proposal)
            yield NotesTarget(root, proposal, read_notes(path))
            return
        if must_exist and not notes_file.is_file():  # only a new note starts one
            raise WetdiffError(
                "no such notes file",
                file=notes_file,
                hint="Check the path; adding a note with it starts a new one.",
            )
        yield NotesTarget(root, None, read_notes(notes_file))


@contextmanager
def _lock(root: Path, writing: bool) -> Iterator[None]:
    if not writing:
        yield
        return
    from wetdiff.store.lock import workspace_lock

    with workspace_lock(root):
        yield
