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
from typing import Any

import click

from wetdiff.cli.options import format_option, proposal_option
from wetdiff.errors import CommitMismatch, WetdiffError
from wetdiff.model.artikel import Locatie
from wetdiff.model.normalise import visible_controls
from wetdiff.notes.model import SIDES, Anchor, Citation, Note


@click.group()
def command() -> None:
    """Write and read the notes that say why each change is there."""


def _target_options(func: Any) -> Any:
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
        click.option(
            "--answers",
            multiple=True,
            metavar="QUESTION-ID",
            help="A question the change answers (repeatable).",
        ),
        click.option("--gap", metavar="WHY", help="Why the source is not available."),
        click.option("--author", metavar="NAME", help="Who wrote the note."),
        click.option(
            "--no-commit",
            is_flag=True,
            help="Write the file but do not commit it (commit later, with git).",
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
    note_id: str | None,
    output_format: str,
    **fields: Any,
) -> None:
    """Add a note, anchored with --change ID or with --at PATH --quote "words"."""
    from wetdiff.notes.proposal import check_can_commit, new_note_id, save_note

    target = _Target.open(proposal, notes_file, must_exist=False, writing=True)
    anchor = target.anchor_from(fields)
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
    )
    if target.file.get(note.id) is not None:
        raise WetdiffError(
            f"a note with id {note.id!r} exists already",
            file=target.file.path,
            hint="Use 'wetdiff note edit' to change it.",
        )
    note = target.recorded(target.validate(note))
    if not fields["no_commit"]:
        check_can_commit(target.root)
    previous = target.file.text
    saved = save_note(target.file, note)
    target.file = saved.file
    if not fields["no_commit"]:
        target.commit(saved.note, f"Note {saved.note.id}", previous)
    _print_note(saved.note, output_format, target)


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
    new_id: str | None,
    output_format: str,
    **fields: Any,
) -> None:
    """Change a note. With options, replace just those fields (--cite and --answers
    replace the whole list); without any, open the note in $EDITOR."""
    from wetdiff.notes.files import parse_notes, render_notes
    from wetdiff.notes.proposal import check_can_commit, save_note

    target = _Target.open(proposal, notes_file, writing=True)
    note = target.note(note_id)
    no_commit = fields.pop("no_commit")
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
            anchor = target.anchor_from(given) or note.anchor
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
        )
    if new_id is not None:
        changed = replace(changed, id=new_id)
    # the words of its change as they are now: a stale note is brought up to date
    changed = target.recorded(target.validate(changed))
    if not no_commit:
        check_can_commit(target.root)
    previous = target.file.text
    saved = save_note(target.file, changed, replace_id=note_id)
    target.file = saved.file
    if not no_commit:
        target.commit(saved.note, f"Edit note {saved.note.id}", previous)
    _print_note(saved.note, output_format, target)


@command.command("list")
@_target_options
@format_option("text", "json")
def list_(proposal: str | None, notes_file: Path | None, output_format: str) -> None:
    """List the notes, each with the change it is attached to (or 'orphaned')."""
    target = _Target.open(proposal, notes_file)
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
        click.echo(visible_controls(f"{note.id}  {note.anchor.path}  {status}"))
        click.echo(visible_controls(f"    {first}"))


@command.command("show")
@click.argument("note_id")
@_target_options
@format_option("text", "json")
def show(note_id: str, proposal: str | None, notes_file: Path | None, output_format: str) -> None:
    """Show one note in full."""
    target = _Target.open(proposal, notes_file)
    note = target.note(note_id)
    _print_note(note, output_format, target)


# -- helpers -----------------------------------------------------------------------------


