"""How often the lenient text import gives back the official article exactly.

    .venv/bin/python benchmarks/text_import_check.py [CAPTURE.xml]

Every article of one official version (default: the last capture of the Sr,
``$WETDIFF_CORPUS/2014-04-01.xml``) is turned into two shapes people paste — the
web-page copy (leden ``1`` without a dot, one line per provision) and a Word/PDF copy
(hard line breaks at 72 columns) — and read back with ``wetdiff import text``. The count
of exact round trips is printed, with the first differences.
"""

from __future__ import annotations

import difflib
import os
import sys
import textwrap
from collections import Counter
from pathlib import Path

from wetdiff.errors import WetdiffError
from wetdiff.importers.bwb import read_toestand
from wetdiff.importers.text import import_text
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid
from wetdiff.model.text_format import render


def _lines(block: Block, out: list[str], web: bool) -> None:
    if isinstance(block, Alinea):
        out.append(block.text)
        return
    first = block.body[0].text if block.body and isinstance(block.body[0], Alinea) else ""
    number = block.number.rstrip(".") if web and isinstance(block, Lid) else block.number
    out.append(f"{number} {first}".strip())
    for child in block.body[1:] if first else block.body:
        _lines(child, out, web)


def shapes(artikel: Artikel) -> dict[str, str]:
    result = {}
    for shape in ("web", "word"):
        paragraphs: list[str] = []
        for block in artikel.body:
            _lines(block, paragraphs, shape == "web")
        if shape == "word":
            paragraphs = [
                line for p in paragraphs for line in textwrap.wrap(p, 72, break_on_hyphens=False)
            ]
        result[shape] = f"Artikel {artikel.number}\n" + "\n".join(paragraphs) + "\n"
    return result


def main() -> int:
    corpus = Path(os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854"))
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else corpus / "2014-04-01.xml"
    counts: Counter[tuple[str, bool]] = Counter()
    shown = 0
    for imported in read_toestand(path).artikelen:
        expected = render(imported.artikel)
        for shape, text in shapes(imported.artikel).items():
            try:
                got = render(import_text(text, article=imported.artikel.number)[0])
            except WetdiffError as error:
                got = f"error: {error}\n"
            counts[(shape, got == expected)] += 1
            if got != expected and shown < 3:
                shown += 1
                print(f"--- {shape} artikel {imported.artikel.number}")
                print(
                    "".join(
                        list(
                            difflib.unified_diff(
                                expected.splitlines(True), got.splitlines(True), n=0
                            )
                        )[2:8]
                    )
                )
    for shape in ("web", "word"):
        ok, total = counts[(shape, True)], counts[(shape, True)] + counts[(shape, False)]
        print(
            f"{shape:5} {ok}/{total} articles exactly as the official text "
            f"({100 * ok / total:.1f}%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
