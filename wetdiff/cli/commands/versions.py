"""``wetdiff versions``: every version the workspace holds, as you would type it."""

from __future__ import annotations

import json

import click

from wetdiff.cli.options import echo, format_option


@click.command(short_help="List the law's dates, proposal stages and tags.")
@click.option("--rev", metavar="REV", help="List the versions as they were at a git revision.")
@format_option("text", "json")
def command(rev: str | None, output_format: str) -> None:
    """List the law's dated versions, each proposal's stages and the tags.

    \b
    Type any of them where a command takes a VERSION:
      law@2013-11-15   the law in force on that day (law alone: today)
      36547/nr2        a proposal stage (36547 alone: its latest stage with a text)
      HEAD~1:36547     either, as it was at a git revision
    """
    from wetdiff.store.versions import list_versions
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    entries = list_versions(workspace, rev)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "workspace": str(workspace.root),
                    "example": workspace.example,
                    "versions": [
                        {
                            "version": e.spec,
                            "kind": e.kind,
                            "date": e.date.isoformat() if e.date else None,
                            "title": e.title,
                            "illustrative": e.illustrative or None,
                            "has_text": e.has_text,
                        }
                        for e in entries
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    echo(f"Workspace: {workspace.name} ({workspace.root})")
    headings = {
        "law": "Law (in-force dates; 'law' alone: the latest text, and where the data ends)",
        "stage": "Proposal stages",
        "tag": "Tags",
    }
    for kind, heading in headings.items():
        chosen = [e for e in entries if e.kind == kind]
        if not chosen:
            continue
        echo(f"\n{heading}:")
        for e in chosen:
            date = e.date.isoformat() if e.date else "date: gap"
            note = "" if e.has_text else "  (no text)"
            echo(f"  {e.spec:<22} {date if kind != 'tag' else '':<11} {e.title}{note}")
        illustrative = {e.illustrative for e in chosen if e.illustrative}
        for label in sorted(illustrative):
            echo(f"  [{label}]")
