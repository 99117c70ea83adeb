"""Regenerate the worked example's law data (``articles/BWBR0001854/``: every article of
the Wetboek van Strafrecht with its dated history) from the official BWB XML, with
wetdiff's own importer.

    .venv/bin/python benchmarks/build_example_articles.py [CORPUS_DIR] [--check]

CORPUS_DIR holds the unpacked captures ``YYYY-MM-DD.xml`` of BWBR0001854 (default: the
``WETDIFF_CORPUS`` environment variable, else ``/tmp/corpus/BWBR0001854``). ``--check``
only compares what it would write with the files in ``articles/`` (exit 1 on a
difference), so CI or a reviewer can see that the shipped files are the importer's output.

Every article is what ``wetdiff import bwb`` over all the captures writes (the series
importer: per article only the versions that changed, dated by an official in-force note
or else by the capture date, ``certainty = "unverified"``). The trafficking article's
versions (273a until its renumbering, 273f) are the exception: their dates and sources
come from the authoritative table in the project's legal notes (``legal/README.md``, "The
versions of the trafficking article in the official history"); where that table marks a
date as unverified or a fact as a gap, so does the metadata. The number 273a, taken over
by another article in the same capture, keeps the importer's versions from then on.
Before writing, the script checks with the series importer that 273f changed in exactly
the captures the table names, so the table and the data cannot drift apart unnoticed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from wetdiff.importers.bwb import read_toestand
from wetdiff.importers.series import Series, import_series, write_files
from wetdiff.model.artikel import Artikel
from wetdiff.model.files import GAP, VersionMeta
from wetdiff.model.text_format import render

ROOT = Path(__file__).resolve().parent.parent
BWB_ID = "BWBR0001854"
REGELING = "Wetboek van Strafrecht"
OUT = ROOT / "articles" / BWB_ID


@dataclass(frozen=True)
class Entry:
    """One row of the table: which capture holds the text, and what is known of it."""

    artikel: str
    capture: str  # the capture file the text is imported from
    from_artikel: str  # the number the text has in that capture
    in_force: dt.date
    certainty: str
    in_force_note: str
    source_act: str
    kamerstuk: str
    source_note: str = ""
    renumbered_from: str = ""
    status: str = "geldend"
    renumbered_to: str = ""


COMPUTERCRIMINALITEIT_II = "Wet computercriminaliteit II"

TABLE = (
    Entry(
        "273a",
        "2005-01-04",
        "273a",
        dt.date(2005, 1, 1),
        "official",
        "the capture of 2004-12-11 notes 'Treedt in werking per 01-01-2005'",
        "Stb. 2004, 645",
        "29 291",
        "new article (mensenhandel); the old art. 250a was repealed",
    ),
    Entry(
        "273a",
        "2006-09-03",
        "273a",
        dt.date(2006, 9, 1),
        "unverified",
        "date unverified; 2006-09-03 is the first capture with the text as 273f",
        "Stb. 2006, 300",
        "26 671",
        f"{COMPUTERCRIMINALITEIT_II} renumbered this article to 273f. The number 273a "
        "went to a different provision (the new 273a-273e are largely the old arts. "
        "372-375), whose versions are in this folder from the 2006-09-03 capture on.",
        status="vernummerd",
        renumbered_to="273f",
    ),
    Entry(
        "273f",
        "2006-09-03",
        "273f",
        dt.date(2006, 9, 1),
        "unverified",
        "date unverified; 2006-09-03 is the first capture with the text as 273f",
        "Stb. 2006, 300",
        "26 671",
        f"renumbered 273a → 273f by the {COMPUTERCRIMINALITEIT_II}; wording identical",
        renumbered_from="273a",
    ),
    Entry(
        "273f",
        "2009-07-01",
        "273f",
        dt.date(2009, 7, 1),
        "unverified",
        "date per an OM guideline",
        GAP,
        "31 386",
        "made by Kamerstuk 31 386 through its nota van wijziging; the Staatsblad "
        "number is unknown (gap)",
    ),
    Entry(
        "273f",
        "2013-04-02",
        "273f",
        dt.date(2013, 4, 1),
        "unverified",
        "date per a news report",
        GAP,
        "33 185",
        "the Staatsblad number is unknown (gap)",
    ),
    Entry(
        "273f",
        "2013-11-16",
        "273f",
        dt.date(2013, 11, 15),
        "unverified",
        "date unverified; between the 2013-09-01 and 2013-11-16 captures",
        "Stb. 2013, 444",
        "33 309",
        "implementation of Directive 2011/36/EU",
    ),
)

# The captures in which the series importer must find a new wording of 273f.
EXPECTED_273F_CHANGES = ("2006-09-03", "2009-07-01", "2013-04-02", "2013-11-16")


def _corpus(argument: str | None) -> Path:
    folder = Path(argument or os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854"))
    if not (folder / "2013-11-16.xml").is_file():
        sys.exit(
            f"no BWBR0001854 captures in {folder} (unpack "
            "BWBR0001854-history.tar.xz and pass its folder)"
        )
    return folder


def import_whole_code(corpus: Path) -> Series:
    """Every article of every capture, as ``wetdiff import bwb`` reads them."""
    return import_series(sorted(corpus.glob("*.xml")), regeling=REGELING)


def check_against_series(series: Series) -> None:
    """The series importer, run over every capture, finds 273f's versions exactly where
    the table puts them, and 273f as the renumbered 273a."""
    found = [Path(v.meta.captured_from).stem for v in series.versions["273f"]]
    if tuple(found) != EXPECTED_273F_CHANGES:
        sys.exit(f"273f changed in captures {found}, the table says {EXPECTED_273F_CHANGES}")
    if series.versions["273f"][0].meta.renumbered_from != "273a":
        sys.exit("the series importer did not see 273f as the renumbered 273a")
    first = series.versions["273a"][0].meta
    if first.in_force != dt.date(2005, 1, 1) or first.certainty != "official":
        sys.exit(f"273a's first version is dated {first.in_force} ({first.certainty})")


def build(corpus: Path, series: Series) -> list[tuple[Path, str]]:
    """Every file of ``articles/BWBR0001854``: the importer's versions of every article,
    and the table's for the trafficking article."""
    # The table covers 273f entirely, and 273a until its renumbering (its last row).
    covered = {entry.artikel: entry.in_force for entry in TABLE}
    covered["273f"] = dt.date.max
    files: list[tuple[Path, str]] = []
    for number in series.numbers():
        for version in series.versions[number]:
            if version.meta.in_force <= covered.get(number, dt.date.min):
                continue
            stem = OUT / number / version.meta.in_force.isoformat()
            if version.artikel is not None:
                files.append((stem.with_suffix(".txt"), render(version.artikel)))
            files.append((stem.with_suffix(".toml"), version.meta.to_toml()))
    for entry in TABLE:
        artikel: Artikel | None = None
        if entry.status == "geldend":
            imported = read_toestand(
                corpus / f"{entry.capture}.xml", articles=(entry.from_artikel,)
            ).artikel(entry.from_artikel)
            if imported is None:
                sys.exit(f"artikel {entry.from_artikel} is not in {entry.capture}.xml")
            artikel = imported.artikel
        meta = VersionMeta(
            artikel=entry.artikel,
            in_force=entry.in_force,
            regeling=REGELING,
            bwb_id=BWB_ID,
            certainty=entry.certainty,
            in_force_note=entry.in_force_note,
            source_act=entry.source_act,
            kamerstuk=entry.kamerstuk,
            source_note=entry.source_note,
            captured_from=f"{BWB_ID}/{entry.capture}.xml",
            renumbered_from=entry.renumbered_from,
            renumbered_to=entry.renumbered_to,
            status=entry.status,
        )
        stem = OUT / entry.artikel / entry.in_force.isoformat()
        if artikel is not None:
            files.append((stem.with_suffix(".txt"), render(artikel)))
        files.append((stem.with_suffix(".toml"), meta.to_toml()))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", help="folder of BWBR0001854 captures")
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped files instead of writing"
    )
    args = parser.parse_args()
    corpus = _corpus(args.corpus)
    series = import_whole_code(corpus)
    check_against_series(series)
    files = build(corpus, series)
    if args.check:
        differing = [
            p for p, text in files if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        # notes.toml beside the versions holds the lawyers' notes, not imported text.
        shipped = {p for p in OUT.rglob("*") if p.is_file() and p.name != "notes.toml"}
        extra = sorted(shipped - {p for p, _ in files})
        for path in differing:
            print(f"differs from the importer's output: {path.relative_to(ROOT)}")
        for path in extra:
            print(f"not produced by the importer: {path.relative_to(ROOT)}")
        return 1 if differing or extra else 0
    written, unchanged = write_files(files, within=OUT, force=True)
    print(f"{written} file(s) written, {unchanged} unchanged, in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
