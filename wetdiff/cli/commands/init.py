"""``wetdiff init [DIR]``: a new workspace; ``--example``: a copy of the worked example."""

from __future__ import annotations

import json
from pathlib import Path

import click

from wetdiff.cli.options import format_option


@click.command(short_help="Create a workspace, or copy the worked example.")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option(
    "--example",
    is_flag=True,
    help="Copy the worked example (273f Sr, bill 36 547) with its history.",
)
@click.option("--name", default="", help="The workspace's name (default: the folder's).")
@format_option("text", "json")
def command(directory: Path | None, example: bool, name: str, output_format: str) -> None:
    """Create a workspace in DIR (default: the current folder): a git repository with
    wetdiff.toml, articles/ and proposals/, in one first commit.

    With --example, DIR becomes a full copy of the worked example, history and tags
    included, to explore or draft in. An existing workspace is never overwritten: in one
    (a clone of a shared workspace, say), init only registers the merge driver that
    merges notes and questions by id (docs/branches.md).

    Every workspace it makes has that driver: .gitattributes names the notes and
    questions files, and the repository's configuration runs this wetdiff on them.
    """
    from wetdiff.errors import WetdiffError
    from wetdiff.store.layout import MARKER
    from wetdiff.store.workspace import init_workspace

    folder = (directory or Path.cwd()).resolve()
    if example:
        from wetdiff.store.example import ensure_example
        from wetdiff.store.gitrepo import clone

        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise WetdiffError(
                "the folder exists and is not empty; nothing changed",
                file=folder,
                hint="Give a new folder for the copy.",
            )
        from wetdiff.store.mergedriver import register

        source = ensure_example()
        register(clone(source, folder))
        if output_format == "json":
            click.echo(json.dumps({"workspace": str(folder), "example": True}))
            return
        click.echo(f"Copied the worked example with its history into {folder}")
        click.echo(f"Run wetdiff there; try: cd {folder} && wetdiff log 273f")
        return
    if (folder / MARKER).is_file() and (folder / ".git").exists():
        _set_up_clone(folder, output_format)
        return
    workspace = init_workspace(folder, name=name)
    if output_format == "json":
        click.echo(
            json.dumps(
                {"workspace": str(folder), "example": False, "name": workspace.name},
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"Created workspace {workspace.name} in {folder} ({MARKER}, articles/, proposals/)")


def _set_up_clone(folder: Path, output_format: str) -> None:
    """A workspace already: nothing is overwritten; the merge driver is set up."""
    from wetdiff.store.mergedriver import set_up
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace(folder)
    committed, registered = set_up(workspace.root, workspace.repo)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "workspace": str(folder),
                    "existing": True,
                    "gitattributes_committed": committed,
                    "driver_registered": registered,
                }
            )
        )
        return
    click.echo(f"{folder} is a workspace already; nothing was overwritten.")
    what = "added to .gitattributes (committed) and " if committed else ""
    click.echo(
        f"The merge driver for notes and questions is {what}registered for this clone: "
        "notes and questions merge by id (docs/branches.md)."
    )
