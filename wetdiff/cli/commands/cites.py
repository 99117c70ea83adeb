"""``wetdiff cites VERSION ARTICLE[/LID]``: which provisions cite a provision.

Before renumbering, moving or repealing a provision a drafter lists everything that
cites it, so the bill amends those citations too (after 273a became 273f in 2006,
articles 5, 5a, 71 and 77d kept citing 273a for months).
"""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import format_option
from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Locatie
from wetdiff.model.normalise import visible_controls


def _target(spec: str) -> Locatie:
    try:
        target = Locatie.from_key(spec.strip())
    except ValueError:
        target = None
    if target is None or not target.artikel or target.alinea or " " in spec.strip():
        raise WetdiffError(
            f"not a provision: {spec!r}",
            hint="Give an article number, optionally with a lid and "
            "onderdelen: 273f, 273f/1 or 273f/1/3°.",
        )
    return target


@click.command()
@click.argument("version")
@click.argument("provision", metavar="ARTICLE[/LID[/ONDERDEEL]]")
@format_option("text", "json")
def command(version: str, provision: str, output_format: str) -> None:
    """List the provisions that cite ARTICLE of VERSION (or one lid or onderdeel of it):
    the consequential amendments to make when it is renumbered, moved or repealed.

    Every regeling of the workspace is searched: VERSION itself, where citations are
    by number ("artikel 273f"), and each other regeling as it stood on VERSION's date,
    where they name it ("artikel 273f van het Wetboek van Strafrecht"). Citations of a
    lid include those in its own article ("het derde lid"); citations of a whole article
    leave out the article itself. Exit code 1 when something cites it, 0 when nothing
    does.

    \b
    Examples:
      wetdiff cites law 273f
      wetdiff cites law@2013-11-15 273f/1 --format json
    """
    from wetdiff.store.citations import cited_by

    target = _target(provision)
    answer = cited_by(version, target)
    loaded, exists, found = answer.version, answer.exists, answer.citing
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "version": loaded.label,
                    "target": target.key,
                    "target_in_words": target.in_words(),
                    "target_exists": exists,
                    "citations": [
                        {
                            "regeling": c.regeling,
                            "bwb_id": c.bwb_id,
                            "own": c.own,
                            "locatie": c.citation.locatie.key,
                            "in_words": c.in_words(),
                            "text": c.citation.reference.text,
                            "cites": c.citation.reference.target.key,
                            "relative": c.citation.reference.relative,
                        }
                        for c in found
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        heading = f"{target.in_words()} in {loaded.label}"
        if not exists:
            heading += " (not in this version)"
        click.echo(visible_controls(heading))
        if not found:
            click.echo("  cited by no provision")
        for citing in found:
            text = citing.citation.reference.text
            click.echo(visible_controls(f"  {citing.in_words()}: «{text}»"))
        if found:
            click.echo(f"{len(found)} citation(s)")
    if found:
        raise SystemExit(1)
