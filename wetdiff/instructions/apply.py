"""Executing wijzigingsopdrachten on a version.

Instructions are applied in order, each to the text as the earlier ones left it (that is
what "het derde lid (nieuw)" means). The applier never guesses: a quoted fragment that
does not occur, or occurs more than once without "telkens"/"steeds", an element that
does not exist, or "de punt aan het slot" of an element that ends in a semicolon, makes
the instruction fail with its own words and the reason. Failing instructions leave the
text as it was; the caller decides (``wetdiff apply`` writes nothing when any failed).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.instructions.address import Adres
from wetdiff.instructions.model import (
    NOT_APPLICABLE,
    OUT_OF_SCOPE,
    AanduidingPlaatsen,
    ArtikelInvoegen,
    ArtikelVernummeren,
    ElementInvoegen,
    Failure,
    KomtTeLuiden,
    Opdracht,
    Slotleesteken,
    Vervalt,
    Wijzigingsopdrachten,
    WoordenInvoegen,
    WoordenVervangen,
)
from wetdiff.instructions.tree import (
    ApplyError,
    Node,
    Werkversie,
    append_words,
    block_nodes,
    cited,
    insert_words,
    occurrences,
    replace_span,
    to_artikel,
    to_node,
)
from wetdiff.instructions.vocabulary import punctuation_coming
from wetdiff.model.artikel import VERVALLEN, Artikel
from wetdiff.model.names import ARTICLE, is_valid_name
from wetdiff.model.numbering import bare_number
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version, article_sort_key


@dataclass(frozen=True, slots=True)
class Applied:
    """The outcome: the new version, the instructions that failed, and which articles
    changed (in the order of the code)."""

    version: Version
    failures: tuple[Failure, ...]
    changed: tuple[str, ...]
    applied: int
    further: tuple[Applied, ...] = ()  # the further regelingen (ARTIKEL II, …), each its own

    @property
    def parts(self) -> tuple[Applied, ...]:
        """The outcome per regeling: the first, then the further ones."""
        return (self, *self.further)


def _new_elements(block: str, kind: str) -> list[Node]:
    """The leden or onderdelen an instruction's text brings ("luidende: …"), each
    opening with its number; text that does not is the instruction's fault."""
    try:
        nodes = block_nodes(block, kind)
    except WetdiffError as error:
        raise ApplyError(f"de nieuwe tekst is niet te lezen: {error.what}") from None
    if not nodes or any(n.kind != kind for n in nodes):
        raise ApplyError(f"de nieuwe tekst begint niet met het nummer van een {_kind_words(kind)}")
    return nodes


def _kind_words(kind: str) -> str:
    return {"lid": "lid", "onderdeel": "onderdeel", "artikel": "artikel"}.get(kind, kind)


def _words_where(adres: Adres) -> str:
    return adres.phrase(relative=False)


def _apply_vervangen(work: Werkversie, opdracht: WoordenVervangen) -> None:
    for target in opdracht.targets:
        alineas = work.scope(target)
        hits = [(a, start) for a in alineas for start in occurrences(a.text, opdracht.old)]
        if not hits:
            raise ApplyError(f"«{opdracht.old}» komt niet voor in {_words_where(target)}")
        if len(hits) > 1 and not opdracht.telkens:
            raise ApplyError(
                f"«{opdracht.old}» komt {len(hits)} keer voor in "
                f"{_words_where(target)}; welke is bedoeld? (geef een nauwer "
                "adres, of 'telkens')"
            )
        for alinea in alineas:
            for start in sorted(occurrences(alinea.text, opdracht.old), reverse=True):
                alinea.text = replace_span(
                    alinea.text, start, start + len(opdracht.old), opdracht.new
                )
                if not opdracht.telkens:
                    break


