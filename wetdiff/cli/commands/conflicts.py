"""``wetdiff conflicts PROPOSAL[/STAGE]``: which amendments of a stage conflict, and where.

Exit codes: 0 no pair conflicts (or no amendments), 1 at least one pair conflicts, 2 bad
input.
"""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import echo, format_option


@click.command(short_help="Which amendments of a stage conflict, pair by pair.")
@click.argument("spec", metavar="PROPOSAL[/STAGE]", required=False)
@click.option("--lang", type=click.Choice(["en", "nl"]), default="en", show_default=True)
@format_option("text", "json")
def command(spec: str | None, lang: str, output_format: str) -> None:
    """For every pair of amendments on STAGE (default: the bill's latest stage): whether
    they can be adopted together, and if not, where they conflict (the provision, the
    words each changes) and how: the same words changed differently; one deletes or
    renumbers what the other edits; both insert at the same place.

    Amendments that change different provisions, or disjoint words of one provision,
    combine: 'wetdiff diff 36547/A 36547/A+am-12+am-15' shows them adopted together.

    Exit code: 0 no conflicts, 1 a pair conflicts, 2 bad input.
    """
    from wetdiff.notes.proposal import default_proposal
    from wetdiff.store.conflicts import conflict_matrix
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    matrix = conflict_matrix(workspace, spec or default_proposal(workspace.root))
    if output_format == "json":
        click.echo(json.dumps(matrix.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(matrix, lang)
    if matrix.conflicting:
        raise click.exceptions.Exit(1)


def _print(matrix: object, lang: str) -> None:
    from wetdiff.store.conflicts import COMBINE as NO
    from wetdiff.store.conflicts import CONFLICT as YES
    from wetdiff.store.conflicts import ConflictMatrix

    assert isinstance(matrix, ConflictMatrix)
    where = f"{matrix.proposal}/{matrix.stage}"
    names = [a.id for a in matrix.amendments]
    echo(f"Amendments on {matrix.title}: {len(names)}")
    for old, new in matrix.replaced:
        echo(f"  ({old} is replaced by {new}: left out)")
    if not names:
        echo(f"  none ('wetdiff amendment new {matrix.proposal} am-1 --on {matrix.stage}')")
        return
    for amendment in matrix.amendments:
        articles = ", ".join(f"artikel {n}" for n in matrix.articles(amendment.id))
        echo(f"  {amendment.id}  {amendment.name}: {articles or 'no changes yet'}")
    if len(names) < 2:
        echo(f"\nOne amendment on {where}: no pairs to compare.")
        return
    echo("")
    for line in matrix.table():
        echo(line)
    for pair in matrix.pairs:
        echo("")
        if not pair.conflicting:
            why = (
                f"both change {', '.join(f'artikel {n}' for n in pair.shared)}, in other "
                "provisions or other words"
                if pair.shared
                else "they change different articles"
            )
            echo(f"{NO} {pair.first} and {pair.second}: no conflict ({why})")
            continue
        count = len(pair.conflicts)
        echo(f"{YES} {pair.first} and {pair.second}: {count} conflict{'s' * (count != 1)}")
        for conflict in pair.conflicts:
            echo(f"    {conflict.where}: {conflict.label(lang)}")
            echo(f"      {conflict.first}: {conflict.first_words}")
            echo(f"      {conflict.second}: {conflict.second_words}")
