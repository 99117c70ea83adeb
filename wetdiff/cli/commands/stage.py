"""``wetdiff stage add PROPOSAL STAGE --date D --title T [--from STAGE]``: a new stage of
a proposal (a nota van wijziging, the text as adopted), without writing TOML by hand."""

from __future__ import annotations

import datetime as dt
import json

import click

from wetdiff.cli.options import document_date_option, format_option


@click.group()
def command() -> None:
    """The stages of a proposal: add one."""


@command.command("add")
@click.argument("proposal")
@click.argument("stage")
@document_date_option(
    "The stage's date (of the document); 'gap' when it is not known.", required=True
)
@click.option(
    "--title", required=True, help="What the document is called, e.g. 'Nota van wijziging'."
)
@click.option(
    "--from",
    "from_stage",
    default=None,
    metavar="STAGE",
    help="Copy the texts of this stage (default: the latest stage with a text).",
)
@click.option("--empty", is_flag=True, help="Copy no texts: the stage reads as the base.")
@click.option("-m", "--message", default="", help="The reason, as the commit's subject.")
@format_option("text", "json")
def add(
    proposal: str,
    stage: str,
    date: dt.date | None,
    title: str,
    from_stage: str | None,
    empty: bool,
    message: str,
    output_format: str,
) -> None:
    """Add stage STAGE (e.g. nvw1) to PROPOSAL, dated --date, with a copy of the texts of
    --from (default: the latest stage with a text), in one commit.

    Then 'wetdiff apply … --as PROPOSAL/STAGE', 'wetdiff save PROPOSAL/STAGE …' or the
    TUI (v picks it, t edits it) write its texts."""
    from wetdiff.store.drafting import add_stage
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    added = add_stage(
        workspace, proposal, stage, date, title, from_stage=from_stage, empty=empty, message=message
    )
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "stage": added.stage,
                    "from": added.source or None,
                    "files": list(added.files),
                    "commit": added.commit,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    copied = (
        f"{len(added.files)} text(s) copied from {added.source}" if added.source else "no texts"
    )
    click.echo(f"Added stage {added.stage} ({copied}); commit {added.commit[:10]}")
