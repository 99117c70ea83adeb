"""Which notes explain a comparison, and on which of its changes: the step first, the
words second.

A note explains one *step* between two versions: a law version and the one before it
(``version`` on a note in ``articles/<BWB-id>/<artikel>/notes.toml``), or a proposal's
stage and the stage before it, or the proposal's base for the first stage (``stage`` on a
note in ``proposals/<id>/notes.toml``). Only the notes of the steps that lie between the
two versions of a comparison explain it: ``law@2009-07-01 → law@2013-04-01`` is explained
by the notes of 1 April 2013, never by those of 2009 or of November 2013, however much
their words look alike.

Each such note is placed in its own step (its words are the words that step changed),
and then followed to the comparison: in a comparison of exactly that step (the common
case) it lands on that very change; across several steps, the provision it explains is
followed through the text between (a renumbering, a move), and the note lands on the
change of the comparison at that provision. A note whose provision a later step deleted,
or changed back, explains nothing in the comparison and is not shown (it is no orphan:
its own step still has it). A note whose words are not in its own step is an orphan.

:class:`Explainer` does this for every view (memo, diff, log, blame, check, questions,
the TUI), with one cache of versions and step comparisons per workspace. Docs:
docs/notes.md, "Which notes explain a comparison".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetdiff.diff import ChangeSet, compare
from wetdiff.errors import WetdiffError
from wetdiff.model.version import Version, paired_parts
from wetdiff.notes.anchor import (
    Attachment,
    Placement,
    Sides,
    attach,
    change_words,
    collect,
    fold,
)
from wetdiff.notes.check import CheckReport, check
from wetdiff.notes.files import NotesFile, read_notes
from wetdiff.notes.model import Note
from wetdiff.notes.proposal import (
    ParseErrors,
    _collect,
    all_questions,
    law_steps,
    load_questions,
    notes_path,
    proposal_folder,
    proposal_ids,
)
from wetdiff.notes.questions import QuestionRegistry

if TYPE_CHECKING:
    from wetdiff.store.proposals import Proposal


@dataclass(frozen=True, slots=True)
class Step:
    """One step a note can explain: ``old`` → ``new`` (``label`` in words: "273f@2013-04-01",
    "36547/nr2"). ``articles`` are the articles the step is about (a law step: the
    article's numbers through its renumberings; a stage: every article)."""

    key: str
    label: str
    old: Version
    new: Version
    articles: frozenset[str] = frozenset()
    amends: str = ""  # an amendment's step: the stage it amends (docs/branches.md)


@dataclass(frozen=True, slots=True)
class Source:
    """A notes file and what its notes explain: the law's history of one article
    (``bwb_id``, ``artikel``) or a proposal (``proposal``)."""

    file: NotesFile
    proposal: str = ""
    bwb_id: str = ""
    artikel: str = ""


@dataclass(frozen=True, slots=True)
class Explained:
    """The notes of a comparison, placed (``attachment``), and what else is known: the
    notes whose own step lies in the comparison but whose provision is not changed in it
    (``elsewhere``: a later step deleted or undid it) and, per placed note, the step it
    explains."""

    attachment: Attachment = field(default_factory=Attachment)
    elsewhere: tuple[Note, ...] = ()
    steps: dict[str, str] = field(default_factory=dict)  # note id -> step label


class Explainer:
    """The notes of a workspace, and the steps they explain, for any comparison of its
    versions. Versions and step comparisons are read once and kept."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._versions: dict[str, Version] = {}
        self._compared: dict[tuple[str, str, frozenset[str]], ChangeSet] = {}
        self._steps: dict[str, list[Step]] = {}
        self._sides: dict[str, Sides] = {}
        self._meta: dict[str, Any] = {}

    # -- which notes ----------------------------------------------------------------------

    def sources(self, old: Version, new: Version) -> list[Source]:
        """The notes files that may explain ``old`` → ``new``: the law's history of every
        annotated article of the regeling (when both are law versions or stages on it),
        and the proposal either version is a stage of."""
        from wetdiff.store.layout import law_notes_files

        found: list[Source] = []
        if old.law_date is not None and new.law_date is not None:
            regelingen = {v.bwb_id for v in (old, new) if v.bwb_id}
            for bwb_id, artikel, path in law_notes_files(self.root):
                if bwb_id in regelingen:
                    found.append(Source(read_notes(path), bwb_id=bwb_id, artikel=artikel))
        known = proposal_ids(self.root)
        for proposal in dict.fromkeys(v.proposal for v in (new, old) if v.proposal):
            if proposal in known:
                found.append(Source(read_notes(notes_path(self.root, proposal)), proposal))
        return found

    def explain(self, changeset: ChangeSet, sources: Sequence[Source] | None = None) -> Explained:
        """The notes of the steps between the comparison's versions, each on the change
        it explains. ``sources``: the notes files to use (default: :meth:`sources`)."""
        old, new = changeset.old, changeset.new
        if sources is None:
            sources = self.sources(old, new)
        placed: dict[str, Placement] = {}
        orphans: list[Note] = []
        elsewhere: list[Note] = []
        steps: dict[str, str] = {}
        order: list[Note] = []
        target = Sides(changeset)
        for source in sources:
            for note in source.file.notes:
                if note.regeling:
                    continue  # a further regeling's change: placed below, in its comparison
                own = self._steps_of(source, note, old, new)
                if own is None:
                    continue  # another step's note: not this comparison's
                step, position = own
                if position is None:  # its words are not in its own step
                    orphans.append(note)
                    continue
                found, outcome = self._place(note, step, changeset, target, position)
                if not found:
                    orphans.append(note)
                    continue
                order.append(note)
                if outcome is None:
                    elsewhere.append(note)
                else:
                    placed[note.id] = outcome
                    steps[note.id] = step.label
        by_change: dict[str, list[Note]] = {}
        for note in order:
            if note.id in placed:
                by_change.setdefault(placed[note.id].change_id, []).append(note)
        for source in sources:  # a proposal that amends several regelingen
            if source.proposal:
                further = self._further(source, old, new)
                for change_id, notes in further.by_change.items():
                    by_change.setdefault(change_id, []).extend(notes)
                orphans += further.orphans
                placed.update(further.placements)
                for note_id in further.placements:
                    stage = getattr(source.file.get(note_id), "stage", "")
                    steps[note_id] = f"{source.proposal}/{stage}" if stage else ""
        attachment = Attachment({k: tuple(v) for k, v in by_change.items()}, tuple(orphans), placed)
        return Explained(attachment, tuple(elsewhere), steps)

    def explain_further(self, old: Version, new: Version, bwb_id: str) -> Attachment:
        """The notes on the changes of one further regeling (``bwb_id``) of a comparison
        of a proposal that amends several, placed as :meth:`explain` places them: for a
        view that shows one regeling at a time (the TUI's ARTIKEL II)."""
        by_change: dict[str, tuple[Note, ...]] = {}
        orphans: tuple[Note, ...] = ()
        placements: dict[str, Placement] = {}
        for source in self.sources(old, new):
            if not source.proposal:
                continue
            further = self._further(source, old, new)
            mine = {n.id for n in source.file.notes if n.regeling == bwb_id}
            for change_id, notes in further.by_change.items():
                kept = tuple(n for n in notes if n.id in mine)
                if kept:
                    by_change[change_id] = by_change.get(change_id, ()) + kept
            orphans += tuple(n for n in further.orphans if n.id in mine)
            placements.update({k: v for k, v in further.placements.items() if k in mine})
        return Attachment(by_change, orphans, placements)

    def _further(self, source: Source, old: Version, new: Version) -> Attachment:
        """The notes on a further regeling's changes (``regeling`` set), each placed by its
        words in that regeling's comparison: those of the stages between ``old`` and
        ``new`` (a note without its stage: wherever its words are)."""
        if not (old.others or new.others) or new.proposal != source.proposal:
            return Attachment()
        stages = {s.label for s in self._stage_range(source.proposal, old, new)}
        by_change: dict[str, tuple[Note, ...]] = {}
        orphans: tuple[Note, ...] = ()
        placements: dict[str, Placement] = {}
        for before, after in further_parts(old, new):
            notes = [
                n
                for n in source.file.notes
                if n.regeling == after.bwb_id
                and (not n.stage or f"{source.proposal}/{n.stage}" in stages)
            ]
            if notes:
                here = attach(notes, compare(before, after))
                by_change.update(here.by_change)
                orphans += here.orphans
                placements.update(here.placements)
        return Attachment(by_change, orphans, placements)

    def _steps_of(
        self, source: Source, note: Note, old: Version, new: Version
    ) -> tuple[Step, Placement | None] | None:
        """The note's own step and where its words stand in it, when that step lies
        between ``old`` and ``new``; None when it does not (the note explains another
        comparison). A note without a recorded step belongs to the first step of its
        proposal where its words are changed."""
        if source.proposal:
            in_range = self._stage_range(source.proposal, old, new)
            if not in_range:
                return None
            step = self.step_of(source, note)
            if step is None:
                if note.stage or note.version:
                    return None  # names a stage this proposal does not have: check says so
                return in_range[-1], None  # its words are in no step: an orphan here
            if step.key not in {s.key for s in in_range}:
                return None
            return step, self.place_in_step(note, step)
        if note.version is None or old.law_date is None or new.law_date is None:
            return None
        if not old.law_date < note.version <= new.law_date:
            return None
        step = self.step_of(source, note)
        if step is None:
            return None
        return step, self.place_in_step(note, step)

    # -- steps ----------------------------------------------------------------------------

    def law_steps(self, bwb_id: str, artikel: str) -> list[Step]:
        """Each step of an article's official history (through its renumberings)."""
        key = f"law:{bwb_id}/{artikel}"
        if key not in self._steps:
            from wetdiff.notes.proposal import law_steps

            self._steps[key] = [
                Step(
                    f"{key}@{s.date.isoformat()}",
                    f"{s.new.artikelen[0].number if s.new.artikelen else artikel}"
                    f"@{s.date.isoformat()}",
                    s.old,
                    s.new,
                    frozenset(a.number for v in (s.old, s.new) for a in v.artikelen),
                )
                for s in law_steps(self.root, bwb_id, artikel)
            ]
        return self._steps[key]

    def stage_steps(self, proposal: str) -> list[Step]:
        """Each step of a proposal: its base → its first stage with a text, then each
        stage with a text → the next; then each amendment: the stage it amends → the
        amendment."""
        key = f"stages:{proposal}"
        if key not in self._steps:
            from wetdiff.store.layout import stage_dir
            from wetdiff.store.snapshot import DiskSnapshot

            snapshot = DiskSnapshot(self.root)
            meta = self.proposal_meta(proposal)
            previous = self.version(meta.base, regeling=meta.bwb_id or None)
            steps = []
            for stage in meta.chain:
                if not snapshot.is_dir(stage_dir(proposal, stage.id)):
                    continue
                current = self.version(f"{proposal}/{stage.id}")
                steps.append(
                    Step(
                        f"stage:{proposal}/{stage.id}", f"{proposal}/{stage.id}", previous, current
                    )
                )
                previous = current
            for stage in meta.text_stages:
                if stage.on and snapshot.is_dir(stage_dir(proposal, stage.id)):
                    steps.append(
                        Step(
                            f"stage:{proposal}/{stage.id}",
                            f"{proposal}/{stage.id}",
                            self.version(f"{proposal}/{stage.on}"),
                            self.version(f"{proposal}/{stage.id}"),
                            amends=stage.on,
                        )
                    )
            self._steps[key] = steps
        return self._steps[key]

    def proposal_meta(self, proposal: str) -> Proposal:
        """The proposal's ``proposal.toml`` as read from the working tree (read once)."""
        from wetdiff.store.proposals import read_proposal
        from wetdiff.store.snapshot import DiskSnapshot

        key = f"proposal:{proposal}"
        if key not in self._meta:
            self._meta[key] = read_proposal(DiskSnapshot(self.root), proposal)
        return self._meta[key]

    def _path(self, proposal: str, stage: str) -> list[str] | None:
        """The stages whose steps lead to ``stage`` (an amendment: through the stage it
        amends; ``A+am-12+am-15``: through A, then each amendment)."""
        head, _, adopted = stage.partition("+")
        path = [s.id for s in self.proposal_meta(proposal).path_to(head)]
        if not path:
            return None
        return path + [a for a in adopted.split("+") if a] if adopted else path

    def _stage_range(self, proposal: str, old: Version, new: Version) -> list[Step]:
        """The steps of a proposal that lie between ``old`` and ``new``: after ``old``'s
        place in the proposal (the law, any date, stands before its first stage) up to and
        including ``new``'s stage."""
        if new.proposal != proposal:
            return []
        by_id = {s.key.rpartition("/")[2]: s for s in self.stage_steps(proposal)}
        path = self._path(proposal, new.stage)
        if path is None:
            return []
        if old.proposal == proposal:
            before = self._path(proposal, old.stage)
            if before is None or path[: len(before)] != before:
                return []
            path = path[len(before) :]
        elif not (old.kind == "law" or (old.kind == "stage" and old.proposal != proposal)):
            return []
        return [by_id[stage] for stage in path if stage in by_id]

    def version(self, spec: str, *, regeling: str | None = None) -> Version:
        """The version ``spec`` names (``regeling``: the one a bare ``law`` means, as a
        proposal's base written ``law@…`` means its own regeling)."""
        if spec not in self._versions:
            from wetdiff.store.versions import resolve
            from wetdiff.store.workspace import open_workspace

            self._versions[spec] = resolve(spec, open_workspace(self.root), regeling=regeling)
        return self._versions[spec]

    def remember(self, *versions: Version) -> None:
        """Versions already read (the comparison's own), so steps reuse them."""
        for version in versions:
            if version.kind == "stage" and ":" not in version.label:
                self._versions.setdefault(version.label, version)

    # -- placing --------------------------------------------------------------------------

    def step_changes(self, step: Step) -> ChangeSet:
        """The comparison of one step (only the articles it is about, for a law step)."""
        return self._compare(step.old, step.new, step.articles)

    def place_in_step(self, note: Note, step: Step) -> Placement | None:
        """Where the note's words stand in its own step (None: they are not there)."""
        if step.key not in self._sides:
            self._sides[step.key] = Sides(self.step_changes(step))
        return self._sides[step.key].place(note)

    def _place(
        self, note: Note, step: Step, changeset: ChangeSet, target: Sides, own: Placement
    ) -> tuple[bool, Placement | None]:
        """(whether the note could be placed, its placement in the comparison: None when
        its provision is not changed there). ``own``: its placement in its own step."""
        step_changes = self.step_changes(step)
        change = step_changes.by_id(own.change_id)
        assert change is not None
        articles = {p.locatie.artikel for p in (change.old, change.new) if p is not None}
        articles |= {note.anchor.artikel}
        if self._same(step, changeset, articles):
            here = target.place(note)
            return here is not None, here
        return True, self._follow(note, own, step, changeset, articles)

    def _same(self, step: Step, changeset: ChangeSet, articles: set[str]) -> bool:
        """Whether the comparison holds exactly the step's texts of these articles (a
        comparison of that very step): then the note is placed in it directly."""
        numbers = articles | set(step.articles)
        for a in numbers:
            if step.old.artikel(a) != changeset.old.artikel(a):
                return False
            if step.new.artikel(a) != changeset.new.artikel(a):
                return False
        return True

    def _follow(
        self,
        note: Note,
        own: Placement,
        step: Step,
        changeset: ChangeSet,
        articles: set[str],
    ) -> Placement | None:
        """Follow the provision the note explains from its step to the comparison, and
        place the note on the comparison's change there."""
        if own.side == "new":
            # from the step's new text forward to the comparison's new text
            key = self._map(step.new, changeset.new, own.path, articles, forward=True)
            changes = [c for c in changeset.changes if c.changed and c.new_key == key]
        else:
            # from the comparison's old text forward to the step's old text, read backward
            key = self._map(changeset.old, step.old, own.path, articles, forward=False)
            changes = [c for c in changeset.changes if c.changed and c.old_key == key]
        if key is None or not changes:
            return None
        quote = fold(" ".join(note.anchor.quote.split()))
        best = None
        for change in changes:
            provision = change.new if own.side == "new" else change.old
            assert provision is not None
            start = fold(provision.text).find(quote)
            rank = (start < 0, change_words(change) != note.words)
            if best is None or rank < best[0]:
                best = (rank, change, provision, start)
        assert best is not None
        _, change, provision, start = best
        span = (start, start + len(quote)) if start >= 0 else (0, 0)
        return Placement(
            note.id, change.id, provision.locatie.key, own.side, span[0], span[1], "followed"
        )

    def _map(
        self, source: Version, target: Version, key: str, articles: set[str], *, forward: bool
    ) -> str | None:
        """Where the provision at ``key`` stands in the other version: ``forward``, a key of
        ``source`` to one of ``target``; else a key of ``target`` back to ``source``."""
        numbers = set(articles) | _touched(source) | _touched(target)
        if all(source.artikel(a) == target.artikel(a) for a in numbers):
            return key
        mapped = self._compare(source, target, frozenset(numbers))
        for change in mapped.changes:
            if forward and change.old_key == key:
                return change.new_key
            if not forward and change.new_key == key:
                return change.old_key
        return None

    def _compare(self, old: Version, new: Version, articles: frozenset[str]) -> ChangeSet:
        key = (old.label, new.label, articles)
        if key not in self._compared:
            if articles:
                old, new = old.only(tuple(articles)), new.only(tuple(articles))
            self._compared[key] = compare(old, new)
        return self._compared[key]

    def attach_step(self, notes: Iterable[Note], step: Step) -> Attachment:
        """The notes of one step placed in it (``wetdiff check``: each step on its own)."""
        return collect(notes, lambda note: self.place_in_step(note, step))

    def own_steps(self, source: Source) -> Attachment:
        """Every note of a notes file placed in its own step (``note list`` of the law's
        history: each note where its version changed the article)."""

        def own(note: Note) -> Placement | None:
            step = self.step_of(source, note)
            return self.place_in_step(note, step) if step is not None else None

        return collect(source.file.notes, own)

    def history_notes(
        self, artikel: str, kind: str, label: str, date: dt.date | None, bwb_id: str
    ) -> list[tuple[Any, Note]]:
        """The notes that explain one version in an article's history (``wetdiff log``):
        for a law version, the notes of the article's history with that ``version``; for
        a proposal's stage, the proposal's notes of that stage whose change touches the
        article. Each with the change it explains (in that step), in reading order."""
        from wetdiff.store.layout import law_notes_file

        found: list[tuple[int, Any, Note]] = []
        if kind == "law" and date is not None and bwb_id:
            source = Source(
                read_notes(self.root / law_notes_file(bwb_id, artikel)),
                bwb_id=bwb_id,
                artikel=artikel,
            )
            notes = [n for n in source.file.notes if n.version == date]
            articles: set[str] | None = None
        elif kind == "stage" and "/" in label:
            proposal, _, stage = label.rpartition(":")[2].partition("/")
            source = Source(read_notes(notes_path(self.root, proposal)), proposal)
            notes = [
                n
                for n in source.file.notes
                if (s := self.step_of(source, n)) and s.label == f"{proposal}/{stage}"
            ]
            articles = {artikel}
        else:
            return []
        for note in notes:
            step = self.step_of(source, note)
            placement = self.place_in_step(note, step) if step is not None else None
            if step is None or placement is None:
                continue
            changes = self.step_changes(step)
            change = changes.by_id(placement.change_id)
            if change is None:
                continue
            touched = {p.locatie.artikel for p in (change.old, change.new) if p is not None}
            if articles is not None and not touched & articles:
                continue  # another article's note (273fb's, in the log of 273f)
            index = next(i for i, c in enumerate(changes.changes) if c.id == change.id)
            found.append((index, change, note))
        return [(change, note) for _, change, note in sorted(found, key=lambda f: f[0])]

    def recorded(self, source: Source, note: Note) -> Note:
        """The note with the step it explains and the words of its change recorded, as
        ``note add`` and ``note edit`` write it (the words a later ``check`` compares):
        a proposal's note gets the first stage whose change its words are (unless it
        names one), a law note keeps its version."""
        note = replace(note, words="")
        if note.regeling:
            return note  # a further regeling's change: placed by its words alone
        if source.proposal and not note.stage:
            for step in self.stage_steps(source.proposal):
                placement = self.place_in_step(note, step)
                if placement is not None and placement.how != "fuzzy":
                    note = replace(note, stage=step.key.rpartition("/")[2])
                    break
        words = self.current_words(source, note)
        return replace(note, words=words) if words is not None else note

    # -- what a note remembers ------------------------------------------------------------

    def step_of(self, source: Source, note: Note) -> Step | None:
        """The step a note explains (for a note without a recorded step: the first step
        of its proposal where its words are changed)."""
        if source.proposal:
            steps = self.stage_steps(source.proposal)
            if note.stage:
                return next((s for s in steps if s.key.endswith(f"/{note.stage}")), None)
            return next((s for s in steps if self.place_in_step(note, s) is not None), None)
        if note.version is None:
            return None
        return next(
            (
                s
                for s in self.law_steps(source.bwb_id, source.artikel)
                if s.key.endswith(f"@{note.version.isoformat()}")
            ),
            None,
        )

    def current_words(self, source: Source, note: Note) -> str | None:
        """The words of the change the note explains, as they are now (None: its words
        are not in its step)."""
        step = self.step_of(source, note)
        if step is None:
            return None
        placement = self.place_in_step(note, step)
        if placement is None:
            return None
        change = self.step_changes(step).by_id(placement.change_id)
        return change_words(change) if change is not None else None


def _touched(version: Version) -> set[str]:
    """The articles a proposal's stage changes against its base (a move between articles
    only shows when both are compared)."""
    if version.kind != "stage" or version.base is None:
        return set()
    base = version.base
    numbers = {a.number for a in version.artikelen} | {a.number for a in base.artikelen}
    return {n for n in numbers if version.artikel(n) != base.artikel(n)}


def version_notes(explainer: Explainer, artikel: str, entry: Any) -> list[tuple[str, Note]]:
    """The notes that explain one version in an article's history (an entry of
    :func:`wetdiff.store.log.article_log`): its law version's notes, or its stage's notes
    on this article, as (where, note) in reading order; the "why" lines of ``wetdiff
    log`` and of the terminal UI's history."""
    step = entry.step
    parts = step.path.split("/")
    if step.kind == "stage" and len(parts) > 4:
        return []  # a further regeling's text in a stage: the notes explain the first's
    bwb_id = parts[1] if step.kind == "law" and len(parts) > 2 else ""
    found = explainer.history_notes(artikel, step.kind, step.label, step.date, bwb_id)
    return [((change.new or change.old).locatie.in_words(), note) for change, note in found]


@dataclass(frozen=True, slots=True)
class ComparisonNotes:
    """The notes and questions of one comparison, as every view shows them: the notes
    placed on its changes (``attachment``, None when there are no notes to look for), the
    questions they may answer (``questions``: the proposal's registry, or, for a
    comparison of law versions, the questions its notes answer), and the proposal either
    version belongs to ("" when none)."""

    attachment: Attachment | None = None
    questions: QuestionRegistry | None = None
    proposal: str = ""
    explained: Explained | None = None


def comparison_notes(
    changeset: ChangeSet,
    *,
    notes_file: Path | None = None,
    questions_files: Sequence[Path] = (),
    explainer: Explainer | None = None,
) -> ComparisonNotes:
    """The notes of the comparison ``changeset`` and the questions they may answer, found
    as the memo, ``diff``, ``log`` and the TUI find them: the notes of every step between
    the two versions (the law's own history and the proposal's stages), or the notes file
    given by hand (``--notes``), placed by :class:`Explainer`. Outside a workspace (two
    article files) only a file given by hand is read."""
    from wetdiff.notes.questions import load_registry

    old, new = changeset.old, changeset.new
    root = explainer.root if explainer is not None else None
    if root is None and (old.kind or new.kind):
        from wetdiff.store.workspace import open_workspace

        root = open_workspace().root
    if root is None and notes_file is not None:
        from wetdiff.store.layout import find_root

        root = find_root(notes_file.parent)
    if root is not None and explainer is None:
        explainer = Explainer(root)
    if explainer is not None:
        explainer.remember(old, new)
    explained: Explained | None = None
    attachment: Attachment | None = None
    if notes_file is not None:
        source = notes_file_source(root, notes_file) if root is not None else None
        if explainer is not None and source is not None and (source.proposal or source.bwb_id):
            explained = explainer.explain(changeset, [source])
            attachment = explained.attachment
        else:
            attachment = explain_with_file(changeset, read_notes(notes_file).notes)
    elif explainer is not None:
        explained = explainer.explain(changeset)
        attachment = explained.attachment
    proposal = new.proposal or old.proposal
    questions: QuestionRegistry | None = None
    if questions_files:
        questions = load_registry(list(questions_files))
    elif root is not None and proposal:
        questions = load_questions(root, proposal)
    elif root is not None and attachment is not None:
        answered = {
            a for notes in attachment.by_change.values() for note in notes for a in note.answers
        }
        if answered:
            every = all_questions(root)
            questions = replace(
                every, questions=tuple(q for q in every.questions if q.id in answered)
            )
    return ComparisonNotes(attachment, questions, proposal, explained)


def notes_file_source(root: Path, path: Path) -> Source:
    """What a notes file explains, from where it stands: ``proposals/<id>/notes.toml`` a
    proposal, ``articles/<BWB-id>/<artikel>/notes.toml`` an article's history; any other
    file is placed by its words alone."""
    from wetdiff.store.layout import ARTICLES, NOTES_FILE, PROPOSALS

    notes = read_notes(path)
    try:
        rel = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return Source(notes)
    if len(rel) == 3 and rel[0] == PROPOSALS and rel[2] == NOTES_FILE:
        return Source(notes, proposal=rel[1])
    if len(rel) == 4 and rel[0] == ARTICLES and rel[3] == NOTES_FILE:
        return Source(notes, bwb_id=rel[1], artikel=rel[2])
    return Source(notes)


def explain_with_file(
    changeset: ChangeSet, notes: Iterable[Note], root: Path | None = None
) -> Attachment:
    """Notes given by hand (``--notes FILE`` outside a workspace's own files): placed by
    their words, among the changed provisions, in the note's own article first; a note that
    names its law version is only placed when that version lies between the two."""
    old, new = changeset.old, changeset.new

    def in_range(note: Note) -> bool:
        if note.version is None or old.law_date is None or new.law_date is None:
            return True
        return old.law_date < note.version <= new.law_date

    sides = Sides(changeset)
    return collect(
        [n for n in notes if in_range(n)],
        sides.place,
    )


# -- wetdiff check: each step against the notes that explain it ---------------------------


def check_proposal(root: Path, proposal: str) -> list[CheckReport]:
    """``wetdiff check PROPOSAL``: each step of the proposal (its base → its first stage
    with a text, then each stage → the next) against the notes that explain it (their
    ``stage``; a note without one: the first stage whose change its words are), and the
    questions against every note of the proposal (in the report of its latest stage).
    Malformed files raise :class:`WetdiffError` (all of them at once:
    :class:`ParseErrors`)."""
    proposal_folder(root, proposal)
    errors: list[WetdiffError] = []
    questions = _collect(errors, partial(load_questions, root, proposal))
    notes_file = _collect(errors, partial(read_notes, notes_path(root, proposal)))
    explainer = Explainer(root)
    steps = _collect(errors, partial(explainer.stage_steps, proposal))
    if errors or questions is None or notes_file is None or steps is None:
        raise ParseErrors(errors)
    source = Source(notes_file, proposal)
    stage_ids = [step.key.rpartition("/")[2] for step in steps]
    further_ids = explainer.proposal_meta(proposal).regelingen[1:]
    for note in notes_file.notes:
        if note.stage and note.stage not in stage_ids:
            what = (
                f"note {note.id} names stage {note.stage!r}, which is not a stage with "
                f"a text of proposal {proposal} ({', '.join(stage_ids) or 'none'})"
            )
            hint = (
                "A proposal's note says which stage's change it explains: "
                "stage = the stage id (its folder's name)."
            )
        elif note.version is not None:
            what = (
                f"note {note.id} names a law version ({note.version}); a proposal's "
                "note names its stage"
            )
            hint = "Notes on the law's own history go in articles/<BWB-id>/<artikel>/notes.toml."
        elif note.regeling and note.regeling not in further_ids:
            what = (
                f"note {note.id} explains a change of {note.regeling}, which proposal "
                f"{proposal} does not amend"
            )
            hint = (
                "'regeling' names a regeling of 'also_amends' in proposal.toml: "
                f"{', '.join(further_ids) or 'none'}."
            )
        else:
            continue
        errors.append(WetdiffError(what, file=note.source, line=note.line, hint=hint))
    if errors:
        raise ParseErrors(errors)
    further = _further_checks(steps, [n for n in notes_file.notes if n.regeling])
    by_step: dict[str, list[Note]] = {step.key: [] for step in steps}
    unplaced: list[Note] = []
    for note in notes_file.notes:
        if note.regeling:
            continue  # a further regeling's change: checked in its own report
        step = explainer.step_of(source, note)
        if step is None:
            unplaced.append(note)  # its words are in no step: an orphan (in the last)
        else:
            by_step[step.key].append(note)
    attachments = {step.key: explainer.attach_step(by_step[step.key], step) for step in steps}
    reports = []
    # the questions are checked against the bill's last stage; an amendment's answers
    # count once it is adopted (into a stage of the bill)
    final = max((i for i, step in enumerate(steps) if not step.amends), default=len(steps) - 1)
    answered = {
        question
        for step in steps
        if not step.amends
        for note in by_step[step.key]
        if note.id in attachments[step.key].placements
        for question in note.answers
    } | {
        question
        for row in further
        if not row.step.amends
        for note in row.notes
        if note.id in row.attachment.placements
        for question in note.answers
    }
    for index, step in enumerate(steps):
        last = index == final
        notes = by_step[step.key] + (unplaced if last else [])
        attachment = attachments[step.key]
        if last and unplaced:
            attachment = Attachment(
                attachment.by_change,
                attachment.orphans + tuple(unplaced),
                attachment.placements,
            )
        reports.append(
            check(
                notes,
                questions,
                explainer.step_changes(step),
                subject=proposal,
                check_questions=last,
                attachment=attachment,
                answered_elsewhere_by=answered,
            )
        )
        for row in further:
            if row.step is step:
                reports.append(
                    check(
                        row.notes,
                        questions,
                        row.changeset,
                        subject=f"{proposal} ({row.new.regeling or row.new.bwb_id})",
                        check_questions=False,
                        attachment=row.attachment,
                    )
                )
    return reports


@dataclass(frozen=True, slots=True)
class _FurtherStep:
    """One step of a proposal for one of the further regelingen it amends: the
    comparison, and the notes that explain it, placed by their words."""

    step: Step
    new: Version
    changeset: ChangeSet
    notes: list[Note]
    attachment: Attachment


def _further_checks(steps: Sequence[Step], notes: Sequence[Note]) -> list[_FurtherStep]:
    """Each step's comparison of each further regeling, with its notes: a note that
    names its stage in that stage's step, one that does not in the first step whose
    changes hold its words (else, an orphan, in its regeling's last step)."""
    rows = [
        (step, new, compare(old, new))
        for step in steps
        for old, new in further_parts(step.old, step.new)
    ]
    home: dict[int, list[Note]] = {}
    for note in notes:
        mine = [i for i, (_, new, _) in enumerate(rows) if new.bwb_id == note.regeling]
        found = next(
            (
                i
                for i in mine
                if (
                    rows[i][0].key.rpartition("/")[2] == note.stage
                    if note.stage
                    else note.id in attach([note], rows[i][2]).placements
                )
            ),
            mine[-1] if mine else None,
        )
        if found is not None:
            home.setdefault(found, []).append(note)
    return [
        _FurtherStep(step, new, changeset, home.get(i, []), attach(home.get(i, []), changeset))
        for i, (step, new, changeset) in enumerate(rows)
    ]


def further_parts(old: Version, new: Version) -> list[tuple[Version, Version]]:
    """The further regelingen of one step of a proposal that amends several (ARTIKEL
    II, …), each as its pair of versions: the first step from each one's base."""
    if old.kind == "law" and not old.others:
        return [(part.base, part) for part in new.others if part.base is not None]
    return paired_parts(old, new)[1:]


def check_law(root: Path) -> list[CheckReport]:
    """``wetdiff check law``: for every article with a ``notes.toml``, each step of its
    history against the notes with that ``version``. A note whose version is no step of
    the history is bad input."""
    errors: list[WetdiffError] = []
    questions = _collect(errors, lambda: all_questions(root)) or QuestionRegistry()
    reports = []
    from wetdiff.store.layout import law_notes_files

    for bwb_id, artikel, path in law_notes_files(root):
        notes_file = _collect(errors, partial(read_notes, path))
        steps = _collect(errors, partial(law_steps, root, bwb_id, artikel))
        if notes_file is None or steps is None:
            continue
        dates = {step.date for step in steps}
        for note in notes_file.notes:
            if note.version is None or note.version not in dates:
                errors.append(
                    WetdiffError(
                        f"note {note.id} has version {note.version or '(none)'}, which is not "
                        f"a date on which artikel {artikel} changed "
                        f"({', '.join(d.isoformat() for d in sorted(dates)) or 'no versions'})",
                        file=note.source,
                        line=note.line,
                        hint="A note on the law's history says which version it explains: "
                        "version = YYYY-MM-DD, the in-force date of that version.",
                    )
                )
        explainer = Explainer(root)
        for step in explainer.law_steps(bwb_id, artikel):
            day = dt.date.fromisoformat(step.key.rpartition("@")[2])
            notes = [n for n in notes_file.notes if n.version == day]
            reports.append(
                check(
                    notes,
                    questions,
                    explainer.step_changes(step),
                    subject=f"{bwb_id}/{artikel}@{day.isoformat()}",
                    check_questions=False,
                    attachment=explainer.attach_step(notes, step),
                )
            )
    if errors:
        raise ParseErrors(errors)
    return reports
