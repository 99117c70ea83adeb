"""``wetdiff import``: official texts and pasted texts into canonical article files.

``wetdiff import bwb FILE...`` reads official BWB XML (one toestand, or a series of dated
captures of one regeling) and writes ``<out>/<BWB-id>/<artikel>/<date>.txt`` + ``.toml``
for each version of each article. ``wetdiff import text FILE --article NR`` reads an
article as pasted from the web page, Markdown, Word or a PDF and prints (or writes) its
canonical form. Neither overwrites a file with other content unless ``--force``, and
neither writes outside the workspace (or, outside any workspace, the current folder).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import click

from wetdiff.cli.options import articles_option, echo, format_option
from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls
from wetdiff.store.layout import find_root

_SHOWN_WARNINGS = 5


def _inside(out: Path | None, *, default: str = "articles") -> Path:
    """Where to write: inside the workspace (or the current folder when there is none).
    A path that leads outside (``../elsewhere``, an absolute path, a symlink out) is
    refused, so a typo never scatters files over the disk."""
    cwd = Path.cwd()
    root = find_root(cwd)
    base = root or cwd
    target = (base / default if out is None else cwd / out).resolve()
    if not target.is_relative_to(base.resolve()):
        where = f"the workspace {base}" if root else f"the current folder {base}"
        raise WetdiffError(
            f"{out} is outside {where}; nothing was written",
            hint="Write inside it, or run wetdiff from the folder you mean.",
        )
    return target


@click.group(name="import")
def command() -> None:
    """Import statute text: official BWB XML, or text as you copied it."""


@command.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@articles_option("Only this article (repeatable), e.g. --article 273f.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder for the article versions [default: articles/ of the workspace, "
    "or of the current folder].",
)
@click.option(
    "--date",
    "capture_date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Capture date of a single FILE whose name holds no date.",
)
@click.option(
    "--regeling",
    default=None,
    metavar="NAME",
    help="Name of the regeling, when the XML gives none.",
)
@click.option("--force", is_flag=True, help="Overwrite files that hold other content.")
@click.option(
    "--no-commit", is_flag=True, help="In a workspace: write the files but do not commit them."
)
@format_option("text", "json")
def bwb(
    files: tuple[Path, ...],
    articles: tuple[str, ...],
    out: Path | None,
    capture_date: dt.datetime | None,
    regeling: str | None,
    force: bool,
    no_commit: bool,
    output_format: str,
) -> None:
    """Import official BWB XML files (toestanden of one regeling) as dated article
    versions.

    Each FILE is one consolidated text (a folder: the .xml files in it), in the
    bwb-plus-meta format of the historical captures (named by capture date, e.g.
    2013-11-16.xml) or the toestand format of wetten.overheid.nl today. Given several,
    per article only the versions whose wording changed are written, named by the date
    they took effect where the XML says so, else by the capture date (marked
    'unverified' in the .toml). Oddities in the official data are warnings; an unsafe or
    damaged XML file stops the import, nothing written.

    In a workspace (and without --out) the new versions are also committed, one commit
    per in-force date, dated on that day, so 'wetdiff log' and blame see them.
    """
    from wetdiff.importers.series import (
        changed_versions,
        import_series,
        planned_files,
        refuse_clashes,
        write_files,
    )
    from wetdiff.model.files import remove_stale_temp_files

    files = _expand(files)
    target = _inside(out)
    root = find_root(Path.cwd())
    progress = _progress(len(files)) if output_format == "text" else None
    try:
        series = import_series(
            list(files),
            articles=articles or None,
            regeling=regeling,
            date=capture_date.date() if capture_date else None,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    missing = [nr for nr in articles if nr not in series.versions]
    if missing:
        where = "this file" if len(files) == 1 else "these files"
        raise WetdiffError(
            f"artikel {missing[0]} is not in {where}; nothing was written",
            hint="Check the article number (273f, 80quinquies).",
        )
    planned = planned_files(series, target)
    commits: list[str] = []
    with _writing(root):
        # A run that was killed left temporary files and maybe versions written but not
        # committed: this run removes the first (holding the lock, no other wetdiff is
        # writing them) and commits the second.
        if root is not None:
            remove_stale_temp_files(path for path, _ in planned)
        if root is not None and out is None and not no_commit and series.bwb_id:
            from wetdiff.store.workspace import open_workspace

            workspace = open_workspace(root)
            refuse_clashes(planned, force=force)
            pending = changed_versions(series, target, committed=_committed(workspace))
            if pending:
                commits = workspace.record_law_versions(pending)
            written = sum(2 if v.artikel is not None else 1 for v in pending)
            unchanged = len(planned) - written
        else:
            written, unchanged = write_files(planned, within=target, force=force)
    kinds = Counter(w.kind for w in series.warnings)
    if output_format == "json":
        data = _series_json(series, target, written, unchanged)
        data["commits"] = commits
        echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    versions = sum(len(v) for v in series.versions.values())
    echo(
        f"{series.regeling} ({series.bwb_id or 'no BWB id'}): {series.toestanden} "
        f"file(s), {series.articles_read} articles read, "
        f"{len(series.versions)} articles with {versions} versions"
    )
    numbers = series.numbers()
    for number in numbers[:20]:
        dates = ", ".join(_describe(v) for v in series.versions[number])
        echo(f"  artikel {number}: {dates}")
    if len(numbers) > 20:
        echo(f"  … and {len(numbers) - 20} more articles")
    if any(v.meta.certainty != "official" for vs in series.versions.values() for v in vs):
        echo("  (? = in-force date unverified: the capture date; see in_force_note)")
    echo(f"{written} file(s) written, {unchanged} unchanged, in {target}")
    if commits:
        echo(f"{len(commits)} commit(s) in the workspace, one per in-force date")
    if kinds:
        summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        echo(f"{sum(kinds.values())} warning(s): {summary}", err=True)
        for warning in series.warnings[:_SHOWN_WARNINGS]:
            echo(f"  warning: {warning}", err=True)
        if len(series.warnings) > _SHOWN_WARNINGS:
            echo("  (--format json lists them all)", err=True)


def _writing(root: Path | None) -> AbstractContextManager[None]:
    """The workspace's write lock when writing inside one (else nothing to serialise)."""
    if root is None:
        return nullcontext()
    from wetdiff.store.lock import workspace_lock

    return workspace_lock(root)


