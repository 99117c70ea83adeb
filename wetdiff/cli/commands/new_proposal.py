"""``wetdiff new-proposal NAME --from VERSION``: start drafting a proposal."""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import articles_option, format_option


@click.command(short_help="Start drafting a proposal from any version.")
@click.argument("name")
@click.option(
    "--from",
    "from_version",
    required=True,
    metavar="VERSION",
    help="The version to start from: law, law@DATE, a proposal stage, …",
)
@click.option("--title", default="", help="The proposal's title.")
@articles_option("Only these articles (repeatable); needed when VERSION holds many.")
@click.option(
    "--stage", default="concept", show_default=True, help="The id (folder name) of the first stage."
)
@format_option("text", "json")
def command(
    name: str,
    from_version: str,
    title: str,
    articles: tuple[str, ...],
    stage: str,
    output_format: str,
) -> None:
    """Create proposals/NAME/ with a proposal.toml (its base: the law version it amends)
    and a first stage holding copies of the articles of VERSION, and commit it.

    Then edit proposals/NAME/STAGE/<artikel>.txt and record each step with
    'wetdiff save NAME/STAGE <artikel> --message "why"'.
    """
    from wetdiff.store.drafting import new_proposal
    from wetdiff.store.layout import proposal_dir
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    sha = new_proposal(workspace, name, from_version, title=title, articles=articles, stage=stage)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "proposal": name,
                    "stage": stage,
                    "from": from_version,
                    "folder": str(workspace.root / proposal_dir(name)),
                    "commit": sha,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(
        f"Started proposal {name} (stage {stage}) from {from_version} in "
        f"{workspace.root / 'proposals' / name}; commit {sha[:10]}"
    )
