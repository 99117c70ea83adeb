"""``wetdiff questions [PROPOSAL]``: each question with the changes that answer it."""

from __future__ import annotations

import json
from typing import Any

import click

from wetdiff.cli.options import format_option
from wetdiff.model.normalise import visible_controls
from wetdiff.notes.questions import Question, QuestionRegistry


@click.command()
@click.argument("proposal", required=False)
@format_option("text", "json")
def command(proposal: str | None, output_format: str) -> None:
    """List the questions, motions, commitments, advice points and recommendations of
    PROPOSAL, each with the changes that answer it (through the notes that name it);
    then the ones no change answers, and those answered elsewhere (and where)."""
    from wetdiff.diff import compare
    from wetdiff.notes.explain import Explainer, Source
    from wetdiff.notes.proposal import (
        default_proposal,
        find_root,
        load_proposal_notes,
        proposal_comparison,
    )

    root = find_root()
    proposal = proposal or default_proposal(root)
    bundle = load_proposal_notes(root, proposal)
    changeset = compare(*proposal_comparison(root, proposal))
    attachment = (
        Explainer(root).explain(changeset, [Source(bundle.notes_file, proposal)]).attachment
    )
    entries = []
    for question in bundle.questions:
        answered_by = []
        for note in bundle.notes:
            if question.id not in note.answers:
                continue
            placement = attachment.placements.get(note.id)
            change = changeset.by_id(placement.change_id) if placement else None
            provision = (change.new or change.old) if change else None
            answered_by.append(
                {
                    "note": note.id,
                    "change": change.id if change else None,
                    "kind": change.kind if change else None,
                    "provision": provision.locatie.key if provision else None,
                    "in_words": provision.locatie.in_words() if provision else None,
                    "orphaned": change is None,
                }
            )
        entries.append((question, answered_by))
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "schema": 1,
                    "proposal": proposal,
                    "illustrative": changeset.new.illustrative or None,
                    "old": changeset.old.label,
                    "new": changeset.new.label,
                    "questions": [
                        {
                            **q.to_dict(),
                            "related": [r.id for r, _ in bundle.questions.related_to(q)],
                            "status": q.status(_answered(by)),
                            "answered_by": by,
                        }
                        for q, by in entries
                    ],
                    "open": [q.id for q, by in entries if q.status(_answered(by)) == "open"],
                    "warnings": list(bundle.questions.warnings),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(f"Questions of {proposal} ({changeset.old.label} → {changeset.new.label})")
    if changeset.new.illustrative:
        click.echo(visible_controls(f"[{changeset.new.illustrative}]"))
    unanswered: list[Any] = []
    elsewhere: list[Any] = []
    for question, by in entries:
        if not _answered(by):
            (elsewhere if question.answered_outside else unanswered).append(question)
            continue
        _echo_question(question, bundle.questions)
        for item in by:
            if item["orphaned"]:
                click.echo(f"    ← note {item['note']} (orphaned: its words were not found)")
            else:
                click.echo(
                    f"    ← {item['in_words']} ({item['kind']}, change "
                    f"{item['change']}; note {item['note']})"
                )
    if unanswered:
        click.echo("\nOpen (answered by no change, and no known answer elsewhere):")
        for question in unanswered:
            _echo_question(question, bundle.questions)
            if question.answered_elsewhere:
                click.echo(visible_controls(f"    → {question.answered_elsewhere}"))
    if elsewhere:
        click.echo("\nAnswered elsewhere:")
        for question in elsewhere:
            _echo_question(question, bundle.questions)
            click.echo(visible_controls(f"    → {question.answered_elsewhere}"))
    for warning in bundle.questions.warnings:
        click.echo(visible_controls(f"! warning: {warning}"))


def _answered(by: list[dict[str, Any]]) -> bool:
    return any(not item["orphaned"] for item in by)


def _echo_question(question: Question, registry: QuestionRegistry) -> None:
    """What was asked (a motion's request), who and when beside it; then the questions
    it is related to, with the ground, whichever side wrote it down."""
    click.echo(visible_controls(f"  {question.id}  [{question.byline()}]"))
    click.echo(visible_controls(f"    {question.summary}"))
    for other, ground in registry.related_to(question):
        click.echo(visible_controls(f"    ↔ {other.id}" + (f": {ground}" if ground else "")))
