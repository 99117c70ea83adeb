"""The change memo as a value: everything a renderer shows, nothing it must compute.

Built from the two versions, their :class:`~wetdiff.diff.ChangeSet`, the notes attached
to its changes and the proposal's questions registry. Each renderer (Markdown, HTML,
Word) only lays this out, so the three formats say the same thing.

Statute text stays data all the way: the renderers escape it for their format. Text that
comes from notes or questions (typed by people) has any control character made visible
here (``␛``), once, for every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from wetdiff.diff.kinds import CHANGE_KINDS, Lang, describe, in_order
from wetdiff.diff.shown import Shown, shown
from wetdiff.instructions.consequential import consequences, consequential_text
from wetdiff.memo.labels import labels
from wetdiff.memo.rationale import Paragraph
from wetdiff.memo.rationale import parse as parse_rationale
from wetdiff.memo.structure import (
    Aanleiding,
    AppendixArticle,
    InstructionPart,
    MemoOnderdeel,
    MemoWijzigingsartikel,
    OpenPoint,
    aanleiding,
    appendix,
    instruction_parts,
    open_points,
    sections,
)
from wetdiff.model.artikel import Provision
from wetdiff.model.normalise import visible_controls
from wetdiff.model.version import Version

if TYPE_CHECKING:
    from wetdiff.diff import Change, ChangeSet
    from wetdiff.notes import Attachment, Note, QuestionRegistry
    from wetdiff.store.workspace import Workspace

KIND_ORDER = CHANGE_KINDS


@dataclass(frozen=True, slots=True)
class Renvooi:
    """One stretch of renvooi text: kept (``equal``), struck (``delete``) or underlined
    (``insert``)."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class MemoNote:
    """A note's rationale, citations and the questions it answers, as shown."""

    id: str
    rationale: str
    citations: tuple[tuple[str, str], ...]  # (in words, link or "")
    answers: tuple[str, ...]
    gap: str = ""
    author: str = ""
    blocks: tuple[Paragraph, ...] = ()  # the rationale (Markdown) as paragraphs and list items

    @property
    def plain(self) -> str:
        """The rationale's words without Markdown, for one-line lists."""
        return " ".join(block.text for block in self.blocks) or self.rationale


@dataclass(frozen=True, slots=True)
class MemoChange:
    """One change: where (in words), what kind (``kind`` the first a lawyer names,
    ``kinds`` all of them, ``kinds_words`` all of them in the memo's language:
    "vernummerd en gewijzigd"), the renvooi, and why."""

    id: str
    kind: str
    kinds: tuple[str, ...]
    location: str
    old_location: str
    renvooi: tuple[Renvooi, ...]
    notes: tuple[MemoNote, ...]
    artikel: str
    kinds_words: str = ""
    parts: tuple[str, ...] = ()  # the ids of the changes shown together here (a merger)
    regeling: str = ""  # a memo of several regelingen: the one it is a change of (its name)

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for n in self.notes for a in n.answers))


@dataclass(frozen=True, slots=True)
class CountRow:
    """One row of the summary: changes with exactly these kinds ("vernummerd en
    gewijzigd" is its own row, apart from "vernummerd"), in the memo's language."""

    kinds: tuple[str, ...]
    words: str
    count: int


@dataclass(frozen=True, slots=True)
class ConcordanceRow:
    """Old numbering → new numbering (either side empty: inserted or deleted), with
    every kind of the change in words ("vernummerd en gewijzigd")."""

    old: str
    new: str
    kind: str
    words: str = ""


@dataclass(frozen=True, slots=True)
class StaleReference:
    """A provision of the new version that still cites an old number: a consequential
    amendment to make (the citing provision and the targets in words)."""

    location: str
    text: str
    old_target: str
    new_target: str  # "" when the cited provision is gone
    also: str = ""  # other places parts of it now stand (the citation covers only part)
    instruction: str = ""  # the proposed consequential wijzigingsopdracht (proven)
    question: str = ""  # else: the drafting question it leaves open (never decided here)


