"""A working copy of an article that instructions can change, and the word rules they use.

The statute model is immutable; applying a set of instructions is a sequence of edits
where each one sees the text as the previous ones left it ("het derde lid (nieuw)"). So
the applier converts an :class:`Artikel` into :class:`Node` s, edits those, and converts
back.

Quoted words are found as whole tokens ("acht" is not found inside "achttien"), with
curly and straight quotes alike. Removing or inserting words repairs the spacing the way
a drafter expects: «en 273f» removed from "250 en 273f, voor zover" gives "250, voor
zover".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetdiff.instructions.address import Adres
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.numbering import bare_number
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "«": '"',
        "»": '"',
    }
)
_WORD = re.compile(r"\w")
_CLOSING = ",.;:)]"


@dataclass(slots=True)
class Node:
    """An element being edited: ``kind`` is "artikel", "lid", "onderdeel" or "alinea"."""

    kind: str
    number: str = ""
    text: str = ""
    children: list[Node] = field(default_factory=list)
    title: str = ""

    @property
    def nr(self) -> str:
        return cited(self.number)

    def alineas(self) -> list[Node]:
        """Every paragraph of text in this element, in reading order."""
        if self.kind == "alinea":
            return [self]
        return [a for child in self.children for a in child.alineas()]

    def elements(self, kind: str) -> list[Node]:
        return [c for c in self.children if c.kind == kind]


def cited(number: str) -> str:
    """A number as cited and compared: "3°." → "3°", "1º" → "1°", "B." → "b"."""
    return bare_number(number).lower()


def to_node(artikel: Artikel) -> Node:
    return Node(
        "artikel",
        artikel.number,
        children=[_block_node(b) for b in artikel.body],
        title=artikel.title,
    )


def _block_node(block: Block) -> Node:
    if isinstance(block, Alinea):
        return Node("alinea", text=block.text)
    kind = "lid" if isinstance(block, Lid) else "onderdeel"
    return Node(kind, block.number, children=[_block_node(b) for b in block.body])


def to_artikel(node: Node) -> Artikel:
    return Artikel(node.number, tuple(_node_block(c) for c in node.children), node.title)


def _node_block(node: Node) -> Block:
    if node.kind == "alinea":
        return Alinea(node.text)
    body = tuple(_node_block(c) for c in node.children)
    return Lid(node.number, body) if node.kind == "lid" else Onderdeel(node.number, body)


def block_nodes(block: str, kind: str) -> list[Node]:
    """Parse the text after "luidende:" / "komt te luiden:" (canonical form, relative to
    the element) into the new elements. ``kind`` is "lid" or "onderdeel"."""
    lines = block.split("\n")
    if kind == "onderdeel":
        lines = [("    " + line) if line.strip() else "" for line in lines]
    artikel = parse("Artikel x\n\n" + "\n".join(lines) + "\n", source="<opdracht>", strict=False)
    return [_block_node(b) for b in artikel.body]


class ApplyError(Exception):
    """Why one instruction cannot be applied (in Dutch, for the lawyer)."""


class Werkversie:
    """The articles being amended, as editable trees: the working copy the applier
    edits instruction by instruction, and the generator checks each instruction against
    as it chooses the next one."""

    def __init__(self, version: Version) -> None:
        self.nodes: dict[str, Node] = {a.number: to_node(a) for a in version.artikelen}
        self.order: list[str] = [a.number for a in version.artikelen]

    def artikel(self, nr: str) -> Node:
        node = self.nodes.get(nr)
        if node is None:
            raise ApplyError(f"artikel {nr} bestaat niet in deze versie")
        return node

    def element(self, adres: Adres) -> Node:
        node = self.artikel(adres.artikel)
        where = f"artikel {adres.artikel}"
        for stap in adres.path:
            found = [c for c in node.children if c.kind == stap.kind and c.nr == cited(stap.nr)]
            name = f"{'lid' if stap.kind == 'lid' else 'onderdeel'} {stap.nr}"
            if not found:
                raise ApplyError(f"{where} heeft geen {name}")
            if len(found) > 1:
                raise ApplyError(f"{where} heeft meer dan één {name}")
            node = found[0]
            where += f", {name}"
        return node

    def scope(self, adres: Adres) -> list[Node]:
        """The paragraphs an instruction addressed to ``adres`` may change."""
        node = self.element(adres)
        if not adres.deel:
            return node.alineas()
        kinds = [c.kind for c in node.children]
        if "onderdeel" not in kinds:
            raise ApplyError(
                f"{adres.phrase(relative=False)} heeft geen opsomming, dus geen {adres.deel}"
            )
        first = kinds.index("onderdeel")
        last = len(kinds) - 1 - kinds[::-1].index("onderdeel")
        picked = node.children[:first] if adres.deel == "aanhef" else node.children[last + 1 :]
        alineas = [c for c in picked if c.kind == "alinea"]
        if not alineas:
            raise ApplyError(f"{adres.phrase(relative=False)} heeft geen {adres.deel}")
        return alineas

    def parent_of(self, adres: Adres) -> Node:
        return self.element(adres.parent) if adres.path else self.artikel(adres.artikel)


# --- words --------------------------------------------------------------------------


def fold(text: str) -> str:
    """Compare form of a fragment: quote shapes alike (same length as the text)."""
    return text.translate(_QUOTES)


def occurrences(text: str, fragment: str) -> list[int]:
    """Starts of ``fragment`` in ``text`` as whole tokens: a word is never found inside
    another word ("acht" in "achttien")."""
    if not fragment:
        return []
    haystack, needle = fold(text), fold(fragment)
    found = []
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        left_ok = start == 0 or not (_WORD.match(haystack[start - 1]) and _WORD.match(needle[0]))
        right_ok = end == len(haystack) or not (
            _WORD.match(haystack[end]) and _WORD.match(needle[-1])
        )
        if left_ok and right_ok:
            found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def substring_count(texts: list[str], fragment: str) -> int:
    """How often a reader finds the fragment at all, also inside other words."""
    needle = fold(fragment)
    total = 0
    for text in texts:
        haystack = fold(text)
        start = haystack.find(needle)
        while start >= 0:
            total += 1
            start = haystack.find(needle, start + 1)
    return total


def replace_span(text: str, start: int, end: int, new: str) -> str:
    """Replace ``text[start:end]``; with ``new == ""`` the words are removed and the
    spacing around them repaired."""
    if new:
        return text[:start] + new + text[end:]
    left, right = text[:start], text[end:]
    if left.endswith(" ") and (not right or right[0] == " " or right[0] in _CLOSING):
        left = left[:-1]
    elif right.startswith(" ") and (not left or left[-1] in "(["):
        right = right[1:]
    return left + right


def insert_words(text: str, at: int, words: str, *, after: bool) -> str:
    """Insert words after (or before) an anchor that ends (or starts) at ``at``."""
    if after:
        sep = "" if words[0] in _CLOSING else " "
        return text[:at] + sep + words + text[at:]
    if at == 0:
        return words + " " + text
    sep = "" if words[-1] in "([" else " "
    return text[:at] + words + sep + text[at:]


def append_words(text: str, words: str) -> str:
    """Words added at the end of an element ("toegevoegd", Ar 6.11). Words that are not
    a sentence of their own go before the full stop that closes the element's last
    sentence ("… activiteiten." + «en uitbuiting …» → "… activiteiten en uitbuiting
    ….", Ar 6.11 toelichting); a sentence, or words after a list item's semicolon
    («en» after "…;"), come after all existing text."""
    if not text:
        return words
    if text.endswith(".") and not words.endswith((".", "?", "!")):
        body = text[:-1]
        sep = "" if words[0] in _CLOSING else " "
        return body + sep + words + "."
    sep = "" if words[0] in _CLOSING else " "
    return text + sep + words
