"""A verwijzing (a provision that cites another), whether a citation concerns a provision,
and the names a regeling is cited by: what a lookup in the citations index needs, apart
from the patterns that find citations in text (:mod:`wetdiff.model.references`, whose
regular expressions take a while to compile at every start)."""

from __future__ import annotations

from dataclasses import dataclass

from wetdiff.model.artikel import Locatie, Reference

__all__ = ["ABBREVIATIONS", "Verwijzing", "covers", "names_of"]


@dataclass(frozen=True, slots=True)
class Verwijzing:
    """A verwijzing: a provision (``locatie``) whose text cites another provision or
    regeling (``reference``). A legal thing, so a Dutch name (a note's source is a
    :class:`wetdiff.notes.Citation`)."""

    locatie: Locatie
    reference: Reference
    source: str = "text"  # "text": found in the words; "intref": a link in the XML


def covers(target: Locatie, cited: Locatie) -> bool:
    """Whether a citation of ``cited`` must be looked at when ``target`` moves: a
    citation of the article or anything in it, for an article; of that lid (or deeper),
    for a lid; of that onderdeel (or deeper), for an onderdeel."""
    if cited.artikel != target.artikel:
        return False
    if target.lid is not None and cited.lid != target.lid:
        return False
    return cited.onderdelen[: len(target.onderdelen)] == target.onderdelen


# The short names statutes use for the codes they cite most ("artikel 273f Sr").
ABBREVIATIONS = {
    "Wetboek van Strafrecht": ("Sr", "WvSr"),
    "Wetboek van Strafvordering": ("Sv", "WvSv"),
    "Burgerlijk Wetboek": ("BW",),
    "Algemene wet bestuursrecht": ("Awb",),
}


def names_of(regeling: str) -> tuple[str, ...]:
    """The ways a regeling is named when another one cites it: its name and the
    abbreviations in use for it."""
    return (regeling, *ABBREVIATIONS.get(regeling, ())) if regeling else ()
