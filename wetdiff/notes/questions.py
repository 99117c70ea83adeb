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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError, unknown_field
from wetdiff.model.files import atomic_write, read_text
from wetdiff.model.normalise import find_control
from wetdiff.notes.tomlfile import GAP, Blocks, dump_block, is_date, parse_block_file
from wetdiff.store.layout import workspace_of

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

# What a parliamentary instrument adds (``wetdiff question import`` reads them from the
# official XML; a lawyer may write them by hand): its title and document as the Kamer
# prints them, the dossier, what the date is ("Voorgesteld 5 juni 2025"), the
# considerations and the request ("verzoekt de regering …") as separate fields, the
# motion it replaces ("ter vervanging van die gedrukt onder nr. 30"), whether it was
# adopted ("gap": the XML does not say), questions it is related to and on what ground,
# and the file it was imported from.
INSTRUMENT_FIELDS = (
    "title",
    "dossier",
    "document",
    "date_note",
    "considerations",
    "request",
    "replaces",
    "outcome",
    "related",
    "relation",
    "imported_from",
)
QUESTION_FIELDS = (
    "id",
    "kind",
    "date",
    "asked_by",
    "summary",
    "link",
    "answered_elsewhere",
    *INSTRUMENT_FIELDS,
)
_REQUIRED = ("id", "kind", "date", "link")
_TEXT_FIELDS = (
    "id",
    "kind",
    "asked_by",
    "summary",
    "link",
    "answered_elsewhere",
    "title",
    "dossier",
    "document",
    "date_note",
    "request",
    "replaces",
    "outcome",
    "relation",
    "imported_from",
)
# What became of a motion or amendment in the vote; "gap" where no source says.
OUTCOMES = ("aangenomen", "verworpen", "ingetrokken", "aangehouden", GAP)


@dataclass(frozen=True, slots=True)
class Question:
    """One question, motion, commitment, advice point or recommendation.

    ``date`` is None and ``link`` is None where the source does not give them (``"gap"``
    in the file). ``answered_elsewhere`` says where it was answered when that is outside
    this proposal: such a question needs no change to answer it.

    A parliamentary instrument (a motion, an amendment) also has the fields of
    :data:`INSTRUMENT_FIELDS`; its ``summary`` is its request on one line, so every view
    that shows a question shows what the Kamer asked first."""

    id: str
    kind: str
    date: dt.date | None
    asked_by: str
    summary: str
    link: str | None
    answered_elsewhere: str = ""
    title: str = ""
    dossier: str = ""
    document: str = ""  # as lawyers cite it: "Kamerstukken II 2024/25, 36 547, nr. 28"
    date_note: str = ""  # what the date is, as printed: "Voorgesteld 5 juni 2025"
    considerations: tuple[str, ...] = ()
    request: str = ""  # "verzoekt de regering …"; several lines when it has several parts
    replaces: str = ""  # the id of the motion this amended motion replaces
    outcome: str = ""  # OUTCOMES; "" where not recorded (not an instrument)
    related: tuple[str, ...] = ()
    relation: str = ""  # on what ground the related questions are related
    imported_from: str = ""  # the official XML it was read from
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

    def byline(self) -> str:
        """What stands beside the summary or request: kind, who (the indieners), and
        the date ("motie, D.T. Boomsma, 2025-06-05"); an unknown date says so."""
        parts = [self.kind]
        if self.asked_by:
            parts.append(self.asked_by)
        parts.append(self.date.isoformat() if self.date else "date: gap")
        return ", ".join(parts)

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
            "title": self.title or None,
            "dossier": self.dossier or None,
            "document": self.document or None,
            "date_note": self.date_note or None,
            "considerations": list(self.considerations),
            "request": self.request or None,
            "replaces": self.replaces or None,
            "outcome": None if self.outcome in ("", GAP) else self.outcome,
            "related": list(self.related),
            "relation": self.relation or None,
            "imported_from": self.imported_from or None,
        }

    def to_toml(self) -> str:
        return dump_block(
            "question",
            {
                "id": self.id,
                "kind": self.kind,
                "date": self.date or GAP,
                "asked_by": self.asked_by,
                # an instrument's summary is its request: written once
                "summary": "" if self.summary == summary_of_request(self.request) else self.summary,
                "link": self.link or GAP,
                "answered_elsewhere": self.answered_elsewhere,
                "title": self.title,
                "dossier": self.dossier,
                "document": self.document,
                "date_note": self.date_note,
                "considerations": list(self.considerations),
                "request": self.request + "\n" if "\n" in self.request else self.request,
                "replaces": self.replaces,
                "outcome": self.outcome,
                "related": list(self.related),
                "relation": self.relation,
                "imported_from": self.imported_from,
            },
            QUESTION_FIELDS,
        )


