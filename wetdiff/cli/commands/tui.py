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
    app = make_app(old, new, workspace=workspace, theme=theme)
    need_terminal()
    app.run()


def need_terminal() -> None:
    """The terminal UI draws on a terminal and reads keys from one: with its input or
    output a file or a pipe (``wetdiff > out.txt``, a script) it would write escape codes
    into the file and wait for keys that never come. Say so instead (exit 2)."""
    import sys

    from wetdiff.errors import WetdiffError

    for name, stream in (("output", sys.stdout), ("input", sys.stdin)):
        if stream is None or not stream.isatty():
            raise WetdiffError(
                f"the terminal UI needs a terminal, and its {name} is not one",
                hint="Run wetdiff in a terminal, or use a command that prints "
                "(e.g. 'wetdiff diff law 36547'; 'wetdiff --help' lists them).",
            )


def check_versions(old: str | None, new: str | None, workspace: Path | None) -> None:
    """A version that names nothing, or a broken wetdiff.toml, is one message and exit 2
    before the app opens, as in every other command. Without versions, a workspace
    around the current folder is opened and the comparison its wetdiff.toml names is
    checked (an empty workspace may still open); the worked
    example (built on first use) is left to the app, so its first frame stays quick."""
    from wetdiff.store.versions import check
    from wetdiff.store.workspace import find_root, open_workspace

    given = [spec for spec in (old, new) if spec is not None]
    around = find_root(workspace or Path.cwd())
    if not given and around is None:
        return
    opened = open_workspace(workspace, git=False) if workspace is not None or not given else None
    if given:
        for index, spec in enumerate(given):
            check(spec, opened, facing=given[1 - index] if len(given) == 2 else None)
    elif opened is not None and all(opened.config.default_compare):
        from wetdiff.errors import WetdiffError
        from wetdiff.model.files import line_of
        from wetdiff.store.layout import MARKER

        marker = opened.root / MARKER
        pair = opened.config.default_compare
        for index, spec in enumerate(pair):
            try:
                check(spec, opened, facing=pair[1 - index])
            except WetdiffError as error:
                if error.file is not None:  # the fault is in that file, not the spec
                    raise
                raise WetdiffError(
                    f"defaults.compare: {error.what}",
                    file=marker,
                    line=line_of(marker.read_text(encoding="utf-8"), "compare"),
                    hint=error.hint,
                ) from None
