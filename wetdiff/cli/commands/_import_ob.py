"""``wetdiff import ob FILE.xml --to VERSION --as PROPOSAL/STAGE``: an officiële
bekendmaking (Kamerstuk, Staatsblad) applied to a version, as a proposal stage.

A subcommand of ``wetdiff import`` (registered there); the leading underscore keeps it
out of the top-level command list.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from wetdiff.cli.options import echo, format_option, load_version
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
    "--as",
    "as_stage",
    metavar="PROPOSAL/STAGE",
    help="Save the amended articles as this proposal stage (one commit per "
    "article, its message naming the document).",
)
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Print the amended articles instead of writing anything.",
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
@click.option(
    "--conditional",
    is_flag=True,
    help="Also carry out amending articles that depend on a condition ('Indien …, "
    "wordt …'), as if it were met.",
)
@click.option(
    "-m",
    "--message",
    default="",
    help="Rationale for the commits with --as (default: names the document).",
)
@format_option("text", "json")
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
    from wetdiff.cli.commands.apply import _failed_json, _failure_lines, _print, _save_stage
    from wetdiff.importers.bekendmaking import (
        amends,
        apply_bekendmaking,
        instructions_report,
        read_bekendmaking,
    )

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
    toepassing = apply_bekendmaking(
        bekendmaking,
        version,
        regeling=regeling,
        names=_workspace_names(version.bwb_id or regeling),
        assume_conditions=conditional,
    )
    which = toepassing.which
    skipped = [
        {"artikel": a.numeral, "regeling": a.regeling, "part": a.part or None}
        for a in toepassing.skipped
    ]
    for artikel in toepassing.skipped:
        echo(f"skipped: {artikel.name} ({amends(artikel)})", err=True)
    problems = toepassing.problems
    result = toepassing.toegepast
    failed = _failed_json(problems)
    if problems and not partial:
        lines = [
            f"{len(problems)} of {toepassing.count} instruction(s) of "
            f"{which} could not be applied; nothing was written "
            "(--partial writes the others):"
        ]
        lines += _failure_lines(problems)
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
    if not result.changed:
        raise WetdiffError(
            f"{which} of {bekendmaking.description} changes nothing in {version.label}"
            + (f" ({len(problems)} instruction(s) could not be applied)" if problems else ""),
            file=file,
        )
    changed = [a for a in result.version.artikelen if a.number in result.changed]
    not_applied = (
        [
            f"not applied: {len(problems)} of {toepassing.count} instruction(s) of {which}:",
            *_failure_lines(problems),
        ]
        if problems
        else []
    )
    if print_only:
        _print(changed, result.changed, output_format)
    else:
        assert as_stage is not None
        _save_stage(
            as_stage,
            changed,
            result.changed,
            message
            or (
                f"{bekendmaking.description}: {which} "
                f"({toepassing.regeling or 'regeling'}) toegepast op {version.label}"
                + (f"; {len(problems)} opdracht(en) niet toegepast" if problems else "")
            ),
        )
        if output_format == "json":
            echo(
                json.dumps(
                    {
                        "schema": "wetdiff.import.ob/1",
                        "document": bekendmaking.description,
                        "artikelen": [a.numeral for a in toepassing.artikelen],
                        "regeling": toepassing.regeling,
                        "applied": result.applied,
                        "changed": list(result.changed),
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
                f"{bekendmaking.description}: {result.applied} instruction(s) of "
                f"{which} applied to {version.label}; saved as {as_stage}: "
                f"{', '.join(result.changed)}"
            )
    if not_applied:  # --partial: written, and what was not is said
        raise FindingsError("\n".join(not_applied))


def _workspace_names(bwb_id: str) -> tuple[str, ...]:
    """The workspace's own name for a BWB id (``[[regeling]]`` in wetdiff.toml), so an
    amending article that cites the regeling by that name is found."""
    if not bwb_id:
        return ()
    try:
        from wetdiff.store.workspace import open_workspace

        workspace = open_workspace()
    except WetdiffError:
        return ()
    try:
        return tuple(r.name for r in workspace.config.regelingen if r.bwb_id == bwb_id)
    finally:
        workspace.close()
