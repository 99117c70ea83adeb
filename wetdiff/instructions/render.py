"""Wijzigingsopdrachten in Dutch drafting style (Ar 6.9, 6.11, 6.15, 6.18).

The text is plain: ARTIKEL I, the opening sentence naming the regeling, lettered
onderdelen, numbered items, and the new text after "luidende:" / "komt te luiden:"
indented four spaces (in print this is the typographic indent; here it lets the parser
tell the new statute text from the next instruction). The new text itself is in the
canonical article form and starts with its own label (Ar 6.9(3)).
"""

from __future__ import annotations

from wetdiff.instructions.address import (
    Adres,
    elements_phrase,
    stap_words,
    vernummering_phrase,
)
from wetdiff.instructions.apply import split_articles
from wetdiff.instructions.model import (
    AanduidingPlaatsen,
    ArtikelInvoegen,
    ArtikelVernummeren,
    ElementInvoegen,
    KomtTeLuiden,
    Opdracht,
    Slotleesteken,
    Vervalt,
    Wijzigingsartikel,
    WoordenInvoegen,
    WoordenVervangen,
)
from wetdiff.instructions.tree import block_nodes
from wetdiff.instructions.vocabulary import (
    count_words,
    punctuation_coming,
    punctuation_there,
    quote,
)
from wetdiff.model.version import Version

BLOCK_INDENT = "    "


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in(target: Adres, relative: bool) -> str:
    """ "In het eerste lid, aanhef," / "In artikel 273f, eerste lid,"."""
    phrase = target.phrase(relative=relative)
    if relative and not target.path:  # the article's own text, inside its own block
        phrase = (
            {"aanhef": "de aanhef", "slot": "het slot"}[target.deel]
            if target.deel
            else target.phrase(relative=False)
        )
    return f"In {phrase}" + ("," if "," in phrase else "")


def _subject(target: Adres, relative: bool) -> str:
    """The element as subject: "Het derde lid", "Artikel 273f, derde lid,"."""
    if relative and target.path:
        phrase = target.phrase(relative=True)
        return _cap(phrase) + ("," if len(target.path) > 1 or target.deel else "")
    phrase = target.phrase(relative=False)
    return _cap(phrase) + ("," if target.path else "")


def sentence(opdracht: Opdracht, *, relative: bool, style: str = "straight") -> str:
    """The instruction as one Dutch sentence (without the new text of a block)."""
    q = lambda text: quote(text, style)  # noqa: E731
    if isinstance(opdracht, WoordenVervangen):
        target = opdracht.targets[0]
        telkens = "telkens " if opdracht.telkens else ""
        if not opdracht.new and not opdracht.punctuation:
            return f"{_in(target, relative)} vervalt {telkens}{q(opdracht.old)}."
        new = opdracht.punctuation or q(opdracht.new)
        return f"{_in(target, relative)} wordt {telkens}{q(opdracht.old)} vervangen door {new}."
    if isinstance(opdracht, WoordenInvoegen) and not opdracht.anchor:
        target = opdracht.targets[0]
        phrase = target.phrase(relative=relative and bool(target.path))
        return f"{_cap('aan ' + phrase)} wordt toegevoegd {q(opdracht.text)}."
    if isinstance(opdracht, WoordenInvoegen):
        target = opdracht.targets[0]
        where = "voor" if opdracht.before else "na"
        return (
            f"{_in(target, relative)} wordt {where} {q(opdracht.anchor)} ingevoegd "
            f"{q(opdracht.text)}."
        )
    if isinstance(opdracht, KomtTeLuiden):
        target = opdracht.targets[0]
        if opdracht.kind == "artikel" or not target.path:
            return f"Artikel {target.artikel} komt te luiden:"
        return f"{_subject(target, relative)} komt te luiden:"
    if isinstance(opdracht, Vervalt):
        target = opdracht.targets[0]
        clause = ""
        if opdracht.vernummering:
            kind = target.path[-1].kind if target.path else "lid"
            clause = ", " + vernummering_phrase(kind, opdracht.vernummering)
        if not target.path:
            if len(opdracht.targets) > 1:
                numbers = [t.artikel for t in opdracht.targets]
                return f"De artikelen {', '.join(numbers[:-1])} en {numbers[-1]} vervallen."
            return f"Artikel {target.artikel} vervalt."
        last = target.path[-1]
        if len(opdracht.targets) > 1:  # "Het tweede en derde lid vervallen, …"
            phrase = elements_phrase(last.kind, [t.path[-1].nr for t in opdracht.targets])
            parent = target.parent
            if relative and not parent.path:
                return f"{_cap(phrase)} vervallen{clause}."
            return f"{_in(parent, relative)} vervallen {phrase}{clause}."
        if last.kind == "lid":
            subject = _subject(target, relative)
            return f"{subject.rstrip(',')} vervalt{clause}."
        parent = target.parent
        if not parent.path and relative:
            return f"{_cap(stap_words(last, lidword_article=False))} vervalt{clause}."
        return f"{_in(parent, relative)} vervalt {stap_words(last, lidword_article=False)}{clause}."
    if isinstance(opdracht, Slotleesteken):
        return (
            f"Aan het slot van {opdracht.target.phrase(relative=relative)} wordt "
            f"{punctuation_there(opdracht.old) or q(opdracht.old)} vervangen door "
            f"{punctuation_coming(opdracht.new) or q(opdracht.new)}."
        )
    if isinstance(opdracht, ElementInvoegen):
        return _element_invoegen(opdracht, relative, style)
    if isinstance(opdracht, AanduidingPlaatsen):
        if relative and not opdracht.target.path:
            return f"Voor de tekst wordt de aanduiding {q(opdracht.aanduiding)} geplaatst."
        return (
            f"{_in(opdracht.target, relative)} wordt voor de tekst de aanduiding "
            f"{q(opdracht.aanduiding)} geplaatst."
        )
    if isinstance(opdracht, ArtikelInvoegen):
        count = len(split_articles(opdracht.block))
        noun = "artikel" if count == 1 else "artikelen"
        verb = "wordt" if count == 1 else "worden"
        where = (
            f"Na artikel {opdracht.after}"
            if opdracht.after is not None
            else f"Voor artikel {opdracht.before}"
        )
        return f"{where} {verb} {count_words(count)} {noun} ingevoegd, luidende:"
    if isinstance(opdracht, ArtikelVernummeren):
        return f"Artikel {opdracht.old} wordt vernummerd tot artikel {opdracht.new}."
    raise TypeError(f"unknown instruction {type(opdracht).__name__}")


