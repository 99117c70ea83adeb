"""``wetdiff diff OLD NEW``: compare two versions provision by provision.

Exit codes as ``diff``: 0 no differences, 1 differences, 2 bad input. Only what the chosen
view needs is imported: ``--format json`` and ``unified`` never load rich, and no format
loads Textual or GitPython when both versions are paths.
"""

from __future__ import annotations

import gc
import json
import sys
from typing import Any

import click

from wetdiff.cli.options import articles_option, load_versions, workspace_of

FORMATS = ("side-by-side", "renvooi", "unified", "json")


@click.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="View: side-by-side (default on a terminal), renvooi (struck and "
    "underlined inline), unified (plain, the default in a pipe), json.",
)
@articles_option("Only this article, by its old or new number (repeatable).")
@click.option("--changed-only", is_flag=True, help="Leave out unchanged provisions.")
@click.option(
    "--no-color",
    is_flag=True,
    help="No colours; words are also marked [-deleted-] and {+inserted+}.",
)
@click.option(
    "--width",
    type=click.IntRange(40, 1000),
    default=None,
    metavar="COLUMNS",
    help="Line width (default: the terminal's).",
)
@click.pass_context
def command(
    ctx: click.Context,
    old: str,
    new: str | None,
    output_format: str | None,
    articles: tuple[str, ...],
    changed_only: bool,
    no_color: bool,
    width: int | None,
) -> None:
    """Compare OLD and NEW (versions or article files/folders) provision by provision:
    what was inserted, deleted, rewritten, renumbered, moved, split or merged, with the
    words that changed.

    \b
    Examples:
      wetdiff diff articles/BWBR0001854/273f/2009-07-01.txt articles/BWBR0001854/273f/2013-04-01.txt
      wetdiff diff law@2013-04-01 law@2013-11-15 --format renvooi
      wetdiff diff law 36547/nr2 --changed-only --format json
      wetdiff diff main..review/lotte 36547/A

    Two git revisions (REV..REV, or REV...REV: from where the second branched off)
    compare one version at each: NEW then names it (default: the workspace's proposal).
    The ids in [...] are what 'wetdiff take' takes.

    Exit status: 0 no differences, 1 differences, 2 bad input.
    """
    old, new = _versions(old, new)
    # One batch run that builds many small objects and keeps them to the end: the cyclic
    # garbage collector would only walk them again and again (10-15 % of a whole code).
    collecting = gc.isenabled()
    gc.disable()
    try:
        differs = _run(old, new, output_format, articles, changed_only, no_color, width)
    finally:
        if collecting:
            gc.enable()
    ctx.exit(1 if differs else 0)


def _versions(old: str, new: str | None) -> tuple[str, str]:
    """The two versions to compare: OLD and NEW, or one version at two revisions."""
    from wetdiff.store.versions import is_range

    if not is_range(old):
        if new is None:
            raise click.UsageError(
                "give two versions (OLD NEW), or two revisions and a version "
                "(main..review/lotte 36547/A)"
            )
        return old, new
    from wetdiff.notes.proposal import default_proposal
    from wetdiff.store.versions import revision_range
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace()
    return revision_range(old, new or default_proposal(workspace.root), workspace)


def _run(
    old: str,
    new: str,
    output_format: str | None,
    articles: tuple[str, ...],
    changed_only: bool,
    no_color: bool,
    width: int | None,
) -> bool:
    """Compare and show; whether anything (shown) differs. A proposal that amends several
    regelingen is compared per regeling (ARTIKEL I, II, …), each under its name."""
    from wetdiff.model.version import artikel_numerals, paired_parts

    old_version, new_version = load_versions(old, new)
    pairs = paired_parts(old_version, new_version)
    numerals = artikel_numerals(pairs) if len(pairs) > 1 else ["I"]
    if articles:
        from wetdiff.diff.compare import check_articles

        check_articles(old_version, new_version, articles)
    if output_format is None:
        output_format = "side-by-side" if sys.stdout.isatty() else "unified"
    differs = False
    data: dict[str, Any] = {}
    notes: dict[str, tuple[tuple[str, str, str], ...]] | None = None
    for index, (old_part, new_part) in enumerate(pairs):
        if output_format != "json" and len(pairs) > 1:
            _heading(index, numerals[index], new_part or old_part)
        found, part_data, notes = _run_one(
            old_part,
            new_part,
            output_format,
            articles,
            changed_only,
            no_color,
            width,
            notes=notes,
            find_notes=index == 0,  # the first finds every regeling's notes (ids differ)
        )
        differs = differs or found
        if output_format == "json":
            part_data = {
                "bwb_id": new_part.bwb_id,
                "regeling": new_part.regeling,
                **({"artikel": numerals[index] or None} if len(pairs) > 1 else {}),
                **part_data,
            }
            if index == 0:
                data = part_data
            else:
                data.setdefault("further_regelingen", []).append(part_data)
    if output_format == "json":
        _write_json(data)
    sys.stdout.flush()
    return differs