def _apply_invoegen(work: Werkversie, opdracht: WoordenInvoegen) -> None:
    for target in opdracht.targets:
        alineas = work.scope(target)
        if not opdracht.anchor:  # "Aan het tweede lid wordt toegevoegd …": at the end
            alineas[-1].text = append_words(alineas[-1].text, opdracht.text)
            continue
        hits = [(a, start) for a in alineas for start in occurrences(a.text, opdracht.anchor)]
        if not hits:
            raise ApplyError(f"«{opdracht.anchor}» komt niet voor in {_words_where(target)}")
        if len(hits) > 1:
            raise ApplyError(
                f"«{opdracht.anchor}» komt {len(hits)} keer voor in "
                f"{_words_where(target)}; na welke moet worden ingevoegd?"
            )
        alinea, start = hits[0]
        at = start if opdracht.before else start + len(opdracht.anchor)
        alinea.text = insert_words(alinea.text, at, opdracht.text, after=not opdracht.before)


# The first line of a new article in a block: "Artikel 273fa" (a number has a digit),
# optionally a title, which never ends in a full stop; "Artikel 251 is van
# overeenkomstige toepassing." is a sentence of the text, not a new article.
ARTICLE_HEADER = re.compile(r"^Artikel\s+(?=\S*\d)\S+(?:\s+[^\n]*[^.;:\s])?$")


def split_articles(block: str) -> list[str]:
    """The texts of the articles in a block after "luidende:"."""
    lines = block.strip("\n").split("\n")
    chunks: list[str] = []
    for index, line in enumerate(lines):
        if not chunks or (ARTICLE_HEADER.match(line) and index > 0 and not lines[index - 1]):
            chunks.append(line)
        else:
            chunks[-1] += "\n" + line
    return chunks


def _parse_articles(block: str) -> list[Node]:
    chunks = split_articles(block)
    nodes = []
    for chunk in chunks:
        if chunk.strip():
            try:
                artikel = parse(chunk.strip("\n") + "\n", source="<opdracht>", strict=False)
            except WetdiffError as error:
                raise ApplyError(f"de nieuwe tekst is niet te lezen: {error.what}") from None
            nodes.append(to_node(artikel))
    if not nodes:
        raise ApplyError("de nieuwe tekst ontbreekt")
    return nodes


def _apply_komt(work: Werkversie, opdracht: KomtTeLuiden) -> None:
    if opdracht.kind == "artikel":
        if len(opdracht.targets) != 1:
            raise ApplyError("meer dan één artikel tegelijk vervangen wordt niet ondersteund")
        old = opdracht.targets[0].artikel
        work.artikel(old)
        new_nodes = _parse_articles(opdracht.block)
        for node in new_nodes:
            if node.number != old and node.number in work.nodes:
                raise ApplyError(f"artikel {node.number} bestaat al")
        at = work.order.index(old)
        del work.nodes[old]
        work.order.pop(at)
        for offset, node in enumerate(new_nodes):
            work.nodes[node.number] = node
            work.order.insert(at + offset, node.number)
        return
    elements = [work.element(t) for t in opdracht.targets]
    parent = work.parent_of(opdracht.targets[0])
    new_nodes = _new_elements(opdracht.block, opdracht.kind)
    positions = sorted(_index(parent, e) for e in elements)
    parent.children[positions[0] : positions[-1] + 1] = new_nodes
    _check_unique(parent, opdracht.kind)


def _index(parent: Node, child: Node) -> int:
    for index, candidate in enumerate(parent.children):
        if candidate is child:
            return index
    raise ApplyError("element niet gevonden")


def _check_unique(parent: Node, kind: str) -> None:
    seen: set[str] = set()
    for child in parent.elements(kind):
        if child.nr in seen:
            raise ApplyError(
                f"daarna zijn er twee keer {_kind_words(kind)} {child.nr}; "
                "ontbreekt een vernummering?"
            )
        seen.add(child.nr)


