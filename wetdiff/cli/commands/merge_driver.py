"""``wetdiff merge-driver BASE OURS THEIRS [PATH]``: what git runs to merge a notes or
questions file (registered by ``wetdiff init``; see docs/branches.md).

git gives three temporary files (the common ancestor, ours, theirs) and expects the
merged text in OURS: exit 0 when it merged cleanly, 1 when a conflict is left marked.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command(hidden=True)
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", required=False, default="")
def command(base: Path, ours: Path, theirs: Path, path: str) -> None:
    """Merge a notes or questions file by id (git runs this; see 'wetdiff init')."""
    from wetdiff.model.files import atomic_write_bytes
    from wetdiff.notes.mergefile import merge_texts

    texts = [_read(p) for p in (base, ours, theirs)]
    merged = None if any(t is None for t in texts) else merge_texts(*texts)  # type: ignore[arg-type]
    name = path or ours.name
    if merged is None:  # not readable block by block: git's own line merge
        from wetdiff.store.gitrepo import merge_file_lines

        left = merge_file_lines(ours, base, theirs)
        if left:
            click.echo(f"wetdiff: {name}: merged line by line; {left} conflict(s) left", err=True)
            raise click.exceptions.Exit(1)
        return
    atomic_write_bytes(ours, merged.text.encode("utf-8"))
    if merged.conflicts:
        for identifier in merged.conflicts:
            click.echo(
                f"wetdiff: {name}: {merged.table} {identifier} was changed on both sides; "
                "keep one version between the markers",
                err=True,
            )
        raise click.exceptions.Exit(1)


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
