"""``wetdiff show VERSION``: print a version's articles in the canonical text form."""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import articles_option, echo, format_option, load_version
from wetdiff.errors import WetdiffError


@click.command()
@click.argument("version")
@articles_option()
@format_option("text", "json")
def command(version: str, articles: tuple[str, ...], output_format: str) -> None:
    """Print the articles of VERSION as text (the canonical article file form). A stage
    of a proposal that amends several regelingen: each further one after the first,
    under its ARTIKEL and name (with --article: the first regeling's articles)."""
    from wetdiff.model.text_format import render

    loaded = load_version(version)
    if articles:
        missing = sorted(set(articles) - {a.number for a in loaded.artikelen})
        if missing:
            raise WetdiffError(
                f"no article {', '.join(missing)} in {loaded.label}",
                hint="Give the article's number as it is in this version (e.g. --article 273f).",
            )
        loaded = loaded.only(articles)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "version": loaded.label,
                    "title": loaded.title,
                    "date": loaded.date.isoformat() if loaded.date else None,
                    "illustrative": loaded.illustrative or None,
                    "articles": {a.number: render(a) for a in loaded.artikelen},
                    **(
                        {
                            "further_regelingen": [
                                {
                                    "bwb_id": part.bwb_id,
                                    "regeling": part.regeling,
                                    "articles": {a.number: render(a) for a in part.artikelen},
                                }
                                for part in loaded.others
                            ]
                        }
                        if loaded.others and not articles
                        else {}
                    ),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if loaded.illustrative:
        echo(f"[{loaded.illustrative}]\n")
    echo("\n".join(render(a) for a in loaded.artikelen), nl=False)
    if articles:
        return
    from wetdiff.model.numbering import roman
    from wetdiff.model.version import artikel_numerals

    # each regeling's text against the law it is laid over (files on disk: in order)
    laid = [(part.base, part) for part in loaded.parts if part.base is not None]
    numerals = (
        artikel_numerals(laid)
        if len(laid) == len(loaded.parts)
        else [roman(index) for index in range(1, len(loaded.parts) + 1)]
    )
    for part, numeral in zip(loaded.others, numerals[1:], strict=True):
        name = f"{part.regeling or part.bwb_id} ({part.bwb_id})"
        heading = f"ARTIKEL {numeral}: {name}" if numeral else f"{name}: ongewijzigd, geen ARTIKEL"
        echo(f"\n== {heading} ==\n")
        echo("\n".join(render(a) for a in part.artikelen), nl=False)
