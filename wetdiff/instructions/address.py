"""Addresses of regelingselementen in wijzigingsopdrachten: how they are cited, and how
a cited address is read back.

An :class:`Adres` is an article, then leden and onderdelen by their cited numbers, and
optionally the aanhef or slot of a list. Leden are cited in words, articles and
onderdelen in figures (Ar 3.29): "artikel 273f, eerste lid, onderdeel 3°". Inside
"Artikel 273f wordt als volgt gewijzigd:" an address is relative to the article ("het
eerste lid"). Several elements are cited together ("het vijfde tot en met zevende lid",
"de onderdelen 9° tot en met 12°"), and a renumbering clause pairs old and new numbers
("onder vernummering van het vijfde tot en met zevende lid tot vierde tot en met zesde
lid", Ar 6.18).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from wetdiff.model.numbering import (
    ORDINAL_VALUES,
    ordinal_word,
    parse_number,
    parse_ordinal_word,
)

I = re.IGNORECASE  # noqa: E741


class NotUnderstood(Exception):
    """A sentence or address wetdiff cannot read."""


class CannotApply(NotUnderstood):
    """A sentence wetdiff reads, in a form it cannot carry out: an entry inserted "in de
    alfabetische volgorde" (no place is named), elements named by their content ("de
    onderdelen met betrekking tot …"), the heading of a chapter (not an article's
    text). The reason says which, so the lawyer knows what to do by hand."""


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
            below = index > 0 and self.path[index - 1].kind == "onderdeel"
            words.append(stap_words(stap, lidword_article=first, below_onderdeel=below))
        if self.deel:
            words.append(self.deel)
        return ", ".join(words)


def stap_words(stap: Stap, *, lidword_article: bool, below_onderdeel: bool = False) -> str:
    """One step of an address: "het eerste lid", "onderdeel a"; an onderdeel of an
    onderdeel is "onder 2°" (Ar 3.29: "artikel 10, onderdeel a, onder 2°")."""
    nieuw = " (nieuw)" if stap.nieuw else ""
    if stap.kind == "lid":
        words = lid_words(stap.nr)
        return f"het {words}{nieuw}" if lidword_article else f"{words}{nieuw}"
    return f"{'onder' if below_onderdeel else 'onderdeel'} {stap.nr}{nieuw}"


def lid_words(nr: str) -> str:
    """ "3" → "derde lid"; "2a" → "lid 2a" (no ordinal word exists for it)."""
    return f"{ordinal_word(int(nr))} lid" if nr.isdigit() and 0 < int(nr) < 100 else f"lid {nr}"


def leden_phrase(numbers: list[str]) -> str:
    """ "het vijfde tot en met zevende lid", "het vierde en vijfde lid", "het zesde lid",
    "het vierde, zesde en achtste lid"."""
    if all(n.isdigit() and 0 < int(n) < 100 for n in numbers):
        words = [ordinal_word(int(n)) for n in numbers]
        return f"het {_list_or_range(words, is_run(numbers))} lid"
    if len(numbers) == 1:
        return f"lid {numbers[0]}"
    return "de leden " + _list_or_range(numbers, is_run(numbers))


def onderdelen_phrase(numbers: list[str]) -> str:
    if len(numbers) == 1:
        return f"onderdeel {numbers[0]}"
    return "de onderdelen " + _list_or_range(numbers, is_run(numbers))


def is_run(numbers: list[str]) -> bool:
    """Whether the numbers follow each other without a gap (9°, 10°, 11°; c, d, e)."""
    parsed = [parse_number(n + ".") for n in numbers]
    if any(p.ordinal is None or p.suffix or p.style != parsed[0].style for p in parsed):
        return False
    return all(b.ordinal == a.ordinal + 1 for a, b in itertools.pairwise(parsed))  # type: ignore[operator]


def _list_or_range(words: list[str], run: bool) -> str:
    """ "a", "a en b", "a tot en met d" (a run of three or more), "a, c en d"."""
    if len(words) == 1:
        return words[0]
    if len(words) > 2 and run:
        return f"{words[0]} tot en met {words[-1]}"
    return f"{', '.join(words[:-1])} en {words[-1]}"


def _groupable(first: Adres, other: Adres) -> bool:
    """Whether two elements are cited together ("het vijfde en zesde lid", "onderdelen
    1° en 3°"): siblings of one kind, whole elements, alike in "(nieuw)"."""
    return (
        first.artikel == other.artikel
        and bool(first.path)
        and len(first.path) == len(other.path)
        and first.path[:-1] == other.path[:-1]
        and first.path[-1].kind == other.path[-1].kind
        and first.path[-1].nieuw == other.path[-1].nieuw
        and not first.deel
        and not other.deel
    )


def targets_phrase(targets: tuple[Adres, ...], *, relative: bool) -> str:
    """Several elements named at once, as one address: "het eerste lid, onderdelen 1° en
    2°"; "het vierde lid (nieuw), onderdelen 1° en 3°, en het vijfde en zesde lid
    (nieuw)"; "artikel 5, eerste lid, onderdeel 3°, en artikel 5a, eerste lid". Siblings
    are cited together; each further group follows ", en"."""
    groups: list[list[Adres]] = []
    for target in targets:
        if groups and _groupable(groups[-1][0], target):
            groups[-1].append(target)
        else:
            groups.append([target])
    parts: list[str] = []
    previous = ""
    for group in groups:
        first = group[0]
        if len(group) == 1:
            phrase = first.phrase(relative=relative)
        else:
            last = first.path[-1]
            numbers = [t.path[-1].nr for t in group]
            nieuw = " (nieuw)" if last.nieuw else ""
            parent = first.parent
            if last.kind == "lid":
                leden = leden_phrase(numbers) + nieuw
                phrase = leden if relative else f"artikel {first.artikel}, {leden[4:]}"
            else:
                items = onderdelen_phrase(numbers)[3:] + nieuw  # "onderdelen 1° en 3°"
                lead = parent.phrase(relative=relative)
                phrase = f"{lead}, {items}" if lead else _cap(items)
        if not relative and previous == first.artikel:
            phrase = phrase.removeprefix(f"artikel {first.artikel}, ")
        previous = first.artikel
        parts.append(phrase)
    return ", en ".join(parts)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


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


# --- reading addresses ----------------------------------------------------------------

_ORD = r"[a-zëï]+"


def _lid_nr(word: str) -> str:
    value = parse_ordinal_word(word)
    if value is None:
        raise NotUnderstood(f"'{word}' is geen rangtelwoord")
    return str(value)


_ARTICLE_RANGE = re.compile(
    r"(?:de\s+)?artikelen\s+(?P<first>\S+)\s+tot\s+en\s+met\s+(?P<last>\S+)", I
)


def parse_article_range(phrase: str) -> tuple[str, str] | None:
    """ "de artikelen 6.6 tot en met 6.10" → ("6.6", "6.10"): which articles lie between
    is for the text the instruction is applied to to say."""
    m = _ARTICLE_RANGE.fullmatch(phrase.strip().strip(",").strip())
    return (m.group("first"), m.group("last")) if m else None


# "het vijfde, zesde en zevende lid", "onderdelen 1°, 2° en 3°": the commas of an
# enumeration are not the commas between the parts of an address
_ORDINALS = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
_LABEL = r"(?:\d+(?:[.:]\d+)*[a-z]*°?|[a-z]{1,2})"
_ENUMERATION = re.compile(
    rf"(?<!\w)(?P<items>(?:{_ORDINALS})(?:\s*,\s*(?:{_ORDINALS}))+)\s+(?P<end>en\s+(?:{_ORDINALS}))(?!\w)"
    rf"|(?<!\w)(?P<labels>{_LABEL}(?:\s*,\s*{_LABEL})+)\s+(?P<last>en\s+{_LABEL})(?!\w)",
    I,
)


def _protect_enumerations(phrase: str) -> str:
    def joined(m: re.Match[str]) -> str:
        items, end = (
            (m.group("items"), m.group("end")) if m.group("items") else m.group("labels", "last")
        )
        return re.sub(r"\s*,\s*", " \x00 ", items) + " " + end

    return _ENUMERATION.sub(joined, phrase)


def parse_adres(phrase: str, context: Adres | None) -> list[Adres]:
    """The elements an address phrase names, resolved against the enclosing header
    ("Artikel 5 wordt als volgt gewijzigd:" makes "het eerste lid" artikel 5, lid 1).

    Several elements are named together: "het eerste lid, onderdelen 1° en 2°", "het
    vierde lid (nieuw), onderdelen 1° en 3°, en het vijfde en zesde lid (nieuw)",
    "artikel 5, eerste lid, onderdeel 3°, en artikel 5a, eerste lid". Each part after
    ", en" starts again: with an article, a lid (of the same article), or an onderdeel
    (of the same element as the one before)."""
    phrase = _protect_enumerations(phrase.strip().strip(",").strip())
    groups: list[list[str]] = []
    for piece in re.split(r",?\s+en\s+(?=(?:in\s+)?artikel\s)", phrase, flags=I):
        groups.append([])
        for part in (p.strip() for p in piece.split(",")):
            if not part:
                continue
            again = re.match(r"^(?:en|alsmede)\s+(?P<rest>.+)$", part, I)
            if again and groups[-1]:
                groups.append([again.group("rest")])
            else:
                groups[-1].append(part)
    result: list[Adres] = []
    for group in groups:
        pieces = [p.replace(" \x00 ", ", ") for p in group]
        here = _context_of(pieces[0], result[-1]) if result else context
        result.extend(_parse_one(pieces, here))
    return result


_ONDERDEEL_START = re.compile(r"^(?:het\s+|de\s+)?(?:sub)?onder(?:deel|delen)?\s+(\S+)", I)


def _context_of(first_piece: str, previous: Adres) -> Adres:
    """Where a further part of a combined address starts: a lid or an article from the
    article; an onderdeel beside the onderdeel of the part before it that is numbered
    alike ("het eerste lid, onderdeel 3°, en onderdeel 4°"; "onderdeel a, onder 4°, en
    onderdeel b, onder 4°")."""
    m = _ONDERDEEL_START.match(first_piece)
    if m and previous.path:
        style = parse_number(m.group(1).rstrip(".,") + ".").style
        for depth in range(len(previous.path) - 1, -1, -1):
            stap = previous.path[depth]
            if stap.kind == "onderdeel" and parse_number(stap.nr + ".").style == style:
                return Adres(previous.artikel, previous.path[:depth])
        return Adres(previous.artikel, previous.path[:-1])
    return Adres(previous.artikel)


def _enumerated(text: str) -> list[str]:
    """ "vijfde, zesde en zevende" → the three words; "1° en 3°" → the two."""
    return [w for w in re.split(r"\s*,\s*|\s+en\s+", text.strip()) if w]


def _parse_one(pieces: list[str], context: Adres | None) -> list[Adres]:
    artikel: str | None = None
    path: list[Stap] = []
    deel = ""
    multi: list[list[Stap]] = []
    multi_artikelen: list[str] = []
    for raw in pieces:
        part = re.sub(r"^(?:in|aan|van)\s+", "", raw, flags=I)
        part = re.sub(r"\s+\(nieuw\)", "", part)
        nieuw = "(nieuw)" in raw
        m = re.fullmatch(r"(?:het\s+|de\s+)?artikel\s+(\S+?)(?:\s+(?:van|uit)\s+.+)?", part, I)
        if m:
            artikel, path, deel = m.group(1), [], ""
            continue
        m = re.fullmatch(r"(?:de\s+)?artikelen\s+(.+?\s+en\s+\S+)", part, I)
        if m:
            multi_artikelen = _enumerated(m.group(1))
            continue
        if _ARTICLE_RANGE.fullmatch(part):
            raise NotUnderstood("een reeks artikelen ('tot en met') kan hier niet")
        m = re.fullmatch(
            rf"(?:het\s+)?((?:{_ORD}\s*,\s*)*{_ORD})\s+(en|tot en met)\s+({_ORD})\s+lid", part, I
        )
        if m:
            firsts = [int(_lid_nr(w)) for w in _enumerated(m.group(1))]
            last = int(_lid_nr(m.group(3)))
            numbers = (
                [*firsts, last] if m.group(2).lower() == "en" else list(range(firsts[0], last + 1))
            )
            multi = [[Stap("lid", str(n), nieuw)] for n in numbers]
            continue
        m = re.fullmatch(rf"(?:het\s+)?({_ORD})\s+lid", part, I)
        if m:
            path = [Stap("lid", _lid_nr(m.group(1)), nieuw)]
            continue
        m = re.fullmatch(r"(?:het\s+)?lid\s+(\S+)", part, I)
        if m:
            path = [Stap("lid", m.group(1).rstrip("."), nieuw)]
            continue
        if re.fullmatch(r"(?:het|dit)\s+(?:onderdeel|lid|artikel)", part, I):
            continue  # the element the enclosing header names ("het slot van het onderdeel")
        m = re.fullmatch(r"(?:de\s+|het\s+)?(aanhef|slot)", part, I)
        if m:
            deel = m.group(1).lower()
            continue
        m = re.fullmatch(
            r"(?:de\s+)?(?:sub)?onderdelen\s+((?:\S+\s*,\s*)*\S+)\s+(en|tot en met)\s+(\S+)",
            part,
            I,
        )
        if m:
            items = (
                [*_enumerated(m.group(1)), m.group(3)]
                if m.group(2).lower() == "en"
                else _expand(m.group(1), m.group(3))
            )
            multi = [[*path, Stap("onderdeel", n, nieuw)] for n in items]
            continue
        m = re.fullmatch(r"(?:het\s+)?(?:sub)?onderdeel\s+(\S+)|onder\s+(\S+)", part, I)
        if m:
            path.append(Stap("onderdeel", (m.group(1) or m.group(2)).rstrip("."), nieuw))
            continue
        if re.search(r"\bzin\b", part, I):
            raise NotUnderstood(f"verwijzing naar een zin ('{raw}') wordt niet ondersteund")
        raise NotUnderstood(f"adres '{raw}' niet begrepen")
    if multi_artikelen:
        return [Adres(a) for a in multi_artikelen]
    if artikel is None:
        if context is None:
            raise NotUnderstood("er is geen artikel genoemd")
        artikel = context.artikel
        base = list(context.path)
        if (path or multi) and (path or multi[0])[0].kind == "lid":
            base = []
        elif deel and not path and not multi:
            return [Adres(artikel, tuple(base), deel)]
        if multi:
            return [Adres(artikel, tuple(base + m), "") for m in multi]
        return [Adres(artikel, tuple(base + path), deel)]
    if multi:
        return [Adres(artikel, tuple(m), "") for m in multi]
    return [Adres(artikel, tuple(path), deel)]


def _expand(first: str, last: str) -> list[str]:
    """ "9°" … "12°" → 9°, 10°, 11°, 12°; "c" … "f" → c, d, e, f."""
    a, b = parse_number(first + "."), parse_number(last + ".")
    if a.style != b.style or a.ordinal is None or b.ordinal is None or a.suffix or b.suffix:
        raise NotUnderstood(f"reeks '{first} tot en met {last}' niet begrepen")
    if a.style == "degree":
        return [f"{n}°" for n in range(a.ordinal, b.ordinal + 1)]
    if a.style == "alpha":
        return [chr(96 + n) for n in range(a.ordinal, b.ordinal + 1)]
    return [str(n) for n in range(a.ordinal, b.ordinal + 1)]


def _numbers(phrase: str, kind: str) -> list[str]:
    """The numbers in "het vijfde tot en met zevende lid", "het vijfde, zesde en zevende
    lid", "de onderdelen c en d", "onderdelen 9° tot en met 12°"."""
    phrase = re.sub(r"\s*\(nieuw\)", "", phrase.strip().rstrip(","))
    phrase = re.sub(r"^(?:het|de)\s+", "", phrase, flags=I)
    m = re.fullmatch(r"(?P<items>.+?)\s+(?:lid|leden)", phrase, I)
    if m and all(parse_ordinal_word(w) for w in re.findall(r"[a-zëï]+", _no_joins(m["items"]))):
        return [str(n) for n in _items(m["items"], lambda w: int(_lid_nr(w)))]
    m = re.fullmatch(r"(?:(?:leden|lid|(?:sub)?onderde(?:len|el))\s+)?(?P<items>.+)", phrase, I)
    if m and re.fullmatch(r"\S+(?:(?:\s*,\s*|\s+en\s+|\s+tot en met\s+)\S+)*", m["items"]):
        return _labels(m["items"])
    raise NotUnderstood(f"vernummering '{phrase}' niet begrepen")


def _no_joins(text: str) -> str:
    return re.sub(r"\b(?:tot en met|en)\b|,", " ", text, flags=I)


def _items(text: str, value: Callable[[str], int]) -> list[int]:
    """ "vijfde, zesde en zevende" → 5, 6, 7; "vijfde tot en met zevende" → 5, 6, 7."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*|\s+en\s+(?!met)", text.strip(), flags=I):
        ends = re.split(r"\s+tot\s+en\s+met\s+", part, flags=I)
        if len(ends) == 2:
            numbers.extend(range(value(ends[0]), value(ends[1]) + 1))
        else:
            numbers.append(value(part))
    return numbers


def _labels(text: str) -> list[str]:
    """ "9°, 10° en 12°" → the three; "c tot en met f" → c, d, e, f."""
    labels: list[str] = []
    for part in re.split(r"\s*,\s*|\s+en\s+(?!met)", text.strip(), flags=I):
        ends = re.split(r"\s+tot\s+en\s+met\s+", part, flags=I)
        labels.extend(_expand(ends[0], ends[1]) if len(ends) == 2 else [part])
    return labels


def parse_vernummering(clause: str, kind: str) -> tuple[tuple[str, str], ...]:
    """ "onder vernummering van het vijfde tot en met zevende lid tot vierde tot en met
    zesde lid" → (("5","4"), ("6","5"), ("7","6"))."""
    m = re.search(
        r"(?:vernummering|verlettering)\s+van\s+(.+?)\s+tot\s+(?!en met)(.+)$",
        clause.strip().rstrip(","),
        I,
    )
    if not m:
        raise NotUnderstood(f"vernummering '{clause}' niet begrepen")
    target = m.group(2)
    if kind == "lid" and not re.search(r"\blid|leden\b", target):
        target += " lid"
    old, new = _numbers(m.group(1), kind), _numbers(target, kind)
    if len(old) != len(new):
        raise NotUnderstood(
            f"vernummering '{clause}': {len(old)} oude en {len(new)} nieuwe nummers"
        )
    return tuple(zip(old, new, strict=True))
