"""``wetdiff apply INSTRUCTIONS --to VERSION``: execute amending instructions."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from wetdiff.cli.options import format_option, load_version
from wetdiff.errors import FindingsError, WetdiffError

if TYPE_CHECKING:
    from wetdiff.instructions.model import Failure


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
    "--as",
    "as_stage",
    metavar="PROPOSAL/STAGE",
    help="Save the result as this proposal stage (one commit per article).",
)
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Print the amended articles instead of writing anything.",
)
@click.option(
    "--nested",
    is_flag=True,
    help="The instructions amend a bill: apply the instructions inside them "
    "(the text after 'luidende:') to VERSION.",
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
    help="Rationale for the commit with --as (default: names the instructions).",
)
@format_option("text", "json")
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
    from wetdiff.instructions import apply_opdrachten, parse_text
    from wetdiff.instructions import nested as nested_of
    from wetdiff.model.files import read_text
    from wetdiff.model.normalise import refuse_controls

    if as_stage and print_only:
        raise click.UsageError("give either --as or --print, not both")
    if as_stage:
        from wetdiff.store.versions import split_stage

        split_stage(as_stage)  # two names of folders: checked before anything is read
    if instructions == "-":
        text = sys.stdin.read()
        source = "<stdin>"
    else:
        text = read_text(Path(instructions), what="instructions file")
        source = instructions
    refuse_controls(text, source)  # its words become statute text
    gelezen = parse_text(text, assume_conditions=conditional)
    if nested:
        gelezen = nested_of(gelezen)
    if not gelezen.opdrachten.opdrachten and not gelezen.problems:
        raise WetdiffError(
            "no amending instructions found",
            file=source,
            hint="An instruction reads e.g. 'In artikel 273f, eerste lid, "
            "wordt «acht» vervangen door «twaalf».'",
        )
    target_path = Path(to)
    in_place = not as_stage and not print_only
    if in_place and not target_path.exists():
        raise click.UsageError(
            f"{to} is not a path: give --as PROPOSAL/STAGE or --print to say where the result goes"
        )
    if in_place and target_path.is_dir() and any(target_path.glob("*.toml")):
        raise WetdiffError(
            "this is a folder of dated law versions; wetdiff does not change an official "
            "version in place",
            file=target_path,
            hint="Use --as PROPOSAL/STAGE to save the result as a proposal stage, or --print.",
        )
    version = load_version(to)
    result = apply_opdrachten(gelezen.opdrachten, version)
    problems = (*gelezen.problems, *result.failures)
    base = gelezen.opdrachten.base
    if base and not base.startswith(version.label):
        click.echo(
            f"wetdiff: note: these instructions were generated against {base}; "
            f"applying them to {version.label}",
            err=True,
        )
    if problems:
        lines = [
            f"{len(problems)} of {len(gelezen.opdrachten.opdrachten) + len(gelezen.problems)}"
            " instruction(s) could not be applied; nothing was written:"
        ]
        lines += _failure_lines(problems)
        if output_format == "json":  # what failed, for a script; the message still goes to stderr
            click.echo(
                json.dumps(
                    {"applied": 0, "changed": [], "failed": _failed_json(problems)},
                    ensure_ascii=False,
                )
            )
        raise FindingsError("\n".join(lines))
    changed = [a for a in result.version.artikelen if a.number in result.changed]
    if print_only:
        _print(changed, result.changed, output_format)
        return
    if as_stage:
        _save_stage(
            as_stage,
            changed,
            result.changed,
            message or f"Wijzigingsopdrachten uit {Path(source).name} toegepast op {version.label}",
        )
    else:
        _write_in_place(target_path, changed, result.changed)
    if output_format == "json":
        click.echo(
            json.dumps(
                {"applied": result.applied, "changed": list(result.changed), "failed": []},
                ensure_ascii=False,
            )
        )
    else:
        click.echo(
            f"{result.applied} instruction(s) applied; changed: "
            f"{', '.join(result.changed) or 'nothing'}"
        )


def _failure_lines(problems: Sequence[Failure]) -> list[str]:
    """Each instruction that failed, in its own words and why."""
    return [f"  {p.label + ': ' if p.label else ''}{p.words}\n    → {p.reason}" for p in problems]


def _failed_json(problems: Sequence[Failure]) -> list[dict[str, str]]:
    """Each instruction not carried out, with why and which kind of reason it is
    (not-understood, unsupported-form, out-of-scope, conditional, not-applicable)."""
    return [
        {"label": p.label, "words": p.words, "kind": p.kind, "reason": p.reason} for p in problems
    ]


def _print(changed: list, numbers: tuple[str, ...], output_format: str) -> None:
    from wetdiff.model.artikel import VERVALLEN
    from wetdiff.model.text_format import render

    present = {a.number for a in changed}
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "articles": {a.number: render(a) for a in changed},
                    "repealed": [n for n in numbers if n not in present],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    texts = [render(a) for a in changed]
    texts += [f"Artikel {n}\n\n{VERVALLEN}\n" for n in numbers if n not in present]
    click.echo("\n".join(texts), nl=False)


def _article_text(artikel_number: str, changed: list) -> str:
    from wetdiff.model.artikel import VERVALLEN
    from wetdiff.model.text_format import render

    for artikel in changed:
        if artikel.number == artikel_number:
            return render(artikel)
    return f"Artikel {artikel_number}\n\n{VERVALLEN}\n"


def _write_in_place(path: Path, changed: list, numbers: tuple[str, ...]) -> None:
    """An article file is rewritten; a folder of article files gets the changed and new
    articles (a repealed one reads "[Vervallen]", as in a proposal stage)."""
    from wetdiff.model.files import atomic_write

    if path.is_file():
        if len(numbers) > 1:
            raise WetdiffError(
                "the instructions change more than this one article; nothing was written",
                file=path,
                hint="Apply them to the folder, or use --print.",
            )
        if numbers:
            atomic_write(path, _article_text(numbers[0], changed), within=path.parent)
        return
    for number in numbers:  # never outside the folder, whatever the instructions name
        atomic_write(path / f"{number}.txt", _article_text(number, changed), within=path)


def _save_stage(spec: str, changed: list, numbers: tuple[str, ...], message: str) -> None:
    from wetdiff.store.layout import stage_file
    from wetdiff.store.versions import split_stage
    from wetdiff.store.workspace import open_workspace

    proposal, stage = split_stage(spec)
    workspace = open_workspace()
    try:
        with workspace.writing():  # one writer from the first read to the last commit
            for number in numbers:
                path = workspace.root / stage_file(proposal, stage, number)
                expected = path.read_text(encoding="utf-8") if path.exists() else None
                workspace.save_article(
                    proposal, stage, _article_text(number, changed), expected, message
                )
    finally:
        workspace.close()
