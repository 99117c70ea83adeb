"""Who cites a provision, across every regeling of the workspace.

A code cites its own articles by number ("artikel 273f"); another regeling names it
("artikel 273f van het Wetboek van Strafrecht", "273f Sr"). Before renumbering, moving
or repealing a provision, a drafter needs both lists: the consequential amendments are
due in every regeling that cites it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Locatie
from wetdiff.model.references import Verwijzing, citing, citing_from
from wetdiff.model.version import Version
from wetdiff.store.workspace import Workspace


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


def citing_provisions(
    version: Version, target: Locatie, workspace: Workspace | None = None
) -> list[CitingProvision]:
    """Every provision that cites ``target`` (an article, lid or onderdeel of
    ``version``): in ``version`` itself, and in each other regeling of the workspace as
    it stood on the version's date (today for a version without one)."""
    own = citing(
        version.artikelen,
        target,
        same_article=target.lid is not None,
        regeling=version.regeling,
    )
    found = [CitingProvision(version.regeling, version.bwb_id, c, True) for c in own]
    if workspace is None or not version.regeling:
        return found
    from wetdiff.store import law
    from wetdiff.store.versions import resolve

    on = version.date or dt.date.today()
    for bwb in law.bwb_ids(workspace.snapshot()):
        if bwb == version.bwb_id:
            continue
        try:
            other = resolve(f"{bwb}@{on.isoformat()}", workspace)
        except WetdiffError:
            continue  # not in force on that date
        found.extend(
            CitingProvision(other.regeling or bwb, bwb, c, False)
            for c in citing_from(
                other.artikelen, target, regeling=other.regeling, cited=version.regeling
            )
        )
    return found
