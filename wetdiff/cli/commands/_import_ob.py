"""``wetdiff import ob FILE.xml --to VERSION --as PROPOSAL/STAGE``: an officiële
bekendmaking (Kamerstuk, Staatsblad) applied to a version, as a proposal stage.

A subcommand of ``wetdiff import`` (registered there); the leading underscore keeps it
out of the top-level command list.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from wetdiff.cli.options import amending_options, echo, load_version
from wetdiff.errors import FindingsError, WetdiffError


@click.command(name="ob")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--to",
    "to",
    metavar="VERSION",
    help="The version the bekendmaking amends: law@DATE, PROPOSAL/STAGE or a path.",
)
@click.option(
    "--regeling",
    default="",
    metavar="NAME",
    help="The regeling to take the ARTIKEL for, when VERSION does not name it "
    "(e.g. 'Wetboek van Strafrecht').",
)
@click.option(
    "--instructions",
    "show_instructions",
    is_flag=True,
    help="Print the amending articles as instruction text (what 'wetdiff apply' reads) and stop.",
)
@click.option(
    "--partial",
    is_flag=True,
    help="Apply the instructions that can be applied and write them, with a report of "
    "those that could not (exit 1). Default: all or nothing.",
)
@amending_options("names the document")
def ob(
    file: Path,
    to: str | None,
    as_stage: str | None,
    print_only: bool,
    regeling: str,
    show_instructions: bool,
    partial: bool,
    conditional: bool,
    message: str,
    output_format: str,
) -> None:
    """Apply an officiële bekendmaking (XML from zoek.officielebekendmakingen.nl: a
    Kamerstuk 'Voorstel van wet' such as kst-36547-2.xml, or a Staatsblad) to VERSION.

    Only the amending articles for VERSION's regeling are applied (found by its name, its
    citeertitel or BWB id; --regeling when that is ambiguous); the others are listed as
    skipped. Every instruction must apply, or nothing is written (exit 1), unless
    --partial: then what applies is written and the rest is reported, each in its own
    words and why.
    """
    from wetdiff.cli.commands.apply import print_amended
    from wetdiff.importers.bekendmaking import (
        amends,
        apply_bekendmaking,
        instructions_report,
        read_bekendmaking,
        workspace_names,
    )
    from wetdiff.instructions.amending import failure_lines, failures_json, save_as_stage

    bekendmaking = read_bekendmaking(file)
    for warning in bekendmaking.warnings:
        echo(f"warning: {warning}", err=True)
    if show_instructions:
        if output_format == "json":
            report = instructions_report(bekendmaking, assume_conditions=conditional)
            echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            echo("\n".join(a.text for a in bekendmaking.artikelen), nl=False)
        return
    if not to:
        raise click.UsageError("give --to VERSION: the version the bekendmaking amends")
    if bool(as_stage) == print_only:
        raise click.UsageError("give --as PROPOSAL/STAGE or --print (one of them)")
    if as_stage:
        from wetdiff.store.versions import split_stage

        split_stage(as_stage)  # two names of folders: checked before anything is read
    version = load_version(to)
    outcome = apply_bekendmaking(
        bekendmaking,
        version,
        regeling=regeling,
        names=workspace_names(version.bwb_id or regeling),
        assume_conditions=conditional,
    )
    which = outcome.which
    skipped = [
        {"artikel": a.numeral, "regeling": a.regeling, "part": a.part or None}
        for a in outcome.skipped
    ]
    for artikel in outcome.skipped:
        echo(f"skipped: {artikel.name} ({amends(artikel)})", err=True)
    problems = outcome.problems
    failed = failures_json(problems)
    if problems and not partial:
        lines = [
            f"{len(problems)} of {outcome.count} instruction(s) of "
            f"{which} could not be applied; nothing was written "
            "(--partial writes the others):",
            *failure_lines(problems),
        ]
        if output_format == "json":  # what failed, for a script; the message still goes to stderr
            echo(
                json.dumps(
                    {
                        "schema": "wetdiff.import.ob/1",
                        "document": bekendmaking.description,
                        "applied": 0,
                        "changed": [],
                        "failed": failed,
                        "skipped": skipped,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        raise FindingsError("\n".join(lines))
    if not outcome.changed:
        raise WetdiffError(
            f"{which} of {bekendmaking.description} changes nothing in {version.label}"
            + (f" ({len(problems)} instruction(s) could not be applied)" if problems else ""),
            file=file,
        )
    if print_only:
        print_amended(outcome, output_format)
    else:
        assert as_stage is not None
        save_as_stage(
            as_stage,
            outcome,
            message
            or (
                f"{bekendmaking.description}: {which} "
                f"({outcome.regeling or 'regeling'}) toegepast op {version.label}"
                + (f"; {len(problems)} opdracht(en) niet toegepast" if problems else "")
            ),
        )
        if output_format == "json":
            echo(
                json.dumps(
                    {
                        "schema": "wetdiff.import.ob/1",
                        "document": bekendmaking.description,
                        "artikelen": [a.numeral for a in outcome.artikelen],
                        "regeling": outcome.regeling,
                        "applied": outcome.applied.applied,
                        "changed": list(outcome.changed),
                        "failed": failed,
                        "skipped": skipped,
                        "stage": as_stage,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            echo(
                f"{bekendmaking.description}: {outcome.applied.applied} instruction(s) of "
                f"{which} applied to {version.label}; saved as {as_stage}: "
                f"{', '.join(outcome.changed)}"
            )
    if problems:  # --partial: written, and what was not is said
        raise FindingsError(
            "\n".join(
                [
                    f"not applied: {len(problems)} of {outcome.count} instruction(s) of {which}:",
                    *failure_lines(problems),
                ]
            )
        )
