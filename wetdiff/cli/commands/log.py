"""``wetdiff log ARTICLE``: every version of an article, newest first."""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import echo, format_option


@click.command(short_help="Every version of an article: date, act, what changed, why.")
@click.argument("article")
@click.option("--rev", metavar="REV", help="The history as it was at a git revision.")
@click.option(
    "--regeling",
    metavar="BWB-ID",
    help="The article of this regeling (e.g. BWBR0099999), where the workspace holds "
    "several (default: the first that has it); a proposal's stages of it too.",
)
@format_option("text", "json")
def command(article: str, rev: str | None, regeling: str | None, output_format: str) -> None:
    """Every version of ARTICLE (e.g. 273f), newest first: its date (legal time) and how
    certain that is, the act that made it, what changed against the version before, the
    rationale and the questions it answers, and the commits that recorded it.

    The history follows renumberings: 273f's log includes artikel 273a of 2005, which
    became 273f in 2006. Proposal stages that carry the article come first.
    """
    from wetdiff.model.normalise import visible_controls
    from wetdiff.notes.explain import Explainer, version_notes
    from wetdiff.store.log import article_log
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    if regeling is not None:
        from wetdiff.model.names import BWB_ID, check_name

        check_name(regeling, BWB_ID)
    with workspace.reading():  # each folder listed once, however many versions are read
        entries = article_log(workspace, article, rev, regeling=regeling)
        explainer = Explainer(workspace.root)
        notes = {id(e): version_notes(explainer, article, e) for e in entries}
    if output_format == "json":
        versions = []
        for e in entries:
            data = e.to_json()
            data["notes"] = [
                {"id": n.id, "change": where, "rationale": n.rationale, "answers": list(n.answers)}
                for where, n in notes[id(e)]
            ]
            versions.append(data)
        click.echo(
            json.dumps(
                {"artikel": article, "workspace": str(workspace.root), "versions": versions},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    echo(f"Artikel {article}: {len(entries)} versions, newest first (workspace: {workspace.name})")
    for entry in entries:
        step = entry.step
        echo("")
        number = f"artikel {step.number}" if step.number != article else ""
        certainty = (
            f"  [{step.certainty}{': ' + step.date_note if step.date_note else ''}]"
            if step.kind == "law"
            else (f"  [{step.date_note}]" if step.date_note else "")
        )
        echo(f"{step.when}  {step.label}  {number}{certainty}".rstrip())
        echo(f"    source: {step.act}")
        if step.illustrative:
            echo(f"    [{step.illustrative}]")
        for line in entry.changes:
            echo(f"    {line}")
        if step.note:
            echo(f"    note: {visible_controls(step.note)}")
        for where, note in notes[id(entry)]:
            answered = f" (answers {', '.join(note.answers)})" if note.answers else ""
            rationale = " ".join(visible_controls(note.rationale).split())
            echo(f"    why ({where}): {rationale}{answered}")
        if step.answers:
            echo(f"    answers: {', '.join(step.answers)}")
        for commit in entry.commits:
            recorded = commit.committer_date.date().isoformat()
            echo(
                f"    commit {commit.sha[:10]} recorded {recorded} by "
                f"{visible_controls(commit.author)}: {visible_controls(commit.subject)}"
            )
            if commit.body and step.kind == "stage":
                for line in commit.body.splitlines():
                    echo(f"        {visible_controls(line)}")
            answers = commit.trailer("Answers")
            if answers and step.kind == "stage":
                echo(f"        answers: {', '.join(answers)}")