def _heading(index: int, numeral: str, part: Any) -> None:
    """The line over one regeling's comparison: "ARTIKEL II: Wet testregeling
    mensenhandel (BWBR0099999)"; a regeling the comparison leaves as it is has no
    ARTIKEL, as in the instructions and the memo."""
    name = f"{part.regeling or part.bwb_id} ({part.bwb_id})"
    line = f"ARTIKEL {numeral}: {name}" if numeral else f"{name}: ongewijzigd, geen ARTIKEL"
    sys.stdout.write(("\n" if index else "") + ("== " + line + " ==\n"))


def _run_one(
    old_version: Any,
    new_version: Any,
    output_format: str,
    articles: tuple[str, ...],
    changed_only: bool,
    no_color: bool,
    width: int | None,
    *,
    notes: dict[str, tuple[tuple[str, str, str], ...]] | None,
    find_notes: bool,
) -> tuple[bool, dict[str, Any], dict[str, tuple[tuple[str, str, str], ...]] | None]:
    """One regeling's comparison, shown (or, for json, returned as data), and the notes
    of the comparison (``find_notes``: found here, else ``notes`` as given)."""
    from wetdiff.diff import ChangeSet, compare
    from wetdiff.instructions.consequential import consequences

    changeset = compare(old_version, new_version)
    changes = changeset.changes
    wanted = set(articles)
    if articles:
        changes = tuple(
            c
            for c in changes
            if (c.old and c.old.locatie.artikel in wanted)
            or (c.new and c.new.locatie.artikel in wanted)
        )
    differs = any(c.changed for c in changes)
    found = consequences(changeset, workspace_of(changeset))
    if articles:
        found = tuple(
            c
            for c in found
            if {
                c.citation.locatie.artikel if not c.citation.bwb_id else "",
                c.citation.old_target.artikel,
                c.citation.new_target.artikel if c.citation.new_target else "",
            }
            & wanted
        )
    stale = tuple(c.citation for c in found)
    # the section is Dutch; a question follows the line that names its place
    fixes = tuple(c.instruction or c.ask("nl", place=False) for c in found)
    if changed_only:
        changes = tuple(c for c in changes if c.changed)
    if find_notes:
        notes = _notes(changeset)

    if output_format == "json":
        pairs = changeset.article_pairs
        if articles:
            pairs = tuple((o, n) for o, n in pairs if o in articles or n in articles)
        data = ChangeSet(changeset.old, changeset.new, changes, pairs).to_json(stale)
        for entry, consequence in zip(data["stale_citations"], found, strict=True):
            entry["instruction"] = consequence.instruction or None  # proven by replay
            entry["question"] = consequence.question or None  # a choice left to the drafter
            entry["vraag"] = consequence.vraag or None  # the same in Dutch
        data["counts"] = changeset.counts()  # always for the whole comparison
        if notes is not None:
            for change in data["changes"]:
                change["notes"] = [
                    {"id": note_id, "step": step or None, "rationale": rationale}
                    for step, note_id, rationale in notes.get(change["id"], ())
                ]
        return differs, data, notes
    from wetdiff.diff.shown import shown

    units = shown(changeset, changes)
    if output_format == "unified":
        from wetdiff.cli.diff_plain import stale_section, unified

        sys.stdout.write("".join(line + "\n" for line in unified(changeset, units, notes)))
        sys.stdout.write("".join(line + "\n" for line in stale_section(stale, fixes)))
    else:
        from wetdiff.cli import diff_views

        console = diff_views.make_console(None, width=width, no_color=no_color)
        view = diff_views.side_by_side if output_format == "side-by-side" else diff_views.renvooi
        view(console, changeset, units, notes)
        diff_views.stale_citations(console, stale, fixes)
    return differs, {}, notes


def _write_json(data: dict[str, Any]) -> None:
    """One line of JSON (UTF-8, compact) on stdout. orjson writes the ~2 MB of a whole
    code in a few milliseconds where ``json.dumps`` takes ~30; ``json`` writes what
    orjson refuses (a lone surrogate from an undecodable path name)."""
    import orjson

    try:
        encoded = orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some test harnesses)
        sys.stdout.write(encoded.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(encoded)


def _notes(changeset: Any) -> dict[str, tuple[tuple[str, str, str], ...]] | None:
    """The notes that explain the comparison, per change id: (step, note id, rationale).
    Only for versions of a workspace (the law on a date, a proposal's stage): two article
    files have no notes to look for."""
    if not (changeset.old.kind or changeset.new.kind):
        return None
    from wetdiff.notes.explain import comparison_notes

    found = comparison_notes(changeset)
    if found.attachment is None or found.explained is None:
        return None
    steps = found.explained.steps
    return {
        change_id: tuple((steps.get(n.id, ""), n.id, n.rationale) for n in notes)
        for change_id, notes in found.attachment.by_change.items()
    }
