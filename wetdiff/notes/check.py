"""The check a proposal must pass: every change explained, every question answered.

:func:`check` looks at one comparison (a :class:`~wetdiff.diff.ChangeSet`), the notes on
it and the questions they may answer, and returns a :class:`CheckReport`: *findings*
(which fail the check: exit 1) and *honest gaps* (a question answered elsewhere, a note
whose source is not available: reported, never failing). Semantics and JSON form:
docs/notes.md, "wetdiff check".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wetdiff.diff.kinds import describe
from wetdiff.notes.anchor import (
    Attachment,
    attach,
    change_words,
    is_punctuation_consequence,
)
from wetdiff.notes.model import Note
from wetdiff.notes.questions import QuestionRegistry

# Finding kinds (fail the check) and gap kinds (reported only).
UNEXPLAINED = "unexplained-change"
ORPHANED = "orphaned-note"
UNKNOWN_QUESTION = "unknown-question"
UNANSWERED = "unanswered-question"
OPEN_QUESTION = "open-question"
UNCITED = "uncited-note"
STALE = "stale-note"
ANSWERED_ELSEWHERE = "answered-elsewhere"
NOTE_GAP = "note-gap"
_WORDS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing ``check`` reports. ``fails`` is False for honest gaps."""

    kind: str
    message: str
    fails: bool = True
    change: str | None = None
    provision: str | None = None
    words: str | None = None
    note: str | None = None
    question: str | None = None
    file: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"kind": self.kind, "fails": self.fails, "message": self.message}
        for key in ("change", "provision", "words", "note", "question", "file", "line"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The result for one comparison: what was compared, the findings, the honest gaps
    and warnings (e.g. a question of a kind wetdiff does not know)."""

    subject: str
    old: str
    new: str
    findings: tuple[Finding, ...] = ()
    gaps: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    changes: int = 0
    notes: int = 0
    attachment: Attachment = field(default_factory=Attachment, compare=False)
    illustrative: str = ""  # the label of a version checked that is not an official text

    @property
    def fails(self) -> bool:
        return any(f.fails for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "old": self.old,
            "new": self.new,
            "illustrative": self.illustrative or None,
            "ok": not self.fails,
            "changes": self.changes,
            "notes": self.notes,
            "findings": [f.to_dict() for f in self.findings],
            "gaps": [f.to_dict() for f in self.gaps],
            "warnings": list(self.warnings),
        }


def check(
    notes: Sequence[Note],
    questions: QuestionRegistry,
    changeset: Any,
    *,
    subject: str = "",
    check_questions: bool = True,
    attachment: Attachment | None = None,
    answered_elsewhere_by: Iterable[str] = (),
) -> CheckReport:
    """Check one comparison (a step: the notes that explain it, placed by
    :mod:`wetdiff.notes.explain`, or by their words when ``attachment`` is None).
    ``check_questions`` is False where the questions of the registry are not this
    comparison's to answer (a step in the law's history, an earlier stage);
    ``answered_elsewhere_by``: question ids answered by notes of the proposal's other
    steps."""
    if attachment is None:
        attachment = attach(notes, changeset)
    findings: list[Finding] = []
    gaps: list[Finding] = []

    for change in _unexplained(changeset, attachment):
        provision = change.new or change.old
        where = provision.locatie.in_words()
        if (
            change.old is not None
            and change.new is not None
            and (change.old.locatie.key != change.new.locatie.key)
        ):
            where += f" (was {change.old.locatie.in_words()})"
        words = describe_words(change)
        findings.append(
            Finding(
                UNEXPLAINED,
                f"{where}: {_kinds(change)} without a note: {words}",
                change=change.id,
                provision=provision.locatie.key,
                words=words,
            )
        )

    for note in attachment.orphans:
        anchor = note.anchor
        findings.append(
            Finding(
                ORPHANED,
                f"note {note.id} is orphaned: its words are no longer at {anchor.path} "
                f"({anchor.side} text) nor anywhere near: \u201c{anchor.quote}\u201d",
                note=note.id,
                provision=anchor.path,
                words=anchor.quote,
                file=note.source or None,
                line=note.line,
            )
        )

    findings.extend(_stale(notes, attachment, changeset))

    for note in notes:
        for question_id in note.answers:
            if question_id not in questions:
                findings.append(
                    Finding(
                        UNKNOWN_QUESTION,
                        f"note {note.id} answers {question_id!r}, which is in no questions "
                        f"registry",
                        note=note.id,
                        question=question_id,
                        file=note.source or None,
                        line=note.line,
                    )
                )
        if note.gap:
            gaps.append(
                Finding(
                    NOTE_GAP,
                    f"note {note.id}: source not available: {note.gap}",
                    fails=False,
                    note=note.id,
                    file=note.source or None,
                    line=note.line,
                )
            )
        elif not note.citations:
            findings.append(
                Finding(
                    UNCITED,
                    f"note {note.id} cites no source and does not say why (gap)",
                    note=note.id,
                    file=note.source or None,
                    line=note.line,
                )
            )

    if check_questions:
        placed = {n.id for n in notes} - {n.id for n in attachment.orphans}
        answered = {q for n in notes if n.id in placed for q in n.answers}
        answered |= set(answered_elsewhere_by)
        for question in questions:
            if question.id in answered:
                continue
            if question.answered_outside:
                gaps.append(
                    Finding(
                        ANSWERED_ELSEWHERE,
                        f"question {question.id} is answered elsewhere: "
                        f"{question.answered_elsewhere}",
                        fails=False,
                        question=question.id,
                        file=question.source or None,
                        line=question.line,
                    )
                )
            elif question.answered_elsewhere:  # "gap: …": where it was answered is unknown
                findings.append(
                    Finding(
                        OPEN_QUESTION,
                        f"question {question.id} ({question.summary} [{question.byline()}]) "
                        f"is open: no change answers it, and its answer elsewhere is unknown "
                        f"({question.answered_elsewhere})",
                        question=question.id,
                        file=question.source or None,
                        line=question.line,
                    )
                )
            else:
                findings.append(
                    Finding(
                        UNANSWERED,
                        f"question {question.id} ({question.summary} "
                        f"[{question.byline()}]) is open: answered by no change",
                        question=question.id,
                        file=question.source or None,
                        line=question.line,
                    )
                )

    return CheckReport(
        subject,
        changeset.old.label,
        changeset.new.label,
        tuple(findings),
        tuple(gaps),
        tuple(questions.warnings),
        len(changeset.changed()),
        len(notes),
        attachment,
        changeset.new.illustrative or changeset.old.illustrative,
    )


def _stale(notes: Sequence[Note], attachment: Attachment, changeset: Any) -> Iterable[Finding]:
    """Notes whose change was edited after they were written: the words the note
    remembers (``words``) are not the change's words now; or, for a note that remembers
    none, its quoted words are only found edited (a fuzzy placement)."""
    for note in notes:
        placement = attachment.placements.get(note.id)
        if placement is None:
            continue
        change = changeset.by_id(placement.change_id)
        if change is None:
            continue
        now = change_words(change)
        if note.words and now != note.words:
            message = (
                f"note {note.id} is stale: it was written for “{note.words}”, and "
                f"the change now reads “{now}”; check that the rationale still "
                f"holds, then 'wetdiff note edit {note.id}' records the new words"
            )
        elif not note.words and placement.how == "fuzzy":
            provision = change.new if placement.side == "new" else change.old
            found = provision.text[placement.start : placement.end] if provision else ""
            message = (
                f"note {note.id} is stale: it quotes “{note.anchor.quote}”, and "
                f"the text now reads “{found}”; check that the rationale still "
                f"holds, then point it at the new words ('wetdiff note edit {note.id}')"
            )
        else:
            continue
        yield Finding(
            STALE,
            message,
            change=change.id,
            provision=placement.path,
            words=now,
            note=note.id,
            file=note.source or None,
            line=note.line,
        )


def needs_note(change: Any) -> bool:
    """Whether a change must be explained by a note of its own (or of a part it belongs
    with): every change except an unchanged provision and a pure renumbering inside its
    article (same words, new number: the consequence of an insertion or deletion before
    it). An article that got another number (273a → 273f) must be explained."""
    if not change.changed:
        return False
    if set(change.kinds) == {"renumbered"} and change.old is not None and change.new is not None:
        return bool(change.old.locatie.artikel != change.new.locatie.artikel)
    return True


def _unexplained(changeset: Any, attachment: Attachment) -> Iterable[Any]:
    """Changes that need a note and have none, after the rules that let one note cover
    several parts (docs/notes.md): the related parts of a split or merger; an article
    inserted or deleted as a whole; an article renumbered or moved as a whole without
    word edits."""
    noted = set(attachment.by_change)
    pair_of: dict[str, tuple[str | None, str | None]] = {}
    noted_pairs: set[tuple[str | None, str | None]] = set()
    for change in changeset.changes:
        pair = _article_pair(change, changeset)
        pair_of[change.id] = pair
        if change.id in noted:
            noted_pairs.add(pair)
    for change in changeset.changes:
        if not needs_note(change) or change.id in noted:
            continue
        if any(r in noted for r in change.related):
            continue
        if _caused_by_noted_neighbour(change, changeset, noted):
            continue
        pair = pair_of[change.id]
        whole_article = pair[0] is None or pair[1] is None
        same_words = not any(w.op != "equal" for w in getattr(change, "words", ()))
        if pair in noted_pairs and (
            whole_article or (set(change.kinds) <= {"renumbered", "moved"} and same_words)
        ):
            continue
        yield change


def _caused_by_noted_neighbour(change: Any, changeset: Any, noted: set[str]) -> bool:
    """A punctuation-only consequence ("." → ";" at the end of an onderdeel because one
    was added after it, or the reverse) is covered by the note of the onderdeel inserted
    or deleted right after it, in the same list (docs/notes.md)."""
    if not is_punctuation_consequence(change):
        return False
    changes = changeset.changes
    index = next(i for i, c in enumerate(changes) if c.id == change.id)
    element = change.new.locatie.element() if change.new is not None else None
    for other in changes[index + 1 : index + 4]:
        provision = other.new or other.old
        if other.kinds & {"inserted", "deleted"} and provision is not None:
            parent = provision.locatie.element()
            if element is not None and _siblings(element, parent) and other.id in noted:
                return True
    return False


def _siblings(a: Any, b: Any) -> bool:
    """Two onderdelen of the same list (same artikel, lid and outer onderdelen)."""
    return bool(
        a.artikel == b.artikel
        and a.lid == b.lid
        and a.onderdelen[:-1] == b.onderdelen[:-1]
        and len(a.onderdelen) == len(b.onderdelen)
    )


def _kinds(change: Any) -> str:
    """ "renumbered and reworded", in the order a lawyer names them."""
    return describe(change.kinds, "en")


def _article_pair(change: Any, changeset: Any) -> tuple[str | None, str | None]:
    if change.new is not None:
        new = change.new.locatie.artikel
        return (changeset.old_article(new), new)
    old = change.old.locatie.artikel
    return (old, changeset.new_article(old))


def describe_words(change: Any) -> str:
    """The words of a change, as a lawyer reads them in a report: an inserted or deleted
    provision's text (shortened), or the word edits of a rewritten one
    ("[-acht-] {+twaalf+}")."""
    if change.old is None or change.new is None:
        text = (change.new or change.old).text
        return _shorten(text) or "(no text)"
    edits = []
    for word in change.words:
        if word.op == "delete" and word.text.strip():
            edits.append(f"[-{_shorten(word.text.strip())}-]")
        elif word.op == "insert" and word.text.strip():
            edits.append(f"{{+{_shorten(word.text.strip())}+}}")
    if not edits:
        return _shorten(change.new.text) or "(no text)"
    shown = " ".join(edits[:6])
    return shown + (f" … ({len(edits) - 6} more edits)" if len(edits) > 6 else "")


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= _WORDS_SHOWN:
        return " ".join(words)
    return " ".join(words[:_WORDS_SHOWN]) + " …"
