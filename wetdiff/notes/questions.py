"""The registry of questions a proposal answers.

A *question* is anything a change in the law can answer: a written parliamentary
question (``2022Z19982/3``), a motion (``28638-213/1``), a commitment (toezegging), a
point of the Raad van State's advice, a consultation response, a report's
recommendation (``CKM-2022/2``), an article of a directive. Each proposal keeps its own
registry in ``proposals/<id>/questions.toml``; questions shared by several proposals live
in ``questions/*.toml`` at the workspace root. Ids are the ones people already use, so
they are free text (no control characters, no line breaks), unique across all registries
that are read together.

Unknown facts are ``"gap"``: a question with an unknown date has ``date = None``; an
unknown link is ``None``. Nothing here is ever filled in by guessing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.model.files import atomic_write, read_text
from wetdiff.notes.tomlfile import GAP, Blocks, dump_block, is_date, parse_block_file

# The kinds of question a lawyer meets, in their own words. Case is folded
# ("RvS-advies" is "rvs-advies"); another kind is accepted with a warning, so a registry
# is never refused for a kind wetdiff did not foresee.
KINDS = (
    "schriftelijke vraag",
    "commissievraag",
    "motie",
    "toezegging",
    "brief",
    "rvs-advies",
    "consultatiereactie",
    "aanbeveling",
    "richtlijnartikel",
    "amendement",
)

# What is known of a question's answer (Question.status).
ANSWERED = "answered"
ELSEWHERE = "elsewhere"
OPEN = "open"

QUESTION_FIELDS = ("id", "kind", "date", "asked_by", "summary", "link", "answered_elsewhere")
_REQUIRED = ("id", "kind", "date", "summary", "link")


@dataclass(frozen=True, slots=True)
class Question:
    """One question, motion, commitment, advice point or recommendation.

    ``date`` is None and ``link`` is None where the source does not give them (``"gap"``
    in the file). ``answered_elsewhere`` says where it was answered when that is outside
    this proposal: such a question needs no change to answer it."""

    id: str
    kind: str
    date: dt.date | None
    asked_by: str
    summary: str
    link: str | None
    answered_elsewhere: str = ""
    source: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)

    @property
    def known_kind(self) -> bool:
        return self.kind in KINDS

    @property
    def answered_outside(self) -> bool:
        """Answered outside this proposal, and the registry says where. A value that
        starts with "gap" (``"gap: the government's response was not found"``) says the
        answer is unknown: the question is then still open."""
        return bool(self.answered_elsewhere) and not is_gap(self.answered_elsewhere)

    def status(self, answered_here: bool) -> str:
        """``"answered"`` (a change of the comparison answers it, through a note),
        ``"elsewhere"`` (answered outside the proposal, and where is known) or
        ``"open"`` (nothing answers it, or where it was answered is a gap)."""
        if answered_here:
            return ANSWERED
        return ELSEWHERE if self.answered_outside else OPEN

    def to_dict(self) -> dict[str, Any]:
        """For ``--format json`` and the memo: ``null`` where the file says gap."""
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.date.isoformat() if self.date else None,
            "asked_by": self.asked_by,
            "summary": self.summary,
            "link": self.link,
            "answered_elsewhere": self.answered_elsewhere or None,
        }

    def to_toml(self) -> str:
        return dump_block(
            "question",
            {
                "id": self.id,
                "kind": self.kind,
                "date": self.date or GAP,
                "asked_by": self.asked_by,
                "summary": self.summary,
                "link": self.link or GAP,
                "answered_elsewhere": self.answered_elsewhere,
            },
            QUESTION_FIELDS,
        )


@dataclass(frozen=True, slots=True)
class QuestionRegistry:
    """All questions read for a proposal, in file order, and what was odd about them."""

    questions: tuple[Question, ...] = ()
    warnings: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return any(q.id == question_id for q in self.questions)

    def get(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None


def parse_questions(text: str, source: str) -> tuple[tuple[Question, ...], tuple[str, ...]]:
    """The questions of one registry file, or a :class:`WetdiffError` naming file, line and
    field. Returns the questions and warnings (unknown kinds)."""
    questions = parse_block_file(text, source, "question", _question, what="questions file")
    warnings = tuple(
        f"{source}:{q.line}: unknown kind {q.kind!r} of question {q.id!r} "
        f"(known: {', '.join(KINDS)})"
        for q in questions
        if not q.known_kind
    )
    return tuple(questions), warnings


def _question(item: dict[str, Any], index: int, blocks: Blocks) -> Question:
    def fail(what: str, key: str | None = None, hint: str | None = None) -> WetdiffError:
        return blocks.error(what, "question", index, key, hint=hint)

    unknown = sorted(set(item) - set(QUESTION_FIELDS))
    if unknown:
        raise fail(
            f"unknown field {unknown[0]!r}",
            unknown[0],
            hint=f"Known fields: {', '.join(QUESTION_FIELDS)}.",
        )
    for key in _REQUIRED:
        if key not in item:
            raise fail(
                f"question {index + 1} has no {key!r}",
                hint='Write "gap" for a date or link the sources do not give.',
            )
    for key in ("id", "kind", "asked_by", "summary", "link", "answered_elsewhere"):
        if key in item and not isinstance(item[key], str):
            raise fail(f"field {key!r} must be text (between double quotes)", key)
    date = item["date"]
    if date == GAP:
        date = None
    elif not is_date(date):
        raise fail("field 'date' must be a date such as 2022-10-20, or \"gap\"", "date")
    identifier = item["id"].strip()
    if not identifier or "\n" in identifier:
        raise fail("field 'id' must be a non-empty id on one line", "id")
    if not item["summary"].strip():
        raise fail("field 'summary' must not be empty", "summary")
    link = item["link"].strip()
    if link in (GAP, ""):
        link = None
    elif not link.startswith(("https://", "http://")):
        raise fail("field 'link' must be a web address (https://…) or \"gap\"", "link")
    return Question(
        id=identifier,
        kind=item["kind"].strip().lower(),
        date=date,
        asked_by=item.get("asked_by", "").strip(),
        summary=item["summary"].strip(),
        link=link,
        answered_elsewhere=item.get("answered_elsewhere", "").strip(),
        source=blocks.source,
        line=blocks.header_line("question", index),
    )


def read_questions(path: Path) -> tuple[tuple[Question, ...], tuple[str, ...]]:
    return parse_questions(read_text(path, what="questions file"), str(path))


def load_registry(paths: Iterable[Path]) -> QuestionRegistry:
    """Read several registries (a proposal's own and the shared ones) into one; a question
    id defined twice, even in different files, is an error. Missing files are skipped."""
    questions: list[Question] = []
    warnings: list[str] = []
    files: list[Path] = []
    where: dict[str, Question] = {}
    for path in paths:
        if not path.exists():
            continue
        found, odd = read_questions(path)
        files.append(path)
        warnings.extend(odd)
        for question in found:
            if question.id in where:
                first = where[question.id]
                raise WetdiffError(
                    f"question id {question.id!r} is also defined in {first.source}:{first.line}",
                    file=question.source,
                    line=question.line,
                    hint="A question belongs in one registry: the proposal's own, or the "
                    "shared questions/ folder.",
                )
            where[question.id] = question
            questions.append(question)
    return QuestionRegistry(tuple(questions), tuple(warnings), tuple(files))


def add_question(path: Path, question: Question) -> Question:
    """Append a new question to a registry file, atomically; refuses a duplicate id and a
    file that changed on disk since it was read. Existing blocks are kept byte for byte
    (comments included): the new block is appended at the end."""
    text = read_text(path, what="questions file") if path.exists() else ""
    found, _ = parse_questions(text, str(path))
    if any(q.id == question.id for q in found):
        raise WetdiffError(f"question id {question.id!r} already exists", file=path)
    # Validate the new block by parsing it, so nothing unreadable is ever written.
    block = question.to_toml()
    parse_questions(block, f"<new question {question.id}>")
    separator = (
        "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    )
    atomic_write(path, text + separator + block, expected=text if path.exists() else None)
    added, _ = parse_questions(text + separator + block, str(path))
    return added[-1]


def is_gap(text: str) -> bool:
    """Whether a field's text says the fact is unknown: ``"gap"`` or ``"gap: why"``."""
    return text.strip().lower().startswith(GAP)
