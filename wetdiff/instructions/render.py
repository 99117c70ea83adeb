"""Wijzigingsopdrachten in Dutch drafting style (Ar 6.9, 6.11, 6.15, 6.18).

The text is plain: ARTIKEL I, the opening sentence naming the regeling, lettered
onderdelen, numbered items, and the new text after "luidende:" / "komt te luiden:"
indented four spaces (in print this is the typographic indent; here it lets the parser
tell the new statute text from the next instruction). The new text itself is in the
canonical article form and starts with its own label (Ar 6.9(3)).
"""

from __future__ import annotations

from wetdiff.instructions import model
from wetdiff.instructions.address import (
    Adres,
    elements_phrase,
    stap_words,
    targets_phrase,
    vernummering_phrase,
)
from wetdiff.instructions.apply import split_articles
from wetdiff.instructions.tree import block_nodes
from wetdiff.instructions.vocabulary import (
    count_words,
    punctuation_coming,
    punctuation_there,
    quote,
    regeling_phrase,
)
from wetdiff.model.version import Version

BLOCK_INDENT = "    "


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Phrasing:
    """How one instruction names things: inside "Artikel X wordt als volgt gewijzigd:"
    (``relative``: "het eerste lid") or on its own ("artikel 273f, eerste lid"), naming
    the regeling after the article when the amending article has no onderdelen
    (``of``: "van het Wetboek van Strafrecht"), quoting in ``style``."""

    def __init__(self, relative: bool, style: str, of: str) -> None:
        self.relative = relative
        self.style = style
        self.of = "" if relative else of

    def q(self, text: str) -> str:
        return quote(text, self.style)

    def address(self, targets: tuple[Adres, ...]) -> tuple[str, bool]:
        """The address, and whether a comma closes it before the verb ("In artikel 5,
        eerste lid, wordt"; "In artikel 5, eerste lid, van het Wetboek van Strafrecht
        wordt")."""
        first = targets[0]
        if self.relative and not first.path and len(targets) == 1:
            # the article's own text, inside its own block
            phrase = (
                {"aanhef": "de aanhef", "slot": "het slot"}[first.deel]
                if first.deel
                else first.phrase(relative=False)
            )
        else:
            phrase = targets_phrase(targets, relative=self.relative)
        # a comma closes the address where it ends in an apposition ("het eerste lid,
        # onderdeel 3°,"; "artikel 273f, vierde lid, …, en vijfde lid,")
        comma = "," in phrase.rsplit(", en ", 1)[-1] or (
            phrase.startswith("artikel ") and "," in phrase
        )
        if self.of:
            phrase += (", " if comma else " ") + self.of
            comma = False
        return phrase, comma

    def in_(self, targets: tuple[Adres, ...]) -> str:
        """ "In het eerste lid, aanhef," / "In artikel 273f, eerste lid,"."""
        phrase, comma = self.address(targets)
        return f"In {phrase}" + ("," if comma else "")

    def subject(self, target: Adres) -> str:
        """The element as subject: "Het derde lid", "Artikel 273f, derde lid,"."""
        if self.relative and target.path:
            phrase = target.phrase(relative=True)
            return _cap(phrase) + ("," if len(target.path) > 1 or target.deel else "")
        phrase, comma = self.address((target,))
        return _cap(phrase) + ("," if comma else "")

    def artikel(self, number: str) -> str:
        """ "artikel 273f" or "artikel 273f van het Wetboek van Strafrecht"."""
        return f"artikel {number}" + (f" {self.of}" if self.of else "")


