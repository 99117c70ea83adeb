"""Notes files: one ``[[note]]`` block per note, in a stable order.

A proposal's notes live in ``proposals/<id>/notes.toml``; notes on the law's own history
(why the 2013 version changed 273f) in ``articles/<BWB-id>/<artikel>/notes.toml``, each
with the ``version`` (in-force date) it explains. The format is in docs/notes.md::

    [[note]]
    id = "273f-kwetsbare-positie"
    at = "273f/6"
    side = "new"
    quote = "Onder kwetsbare positie wordt mede verstaan"
    before = ""
    after = "een situatie waarin"
    answers = [
        "2011/36/EU-art2",
    ]
    rationale = \"\"\"
    Implements the directive's definition of a position of vulnerability.
    \"\"\"

    [[note.citation]]
    document = "Kamerstukken II 2011/12, 33 309, nr. 3"
    section = "artikelsgewijs, onderdeel A"
    page = "gap"

The writer is deterministic (sorted by version, provision path, id; fixed key order;
values written by tomli-w), so a file a lawyer edits by hand and the same file rewritten
by wetdiff differ only where the content differs, and two lawyers adding notes to
different provisions merge without conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError, unknown_field
from wetdiff.model.artikel import Locatie
from wetdiff.model.files import atomic_write
from wetdiff.model.names import ARTICLE, BWB_ID, NOTE, is_valid_name
from wetdiff.model.normalise import find_control, visible_controls
from wetdiff.notes.model import SIDES, Anchor, Citation, Note
from wetdiff.notes.tomlfile import GAP, Blocks, dump_block, is_date, load_toml, parse_block_file
from wetdiff.store.layout import workspace_of

NOTE_FIELDS = (
    "id",
    "at",
    "side",
    "quote",
    "before",
    "after",
    "version",
    "stage",
    "regeling",
    "words",
    "answers",
    "gap",
    "author",
    "status",
    "rationale",
    "citation",
)
STATUSES = ("open", "resolved")  # of a review comment
CITATION_FIELDS = ("document", "section", "page", "link")
# The fields whose value is text (version is a date, answers and citations are lists).
_TEXT_FIELDS = tuple(f for f in NOTE_FIELDS if f not in ("version", "answers", "citation"))

HEADER = (
    "# Notes: why each change is there. One [[note]] block per note, kept sorted by\n"
    '# provision; format in docs/notes.md. Unknown facts are "gap", never guessed.\n'
)


@dataclass(frozen=True, slots=True)
class NotesFile:
    """A notes file as read: its notes and the exact text they came from (``None`` when
    the file does not exist yet), so a save can refuse to overwrite a change made on disk
    in the meantime."""

    path: Path
    notes: tuple[Note, ...]
    text: str | None

    def get(self, note_id: str) -> Note | None:
        for note in self.notes:
            if note.id == note_id:
                return note
        return None


def parse_notes(text: str, source: str) -> tuple[Note, ...]:
    """The notes of one file, or a :class:`WetdiffError` with file, line and field."""
    return tuple(parse_block_file(text, source, "note", _note, what="notes file"))


def _note(item: dict[str, Any], index: int, blocks: Blocks) -> Note:
    def fail(what: str, key: str | None = None, hint: str | None = None) -> WetdiffError:
        return blocks.error(what, "note", index, key, hint=hint)

    if bad := unknown_field(item, NOTE_FIELDS):
        raise fail(bad.what, bad.key, hint=bad.hint)
    for key in ("id", "at", "quote"):
        if key not in item:
            raise fail(f"note {index + 1} has no {key!r}")
    for key in _TEXT_FIELDS:
        if key in item and not isinstance(item[key], str):
            raise fail(f"field {key!r} must be text (between double quotes)", key)
    identifier = item["id"].strip()
    if not is_valid_name(identifier, NOTE):
        raise fail(
            f"field 'id' is not a note id: {visible_controls(repr(identifier))}",
            "id",
            hint="A note id is letters, digits, '.', '-' or '_', e.g. 273f-2-minderjarigen.",
        )
    path = item["at"].strip()
    try:
        _check_path(Locatie.from_key(path))
    except ValueError:
        raise fail(
            f"field 'at' is not a provision path: {path!r}",
            "at",
            hint="Write the path as 273f/1/3° (artikel/lid/onderdeel), 273f/1#2 for "
            "the second alinea of lid 1, 80/-/a for an article without leden.",
        ) from None
    side = item.get("side", "new")
    if side not in SIDES:
        raise fail('field \'side\' must be "new" or "old"', "side")
    quote = item["quote"].strip()
    if not quote:
        raise fail("field 'quote' must quote some words of the provision", "quote")
    version = item.get("version")
    if version is not None and not is_date(version):
        raise fail("field 'version' must be a date such as 2013-11-15", "version")
    stage = item.get("stage", "").strip()
    if version is not None and stage:
        raise fail(
            "a note explains one step: a law version ('version') or a proposal's stage "
            "('stage'), not both",
            "stage",
        )
    if any(c.isspace() or c == "/" for c in stage):
        raise fail("field 'stage' must be a stage id such as nr2 (no spaces, no '/')", "stage")
    regeling = item.get("regeling", "").strip()
    if regeling and (version is not None or not is_valid_name(regeling, BWB_ID)):
        raise fail(
            "field 'regeling' must be the BWB id of a further regeling the proposal amends, "
            "such as BWBR0099999 (a proposal's note only)",
            "regeling",
        )
    answers = item.get("answers", [])
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        raise fail("field 'answers' must be a list of question ids", "answers")
    if len(set(answers)) != len(answers):
        raise fail("field 'answers' names a question twice", "answers")
    rationale = item.get("rationale", "").strip("\n")
    gap = item.get("gap", "").strip()
    if gap == GAP:
        raise fail("field 'gap' must say why the source is not available, not just \"gap\"", "gap")
    if not rationale.strip() and not gap:
        raise fail("a note needs a rationale (or a 'gap' saying why there is none)", "rationale")
    status = item.get("status", "").strip()
    if status and status not in STATUSES:
        raise fail('field \'status\' must be "open" or "resolved" (a review comment)', "status")
    citations = _citations(item.get("citation", []), index, blocks)
    return Note(
        id=identifier,
        anchor=Anchor(
            path=path,
            quote=quote,
            before=item.get("before", "").strip(),
            after=item.get("after", "").strip(),
            side=side,
        ),
        rationale=rationale,
        citations=citations,
        answers=tuple(a.strip() for a in answers),
        gap=gap,
        author=item.get("author", "").strip(),
        version=version,
        source=blocks.source,
        line=blocks.header_line("note", index),
        stage=stage,
        regeling=regeling,
        words=" ".join(item.get("words", "").split()),
        status=status,
    )


def _check_path(where: Locatie) -> None:
    """A provision path names an article (a folder) and its numbered parts: never
    ``..``, a backslash or a control character (``at = "../../etc/passwd"``)."""
    if not is_valid_name(where.artikel, ARTICLE):
        raise ValueError(where.artikel)
    for part in (where.lid or "", *where.onderdelen):
        if part in (".", "..") or "\\" in part or find_control(part) is not None:
            raise ValueError(part)


def _citations(raw: Any, index: int, blocks: Blocks) -> tuple[Citation, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
        raise blocks.error("'citation' must be [[note.citation]] blocks", "note", index, "citation")
    citations = []
    for number, item in enumerate(raw):

        def fail(
            what: str, key: str | None = None, hint: str | None = None, number: int = number
        ) -> WetdiffError:
            return blocks.error(
                what, "note", index, key, sub="citation", sub_index=number, hint=hint
            )

        if bad := unknown_field(item, CITATION_FIELDS, within="a citation"):
            raise fail(bad.what, bad.key, hint=bad.hint)
        for key in CITATION_FIELDS:
            if key in item and not isinstance(item[key], str):
                raise fail(f"citation field {key!r} must be text", key)
        document = item.get("document", "").strip()
        if not document or document == GAP:
            raise fail(
                "a citation needs the document it cites",
                "document" if "document" in item else None,
                hint="If the source is not available, leave the citation out and "
                "say why in the note's 'gap'.",
            )
        link = item.get("link", "").strip()
        if link not in ("", GAP) and not link.startswith(("https://", "http://")):
            raise fail("citation 'link' must be a web address (https://…) or \"gap\"", "link")
        citations.append(
            Citation(document, item.get("section", "").strip(), item.get("page", "").strip(), link)
        )
    return tuple(citations)


def sort_notes(notes: Iterable[Note]) -> tuple[Note, ...]:
    return tuple(sorted(notes, key=Note.sort_key))


def render_notes(notes: Iterable[Note]) -> str:
    """The text of a notes file: header comment, then the notes in stable order."""
    blocks = [_note_block(note) for note in sort_notes(notes)]
    return HEADER + "".join("\n" + block for block in blocks)


def _note_block(note: Note) -> str:
    data: dict[str, Any] = {
        "id": note.id,
        "at": note.anchor.path,
        "side": note.anchor.side,
        "quote": note.anchor.quote,
        "before": note.anchor.before,
        "after": note.anchor.after,
        "version": note.version,
        "stage": note.stage,
        "regeling": note.regeling,
        "words": note.words,
        "answers": list(note.answers),
        "gap": note.gap,
        "author": note.author,
        "status": note.status,
        "rationale": note.rationale.strip("\n") + "\n" if note.rationale.strip() else "",
    }
    text = dump_block("note", data, NOTE_FIELDS)
    for citation in note.citations:
        text += "\n" + dump_block(
            "note.citation",
            {
                "document": citation.document,
                "section": citation.section,
                "page": citation.page,
                "link": citation.link,
            },
            CITATION_FIELDS,
        )
    return text


def read_notes(path: Path) -> NotesFile:
    """A notes file; a missing file is an empty one (nothing written yet)."""
    if not path.exists():
        return NotesFile(path, (), None)
    text, _ = load_toml(path, what="notes file")
    return NotesFile(path, parse_notes(text, str(path)), text)


def write_notes(current: NotesFile, notes: Iterable[Note]) -> NotesFile:
    """Write ``notes`` over the file ``current`` was read from: atomically, and only if
    the file on disk is still what was read (else the lawyer's other edit would be lost).
    The text is parsed back before it is written, so an unreadable file is never left."""
    text = render_notes(notes)
    parsed = parse_notes(text, str(current.path))
    if current.text is None and current.path.exists():
        raise WetdiffError(
            "the notes file was created on disk since it was read; not overwriting it",
            file=current.path,
            hint="Reload it, and make your change again.",
        )
    atomic_write(current.path, text, expected=current.text, within=workspace_of(current.path))
    return NotesFile(current.path, tuple(_with_source(n, str(current.path)) for n in parsed), text)


def _with_source(note: Note, source: str) -> Note:
    return note if note.source == source else replace(note, source=source)
