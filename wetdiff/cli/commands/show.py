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
    """Print the articles of VERSION as text (the canonical article file form)."""
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
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if loaded.illustrative:
        echo(f"[{loaded.illustrative}]\n")
    echo("\n".join(render(a) for a in loaded.artikelen), nl=False)