def one_line(text: str) -> str:
    """A text of several lines as one line (a request's parts, a list's items)."""
    return " ".join(text.split())


def summary_of_request(request: str) -> str:
    """An instrument's summary: its request on one line, without the comma or semicolon
    that closes the dictum before "en gaat over tot de orde van de dag" (the request
    itself keeps it, as published)."""
    return one_line(request).rstrip(",;: ")


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

    def replaced_by(self, question_id: str) -> tuple[Question, ...]:
        """The amended motions that replace ``question_id`` ("ter vervanging van …")."""
        return tuple(q for q in self.questions if q.replaces == question_id)

    def related_to(self, question: Question) -> tuple[tuple[Question, str], ...]:
        """The questions ``question`` names as related, and those that name it, each
        with the ground of the relation: a relation is shown on both sides, written on
        one."""
        return tuple(
            (q, question.relation if q.id in question.related else q.relation)
            for q in self.questions
            if q.id != question.id and (q.id in question.related or question.id in q.related)
        )


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


class QuestionFieldError(WetdiffError):
    """A field of a question is wrong; ``key`` names it, so a file can point at its line
    and a form or an option at its field."""

    def __init__(self, what: str, key: str | None = None, hint: str | None = None) -> None:
        super().__init__(what, hint=hint)
        self.key = key


def _question(item: dict[str, Any], index: int, blocks: Blocks) -> Question:
    try:
        question = validate_question(item, number=index + 1)
    except QuestionFieldError as error:
        raise blocks.error(error.what, "question", index, error.key, hint=error.hint) from None
    return replace(question, source=blocks.source, line=blocks.header_line("question", index))


def validate_question(item: Mapping[str, Any], *, number: int = 1) -> Question:
    """The one reading of a question's fields, for a registry file, ``wetdiff question
    add`` and the TUI's question editor alike: types, required fields, a date or gap, a
    web address or gap, ids on one line. Raises :class:`QuestionFieldError`."""
    if bad := unknown_field(item, QUESTION_FIELDS):
        raise QuestionFieldError(bad.what, bad.key, hint=bad.hint)
    for key in _REQUIRED:
        if key not in item:
            raise QuestionFieldError(
                f"question {number} has no {key!r}",
                hint='Write "gap" for a date or link the sources do not give.',
            )
    for key in _TEXT_FIELDS:
        if key in item and not isinstance(item[key], str):
            raise QuestionFieldError(f"field {key!r} must be text (between double quotes)", key)
    for key in ("considerations", "related"):
        value = item.get(key, [])
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise QuestionFieldError(f"field {key!r} must be a list of texts", key)
    date = item["date"]
    if date == GAP:
        date = None
    elif not is_date(date):
        raise QuestionFieldError(
            "field 'date' must be a date such as 2022-10-20, or \"gap\"", "date"
        )
    identifier = item["id"].strip()
    if not identifier or "\n" in identifier or find_control(identifier) is not None:
        raise QuestionFieldError("field 'id' must be a non-empty id on one line", "id")
    if not item["kind"].strip():
        raise QuestionFieldError("field 'kind' must not be empty", "kind")
    request = item.get("request", "").strip()
    summary = item.get("summary", "").strip() or summary_of_request(request)
    if not summary:
        raise QuestionFieldError(
            "field 'summary' must not be empty"
            if "summary" in item
            else f"question {number} has no 'summary'",
            "summary" if "summary" in item else None,
            hint="One line in your own words (a motion's request may stand instead: "
            'request = "verzoekt de regering …").',
        )
    if "\n" in summary:
        raise QuestionFieldError("field 'summary' must be one line", "summary")
    link = item["link"].strip()
    if link in (GAP, ""):
        link = None
    elif not link.startswith(("https://", "http://")):
        raise QuestionFieldError(
            "field 'link' must be a web address (https://…) or \"gap\"", "link"
        )
    outcome = item.get("outcome", "").strip().lower()
    if outcome and outcome not in OUTCOMES:
        raise QuestionFieldError(
            f"field 'outcome' must be one of: {', '.join(OUTCOMES)}", "outcome"
        )
    related = tuple(r.strip() for r in item.get("related", []))
    if item.get("relation", "").strip() and not related:
        raise QuestionFieldError(
            "field 'relation' says why questions are related, but 'related' names none",
            "relation",
        )
    if identifier in related:
        raise QuestionFieldError("field 'related' names the question itself", "related")
    # the text fields taken as written (stripped); the others checked or made above
    as_written = {
        key: item.get(key, "").strip()
        for key in _TEXT_FIELDS
        if key not in ("id", "kind", "summary", "link", "request", "outcome")
    }
    return Question(
        id=identifier,
        kind=item.get("kind", "").strip().lower(),
        date=date,
        summary=summary,
        link=link,
        considerations=tuple(c.strip() for c in item.get("considerations", [])),
        request=request,
        outcome=outcome,
        related=related,
        **as_written,
    )


