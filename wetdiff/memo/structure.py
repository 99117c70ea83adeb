"""The memo as a department sends it: organised by the amending instructions.

The artikelsgewijze toelichting of a bill explains it per ARTIKEL and onderdeel, not per
fragment of text. So the memo's changes are grouped under the onderdeel of the
wijzigingsopdrachten that makes them (the onderdeel names the articles it amends), each
with its instruction, its renvooi, the rationale of its changes (each note once, with
its citations) and the questions it answers. Before that: the aanleiding (the questions
the proposal answers, with the notes that answer them) and an overview table; after it:
the concordance, one list of what is open or unknown, and the articles as they will
read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetdiff.instructions.apply import split_articles
from wetdiff.instructions.model import (
    ArtikelInvoegen,
    ArtikelVernummeren,
    KomtTeLuiden,
    Opdracht,
    Vervalt,
    Wijzigingsopdrachten,
)
from wetdiff.model.text_format import render
from wetdiff.model.version import Version

if TYPE_CHECKING:
    from wetdiff.memo.model import MemoChange, MemoNote, MemoQuestion


@dataclass(frozen=True, slots=True)
class InstructionPart:
    """One onderdeel of the generated set: where it stands (ARTIKEL I, onderdeel A; no
    letter in an amending article without onderdelen), the articles of the regeling it
    amends, what it does (``restated``, ``repealed``, ``inserted``, ``renumbered``,
    ``amended``) and its text."""

    numeral: str
    regeling: str
    letter: str
    articles: tuple[str, ...]
    does: str
    text: str
    owns: tuple[str, ...] = ()  # the articles whose changes it makes (a renumbered one's
    # changes stand under its new number, so the old number is only named)

    @property
    def heading(self) -> str:
        return f"ARTIKEL {self.numeral}" + (f", onderdeel {self.letter}" if self.letter else "")


@dataclass(frozen=True, slots=True)
class MemoOnderdeel:
    """One onderdeel as the memo explains it: its instruction, the changes it makes (ids
    of the memo's changes, in order), the rationale of those changes (each note once)
    and the questions they answer."""

    heading: str  # "ARTIKEL I, onderdeel A"
    articles: tuple[str, ...]
    does: str  # in the memo's language: "komt te luiden", "gewijzigd", …
    instruction: str
    changes: tuple[str, ...]
    notes: tuple[MemoNote, ...]
    answers: tuple[str, ...]

    @property
    def title(self) -> str:
        """ "ARTIKEL I, onderdeel A (artikel 273f)"."""
        if not self.articles:
            return self.heading
        noun = "artikel" if len(self.articles) == 1 else "artikelen"
        return f"{self.heading} ({noun} {_listed(self.articles)})"


@dataclass(frozen=True, slots=True)
class MemoWijzigingsartikel:
    """ARTIKEL I: the regeling it amends and its onderdelen."""

    numeral: str
    regeling: str
    onderdelen: tuple[MemoOnderdeel, ...]


@dataclass(frozen=True, slots=True)
class Aanleiding:
    """A question the proposal answers (a commitment, letter, motion, advice, report),
    the onderdelen that answer it, and the notes that give the answer."""

    question: MemoQuestion
    onderdelen: tuple[str, ...]  # headings
    notes: tuple[str, ...]  # "note id: first sentence"


@dataclass(frozen=True, slots=True)
class OpenPoint:
    """Something the memo cannot say yet: an open question, a fact that is a gap, a
    change without a rationale, a note without a change, instructions not proven."""

    kind: str  # "question" | "gap" | "no_rationale" | "orphan" | "not_proven"
    subject: str
    text: str


@dataclass(frozen=True, slots=True)
class AppendixArticle:
    """An amended article as it will read (doorlopende tekst)."""

    number: str
    text: str


def _listed(items: tuple[str, ...] | list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} en {items[-1]}"


_ARTICLE_LINE = re.compile(r"^Artikel\s+(\S+)")


def _does(opdrachten: tuple[Opdracht, ...]) -> str:
    kinds = {type(o) for o in opdrachten}
    if any(isinstance(o, KomtTeLuiden) and o.kind == "artikel" for o in opdrachten):
        return "restated"
    if kinds == {Vervalt} and all(not t.path for o in opdrachten for t in o.targets):  # type: ignore[attr-defined]
        return "repealed"
    if kinds == {ArtikelInvoegen}:
        return "inserted"
    if kinds == {ArtikelVernummeren}:
        return "renumbered"
    return "amended"


def _articles(
    opdrachten: tuple[Opdracht, ...], fallback: str, old: Version
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The articles of the regeling an onderdeel amends, in order, and those of them
    whose changes it makes (not the old number of a renumbered article)."""
    numbers: list[str] = []
    renumbered: set[str] = set()
    order = [a.number for a in old.artikelen]
    for opdracht in opdrachten:
        if isinstance(opdracht, ArtikelInvoegen):
            for chunk in split_articles(opdracht.block):
                m = _ARTICLE_LINE.match(chunk)
                if m:
                    numbers.append(m.group(1))
        elif isinstance(opdracht, ArtikelVernummeren):
            numbers += [opdracht.old, opdracht.new]
            renumbered.add(opdracht.old)
        elif isinstance(opdracht, Vervalt) and opdracht.through:
            first, last = (t.artikel for t in opdracht.targets)
            if first in order and last in order:
                numbers += order[order.index(first) : order.index(last) + 1]
        else:
            for name in ("targets", "parent", "target"):
                value = getattr(opdracht, name, None)
                if isinstance(value, tuple):
                    numbers += [t.artikel for t in value]
                elif value is not None:
                    numbers.append(value.artikel)
    articles = tuple(dict.fromkeys(numbers or [fallback]))
    return articles, tuple(n for n in articles if n not in renumbered)


def instruction_parts(generated: Wijzigingsopdrachten, old: Version) -> tuple[InstructionPart, ...]:
    """The onderdelen of a generated set, with the articles each amends."""
    parts = []
    for artikel in generated.artikelen:
        amended = _part(old, artikel.regeling)
        for onderdeel in artikel.onderdelen:
            articles, owns = _articles(onderdeel.opdrachten, onderdeel.artikel, amended)
            parts.append(
                InstructionPart(
                    artikel.numeral,
                    artikel.regeling,
                    onderdeel.letter,
                    articles,
                    _does(onderdeel.opdrachten),
                    _without_letter(onderdeel.text, onderdeel.letter),
                    owns,
                )
            )
    return tuple(parts)


def _part(version: Version, regeling: str) -> Version:
    """The regeling of ``version`` an ARTIKEL amends, by its name (a version of one
    regeling: itself)."""
    for part in version.others:
        if part.regeling == regeling:
            return part
    return version


def _without_letter(text: str, letter: str) -> str:
    """The onderdeel's instruction without its letter line (the memo heads it)."""
    if letter and text.startswith(letter + "\n"):
        return text[len(letter) :].strip("\n")
    return text.strip("\n")


def sections(
    parts: tuple[InstructionPart, ...],
    changes: tuple[MemoChange, ...],
    does_words: dict[str, str],
) -> tuple[MemoWijzigingsartikel, ...]:
    """The memo's changes under the onderdeel that makes them: the first onderdeel that
    amends the change's article. Changes no onderdeel names (none when the set is
    proven) are kept under an onderdeel without instruction, so nothing is dropped."""
    several = any(c.regeling for c in changes)  # each change's article in its regeling

    def key(regeling: str, number: str) -> tuple[str, str]:
        return (regeling if several else "", number)

    owner: dict[tuple[str, str], int] = {}
    for index, part in enumerate(parts):
        for number in part.owns:
            owner.setdefault(key(part.regeling, number), index)
    for index, part in enumerate(parts):  # an old number only where nothing else has it
        for number in part.articles:
            owner.setdefault(key(part.regeling, number), index)
    grouped: dict[int, list[MemoChange]] = {}
    for change in changes:
        grouped.setdefault(owner.get(key(change.regeling, change.artikel), -1), []).append(change)
    by_numeral: dict[str, list[MemoOnderdeel]] = {}
    regelingen: dict[str, str] = {}
    for index, part in enumerate(parts):
        regelingen.setdefault(part.numeral, part.regeling)
        by_numeral.setdefault(part.numeral, []).append(
            _onderdeel(
                part.heading,
                part.articles,
                does_words[f"does_{part.does}"],
                part.text,
                grouped.get(index, []),
            )
        )
    result = [
        MemoWijzigingsartikel(numeral, regelingen[numeral], tuple(onderdelen))
        for numeral, onderdelen in by_numeral.items()
    ]
    rest = grouped.get(-1, [])
    if rest:
        articles = tuple(dict.fromkeys(c.artikel for c in rest))
        extra = _onderdeel(
            does_words["other_changes"], articles, does_words["does_amended"], "", rest
        )
        result.append(MemoWijzigingsartikel("", "", (extra,)))
    return tuple(result)


def _onderdeel(
    heading: str, articles: tuple[str, ...], does: str, text: str, changes: list[MemoChange]
) -> MemoOnderdeel:
    notes = {n.id: n for c in changes for n in c.notes}
    answers = tuple(dict.fromkeys(a for n in notes.values() for a in n.answers))
    return MemoOnderdeel(
        heading, articles, does, text, tuple(c.id for c in changes), tuple(notes.values()), answers
    )


def _first_sentence(text: str) -> str:
    words = " ".join(text.split())
    m = re.match(r"(.+?[.!?])(?:\s|$)", words)
    return m.group(1) if m else words


def aanleiding(
    questions: tuple[MemoQuestion, ...], artikelen: tuple[MemoWijzigingsartikel, ...]
) -> tuple[Aanleiding, ...]:
    """The questions this comparison answers, oldest first (what led to the proposal),
    each with the onderdelen that answer it and the first sentence of each note that
    does."""
    found = []
    for question in sorted(
        (q for q in questions if q.status == "answered"), key=lambda q: (q.date, q.id)
    ):
        onderdelen = []
        notes: dict[str, str] = {}
        for artikel in artikelen:
            for onderdeel in artikel.onderdelen:
                if question.id in onderdeel.answers:
                    onderdelen.append(onderdeel.title)
                    for note in onderdeel.notes:
                        if question.id in note.answers:
                            notes.setdefault(note.id, f"{note.id}: {_first_sentence(note.plain)}")
        found.append(Aanleiding(question, tuple(onderdelen), tuple(notes.values())))
    return tuple(found)


def open_points(
    questions: tuple[MemoQuestion, ...],
    artikelen: tuple[MemoWijzigingsartikel, ...],
    orphans: tuple[MemoNote, ...],
    problem: str,
    words: dict[str, str],
) -> tuple[OpenPoint, ...]:
    """One list of what is open or unknown: open questions, each distinct gap with the
    onderdelen it concerns, onderdelen whose changes have no rationale, notes that match
    no change, and a set of instructions that is not proven."""
    points = [
        OpenPoint(
            "question",
            q.id,
            q.summary + (f" ({q.answered_elsewhere})" if q.answered_elsewhere else ""),
        )
        for q in questions
        if q.open
    ]
    gaps: dict[str, list[str]] = {}
    for artikel in artikelen:
        for onderdeel in artikel.onderdelen:
            for note in onderdeel.notes:
                if note.gap:
                    gaps.setdefault(note.gap, [])
                    if onderdeel.title not in gaps[note.gap]:
                        gaps[note.gap].append(onderdeel.title)
            if onderdeel.changes and not onderdeel.notes:
                points.append(OpenPoint("no_rationale", onderdeel.title, words["no_note"]))
    points += [OpenPoint("gap", "; ".join(where), gap) for gap, where in gaps.items()]
    points += [OpenPoint("orphan", note.id, note.plain) for note in orphans]
    if problem:
        points.append(OpenPoint("not_proven", words["instructions"], problem))
    return tuple(points)


def appendix(new: Version, parts: tuple[InstructionPart, ...]) -> tuple[AppendixArticle, ...]:
    """The amended articles as they will read, in the order of the onderdelen: the new
    text of each (a repealed or renumbered-away article reads [Vervallen])."""
    found: list[AppendixArticle] = []
    seen: set[tuple[str, str]] = set()
    for part in parts:
        for number in part.articles:
            if (part.regeling, number) in seen:
                continue
            seen.add((part.regeling, number))
            artikel = _part(new, part.regeling).artikel(number)
            if artikel is None:
                if part.does != "repealed":
                    continue  # the old number of a renumbered article: its text is under the new
                found.append(AppendixArticle(number, f"Artikel {number}\n\n[Vervallen]"))
            else:
                found.append(AppendixArticle(number, render(artikel).rstrip("\n")))
    return tuple(found)
