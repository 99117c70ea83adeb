"""The notes and questions of a workspace, as the CLI and the TUI use them.

A proposal's notes are ``proposals/<id>/notes.toml``, its questions
``proposals/<id>/questions.toml`` plus the shared ``questions/*.toml``. Notes on the
law's own history are ``articles/<BWB-id>/<artikel>/notes.toml``. Everything here reads
and writes those files directly (atomically, refusing to overwrite a file changed on disk
since it was read); versions come from the store (:mod:`wetdiff.store`), which is the
one place that knows about git.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from wetdiff.errors import CommitMismatch, WetdiffError
from wetdiff.model.files import atomic_write
from wetdiff.model.normalise import visible_controls
from wetdiff.model.version import Version
from wetdiff.notes.files import NotesFile, read_notes, write_notes
from wetdiff.notes.model import Anchor, Note
from wetdiff.notes.questions import (
    Question,
    QuestionRegistry,
    RegistryWrite,
    add_questions,
    load_registry,
)
from wetdiff.store import layout
from wetdiff.store.snapshot import DiskSnapshot

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ProposalNotes:
    """What a proposal says about itself: its questions and its notes file."""

    root: Path
    proposal: str
    questions: QuestionRegistry
    notes_file: NotesFile

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.notes_file.notes


@dataclass(frozen=True, slots=True)
class SavedNote:
    """A note as written, and the file as it now is (the base for the next save)."""

    note: Note
    file: NotesFile


def find_root(start: Path | None = None) -> Path:
    """The workspace wetdiff works on. Without ``start``: the store's choice
    (``WETDIFF_WORKSPACE``, else the workspace around the current folder, else the worked
    example). With ``start`` (a notes file's folder): the nearest folder with
    ``wetdiff.toml`` from there upwards, or an error."""
    if start is None:
        from wetdiff.store.workspace import open_workspace

        return open_workspace().root
    found = layout.find_root(start)
    if found is not None:
        return found
    raise WetdiffError(
        f"not inside a wetdiff workspace (no {layout.MARKER} here or above)",
        file=start,
        hint="Notes files live in a workspace: "
        "proposals/<id>/notes.toml or "
        "articles/<BWB-id>/<artikel>/notes.toml.",
    )


def proposal_folder(root: Path, proposal: str) -> Path:
    """The proposal's folder, or one clear error listing the proposals there are."""
    known = proposal_ids(root)
    if proposal not in known:
        raise WetdiffError(
            f"unknown proposal {proposal!r}",
            file=root / layout.PROPOSALS,
            hint=f"Proposals in this workspace: {', '.join(known) or 'none'}.",
        )
    return root / layout.proposal_dir(proposal)


def proposal_ids(root: Path) -> list[str]:
    """The proposals of the workspace on disk, in name order."""
    return sorted(layout.proposal_ids(DiskSnapshot(root)))


def notes_path(root: Path, proposal: str) -> Path:
    proposal_folder(root, proposal)
    return root / layout.notes_file(proposal)


def questions_path(root: Path, proposal: str) -> Path:
    proposal_folder(root, proposal)
    return root / layout.questions_file(proposal)


def load_questions(root: Path, proposal: str | None) -> QuestionRegistry:
    """The proposal's own registry and the workspace's shared ones."""
    if proposal is not None:
        proposal_folder(root, proposal)
    return load_registry(layout.question_registries(root, proposal))


def load_proposal_notes(root: Path, proposal: str) -> ProposalNotes:
    """Questions and notes of a proposal; a malformed file raises :class:`WetdiffError`
    with file, line and field."""
    return ProposalNotes(
        root, proposal, load_questions(root, proposal), read_notes(notes_path(root, proposal))
    )


def new_note_id(anchor: Anchor, rationale: str = "", *, taken: Iterable[str] = ()) -> str:
    """``<artikel>-<6 hex>``: readable, and two lawyers adding notes in parallel do not
    pick the same id (the hash includes the moment of writing)."""
    import hashlib  # loading OpenSSL costs ~20 ms: only a new note needs it

    taken = set(taken)
    salt = dt.datetime.now(dt.UTC).isoformat()
    for attempt in range(100):
        digest = hashlib.blake2b(
            "\x1f".join((anchor.path, anchor.quote, rationale, salt, str(attempt))).encode(),
            digest_size=3,
        ).hexdigest()
        candidate = f"{anchor.artikel}-{digest}"
        if candidate not in taken:
            return candidate
    raise WetdiffError("could not make a new note id; give one with --id")


def save_note(current: NotesFile, note: Note, *, replace_id: str | None = None) -> SavedNote:
    """Add ``note`` to the file (or replace the note with ``replace_id``, default: the
    note's own id when it exists). Atomic; refuses when the file changed on disk since
    ``current`` was read. Returns the note as written and the new file state."""
    target = replace_id if replace_id is not None else note.id
    exists = current.get(target) is not None
    if replace_id is not None and not exists:
        raise WetdiffError(f"no note {replace_id!r}", file=current.path)
    if note.id != target and current.get(note.id) is not None:
        raise WetdiffError(f"a note with id {note.id!r} exists already", file=current.path)
    kept = [n for n in current.notes if n.id != target]
    written = write_notes(current, [*kept, note])
    saved = written.get(note.id)
    assert saved is not None
    return SavedNote(saved, written)


def new_question(root: Path, proposal: str, question: Question) -> Question:
    """Add a question to the proposal's own registry. Its id must be new in every
    registry the proposal reads (own and shared)."""
    return new_questions(root, proposal, [question]).added[0]


def new_questions(root: Path, proposal: str, questions: Sequence[Question]) -> RegistryWrite:
    """Add questions to the proposal's own registry in one write. Each id must be new in
    every registry the proposal reads (own and shared)."""
    registry = load_questions(root, proposal)
    for question in questions:
        first = registry.get(question.id)
        if first is not None:
            raise WetdiffError(
                f"question id {question.id!r} exists already",
                file=first.source or None,
                line=first.line,
            )
    return add_questions(questions_path(root, proposal), questions)


def register_questions(
    root: Path, proposal: str, questions: Sequence[Question], message: str, *, commit: bool = True
) -> RegistryWrite:
    """Add questions to the proposal's registry and commit the file with ``message``
    (``wetdiff question add``/``import``, the TUI's question editor). If git refuses the
    commit (a lock, a hook), the file is put back as it was: nothing is left half-done.
    Under the workspace's write lock, from reading the registry to the commit."""
    from wetdiff.store.lock import workspace_lock

    with workspace_lock(root):
        return _register_questions(root, proposal, questions, message, commit=commit)


def _register_questions(
    root: Path, proposal: str, questions: Sequence[Question], message: str, *, commit: bool
) -> RegistryWrite:
    if commit:
        check_can_commit(root)
    written = new_questions(root, proposal, questions)
    if not commit:
        return written
    commit_or_put_back(
        root, written.path, written.previous, message, (), "the question(s) were not registered"
    )
    return written


def commit_or_put_back(
    root: Path,
    path: Path,
    previous: str | None,
    message: str,
    answers: Sequence[str],
    not_done: str,
) -> str | None:
    """Commit the notes or questions file ``path`` just written (:func:`commit_notes`);
    if git refuses (a hook, a lock), put the file back as it was (``previous``; None: it
    did not exist) and say so: ``not_done`` ("the note was not saved"), nothing was
    written. A commit made but not as written (:class:`CommitMismatch`) is left alone."""
    try:
        return commit_notes(root, [path], message, answers)
    except CommitMismatch:
        raise  # committed, if not as written: nothing to put back
    except WetdiffError as error:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write(path, previous)
        raise WetdiffError(
            f"{error.what}; {not_done} (nothing was written)",
            file=error.file,
            line=error.line,
            hint=error.hint or "Try again, or write it without committing and commit later.",
        ) from None


def check_can_commit(root: Path) -> None:
    """Refuse before anything is written when a notes change could not be committed on a
    branch (an old commit checked out): the lawyer's work would end up on no branch."""
    if not (root / ".git").exists():
        return
    from wetdiff.store.gitrepo import open_repo

    repo = open_repo(root)
    try:
        detached = repo.detached
    finally:
        repo.close()
    if detached:
        raise WetdiffError(
            "the workspace is on a detached HEAD (an old commit is checked out); the note "
            "would be committed on no branch. Nothing was written",
            file=root,
            hint="Check out your branch first (git switch main), or add --no-commit.",
        )


def commit_notes(
    root: Path, paths: Sequence[Path], message: str, answers: Sequence[str] = ()
) -> str | None:
    """Record a notes change in git with its rationale as message and ``Answers:``
    trailers, when ``root`` is a git workspace; returns the commit's sha, or None when
    there is no git repository to commit to (the files are written either way)."""
    if not (root / ".git").exists():
        return None
    from wetdiff.store.commits import message_with_trailers
    from wetdiff.store.gitrepo import open_repo

    # git log prints messages raw: an ESC from a pasted rationale would reach the terminal
    lines = visible_controls(message).strip().splitlines() or ["Notes"]
    subject = lines[0][:72]
    body = "\n".join(lines[1:]).strip()
    text = message_with_trailers(subject, body, [("Answers", a) for a in answers])
    repo = open_repo(root)
    try:
        rel = [p.resolve().relative_to(root.resolve()).as_posix() for p in paths]
        return repo.commit(rel, text, author=repo.identity())
    finally:
        repo.close()


# -- versions ----------------------------------------------------------------------------


def proposal_comparison(root: Path, proposal: str) -> tuple[Version, Version]:
    """The versions a proposal's notes are checked against: its base (``base`` in
    ``proposal.toml``) and its latest stage with a text (what ``36547`` alone means)."""
    proposal_folder(root, proposal)
    from wetdiff.store.proposals import read_proposal
    from wetdiff.store.versions import resolve_pair
    from wetdiff.store.workspace import open_workspace

    meta = read_proposal(DiskSnapshot(root), proposal)
    # the base as the proposal means it (an old base written 'law@…' is its regeling),
    # with every regeling it amends on that date
    return resolve_pair(meta.base, proposal, open_workspace(root))


@dataclass(frozen=True, slots=True)
class LawStep:
    """One step in an article's official history: the version before and the version
    that took effect on ``date`` (the notes in the article's ``notes.toml`` with
    ``version = date`` explain it)."""

    bwb_id: str
    artikel: str
    date: dt.date
    old: Version
    new: Version


def law_steps(root: Path, bwb_id: str, artikel: str) -> list[LawStep]:
    """Each step of an article's history, through its renumberings (273f's history
    starts as 273a in 2005): the first version (compared with nothing) and every
    following version (compared with the one before)."""
    from wetdiff.store.law import lineage

    versions = [v for v in lineage(DiskSnapshot(root), bwb_id, artikel) if v.artikel is not None]
    steps = []
    previous: Version | None = None
    for version in versions:
        assert version.artikel is not None
        day = version.meta.in_force
        current = Version(
            f"{version.meta.artikel}@{day.isoformat()}",
            f"artikel {version.meta.artikel}, in force on {day.isoformat()}",
            (version.artikel,),
            day,
            regeling=version.meta.regeling,
            bwb_id=bwb_id,
            sources=(version,),
        )
        before = previous or Version(
            f"{version.meta.artikel} (not yet in force)", "before the article existed", (), None
        )
        steps.append(LawStep(bwb_id, artikel, day, before, current))
        previous = current
    return steps


# -- checks ------------------------------------------------------------------------------


def all_questions(root: Path) -> QuestionRegistry:
    """Every question of the workspace (shared registries and every proposal's), for
    notes on the law's own history; the same id in two proposals is one question."""
    seen: dict[str, Question] = {}
    warnings: list[str] = []
    files: list[Path] = []
    for registry in [
        load_questions(root, None),
        *(load_questions(root, pid) for pid in proposal_ids(root)),
    ]:
        for question in registry:
            seen.setdefault(question.id, question)
        warnings.extend(w for w in registry.warnings if w not in warnings)
        files.extend(f for f in registry.files if f not in files)
    return QuestionRegistry(tuple(seen.values()), tuple(warnings), tuple(files))


class ParseErrors(WetdiffError):
    """Several files that do not parse, reported together (exit 2)."""

    def __init__(self, errors: Sequence[WetdiffError]) -> None:
        first = errors[0] if errors else WetdiffError("nothing to check")
        super().__init__(first.what, file=first.file, line=first.line, hint=first.hint)
        self.errors = tuple(errors) or (first,)

    def __str__(self) -> str:
        return "\n".join(str(e) if i == 0 else f"wetdiff: {e}" for i, e in enumerate(self.errors))


def _collect(errors: list[WetdiffError], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except ParseErrors as exc:
        errors.extend(exc.errors)
    except WetdiffError as exc:
        errors.append(exc)
    return None


def default_proposal(root: Path) -> str:
    """The proposal a command works on when none is named: ``[defaults] proposal`` in
    ``wetdiff.toml``, else the only proposal of the workspace."""
    import tomllib

    ids = proposal_ids(root)
    try:
        config = tomllib.loads((root / layout.MARKER).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, RecursionError):
        config = {}
    defaults = config.get("defaults", {})
    named = defaults.get("proposal", "") if isinstance(defaults, dict) else ""
    if isinstance(named, str) and named in ids:
        return named
    if len(ids) == 1:
        return ids[0]
    raise WetdiffError(
        "which proposal? "
        + (f"this workspace has {', '.join(ids)}" if ids else "this workspace has none"),
        file=root / layout.PROPOSALS,
        hint="Name it (e.g. 'wetdiff check 36547'), or set [defaults] proposal in wetdiff.toml.",
    )
