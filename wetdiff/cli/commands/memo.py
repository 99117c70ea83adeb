"""``wetdiff memo A B -o FILE``: the change memo in Markdown, HTML or Word."""

from __future__ import annotations

import getpass
import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from wetdiff.cli.options import load_versions
from wetdiff.diff.kinds import Lang
from wetdiff.errors import WetdiffError
from wetdiff.model.files import atomic_write_bytes

_EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
}
BIG = 300  # changes: show a progress bar from here on


def _author(given: str) -> str:
    if given:
        return given
    for name in ("WETDIFF_AUTHOR", "GIT_AUTHOR_NAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


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
@click.option("--author", default="", help="Who prepares the memo (default: your name).")
def command(
    old: str,
    new: str,
    output: str,
    output_format: str | None,
    lang: Lang,
    notes_file: str | None,
    questions_files: tuple[str, ...],
    author: str,
) -> None:
    """Write the change memo of A → B: header, summary counts, every change in renvooi
    with its rationale, citations and the questions it answers, the concordance table,
    the questions index, and the wijzigingsopdrachten (proven by applying them to A).

    Word output carries real tracked changes in the renvooi parts.
    """
    from wetdiff.diff import compare
    from wetdiff.memo import build_memo, render

    to_stdout = output == "-"  # as every command that reads or writes files takes it
    path = Path(output)
    fmt = output_format or ("md" if to_stdout else _EXTENSIONS.get(path.suffix.lower()))
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format from {path.name!r}: give --format "
            "md, html, docx or json (or name the file .md, .html, .docx or .json)"
        )
    named = _EXTENSIONS.get(path.suffix.lower())
    if output_format and named and named != output_format:  # a .md file holding Word
        raise click.UsageError(
            f"--format {output_format} does not match the file name {path.name!r} "
            f"({named}): change one of them"
        )
    if to_stdout and fmt == "docx" and sys.stdout.isatty():
        raise WetdiffError(
            "a Word memo is a binary file; it cannot be shown in the terminal",
            hint="Give -o memo.docx, or send standard output to a file (-o - > memo.docx).",
        )
    if not to_stdout and not path.parent.is_dir():
        raise WetdiffError(
            "the folder to write the memo in does not exist; nothing was written", file=path.parent
        )
    from wetdiff.notes.explain import comparison_notes

    old_version, new_version = load_versions(old, new)
    changeset = compare(old_version, new_version)
    found = comparison_notes(
        changeset,
        notes_file=Path(notes_file) if notes_file else None,
        questions_files=[Path(q) for q in questions_files],
    )
    attachment, questions = found.attachment, found.questions
    total = len(changeset.changes)
    bar = click.progressbar(length=total, label="memo", file=sys.stderr) if total >= BIG else None
    with bar if bar is not None else nullcontext():
        memo = build_memo(
            old_version,
            new_version,
            changeset,
            attachment,
            questions,
            lang=lang,
            author=_author(author),
            progress=bar.update if bar is not None else None,
        )
    data = render(memo, fmt)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write_bytes(path, data)
    verdict = "proven" if memo.instructions.proven else "NOT proven"
    click.echo(
        f"{'(standard output)' if to_stdout else path}: {memo.total} change(s), "
        f"{len(memo.questions)} question(s), "
        f"wijzigingsopdrachten {verdict}",
        err=True,
    )