def _committed(workspace: Any) -> Callable[[Path], str | None]:
    """A file's text in the workspace's last commit (None: not committed)."""
    if workspace.repo.head_sha() is None:
        return lambda path: None
    head = workspace.snapshot("HEAD")
    root = workspace.root.resolve()
    return lambda path: head.read(path.resolve().relative_to(root).as_posix())


def _expand(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """A folder stands for the XML files in it (a regeling's captures)."""
    expanded: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted(path.glob("*.xml"))
            if not found:
                raise WetdiffError("no .xml files in this folder", file=path)
            expanded.extend(found)
        else:
            expanded.append(path)
    return tuple(expanded)


def _describe(version: Any) -> str:
    meta = version.meta
    text = meta.in_force.isoformat()
    if meta.status != "geldend":
        text += f" {meta.status}" + (f" → {meta.renumbered_to}" if meta.renumbered_to else "")
    if meta.renumbered_from:
        text += f" (was {meta.renumbered_from})"
    if meta.certainty != "official":
        text += "?"
    return text


def _series_json(series: Any, target: Path, written: int, unchanged: int) -> dict[str, Any]:
    def link(found: Any) -> dict[str, Any]:
        return {
            "text": found.text,
            "doc": found.doc,
            "bwb_id": found.bwb_id,
            "external": found.external,
            "at": found.at.key,
            "target": found.target.key if found.target else None,
        }

    articles: dict[str, list[dict[str, Any]]] = {}
    folder = target / (series.bwb_id or "regeling")
    for number in series.numbers():
        entries = []
        for version in series.versions[number]:
            meta = version.meta
            key = f"{number}@{meta.in_force.isoformat()}"
            suffix = "txt" if version.artikel is not None else "toml"
            entries.append(
                {
                    "in_force": meta.in_force.isoformat(),
                    "certainty": meta.certainty,
                    "in_force_note": meta.in_force_note,
                    "status": meta.status,
                    "captured_from": meta.captured_from,
                    "renumbered_from": meta.renumbered_from or None,
                    "renumbered_to": meta.renumbered_to or None,
                    "file": str(folder / number / f"{meta.in_force.isoformat()}.{suffix}"),
                    "links": [link(lk) for lk in series.links.get(key, ())],
                }
            )
        articles[number] = entries
    return {
        "schema": "wetdiff.import.bwb/1",
        "bwb_id": series.bwb_id,
        "regeling": series.regeling,
        "files": series.toestanden,
        "articles_read": series.articles_read,
        "written": written,
        "unchanged": unchanged,
        "out": str(target),
        "articles": articles,
        "warning_counts": dict(sorted(Counter(w.kind for w in series.warnings).items())),
        "warnings": [
            {"kind": w.kind, "where": w.where, "message": w.message} for w in series.warnings
        ],
    }


class _Bar:
    """A progress bar on stderr for long imports (the CLI is a view; the importer only
    reports progress through a callback)."""

    def __init__(self, total: int) -> None:
        self._bar = click.progressbar(
            length=total,
            label="Importing",
            file=sys.stderr,
            show_pos=True,
            item_show_func=lambda p: p,
        )
        self._bar.__enter__()

    def __call__(self, index: int, total: int, path: Path) -> None:
        self._bar.current_item = visible_controls(path.name)
        self._bar.update(1)

    def close(self) -> None:
        self._bar.__exit__(None, None, None)


def _progress(total: int) -> _Bar | None:
    return _Bar(total) if total > 1 else None


@command.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--article",
    required=True,
    metavar="NR",
    help="The article to read (the text may hold several).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FILE",
    help="Write the canonical text here instead of printing it.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it holds other content.")
