"""Wijzigingsopdrachten as values: where they point (:class:`Adres`) and what they do.

One class per kind of amending instruction the Aanwijzingen voor de regelgeving know
(Ar 6.9 "vervangen door" and "komt te luiden", Ar 6.11 "invoegen"/"toevoegen", Ar 6.18
vervallen with vernummering). The generator builds them from two versions and renders
them to Dutch; the parser reads Dutch (generated or written by people) back into the
same values; the applier executes them. Each carries ``words``, the sentence as it was
written, so that an instruction that cannot be applied is reported in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetdiff.instructions.address import Adres


@dataclass(frozen=True, slots=True, kw_only=True)
class Opdracht:
    """One wijzigingsopdracht. ``label`` says where it stands in the amending text
    ("ARTIKEL I, onderdeel A, 2"); ``words`` is the sentence as written."""

    label: str = ""
    words: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class WoordenVervangen(Opdracht):
    """ "In … wordt "oud" vervangen door "nieuw"." With ``new == ""``: "In … vervalt
    "oud"." With ``telkens``: every occurrence in the element."""

    targets: tuple[Adres, ...]
    old: str
    new: str
    telkens: bool = False
    punctuation: str = ""  # "een punt" etc. when the new text is described, not quoted


@dataclass(frozen=True, slots=True, kw_only=True)
class WoordenInvoegen(Opdracht):
    """ "In … wordt na "anker" ingevoegd "woorden"." (or "voor")."""

    targets: tuple[Adres, ...]
    anchor: str
    before: bool
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class KomtTeLuiden(Opdracht):
    """ "Het derde lid komt te luiden:" + the new text, which starts with its label.
    ``targets`` are the elements replaced (several for "De onderdelen 9° tot en met 12°
    komen te luiden:"); ``block`` is the new text in the canonical article form."""

    targets: tuple[Adres, ...]
    kind: str  # "artikel" | "lid" | "onderdeel"
    block: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Vervalt(Opdracht):
    """ "Het vierde lid vervalt, onder vernummering van …" / "Artikel 1.3.2 vervalt." /
    "De artikelen 6.6 tot en met 6.10 vervallen." (``through``: the two targets are the
    first and last of a run of articles, every article between them included)."""

    targets: tuple[Adres, ...]
    vernummering: tuple[tuple[str, str], ...] = ()
    through: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Slotleesteken(Opdracht):
    """ "Aan het slot van onderdeel 5° wordt de punt vervangen door een puntkomma.", also
    as the clause "onder vervanging van de punt aan het slot van …"."""

    target: Adres
    old: str
    new: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ElementInvoegen(Opdracht):
    """New leden or onderdelen: "Na het vijfde lid wordt een lid ingevoegd, luidende:",
    "Er wordt een lid toegevoegd, luidende:". ``parent`` holds them; ``after``/``before``
    name the neighbour (neither: added at the end). The block's labels are the new
    elements' numbers; ``vernummering`` renumbers siblings first."""

    parent: Adres
    kind: str  # "lid" | "onderdeel"
    block: str
    after: str | None = None
    before: str | None = None
    vernummering: tuple[tuple[str, str], ...] = ()
    slot: Slotleesteken | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AanduidingPlaatsen(Opdracht):
    """ "Voor de tekst wordt de aanduiding «1.» geplaatst." (Ar 6.18): the element's text
    becomes its first lid (or, in a lid or onderdeel, its first onderdeel), so that
    further leden can be added."""

    target: Adres
    aanduiding: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArtikelInvoegen(Opdracht):
    """ "Na artikel 273f worden twee artikelen ingevoegd, luidende:" + the articles."""

    block: str
    after: str | None = None
    before: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArtikelVernummeren(Opdracht):
    """ "Artikel 273a wordt vernummerd tot artikel 273f."."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Wijzigingsonderdeel:
    """One lettered onderdeel (A, B, …) of an amending article: its instructions, in
    order, and the article it amends (for display). Not an onderdeel of the statute's
    own text (:class:`wetdiff.model.artikel.Onderdeel`)."""

    letter: str
    artikel: str
    opdrachten: tuple[Opdracht, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Wijzigingsartikel:
    """ARTIKEL I (or Artikel 99 of an act): the changes to one regeling. ``part`` is a
    part of it with its own numbering that its instructions address ("Bijlage 2"),
    ``condition`` the clause they depend on ("Indien … in werking treden")."""

    numeral: str
    regeling: str
    onderdelen: tuple[Wijzigingsonderdeel, ...]
    part: str = ""
    condition: str = ""


@dataclass(frozen=True, slots=True)
class Wijzigingsopdrachten:
    """A whole set of amending instructions, as generated or as read.

    ``base`` names the version they were generated against (the was-versie), so that a
    replay on another text can be recognised as such (samenloop)."""

    artikelen: tuple[Wijzigingsartikel, ...]
    base: str = ""
    text: str = ""
    rewritten: tuple[str, ...] = field(default=())  # articles the generator restated whole

    @property
    def opdrachten(self) -> tuple[Opdracht, ...]:
        return tuple(o for a in self.artikelen for d in a.onderdelen for o in d.opdrachten)


# Why an instruction was not carried out (Failure.kind).
NOT_UNDERSTOOD = "not-understood"  # no sentence form reads it
UNSUPPORTED = "unsupported-form"  # read, but wetdiff cannot carry out that form
OUT_OF_SCOPE = "out-of-scope"  # it addresses a part of the regeling wetdiff does not hold
CONDITIONAL = "conditional"  # it depends on a condition the text does not settle
NOT_APPLICABLE = "not-applicable"  # read, but the text it addresses is not as it says


@dataclass(frozen=True, slots=True)
class Failure:
    """An instruction that could not be read or applied: where it stands, its own
    words, why (target not found, ambiguous, a punctuation precondition false, a form
    wetdiff cannot carry out), and which of those kinds of reason it is."""

    label: str
    words: str
    reason: str
    kind: str = NOT_UNDERSTOOD

    def __str__(self) -> str:
        where = f"{self.label}: " if self.label else ""
        return f"{where}{self.words}\n  → {self.reason}"
