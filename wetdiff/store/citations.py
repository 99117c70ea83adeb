"""Who cites a provision, across every regeling of the workspace.

A code cites its own articles by number ("artikel 273f"); another regeling names it
("artikel 273f van het Wetboek van Strafrecht", "273f Sr"). Before renumbering, moving
or repealing a provision, a drafter needs both lists: the consequential amendments are
due in every regeling that cites it.

The texts are searched through the citations index (:mod:`wetdiff.store.cites_index`):
each article text is searched once, and then looked up by its git blob id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.model.artikel import Locatie
from wetdiff.model.version import Version, article_sort_key
from wetdiff.model.verwijzing import Verwijzing, covers, names_of
from wetdiff.store.cites_index import CitesIndex
from wetdiff.store.workspace import Workspace

if TYPE_CHECKING:
    from wetdiff.diff.changes import ChangeSet
    from wetdiff.diff.citations import StaleCitation


@dataclass(frozen=True, slots=True)
class CitingProvision:
    """A provision that cites the target: in ``regeling`` (its name; BWB id ``bwb_id``),
    which is the cited regeling itself when ``own``."""

    regeling: str
    bwb_id: str
    citation: Verwijzing
    own: bool

    def in_words(self) -> str:
        where = self.citation.locatie.in_words()
        return where if self.own else f"{self.regeling} ({self.bwb_id}), {where}"


@dataclass(frozen=True, slots=True)
class Cited:
    """What ``wetdiff cites`` answers: the version searched (its header: label, date,
    regeling), whether the target is in it, and every provision that cites it."""

    version: Version
    exists: bool
    citing: tuple[CitingProvision, ...]


def open_index(workspace: Workspace) -> CitesIndex:
    """The workspace's citations index, checked against git and the files on disk."""
    names = {r.bwb_id: r.name for r in workspace.config.regelingen if r.bwb_id}
    return CitesIndex.open(workspace.root, names)


def cited_by(spec: str, target: Locatie) -> Cited:
    """``wetdiff cites SPEC TARGET``: the provisions that cite ``target`` in the version
    ``spec`` names, and, for the law or a proposal stage of a workspace, in every other
    regeling of the workspace as it stood on the version's date.

    The law and a stage read from the files on disk are searched through the index
    without parsing their articles; a version at a git revision, a stage with
    amendments adopted or a file outside the workspace is read whole."""
    from wetdiff.store.versions import law_outline, outline, resolve, split_rev
    from wetdiff.store.workspace import open_workspace

    spec = spec.strip()
    workspace = None
    if not Path(spec).exists() or spec == "law" or spec.startswith("law@"):
        workspace = open_workspace(git=False)
    index = open_index(workspace) if workspace is not None else None  # git asked meanwhile
    sketch = law_outline(spec, workspace, index.law_files) if workspace and index else None
    sketch = sketch or outline(spec, workspace)
    header = sketch.version
    if header.kind not in ("law", "stage"):  # a file or folder: itself only
        loaded = resolve(spec, workspace)
        found = _own(loaded, target)
        return Cited(loaded, loaded.artikel(target.artikel) is not None, tuple(found))
    if workspace is None or index is None:
        workspace = open_workspace(git=False)
        index = open_index(workspace)
    if sketch.files and split_rev(spec)[0] is None:
        version = header
        found = _own_indexed(index, header, sketch.files, target)
        exists = target.artikel in sketch.files
    else:  # at a revision, or a stage with amendments adopted: read whole
        version = resolve(spec, workspace)
        found = _own(version, target)
        exists = version.artikel(target.artikel) is not None
    found += elsewhere(index, version, target)
    index.save()
    return Cited(version, exists, tuple(found))


def _own(version: Version, target: Locatie) -> list[CitingProvision]:
    from wetdiff.model.references import citing

    return [
        CitingProvision(version.regeling, version.bwb_id, c, True)
        for c in citing(
            version.artikelen,
            target,
            same_article=target.lid is not None,
            regeling=version.regeling,
        )
    ]


