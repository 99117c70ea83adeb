"""The structure of a statute article, in the words of Dutch drafting.

An :class:`Artikel` holds a body of blocks. A block is an :class:`Alinea` (a paragraph of
text), a :class:`Lid` (numbered paragraph of the article: ``1.``, ``2.``) or an
:class:`Onderdeel` (an item of a list: ``a.``, ``1°.``; an onderdeel inside an onderdeel is
a subonderdeel). Leden and onderdelen have bodies of their own, so the text before a list
(the *aanhef*) and after it (the *slot*) are simply the alinea's around the onderdelen.
Articles without leden (about half of the Wetboek van Strafrecht) have alinea's and
onderdelen directly in their body.

Everything here is immutable: a version of an article is a value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from wetdiff.model.numbering import bare_number, lid_in_words

VERVALLEN = "[Vervallen]"


@dataclass(frozen=True, slots=True)
class Alinea:
    """One paragraph of statute text."""

    text: str


class _Numbered:
    """What a lid and an onderdeel have alike: a number as printed and a body."""

    __slots__ = ()
    number: str
    body: tuple[Block, ...]

    @property
    def nr(self) -> str:
        """The number as cited: ``3°``, ``b``, ``2``."""
        return bare_number(self.number)

    @property
    def vervallen(self) -> bool:
        return _is_vervallen(self.body)


@dataclass(frozen=True, slots=True)
class Onderdeel(_Numbered):
    """An item of a list, numbered as printed (``a.``, ``1°.``, ``1°``, ``–``)."""

    number: str
    body: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Lid(_Numbered):
    """A numbered paragraph of an article (``1.`` is cited as "het eerste lid")."""

    number: str
    body: tuple[Block, ...]


Block = Alinea | Lid | Onderdeel


@dataclass(frozen=True, slots=True)
class Artikel:
    """One article: its number (``273f``, ``80quinquies``), optional title, and body."""

    number: str
    body: tuple[Block, ...]
    title: str = ""

    @property
    def vervallen(self) -> bool:
        return _is_vervallen(self.body)

    @property
    def leden(self) -> tuple[Lid, ...]:
        return tuple(b for b in self.body if isinstance(b, Lid))

    def provisions(self) -> Iterator[Provision]:
        """Every paragraph of text with its location, in reading order: the units a
        lawyer compares, annotates and amends."""
        yield from _walk(self.body, Locatie(self.number), 0)


@dataclass(frozen=True, slots=True, order=True)
class Locatie:
    """Where a provision stands: artikel, lid, onderdelen (outer to inner), and which
    alinea of that element (``0`` is the first: the aanhef when a list follows).

    Written compactly as ``273f/1/3°`` (leden without dot, onderdelen as cited) and in
    words as "artikel 273f, eerste lid, onder 3°"."""

    artikel: str
    lid: str | None = None
    onderdelen: tuple[str, ...] = ()
    alinea: int = 0

    def element(self) -> Locatie:
        """The element (artikel, lid or onderdeel) this provision belongs to."""
        return Locatie(self.artikel, self.lid, self.onderdelen, 0)

    @property
    def key(self) -> str:
        parts = [self.artikel]
        if self.lid is not None:
            parts.append(self.lid)
        elif self.onderdelen:
            parts.append("-")
        parts.extend(self.onderdelen)
        key = "/".join(parts)
        return f"{key}#{self.alinea + 1}" if self.alinea else key

    @classmethod
    def from_key(cls, key: str) -> Locatie:
        """Inverse of :attr:`key`; raises ValueError on a malformed key."""
        path, _, alinea = key.partition("#")
        parts = path.split("/")
        if not all(parts):  # "", "273f/", "273f//2°": an empty step names nothing
            raise ValueError(f"not a provision path: {key!r}")
        lid = parts[1] if len(parts) > 1 and parts[1] != "-" else None
        index = int(alinea) - 1 if alinea else 0
        if index < 0:
            raise ValueError(f"not a provision path: {key!r}")
        return cls(parts[0], lid, tuple(parts[2:]), index)

    def in_words(self, *, capital: bool = False) -> str:
        """The location as a lawyer writes it: "artikel 273f, eerste lid, onder 3°"."""
        words = [f"{'A' if capital else 'a'}rtikel {self.artikel}"]
        if self.lid is not None:
            words.append(lid_in_words(self.lid))
        for depth, nr in enumerate(self.onderdelen):
            words.append(f"{'onderdeel' if depth == 0 else 'subonderdeel'} {nr}")
        if self.alinea:
            words.append(f"{self.alinea + 1}e alinea")
        return ", ".join(words)

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True, slots=True)
class Provision:
    """One paragraph of text at its location.

    ``role`` says what part it plays: ``"aanhef"`` (introduces a list), ``"slot"`` (closes
    a list), or ``"tekst"``. ``number`` is the printed number of the element it opens
    (``"3°."``), or ``""`` for a second alinea. ``depth`` is 0 for leden and top-level
    alinea's, and grows by one per onderdeel level."""

    locatie: Locatie
    text: str
    role: str = "tekst"
    number: str = ""
    depth: int = 0
    kind: str = "alinea"  # "lid", "onderdeel" or "alinea": the element it opens

    def in_words(self, *, capital: bool = False) -> str:
        """Where it stands, in words, with its part when it is not the text itself:
        "artikel 273f, eerste lid, aanhef" (the lid's own text before its list)."""
        where = self.locatie.in_words(capital=capital)
        named = self.role == "slot" or (self.role == "aanhef" and bool(self.text))
        return f"{where}, {self.role}" if named else where


def _walk(body: tuple[Block, ...], where: Locatie, depth: int) -> Iterator[Provision]:
    has_list = any(isinstance(b, Onderdeel) for b in body)
    seen_list = False
    alinea = 0
    for block in body:
        if isinstance(block, Alinea):
            role = "tekst"
            if has_list:
                role = "slot" if seen_list else "aanhef"
            yield Provision(
                Locatie(where.artikel, where.lid, where.onderdelen, alinea),
                block.text,
                role,
                "",
                depth,
                "alinea",
            )
            alinea += 1
        elif isinstance(block, Lid):
            yield from _walk_element(block, Locatie(where.artikel, block.nr), 0, "lid")
        else:
            seen_list = True
            child = Locatie(where.artikel, where.lid, (*where.onderdelen, block.nr))
            yield from _walk_element(block, child, depth + 1, "onderdeel")


def _walk_element(
    element: Lid | Onderdeel, where: Locatie, depth: int, kind: str
) -> Iterator[Provision]:
    first = True
    for provision in _walk(element.body, where, depth):
        if first and provision.locatie == where:
            provision = Provision(
                provision.locatie, provision.text, provision.role, element.number, depth, kind
            )
        elif first:  # an element whose body starts with a list: no text of its own
            yield Provision(where, "", "aanhef", element.number, depth, kind)
        first = False
        yield provision
    if first:
        yield Provision(where, "", "tekst", element.number, depth, kind)


def _is_vervallen(body: tuple[Block, ...]) -> bool:
    return len(body) == 1 and isinstance(body[0], Alinea) and body[0].text == VERVALLEN


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation in the text of another provision ("artikel 251", "het eerste lid,
    onder 1°"), resolved as far as the words allow."""

    text: str
    start: int
    end: int
    target: Locatie
    relative: bool = field(default=False)
    # The regeling cited when it is not the text's own, as the words name it ("Wetboek
    # van Strafrecht" in "artikel 273f van het Wetboek van Strafrecht"); "" for its own.
    regeling: str = field(default="")
