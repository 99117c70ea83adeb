"""``wetdiff memo A B -o FILE``: the change memo in Markdown, HTML or Word."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from wetdiff.cli.options import articles_option
from wetdiff.diff.kinds import Lang
from wetdiff.errors import WetdiffError

BIG = 300  # changes: show a progress bar from here on


@click.command()
@click.argument("old", metavar="A")
@click.argument("new", metavar="B")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The memo file to write (.md, .html, .docx; .json for its content as data); "
    "'-' writes it to standard output (Markdown unless --format says otherwise).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md", "html", "docx", "json"]),
    help="Format (default: from the file's extension); json: the memo's content as data.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the memo's own words (statute text stays Dutch).",
)
@click.option(
    "--notes",
    "notes_file",
    type=click.Path(dir_okay=False, exists=True),
    help="A notes file to attach (default: the notes of every step between A and B: "
    "the law's own history and the proposal's stages).",
)
@click.option(
    "--questions",
    "questions_files",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True),
    help="A questions registry (repeatable; default: the proposal's).",
)
@articles_option(
    "Only this article (repeatable), with the articles its provisions came from or went "
    "to; the instructions then amend those articles only."
)
@click.option("--author", default="", help="Who prepares the memo (default: your name).")
def command(
    old: str,
    new: str,
    output: str,
    output_format: str | None,
    lang: Lang,
    notes_file: str | None,
    questions_files: tuple[str, ...],
    articles: tuple[str, ...],
    author: str,
) -> None:
    """Write the change memo of A → B: header, summary counts, every change in renvooi
    with its rationale, citations and the questions it answers, the concordance table,
    the questions index, and the wijzigingsopdrachten (proven by applying them to A).

    Word output carries real tracked changes in the renvooi parts.
    """
    from wetdiff.cli.options import load_versions, workspace_of
    from wetdiff.diff import compare
    from wetdiff.diff.compare import only_articles
    from wetdiff.memo.writing import memo_author, memo_file, memo_format, write_memo
    from wetdiff.notes.explain import comparison_notes

    to_stdout = output == "-"  # as every command that reads or writes files takes it
    # the format (and the folder) before any work
    fmt = (
        memo_format("-", output_format or "md")
        if to_stdout
        else memo_file(Path(output), output_format)
    )
    if to_stdout and fmt == "docx" and sys.stdout.isatty():
        raise WetdiffError(
            "a Word memo is a binary file; it cannot be shown in the terminal",
            hint="Give -o memo.docx, or send standard output to a file (-o - > memo.docx).",
        )
    versions = load_versions(old, new)
    changeset = compare(*(only_articles(*versions, articles) if articles else versions))
    found = comparison_notes(
        changeset,
        notes_file=Path(notes_file) if notes_file else None,
        questions_files=[Path(q) for q in questions_files],
    )
    total = len(changeset.changes)
    bar = click.progressbar(length=total, label="memo", file=sys.stderr) if total >= BIG else None
    with bar if bar is not None else nullcontext():
        written = write_memo(
            changeset,
            sys.stdout.buffer if to_stdout else Path(output),
            attachment=found.attachment,
            questions=found.questions,
            output_format=fmt,
            lang=lang,
            author=memo_author(author),
            progress=bar.update if bar is not None else None,
            workspace=workspace_of(changeset),
        )
    click.echo(written.summary, err=True)
