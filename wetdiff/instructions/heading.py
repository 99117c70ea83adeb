"""The first sentence of an amending article: which regeling it amends, which part of
it, and under which condition.

As the Staatsblad prints them (Stb. 2026, 187, hoofdstuk 16, is the reference):

* the whole regeling: "De Telecommunicatiewet wordt als volgt gewijzigd:", "Het Wetboek
  van Strafrecht[1] wordt gewijzigd als volgt." (a footnote marker glued to the last word
  is not part of the name; a year is: "Wet bekostiging financieel toezicht 2019",
  "Mediawet 2008");
* one provision, the regeling named after its article: "In artikel 2, tweede lid,
  onderdeel d, van de Wet bekostiging financieel toezicht 2019 wordt «…» vervangen door
  «…».", "Artikel 5 van het Wetboek van Strafrecht komt te luiden:", "Aan het slot van
  artikel 5, derde lid, onderdeel 3°, van het Wetboek van Strafrecht wordt …" (Ar 6.15);
* a part of the regeling that is not one of its articles: "De bijlage bij artikel 8.8
  van de Wet open overheid wordt als volgt gewijzigd:", "Bijlage 2 bij de Algemene wet
  bestuursrecht wordt als volgt gewijzigd:";
* under a condition, and the act itself ("deze wet"): "Indien artikel I, onderdelen E,
  … van de Wet bestuur en toezicht rechtspersonen in werking treden, wordt artikel 24
  van deze wet als volgt gewijzigd:".

:func:`read_heading` takes such a sentence apart; what remains is an instruction the
sentence table reads ("Artikel 24 wordt als volgt gewijzigd:", "In artikel 2, tweede
lid, onderdeel d, wordt …"), or nothing when the sentence only names the regeling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE  # noqa: E741

# A regeling's name: from a capital to the verb. A footnote marker ("Strafrecht1") is
# figures glued to a letter; a year stands after a space and stays.
# ("De regeling wordt als volgt gewijzigd:" is what wetdiff writes when it has no name.)
_NAME = r"(?P<naam>(?-i:[A-ZÀ-Þ])[^:;«»]*?|regeling)(?:(?<=[^\W\d_])\d{1,2})?"
# "deze wet": the act that holds the amending article amends itself.
_OWN = r"(?P<own>deze\s+(?:wet|rijkswet|algemene\s+maatregel\s+van\s+bestuur|regeling))"
_REGELING = rf"(?:(?P<lw>het|de)\s+{_NAME}|{_OWN})"
_CONDITION = r"(?P<cond>(?:Indien|Zodra|Ingeval|Voor\s+zover)\s.+?),\s+"
_CHANGED = r"(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als\s+volgt)"
# A part with its own numbering, which wetdiff's versions (the articles) do not hold.
_PART = r"(?P<part>(?:de\s+)?bijlage(?:\s+[\dA-Z][\w.]*)?(?:\s+bij\s+artikel\s+\S+?)?)"

_WHOLE = re.compile(
    rf"^(?:{_CONDITION})?(?:{_PART}\s+(?:bij|van)\s+)?{_REGELING},?\s+(?:wordt|worden)\s+"
    rf"{_CHANGED}\s*[:.]$",
    I,
)
# "…, wordt artikel 24 van deze wet als volgt gewijzigd:" (the verb first after a
# condition), and "Artikel 5 van het Wetboek van Strafrecht wordt/komt/vervalt …".
_INVERTED = re.compile(
    rf"^{_CONDITION}(?P<verb>wordt|worden)\s+(?P<addr>(?:artikel|de\s+artikelen)\s+.+?)\s+"
    rf"van\s+{_REGELING}\s+(?P<rest>{_CHANGED}\s*[:.]|.+)$",
    I,
)
_IN_SENTENCE = re.compile(
    rf"^(?:{_CONDITION})?(?P<head>(?:(?:In|Aan|Na|Voor|Vóór)\s+[^,«»]*?)?\b(?:artikel|artikelen)\s+"
    rf".+?)(?P<comma>,?)\s+van\s+{_REGELING}(?P<rest>,?\s+(?:wordt|worden|komt|komen|vervalt|vervallen)"
    r"\b.*)$",
    I,
)


@dataclass(frozen=True, slots=True)
class Heading:
    """What the first sentence of an amending article says about its scope.

    ``regeling`` is the name as printed ("Wet bekostiging financieel toezicht 2019"), or
    empty when the act amends itself (``own``: "deze wet"); ``part`` a part of the
    regeling with its own numbering ("Bijlage 2", "De bijlage bij artikel 8.8");
    ``condition`` the clause the amendment depends on ("Indien …"); ``sentence`` the
    instruction that remains without them, or "" when the sentence only names the
    regeling."""

    regeling: str
    own: bool = False
    part: str = ""
    condition: str = ""
    sentence: str = ""
    article: str = ""  # "de", "het": as printed before the name

    @property
    def phrase(self) -> str:
        """The regeling as the sentence names it: "de Algemene wet bestuursrecht",
        "het Wetboek van Strafrecht", "deze wet"."""
        if self.own:
            return "deze wet"
        return f"{self.article.lower()} {self.regeling}".strip()

    @property
    def scope(self) -> str:
        """What the amending article amends, in the heading's words: "de bijlage bij
        artikel 8.8 van de Wet open overheid", "bijlage 2 bij de Algemene wet
        bestuursrecht", "de Telecommunicatiewet"."""
        if not self.part:
            return self.phrase
        part = f"{self.part[0].lower()}{self.part[1:]}"
        return f"{part} {'van' if ' bij ' in part else 'bij'} {self.phrase}"


def read_heading(sentence: str) -> Heading | None:
    """The scope a sentence gives, or None when it names no regeling."""
    text = sentence.strip()
    whole = _WHOLE.match(text)
    if whole and (whole.group("own") or not _names_a_provision(whole.group("naam"))):
        return _heading(whole, "")
    inverted = _INVERTED.match(text)
    if inverted:
        addr = inverted.group("addr")
        verb = inverted.group("verb")
        rest = inverted.group("rest")
        return _heading(inverted, f"{addr[0].upper()}{addr[1:]} {verb} {rest}")
    inline = _IN_SENTENCE.match(text)
    if inline and (inline.group("own") or not _names_a_provision(inline.group("naam"))):
        head = inline.group("head")
        rest = inline.group("rest")
        comma = "" if rest.startswith(",") else inline.group("comma")
        return _heading(inline, f"{head[0].upper()}{head[1:]}{comma}{rest}")
    return None


def _heading(match: re.Match[str], sentence: str) -> Heading:
    groups = match.groupdict()
    part = (groups.get("part") or "").strip()
    return Heading(
        regeling=" ".join((groups.get("naam") or "").split()),
        own=bool(groups.get("own")),
        part=f"{part[0].upper()}{part[1:]}" if part else "",
        condition=(groups.get("cond") or "").strip(),
        sentence=sentence,
        article=groups.get("lw") or "",
    )


def _names_a_provision(name: str) -> bool:
    """ "Eerste lid van artikel 5" is an address, not a regeling's name."""
    from wetdiff.instructions.address import Adres, NotUnderstood, parse_adres

    try:
        parse_adres(name, Adres("x"))
    except NotUnderstood:
        return False
    return True
