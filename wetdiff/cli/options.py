"""Options and helpers that every subcommand shares, so they behave alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wetdiff.model.dates import iso_date
from wetdiff.model.normalise import visible_controls
from wetdiff.model.version import Version

if TYPE_CHECKING:
    from wetdiff.diff import ChangeSet
    from wetdiff.store.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with the choices a command supports (``text``/``json`` everywhere);
    the first choice is the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def articles_option(help: str = "Only this article (repeatable).") -> Callable[[F], F]:
    """``--article NR`` (repeatable, into ``articles``): the articles a command works on."""
    return click.option("--article", "articles", multiple=True, metavar="NR", help=help)


def answers_option(func: F) -> F:
    """``--answers ID`` (repeatable, into ``answers``): the questions a change answers,
    for a drafting step (``save``) and a note alike."""
    return click.option(
        "--answers",
        multiple=True,
        metavar="ID",
        help="A question the change answers, e.g. 2022Z19982/3 (repeatable).",
    )(func)


def date_or_gap(value: str | None, option: str = "--date") -> dt.date | None:
    """A date a lawyer typed for a document (``YYYY-MM-DD``), or None for ``gap`` (and
    for nothing given): the date is not known."""
    text = (value or "").strip()
    if not text or text == "gap":
        return None
    return iso_date(
        text,
        f"{option} {text!r} is not a date; nothing was written",
        hint="Write it as YYYY-MM-DD (e.g. 2024-10-24), or 'gap' when it is not known.",
    )


def document_date_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    """``--date YYYY-MM-DD`` of a document (a stage, an amendment), into ``date`` as read
    by :func:`date_or_gap`: a date, or None when it is ``gap`` (or not given)."""
    return click.option(
        "--date",
        "date",
        required=required,
        metavar="YYYY-MM-DD",
        help=help,
        callback=lambda _context, _option, value: date_or_gap(value),
    )


def proposal_option(func: F) -> F:
    """``-p/--proposal ID`` for the commands that work on one proposal's files."""
    return click.option(
        "-p",
        "--proposal",
        metavar="ID",
        help="The proposal (default: the workspace's default, or its only proposal).",
    )(func)


def amending_options(default_message: str) -> Callable[[F], F]:
    """Where amended articles go and how, as ``apply`` and ``import ob`` both take it:
    ``--as PROPOSAL/STAGE`` or ``--print``, ``--conditional``, ``-m`` (default:
    ``default_message``, e.g. "names the instructions"), and the report's ``--format``
    (text or json)."""
    options = [
        click.option(
            "--as",
            "as_stage",
            metavar="PROPOSAL/STAGE",
            help="Save the amended articles as this proposal stage (one commit per article).",
        ),
        click.option(
            "--print",
            "print_only",
            is_flag=True,
            help="Print the amended articles instead of writing anything.",
        ),
        click.option(
            "--conditional",
            is_flag=True,
            help="Also carry out amending articles that depend on a condition ('Indien …, "
            "wordt …'), as if it were met.",
        ),
        click.option(
            "-m",
            "--message",
            default="",
            help=f"Rationale for the commits with --as (default: {default_message}).",
        ),
        format_option("text", "json"),
    ]

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def load_versions(old: str, new: str) -> tuple[Version, Version]:
    """Both sides of a comparison (a bare ``law`` facing a proposal is the regeling that
    proposal amends: see :func:`wetdiff.store.versions.resolve_pair`)."""
    from wetdiff.store.versions import resolve_pair

    return resolve_pair(old, new)


def load_version(spec: str) -> Version:
    """Resolve a version as every command does: through the one version parser
    (:mod:`wetdiff.store.versions`; a path is read without opening a workspace)."""
    from wetdiff.store.versions import resolve

    return resolve(spec)


def workspace_of(changeset: ChangeSet) -> Workspace | None:
    """The workspace a comparison's versions were read from (its other regelingen may
    cite the compared code: their consequential amendments are listed too), or None for
    files and folders outside one."""
    if not {changeset.old.kind, changeset.new.kind} & {"law", "stage"}:
        return None
    from wetdiff.store.workspace import open_workspace

    return open_workspace(git=False)


def echo(text: str = "", *, nl: bool = True, err: bool = False) -> None:
    """``click.echo`` for text output that may carry words from files (metadata, notes,
    commit messages): a control character shows as its symbol (ESC as ␛), never raw.
    (click only strips ANSI sequences when the output is not a terminal.)"""
    click.echo(visible_controls(text), nl=nl, err=err)
