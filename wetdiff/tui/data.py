"""Everything the terminal UI reads or writes, in one place.

The screens never talk to git, the notes files or the diff engine directly: they ask a
:class:`Session` (one per app, bound to one workspace) and get back immutable values.
Calls that touch git or diff a whole code are slow, so screens call them from thread
workers; nothing here knows about Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.diff import Change, ChangeSet, compare
from wetdiff.diff.shown import Shown, shown
from wetdiff.errors import WetdiffError
from wetdiff.model.version import Version, article_sort_key

if TYPE_CHECKING:  # read when first used, so the first frame comes sooner
    from wetdiff.instructions.consequential import Consequence
    from wetdiff.notes import Attachment, Citation, Note, NotesFile, Question, QuestionRegistry
    from wetdiff.notes.explain import Explainer
    from wetdiff.store.blame import Blame
    from wetdiff.store.commits import CommitInfo
    from wetdiff.store.conflicts import ConflictMatrix
    from wetdiff.store.log import LogEntry
    from wetdiff.store.versions import VersionEntry
    from wetdiff.store.workspace import Workspace

#: Comparisons of more distinct articles than this are shown in steps: the two versions'
#: headings at once, then the opening articles (the first ones that changed, each compared
#: with the article of the same number: provisional, and said so on screen), then the whole.
PROVISIONAL_ABOVE = 60
#: How many articles the provisional step compares: more than fill a screen.
PROVISIONAL_ARTICLES = 12
#: Seconds a worker waits for the screen to show a step before it goes on regardless.
SHOWN_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class ComparisonHeading:
    """What is known of a whole code's comparison before any text is read: the two
    versions (label, date, title; no articles) and how many articles there are."""

    old_spec: str
    new_spec: str
    old: Version
    new: Version
    articles: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions, their change set, and the notes attached to its changes.

    ``proposal`` is the proposal whose notes and questions apply (the one either version
    belongs to), or "" when neither is a proposal stage."""

    old_spec: str
    new_spec: str
    changeset: ChangeSet
    notes: dict[str, tuple[Note, ...]] = field(default_factory=dict)
    orphans: tuple[Note, ...] = ()
    questions: QuestionRegistry | None = None
    proposal: str = ""
    attachment: Attachment | None = None
    provisional: tuple[str, ...] = ()
    notes_pending: bool = False  # the proposal's notes are still being read
    articles: int = 0  # while provisional: how many articles the whole comparison has
    units: tuple[Shown, ...] = ()  # what to show (see :attr:`shown`), made with it
    comments: dict[str, tuple[Note, ...]] = field(default_factory=dict)  # open review comments
    # citations the changes leave pointing at an old number, here and in the workspace's
    # other regelingen, each with its proven instruction or its question (read with notes)
    consequences: tuple[Consequence, ...] = ()
    # A proposal that amends several regelingen: their names (ARTIKEL I, II, …) and which
    # one this comparison shows; the notes are those written on its changes.
    regelingen: tuple[str, ...] = ()
    numerals: tuple[str, ...] = ()  # the ARTIKEL of each ("" for one left as it is)
    part: int = 0
    # a further regeling shown: both versions whole (every regeling), to find its notes
    whole: tuple[Version, Version] | None = field(default=None, compare=False, repr=False)

    @property
    def regeling(self) -> str:
        """The BWB id of a further regeling shown ("" for the first): where its texts
        are saved in a stage."""
        return self.changeset.new.bwb_id if self.part else ""

    @property
    def is_provisional(self) -> bool:
        """Only the opening articles (``provisional``), each compared with the article of
        the same number: a provision moved in from a later article still looks inserted,
        one moved out still looks deleted, until the whole comparison replaces this one."""
        return bool(self.provisional)

    @property
    def old(self) -> Version:
        return self.changeset.old

    @property
    def new(self) -> Version:
        return self.changeset.new

    @property
    def changes(self) -> Sequence[Change]:
        return self.changeset.changes

    def notes_of(self, index: int) -> tuple[Note, ...]:
        """The notes of the change at ``index`` of :attr:`changes`."""
        if index < 0 or index >= len(self.changes):
            return ()
        return self.notes.get(self.changes[index].id, ())

    def notes_of_unit(self, index: int) -> tuple[Note, ...]:
        """The notes of the unit at ``index`` of :attr:`shown` (all its parts'), as the
        screen shows them."""
        units = self.shown
        if index < 0 or index >= len(units):
            return ()
        return self.notes_of_shown(units[index])

    @property
    def shown(self) -> tuple[Shown, ...]:
        """What to show: each change once, the parts of a split or merger together (each
        text once), as the memo and ``wetdiff diff`` show them."""
        return self.units or shown(self.changeset)

    def comments_of_shown(self, unit: Shown) -> tuple[Note, ...]:
        """The open review comments on any part of a unit, each once."""
        return _each_once(self.comments, unit)

    def notes_of_shown(self, unit: Shown) -> tuple[Note, ...]:
        """The notes of every part of a unit, each once, in the parts' order."""
        return _each_once(self.notes, unit)


