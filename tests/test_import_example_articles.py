"""The shipped law data of the worked example (``articles/BWBR0001854``): every article
of the Wetboek van Strafrecht with its dated versions, as wetdiff's importer wrote them
from the BWB XML (``benchmarks/build_example_articles.py`` regenerates them); the
trafficking article's versions with the dates and sources of the project's legal table
and nothing invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wetdiff.model.artikel import Onderdeel
from wetdiff.model.files import GAP, read_version
from wetdiff.model.text_format import parse, render

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
SR = ARTICLES / "BWBR0001854"
TRAFFICKING = sorted(SR.glob("273[af]/*.txt"))


@pytest.mark.parametrize("path", TRAFFICKING, ids=lambda p: p.relative_to(SR).as_posix())
def test_the_trafficking_article_files_parse_strictly_and_round_trip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert render(parse(text, source=str(path), strict=True)) == text


def test_every_article_file_of_the_code_round_trips_exactly() -> None:
    """The official data is the arbiter: numbering oddities (two leden 5 in art. 38) are
    kept as printed, and every file reads back to the same text."""
    files = sorted(SR.rglob("*.txt"))
    differing = [
        p.relative_to(SR).as_posix()
        for p in files
        if render(parse(text := p.read_text(encoding="utf-8"), source=str(p), strict=False)) != text
    ]
    assert not differing
    assert len(files) > 1000


def test_the_example_holds_the_whole_code() -> None:
    """Every article of the last capture (2014) is there, with the versions the
    importer found: the articles that cite 273f (5, 5a, 5b, 71, 77d) among them."""
    articles = {p.name for p in SR.iterdir() if p.is_dir()}
    assert len(articles) == 766
    assert {"1", "5", "5a", "5b", "71", "77d", "273f", "447a", "475"} <= articles
    assert "artikel 273f" in (SR / "5" / "2013-11-16.txt").read_text(encoding="utf-8")
    later = read_version(SR / "273a" / "2006-09-03.toml")
    assert later.artikel is not None and later.meta.certainty == "unverified"
    assert later.meta.renumbered_from == "", "the new 273a is another article, not 273f"


def test_the_versions_are_the_ones_of_the_legal_table() -> None:
    lineage = [
        p.relative_to(SR).as_posix()
        for p in SR.glob("273[af]/????-??-??.toml")
        if p.parent.name == "273f" or p.stem <= "2006-09-01"
    ]
    assert sorted(lineage) == [
        "273a/2005-01-01.toml",
        "273a/2006-09-01.toml",
        "273f/2006-09-01.toml",
        "273f/2009-07-01.toml",
        "273f/2013-04-01.toml",
        "273f/2013-11-15.toml",
    ]


# (version, leden, onderdelen per lid)
STRUCTURE = [
    ("273a/2005-01-01", 7, [9, 0, 2, 0, 0, 0, 0]),
    ("273f/2006-09-01", 7, [9, 0, 2, 0, 0, 0, 0]),
    ("273f/2009-07-01", 6, [9, 0, 2, 0, 0, 0]),
    ("273f/2013-04-01", 6, [9, 0, 2, 0, 0, 0]),
    ("273f/2013-11-15", 7, [9, 0, 3, 0, 0, 0, 0]),
]


@pytest.mark.parametrize(
    ("version", "leden", "onderdelen"), STRUCTURE, ids=[s[0] for s in STRUCTURE]
)
def test_structure_of_each_official_version(
    version: str, leden: int, onderdelen: list[int]
) -> None:
    artikel = read_version(SR / f"{version}.toml").artikel
    assert artikel is not None
    assert len(artikel.leden) == leden
    assert [sum(isinstance(b, Onderdeel) for b in lid.body) for lid in artikel.leden] == onderdelen


def test_renumbering_2006_kept_the_wording_and_is_recorded_at_both_ends() -> None:
    old = read_version(SR / "273a" / "2005-01-01.toml")
    new = read_version(SR / "273f" / "2006-09-01.toml")
    gone = read_version(SR / "273a" / "2006-09-01.toml")
    assert old.artikel is not None and new.artikel is not None
    assert old.artikel.body == new.artikel.body
    assert new.meta.renumbered_from == "273a"
    assert gone.artikel is None
    assert (gone.meta.status, gone.meta.renumbered_to) == ("vernummerd", "273f")
    assert not (SR / "273a" / "2006-09-01.txt").exists()


def test_wording_of_the_2009_and_2013_amendments() -> None:
    texts = {
        v: render(read_version(SR / f"{v}.toml").artikel)  # type: ignore[arg-type]
        for v in ("273f/2006-09-01", "273f/2009-07-01", "273f/2013-04-01", "273f/2013-11-15")
    }
    assert "ten hoogste zes jaren" in texts["273f/2006-09-01"]
    assert "ten hoogste acht jaren" in texts["273f/2009-07-01"]
    assert "ten hoogste twaalf jaren" in texts["273f/2013-04-01"]
    assert "levenslange gevangenisstraf" in texts["273f/2013-04-01"]
    assert "wisseling of overdracht van de controle" in texts["273f/2013-11-15"]
    assert "kwetsbare positie wordt mede begrepen" in texts["273f/2013-11-15"]


@pytest.mark.parametrize(
    ("version", "in_force", "certainty", "source_act", "kamerstuk"),
    [
        ("273a/2005-01-01", dt.date(2005, 1, 1), "official", "Stb. 2004, 645", "29 291"),
        ("273f/2006-09-01", dt.date(2006, 9, 1), "unverified", "Stb. 2006, 300", "26 671"),
        ("273f/2009-07-01", dt.date(2009, 7, 1), "unverified", GAP, "31 386"),
        ("273f/2013-04-01", dt.date(2013, 4, 1), "unverified", GAP, "33 185"),
        ("273f/2013-11-15", dt.date(2013, 11, 15), "unverified", "Stb. 2013, 444", "33 309"),
    ],
)
def test_metadata_follows_the_legal_table(
    version: str, in_force: dt.date, certainty: str, source_act: str, kamerstuk: str
) -> None:
    meta = read_version(SR / f"{version}.toml").meta
    assert (meta.in_force, meta.certainty, meta.source_act, meta.kamerstuk) == (
        in_force,
        certainty,
        source_act,
        kamerstuk,
    )
    assert meta.regeling == "Wetboek van Strafrecht" and meta.bwb_id == "BWBR0001854"
    assert meta.captured_from.startswith("BWBR0001854/") and meta.captured_from.endswith(".xml")
    if certainty == "unverified":
        assert meta.in_force_note


def test_unverified_dates_say_where_they_come_from() -> None:
    notes = {
        v: read_version(SR / f"{v}.toml").meta.in_force_note
        for v in ("273f/2009-07-01", "273f/2013-04-01")
    }
    assert "OM guideline" in notes["273f/2009-07-01"]
    assert "news report" in notes["273f/2013-04-01"]
