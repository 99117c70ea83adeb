"""``wetdiff tui [A] [B]`` (and ``wetdiff`` alone): the terminal UI."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("old", required=False, metavar="[A]")
@click.argument("new", required=False, metavar="[B]")
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="The workspace to open (default: the one around the current folder, "
    "else the worked example).",
)
@click.option(
    "--theme",
    metavar="NAME",
    help="A Textual theme (e.g. textual-light, ansi-dark for 16-colour "
    "terminals). NO_COLOR=1 gives monochrome.",
)
def command(old: str | None, new: str | None, workspace: Path | None, theme: str | None) -> None:
    """Compare version A with version B side by side, with the reasons for each change.

    Without versions: the workspace's default comparison (for the worked example: the
    law in force against the latest stage of bill 36 547). Press ? in the app for keys.
    """
    from wetdiff.tui.app import make_app

    if workspace is not None:  # a folder named on purpose must be a workspace: say so now
        from wetdiff.errors import WetdiffError
        from wetdiff.store.workspace import find_root

        if find_root(workspace) is None:
            raise WetdiffError(
                "not a wetdiff workspace: there is no wetdiff.toml here or above",
                file=workspace,
                hint="Run 'wetdiff init' there to make it one, or leave "
                "--workspace out to open the worked example.",
            )
    check_versions(old, new, workspace)
    make_app(old, new, workspace=workspace, theme=theme).run()


def check_versions(old: str | None, new: str | None, workspace: Path | None) -> None:
    """A version typed on the command line that names nothing is one message and exit 2
    before the app opens, as in every other command."""
    given = [spec for spec in (old, new) if spec is not None]
    if not given:
        return
    from wetdiff.store.versions import check
    from wetdiff.store.workspace import open_workspace

    opened = open_workspace(workspace) if workspace is not None else None
    for spec in given:
        check(spec, opened)