@dataclass(frozen=True, slots=True)
class MemoQuestion:
    """A question of the registry and the changes that answer it."""

    id: str
    kind: str
    date: str
    asked_by: str
    summary: str
    link: str
    answered_by: tuple[str, ...]  # change ids
    answered_elsewhere: str = ""  # as the registry says it ("gap: …" when unknown)
    status: str = "open"  # "answered" (by a change here), "elsewhere" or "open"

    @property
    def open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True, slots=True)
class Instructions:
    """The generated wijzigingsopdrachten and whether applying them to A gave B;
    ``parts``: their onderdelen, with the articles each amends."""

    text: str
    base: str
    proven: bool
    restated: tuple[str, ...] = ()
    problem: str = ""
    parts: tuple[InstructionPart, ...] = ()
    # the proposed consequential wijzigingsopdrachten (each proven on the text the stale
    # citation stands in), per regeling: not part of A → B, so not in ``text``
    consequential: str = ""


@dataclass(frozen=True, slots=True)
class MemoAmendment:
    """An amendment the memo is about (the stage it amends → the amendment): how the
    Kamer cites it, who tabled it, when, what it replaces, and its toelichting (facts
    the amendment does not give are "gap")."""

    id: str
    name: str
    cited: str
    on: str
    indieners: str
    date: str
    replaces: str = ""
    title: str = ""
    toelichting: str = ""
    blocks: tuple[Paragraph, ...] = ()


@dataclass(frozen=True, slots=True)
class Memo:
    """Everything the memo says, in order."""

    lang: Lang
    old: str
    new: str
    old_title: str  # what the version is, in the memo's language (dates in words)
    new_title: str
    old_date: str  # the legal date (ISO), "" where none or beyond the data
    new_date: str
    illustrative: tuple[str, ...]
    created: dt.datetime
    author: str
    counts: tuple[CountRow, ...]
    changes: tuple[MemoChange, ...]
    concordance: tuple[ConcordanceRow, ...]
    questions: tuple[MemoQuestion, ...]
    orphans: tuple[MemoNote, ...]
    instructions: Instructions
    articles: tuple[str, ...] = field(default=())
    has_notes: bool = False  # any change has a note (else the memo says so once)
    stale: tuple[StaleReference, ...] = ()  # citations to update (consequential amendments)
    # the department's structure: the reasons, the changes per ARTIKEL and onderdeel of
    # the instructions, what is open, and the articles as they will read
    aanleiding: tuple[Aanleiding, ...] = ()
    artikelen: tuple[MemoWijzigingsartikel, ...] = ()
    open_points: tuple[OpenPoint, ...] = ()
    appendix: tuple[AppendixArticle, ...] = ()
    # a memo of amendments (docs/branches.md): who tabled them and why; the questions
    # listed are only those their changes answer
    amendments: tuple[MemoAmendment, ...] = ()

    @property
    def open_questions(self) -> tuple[MemoQuestion, ...]:
        """The questions nothing answers: no change here, and no known answer elsewhere
        (an answer the registry marks "gap" is not an answer)."""
        return tuple(q for q in self.questions if q.open)

    @property
    def total(self) -> int:
        return sum(row.count for row in self.counts)

    @property
    def onderdelen(self) -> tuple[MemoOnderdeel, ...]:
        return tuple(o for a in self.artikelen for o in a.onderdelen)

    def onderdeel_of(self, change_id: str) -> MemoOnderdeel | None:
        """The onderdeel of the instructions that makes a change (or the change shown
        with this id among its parts)."""
        change = self.change(change_id)
        shown_id = change.id if change is not None else change_id
        for onderdeel in self.onderdelen:
            if shown_id in onderdeel.changes:
                return onderdeel
        return None

    def changes_by_id(self) -> dict[str, MemoChange]:
        """The changes by id, to look up the changes of every onderdeel at once (a
        whole-code memo has a thousand)."""
        return {c.id: c for c in self.changes}

    def change(self, change_id: str) -> MemoChange | None:
        """The change shown with this id (or with this id among its parts)."""
        for change in self.changes:
            if change.id == change_id or change_id in change.parts:
                return change
        return None


