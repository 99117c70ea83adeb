"""``wetdiff cites VERSION ARTICLE[/LID]``: which provisions cite a provision.

Before renumbering, moving or repealing a provision a drafter lists everything that
cites it, so the bill amends those citations too (after 273a became 273f in 2006,
articles 5, 5a, 71 and 77d kept citing 273a for months).
"""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import format_option, load_version
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
    """List the provisions of VERSION that cite ARTICLE (or one lid or onderdeel of it):
    the consequential amendments to make when it is renumbered, moved or repealed.

    Citations of a lid include those in its own article ("het derde lid"); citations of
    a whole article leave out the article itself.

    \b
    Examples:
      wetdiff cites law 273f
      wetdiff cites law@2013-11-15 273f/1 --format json
    """
    from wetdiff.model.references import citing

    target = _target(provision)
    loaded = load_version(version)
    exists = loaded.artikel(target.artikel) is not None
    found = citing(
        loaded.artikelen, target, same_article=target.lid is not None, regeling=loaded.regeling
    )
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "version": loaded.label,
                    "illustrative": loaded.illustrative or None,
                    "target": target.key,
                    "target_in_words": target.in_words(),
                    "target_exists": exists,
                    "citations": [
                        {
                            "locatie": c.locatie.key,
                            "in_words": c.locatie.in_words(),
                            "text": c.reference.text,
                            "cites": c.reference.target.key,
                            "relative": c.reference.relative,
                        }
                        for c in found
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    heading = f"{target.in_words()} in {loaded.label}"
    if not exists:
        heading += " (not in this version)"
    click.echo(visible_controls(heading))
    if loaded.illustrative:
        click.echo(visible_controls(f"[{loaded.illustrative}]"))
    if not found:
        click.echo("  cited by no provision")
        return
    for citation in found:
        click.echo(
            visible_controls(f"  {citation.locatie.in_words()}: «{citation.reference.text}»")
        )
    click.echo(f"{len(found)} citation(s)")
