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

from wetdiff.model.numbering import ordinal_word


@dataclass(frozen=True, slots=True)
class Stap:
    """One step down into an article: a lid or an (sub)onderdeel, by its cited number.

    ``nieuw`` marks a number that an earlier instruction of the same set gave it
    ("het derde lid (nieuw)"); it is for the reader: the applier always addresses the
    text as the earlier instructions left it."""

    kind: str  # "lid" | "onderdeel"
    nr: str
    nieuw: bool = False


@dataclass(frozen=True, slots=True)
class Adres:
    """A regelingselement: artikel, then leden and onderdelen, optionally only its
    ``deel`` ("aanhef": the words before its list; "slot": the words after it)."""

    artikel: str
    path: tuple[Stap, ...] = ()
    deel: str = ""

    def child(self, kind: str, nr: str, nieuw: bool = False) -> Adres:
        return Adres(self.artikel, (*self.path, Stap(kind, nr, nieuw)), "")

    def part(self, deel: str) -> Adres:
        return Adres(self.artikel, self.path, deel)

    @property
    def parent(self) -> Adres:
        return Adres(self.artikel, self.path[:-1], "")

    def phrase(self, *, relative: bool) -> str:
        """The address as cited in an instruction: "artikel 273f, eerste lid, onderdeel
        3°" (absolute) or "het eerste lid, onderdeel 3°" (inside "Artikel 273f wordt als
        volgt gewijzigd:")."""
        words: list[str] = [] if relative else [f"artikel {self.artikel}"]
        for index, stap in enumerate(self.path):
            first = relative and index == 0
            words.append(stap_words(stap, lidword_article=first))
        if self.deel:
            words.append(self.deel)
        return ", ".join(words)


def stap_words(stap: Stap, *, lidword_article: bool) -> str:
    nieuw = " (nieuw)" if stap.nieuw else ""
    if stap.kind == "lid":
        words = lid_words(stap.nr)
        return f"het {words}{nieuw}" if lidword_article else f"{words}{nieuw}"
    return f"onderdeel {stap.nr}{nieuw}"


def lid_words(nr: str) -> str:
    """ "3" → "derde lid"; "2a" → "lid 2a" (no ordinal word exists for it)."""
    return f"{ordinal_word(int(nr))} lid" if nr.isdigit() and 0 < int(nr) < 100 else f"lid {nr}"


def leden_phrase(numbers: list[str]) -> str:
    """ "het vijfde tot en met zevende lid", "het vierde en vijfde lid", "het zesde lid"."""
    if all(n.isdigit() and 0 < int(n) < 100 for n in numbers):
        words = [ordinal_word(int(n)) for n in numbers]
        if len(words) == 1:
            return f"het {words[0]} lid"
        if len(words) == 2:
            return f"het {words[0]} en {words[1]} lid"
        return f"het {words[0]} tot en met {words[-1]} lid"
    if len(numbers) == 1:
        return f"lid {numbers[0]}"
    return "de leden " + _list_or_range(numbers)


def onderdelen_phrase(numbers: list[str]) -> str:
    if len(numbers) == 1:
        return f"onderdeel {numbers[0]}"
    return "de onderdelen " + _list_or_range(numbers)


def _list_or_range(numbers: list[str]) -> str:
    if len(numbers) == 2:
        return f"{numbers[0]} en {numbers[1]}"
    return f"{numbers[0]} tot en met {numbers[-1]}"


def elements_phrase(kind: str, numbers: list[str]) -> str:
    return leden_phrase(numbers) if kind == "lid" else onderdelen_phrase(numbers)


def vernummering_phrase(kind: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """ "onder vernummering van het vijfde tot en met zevende lid tot vierde tot en met
    zesde lid"; letters are "verlettering" (Ar 6.18)."""
    old = [a for a, _ in pairs]
    new = [b for _, b in pairs]
    verb = "verlettering" if kind == "onderdeel" and old[0][:1].isalpha() else "vernummering"
    if kind == "lid":
        target = leden_phrase(new)
        target = target[4:] if target.startswith("het ") else target
        return f"onder {verb} van {leden_phrase(old)} tot {target}"
    target = onderdelen_phrase(new)
    return f"onder {verb} van {onderdelen_phrase(old)} tot {target}"


_COUNTS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
COUNT_WORDS = {word: n for n, word in enumerate(_COUNTS) if word}


def count_words(n: int) -> str:
    return _COUNTS[n] if 0 < n < len(_COUNTS) else str(n)


def quote(text: str, style: str = "straight") -> str:
    """Quote a fragment of statute text. Straight quotes by default (as kcbr.nl prints
    the Aanwijzingen); guillemets where the fragment itself holds a straight quote, or
    when asked for (as the Staatsblad prints them)."""
    if style == "guillemets" or '"' in text:
        return f"«{text}»"
    return f'"{text}"'


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
    """ "Het vierde lid vervalt, onder vernummering van …" / "Artikel 1.3.2 vervalt."."""

    targets: tuple[Adres, ...]
    vernummering: tuple[tuple[str, str], ...] = ()


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
class Onderdeel:
    """One lettered onderdeel (A, B, …) of an amending article: its instructions, in
    order, and the article it amends (for display)."""

    letter: str
    artikel: str
    opdrachten: tuple[Opdracht, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Wijzigingsartikel:
    """ARTIKEL I: the changes to one regeling."""

    numeral: str
    regeling: str
    onderdelen: tuple[Onderdeel, ...]


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


@dataclass(frozen=True, slots=True)
class Mislukt:
    """An instruction that could not be read or applied: where it stands, its own
    words, and why (target not found, ambiguous, a punctuation precondition false)."""

    label: str
    words: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.label}: " if self.label else ""
        return f"{where}{self.words}\n  → {self.reason}"
