"""The words wijzigingsopdrachten are made of, shared by the parser, the renderer and the
applier, so that what wetdiff writes is exactly what it reads.

Punctuation is described, not quoted (guide §4.1): "de punt aan het slot" for the mark
that is there, "vervangen door een puntkomma" for the mark that comes. Counts are words
("twee artikelen"). Quoted statute text stands between quotation marks.
"""

from __future__ import annotations

import re

# mark → (the mark that is there, the mark that comes)
PUNCTUATION: dict[str, tuple[str, str]] = {
    ".": ("de punt", "een punt"),
    ";": ("de puntkomma", "een puntkomma"),
    ",": ("de komma", "een komma"),
    ":": ("de dubbele punt", "een dubbele punt"),
}

_BY_WORDS = {words: mark for mark, pair in PUNCTUATION.items() for words in pair}


def _alternation(index: int) -> str:
    """A regular-expression alternation of the words, longest first ("de puntkomma"
    before "de punt")."""
    words = sorted((pair[index] for pair in PUNCTUATION.values()), key=len, reverse=True)
    return "|".join(words)


# "de punt|de puntkomma|…" and "een punt|…", for the parser's sentence forms
PUNCTUATION_THERE = _alternation(0)
PUNCTUATION_COMING = _alternation(1)


def punctuation_there(mark: str) -> str | None:
    """ "." → "de punt" (the mark an element ends with now); None for other text."""
    pair = PUNCTUATION.get(mark)
    return pair[0] if pair else None


def punctuation_coming(mark: str) -> str | None:
    """ ";" → "een puntkomma" (the mark that replaces it); None for other text."""
    pair = PUNCTUATION.get(mark)
    return pair[1] if pair else None


def punctuation_mark(words: str) -> str:
    """ "de punt" / "een punt" → "."."""
    return _BY_WORDS[words.lower()]


_COUNTS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
COUNT_WORDS = {word: n for n, word in enumerate(_COUNTS) if word}


def count_words(n: int) -> str:
    """2 → "twee" ("twee artikelen"); beyond ten, the figure."""
    return _COUNTS[n] if 0 < n < len(_COUNTS) else str(n)


def quote(text: str, style: str = "straight") -> str:
    """Quote a fragment of statute text. Straight quotes by default (as kcbr.nl prints
    the Aanwijzingen); guillemets where the fragment itself holds a straight quote, or
    when asked for (as the Staatsblad prints them)."""
    if style == "guillemets" or '"' in text:
        return f"«{text}»"
    return f'"{text}"'


# The intitule of an act, as the oldest BWB captures give it instead of a citeertitel:
# "Wet van 19 oktober 1998, houdende regels inzake de telecommunicatie
# (Telecommunicatiewet)": the name in the closing brackets is its citeertitel.
_INTITULE = re.compile(
    r"^(?:Wet|Rijkswet|Besluit|Koninklijk besluit|Regeling|Beschikking)\s+van\s+\d.*"
    r"\((?P<naam>[^()]+)\)\s*$",
    re.S,
)

# Head nouns of citeertitels and their article (lidwoord); compounds take the article
# of their last part ("Telecommunicatiewet": de wet; "Vreemdelingenbesluit 2000": het
# besluit). Longest first, so "wetboek" is found before "wet".
_HET = ("wetboek", "besluit", "reglement", "verdrag", "statuut", "decreet", "protocol")
_DE = ("wet", "regeling", "verordening", "beschikking", "code", "instructie", "richtlijn")
_NOUNS = sorted([(n, "het") for n in _HET] + [(n, "de") for n in _DE], key=lambda x: -len(x[0]))


def citeertitel(name: str) -> str:
    """The name an amending act cites a regeling by: its citeertitel, also when only the
    intitule is known ("Wet van 19 oktober 1998, houdende … (Telecommunicatiewet)" →
    "Telecommunicatiewet")."""
    m = _INTITULE.match(name.strip())
    return m.group("naam").strip() if m else name.strip()


def lidwoord(name: str) -> str:
    """ "het" or "de" for a regeling's name: the article of its head noun, the first
    word that is or ends in a known noun ("Algemene wet bestuursrecht": de;
    "Wetboek van Strafrecht": het). "de" when no known noun is found."""
    for word in re.findall(r"\w+", name.lower()):
        for noun, article in _NOUNS:
            if word.endswith(noun):
                return article
    return "de"


def regeling_phrase(name: str, *, capital: bool = False) -> str:
    """ "het Wetboek van Strafrecht", "De Telecommunicatiewet" (as a subject)."""
    title = citeertitel(name)
    article = lidwoord(title)
    if capital:
        article = article.capitalize()
    return f"{article} {title}"