def _renumber(parent: Node, kind: str, pairs: tuple[tuple[str, str], ...]) -> None:
    nodes = []
    for old, _new in pairs:
        found = [c for c in parent.elements(kind) if c.nr == cited(old)]
        if len(found) != 1:
            raise ApplyError(f"te vernummeren {_kind_words(kind)} {old} bestaat niet")
        nodes.append(found[0])
    for node, (_old, new) in zip(nodes, pairs, strict=True):
        bare = bare_number(node.number)
        node.number = new + node.number[len(bare) :]


def _apply_vervalt(work: Werkversie, opdracht: Vervalt) -> None:
    if not opdracht.targets[0].path:
        numbers = [t.artikel for t in opdracht.targets]
        if opdracht.through:
            first, last = (work.order.index(work.artikel(n).number) for n in numbers)
            if last < first:
                raise ApplyError(f"artikel {numbers[-1]} komt niet na artikel {numbers[0]}")
            numbers = work.order[first : last + 1]
        for number in numbers:
            node = work.artikel(number)
            node.children = [Node("alinea", text=VERVALLEN)]
        return
    elements = [work.element(t) for t in opdracht.targets]
    parent = work.parent_of(opdracht.targets[0])
    kind = opdracht.targets[0].path[-1].kind
    siblings = parent.elements(kind)
    tail = siblings[-len(elements) :] if elements else []
    trailing = len(tail) == len(elements) and all(
        a is b for a, b in zip(tail, elements, strict=True)
    )
    if opdracht.vernummering or trailing:
        for element in elements:
            parent.children.remove(element)
        if opdracht.vernummering:
            _renumber(parent, kind, opdracht.vernummering)
    else:
        for element in elements:
            element.children = [Node("alinea", text=VERVALLEN)]
    _check_unique(parent, kind)


def _apply_slot(work: Werkversie, opdracht: Slotleesteken) -> None:
    element = work.element(opdracht.target)
    alineas = element.alineas()
    if not alineas:
        raise ApplyError(f"{_words_where(opdracht.target)} heeft geen tekst")
    last = alineas[-1]
    if not last.text.endswith(opdracht.old):
        ending = last.text[-1:] or "niets"
        raise ApplyError(
            f"{_words_where(opdracht.target)} eindigt niet op "
            f"{punctuation_coming(opdracht.old) or '«' + opdracht.old + '»'} maar op "
            f"«{ending}»"
        )
    last.text = last.text[: len(last.text) - len(opdracht.old)] + opdracht.new


def _apply_element_invoegen(work: Werkversie, opdracht: ElementInvoegen) -> None:
    parent = work.element(opdracht.parent)
    if opdracht.slot is not None:
        _apply_slot(work, opdracht.slot)
    new_nodes = _new_elements(opdracht.block, opdracht.kind)
    siblings = parent.elements(opdracht.kind)
    if opdracht.after is not None:
        anchor = [c for c in siblings if c.nr == cited(opdracht.after)]
        if len(anchor) != 1:
            raise ApplyError(f"{_kind_words(opdracht.kind)} {opdracht.after} bestaat niet")
        at = _index(parent, anchor[0]) + 1
    elif opdracht.before is not None:
        anchor = [c for c in siblings if c.nr == cited(opdracht.before)]
        if len(anchor) != 1:
            raise ApplyError(f"{_kind_words(opdracht.kind)} {opdracht.before} bestaat niet")
        at = _index(parent, anchor[0])
    else:
        at = (_index(parent, siblings[-1]) + 1) if siblings else len(parent.children)
    if opdracht.vernummering:
        _renumber(parent, opdracht.kind, opdracht.vernummering)
    parent.children[at:at] = new_nodes
    _check_unique(parent, opdracht.kind)


def _apply_artikel_invoegen(work: Werkversie, opdracht: ArtikelInvoegen) -> None:
    nodes = _parse_articles(opdracht.block)
    anchor = opdracht.after if opdracht.after is not None else opdracht.before
    assert anchor is not None
    work.artikel(anchor)
    at = work.order.index(anchor) + (1 if opdracht.after is not None else 0)
    for node in nodes:
        if node.number in work.nodes and not _vervallen(work.nodes[node.number]):
            raise ApplyError(f"artikel {node.number} bestaat al")
    for offset, node in enumerate(nodes):
        if node.number in work.nodes:  # a repealed number taken again
            work.order.remove(node.number)
            at = work.order.index(anchor) + (1 if opdracht.after is not None else 0)
        work.nodes[node.number] = node
        work.order.insert(at + offset, node.number)


