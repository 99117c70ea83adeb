"""Numbering of leden and onderdelen, and the ordinal words lawyers cite them with.

Dutch statutes number leden ``1.``, ``2.`` (inserted ones ``2a.``), onderdelen ``a.``,
``b.`` or ``1°.``/``1°`` (official data also has ``1º.`` with a masculine ordinal, ``1e.``,
``i.``, ``–`` and arabic ``1.``), and cite them in words: "het eerste lid, onder 3°".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORDINALS_1_19 = [
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
    "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
    "zestiende", "zeventiende", "achttiende", "negentiende",
]  # fmt: skip
_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig",
         "tachtig", "negentig"]  # fmt: skip


def ordinal_word(n: int) -> str:
    """``3`` → ``derde``; ``21`` → ``eenentwintigste`` (as in "het derde lid")."""
    if n < 1 or n > 99:
        return f"{n}e"
    if n < 20:
        return _ORDINALS_1_19[n - 1]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens] + "ste"
    link = "ën" if _UNITS[unit].endswith("e") else "en"
    return f"{_UNITS[unit]}{link}{_TENS[tens]}ste"


ORDINAL_VALUES: dict[str, int] = {ordinal_word(n): n for n in range(1, 100)}


def parse_ordinal_word(word: str) -> int | None:
    return ORDINAL_VALUES.get(word.lower())


# A numbering token at the start of a provision, as printed. Order matters: the more
# specific forms first.
_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
NUMBER_PATTERN = re.compile(
    r"""^(?P<nr>
        \d+[a-z]{0,6}[°º](?:\.)?      # 1°.  1°  1º.  2a°.
      | \d+e\.                        # 1e.
      | \d+[a-z]{0,6}\.               # 1.  2a.  (leden, or arabic onderdelen)
      | \d+[a-z]{0,6}\)               # 1)
      | [a-z]{1,4}\.                  # a.  ba.  iv.
      | [a-z]{1,4}\)                  # a)
      | [–—-]                         # dash items
      | •
    )(?:\s+|$)""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Numbering:
    """A parsed numbering token: its style, its place in the sequence, and an insertion
    suffix (``2a`` comes after ``2``)."""

    style: str  # "arabic", "degree", "alpha", "roman", "ordinal-e", "dash", "paren-…"
    ordinal: int | None
    suffix: str

    def follows(self, previous: Numbering) -> bool:
        """Whether this number may come right after ``previous`` among siblings."""
        if self.style != previous.style:
            return False
        if self.ordinal is None or previous.ordinal is None:
            return True
        if self.suffix:  # an inserted number: 2a after 2 or after another 2x
            return self.ordinal == previous.ordinal and self.suffix > previous.suffix
        return self.ordinal == previous.ordinal + 1


def _alpha_ordinal(letters: str) -> tuple[int, str]:
    if len(letters) > 1 and len(set(letters)) == 1:  # aa, bb: after z
        return 26 * (len(letters) - 1) + ord(letters[0]) - 96, ""
    return ord(letters[0]) - 96, letters[1:]


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _roman_value(text: str) -> int | None:
    if not text or not re.fullmatch(_ROMAN, text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def parse_number(token: str, *, roman: bool = False) -> Numbering:
    """Style and ordinal of a numbering token such as ``3°.``, ``b.``, ``2a.``.

    ``roman`` says whether letter tokens like ``i.``, ``v.``, ``x.`` are read as roman
    numerals (a list that started at ``i.``) rather than as letters."""
    bare = token.rstrip(".)")
    paren = token.endswith(")")
    prefix = "paren-" if paren else ""
    if bare in {"–", "—", "-", "•"}:
        return Numbering("dash", None, "")
    match = re.fullmatch(r"(\d+)([a-z]*?)([°º]?)(e?)", bare)  # lazy: "1e" is ordinal-e
    if match:
        digits, suffix, degree, e = match.groups()
        if degree:
            return Numbering(prefix + "degree", int(digits), suffix)
        if e and not suffix:
            return Numbering(prefix + "ordinal-e", int(digits), "")
        return Numbering(prefix + "arabic", int(digits), suffix + e)
    if roman:
        value = _roman_value(bare)
        if value is not None:
            return Numbering(prefix + "roman", value, "")
    if re.fullmatch(r"[a-z]+", bare):
        ordinal, suffix = _alpha_ordinal(bare)
        return Numbering(prefix + "alpha", ordinal, suffix)
    return Numbering(prefix + "other", None, "")


def bare_number(token: str) -> str:
    """The number as cited in words: ``3°.`` → ``3°``, ``b.`` → ``b``, ``2.`` → ``2``."""
    bare = token.rstrip(".)").replace("º", "°")
    return bare


def lid_in_words(nr: str) -> str:
    """``"3"`` → ``"derde lid"``; ``"2a"`` → ``"lid 2a"`` (no ordinal word exists)."""
    if nr.isdigit():
        return f"{ordinal_word(int(nr))} lid"
    return f"lid {nr}"


_ROMAN_NUMERALS = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    """1 → I, 4 → IV, 12 → XII: the numbers of amending articles (Ar 6.6)."""
    out = ""
    for value, numeral in _ROMAN_NUMERALS:
        while n >= value:
            out, n = out + numeral, n - value
    return out