def _visible(text: str) -> str:
    return visible_controls(text)


def _location(change: Change, side: str) -> str:
    provision = change.new if side == "new" else change.old
    return _where(provision) if provision is not None else ""


def _where(provision: Provision) -> str:
    return provision.in_words()


def _renvooi(unit: Shown) -> tuple[Renvooi, ...]:
    if unit.words:
        return tuple(Renvooi(w.op, w.text) for w in unit.words)
    if not unit.olds and unit.news:
        return (Renvooi("insert", " ".join(p.text for p in unit.news)),)
    if not unit.news and unit.olds:
        return (Renvooi("delete", " ".join(p.text for p in unit.olds)),)
    return (Renvooi("equal", unit.provision.text),)


def _unit_notes(unit: Shown, attachment: Attachment | None) -> tuple[MemoNote, ...]:
    """The notes of every part of a unit, each once."""
    if attachment is None:
        return ()
    found = {n.id: n for c in unit.changes for n in attachment.notes_for(c.id)}
    return tuple(_note(n) for n in found.values())


def _note(note: Note) -> MemoNote:
    rationale = _visible(note.rationale)
    return MemoNote(
        note.id,
        rationale,
        tuple(
            (_visible(c.in_words()), c.link if c.link and c.link != "gap" else "")
            for c in note.citations
        ),
        tuple(note.answers),
        _visible(note.gap),
        _visible(note.author),
        parse_rationale(rationale),
    )


def _collect_changes(
    changeset: ChangeSet,
    attachment: Attachment | None,
    lang: Lang,
    progress: Callable[[int], None] | None,
    regeling: str,
    changes: list[MemoChange],
    counts: dict[tuple[str, ...], int],
    concordance: list[ConcordanceRow],
) -> None:
    """One regeling's changes, counted and (the structural ones) in the concordance."""
    step = 0
    for unit in shown(changeset):
        for _ in unit.changes:
            step += 1
            if progress is not None and step % 50 == 0:
                progress(50)
        if not unit.changed:
            continue
        ordered = in_order(unit.kinds)
        counts[ordered] = counts.get(ordered, 0) + 1
        notes = _unit_notes(unit, attachment)
        location = "; ".join(_where(p) for p in unit.news) or "; ".join(
            _where(p) for p in unit.olds
        )
        old_location = "; ".join(_where(p) for p in unit.olds) if unit.news else ""
        provision = unit.provision
        words = describe(ordered, lang)
        changes.append(
            MemoChange(
                unit.id,
                unit.kind,
                tuple(sorted(unit.kinds)),
                location,
                old_location if old_location != location else "",
                _renvooi(unit),
                notes,
                provision.locatie.artikel,
                words,
                unit.ids,
                regeling,
            )
        )
        structural = set(unit.kinds) & {
            "inserted",
            "deleted",
            "renumbered",
            "moved",
            "split",
            "merged",
        }
        for change in unit.changes:
            provision = change.provision
            opens_element = bool(provision.number) or provision.locatie.alinea == 0
            if structural and opens_element:
                # each old element on its own row, with what happened to it (the old
                # aanhef of a merger is "samengevoegd", its onderdeel also "vernummerd")
                concordance.append(
                    ConcordanceRow(
                        _in(regeling, _location(change, "old")) if change.old else "",
                        _in(regeling, _location(change, "new")) if change.new else "",
                        change.kind,
                        describe(in_order(change.kinds), lang) if unit.grouped else words,
                    )
                )
    if progress is not None:
        progress(step % 50)