def _own_indexed(
    index: CitesIndex, version: Version, files: dict[str, str], target: Locatie
) -> list[CitingProvision]:
    """As :func:`wetdiff.model.references.citing` on the version's articles, from the
    index: ``files`` gives, per article, the file its text is read from."""
    found: list[CitingProvision] = []
    for number in sorted(files, key=article_sort_key):
        if number == target.artikel and target.lid is None:
            continue  # an article does not cite itself; a lid is cited from its article
        for citation in index.citing(files[number], version.regeling, target.artikel):
            if not citation.reference.regeling and covers(target, citation.reference.target):
                found.append(CitingProvision(version.regeling, version.bwb_id, citation, True))
    return found


def elsewhere(
    index: CitesIndex, version: Version, target: Locatie, *, on: dt.date | None = None
) -> list[CitingProvision]:
    """The provisions of the workspace's other regelingen, as they stood on ``on`` (the
    version's date; today for one without), that cite ``target`` of ``version``'s
    regeling by its name."""
    return named(index, version.regeling, version.bwb_id, target, on or version.date)


def named(
    index: CitesIndex, regeling: str, bwb_id: str, target: Locatie, on: dt.date | None
) -> list[CitingProvision]:
    """The provisions of the regelingen other than ``bwb_id`` that cite ``target`` of
    the regeling named ``regeling`` by that name, as they stood on ``on`` (today when
    None)."""
    if not regeling:
        return []
    day = on or dt.date.today()
    names = names_of(regeling)
    found: list[CitingProvision] = []
    regelingen = index.regelingen()
    for bwb in sorted(regelingen):
        if bwb == bwb_id:
            continue
        name = regelingen[bwb]
        hits = [
            (number, citation)
            for number, path in index.law_files(bwb, day).items()
            for citation in index.citing(path, name, target.artikel)
            if citation.reference.regeling in names and covers(target, citation.reference.target)
        ]
        hits.sort(key=lambda hit: article_sort_key(hit[0]))
        found.extend(CitingProvision(name, bwb, citation, False) for _, citation in hits)
    return found


def stale_elsewhere(changeset: ChangeSet, workspace: Workspace) -> tuple[StaleCitation, ...]:
    """The provisions of the workspace's other regelingen that cite, by name, a provision
    this comparison renumbers, moves, splits or deletes (as those regelingen stand on the
    new version's date): the consequential amendments due outside the compared code.
    A citation of a provision that only moved in part (273f's voordeeltrekking to 273fb)
    is listed too, as ``partial``, with the other places in ``also``."""
    from wetdiff.diff.citations import Relocations, StaleCitation

    places = Relocations(changeset)
    old, new = changeset.old, changeset.new
    regeling, bwb_id = old.regeling or new.regeling, old.bwb_id or new.bwb_id
    if not places.affected or not regeling or not bwb_id:
        return ()
    index = open_index(workspace)
    found: list[StaleCitation] = []
    for number in sorted(places.affected, key=article_sort_key):
        for citing_provision in named(index, regeling, bwb_id, Locatie(number), new.date):
            citation = citing_provision.citation
            target = citation.reference.target
            known, now = places.now(target)
            if not known:
                continue
            also = places.elsewhere(target, now) if now is not None else ()
            if now == target and not also:
                continue  # still where it was, all of it
            found.append(
                StaleCitation(
                    citation.locatie,
                    citation.reference.text,
                    target,
                    now,
                    target,  # the words name the same number in the new version
                    _change_of(changeset, target),
                    False,
                    also,
                    citing_provision.regeling,
                    citing_provision.bwb_id,
                )
            )
    index.save()
    return tuple(found)


def _change_of(changeset: ChangeSet, target: Locatie) -> str:
    """The change that took the cited provision away from where it was (of its article
    when the citation names the whole article)."""
    for change in changeset.changes:
        old = change.old
        if old is None or old.locatie.artikel != target.artikel or not change.changed:
            continue
        if target.lid is None or old.locatie.element() == target.element():
            return change.id
    return ""
