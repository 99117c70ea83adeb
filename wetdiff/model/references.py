"""The references statute text makes to other provisions, and who cites a provision.

Dutch statutes cite in a fixed idiom (Aanwijzingen voor de regelgeving, ch. 3):
"artikel 251", "de artikelen 240b en 248a", "artikel 273f, eerste lid, onder 3°",
"het derde lid, onder 2°", "onder 1°", "onderdeel a". A citation without an article
number is *relative*: it points into the article (and lid) where it stands. This module
finds those citations in a provision's text and resolves them to a :class:`Locatie`, so
that a change which renumbers or moves a provision can list every provision that still
cites the old place — the consequential amendments a drafter must not forget (after the
2006 renumbering of 273a to 273f, articles 5, 5a, 71 and 77d kept citing 273a).

Citations of another regeling ("artikel 67 van het Wetboek van Strafvordering",
"artikel 3 Sv") are left out unless ``include_external`` is set: their numbers are not
this code's. The official XML marks citations too (``<intref>``); the importer returns
those as :class:`wetdiff.importers.bwb.Link`, and :func:`citing` takes them as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from wetdiff.model.artikel import Artikel, Locatie, Reference
from wetdiff.model.numbering import ORDINAL_VALUES
from wetdiff.model.verwijzing import Verwijzing as Verwijzing
from wetdiff.model.verwijzing import covers as covers
from wetdiff.model.verwijzing import names_of as names_of

_SUFFIX = r"(?:quinquies|sexies|septies|octies|novies|decies|quater|bis|ter|[a-z]{1,3})"
_ARTICLE_NR = rf"\d+{_SUFFIX}?(?![\w°])"
# The ordinal words of ORDINAL_VALUES ("eerste" … "negenennegentigste"), exactly those 99,
# spelled as their parts: the same words as an alternation of all 99, compiled in a tenth
# of a millisecond instead of ~20 ms at every start (tests/test_references.py checks both
# match the same).
_ORD = (
    r"(?:(?:(?:een|vier|vijf|zes|zeven|acht|negen)en|(?:twee|drie)ën)?"
    r"(?:twin|der|veer|vijf|zes|zeven|tach|negen)tigste"
    r"|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde"
    r"|(?:der|veer|vijf|zes|zeven|acht|negen)tiende)"
)
_JOIN = r"(?:\s*,\s*(?:en\s+|of\s+)?|\s+en\s+|\s+of\s+|\s+tot\s+en\s+met\s+|\s*-\s*)"
# After a bare letter ("onder a") something must show it is a citation, not a word.
_LETTER_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:en|of|tot|genoemd\w*|bedoeld\w*|omschreven\w*|"
    r"vermeld\w*|van|is|zijn|wordt|worden)\b)"
)

_ARTICLE = re.compile(r"(?<![\w])(?P<word>[Aa]rtikelen|[Aa]rtikel|[Aa]rt\.)\s+(?=\d)")
_NR = re.compile(_ARTICLE_NR)
_SEPARATOR = re.compile(rf"{_JOIN}(?=\d)")
_RANGE = re.compile(r"\s*-\s*|\s+tot\s+en\s+met\s+")
_LID_WORDS = re.compile(
    rf"(?<![\w])(?:(?P<det>het|de|dit|dat)\s+)?(?P<ords>{_ORD}(?:{_JOIN}{_ORD})*)\s+"
    r"(?P<noun>lid|leden)\b",
    re.IGNORECASE,
)
_LID_NEAR = re.compile(r"(?<![\w])(?:het\s+)?(?P<which>vorige|voorgaande)\s+lid\b", re.IGNORECASE)
_LID_NUMBER = re.compile(r"(?<![\w])(?P<noun>lid|leden)\s+(?P<nr>\d+[a-z]?)(?![\w°])")
_ORD_ONLY = re.compile(_ORD, re.IGNORECASE)
_QUALIFIER_LID = re.compile(
    rf"\s*,?\s*(?:(?:het|de)\s+)?(?P<ords>{_ORD}(?:{_JOIN}{_ORD})*)\s+(?:lid|leden)\b"
    r"|\s*,?\s+lid\s+(?P<nr>\d+[a-z]?)(?![\w°])",
    re.IGNORECASE,
)
_QUALIFIER_LAST = re.compile(r"\s*,?\s*(?:het\s+)?(?:voor)?laatste\s+lid\b", re.IGNORECASE)
_QUALIFIER_VOLZIN = re.compile(
    rf"\s*,?\s*(?:de\s+)?(?:{_ORD}|(?:voor)?laatste)\s+volzin\b", re.IGNORECASE
)
_QUALIFIER_ONDER = re.compile(
    rf"\s*,?\s*(?P<word>onderdelen|onderdeel|onder|sub)\s+(?P<value>\d+[a-z]?[°º]|"
    rf"[a-z]{{1,2}}{_LETTER_END})"
)
_ONDER = re.compile(
    rf"(?<![\w])(?P<word>onderdelen|onderdeel|onder|sub)\s+(?P<value>\d+[a-z]?[°º]|"
    rf"[a-z]{{1,2}}{_LETTER_END})"
)
_MORE_ONDER = re.compile(rf"{_JOIN}(?P<value>\d+[a-z]?[°º]|[a-z]{{1,2}}{_LETTER_END})")
# The same patterns for text in lower case (a pattern that heeds case is searched faster).
_LID_WORDS_LOWER = re.compile(_LID_WORDS.pattern)
_LID_NEAR_LOWER = re.compile(_LID_NEAR.pattern)
# Letters that match an ASCII letter only when case is ignored (dotted capital I, dotless
# i, long s, Kelvin sign): a text with one is not searched for key words in lower case.
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_EXTERNAL = re.compile(
    r"\s*,?\s*(?:van\s+(?:de|het|der)\s+(?:[A-Z]|\w*[Ww]et\b)|van\s+[A-Z]|"
    r"(?:Sv|Sr|BW|Awb|WvSv|WvSr|Gw|EVRM)\b)"
)


_IN_CONNECTION = re.compile(r"\b(?:in verband met|juncto|jo\.)\s+(?:de\s+|het\s+)?$")
_SENTENCE_END = re.compile(r"[;:.]\s")


def _names(text: str, pos: int, name: str) -> bool:
    """Whether the words at ``pos`` name the regeling: ", van het Wetboek van Strafrecht"
    or an abbreviation right after the number ("273f Sr")."""
    escaped = re.escape(name)
    if re.match(rf"\s*,?\s*van\s+(?:de|het|der)\s+{escaped}(?!\w)", text[pos:]):
        return True
    return len(name) <= 5 and re.match(rf"\s*,?\s*{escaped}(?!\w)", text[pos:]) is not None


def _named_regeling(text: str, pos: int, others: Sequence[str]) -> str:
    """Which of ``others`` the words at ``pos`` name ("" for none)."""
    for name in sorted(others, key=len, reverse=True):
        if name and _names(text, pos, name):
            return name
    return ""


def _onder(value: str) -> str:
    return value.replace("º", "°")


def _qualifiers(text: str, pos: int) -> tuple[list[str], tuple[str, ...], int]:
    """Lid(s) and onderdelen written after an article number: ", eerste lid, onder 3°",
    ", eerste lid, laatste volzin, tweede en vierde lid". Returns (leden, onderdelen,
    end); no leden means the article as a whole."""
    leden: list[str] = []
    while True:
        match = _QUALIFIER_LID.match(text, pos)
        if match:
            nr = match.group("nr")
            leden.extend([nr] if nr else _ordinal_list(match.group("ords")))
            pos = match.end()
        elif last := _QUALIFIER_LAST.match(text, pos):
            pos = last.end()  # "373, laatste lid": which lid depends on the article's text
        else:
            break
        while volzin := _QUALIFIER_VOLZIN.match(text, pos):
            pos = volzin.end()  # a sentence of a lid: the lid is what is cited
    onderdelen, pos = _onderdelen(text, pos)
    return leden, onderdelen, pos


def _onderdelen(text: str, pos: int) -> tuple[tuple[str, ...], int]:
    """``, onder 2°`` and deeper (``, onder a``), outer to inner."""
    found: list[str] = []
    while True:
        match = _QUALIFIER_ONDER.match(text, pos)
        if not match:
            return tuple(found), pos
        found.append(_onder(match.group("value")))
        pos = match.end()


def _ordinal_list(words: str) -> list[str]:
    """ "eerste en tweede" → ["1", "2"]; "derde tot en met vijfde" → ["3", "4", "5"]."""
    numbers: list[int] = []
    pieces = re.split(rf"({_JOIN})", words)
    ranged = False
    for piece in pieces:
        if _ORD_ONLY.fullmatch(piece.strip()):
            value = ORDINAL_VALUES[piece.strip().lower()]
            if ranged and numbers:
                numbers.extend(range(numbers[-1] + 1, value + 1))
            else:
                numbers.append(value)
            ranged = False
        elif piece.strip():
            ranged = bool(_RANGE.fullmatch(piece))
        elif piece and _RANGE.fullmatch(piece):
            ranged = True
    return [str(n) for n in numbers]


def _between(first: str, last: str) -> list[str]:
    """The onderdelen strictly between two ends of a range: 1° … 4° → 2°, 3°;
    a … c → b."""
    a, b = _onder(first), _onder(last)
    if a.endswith("°") and b.endswith("°") and a[:-1].isdigit() and b[:-1].isdigit():
        return [f"{n}°" for n in range(int(a[:-1]) + 1, int(b[:-1]))]
    if len(a) == len(b) == 1 and a.isalpha() and b.isalpha():
        return [chr(c) for c in range(ord(a) + 1, ord(b))]
    return []


def extract_references(
    text: str,
    where: Locatie | None = None,
    *,
    include_external: bool = False,
    regeling: str = "",
    others: Sequence[str] = (),
) -> list[Reference]:
    """Every citation in ``text``, resolved against ``where`` (the provision the text
    belongs to), in order of appearance. A relative citation ("het eerste lid") without a
    ``where`` resolves against an empty article number. ``regeling`` names the code the
    text belongs to, so "artikel 395 van het Wetboek van Strafrecht" in the Wetboek van
    Strafrecht itself counts as a citation of this code. ``others`` names other
    regelingen (a name or its abbreviation, "Wetboek van Strafrecht", "Sr"): their
    citations are returned too, each with :attr:`Reference.regeling` saying which.

    A citation of another regeling is recognised by the name after it ("van het Burgerlijk
    Wetboek", "Sv"), and so is one that follows it with "in verband met" ("artikel 195 van
    Boek 8 van het Burgerlijk Wetboek in verband met de artikelen 192 en 178"): those
    numbers are that regeling's too, not this code's."""
    here = where or Locatie("")
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    # Each pass below needs its key word in the text; most provisions cite nothing, and
    # a substring test is far cheaper than a search with these patterns. (The lower case
    # stands for the case-blind patterns; a text with a letter that matches an ASCII one
    # only when case is ignored, such as "İ", gets every pass.)
    lowered = text.lower()
    odd = _CASE_ODD.search(text) is not None

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def relative(start: int, end: int, lid: str | None, onderdelen: tuple[str, ...]) -> None:
        """A citation within the article where the text stands: it moves with it."""
        found.append(
            Reference(text[start:end], start, end, Locatie(here.artikel, lid, onderdelen), True)
        )

    # 1. "artikel 273f, eerste lid, onder 3°", "de artikelen 240b en 248a"
    external_until = -1  # where the last citation of another regeling ended
    external_name = ""  # … and which of ``others`` it named ("" for none of them)
    for match in _ARTICLE.finditer(text) if "rt" in text else ():
        pos = match.end()
        first = True
        group: list[Reference] = []
        previous_nr = ""
        ranged = False
        while True:
            number = _NR.match(text, pos)
            if not number:
                break
            leden, onderdelen, end = _qualifiers(text, number.end())
            start = match.start() if first else number.start()
            nr = number.group()
            if ranged and previous_nr.isdigit() and nr.isdigit():
                # "300-303": the articles between the ends are cited too
                group.extend(
                    Reference(text[start:end], start, end, Locatie(str(n)), False)
                    for n in range(int(previous_nr) + 1, int(nr))
                )
            cited_leden: list[str | None] = list(leden) or [None]
            for lid in cited_leden:
                group.append(
                    Reference(text[start:end], start, end, Locatie(nr, lid, onderdelen), False)
                )
            previous_nr, first = nr, False
            separator = _SEPARATOR.match(text, end)
            if not separator:
                pos = end
                break
            ranged = bool(_RANGE.fullmatch(separator.group()))
            pos = separator.end()
        if not group:
            continue
        span = (match.start(), pos)
        taken.append(span)
        named = _named_regeling(text, pos, others)
        external = bool(named) or (
            _EXTERNAL.match(text, pos) is not None
            and not (regeling and _names(text, pos, regeling))
        )
        if not external and external_until >= 0:
            between = text[external_until : match.start()]
            if _IN_CONNECTION.search(between) and not _SENTENCE_END.search(between):
                external, named = True, external_name  # "… in verband met de artikelen"
        if external:
            external_until, external_name = pos, named
            if named:
                found.extend(replace(r, regeling=named) for r in group)
            elif include_external:
                found.extend(group)
            continue
        found.extend(group)

    # 2. "het derde lid, onder 2°", "het eerste en tweede lid", "lid 2a", "het vorige lid"
    has_lid = odd or "lid" in lowered or "leden" in lowered
    # The case-blind patterns match the lower-case text case-sensitively, twice as fast
    # (same positions: only "İ" changes length in lower case, and it is odd).
    lid_words, lid_near, searched = (
        (_LID_WORDS, _LID_NEAR, text) if odd else (_LID_WORDS_LOWER, _LID_NEAR_LOWER, lowered)
    )
    for match in lid_words.finditer(searched) if has_lid else ():
        if not free(match.start(), match.end()):
            continue
        onderdelen, end = _onderdelen(text, match.end())
        for lid in _ordinal_list(match.group("ords")):
            relative(match.start(), end, lid, onderdelen)
        taken.append((match.start(), end))
    for match in lid_near.finditer(searched) if has_lid else ():
        if not free(match.start(), match.end()) or not (here.lid or "").isdigit():
            continue
        onderdelen, end = _onderdelen(text, match.end())
        relative(match.start(), end, str(int(here.lid or "0") - 1), onderdelen)
        taken.append((match.start(), end))
    for match in _LID_NUMBER.finditer(text) if "lid" in text or "leden" in text else ():
        if not free(match.start(), match.end()):
            continue
        onderdelen, end = _onderdelen(text, match.end())
        relative(match.start(), end, match.group("nr"), onderdelen)
        taken.append((match.start(), end))

    # 3. "onder 1°", "onderdeel a", "onder a en b": within the lid where the text stands
    for match in _ONDER.finditer(text) if "onder" in text or "sub" in text else ():
        if not free(match.start(), match.end()):
            continue
        values = [match.group("value")]
        end = match.end()
        while more := _MORE_ONDER.match(text, end):
            if _RANGE.search(text[end : more.start("value")]):
                values.extend(_between(values[-1], more.group("value")))
            values.append(more.group("value"))
            end = more.end()
        deeper, end = _onderdelen(text, end)
        for value in values:
            relative(match.start(), end, here.lid, (_onder(value), *deeper))
        taken.append((match.start(), end))
    found.sort(key=lambda r: (r.start, r.end))
    return found


def provision_references(
    artikel: Artikel, *, include_external: bool = False, regeling: str = ""
) -> list[Verwijzing]:
    """The citations of every provision of an article."""
    citations: list[Verwijzing] = []
    for provision in artikel.provisions():
        for reference in extract_references(
            provision.text, provision.locatie, include_external=include_external, regeling=regeling
        ):
            citations.append(Verwijzing(provision.locatie, reference))
    return citations


def citing(
    artikelen: Iterable[Artikel],
    target: str | Locatie,
    *,
    links: Iterable[object] = (),
    same_article: bool = False,
    regeling: str = "",
) -> list[Verwijzing]:
    """The provisions among ``artikelen`` that cite ``target`` (an article number such as
    ``"273a"``, or a :class:`Locatie` for a lid or onderdeel).

    For an article, every citation of it or of its parts counts; for a lid, the
    citations of that lid and its onderdelen. Citations inside the target article itself
    are left out unless ``same_article`` (a renumbered lid *is* cited from its own
    article: "het derde lid"). ``links`` are the BWB ``<intref>`` links returned by the
    importer; a link adds a citation the words alone did not show."""
    wanted = Locatie(target) if isinstance(target, str) else target
    found: list[Verwijzing] = []
    seen: set[tuple[str, str]] = set()
    for artikel in artikelen:
        if artikel.number == wanted.artikel and not same_article:
            continue
        for citation in provision_references(artikel, regeling=regeling):
            if covers(wanted, citation.reference.target):
                found.append(citation)
                seen.add((citation.locatie.key, citation.reference.target.artikel))
    for link in links:
        at = getattr(link, "at", None)
        cited = getattr(link, "target", None)
        if at is None or cited is None or getattr(link, "external", False):
            continue
        if at.artikel == wanted.artikel and not same_article:
            continue
        if (at.key, cited.artikel) in seen or not covers(wanted, cited):
            continue
        words = getattr(link, "text", "")
        found.append(Verwijzing(at, Reference(words, 0, len(words), cited, False), "intref"))
        seen.add((at.key, cited.artikel))
    return found