@format_option("text", "json")
def text(file: Path, article: str, out: Path | None, force: bool, output_format: str) -> None:
    """Read an article as copied from wetten.overheid.nl, a Markdown export, or Word/PDF,
    and print (or write) its canonical form.

    FILE is '-' for standard input. What had to be guessed (a hyphen at a line end, a
    bullet read as a dash item, a numbering oddity) is reported as a warning.
    """
    from wetdiff.importers.text import import_text
    from wetdiff.model.files import atomic_write, read_text
    from wetdiff.model.text_format import parse, render

    if str(file) == "-":
        source, raw = "<stdin>", sys.stdin.read()
    else:
        source, raw = str(file), read_text(file, what="text file")
    target = _inside(out) if out is not None else None
    artikel, warnings = import_text(raw, article=article, source=source)
    canonical = render(artikel)
    if parse(canonical, strict=False) != artikel:  # the canonical form must hold it exactly
        raise WetdiffError(
            "this text could not be put in the canonical form exactly",
            file=source,
            hint="Please report it with the file.",
        )
    if target is not None:
        if (
            target.exists()
            and not force
            and target.read_text(encoding="utf-8", errors="replace") != canonical
        ):
            raise WetdiffError(
                "the file exists with other content; nothing was written",
                file=target,
                hint="Pass --force to overwrite it.",
            )
        atomic_write(target, canonical)
    if output_format == "json":
        echo(
            json.dumps(
                {
                    "schema": "wetdiff.import.text/1",
                    "article": artikel.number,
                    "text": canonical,
                    "out": str(target) if target else None,
                    "warnings": [
                        {"kind": w.kind, "where": w.where, "message": w.message} for w in warnings
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if target is None:
            echo(canonical, nl=False)
        else:
            echo(f"artikel {artikel.number} written to {target}")
        for warning in warnings:
            echo(f"warning: {warning}", err=True)


# officiële bekendmakingen: wetdiff import ob (its own module)
from wetdiff.cli.commands._import_ob import ob  # noqa: E402

command.add_command(ob)