def _element_invoegen(opdracht: ElementInvoegen, relative: bool, style: str) -> str:
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
            f"onder vervanging van {punctuation_there(slot.old) or quote(slot.old, style)} "
            f"aan het slot van {stap_words(slot.target.path[-1], lidword_article=True)} door "
            f"{punctuation_coming(slot.new) or quote(slot.new, style)}"
        )
    if opdracht.vernummering:
        clauses.append(vernummering_phrase(opdracht.kind, opdracht.vernummering))
    clause = (", " + " en ".join(clauses) + ",") if clauses else ""
    lead = ""
    if opdracht.parent.path or not relative:
        lead = _in(opdracht.parent, relative) + " "
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


def has_block(opdracht: Opdracht) -> bool:
    return isinstance(opdracht, KomtTeLuiden | ElementInvoegen | ArtikelInvoegen)


def render_onderdeel(
    letter: str, artikel: str, opdrachten: list[Opdracht], *, style: str = "straight"
) -> str:
    """One lettered onderdeel: a single instruction naming the article, or "Artikel X
    wordt als volgt gewijzigd:" with numbered items (Ar 6.15(3))."""
    lines = [letter, ""]
    if (
        len(opdrachten) > 2
        and isinstance(opdrachten[0], ArtikelVernummeren)
        and _same_article(opdrachten[1:])
    ):
        # "Artikel 15b wordt vernummerd tot artikel 15e." and then its changes, by its
        # new number
        lines += [sentence(opdrachten[0], relative=False, style=style), ""]
        artikel, opdrachten = opdrachten[0].new, opdrachten[1:]
    elif len(opdrachten) == 1 or not _same_article(opdrachten):
        for opdracht in opdrachten:
            lines.append(sentence(opdracht, relative=False, style=style))
            if has_block(opdracht):
                lines += ["", indent_block(opdracht.block)]  # type: ignore[attr-defined]
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"
    if len(opdrachten) == 1:
        lines += [sentence(opdrachten[0], relative=False, style=style), ""]
        if has_block(opdrachten[0]):
            lines += [indent_block(opdrachten[0].block), ""]  # type: ignore[attr-defined]
        return "\n".join(lines).rstrip("\n") + "\n"
    lines += [f"Artikel {artikel} wordt als volgt gewijzigd:", ""]
    for number, opdracht in enumerate(opdrachten, 1):
        lines.append(f"{number}. {sentence(opdracht, relative=True, style=style)}")
        if has_block(opdracht):
            lines += ["", indent_block(opdracht.block)]  # type: ignore[attr-defined]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _same_article(opdrachten: list[Opdracht]) -> bool:
    return not any(isinstance(o, ArtikelInvoegen | ArtikelVernummeren) for o in opdrachten)


# --- the whole set --------------------------------------------------------------------

_LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]


def letter(index: int) -> str:
    """A, B, … Z, AA, BB, … ZZ, AAA (Ar 6.15, toelichting)."""
    return _LETTERS[index % 26] * (index // 26 + 1)


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    """1 → I, 4 → IV, 12 → XII: the numbers of amending articles (Ar 6.6)."""
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def describe(version: Version) -> str:
    """A version as the set's Basisversie/Doelversie line names it: its label and, in
    Dutch (the language of the wijzigingsopdrachten), what it is ("law@2009-07-01 —
    Wetboek van Strafrecht, geldend op 1 juli 2009")."""
    described = version.describe("nl")
    if version.label in described:
        return described
    return " — ".join(part for part in (version.label, described) if part)


def render_artikel(artikel: Wijzigingsartikel) -> str:
    """One amending article: ARTIKEL I, the opening sentence naming the regeling, and
    its onderdelen."""
    opening = (
        f"Het {artikel.regeling} wordt als volgt gewijzigd:"
        if artikel.regeling
        else "De regeling wordt als volgt gewijzigd:"
    )
    head = f"ARTIKEL {artikel.numeral}\n\n{opening}\n\n\n"
    return head + "\n".join(o.text for o in artikel.onderdelen)


def render_set(artikelen: tuple[Wijzigingsartikel, ...], base: str, target: str) -> str:
    """The whole set as text, headed by the versions it was made from."""
    lines = [
        "Wijzigingsopdrachten, gegenereerd door wetdiff",
        f"Basisversie: {base}",
        f"Doelversie: {target}",
        "",
        "",
    ]
    return "\n".join(lines) + "\n".join(render_artikel(a) for a in artikelen)
