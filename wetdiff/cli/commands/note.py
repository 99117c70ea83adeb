"""``wetdiff note add|edit|list|show``: write and read the notes that explain changes.

Notes live in ``proposals/<id>/notes.toml`` (or, with ``--file``, any notes file such
as ``articles/<BWB-id>/<artikel>/notes.toml`` for the law's own history). Writes are
atomic and refuse a file changed on disk since it was read; in a git workspace each
write is committed with the rationale as message. Format: docs/notes.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wetdiff.cli.options import answers_option, format_option, proposal_option
from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Locatie
from wetdiff.model.dates import iso_date
from wetdiff.model.normalise import visible_controls
from wetdiff.notes.model import SIDES, Anchor, Citation, Note

if TYPE_CHECKING:
    from wetdiff.notes.anchor import Attachment
    from wetdiff.notes.writing import NotesTarget


@click.group()
def command() -> None:
    """Write and read the notes that say why each change is there."""


def _target_options(func: Any) -> Any:
    func = click.option(
        "--review",
        is_flag=True,
        help="The proposal's review comments (review.toml) instead of its notes: a comment "
        "is a note with an author and a status (open until 'note resolve').",
    )(func)
    func = click.option(
        "--file",
        "notes_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="A notes file instead of a proposal's (e.g. articles/BWBR0001854/273f/notes.toml).",
    )(func)
    return proposal_option(func)


def _content_options(func: Any) -> Any:
    options = [
        click.option(
            "--change",
            "change_id",
            metavar="ID",
            help="Anchor on this change (its id, or a unique prefix of 4+ "
            "characters, as 'wetdiff diff --format json' shows).",
        ),
        click.option("--at", "path", metavar="PATH", help="Provision path, e.g. 273f/1/3°."),
        click.option("--quote", metavar="WORDS", help="The words the note is about."),
        click.option("--before", metavar="WORDS", help="A few words before the quote."),
        click.option("--after", metavar="WORDS", help="A few words after the quote."),
        click.option(
            "--side",
            type=click.Choice(SIDES),
            help="Whose words the quote is: new (default) or old (a deletion).",
        ),
        click.option("--rationale", metavar="TEXT", help="Why the change is there (Markdown)."),
        click.option(
            "--rationale-file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Read the rationale from a file ('-' for standard input).",
        ),
        click.option(
            "--cite",
            "cites",
            multiple=True,
            metavar="DOC|SECTION|PAGE|LINK",
            help="A citation (repeatable); trailing fields may be left out, any "
            "field may be 'gap'.",
        ),
        answers_option,
        click.option("--gap", metavar="WHY", help="Why the source is not available."),
        click.option("--author", metavar="NAME", help="Who wrote the note."),
        click.option(
            "--no-commit",
            is_flag=True,
            help="Write the file but do not commit it (commit later, with git).",
        ),
        click.option(
            "--stage",
            "stage",
            metavar="STAGE",
            help="The proposal's stage whose change the note explains (e.g. an amendment, "
            "am-12); --change then takes that stage's change ids.",
        ),
        click.option(
            "--regeling",
            "regeling",
            metavar="BWB-ID",
            help="A proposal that amends several regelingen: the further one whose change "
            "the note explains (e.g. BWBR0099999); --change then takes its change ids.",
        ),
        click.option(
            "--version",
            "version",
            metavar="YYYY-MM-DD",
            help="For notes on the law's history: the in-force date of the version "
            "the note explains.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@command.command("add")
@_target_options
@_content_options
@click.option("--id", "note_id", metavar="ID", help="The note's id (default: made up).")
@format_option("text", "json")
def add(
    proposal: str | None,
    notes_file: Path | None,
    review: bool,
    note_id: str | None,
    output_format: str,
    **fields: Any,
) -> None:
    """Add a note, anchored with --change ID or with --at PATH --quote "words".

    With --review, a review comment: the rationale is what the reviewer says, the author
    is you (or --author), and it is open until 'wetdiff note resolve ID'; 'wetdiff check'
    fails while a comment is open."""
    from wetdiff.notes.proposal import new_note_id

    target = _open(proposal, notes_file, must_exist=False, writing=True, review=review)
    target.stage = fields["stage"] or ""
    target.regeling = fields["regeling"] or ""
    anchor = _anchor(target, fields)
    if anchor is None:
        raise WetdiffError(
            'say which change the note is about: --change ID, or --at PATH --quote "words"'
        )
    rationale = _rationale(fields)
    note = Note(
        id=note_id or new_note_id(anchor, rationale or "", taken=(n.id for n in target.file.notes)),
        anchor=anchor,
        rationale=rationale or "",
        citations=tuple(_citation(c) for c in fields["cites"]),
        answers=tuple(fields["answers"]),
        gap=(fields["gap"] or "").strip(),
        author=(fields["author"] or "").strip(),
        version=_version(fields["version"]),
        stage=target.stage,
        regeling=target.regeling,
    )
    subject = ""
    if review:
        from wetdiff.notes.review import comment

        note = comment(note, _who(target.root))
        subject = f"Review comment {note.id} by {note.author}"
    _print_note(
        _save(target, note, None, commit=not fields["no_commit"], subject=subject),
        output_format,
        target,
    )


@command.command("edit")
@click.argument("note_id")
@_target_options
@_content_options
@click.option("--new-id", metavar="ID", help="Give the note another id.")
@format_option("text", "json")
def edit(
    note_id: str,
    proposal: str | None,
    notes_file: Path | None,
    review: bool,
    new_id: str | None,
    output_format: str,
    **fields: Any,
) -> None:
    """Change a note. With options, replace just those fields (--cite and --answers
    replace the whole list); without any, open the note in $EDITOR."""
    from wetdiff.notes.files import parse_notes, render_notes

    target = _open(proposal, notes_file, writing=True, review=review)
    note = target.note(note_id)
    no_commit = fields.pop("no_commit")
    target.stage = fields.pop("stage") or note.stage
    target.regeling = fields.pop("regeling") or note.regeling
    given = {k: v for k, v in fields.items() if v not in (None, ())}
    if not given and new_id is None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            raise WetdiffError(
                "no editor: set $EDITOR, or give the fields to change as "
                "options (see 'wetdiff note edit --help')"
            )
        text = render_notes([note])
        edited = click.edit(text, editor=editor, extension=".toml", require_save=True)
        if edited is None or edited == text:
            click.echo("note unchanged")
            return
        notes = parse_notes(edited, f"{note_id} (edited)")
        if len(notes) != 1:
            raise WetdiffError(
                f"the edited text holds {len(notes)} notes; keep exactly one",
                hint="Nothing was written.",
            )
        changed = notes[0]
    else:
        if "change_id" in given:
            anchor = _anchor(target, given) or note.anchor
        else:
            old = note.anchor
            anchor = Anchor(
                given.get("path", old.path).strip(),
                " ".join(given.get("quote", old.quote).split()),
                given.get("before", old.before).strip(),
                given.get("after", old.after).strip(),
                given.get("side", old.side),
            )
        rationale = _rationale(given)
        changed = replace(
            note,
            anchor=anchor,
            rationale=rationale if rationale is not None else note.rationale,
            citations=tuple(_citation(c) for c in given["cites"])
            if "cites" in given
            else note.citations,
            answers=tuple(given["answers"]) if "answers" in given else note.answers,
            gap=given["gap"].strip() if "gap" in given else note.gap,
            author=given["author"].strip() if "author" in given else note.author,
            version=_version(given["version"]) if "version" in given else note.version,
            stage=target.stage,
            regeling=target.regeling,
        )
    if new_id is not None:
        changed = replace(changed, id=new_id)
    # written anew: the words of its change as they are now (a stale note brought up to date)
    _print_note(_save(target, changed, note_id, commit=not no_commit), output_format, target)


@command.command("list")
@_target_options
@format_option("text", "json")
def list_(proposal: str | None, notes_file: Path | None, review: bool, output_format: str) -> None:
    """List the notes, each with the change it is attached to (or 'orphaned'); with
    --review, the review comments with their author and status."""
    target = _open(proposal, notes_file, review=review)
    attachment = target.attachment()
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "schema": 1,
                    "file": str(target.file.path),
                    "notes": [
                        {**n.to_dict(), "placement": _placement(attachment, n)}
                        for n in target.file.notes
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not target.file.notes:
        click.echo(f"no notes yet in {target.file.path}")
        return
    for note in target.file.notes:
        placed = _placement(attachment, note)
        status = (
            "orphaned"
            if placed is None and attachment is not None
            else f"change {placed['change']} ({placed['how']})"
            if placed
            else ""
        )
        first = (
            note.rationale.strip().splitlines()[0]
            if note.rationale.strip()
            else f"(gap: {note.gap})"
        )
        if note.status:
            status = f"{note.status}, by {note.author or 'gap'}; {status}".rstrip("; ")
        click.echo(visible_controls(f"{note.id}  {note.anchor.path}  {status}"))
        click.echo(visible_controls(f"    {first}"))


@command.command("show")
@click.argument("note_id")
@_target_options
@format_option("text", "json")
def show(
    note_id: str, proposal: str | None, notes_file: Path | None, review: bool, output_format: str
) -> None:
    """Show one note (with --review: one review comment) in full."""
    target = _open(proposal, notes_file, review=review)
    note = target.note(note_id)
    _print_note(note, output_format, target)


@command.command("resolve")
@click.argument("note_id")
@proposal_option
@click.option(
    "--no-commit", is_flag=True, help="Write the file but do not commit it (commit later)."
)
@format_option("text", "json")
def resolve(note_id: str, proposal: str | None, no_commit: bool, output_format: str) -> None:
    """Mark the review comment NOTE_ID resolved, and commit that."""
    from wetdiff.notes.proposal import default_proposal, find_root
    from wetdiff.notes.review import resolve as resolve_comment

    root = find_root()
    pid = proposal or default_proposal(root)
    written = resolve_comment(pid, note_id, root=root, by=_who(root), commit=not no_commit)
    if output_format == "json":
        click.echo(json.dumps(written.note.to_dict(), ensure_ascii=False, indent=2))
        return
    if written.commit:
        click.echo(f"committed {written.commit[:10]}", err=True)
    click.echo(visible_controls(f"review comment {note_id} resolved ({written.file.path})"))


# -- helpers -----------------------------------------------------------------------------


def _who(root: Path) -> str:
    """The name git knows the lawyer by ("" when it knows none)."""
    from wetdiff.store.gitrepo import user_identity

    try:
        return user_identity(root)[0]
    except WetdiffError:
        return ""


def _open(
    proposal: str | None,
    notes_file: Path | None,
    *,
    must_exist: bool = True,
    writing: bool = False,
    review: bool = False,
) -> NotesTarget:
    """The notes file to work on; ``writing``: under the workspace's write lock until the
    command ends (from reading the file to committing it)."""
    from wetdiff.notes.writing import open_notes

    if review and notes_file is not None:
        raise WetdiffError("give --review or --file, not both")
    context = open_notes(
        proposal, notes_file, must_exist=must_exist, writing=writing, review=review
    )
    return click.get_current_context().with_resource(context)


def _save(
    target: NotesTarget, note: Note, replace_id: str | None, *, commit: bool, subject: str = ""
) -> Note:
    """The one note-writing workflow (:meth:`NotesTarget.save`); a field that is wrong is
    named by its option."""
    from wetdiff.notes.writing import NoteFieldError

    try:
        written = target.save(note, replace_id=replace_id, commit=commit, subject=subject)
    except NoteFieldError as error:
        raise WetdiffError(re.sub(r"field '(\w+)'", r"--\1", error.what), hint=error.hint) from None
    if written.commit:
        click.echo(f"committed {written.commit[:10]}", err=True)
    return written.note


def _anchor(target: NotesTarget, fields: dict[str, Any]) -> Anchor | None:
    """The anchor the options give: --change ID, or --at PATH --quote WORDS (None: none)."""
    from wetdiff.notes.anchor import anchor_for_change

    change_id = fields.get("change_id")
    if change_id:
        if fields.get("path") or fields.get("quote"):
            raise WetdiffError("give --change, or --at and --quote, not both")
        if target.proposal is None:
            raise WetdiffError(
                "--change needs a proposal (its changes are the "
                "comparison of its base with its latest stage); with "
                "--file, give --at and --quote"
            )
        return anchor_for_change(target.change(change_id))
    path, quote = fields.get("path"), fields.get("quote")
    if not path and not quote:
        return None
    if not path or not quote:
        raise WetdiffError("--at and --quote go together: the provision and its words")
    try:
        Locatie.from_key(path.strip())
    except ValueError:
        raise WetdiffError(
            f"--at {path!r} is not a provision path",
            hint="Write it as 273f/1/3° (artikel/lid/onderdeel), or 80/-/a for an "
            "article without leden.",
        ) from None
    return Anchor(
        path.strip(),
        " ".join(quote.split()),
        (fields.get("before") or "").strip(),
        (fields.get("after") or "").strip(),
        fields.get("side") or "new",
    )


def _rationale(fields: dict[str, Any]) -> str | None:
    text, path = fields.get("rationale"), fields.get("rationale_file")
    if text is not None and path is not None:
        raise WetdiffError("give --rationale or --rationale-file, not both")
    if path is not None:
        if str(path) == "-":
            return sys.stdin.read().strip("\n")
        from wetdiff.model.files import read_text

        return read_text(path, what="rationale file").strip("\n")
    return text.strip("\n") if text is not None else None


def _citation(spec: str) -> Citation:
    parts = [p.strip() for p in spec.split("|")]
    if len(parts) > 4:
        raise WetdiffError(f"--cite has {len(parts)} fields; at most 4: document|section|page|link")
    parts += [""] * (4 - len(parts))
    document, section, page, link = parts
    if not document or document == "gap":
        raise WetdiffError(
            "--cite needs the document it cites",
            hint='If the source is not available, use --gap "why" instead.',
        )
    if link not in ("", "gap") and not link.startswith(("https://", "http://")):
        raise WetdiffError(f"--cite link {link!r} is not a web address (https://…) or 'gap'")
    return Citation(document, section, page, link)


def _version(text: str | None) -> dt.date | None:
    if not text:
        return None
    return iso_date(text, f"--version {text!r} is not a date (YYYY-MM-DD)")


def _placement(attachment: Attachment | None, note: Note) -> dict[str, Any] | None:
    if attachment is None:
        return None
    placement = attachment.placements.get(note.id)
    return placement.to_dict() if placement else None


def _print_note(note: Note, output_format: str, target: NotesTarget) -> None:
    attachment = target.attachment()
    placed = _placement(attachment, note)
    if output_format == "json":
        click.echo(
            json.dumps({**note.to_dict(), "placement": placed}, ensure_ascii=False, indent=2)
        )
        return
    lines = [
        f"note {note.id}  ({note.source or target.file.path}:{note.line})",
        f"  at {note.anchor.path} ({note.anchor.side} text): \u201c{note.anchor.quote}\u201d",
    ]
    if placed:
        lines.append(
            f"  attached to change {placed['change']} at {placed['path']} ({placed['how']})"
        )
    elif attachment is not None:
        lines.append("  ORPHANED: its words were not found in the comparison")
    for label, value in (
        ("explains the version of", note.version.isoformat() if note.version else ""),
        ("explains stage", note.stage),
        ("written for the words:", note.words),
        ("answers:", ", ".join(note.answers)),
        ("author:", note.author),
        ("review comment:", note.status),
    ):
        if value:
            lines.append(f"  {label} {value}")
    if note.rationale.strip():
        lines.append("")
        lines.extend(f"  {line}" for line in note.rationale.splitlines())
    if note.citations:
        lines.append("")
        for citation in note.citations:
            link = f" <{citation.link}>" if citation.link and citation.link != "gap" else ""
            lines.append(f"  - {citation.in_words()}{link}")
    if note.gap:
        lines.append(f"\n  gap: {note.gap}")
    click.echo(visible_controls("\n".join(lines)))
