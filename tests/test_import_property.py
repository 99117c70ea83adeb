"""Property: any article written as official BWB XML — with the line wraps, inline
markup and editorial notes the real files have — imports back to exactly that article,
and the import round-trips through the canonical text form."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from wetdiff.importers.bwb import read_toestand
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.text_format import parse, render

_WORD = st.text(alphabet="abcdeèfghijklmnoprstuvwz[]/°„\"'&<>-€", min_size=1, max_size=7)
_TEXT = (
    st.lists(_WORD, min_size=1, max_size=7)
    .map(" ".join)
    .filter(lambda t: "vervallen" not in t.lower())
)

_STYLES = {
    "degree": lambda n: f"{n}°.",
    "masculine": lambda n: f"{n}º.",
    "ordinal-e": lambda n: f"{n}e.",
    "alpha": lambda n: f"{chr(96 + n)}.",
    "dash": lambda n: "\u2013",
}


@st.composite
def _onderdelen(draw: st.DrawFn, depth: int) -> list[Block]:
    style = draw(st.sampled_from(sorted(_STYLES)))
    items: list[Block] = []
    for n in range(1, draw(st.integers(1, 3)) + 1):
        body: list[Block] = [Alinea(draw(_TEXT))]
        if depth < 2 and draw(st.booleans()):
            body.extend(draw(_onderdelen(depth + 1)))
            if draw(st.booleans()):
                body.append(Alinea(draw(_TEXT)))
        items.append(Onderdeel(_STYLES[style](n), tuple(body)))
    return items


@st.composite
def _element_body(draw: st.DrawFn) -> list[Block]:
    body: list[Block] = [Alinea(draw(_TEXT))]
    if draw(st.booleans()):
        body.extend(draw(_onderdelen(1)))
        if draw(st.booleans()):
            body.append(Alinea(draw(_TEXT)))
    return body


@st.composite
def _artikelen(draw: st.DrawFn) -> Artikel:
    number = draw(st.sampled_from(["1", "9bis", "80quinquies", "273f", "273fa"]))
    if draw(st.booleans()):
        leden = [
            Lid(f"{n}.", tuple(draw(_element_body())))
            for n in range(1, draw(st.integers(1, 4)) + 1)
        ]
        return Artikel(number, tuple(leden))
    return Artikel(number, tuple(draw(_element_body())))


def _al(parent: etree._Element, text: str, data: st.DataObject) -> None:
    """An <al> holding ``text`` as the official files write it: hard-wrapped, a word in
    <nadruk>, an editorial note somewhere."""
    al = etree.SubElement(parent, "al")
    words = text.split(" ")
    marked = data.draw(st.integers(-1, len(words) - 1))
    note = data.draw(st.integers(-1, len(words) - 1))
    al.text = data.draw(st.sampled_from(["", " ", "\n      "]))
    last: etree._Element | None = None

    def add(chunk: str) -> None:
        if last is None:
            al.text = (al.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    for index, word in enumerate(words):
        if index:
            add(data.draw(st.sampled_from([" ", "\n        ", "  "])))
        if index == marked:
            last = etree.SubElement(al, "nadruk", type="vet")
            last.text = word
        else:
            add(word)
        if index == note:
            last = etree.SubElement(al, "redactie", type="extra")
            last.text = "Per 1 januari 2014: € 405."
            add(" ")


def _blocks(parent: etree._Element, body: tuple[Block, ...], data: st.DataObject) -> None:
    lijst = None
    for block in body:
        if isinstance(block, Alinea):
            _al(parent, block.text, data)
            lijst = None
        elif isinstance(block, Lid):
            lid = etree.SubElement(parent, "lid")
            etree.SubElement(lid, "lidnr").text = block.number.rstrip(".")
            _blocks(lid, block.body, data)
        else:
            if lijst is None:
                lijst = etree.SubElement(parent, "lijst")
            li = etree.SubElement(lijst, "li")
            etree.SubElement(li, "li.nr").text = block.number
            _blocks(li, block.body, data)


@settings(max_examples=60, deadline=None)
@given(_artikelen(), st.data())
def test_any_article_in_bwb_xml_imports_back_exactly(artikel: Artikel, data: st.DataObject) -> None:
    root = etree.Element("wetgeving", {"bwb-id": "BWBR0001854"})
    wettekst = etree.SubElement(etree.SubElement(root, "wet-besluit"), "wettekst")
    element = etree.SubElement(wettekst, "artikel", status="goed")
    kop = etree.SubElement(element, "kop")
    etree.SubElement(kop, "label").text = "Artikel"
    etree.SubElement(kop, "nr").text = artikel.number
    _blocks(element, artikel.body, data)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    imported = read_toestand(Path("2014-01-03.xml"), data=xml).artikel(artikel.number)
    assert imported is not None
    assert imported.artikel == artikel
    text = render(imported.artikel)
    assert parse(text, strict=False) == artikel
    assert render(parse(text, strict=False)) == text
