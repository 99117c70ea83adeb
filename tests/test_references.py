"""The references in statute text, resolved to the provisions they cite, and the list of
provisions that still cite an article after it moved (the consequential amendments)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetdiff.importers.bwb import read_toestand
from wetdiff.model.artikel import Alinea, Artikel, Locatie
from wetdiff.model.numbering import ORDINAL_VALUES
from wetdiff.model.references import _ORD_ONLY, citing, extract_references

SERIES = Path(__file__).parent / "fixtures" / "bwb" / "series"
HERE = Locatie("273f", "4")


def _targets(text: str, where: Locatie = HERE) -> list[tuple[str, str, bool]]:
    return [(r.text, r.target.key, r.relative) for r in extract_references(text, where)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artikel 251 is van overeenkomstige toepassing.", [("Artikel 251", "251", False)]),
        ("de artikelen 240b en 248a", [("artikelen 240b", "240b", False), ("248a", "248a", False)]),
        ("de feiten, omschreven in het eerste lid", [("het eerste lid", "273f/1", True)]),
        (
            "de omstandigheid, bedoeld in het derde lid, onder 2°, ",
            [("het derde lid, onder 2°", "273f/3/2°", True)],
        ),
        ("met een van de onder 1° genoemde middelen", [("onder 1°", "273f/4/1°", True)]),
        ("bedoeld in artikel 273f, eerste lid", [("artikel 273f, eerste lid", "273f/1", False)]),
        (
            "bedoeld in artikel 273f, eerste lid, onder 3°",
            [("artikel 273f, eerste lid, onder 3°", "273f/1/3°", False)],
        ),
        ("de in onderdeel a bedoelde persoon", [("onderdeel a", "273f/4/a", True)]),
        (
            "het eerste en tweede lid",
            [
                ("het eerste en tweede lid", "273f/1", True),
                ("het eerste en tweede lid", "273f/2", True),
            ],
        ),
        ("in lid 2a bedoeld", [("lid 2a", "273f/2a", True)]),
        ("het vorige lid", [("het vorige lid", "273f/3", True)]),
        ("artikel 80quinquies", [("artikel 80quinquies", "80quinquies", False)]),
    ],
)
def test_citations_are_found_and_resolved(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert _targets(text) == expected


def test_further_leden_and_sentences_of_the_same_article() -> None:
    text = "De artikelen 38, eerste lid, laatste volzin, tweede en vierde lid, en 38a zijn"
    assert [key for _, key, _ in _targets(text)] == ["38/1", "38/2", "38/4", "38a"]
    assert [key for _, key, _ in _targets("de artikelen 366, 373, laatste lid, 402")] == [
        "366",
        "373",
        "402",
    ]


def test_the_code_naming_itself_is_not_an_external_citation() -> None:
    text = "de artikelen 285b en 395 van het Wetboek van Strafrecht"
    assert _targets(text) == []
    found = extract_references(text, HERE, regeling="Wetboek van Strafrecht")
    assert [r.target.key for r in found] == ["285b", "395"]


def test_offsets_point_at_the_cited_words() -> None:
    text = "De feiten, omschreven in het derde lid, onder 2°, worden gestraft."
    (reference,) = extract_references(text, HERE)
    assert text[reference.start : reference.end] == reference.text == "het derde lid, onder 2°"


def test_a_list_of_articles_with_leden_gives_one_reference_each() -> None:
    targets = [
        key for _, key, _ in _targets("de artikelen 108, eerste lid, 109, 110 en 115, eerste lid")
    ]
    assert targets == ["108/1", "109", "110", "115/1"]


def test_a_range_of_onderdelen_cites_those_in_between() -> None:
    assert [key for _, key, _ in _targets("de onder 1° tot en met 3° genoemde")] == [
        "273f/4/1°",
        "273f/4/2°",
        "273f/4/3°",
    ]
    assert [key for _, key, _ in _targets("onder a tot en met c")] == [
        "273f/4/a",
        "273f/4/b",
        "273f/4/c",
    ]


def test_a_range_of_articles_cites_those_in_between() -> None:
    targets = sorted(key for _, key, _ in _targets("de artikelen 300-303"))
    assert targets == ["300", "301", "302", "303"]


@pytest.mark.parametrize(
    "text",
    [
        "onder andere de ander",
        "de eerste categorie",
        "van ten hoogste zes jaren",
        "artikel 67 van het Wetboek van Strafvordering",
        "artikel 67, eerste lid, Sv",
    ],
)
def test_words_that_are_not_citations_of_this_code(text: str) -> None:
    assert _targets(text) == []


def test_external_citations_on_request() -> None:
    found = extract_references(
        "artikel 67 van het Wetboek van Strafvordering", HERE, include_external=True
    )
    assert [r.target.key for r in found] == ["67"]


def test_relative_citation_in_an_article_without_leden() -> None:
    assert _targets("de onder a genoemde", Locatie("4", None, ("2°",))) == [
        ("onder a", "4/-/a", True)
    ]


def _articles(capture: str) -> tuple[list[Artikel], list[object]]:
    toestand = read_toestand(SERIES / f"{capture}.xml")
    return (
        [a.artikel for a in toestand.artikelen],
        [link for a in toestand.artikelen for link in a.links],
    )


def test_after_a_renumbering_the_stale_citations_are_listed() -> None:
    """2006: 273a became 273f, and art. 5 still cited 273a; 2007 corrected it."""
    artikelen, links = _articles("2006-09-03")
    stale = citing(artikelen, "273a")
    assert [(c.locatie.key, c.reference.text) for c in stale] == [("5", "273a")]
    assert citing(artikelen, "273f") == []
    corrected, _ = _articles("2007-05-09")
    assert [c.locatie.artikel for c in citing(corrected, "273f")] == ["5"]
    assert citing(corrected, "273a") == []
    assert links  # the importer returned the intref links too


def test_intref_links_add_citations_the_words_do_not_show() -> None:
    artikelen, links = _articles("2006-09-03")
    # Without the words (a text that only the link marks), the link still counts.
    wordless = [Artikel("5", (Alinea("Zie daar."),))]
    found = citing(wordless, "273a", links=links)
    assert [(c.locatie.key, c.source) for c in found] == [("5", "intref")]
    # With the words, the link adds nothing twice.
    assert [c.source for c in citing(artikelen, "273a", links=links)] == ["text"]


def test_citations_of_a_lid() -> None:
    artikel = Artikel(
        "9", (Alinea("Bedoeld in artikel 273f, derde lid, onder 2°, en artikel 273f, vierde lid."),)
    )
    assert [c.reference.target.key for c in citing([artikel], Locatie("273f", "3"))] == [
        "273f/3/2°"
    ]
    assert len(citing([artikel], "273f")) == 2
    assert citing([artikel], Locatie("273f", "3", ("1°",))) == []


def test_citations_inside_the_article_itself_on_request() -> None:
    artikelen, _ = _articles("2007-05-09")
    own = citing(artikelen, Locatie("273f", "1"), same_article=True)
    # "onder 1°" in the first lid, and "het eerste lid, onder 2°" in the second
    assert {(c.locatie.key, c.reference.target.key) for c in own} == {
        ("273f/1/2°", "273f/1/1°"),
        ("273f/2", "273f/1/2°"),
    }
    assert citing(artikelen, Locatie("273f", "1")) == []


_ORDINAL_PARTS = st.sampled_from(
    [
        *("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "en", "ën"),
        *("twin", "der", "veer", "tach", "tig", "ste", "tiende", "de", "eerste", "elf", "twaalf"),
        *("E", "Ë", " ", "lid", "t"),
    ]
)


@settings(max_examples=400)
@given(st.lists(_ORDINAL_PARTS, max_size=6).map("".join))
def test_ordinal_pattern_matches_exactly_the_ordinal_words(text: str) -> None:
    """The compact ordinal pattern means what an alternation of all 99 words means."""
    every_word = re.compile("|".join(sorted(ORDINAL_VALUES, key=len, reverse=True)), re.IGNORECASE)
    assert bool(_ORD_ONLY.fullmatch(text)) == bool(every_word.fullmatch(text))
    found = _ORD_ONLY.search(text)
    expected = every_word.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_every_ordinal_word_is_an_ordinal() -> None:
    for word, value in ORDINAL_VALUES.items():
        assert _ORD_ONLY.fullmatch(word) and _ORD_ONLY.fullmatch(word.upper()), word
        assert _targets(f"het {word} lid") == [(f"het {word} lid", f"273f/{value}", True)]


def test_key_words_in_any_case_are_found() -> None:
    """The quick key-word test before each search must not lose a citation in capitals,
    nor one with a letter that matches only when case is ignored (Turkish İ)."""
    assert _targets("ZIE HET EERSTE LID") == [("HET EERSTE LID", "273f/1", True)]
    assert _targets("het eerste LİD") == [("het eerste LİD", "273f/1", True)]


_CITATION_PARTS = st.sampled_from(
    [
        *("het ", "de ", "Het ", "HET ", "eerste ", "Tweede ", "DERDE ", "vierde", "en ", "of "),
        *("tot en met ", "lid", "leden", "Lid ", "LEDEN", "vorige ", "voorgaande ", "onder ", "1°"),
        *("a", "b", ", ", ". ", "artikel ", "Artikel ", "273f", "248a ", "sub ", "onderdeel "),
        *("lid 2", " ", "zevenentwintigste ", "negentiende "),
    ]
)


@settings(max_examples=300)
@given(st.lists(_CITATION_PARTS, max_size=14).map("".join))
def test_citations_are_found_alike_in_any_case(text: str) -> None:
    """The case-blind searches run on the lower-case text (faster) unless the text has a
    letter that only matches when case is ignored (long s, U+017F); both ways find the
    same."""
    plain = [(r.text, r.start, r.target.key, r.relative) for r in extract_references(text, HERE)]
    odd = [
        (r.text, r.start - 2, r.target.key, r.relative)
        for r in extract_references("\u017f " + text, HERE)
    ]
    assert plain == odd