def _each_once(by_change: dict[str, tuple[Note, ...]], unit: Shown) -> tuple[Note, ...]:
    """The notes of a unit's parts (a note on two parts of a merger counted once)."""
    found: dict[str, Note] = {}
    for change_id in unit.ids:
        for note in by_change.get(change_id, ()):
            found.setdefault(note.id, note)
    return tuple(found.values())


Provide = Callable[["Comparison | ComparisonHeading"], object]
#: Reads the two versions: only some articles, or (None) the whole.
Read = Callable[[tuple[str, ...] | None], tuple[Version, Version]]


def opening_articles(numbers: set[str], changed: Callable[[str], bool]) -> tuple[str, ...]:
    """The articles a provisional first step compares: the first that ``changed`` (what
    the first screen shows: the first change), else the first of all; or () when the
    whole comparison is quick enough to wait for (an ordinary proposal: a few articles)."""
    if len(numbers) <= PROVISIONAL_ABOVE:
        return ()
    ordered = sorted(numbers, key=article_sort_key)
    first = [number for number in ordered if changed(number)][:PROVISIONAL_ARTICLES]
    return tuple(first or ordered[:PROVISIONAL_ARTICLES])


def compare_in_steps(
    read: Read,
    opening: tuple[str, ...],
    finish: Callable[[ChangeSet, tuple[str, ...]], Comparison],
    provide: Provide | None = None,
) -> Comparison:
    """Compare two versions. With ``opening`` articles, first hand ``provide`` a
    provisional comparison of just those (read alone: what the first screen shows), so
    something real is on screen in milliseconds; then return the whole comparison (a
    code's hundreds of articles take most of a second to read and align)."""
    if provide is not None and opening:
        old, new = read(opening)
        provide(finish(compare(old, new), opening))
    old, new = read(None)
    return finish(compare(old, new), ())


def compare_versions(
    old: Version,
    new: Version,
    old_spec: str = "",
    new_spec: str = "",
    provide: Provide | None = None,
) -> Comparison:
    """A comparison of two already loaded versions, without notes (benchmarks, paths)."""
    numbers = {a.number for a in old.artikelen} | {a.number for a in new.artikelen}
    opening = opening_articles(numbers, lambda nr: old.artikel(nr) != new.artikel(nr))

    def read(only: tuple[str, ...] | None) -> tuple[Version, Version]:
        return (old, new) if only is None else (old.only(only), new.only(only))

    def finish(changeset: ChangeSet, opened: tuple[str, ...]) -> Comparison:
        return Comparison(
            old_spec or old.label,
            new_spec or new.label,
            changeset,
            provisional=opened,
            articles=len(numbers),
            units=shown(changeset),
        )

    return compare_in_steps(read, opening, finish, provide if opening else None)


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """The text of one article of a proposal stage, as read for editing. ``expected`` is
    the file's text when read (None: the stage does not change this article yet, so the
    text comes from the version the stage is laid over)."""

    proposal: str
    stage: str
    artikel: str
    text: str
    expected: str | None
    regeling: str = ""  # a further regeling the proposal amends (its BWB id)


