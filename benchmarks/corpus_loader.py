"""A minimal loader of the official BWB XML, for benchmarks and dev checks only.

The real importer is :mod:`wetdiff.importers.bwb` (when present it is used instead). This
one reads just enough of ``bwb-plus-meta`` to build :class:`Artikel` values: articles,
leden, lists and alinea's; editorial notes (``<redactie>``) are dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from lxml import etree

from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.files import ArticleVersion, VersionMeta, write_version
from wetdiff.model.normalise import clean
from wetdiff.model.text_format import render


def corpus_option(parser: argparse.ArgumentParser) -> None:
    """``--corpus DIR``: the unpacked corpus (``$WETDIFF_CORPUS``, else
    ``/tmp/corpus/BWBR0001854``)."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")),
    )


_SKIP = {"kop", "redactie", "meta-data", "lidnr", "li.nr", "tussenkop"}


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter():
        if node.tag == "redactie":
            continue
        if node is element or node.getparent().tag != "redactie":
            parts.append(node.text or "")
        if node is not element:
            parts.append(node.tail or "")
    return clean("".join(parts))


def _body(element: etree._Element) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == "lid":
            nr = (child.findtext("lidnr") or "").strip()
            number = nr if nr.endswith(".") or not nr else nr + "."
            blocks.append(Lid(number, _body(child)))
        elif tag == "lijst":
            for li in child.iter("li"):
                if li.getparent() is not child:
                    continue
                number = (li.findtext("li.nr") or "\u2013").strip()
                blocks.append(Onderdeel(number, _body(li)))
        elif tag == "al":
            text = _text(child)
            if text:
                blocks.append(Alinea(text))
        elif len(child):
            blocks.extend(_body(child))
    return tuple(blocks)


def load_xml(path: Path) -> list[Artikel]:
    """The articles of one consolidated version, in document order (first of a number)."""
    tree = etree.parse(
        str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    )
    artikelen: list[Artikel] = []
    seen: set[str] = set()
    for element in tree.iter("artikel"):
        number = (element.findtext("kop/nr") or "").strip()
        if not number or number in seen:
            continue
        seen.add(number)
        body = _body(element) or (Alinea("[Vervallen]"),)
        artikelen.append(Artikel(number, body))
    return artikelen


def load(path: Path) -> list[Artikel]:
    """Articles of a version: through the project's importer when it exists."""
    try:
        from wetdiff.importers.bwb import read_toestand
    except ImportError:
        return load_xml(path)
    return [imported.artikel for imported in read_toestand(path).artikelen]


def write_official(
    artikelen: list[Artikel], folder: Path, in_force: dt.date, bwb_id: str = "BWBR0001854"
) -> None:
    """Write a version as the law is kept on disk: a folder per article holding
    ``<in-force-date>.txt`` and its ``.toml`` metadata. wetdiff reads such a folder as
    official data (numbering oddities of the source are warnings, not errors, as they
    are for loose article files a lawyer wrote)."""
    for artikel in artikelen:
        meta = VersionMeta(artikel.number, in_force, bwb_id=bwb_id)
        write_version(folder / artikel.number, ArticleVersion(meta, artikel))


def export(xml: Path, folder: Path) -> int:
    """Write each article of a version as ``folder/<nr>.txt`` (a folder version)."""
    folder.mkdir(parents=True, exist_ok=True)
    artikelen = load(xml)
    for artikel in artikelen:
        (folder / f"{artikel.number}.txt").write_text(render(artikel), encoding="utf-8")
    return len(artikelen)


if __name__ == "__main__":
    print(export(Path(sys.argv[1]), Path(sys.argv[2])))
