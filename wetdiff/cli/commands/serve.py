"""``wetdiff serve``: the same terminal UI in a web browser (textual-serve)."""

from __future__ import annotations

import shlex
import sys

import click


@click.command()
@click.argument("old", required=False, metavar="[A]")
@click.argument("new", required=False, metavar="[B]")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (on 127.0.0.1 only: this machine).",
)
def command(old: str | None, new: str | None, port: int) -> None:
    """Serve the terminal UI in a browser at http://127.0.0.1:PORT.

    Bound to 127.0.0.1, so only this machine can open it: the workspace holds
    unpublished drafts. Each browser tab runs its own wetdiff.
    """
    import socket

    from textual_serve.server import Server

    from wetdiff.cli.commands.tui import check_versions
    from wetdiff.errors import WetdiffError

    check_versions(old, new, None)
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise WetdiffError(
                f"port {port} on 127.0.0.1 is in use", hint="Choose another with --port."
            ) from None

    args = [sys.executable, "-m", "wetdiff", "tui", *(a for a in (old, new) if a)]
    server = Server(shlex.join(args), host="127.0.0.1", port=port, title="wetdiff")
    server.serve()