def sentence(
    opdracht: model.Opdracht, *, relative: bool, style: str = "guillemets", of: str = ""
) -> str:
    """The instruction as one Dutch sentence (without the new text of a block). ``of``
    names the regeling after the article ("van het Wetboek van Strafrecht") when the
    instruction stands on its own in an amending article without onderdelen."""
    p = _Phrasing(relative, style, of)
    q = p.q
    if isinstance(opdracht, model.WoordenVervangen):
        telkens = "telkens " if opdracht.telkens else ""
        where = p.in_(opdracht.targets)
        if not opdracht.new and not opdracht.punctuation:
            return f"{where} vervalt {telkens}{q(opdracht.old)}."
        # a punctuation mark is described, not quoted: "vervangen door een komma"
        new = opdracht.punctuation or punctuation_coming(opdracht.new) or q(opdracht.new)
        return f"{where} wordt {telkens}{q(opdracht.old)} vervangen door {new}."
    if isinstance(opdracht, model.WoordenInvoegen) and not opdracht.anchor:
        target = opdracht.targets[0]
        if relative and not target.path and len(opdracht.targets) == 1:
            phrase = target.phrase(relative=False)
        else:
            phrase = p.address(opdracht.targets)[0]
        return f"{_cap('aan ' + phrase)} wordt toegevoegd {q(opdracht.text)}."
    if isinstance(opdracht, model.WoordenInvoegen):
        where = "voor" if opdracht.before else "na"
        mark = punctuation_coming(opdracht.text)
        if mark:  # "wordt na «dient» een komma ingevoegd"
            return f"{p.in_(opdracht.targets)} wordt {where} {q(opdracht.anchor)} {mark} ingevoegd."
        return (
            f"{p.in_(opdracht.targets)} wordt {where} {q(opdracht.anchor)} ingevoegd "
            f"{q(opdracht.text)}."
        )
    if isinstance(opdracht, model.KomtTeLuiden):
        target = opdracht.targets[0]
        if opdracht.kind == "artikel" or not target.path:
            return f"{_cap(p.artikel(target.artikel))} komt te luiden:"
        return f"{p.subject(target)} komt te luiden:"
    if isinstance(opdracht, model.Vervalt):
        return _vervalt(opdracht, p)
    if isinstance(opdracht, model.Slotleesteken):
        phrase, comma = p.address((opdracht.target,))
        return (
            f"Aan het slot van {phrase}{',' if comma else ''} wordt "
            f"{punctuation_there(opdracht.old) or q(opdracht.old)} vervangen door "
            f"{punctuation_coming(opdracht.new) or q(opdracht.new)}."
        )
    if isinstance(opdracht, model.ElementInvoegen):
        return _element_invoegen(opdracht, p)
    if isinstance(opdracht, model.AanduidingPlaatsen):
        if relative and not opdracht.target.path:
            return f"Voor de tekst wordt de aanduiding {q(opdracht.aanduiding)} geplaatst."
        return (
            f"{p.in_((opdracht.target,))} wordt voor de tekst de aanduiding "
            f"{q(opdracht.aanduiding)} geplaatst."
        )
    if isinstance(opdracht, model.ArtikelInvoegen):
        count = len(split_articles(opdracht.block))
        noun = "artikel" if count == 1 else "artikelen"
        verb = "wordt" if count == 1 else "worden"
        where = (
            f"Na {p.artikel(opdracht.after)}"
            if opdracht.after is not None
            else f"Voor {p.artikel(opdracht.before or '')}"
        )
        return f"{where} {verb} {count_words(count)} {noun} ingevoegd, luidende:"
    if isinstance(opdracht, model.ArtikelVernummeren):
        return f"{_cap(p.artikel(opdracht.old))} wordt vernummerd tot artikel {opdracht.new}."
    raise TypeError(f"unknown instruction {type(opdracht).__name__}")