def _in(regeling: str, location: str) -> str:
    """A place in a memo of several regelingen: "Wet testregeling mensenhandel, artikel
    2, derde lid" (in a memo of one, the place alone)."""
    return f"{regeling}, {location}" if regeling else location


def build_memo(
    old: Version,
    new: Version,
    changeset: ChangeSet,
    attachment: Attachment | None = None,
    questions: QuestionRegistry | Iterable[Any] | None = None,
    *,
    lang: Lang = "nl",
    author: str = "",
    created: dt.datetime | None = None,
    instructions: Instructions | None = None,
    progress: Callable[[int], None] | None = None,
    amendments: tuple[MemoAmendment, ...] = (),
    workspace: Workspace | None = None,
) -> Memo:
    """The memo of the comparison ``old`` → ``new``. ``instructions`` are generated (and
    proven) here unless given; ``progress`` is called with the number of changes done.
    A proposal that amends several regelingen: each regeling's changes under its own
    ARTIKEL."""
    from wetdiff.diff import compare
    from wetdiff.model.version import paired_parts

    pairs = paired_parts(old, new)
    several = len(pairs) > 1
    changes: list[MemoChange] = []
    counts: dict[tuple[str, ...], int] = {}
    concordance: list[ConcordanceRow] = []
    for index, (old_part, new_part) in enumerate(pairs):
        _collect_changes(
            changeset if index == 0 else compare(old_part, new_part),
            attachment,  # the notes of every regeling's changes (their ids differ)
            lang,
            progress,
            (new_part.regeling or old_part.regeling or new_part.bwb_id) if several else "",
            changes,
            counts,
            concordance,
        )
    for old_nr, new_nr in changeset.article_pairs:
        if old_nr and new_nr and old_nr != new_nr:
            concordance.insert(
                0,
                ConcordanceRow(
                    f"artikel {old_nr}",
                    f"artikel {new_nr}",
                    "renumbered",
                    describe(("renumbered",), lang),
                ),
            )
    memo_questions = _questions(questions, changes)
    if amendments:  # an amendment's memo: the questions it answers, not the bill's
        memo_questions = tuple(q for q in memo_questions if q.answered_by)
    orphans = tuple(_note(n) for n in attachment.orphans) if attachment else ()
    if instructions is None:
        instructions = prove_instructions(old, new, changeset)
    instructions = replace(instructions, base=_visible(described(old, lang)))
    illustrative = tuple(dict.fromkeys(v.illustrative for v in (old, new) if v.illustrative))
    articles = tuple(dict.fromkeys(c.artikel for c in changes))
    t = labels(lang)
    artikelen = sections(instructions.parts, tuple(changes), t)
    found_consequences = consequences(changeset, workspace)
    instructions = replace(
        instructions, consequential=_visible(consequential_text(found_consequences, changeset))
    )
    return Memo(
        lang=lang,
        old=_visible(old.label),
        new=_visible(new.label),
        old_title=_visible(described(old, lang)),
        new_title=_visible(described(new, lang)),
        old_date=old.date.isoformat() if old.date and not old.beyond_data else "",
        new_date=new.date.isoformat() if new.date and not new.beyond_data else "",
        illustrative=tuple(_visible(i) for i in illustrative),
        created=created or dt.datetime.now(dt.UTC).replace(microsecond=0),
        author=_visible(author),
        counts=tuple(
            CountRow(kinds, describe(kinds, lang), n)
            for kinds, n in sorted(counts.items(), key=lambda item: _kinds_order(item[0]))
        ),
        changes=tuple(changes),
        concordance=tuple(concordance),
        questions=memo_questions,
        orphans=orphans,
        instructions=instructions,
        articles=articles,
        has_notes=any(c.notes for c in changes),
        stale=tuple(
            StaleReference(
                _visible(s.where()),
                _visible(s.text),
                s.old_target.in_words(),
                s.new_target.in_words() if s.new_target else "",
                "; ".join(place.in_words() for place in s.also),
                _visible(c.instruction),
                _visible(c.ask(lang)),
            )
            for c in found_consequences
            for s in (c.citation,)
        ),
        aanleiding=aanleiding(memo_questions, artikelen),
        artikelen=artikelen,
        open_points=open_points(
            memo_questions,
            artikelen,
            orphans,
            "" if instructions.proven else (instructions.problem or t["not_proven"]),
            t,
        )
        + tuple(  # what the changes leave to decide elsewhere in the code or the workspace
            OpenPoint(
                "consequence", _visible(c.citation.where()), _visible(c.ask(lang, place=False))
            )
            for c in found_consequences
            if c.question
        ),
        appendix=appendix(new, instructions.parts),
        amendments=tuple(
            replace(
                a,
                toelichting=_visible(a.toelichting),
                blocks=parse_rationale(_visible(a.toelichting)),
            )
            for a in amendments
        ),
    )