class _Target:
    """The notes file being worked on, and (for a proposal) the comparison it explains
    and the questions it may answer."""

    def __init__(self, root: Path, proposal: str | None, file: Any) -> None:
        self.root = root
        self.proposal = proposal
        self.file = file
        self._changeset: Any = None
        self._explainer: Any = None

    @classmethod
    def open(
        cls,
        proposal: str | None,
        notes_file: Path | None,
        *,
        must_exist: bool = True,
        writing: bool = False,
    ) -> _Target:
        """The notes file to work on; ``writing``: under the workspace's write lock until
        the command ends (from reading the file to committing it)."""
        from wetdiff.notes.files import read_notes
        from wetdiff.notes.proposal import default_proposal, find_root, notes_path

        def lock(root: Path) -> Path:
            if writing:
                from wetdiff.store.lock import workspace_lock

                click.get_current_context().with_resource(workspace_lock(root))
            return root

        if notes_file is not None:
            if proposal is not None:
                raise WetdiffError("give --proposal or --file, not both")
            if notes_file.suffix != ".toml":
                raise WetdiffError("a notes file is a .toml file", file=notes_file)
            root = lock(find_root(notes_file.resolve().parent))
            if must_exist and not notes_file.is_file():  # only 'note add' starts one
                raise WetdiffError(
                    "no such notes file",
                    file=notes_file,
                    hint="Check the path; 'wetdiff note add --file …' starts a new one.",
                )
            return cls(root, None, read_notes(notes_file))
        root = lock(find_root())
        proposal = proposal or default_proposal(root)
        return cls(root, proposal, read_notes(notes_path(root, proposal)))

    def note(self, note_id: str) -> Any:
        """The note with this id; no such note is the user's mistake."""
        note = self.file.get(note_id)
        if note is None:
            raise WetdiffError(
                f"no note {note_id!r}",
                file=self.file.path,
                hint="'wetdiff note list' shows the notes.",
            )
        return note

    def changeset(self) -> Any:
        if self.proposal is None:
            return None
        if self._changeset is None:
            from wetdiff.diff import compare
            from wetdiff.notes.proposal import proposal_comparison

            self._changeset = compare(*proposal_comparison(self.root, self.proposal))
        return self._changeset

    def source(self) -> Any:
        from wetdiff.notes.explain import Source, notes_file_source

        if self.proposal is not None:
            return Source(self.file, self.proposal)
        return notes_file_source(self.root, self.file.path)

    def explainer(self) -> Any:
        if self._explainer is None:
            from wetdiff.notes.explain import Explainer

            self._explainer = Explainer(self.root)
        return self._explainer

    def attachment(self) -> Any:
        """Where each note stands: a proposal's notes on the comparison of its base with
        its latest stage, each by its own stage; notes on the law's history each in the
        step of its version; any other file by its words alone (None: no comparison)."""
        source = self.source()
        changeset = self.changeset()
        if changeset is not None:
            return self.explainer().explain(changeset, [source]).attachment
        if source.bwb_id:
            return self.explainer().own_steps(source)
        return None

    def recorded(self, note: Note) -> Note:
        """The note with its step and the words of its change recorded (what 'check'
        compares to find a stale note)."""
        source = self.source()
        if not source.proposal and not source.bwb_id:
            return note
        return self.explainer().recorded(source, note)  # type: ignore[no-any-return]

    def anchor_from(self, fields: dict[str, Any]) -> Anchor | None:
        from wetdiff.notes.anchor import anchor_for_change

        change_id = fields.get("change_id")
        if change_id:
            if fields.get("path") or fields.get("quote"):
                raise WetdiffError("give --change, or --at and --quote, not both")
            changeset = self.changeset()
            if changeset is None:
                raise WetdiffError(
                    "--change needs a proposal (its changes are the "
                    "comparison of its base with its latest stage); with "
                    "--file, give --at and --quote"
                )
            matches = [
                c
                for c in changeset.changes
                if c.id == change_id or (len(change_id) >= 4 and c.id.startswith(change_id))
            ]
            if len(matches) != 1:
                raise WetdiffError(
                    f"{'no' if not matches else 'more than one'} change {change_id!r} in "
                    f"{changeset.old.label} → {changeset.new.label}",
                    hint="'wetdiff diff --format json' and 'wetdiff check' show the ids.",
                )
            return anchor_for_change(matches[0])
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

    def validate(self, note: Note) -> Note:
        """Refuse what check would fail on at once: words that are not there, question
        ids no registry knows; nothing is written. Returns the note with its path set to
        where the words stand (a lawyer who typed the old number of a renumbered lid gets
        the new one)."""
        from wetdiff.notes.files import parse_notes, render_notes
        from wetdiff.notes.proposal import all_questions, load_questions

        try:  # types, path, rationale/gap, as a notes file would be checked
            parse_notes(render_notes([note]), f"note {note.id}")
        except WetdiffError as error:  # the options, not a file: no file:line to give
            what = re.sub(r"field '(\w+)'", r"--\1", error.what)
            raise WetdiffError(f"{what}; nothing written", hint=error.hint) from None
        questions = (
            load_questions(self.root, self.proposal) if self.proposal else all_questions(self.root)
        )
        for question_id in note.answers:
            if question_id not in questions:
                raise WetdiffError(
                    f"unknown question id {question_id!r}; nothing written",
                    hint="Add it to the proposal's questions.toml first (known: "
                    + (", ".join(q.id for q in questions) or "none")
                    + ").",
                )
        changeset = self.changeset()
        if changeset is None:
            return note
        from wetdiff.notes.anchor import attach

        placed = attach([note], changeset).placements.get(note.id)
        if placed is None or placed.how == "fuzzy":
            side = changeset.new if note.anchor.side == "new" else changeset.old
            raise WetdiffError(
                f"the words \u201c{note.anchor.quote}\u201d are not in "
                f"{note.anchor.path} of {side.label}; nothing written",
                hint="Quote the words exactly as they stand (--side old for words of the "
                "old text), or anchor with --change ID.",
            )
        if placed.path != note.anchor.path:
            note = replace(note, anchor=replace(note.anchor, path=placed.path))
        return note

    def commit(self, note: Note, subject: str, previous: str | None) -> None:
        """Commit the notes file; if git refuses (a lock, a hook), put the file back as
        it was (``previous``; None: it did not exist), so nothing is left half-done."""
        from wetdiff.notes.proposal import commit_notes

        first = note.rationale.strip().splitlines()[0] if note.rationale.strip() else ""
        message = f"{subject}: {first}" if first else subject
        body = note.rationale.strip().split("\n", 1)[1] if "\n" in note.rationale.strip() else ""
        try:
            sha = commit_notes(self.root, [self.file.path], message + "\n\n" + body, note.answers)
        except CommitMismatch:
            raise  # committed, if not as written: nothing to put back
        except WetdiffError as exc:
            from wetdiff.model.files import atomic_write

            if previous is None:
                self.file.path.unlink(missing_ok=True)
            else:
                atomic_write(self.file.path, previous)
            raise WetdiffError(
                f"{exc.what}; the note was not saved (nothing was written)",
                file=exc.file,
                line=exc.line,
                hint=exc.hint or "Try again, or add --no-commit and commit later with git.",
            ) from None
        if sha:
            click.echo(f"committed {sha[:10]}", err=True)


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
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise WetdiffError(f"--version {text!r} is not a date (YYYY-MM-DD)") from None


def _placement(attachment: Any, note: Note) -> dict[str, Any] | None:
    if attachment is None:
        return None
    placement = attachment.placements.get(note.id)
    return placement.to_dict() if placement else None


def _print_note(note: Note, output_format: str, target: _Target) -> None:
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
    if note.version:
        lines.append(f"  explains the version of {note.version.isoformat()}")
    if note.stage:
        lines.append(f"  explains stage {note.stage}")
    if note.words:
        lines.append(f"  written for the words: {note.words}")
    if note.answers:
        lines.append(f"  answers: {', '.join(note.answers)}")
    if note.author:
        lines.append(f"  author: {note.author}")
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