def _vervalt(opdracht: model.Vervalt, p: _Phrasing) -> str:
    target = opdracht.targets[0]
    of = f" {p.of}" if p.of else ""
    clause = ""
    if opdracht.vernummering:
        kind = target.path[-1].kind if target.path else "lid"
        clause = ", " + vernummering_phrase(kind, opdracht.vernummering)
    if not target.path:
        numbers = [t.artikel for t in opdracht.targets]
        if opdracht.through:  # "De artikelen 6.6 tot en met 6.10 vervallen."
            return f"De artikelen {numbers[0]} tot en met {numbers[-1]}{of} vervallen."
        if len(numbers) > 1:
            return f"De artikelen {', '.join(numbers[:-1])} en {numbers[-1]}{of} vervallen."
        return f"{_cap(p.artikel(target.artikel))} vervalt."
    last = target.path[-1]
    if len(opdracht.targets) > 1:  # "Het tweede en derde lid vervallen, …"
        phrase = elements_phrase(last.kind, [t.path[-1].nr for t in opdracht.targets])
        parent = target.parent
        if p.relative and not parent.path:
            return f"{_cap(phrase)} vervallen{clause}."
        return f"{p.in_((parent,))} vervallen {phrase}{clause}."
    if last.kind == "lid":
        return f"{p.subject(target).rstrip(',')} vervalt{clause}."
    parent = target.parent
    if not parent.path and p.relative:
        return f"{_cap(stap_words(last, lidword_article=False))} vervalt{clause}."
    return f"{p.in_((parent,))} vervalt {stap_words(last, lidword_article=False)}{clause}."


def _element_invoegen(opdracht: model.ElementInvoegen, p: _Phrasing) -> str:
    count = block_count(opdracht.block, opdracht.kind)
    noun = {
        ("lid", True): "lid",
        ("lid", False): "leden",
        ("onderdeel", True): "onderdeel",
        ("onderdeel", False): "onderdelen",
    }[(opdracht.kind, count == 1)]
    verb = "wordt" if count == 1 else "worden"
    clauses = []
    if opdracht.slot is not None:
        slot = opdracht.slot
        clauses.append(
            f"onder vervanging van {punctuation_there(slot.old) or p.q(slot.old)} "
            f"aan het slot van {stap_words(slot.target.path[-1], lidword_article=True)} door "
            f"{punctuation_coming(slot.new) or p.q(slot.new)}"
        )
    if opdracht.vernummering:
        clauses.append(vernummering_phrase(opdracht.kind, opdracht.vernummering))
    clause = (", " + " en ".join(clauses) + ",") if clauses else ""
    lead = ""
    if opdracht.parent.path or not p.relative:
        lead = p.in_((opdracht.parent,)) + " "
    verb_phrase = f"{lead}{verb}" if lead else _cap(verb)
    added = opdracht.after is None and opdracht.before is None
    if added:
        if not lead:
            verb_phrase = "Er " + verb
        return f"{verb_phrase}{clause} {count_words(count)} {noun} toegevoegd, luidende:"
    anchor = opdracht.after if opdracht.after is not None else opdracht.before
    assert anchor is not None
    where = "na" if opdracht.after is not None else "voor"
    sibling = stap_words(
        opdracht.parent.child(opdracht.kind, anchor).path[-1], lidword_article=True
    )
    if not lead:
        return (
            f"{_cap(where)} {sibling} {verb}{clause} {count_words(count)} {noun} "
            f"ingevoegd, luidende:"
        )
    return (
        f"{verb_phrase} {where} {sibling}{clause} {count_words(count)} {noun} ingevoegd, luidende:"
    )


def block_count(block: str, kind: str) -> int:
    """How many elements a block of new text holds (its unindented numbered lines)."""
    return len([n for n in block_nodes(block, kind) if n.kind == kind]) or 1


def indent_block(block: str) -> str:
    return "\n".join(
        (BLOCK_INDENT + line) if line.strip() else "" for line in block.rstrip("\n").split("\n")
    )


def has_block(opdracht: model.Opdracht) -> bool:
    return isinstance(opdracht, model.KomtTeLuiden | model.ElementInvoegen | model.ArtikelInvoegen)


