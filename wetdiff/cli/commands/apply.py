"""``wetdiff apply INSTRUCTIONS --to VERSION``: execute amending instructions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from wetdiff.cli.options import amending_options, load_version
from wetdiff.errors import FindingsError, WetdiffError

if TYPE_CHECKING:
    from wetdiff.instructions.amending import Amended
    from wetdiff.model.version import Version


@click.command()
@click.argument("instructions", metavar="INSTRUCTIONS")
@click.option(
    "--to",
    "to",
    required=True,
    metavar="VERSION",
    help="The version to amend: law@DATE, PROPOSAL/STAGE, or a path to an "
    "article file or folder (a path is amended in place).",
)
@click.option(
    "--nested",
    is_flag=True,
    help="The instructions amend a bill: apply the instructions inside them "
    "(the text after 'luidende:') to VERSION.",
)
@amending_options("names the instructions")
def command(
    instructions: str,
    to: str,
    as_stage: str | None,
    print_only: bool,
    nested: bool,
    conditional: bool,
    message: str,
    output_format: str,
) -> None:
    """Apply the wijzigingsopdrachten in INSTRUCTIONS (a text file, '-' for stdin) to
    VERSION.

    Reads instructions as wetdiff generates them and as the Staatsblad prints them
    («…», "…", “…”, the older unquoted 'vervangen door: …', '(nieuw)', nested
    instructions of an amendment). Every instruction must apply: one that cannot (its
    words not found, found twice, an element missing, a punctuation precondition false)
    is reported in its own words, exit code 1, and nothing is written.
    """
    from wetdiff.instructions.amending import (
        amend,
        check_in_place,
        failure_lines,
        failures_json,
        read_instructions,
        read_source,
        save_as_stage,
        write_in_place,
    )

    if as_stage and print_only:
        raise click.UsageError("give either --as or --print, not both")
    if as_stage:
        from wetdiff.store.versions import split_stage

        split_stage(as_stage)  # two names of folders: checked before anything is read
    from wetdiff.instructions.amendment import amend_bill, is_amendment

    text = read_source(instructions)
    in_place = not as_stage and not print_only
    if is_amendment(text) and not nested:  # a Kamer amendment: it amends the bill
        version = load_version(to)
        amended = amend_bill(text, version)
        base = ""
        if as_stage and not amended.problems:
            _start_amendment(as_stage, version)
    else:
        parsed = read_instructions(
            instructions, conditional=conditional, amends_a_bill=nested, text=text
        )
        if in_place:
            check_in_place(Path(to))
        version = _load_to(to, as_stage)
        if len(parsed.opdrachten.artikelen) > 1:  # ARTIKEL II of another regeling
            from wetdiff.store.versions import with_regelingen

            version = with_regelingen(version, [a.regeling for a in parsed.opdrachten.artikelen])
        amended = amend(parsed, version)
        base = parsed.opdrachten.base
    if base and not base.startswith(version.label):
        click.echo(
            f"wetdiff: note: these instructions were generated against {base}; "
            f"applying them to {version.label}",
            err=True,
        )
    if amended.problems:
        lines = [
            f"{len(amended.problems)} of {amended.count} instruction(s) could not be applied; "
            "nothing was written:",
            *failure_lines(amended.problems),
        ]
        if output_format == "json":  # what failed, for a script; the message still goes to stderr
            click.echo(
                json.dumps(
                    {"applied": 0, "changed": [], "failed": failures_json(amended.problems)},
                    ensure_ascii=False,
                )
            )
        raise FindingsError("\n".join(lines))
    if print_only:
        print_amended(amended, output_format)
        return
    if as_stage:
        name = "<stdin>" if instructions == "-" else Path(instructions).name
        save_as_stage(
            as_stage,
            amended,
            message or f"Wijzigingsopdrachten uit {name} toegepast op {version.label}",
        )
    else:
        write_in_place(Path(to), amended)
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "applied": amended.applied.applied,
                    "changed": list(amended.changed),
                    "changed_further": {
                        p.version.bwb_id: list(p.changed) for p in amended.applied.further
                    },
                    "failed": [],
                },
                ensure_ascii=False,
            )
        )
    else:
        click.echo(
            f"{amended.applied.applied} instruction(s) applied; changed: {amended.changed_words()}"
        )


def _load_to(to: str, as_stage: str | None) -> Version:
    """The version the instructions amend; a bare ``law`` with ``--as PROPOSAL/STAGE`` is
    the regeling that proposal amends (as ``law`` facing a proposal is everywhere), with
    its further regelingen on the same date."""
    from wetdiff.store.versions import is_bare_law

    if not as_stage or not is_bare_law(to):
        return load_version(to)
    from wetdiff.store.versions import resolve, split_stage, with_regelingen
    from wetdiff.store.workspace import open_workspace

    proposal, _ = split_stage(as_stage)
    workspace = open_workspace()
    regelingen = workspace.proposal(proposal).regelingen
    version = resolve(to, workspace, regeling=regelingen[0] or None)
    return with_regelingen(version, regelingen[1:], workspace)


def _start_amendment(spec: str, stage: Version) -> None:
    """``--as 36547/am-12`` for an amendment's instructions: a stage of its own that
    amends the stage they were applied to (started now when it does not exist yet)."""
    from wetdiff.store.drafting import new_amendment
    from wetdiff.store.versions import split_stage
    from wetdiff.store.workspace import open_workspace

    proposal, name = split_stage(spec)
    workspace = open_workspace()
    found = workspace.proposal(proposal).stage(name)
    if found is not None:
        if found.on != stage.stage:
            raise WetdiffError(
                f"{spec} is no amendment of {stage.label}; nothing was written",
                hint=f"Save the amendment as a new stage: --as {proposal}/am-NN.",
            )
        return
    if stage.proposal != proposal:
        raise WetdiffError(f"{spec} would amend {stage.label}, a stage of another proposal")
    new_amendment(workspace, proposal, name, stage.stage)
    click.echo(f"wetdiff: started amendment {spec} on {stage.label}", err=True)


def print_amended(amended: Amended, output_format: str) -> None:
    """``--print``: the changed articles as article files read, or as data."""
    from wetdiff.instructions.amending import printed

    text, data = printed(amended)
    if output_format == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text, nl=False)
