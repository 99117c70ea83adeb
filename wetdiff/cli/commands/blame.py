"""``wetdiff blame ARTICLE [VERSION]``: the version that introduced each provision/word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from wetdiff.cli.options import echo, format_option
from wetdiff.errors import WetdiffError


@click.command(short_help="Which version introduced each provision and word.")
@click.argument("article")
@click.argument("version", required=False)
@click.option("--words", is_flag=True, help="Credit each word, not only each provision.")
@format_option("text", "json")
def command(article: str, version: str | None, words: bool, output_format: str) -> None:
    """For each provision of ARTICLE in VERSION (default: the law in force today), the
    version that introduced it and those that changed it; with --words, the version that
    introduced each word, with its date, act and note.

    Computed by walking the article's versions through the diff engine (provisions paired
    by content, words by the word diff), not by git's line blame: it follows a lid
    through renumberings and credits "twaalf" to the act that wrote it, not to the last
    act that touched the lid. VERSION may be law@DATE or a proposal stage (36547/A).
    """
    from wetdiff.model.normalise import visible_controls
    from wetdiff.store.blame import blame_article
    from wetdiff.store.workspace import open_workspace

    if version is not None and ":" not in version and Path(version).is_file():
        raise WetdiffError(
            "blame walks the workspace's history; this is a file, not a version",
            file=version,
            hint="Give a version such as law@2013-11-15 or 36547/nr2 (see 'wetdiff versions').",
        )
    workspace = open_workspace()
    result = blame_article(workspace, article, version)
    why = _notes(workspace, article, result)
    if output_format == "json":
        data = result.to_json()
        for origin in data["origins"]:
            origin["notes"] = [
                {"id": n.id, "change": where, "rationale": n.rationale, "answers": list(n.answers)}
                for where, n in why.get(origin["index"], [])
            ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    origins = {o.index: o for o in result.origins}
    echo(f"Artikel {article} in {result.version}: versions walked, oldest first")
    if result.illustrative:
        echo(f"[{result.illustrative}]")
    for o in result.origins:
        date = o.date.isoformat() if o.date else "gap"
        number = f" (artikel {o.number})" if o.number != article else ""
        echo(
            f"  [{o.index}] {date}  {o.label}{number}  {o.act}"
            + (f"  [{o.certainty}]" if o.certainty else "")
        )
        if o.note:
            echo(f"        {visible_controls(' '.join(o.note.split()))}")
        for where, note in why.get(o.index, []):
            rationale = " ".join(visible_controls(note.rationale).split())
            echo(f"        why ({where}): {rationale}")

    def short(index: int) -> str:
        o = origins[index]
        return f"[{index}] {o.date.isoformat() if o.date else 'gap'}"

    for p in result.provisions:
        where = p.provision.in_words()
        changed = ", ".join(short(i) for i in p.changed)
        echo("")
        came = (
            f"moved here {short(p.introduced)} from {p.moved_from} (its earlier history is "
            "that article's)"
            if p.moved_from
            else f"introduced {short(p.introduced)}"
        )
        echo(f"{where}: {came}" + (f"; changed {changed}" if changed else ""))
        if words:
            for span in p.spans:
                echo(f"  {short(span.origin):<16} {span.text.strip()}")
        else:
            echo(f"  {p.provision.text}")


def _notes(workspace: Any, article: str, result: Any) -> dict[int, list[tuple[str, Any]]]:
    """The notes that explain each version walked (the law's own history, a proposal's
    stage), as ``wetdiff log`` shows them: {origin index: [(where, note)]}."""
    from wetdiff.notes.explain import Explainer
    from wetdiff.store.history_walk import find_bwb

    explainer = Explainer(workspace.root)
    bwb_id = find_bwb(workspace, workspace.snapshot(), article) or ""
    found: dict[int, list[tuple[str, Any]]] = {}
    for origin in result.origins:
        label = origin.label.rpartition(":")[2]
        kind = "law" if label.startswith(("law@", "BWB")) else "stage"
        for change, note in explainer.history_notes(article, kind, label, origin.date, bwb_id):
            where = (change.new or change.old).locatie.in_words()
            found.setdefault(origin.index, []).append((where, note))
    return found