def render_onderdeel(
    letter: str,
    artikel: str,
    opdrachten: list[model.Opdracht],
    *,
    style: str = "guillemets",
    regeling: str = "",
) -> str:
    """One lettered onderdeel: a single instruction naming the article, or "Artikel X
    wordt als volgt gewijzigd:" with numbered items (Ar 6.15(3)).

    Without a ``letter`` it is the whole amending article, which then has no onderdelen
    (a lone "A" tells the reader nothing): the article is named with its ``regeling``,
    "Artikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:"."""
    of = "van " + regeling_phrase(regeling) if regeling and not letter else ""
    lines = [letter, ""] if letter else []

    def one(opdracht: model.Opdracht, relative: bool, prefix: str = "") -> None:
        lines.append(prefix + sentence(opdracht, relative=relative, style=style, of=of))
        if has_block(opdracht):
            lines.extend(["", indent_block(opdracht.block)])  # type: ignore[attr-defined]
        lines.append("")

    if (
        len(opdrachten) > 2
        and isinstance(opdrachten[0], model.ArtikelVernummeren)
        and _same_article(opdrachten[1:])
    ):
        # "Artikel 15b wordt vernummerd tot artikel 15e." and then its changes, by its
        # new number
        one(opdrachten[0], relative=False)
        artikel, opdrachten = opdrachten[0].new, opdrachten[1:]
        of = ""
    elif len(opdrachten) == 1 or not _same_article(opdrachten):
        for opdracht in opdrachten:
            one(opdracht, relative=False)
        return "\n".join(lines).rstrip("\n") + "\n"
    named = f"Artikel {artikel}" + (f" {of}" if of else "")
    lines += [f"{named} wordt als volgt gewijzigd:", ""]
    for number, opdracht in enumerate(opdrachten, 1):
        one(opdracht, relative=True, prefix=f"{number}. ")
    return "\n".join(lines).rstrip("\n") + "\n"


def _same_article(opdrachten: list[model.Opdracht]) -> bool:
    return not any(
        isinstance(o, model.ArtikelInvoegen | model.ArtikelVernummeren) for o in opdrachten
    )


# --- the whole set --------------------------------------------------------------------

_LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]


def letter(index: int) -> str:
    """A, B, … Z, AA, BB, … ZZ, AAA (Ar 6.15, toelichting)."""
    return _LETTERS[index % 26] * (index // 26 + 1)


def describe(version: Version) -> str:
    """A version as the set's Basisversie/Doelversie line names it: its label and, in
    Dutch (the language of the wijzigingsopdrachten), what it is ("law@2009-07-01 —
    Wetboek van Strafrecht, geldend op 1 juli 2009")."""
    described = version.describe("nl")
    if version.label in described:
        return described
    return " — ".join(part for part in (version.label, described) if part)


def render_artikel(artikel: model.Wijzigingsartikel) -> str:
    """One amending article: ARTIKEL I, the opening sentence naming the regeling ("Het
    Wetboek van Strafrecht wordt als volgt gewijzigd:", Ar 6.15(1)), and its onderdelen;
    or, for an article without onderdelen, its one onderdeel's text, which names the
    regeling itself."""
    head = f"ARTIKEL {artikel.numeral}\n\n"
    if len(artikel.onderdelen) == 1 and not artikel.onderdelen[0].letter:
        return head + artikel.onderdelen[0].text
    opening = (
        f"{regeling_phrase(artikel.regeling, capital=True)} wordt als volgt gewijzigd:"
        if artikel.regeling
        else "De regeling wordt als volgt gewijzigd:"
    )
    return head + f"{opening}\n\n\n" + "\n".join(o.text for o in artikel.onderdelen)


def render_set(artikelen: tuple[model.Wijzigingsartikel, ...], base: str, target: str) -> str:
    """The whole set as text, headed by the versions it was made from."""
    lines = [
        "Wijzigingsopdrachten, gegenereerd door wetdiff",
        f"Basisversie: {base}",
        f"Doelversie: {target}",
        "",
        "",
    ]
    return "\n".join(lines) + "\n".join(render_artikel(a) for a in artikelen)
