"""The ``wetdiff`` command line: git-like subcommands.

Each subcommand lives in its own module in :mod:`wetdiff.cli.commands` (``diff.py`` is
``wetdiff diff``, ``new_proposal.py`` is ``wetdiff new-proposal``) and exposes a click
``command``. Only the module of the command that runs is imported, so ``wetdiff diff``
never pays for Textual or GitPython.

Exit codes (every command): 0 ran and found nothing (no differences, clean check,
applied); 1 ran and found something; 2 bad input or usage, one message on stderr, nothing
written.
"""

from __future__ import annotations

import errno
import importlib
import os
import pkgutil
import sys
from typing import Any, NoReturn

import click

from wetdiff import __version__
from wetdiff.errors import WetdiffError

_COMMANDS_PACKAGE = "wetdiff.cli.commands"


def _command_names() -> dict[str, str]:
    from wetdiff.cli import commands

    names = {}
    for module in pkgutil.iter_modules(commands.__path__):
        if not module.name.startswith("_"):
            names[module.name.rstrip("_").replace("_", "-")] = module.name
    return names


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_command_names())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = _command_names().get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"{_COMMANDS_PACKAGE}.{module_name}")
        command: click.Command = module.command
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="wetdiff")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Compare statute articles and the proposals that amend them, provision by
    provision, with the reasons for every change.

    Run without a command to open the terminal UI on the workspace you are in (or, outside
    any workspace, on the worked example: the Wetboek van Strafrecht, art. 273f at its
    centre, and bill 36 547).

    \b
    Versions (every command takes them the same way):
      law                    the latest text the workspace holds, with the date of
                             that text and the date its data ends
      law@2013-04-15         the law in force on a date
      BWBR0001854@2013-04-15 the same, naming the regeling (several in a workspace)
      36547                  a proposal's latest stage;  36547/nr2  one stage
      36547/am-12            an amendment;  36547/A+am-12+am-15  amendments adopted
      HEAD~2:36547/nr2       any of those at a git revision
      PATH                   an article file or folder
    """
    if ctx.invoked_subcommand not in (None, "tui", "serve"):
        from wetdiff import store

        store.example_progress = _BuildProgress()
    if ctx.invoked_subcommand is None:
        opener = _command_names().get("tui")
        if opener is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(cli.get_command(ctx, "tui"))  # type: ignore[arg-type]


class _BuildProgress:
    """What the first run says on stderr while it builds the worked example, once the
    build has taken a second (a quick build says nothing)."""

    AFTER = 1.0

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start: float | None = None
        self._shown = False

    def __call__(self, step: str, done: int, total: int) -> None:
        if self._start is None:
            self._start = self._clock()
        if not self._shown and self._clock() - self._start < self.AFTER:
            return
        if step == "done":
            if self._shown:
                took = self._clock() - self._start
                click.echo(f"\rwetdiff: the worked example is ready ({took:.1f} s)   ", err=True)
            return
        line = f"wetdiff: building the worked example (first run only): {done}/{total} files"
        if sys.stderr.isatty():
            click.echo(f"\r{line}", err=True, nl=False)
        elif not self._shown:
            click.echo(line, err=True)
        self._shown = True


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning a user's mistake into one message and exit 2."""
    from wetdiff.store.lock import set_notice

    set_notice(lambda message: click.echo(f"wetdiff: {message}", err=True))
    try:
        result = cli.main(args=argv, prog_name="wetdiff", standalone_mode=False)
        sys.stdout.flush()  # an output error (a full disk) is met here, not at exit
        return result
    except WetdiffError as error:
        from wetdiff.model.normalise import visible_controls

        click.echo(visible_controls(f"wetdiff: {error}"), err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2 if isinstance(error, click.UsageError) else error.exit_code)
    except OSError as error:
        if error.filename is None and error.errno in _OUTPUT_ERRORS:
            _output_failed(error)
        if error.filename is None:  # not about a file the user named: a bug, show it
            raise
        click.echo(f"wetdiff: {error.filename}: {error.strerror}; nothing more was done", err=True)
        sys.exit(2)
    except click.Abort:
        click.echo("wetdiff: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)


# Writing the output failed: the place it goes is full, gone or closed.
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE}


def _output_failed(error: OSError) -> NoReturn:
    """One message for output that could not be written (``> /dev/full``, a closed
    pipe); the rest of the output is dropped, so Python's own flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if error.errno == errno.EPIPE:  # a reader that stopped (| head): quiet, as git is
        sys.exit(128 + 13)  # as if killed by SIGPIPE
    click.echo(f"wetdiff: cannot write the output: {error.strerror}", err=True)
    sys.exit(2)
