"""``wetdiff save PROPOSAL/STAGE FILE-or-ARTICLE -m WHY``: record a drafting step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from wetdiff.cli.options import answers_option, format_option


@click.command(short_help="Commit a proposal text with its rationale.")
@click.argument("stage_spec", metavar="PROPOSAL/STAGE")
@click.argument("source", metavar="FILE-or-ARTICLE")
@click.option("-m", "--message", required=True, help="The rationale: why this change.")
@answers_option
@click.option(
    "--regeling",
    default="",
    metavar="BWB-ID",
    help="The article of a further regeling the proposal amends (also_amends), saved in "
    "the stage's folder of that name.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Save FILE even over edits to the stage's article that are not in git yet "
    "(they are lost).",
)
@format_option("text", "json")
def command(
    stage_spec: str,
    source: str,
    message: str,
    answers: tuple[str, ...],
    regeling: str,
    force: bool,
    output_format: str,
) -> None:
    """Save an article text into a proposal stage and commit it with its rationale.

    FILE is an article file (anywhere) whose text becomes the stage's article of that
    number; ARTICLE (e.g. 273f) records the edits you made in place in
    proposals/PROPOSAL/STAGE/273f.txt. The commit message is the rationale, with an
    'Answers:' trailer per question. Only that file is committed: other uncommitted work
    is left exactly as it is. A file that changed on disk meanwhile is not overwritten,
    and FILE is not saved over edits to the stage's article that are not in git yet
    (unless --force).
    """
    from wetdiff.errors import WetdiffError
    from wetdiff.model.files import read_text
    from wetdiff.model.text_format import parse
    from wetdiff.store.drafting import save_article
    from wetdiff.store.layout import stage_dir
    from wetdiff.store.versions import split_stage
    from wetdiff.store.workspace import open_workspace

    proposal, stage = split_stage(stage_spec)
    if regeling:
        from wetdiff.model.names import BWB_ID, check_name

        check_name(regeling, BWB_ID)
    workspace = open_workspace()
    folder = workspace.root / stage_dir(proposal, stage)
    if regeling:
        folder = folder / regeling
    path = Path(source)
    if path.suffix == ".txt" or path.exists():
        text = read_text(path)
        number = parse(text, source=str(path), strict=True).number
        target = folder / f"{number}.txt"
        expected = (
            target.read_text(encoding="utf-8")
            if target.exists() and target.resolve() != path.resolve()
            else None
        )
        if target.exists() and target.resolve() == path.resolve():
            expected = text
        elif expected is not None and not force:
            _refuse_unsaved_edits(workspace, target, expected, path)
    else:
        target = folder / f"{source}.txt"
        if not folder.parent.is_dir() if regeling else not folder.is_dir():  # the stage
            from wetdiff.store.proposals import read_proposal

            stages = read_proposal(workspace.snapshot(), proposal).text_stages
            raise WetdiffError(
                f"proposal {proposal} has no stage {stage!r} with a text",
                hint=f"Its stages with a text: {', '.join(s.id for s in stages) or 'none'}.",
            )
        if not target.is_file():
            raise WetdiffError(
                f"no article {source} in {proposal}/{stage}",
                file=target,
                hint="Give a file with the new text, or edit this file first.",
            )
        text = read_text(target)
        expected = text
    before = set(workspace.dirty_paths())
    sha = save_article(
        workspace, proposal, stage, text, expected, message, answers, regeling=regeling
    )
    rel = target.relative_to(workspace.root).as_posix()
    others = sorted(p for p in before if p != rel)
    if output_format == "json":
        click.echo(
            json.dumps(
                {"file": rel, "commit": sha, "answers": list(answers), "left_uncommitted": others},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(f"Saved {rel}; commit {sha[:10]}")
    if others:
        click.echo(f"Other uncommitted changes were left as they are: {', '.join(others)}")


def _refuse_unsaved_edits(workspace: Any, target: Path, on_disk: str, source: Path) -> None:
    """Saving a text from elsewhere replaces the stage's article: refuse when that file
    holds edits git does not have yet (they would be lost without a trace)."""
    from wetdiff.errors import WetdiffError

    rel = target.relative_to(workspace.root).as_posix()
    committed = workspace.repo.snapshot("HEAD").read(rel) if workspace.repo.head_sha() else None
    if committed != on_disk:
        raise WetdiffError(
            f"this file has edits that are not saved in git; saving {source} over it would "
            "discard them. Nothing was written",
            file=target,
            hint=f"Save those edits first (wetdiff save {rel.split('/')[1]}/{rel.split('/')[2]} "
            f"{target.stem} -m …), or pass --force to replace them.",
        )