def _apply_aanduiding(work: Werkversie, opdracht: AanduidingPlaatsen) -> None:
    element = work.element(opdracht.target)
    kind = "lid" if element.kind == "artikel" else "onderdeel"
    if any(c.kind == kind for c in element.children):
        raise ApplyError(f"{_words_where(opdracht.target)} is al onderverdeeld")
    if not element.children:
        raise ApplyError(f"{_words_where(opdracht.target)} heeft geen tekst")
    element.children = [Node(kind, opdracht.aanduiding, children=element.children)]


def _apply_vernummeren(work: Werkversie, opdracht: ArtikelVernummeren) -> None:
    node = work.artikel(opdracht.old)
    if not is_valid_name(opdracht.new, ARTICLE):  # the new number names a file
        raise ApplyError(f"{opdracht.new!r} is geen artikelnummer")
    if opdracht.new in work.nodes:
        if not _vervallen(work.nodes[opdracht.new]):
            raise ApplyError(f"artikel {opdracht.new} bestaat al")
        work.order.remove(opdracht.new)  # a repealed number taken again
        del work.nodes[opdracht.new]
    node.number = opdracht.new
    at = work.order.index(opdracht.old)
    work.order[at] = opdracht.new
    work.nodes[opdracht.new] = work.nodes.pop(opdracht.old)


def _vervallen(node: Node) -> bool:
    return [c.kind for c in node.children] == ["alinea"] and node.children[0].text == VERVALLEN


#: How each kind of wijzigingsopdracht is carried out.
_APPLY: dict[type[Opdracht], Callable[[Werkversie, Any], None]] = {
    WoordenVervangen: _apply_vervangen,
    WoordenInvoegen: _apply_invoegen,
    KomtTeLuiden: _apply_komt,
    Vervalt: _apply_vervalt,
    Slotleesteken: _apply_slot,
    ElementInvoegen: _apply_element_invoegen,
    ArtikelInvoegen: _apply_artikel_invoegen,
    ArtikelVernummeren: _apply_vernummeren,
    AanduidingPlaatsen: _apply_aanduiding,
}


def apply_one(work: Werkversie, opdracht: Opdracht) -> None:
    carry_out = _APPLY.get(type(opdracht))
    if carry_out is None:
        raise ApplyError(f"onbekende opdracht {type(opdracht).__name__}")
    carry_out(work, opdracht)


def _touched(opdracht: Opdracht) -> set[str]:
    """The articles an instruction may change (so only those are saved beforehand)."""
    numbers: set[str] = set()
    for name in ("targets", "parent", "target", "slot"):
        value = getattr(opdracht, name, None)
        if isinstance(value, tuple):
            numbers |= {a.artikel for a in value}
        elif isinstance(value, Adres):
            numbers.add(value.artikel)
        elif isinstance(value, Slotleesteken):
            numbers.add(value.target.artikel)
    if isinstance(opdracht, ArtikelVernummeren):
        numbers.add(opdracht.old)
    return numbers


def _snapshot(work: Werkversie, opdracht: Opdracht) -> tuple[dict[str, Node], list[str]]:
    nodes = dict(work.nodes)
    for number in _touched(opdracht):
        if number in nodes:
            nodes[number] = copy.deepcopy(nodes[number])
    return nodes, list(work.order)


