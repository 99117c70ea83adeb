"""``wetdiff take REV CHANGE-ID...``: adopt chosen changes of a reviewer's branch.

Exit codes: 0 taken (one commit), 2 bad input (an unknown revision or change, a change
that can only be taken with others: nothing written).
"""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import echo, format_option


@click.command(short_help="Adopt chosen changes of a reviewer's branch into a stage.")
@click.argument("rev")
@click.argument("change_ids", nargs=-1, required=True, metavar="CHANGE-ID...")
@click.option(
    "--into",
    default="",
    metavar="PROPOSAL[/STAGE]",
    help="The stage to take them into (default: the workspace's proposal, its latest stage).",
)
@click.option("-m", "--message", default="", help="The commit's first line (default: says what).")
@format_option("text", "json")
def command(
    rev: str, change_ids: tuple[str, ...], into: str, message: str, output_format: str
) -> None:
    """Take the changes CHANGE-ID... of the stage as it is at REV (a reviewer's branch,
    e.g. origin/review/lotte) into the stage as it is here, and commit them as one:
    accepted change by change, the others left out.

    The ids are those 'wetdiff diff HEAD..REV' shows in [...] (a unique prefix of four
    or more characters will do). A change that only goes with others (the leden an
    inserted lid renumbers, the parts of a split) is refused with the ids to add."""
    from wetdiff.store.drafting import take_changes
    from wetdiff.store.workspace import open_workspace

    taken = take_changes(open_workspace(), rev, change_ids, into=into, message=message)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "stage": taken.stage,
                    "from": taken.source,
                    "changes": list(taken.changes),
                    "articles": list(taken.articles),
                    "commit": taken.commit,
                },
                ensure_ascii=False,
            )
        )
        return
    echo(
        f"Took {len(taken.changes)} change(s) of {taken.source} into {taken.stage} "
        f"(artikel {', '.join(taken.articles)}); commit {taken.commit[:10]}"
    )