def described(version: Version, lang: Lang) -> str:
    """A version as the memo names it, in its language: what it is, with its dates in
    words, and what to type to get it (the law beyond its data is named only by its text
    and where the data ends: the date asked for is no legal fact)."""
    words = version.describe(lang)
    if version.label and version.label not in words and not version.beyond_data:
        words += f" ({version.label})"
    return words


def _kinds_order(kinds: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER) for k in kinds)


def _questions(
    questions: QuestionRegistry | Iterable[Any] | None, changes: list[MemoChange]
) -> tuple[MemoQuestion, ...]:
    if questions is None:
        return ()
    answering: dict[str, list[str]] = {}
    for change in changes:
        for answer in change.answers:
            answering.setdefault(answer, []).append(change.id)
    result = []
    for question in questions:
        date = question.date.isoformat() if question.date else "gap"
        answered_by = tuple(answering.get(question.id, ()))
        result.append(
            MemoQuestion(
                _visible(question.id),
                _visible(question.kind),
                date,
                _visible(question.asked_by),
                _visible(question.summary),
                _visible(question.link or "gap"),
                answered_by,
                _visible(question.answered_elsewhere or ""),
                question.status(bool(answered_by)),
            )
        )
    return tuple(result)


def prove_instructions(old: Version, new: Version, changeset: ChangeSet | None) -> Instructions:
    """Generate the wijzigingsopdrachten and execute them on ``old``: the memo says
    whether that gives ``new`` exactly."""
    from wetdiff.instructions import (
        apply_opdrachten,
        generate,
        generate_many,
        parse_text,
        same_text,
    )
    from wetdiff.model.version import paired_parts

    pairs = paired_parts(old, new)
    if len(pairs) > 1:  # one ARTIKEL per regeling, each proven on its own regeling
        generated = generate_many(
            [(o, n, changeset if i == 0 else None) for i, (o, n) in enumerate(pairs)]
        )
    else:
        generated = generate(old, new, changeset)
    if not generated.text:
        return Instructions("", generated.base, True)
    parts = instruction_parts(generated, old)
    parsed = parse_text(generated.text)
    result = apply_opdrachten(parsed.opdrachten, old, rollback=False)
    wrong = []
    applied = {part.bwb_id: part for part in result.version.parts}
    for index, (_, want) in enumerate(pairs):
        got = applied.get(want.bwb_id, result.version if index == 0 else None)
        if got is None:
            continue  # no ARTIKEL for this regeling was generated: nothing to compare
        numbers = {a.number for a in want.artikelen} | {a.number for a in got.artikelen}
        named = f"{want.regeling or want.bwb_id}, " if index else ""
        wrong += sorted(
            f"{named}artikel {n}" for n in numbers if not same_text(got.artikel(n), want.artikel(n))
        )
    problems = [str(p) for p in (*parsed.problems, *result.failures)]
    proven = not wrong and not problems
    problem = "; ".join(problems[:3] + wrong[:5])
    return Instructions(generated.text, generated.base, proven, generated.rewritten, problem, parts)