def question_from_input(
    *,
    id: str,
    kind: str,
    date: str,
    summary: str,
    asked_by: str = "",
    link: str = "",
    document: str = "",
) -> Question:
    """A new question as a lawyer types it (``wetdiff question add``, the TUI's question
    editor): the date as ``YYYY-MM-DD`` or ``gap`` (empty is gap), the link a web address
    or ``gap``. A kind wetdiff does not know is refused here (a file written earlier is
    still read, with a warning). Raises :class:`QuestionFieldError`, the field named as
    the form and the options name it."""
    day: dt.date | str = GAP
    text = date.strip()
    if text and text != GAP:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise QuestionFieldError(
                f"date {text!r} is not a date: write YYYY-MM-DD, or gap", "date"
            ) from None
    folded = kind.strip().lower()
    if folded not in KINDS:
        raise QuestionFieldError(
            f"unknown kind {kind.strip()!r}", "kind", hint=f"Known kinds: {', '.join(KINDS)}."
        )
    if not id.strip() or not summary.strip():
        raise QuestionFieldError(
            "a question needs an id and a summary (what was asked, one line)",
            "id" if not id.strip() else "summary",
        )
    item: dict[str, Any] = {
        "id": id,
        "kind": folded,
        "date": day,
        "summary": one_line(summary),
        "asked_by": asked_by,
        "link": link.strip() or GAP,
        "document": document,
    }
    return validate_question(item)


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
    for question in questions:
        for other in (*question.related, question.replaces):
            if other and other not in where:
                warnings.append(
                    f"{question.source}:{question.line}: question {question.id!r} refers to "
                    f"{other!r}, which is in no registry read with it"
                )
    return QuestionRegistry(tuple(questions), tuple(warnings), tuple(files))


def add_question(path: Path, question: Question) -> Question:
    """Append a new question to a registry file (see :func:`add_questions`)."""
    return add_questions(path, [question]).added[0]


@dataclass(frozen=True, slots=True)
class RegistryWrite:
    """Questions appended to a registry file, and the file as it was before (None: it
    did not exist), so a caller that cannot commit the change can put it back."""

    path: Path
    added: tuple[Question, ...]
    previous: str | None


def add_questions(path: Path, questions: Iterable[Question]) -> RegistryWrite:
    """Append new questions to a registry file, in one atomic write; refuses a duplicate
    id and a file that changed on disk since it was read. Existing blocks are kept byte
    for byte (comments included): the new blocks are appended at the end."""
    new = list(questions)
    previous = read_text(path, what="questions file") if path.exists() else None
    text = previous or ""
    found, _ = parse_questions(text, str(path))
    taken = {q.id for q in found}
    for question in new:
        if question.id in taken:
            raise WetdiffError(f"question id {question.id!r} already exists", file=path)
        taken.add(question.id)
    # Validate the new blocks by parsing them, so nothing unreadable is ever written.
    blocks = "\n".join(q.to_toml() for q in new)
    parse_questions(blocks, "<new questions>")
    separator = (
        "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    )
    atomic_write(path, text + separator + blocks, expected=previous, within=workspace_of(path))
    written, _ = parse_questions(text + separator + blocks, str(path))
    return RegistryWrite(path, tuple(written[len(found) :]), previous)


def is_gap(text: str) -> bool:
    """Whether a field's text says the fact is unknown: ``"gap"`` or ``"gap: why"``."""
    return text.strip().lower().startswith(GAP)