class Session:
    """The workspace the app works in, and every read and write the app makes.

    The workspace is opened on first use (in a worker: on a fresh machine that builds the
    worked example), not when the app is made."""

    def __init__(self, workspace: Path | None = None) -> None:
        self._start = workspace
        self._workspace: Workspace | None = None
        self._lock = threading.Lock()

    @property
    def workspace(self) -> Workspace:
        from wetdiff.store.workspace import open_workspace

        with self._lock:
            if self._workspace is None:
                self._workspace = open_workspace(self._start, git=False)  # git when used
            return self._workspace

    @property
    def root(self) -> Path:
        return Path(self.workspace.root)

    def default_specs(self) -> tuple[str, str]:
        old, new = self.workspace.default_comparison()
        return str(old), str(new)

    # reading

    def compare(
        self, old_spec: str | None, new_spec: str | None, provide: Provide | None = None
    ) -> Comparison:
        """Resolve both versions, compare them, and attach the proposal's notes."""
        return self.with_notes(self.compare_text(old_spec, new_spec, provide))

    def compare_text(
        self,
        old_spec: str | None,
        new_spec: str | None,
        provide: Provide | None = None,
        *,
        part: int = 0,
    ) -> Comparison:
        """Resolve both versions and compare them; the notes follow (:meth:`with_notes`),
        so the text can be on screen before the notes files are read. With ``provide``,
        a whole code is handed over in steps (:data:`PROVISIONAL_ABOVE`): first the two
        versions' headings (from the folder listings: no text read), then the first
        articles that changed, read and compared alone, provisionally
        (:func:`compare_in_steps`); the whole comparison is returned."""
        from wetdiff.store.versions import outline_pair, proposal_of, resolve_pair

        workspace = self.workspace
        with workspace.reading():  # each folder of the workspace listed once for it
            if not old_spec or not new_spec:
                default_old, default_new = self.default_specs()
                old_spec, new_spec = old_spec or default_old, new_spec or default_new
            a, b = old_spec, new_spec
            proposal = proposal_of(b, workspace) or proposal_of(a, workspace)
            opening: tuple[str, ...] = ()
            articles = 0
            names: list[str] = []
            numerals: list[str] = []  # their ARTIKELEN ("" for one left as it is)
            whole: list[Version] = []
            if provide is not None and not part:  # a further regeling: small, read at once
                old, new = outline_pair(a, b, workspace)
                articles = len(set(old.files) | set(new.files))
                if old.files and new.files:
                    opening = opening_articles(
                        set(old.files) | set(new.files),
                        lambda nr: old.files.get(nr) != new.files.get(nr),
                    )
                if opening:
                    provide(ComparisonHeading(a, b, old.version, new.version, articles))

            def read(only: tuple[str, ...] | None) -> tuple[Version, Version]:
                from wetdiff.model.version import artikel_numerals, paired_parts

                old, new = resolve_pair(a, b, workspace, only=only)
                if only is not None:
                    return old, new
                pairs = paired_parts(old, new)
                names[:] = [n.regeling or n.bwb_id for _, n in pairs] if len(pairs) > 1 else []
                numerals[:] = artikel_numerals(pairs) if len(pairs) > 1 else []
                if 0 < part < len(pairs):
                    whole[:] = [old, new]
                    return pairs[part]
                return old, new

            def finish(changeset: ChangeSet, opened: tuple[str, ...]) -> Comparison:
                shown_part = part if 0 < part < len(names) else 0
                return Comparison(
                    a,
                    b,
                    changeset,
                    proposal=proposal,
                    provisional=opened,
                    notes_pending=True,  # the law's own history has notes too
                    articles=articles,
                    units=shown(changeset),
                    regelingen=tuple(names),
                    numerals=tuple(numerals),
                    part=shown_part,
                    whole=(whole[0], whole[1]) if shown_part and whole else None,
                )

            return compare_in_steps(read, opening, finish, provide if not part else None)

    def with_notes(self, comparison: Comparison) -> Comparison:
        """The comparison with its notes attached to its changes: the notes of every step
        between its two versions (the law's own history, the proposal's stages), each on
        the change it explains, as the memo and the CLI place them
        (:func:`wetdiff.notes.explain.comparison_notes`)."""
        if not comparison.notes_pending:
            return comparison
        from wetdiff.notes.explain import Explainer, comparison_notes
        from wetdiff.notes.review import comments_on

        explainer = Explainer(self.root)
        if comparison.part and comparison.whole is not None:
            return self._with_further_notes(comparison, explainer)
        found = comparison_notes(comparison.changeset, explainer=explainer)
        comments = comments_on(self.root, comparison.changeset, explainer)
        consequences = self.consequences(comparison.changeset)
        attachment = found.attachment
        if attachment is None:
            return replace(
                comparison, notes_pending=False, comments=comments, consequences=consequences
            )
        return replace(
            comparison,
            consequences=consequences,
            notes=dict(attachment.by_change),
            orphans=attachment.orphans,
            questions=found.questions,
            attachment=attachment,
            notes_pending=False,
            comments=comments,
        )

    def _with_further_notes(self, comparison: Comparison, explainer: Explainer) -> Comparison:
        """A further regeling's comparison (ARTIKEL II, …) with the notes written on its
        changes (``regeling = …`` in the proposal's notes), as diff and the memo show them."""
        from wetdiff.notes.proposal import load_questions
        from wetdiff.notes.review import comments_on

        assert comparison.whole is not None
        attachment = explainer.explain_further(*comparison.whole, comparison.regeling)
        return replace(
            comparison,
            consequences=self.consequences(comparison.changeset),
            comments=comments_on(self.root, comparison.changeset, explainer),
            notes=dict(attachment.by_change),
            orphans=attachment.orphans,
            questions=load_questions(self.root, comparison.proposal)
            if comparison.proposal
            else None,
            attachment=attachment,
            notes_pending=False,
        )

    def consequences(self, changeset: ChangeSet) -> tuple[Consequence, ...]:
        """The consequential amendments of a comparison, as ``wetdiff diff`` and the memo
        list them (:func:`wetdiff.instructions.consequential.consequences`)."""
        from wetdiff.instructions.consequential import consequences

        return consequences(changeset, self.workspace)

    def resolve_comment(self, proposal: str, note_id: str) -> str:
        """Mark a review comment resolved and commit it, as 'wetdiff note resolve'."""
        from wetdiff.notes.review import resolve

        written = resolve(proposal, note_id, root=self.root, by=self._who())
        return written.commit or ""

    def _who(self) -> str:
        """The name git knows the lawyer by ("" when it knows none)."""
        try:
            return str(self.workspace.repo.identity()[0])
        except WetdiffError:
            return ""

    def conflicts(self, spec: str) -> ConflictMatrix:
        """Every pair of the amendments on a stage (``wetdiff conflicts``)."""
        from wetdiff.store.conflicts import conflict_matrix

        return conflict_matrix(self.workspace, spec)

    def _notes(self, proposal: str) -> tuple[NotesFile, QuestionRegistry]:
        from wetdiff.notes.proposal import load_proposal_notes

        bundle = load_proposal_notes(self.root, proposal)
        return bundle.notes_file, bundle.questions

    def questions(self, proposal: str) -> QuestionRegistry:
        return self._notes(proposal)[1]

    def versions(self) -> list[VersionEntry]:
        """Every version of the workspace: law by date, proposal stages, tags."""
        from wetdiff.store.versions import list_versions

        return list_versions(self.workspace)

    def log(self, artikel: str) -> list[LogEntry]:
        """The article's versions, newest first (legal time), each with the commits that
        recorded it (record time)."""
        from wetdiff.store.log import article_log

        return article_log(self.workspace, artikel)

    def why(self, artikel: str, entries: Sequence[LogEntry]) -> list[list[tuple[str, Note]]]:
        """Per version of the article's history, the notes that explain it (where, note):
        the "why" lines ``wetdiff log`` prints."""
        from wetdiff.notes.explain import Explainer, version_notes

        explainer = Explainer(self.root)
        return [version_notes(explainer, artikel, entry) for entry in entries]

    def blame(self, spec: str | None, artikel: str) -> Blame:
        """Which version introduced each provision and word of the article."""
        from wetdiff.store.blame import blame_article

        return blame_article(self.workspace, artikel, spec)

    def revisions(self, limit: int = 30) -> list[CommitInfo]:
        """The latest commits (record time), to compare a version as it was then."""
        repo = self.workspace.repo
        if repo.is_empty():
            return []
        return list(repo.log())[:limit]

    # writing

    def write_memo(self, comparison: Comparison, path: Path, *, author: str = "") -> str:
        """Write the change memo of the comparison shown, through the one memo workflow
        ``wetdiff memo`` uses (:func:`wetdiff.memo.writing.write_memo`: format from the
        file's name, written atomically). Returns its one-line summary."""
        from wetdiff.memo.writing import memo_author, write_memo

        written = write_memo(
            comparison.changeset,
            path,
            attachment=comparison.attachment,
            questions=comparison.questions,
            author=memo_author(author, self.root),
            workspace=self.workspace,
        )
        return written.summary

    def save_note(
        self,
        comparison: Comparison,
        change: Change,
        *,
        rationale: str,
        citations: Sequence[Citation],
        answers: Sequence[str],
        note_id: str | None,
    ) -> Path:
        """Add or replace the note on ``change`` in the proposal's notes file and commit
        it, through the one note-writing workflow ``wetdiff note add/edit`` use
        (:meth:`wetdiff.notes.writing.NotesTarget.save`): checked before anything is
        written, and the file put back if git refuses the commit."""
        from wetdiff.notes import Note
        from wetdiff.notes.anchor import anchor_for_change
        from wetdiff.notes.proposal import new_note_id
        from wetdiff.notes.writing import open_notes

        law_note = next(
            (
                n
                for notes in comparison.notes.values()
                for n in notes
                if n.id == note_id and n.version is not None and not n.stage
            ),
            None,
        )
        notes_file = self._law_notes_file(law_note.id) if law_note is not None else None
        if notes_file is not None:  # a note of the law's own history: in its article's file
            proposal = None
        elif comparison.proposal:
            proposal, notes_file = comparison.proposal, None
        else:
            raise WetdiffError(
                "a new note here explains a step of the law's own history, which the "
                "terminal UI does not write",
                hint="Write it with 'wetdiff note add --version DATE …' (the date the "
                "version it explains took effect), or compare with a proposal stage (v).",
            )
        with open_notes(proposal, notes_file, root=self.root, writing=True) as target:
            old = target.note(note_id) if note_id else None
            anchor = old.anchor if old is not None else anchor_for_change(change)
            taken = [n.id for n in target.file.notes]
            note = Note(
                old.id if old is not None else new_note_id(anchor, rationale, taken=taken),
                anchor,
                rationale.strip() + "\n" if rationale.strip() else "",
                tuple(citations),
                tuple(answers),
                old.gap if old else "",
                old.author if old else "",
                old.version if old else None,
                stage=old.stage if old else "",
                # a further regeling shown (ARTIKEL II, …): the note explains its change
                regeling=old.regeling if old else comparison.regeling,
            )
            target.regeling = note.regeling
            written = target.save(note, replace_id=old.id if old is not None else None)
            return Path(written.file.path)

    def _law_notes_file(self, note_id: str) -> Path | None:
        """The file of the law's history notes that holds ``note_id``."""
        from wetdiff.notes import read_notes
        from wetdiff.store.layout import law_notes_files

        for _, _, path in law_notes_files(self.root):
            if any(note.id == note_id for note in read_notes(path).notes):
                return path
        return None

    def add_question(self, proposal: str, question: Question) -> Question:
        """Register ``question`` and commit it, as ``wetdiff question add`` does."""
        from wetdiff.notes.proposal import register_questions

        written = register_questions(
            self.root, proposal, [question], f"Question {question.id}: {question.summary}"
        )
        return written.added[0]

    def article_draft(self, spec: str, artikel: str, regeling: str = "") -> ArticleDraft:
        """The text of ``artikel`` in a proposal stage, for editing (``regeling``: of a
        further regeling the proposal amends, by its BWB id)."""
        from wetdiff.model.files import read_text
        from wetdiff.model.text_format import render
        from wetdiff.store.layout import stage_file
        from wetdiff.store.versions import parse_spec, proposal_of, proposal_stage, resolve

        parsed = parse_spec(spec, self.workspace) if proposal_of(spec, self.workspace) else None
        if parsed is None or parsed.rev is not None:
            raise WetdiffError(
                f"'{spec}' is not a proposal stage on disk; only a proposal's text can be edited",
                hint="Compare against a proposal stage (press v), e.g. 36547/nr2, then edit.",
            )
        proposal = parsed.name
        snapshot = self.workspace.snapshot()
        stage = proposal_stage(snapshot, self.workspace.proposal(proposal), parsed.stage).id
        path = self.root / stage_file(proposal, stage, artikel, regeling)
        if path.exists():
            text = read_text(path)
            return ArticleDraft(proposal, stage, artikel, text, text, regeling)
        version = resolve(f"{proposal}/{stage}", self.workspace)
        part = next((p for p in version.parts if p.bwb_id == (regeling or version.bwb_id)), None)
        if part is None:
            raise WetdiffError(f"{proposal}/{stage} does not amend {regeling}")
        found = part.artikel(artikel)
        if found is None:
            raise WetdiffError(f"artikel {artikel} is not in {proposal}/{stage}")
        return ArticleDraft(proposal, stage, artikel, render(found), None, regeling)

    def save_article(
        self, draft: ArticleDraft, text: str, rationale: str, answers: Sequence[str] = ()
    ) -> str:
        """Write the edited article into the stage and commit it with the rationale."""
        from wetdiff.store.drafting import save_article

        if not rationale.strip():
            raise WetdiffError("a commit needs a rationale: why is the text changed?")
        sha = save_article(
            self.workspace,
            draft.proposal,
            draft.stage,
            text,
            draft.expected,
            rationale.strip(),
            answers,
            regeling=draft.regeling,
        )
        return str(sha)
