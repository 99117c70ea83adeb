"""Notes and questions: why each change is there and what it answers.

The questions registry (:mod:`.questions`), the notes and their files (:mod:`.model`,
:mod:`.files`), anchoring notes to the changes of a comparison (:mod:`.anchor`), and the
check a proposal must pass (:mod:`.check`). File formats: docs/notes.md.
"""

from __future__ import annotations

from wetdiff.notes.anchor import Attachment, Placement, anchor_for_change, attach
from wetdiff.notes.check import CheckReport, Finding, check
from wetdiff.notes.files import NotesFile, parse_notes, read_notes, render_notes, write_notes
from wetdiff.notes.model import Anchor, Citation, Note
from wetdiff.notes.questions import (
    KINDS,
    Question,
    QuestionRegistry,
    add_question,
    load_registry,
    parse_questions,
)

__all__ = [
    "KINDS",
    "Anchor",
    "Attachment",
    "CheckReport",
    "Citation",
    "Finding",
    "Note",
    "NotesFile",
    "Placement",
    "Question",
    "QuestionRegistry",
    "add_question",
    "anchor_for_change",
    "attach",
    "check",
    "load_registry",
    "parse_notes",
    "parse_questions",
    "read_notes",
    "render_notes",
    "write_notes",
]