def apply_opdrachten(
    opdrachten: Wijzigingsopdrachten | tuple[Opdracht, ...],
    version: Version,
    *,
    label: str = "",
    rollback: bool = True,
) -> Applied:
    """Apply instructions in order. A failing instruction is recorded and leaves the
    text as it was (so one failure does not hide the next); the result says which.
    ``rollback=False`` skips saving the text before each instruction, for a proof that
    only needs to know whether every instruction applied."""
    if version.others and isinstance(opdrachten, Wijzigingsopdrachten):
        return _apply_per_regeling(opdrachten, version, label=label, rollback=rollback)
    items = opdrachten.opdrachten if isinstance(opdrachten, Wijzigingsopdrachten) else opdrachten
    work = Werkversie(version)
    before = {a.number: a for a in version.artikelen}
    failures: list[Failure] = []
    applied = 0
    for opdracht in items:
        nodes, order = _snapshot(work, opdracht) if rollback else (work.nodes, work.order)
        try:
            apply_one(work, opdracht)
            applied += 1
        except ApplyError as error:
            work.nodes, work.order = nodes, order
            failures.append(Failure(opdracht.label, opdracht.words, str(error), NOT_APPLICABLE))
    artikelen = tuple(to_artikel(work.nodes[nr]) for nr in work.order)
    changed = tuple(
        sorted(
            {a.number for a in artikelen if before.get(a.number) != a}
            | {nr for nr in before if nr not in work.nodes},
            key=article_sort_key,
        )
    )
    result = version.amended(
        label or f"{version.label} + wijzigingsopdrachten",
        f"{version.title}, gewijzigd door wijzigingsopdrachten",
        artikelen,
    )
    return Applied(result, tuple(failures), changed, applied)


def _apply_per_regeling(
    opdrachten: Wijzigingsopdrachten, version: Version, *, label: str, rollback: bool
) -> Applied:
    """A version of several regelingen (a proposal that amends several): each ARTIKEL's
    instructions carried out on the regeling it names (ARTIKEL II on the second), and an
    ARTIKEL that names a regeling the version does not hold reported, not applied."""
    parts = version.parts
    groups: list[list[Opdracht]] = [[] for _ in parts]
    failures: list[Failure] = []
    for index, artikel in enumerate(opdrachten.artikelen):
        items = [o for d in artikel.onderdelen for o in d.opdrachten]
        target = part_of(artikel.regeling, parts, index)
        if target is None:
            held = "; ".join(p.regeling or p.bwb_id for p in parts)
            failures += [
                Failure(
                    o.label,
                    o.words,
                    f"ARTIKEL {artikel.numeral} wijzigt {artikel.regeling}; deze versie "
                    f"bevat: {held}",
                    OUT_OF_SCOPE,
                )
                for o in items
            ]
            continue
        groups[target].extend(items)
    done = [
        apply_opdrachten(tuple(items), replace(part, others=()), label=label, rollback=rollback)
        for part, items in zip(parts, groups, strict=True)
    ]
    first, rest = done[0], tuple(done[1:])
    return Applied(
        replace(first.version, others=tuple(r.version for r in rest)),
        (*failures, *(f for r in done for f in r.failures)),
        first.changed,
        sum(r.applied for r in done),
        rest,
    )


def part_of(regeling: str, parts: tuple[Version, ...], index: int) -> int | None:
    """Which regeling of ``parts`` an ARTIKEL amends: the one its heading names ("Het
    Wetboek van Strafrecht wordt als volgt gewijzigd:"), else (no name, "deze wet") the
    one in its place (ARTIKEL II: the second); None for a name none of them has."""
    named = " ".join(regeling.split()).casefold()
    if named and named != "deze wet":
        for number, part in enumerate(parts):
            if named in {" ".join(part.regeling.split()).casefold(), part.bwb_id.casefold()}:
                return number
        return None
    return index if index < len(parts) else None


def same_text(a: Artikel | None, b: Artikel | None) -> bool:
    """Equal as the law reads: an article that is absent and one that reads
    "[Vervallen]" are the same state of the code."""

    def gone(x: Artikel | None) -> bool:
        return x is None or x.vervallen

    if gone(a) or gone(b):
        return gone(a) and gone(b)
    return a == b
