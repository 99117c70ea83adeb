"""``wetdiff amendment new|list|show``: amendments on a stage of a bill.

An amendment is a stage of its own (``36547/am-12``): the stage it amends with its own
articles laid over it, edited like any stage (``wetdiff save``, the TUI's ``t``). Its
metadata (stuknummer, indieners, date, the amendment it replaces, toelichting) is in
``proposals/<id>/<name>/amendment.toml``. Workflow: docs/branches.md.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from wetdiff.cli.options import document_date_option, echo, format_option
from wetdiff.errors import WetdiffError


@click.group()
def command() -> None:
    """Amendments on a stage of a bill: start one, list them, show one."""


@command.command("new")
@click.argument("proposal")
@click.argument("name")
@click.option(
    "--on", "on", required=True, metavar="STAGE", help="The stage it amends (e.g. A, nr2)."
)
@click.option(
    "--stuknummer",
    default="gap",
    show_default=True,
    help="Its number in the Kamerstuk dossier (nr. 12), when known.",
)
@click.option(
    "--indiener", "indieners", multiple=True, metavar="NAME", help="Who tabled it (repeatable)."
)
@document_date_option("The day it was tabled (else gap).")
@click.option(
    "--replaces",
    default="",
    metavar="NAME",
    help="The amendment it replaces (ter vervanging van), e.g. am-8.",
)
@click.option("--title", default="", help="Its title, as the Kamer prints it.")
@click.option("--toelichting", default=None, help="Why it is proposed (Markdown).")
@click.option(
    "--toelichting-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the toelichting from a file ('-' for standard input).",
)
@format_option("text", "json")
def new(
    proposal: str,
    name: str,
    on: str,
    stuknummer: str,
    indieners: tuple[str, ...],
    date: dt.date | None,
    replaces: str,
    title: str,
    toelichting: str | None,
    toelichting_file: Path | None,
    output_format: str,
) -> None:
    """Start amendment NAME (e.g. am-12) on stage STAGE of PROPOSAL, in one commit.

    Its text is the stage's until you edit it: 'wetdiff save PROPOSAL/NAME FILE -m WHY',
    or compare the stage with it in the TUI and press t."""
    from wetdiff.store.drafting import new_amendment
    from wetdiff.store.workspace import open_workspace

    if toelichting is not None and toelichting_file is not None:
        raise WetdiffError("give --toelichting or --toelichting-file, not both")
    if toelichting_file is not None:
        from wetdiff.model.files import read_text

        toelichting = (
            sys.stdin.read()
            if str(toelichting_file) == "-"
            else read_text(toelichting_file, what="toelichting file")
        )
    workspace = open_workspace()
    sha = new_amendment(
        workspace,
        proposal,
        name,
        on,
        stuknummer=stuknummer,
        indieners=indieners,
        date=date,
        replaces=replaces,
        title=title,
        toelichting=toelichting or "",
    )
    if output_format == "json":
        click.echo(
            json.dumps(
                {"amendment": f"{proposal}/{name}", "on": f"{proposal}/{on}", "commit": sha},
                ensure_ascii=False,
            )
        )
        return
    echo(f"Started amendment {proposal}/{name} on {proposal}/{on}; commit {sha[:10]}")
    echo(
        f"Edit its text: wetdiff save {proposal}/{name} FILE -m WHY "
        f"(or: wetdiff tui {proposal}/{on} {proposal}/{name}, then t)"
    )


@command.command("list")
@click.argument("proposal", required=False)
@format_option("text", "json")
def list_(proposal: str | None, output_format: str) -> None:
    """The amendments of PROPOSAL (default: the workspace's), with the stage each amends
    and the articles it changes."""
    from wetdiff.diff.merge import analyse
    from wetdiff.notes.proposal import default_proposal
    from wetdiff.store.conflicts import amendments_of
    from wetdiff.store.versions import resolve
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    pid = proposal or default_proposal(workspace.root)
    found = amendments_of(workspace.snapshot(), pid)
    rows = []
    for amendment in found:
        base = resolve(f"{pid}/{amendment.on}", workspace)
        edits = analyse(base, amendment.id, resolve(f"{pid}/{amendment.id}", workspace))
        rows.append((amendment, tuple(edits)))
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "proposal": pid,
                    "amendments": [{**a.to_json(), "articles": list(t)} for a, t in rows],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not rows:
        echo(f"{pid}: no amendments ('wetdiff amendment new {pid} am-1 --on STAGE' starts one)")
        return
    for amendment, touched in rows:
        when = amendment.date.isoformat() if amendment.date else "date: gap"
        line = f"{pid}/{amendment.id}  on {amendment.on}  {amendment.name}, {when}"
        if amendment.replaces:
            line += f", ter vervanging van {amendment.replaces}"
        echo(line)
        echo(
            "    changes: "
            + (", ".join(f"artikel {n}" for n in touched) if touched else "nothing yet")
        )


@command.command("show")
@click.argument("spec", metavar="PROPOSAL/NAME")
@format_option("text", "json")
def show(spec: str, output_format: str) -> None:
    """One amendment: its metadata, the articles it changes, its wijzigingsopdrachten in
    the form the Kamer prints them (relative to the bill: "In artikel I, onderdeel A,
    wordt in het voorgestelde artikel 273f, …", proven by carrying them out on the stage)
    and its toelichting."""
    from wetdiff.diff.merge import analyse
    from wetdiff.store.amendments import read_amendment
    from wetdiff.store.versions import resolve, split_stage
    from wetdiff.store.workspace import open_workspace

    pid, name = split_stage(spec)
    workspace = open_workspace()
    amendment = read_amendment(workspace.snapshot(), pid, name)
    if amendment is None:
        raise WetdiffError(
            f"{pid}/{name} is no amendment",
            hint=f"'wetdiff amendment list {pid}' lists them.",
        )
    from wetdiff.instructions.amendment import generate

    base = resolve(f"{pid}/{amendment.on}", workspace)
    version = resolve(f"{pid}/{name}", workspace)
    touched = tuple(analyse(base, name, version))
    assert base.base is not None
    instructions = generate(base.base, base, version) if touched else None
    if output_format == "json":
        data = {**amendment.to_json(), "articles": list(touched)}
        data["instructions"] = instructions.text if instructions else None
        data["proven"] = instructions.proven if instructions else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    echo(f"{pid}/{name}: {amendment.name}")
    if amendment.title:
        echo(f"  {amendment.title}")
    echo(f"  amends: {pid}/{amendment.on}")
    echo(f"  stuknummer: {amendment.stuknummer}")
    echo(f"  indieners: {', '.join(amendment.indieners) or 'gap'}")
    echo(f"  date: {amendment.date.isoformat() if amendment.date else 'gap'}")
    if amendment.replaces:
        echo(f"  ter vervanging van: {amendment.replaces}")
    echo("  changes: " + (", ".join(f"artikel {n}" for n in touched) or "nothing yet"))
    if instructions is not None:
        verdict = (
            "proven: carried out on the stage, they give the amendment's text"
            if instructions.proven
            else f"NOT proven: {instructions.problem}"
        )
        echo(f"\nWijzigingsopdrachten ({verdict})\n")
        echo(instructions.text.rstrip("\n"))
    if amendment.toelichting:
        echo("\nToelichting\n")
        echo("\n".join(f"  {line}" for line in amendment.toelichting.splitlines()))
