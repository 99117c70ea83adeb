"""The words wijzigingsopdrachten are made of, shared by the parser, the renderer and the
applier, so that what wetdiff writes is exactly what it reads.

Punctuation is described, not quoted (guide §4.1): "de punt aan het slot" for the mark
that is there, "vervangen door een puntkomma" for the mark that comes. Counts are words
("twee artikelen"). Quoted statute text stands between quotation marks.
"""

from __future__ import annotations

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
