"""``wetdiff question import|add|list|show``: the registry of questions, motions and
amendments a proposal answers, without writing TOML by hand.

``import`` reads the Kamer's own motions and amendments from their official XML
(kst-36547-28.xml); ``add`` registers anything else (a written question, a commitment,
an advice point) with the same checks as the TUI's question editor. Both write
``proposals/<id>/questions.toml`` atomically and commit it. ``wetdiff questions`` shows
which changes answer each one. Format: docs/notes.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from wetdiff.cli.options import echo, format_option, proposal_option
from wetdiff.errors import WetdiffError
from wetdiff.notes.questions import KINDS, Question, QuestionRegistry


@click.group()
def command() -> None:
    """Register and read the questions, motions and amendments a proposal answers."""


def _no_commit_option(func: Any) -> Any:
    return click.option(
        "--no-commit", is_flag=True, help="Only write the registry; do not commit it."
    )(func)


def _where(proposal: str | None) -> tuple[Path, str]:
    from wetdiff.notes.proposal import default_proposal, find_root, proposal_folder

    root = find_root()
    proposal = proposal or default_proposal(root)
    proposal_folder(root, proposal)
    return root, proposal


@command.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@proposal_option
@_no_commit_option
@format_option("text", "json")
def import_(
    files: tuple[Path, ...], proposal: str | None, no_commit: bool, output_format: str
) -> None:
    """Register motions and amendments from their official XML (kst-36547-28.xml from
    zoek.officielebekendmakingen.nl): id, kind, indieners, date, dossier, title, the
    considerations and the request, each as its own field.

    Re-importing a file changes nothing. A file that is not a motion or amendment is
    refused (exit 2) and then nothing is registered."""
    from wetdiff.importers.instrument import import_instruments

    root, proposal = _where(proposal)
    result = import_instruments(root, proposal, list(files), commit=not no_commit)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "schema": "wetdiff.question.import/1",
                    "proposal": proposal,
                    "registry": str(result.registry),
                    "added": [q.to_dict() for q in result.added],
                    "unchanged": [q.id for q in result.unchanged],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for question in result.added:
        echo(f"registered {question.id}  [{question.byline()}]")
    for question in result.unchanged:
        echo(f"unchanged  {question.id}  (registered already)")
    echo(
        f"{len(result.added)} registered, {len(result.unchanged)} unchanged, in "
        f"{result.registry.relative_to(root)}"
        + ("" if no_commit or not result.added else " (committed)")
    )


@command.command()
@click.argument("id", metavar="ID")
@click.option(
    "--kind",
    required=True,
    metavar="KIND",
    help=f"One of: {', '.join(KINDS)}.",
)
@click.option(
    "--text",
    "--summary",
    "summary",
    required=True,
    metavar="TEXT",
    help="What was asked, on one line, in your own words.",
)
@click.option("--date", default="gap", show_default=True, help="YYYY-MM-DD, or gap.")
@click.option("--asked-by", default="", metavar="WHO", help="Names, parties (may be empty).")
@click.option(
    "--link",
    default="gap",
    show_default=True,
    metavar="URL",
    help="Its source on the web (https://…), or gap.",
)
@click.option(
    "--document",
    default="",
    metavar="CITATION",
    help="Its source as lawyers cite it (e.g. 'Kamerstukken II 2022/23, 28 638, nr. 213').",
)
@proposal_option
@_no_commit_option
@format_option("text", "json")
def add(proposal: str | None, no_commit: bool, output_format: str, **fields: str) -> None:
    """Register a question (written question, motion, commitment, advice point, …) in the
    proposal's registry, checked as the TUI's question editor checks it, and commit it.
    Unknown facts are "gap": never guessed."""
    # ID and the other options are the question's fields, by the names the check uses
    from wetdiff.notes.proposal import register_questions
    from wetdiff.notes.questions import QuestionFieldError, question_from_input

    root, proposal = _where(proposal)
    try:
        question = question_from_input(**fields)
    except QuestionFieldError as error:
        option = {"summary": "--text", "id": "ID", "asked_by": "--asked-by"}.get(
            error.key or "", f"--{error.key}" if error.key else ""
        )
        what = re.sub(r"^field '\w+' ", "", error.what)
        raise WetdiffError(
            f"{option + ': ' if option else ''}{what}; nothing written", hint=error.hint
        ) from None
    written = register_questions(
        root,
        proposal,
        [question],
        f"Question {question.id}: {question.summary}",
        commit=not no_commit,
    )
    added = written.added[0]
    if output_format == "json":
        click.echo(json.dumps({**added.to_dict(), "proposal": proposal}, ensure_ascii=False))
        return
    echo(
        f"registered {added.id} in {written.path.relative_to(root)}"
        + ("" if no_commit else " (committed)")
    )


@command.command(name="list")
@proposal_option
@format_option("text", "json")
def list_(proposal: str | None, output_format: str) -> None:
    """Every question of the proposal's registries (its own and the shared ones): id,
    what was asked, who and when. 'wetdiff questions' adds the changes that answer them."""
    from wetdiff.notes.proposal import load_questions

    root, proposal = _where(proposal)
    registry = load_questions(root, proposal)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "schema": 1,
                    "proposal": proposal,
                    "questions": [q.to_dict() for q in registry],
                    "warnings": list(registry.warnings),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for question in registry:
        echo(f"{question.id}  [{question.byline()}]")
        echo(f"    {question.summary}")
    for warning in registry.warnings:
        echo(f"! warning: {warning}")


@command.command()
@click.argument("question_id", metavar="ID")
@proposal_option
@format_option("text", "json")
def show(question_id: str, proposal: str | None, output_format: str) -> None:
    """One question with every field: for a motion the request first, then who filed it
    and when, the considerations, the document, and how it relates to other questions."""
    from wetdiff.notes.proposal import load_proposal_notes

    root, proposal = _where(proposal)
    bundle = load_proposal_notes(root, proposal)
    registry = bundle.questions
    question = registry.get(question_id)
    if question is None:
        known = ", ".join(q.id for q in registry) or "none"
        raise WetdiffError(
            f"no question {question_id!r} in the registries of {proposal}", hint=f"Known: {known}."
        )
    notes = [n.id for n in bundle.notes if question.id in n.answers]
    replaced_by = [q.id for q in registry.replaced_by(question.id)]
    related = _related(registry, question)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    **question.to_dict(),
                    "proposal": proposal,
                    "file": question.source or None,
                    "line": question.line,
                    "replaced_by": replaced_by,
                    "related": related,
                    "answered_by_notes": notes,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for line in _show_lines(question, replaced_by, related, notes):
        echo(line)


def _related(registry: QuestionRegistry, question: Question) -> list[dict[str, str]]:
    """Each related question with the ground, whichever side wrote it down."""
    found = []
    for other, ground in registry.related_to(question):
        found.append({"id": other.id, "summary": other.summary, "relation": ground})
    for missing in question.related:
        if missing not in registry:
            found.append(
                {
                    "id": missing,
                    "summary": "(in no registry read here)",
                    "relation": question.relation,
                }
            )
    return found


def _show_lines(
    question: Question,
    replaced_by: list[str],
    related: list[dict[str, str]],
    notes: list[str],
) -> list[str]:
    lines = [f"{question.id}  [{question.byline()}]"]
    if question.title:
        lines.append(f"  {question.title}")
    if question.request:
        lines.append("  request:")
        lines += [f"    {part}" for part in question.request.splitlines()]
    else:
        lines.append(f"  summary: {question.summary}")
    fields = [
        (
            "indieners" if question.kind in ("motie", "amendement") else "asked by",
            question.asked_by,
        ),
        ("date", question.date_note or (question.date.isoformat() if question.date else "gap")),
        ("dossier", question.dossier),
        ("document", question.document),
        ("link", question.link or "gap"),
        ("outcome", _outcome(question)),
        ("replaces", question.replaces),
        ("replaced by", ", ".join(replaced_by)),
        ("answered elsewhere", question.answered_elsewhere),
        ("answered by notes", ", ".join(notes)),
        ("imported from", question.imported_from),
    ]
    lines += [f"  {name}: {value}" for name, value in fields if value]
    if question.considerations:
        lines.append("  considerations:")
        lines += [f"    {c}" for c in question.considerations]
    for item in related:
        lines.append(f"  related: {item['id']} — {item['summary']}")
        if item["relation"]:
            lines.append(f"    ground: {item['relation']}")
    if question.source:
        lines.append(f"  [{question.source}:{question.line}]")
    return lines


def _outcome(question: Question) -> str:
    if question.outcome == "gap":
        return "unknown (gap: no source says whether it was adopted)"
    return question.outcome
