"""Importing the official BWB XML: both formats, the oddities of the official data, and
hostile or damaged files (one message, exit 2, nothing written)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wetdiff.errors import WetdiffError
from wetdiff.importers.bwb import ImportedArtikel, parse_link_target, read_toestand
from wetdiff.model.artikel import VERVALLEN, Alinea, Lid, Locatie, Onderdeel
from wetdiff.model.text_format import parse, render

BWB = Path(__file__).parent / "fixtures" / "bwb"
PLUS_META = BWB / "plus_meta.xml"
TOESTAND = BWB / "toestand.xml"
HOSTILE = sorted((BWB / "hostile").glob("*.xml"))


def _artikel(path: Path, number: str) -> ImportedArtikel:
    imported = read_toestand(path).artikel(number)
    assert imported is not None, number
    return imported


def test_plus_meta_article_with_leden_numbers_them_as_printed_with_a_dot() -> None:
    artikel = _artikel(PLUS_META, "1").artikel
    assert [lid.number for lid in artikel.leden] == ["1.", "2."]
    assert artikel.leden[0].body == (
        Alinea(
            "Geen feit is strafbaar dan uit kracht van een "
            "daaraan voorafgegane wettelijke strafbepaling."
        ),
    )


def test_article_without_leden_has_its_aanhef_and_onderdelen_in_its_body() -> None:
    artikel = _artikel(PLUS_META, "4").artikel
    assert artikel.leden == ()
    assert isinstance(artikel.body[0], Alinea)
    assert all(isinstance(b, Onderdeel) for b in artikel.body[1:])
    assert [b.number for b in artikel.body[1:] if isinstance(b, Onderdeel)] == ["1°.", "2°.", "3°."]


def test_nested_list_becomes_subonderdelen_with_a_closing_alinea() -> None:
    second = _artikel(PLUS_META, "4").artikel.body[2]
    assert isinstance(second, Onderdeel)
    subs = [b for b in second.body if isinstance(b, Onderdeel)]
    assert [s.number for s in subs] == ["a.", "b.", "c."]
    assert second.body[-1] == Alinea("voor zover gepleegd tegen de staat;")


def test_inline_links_keep_their_words_in_the_text() -> None:
    first = _artikel(PLUS_META, "4").artikel.body[1]
    assert isinstance(first, Onderdeel)
    assert first.body[0] == Alinea("aan een der misdrijven omschreven in de artikelen 92-96;")


@pytest.mark.parametrize(
    ("number", "tokens"),
    [
        ("138", ["1º.", "2º."]),
        ("438", ["1e.", "2e."]),
    ],
)
def test_official_numbering_styles_are_kept_as_printed(number: str, tokens: list[str]) -> None:
    artikel = _artikel(PLUS_META, number).artikel
    onderdelen = [p.number for p in artikel.provisions() if p.kind == "onderdeel"]
    assert onderdelen[:2] == tokens


def test_dash_items_import_without_a_duplicate_warning() -> None:
    toestand = read_toestand(PLUS_META)
    artikel = toestand.artikel("138")
    assert artikel is not None
    assert [p.number for p in artikel.artikel.provisions()][-2:] == ["\u2013", "\u2013"]
    assert not [w for w in toestand.warnings if "138" in w.message]


def test_bis_suffix_article_imports_and_bracketed_text_stays_literal() -> None:
    artikel = _artikel(PLUS_META, "9bis").artikel
    assert artikel.number == "9bis"
    text = render(artikel)
    assert "op [bold] en op verkeersovertredingen." in text
    assert parse(text) == artikel


def test_redactie_is_metadata_never_statute_text() -> None:
    imported = _artikel(PLUS_META, "23")
    text = render(imported.artikel)
    assert "Per 1 januari" not in text
    assert "de eerste categorie, € 335;" in text  # the note stood before the ';'
    assert [r.text for r in imported.redacties][:2] == [
        "Per 1 januari 2008: € 370.",
        "Per 1 januari 2008: € 3 700.",
    ]


def test_treedt_in_werking_note_dates_the_article() -> None:
    imported = _artikel(PLUS_META, "273a")
    assert imported.in_force == dt.date(2005, 1, 1)
    assert "Treedt in werking" not in render(imported.artikel)


def test_vervallen_note_makes_the_lid_and_onderdeel_vervallen() -> None:
    lid = _artikel(PLUS_META, "23").artikel.leden[1]
    assert lid.vervallen
    sub = _artikel(PLUS_META, "4").artikel.body[2]
    assert isinstance(sub, Onderdeel)
    b = sub.body[2]
    assert isinstance(b, Onderdeel) and b.number == "b." and b.vervallen


def test_lid_not_yet_in_force_has_no_text_and_a_warning() -> None:
    toestand = read_toestand(PLUS_META)
    lid = toestand.artikel("23").artikel.leden[2]  # type: ignore[union-attr]
    assert lid == Lid("3.", ())
    assert any(w.kind == "not-in-force" and "derde lid" in w.message for w in toestand.warnings)


def test_numbering_gap_in_official_data_is_a_warning_not_an_error() -> None:
    toestand = read_toestand(PLUS_META)
    assert [lid.number for lid in toestand.artikel("76").artikel.leden] == ["1.", "3."]  # type: ignore[union-attr]
    gap = [w for w in toestand.warnings if w.kind == "numbering"]
    assert len(gap) == 1 and "'3.' follows '1.'" in gap[0].message
    assert gap[0].where.endswith(":80")


def test_intref_targets_are_returned_with_the_provision_that_holds_them() -> None:
    imported = _artikel(PLUS_META, "273a")
    (link,) = imported.links
    assert link.text == "Artikel 251"
    assert link.target == Locatie("251")
    assert link.at == Locatie("273a", "3")


def test_every_imported_article_round_trips_through_the_canonical_form() -> None:
    for path in (PLUS_META, TOESTAND):
        for imported in read_toestand(path).artikelen:
            text = render(imported.artikel)
            assert parse(text, strict=False) == imported.artikel, imported.artikel.number
            assert render(parse(text, strict=False)) == text


def test_toestand_format_uses_citeertitel_and_inwerking_and_skips_meta_data() -> None:
    toestand = read_toestand(TOESTAND)
    assert toestand.format == "toestand"
    assert toestand.title == "Wetboek van Strafrecht"
    assert toestand.consolidation_date == dt.date(2013, 11, 15)
    imported = toestand.artikel("273f")
    assert imported is not None
    assert imported.in_force == dt.date(2013, 11, 15)
    text = render(imported.artikel)
    assert "jci" not in text and "verwijzing" not in text
    assert [lid.number for lid in imported.artikel.leden] == ["1.", "2."]
    assert [p.number for p in imported.artikel.provisions()][1:3] == ["1°.", "2°."]


def test_toestand_vervallen_article_reads_as_vervallen() -> None:
    imported = _artikel(TOESTAND, "273a")
    assert imported.artikel.vervallen
    assert render(imported.artikel) == f"Artikel 273a\n\n{VERVALLEN}\n"


def test_extref_is_an_external_link() -> None:
    links = _artikel(TOESTAND, "273f").links
    assert [(link.bwb_id, link.external) for link in links] == [
        ("BWBR0001854", False),
        ("BWBR0001903", True),
    ]


def test_only_the_asked_articles_are_converted() -> None:
    toestand = read_toestand(PLUS_META, articles=["273a", "9bis"])
    assert [a.artikel.number for a in toestand.artikelen] == ["9bis", "273a"]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("1.0:v:BWBR0001854&artikel=251", ("BWBR0001854", Locatie("251"))),
        (
            "jci1.3:c:BWBR0001854&artikel=273f&lid=1&z=2013-11-15",
            ("BWBR0001854", Locatie("273f", "1")),
        ),
        ("jci1.3:c:BWBR0001903", ("BWBR0001903", None)),
        ("nothing", ("", None)),
    ],
)
def test_link_targets_are_read_from_the_doc_attribute(
    doc: str, expected: tuple[str, Locatie | None]
) -> None:
    assert parse_link_target(doc) == expected


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_or_damaged_xml_is_one_clear_error_with_file_and_line(path: Path) -> None:
    with pytest.raises(WetdiffError) as caught:
        read_toestand(path)
    error = caught.value
    assert error.file == str(path)
    if path.name != "not_bwb.xml":
        assert error.line is not None
    assert "root:" not in str(error)  # never the content of /etc/passwd


def test_entity_declarations_are_refused_before_parsing() -> None:
    with pytest.raises(WetdiffError, match="entities"):
        read_toestand(BWB / "hostile" / "external_entity.xml")
    with pytest.raises(WetdiffError, match="entities"):
        read_toestand(BWB / "hostile" / "billion_laughs.xml")


def test_truncated_xml_says_it_is_incomplete() -> None:
    with pytest.raises(WetdiffError, match=r"incomplete|well-formed"):
        read_toestand(BWB / "hostile" / "truncated.xml")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WetdiffError, match="no such XML file"):
        read_toestand(tmp_path / "2013-11-16.xml")


def test_control_character_in_statute_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "2013-11-16.xml"
    path.write_text(
        '<wetgeving bwb-id="BWBR0001854"><artikel><kop><nr>1</nr></kop>'
        "<al>tekst \u009b31m rood</al></artikel></wetgeving>",
        encoding="utf-8",
    )
    with pytest.raises(WetdiffError, match="control character"):
        read_toestand(path)


@pytest.mark.parametrize("name", ["external_entity.xml", "billion_laughs.xml"])
def test_entities_are_refused_even_where_the_byte_scan_cannot_see_them(
    tmp_path: Path, name: str
) -> None:
    """UTF-16 hides the declaration from the first check; the parser's own settings (no
    entity resolution, no DTD, no network) and the check after parsing still refuse."""
    text = (
        (BWB / "hostile" / name)
        .read_text(encoding="utf-8")
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    )
    path = tmp_path / "2013-11-16.xml"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(WetdiffError) as caught:
        read_toestand(path)
    assert "root:" not in str(caught.value)


def test_odd_lid_numbers_are_warnings_and_still_round_trip() -> None:
    xml = (
        '<wetgeving bwb-id="BWBR0001854"><artikel><kop><nr>7</nr></kop>'
        "<lid><al>Zonder nummer.</al></lid>"
        "<lid><lidnr>(2)</lidnr><al>Tussen haakjes.</al></lid></artikel></wetgeving>"
    )
    toestand = read_toestand(Path("2014-01-03.xml"), data=xml.encode())
    artikel = toestand.artikel("7")
    assert artikel is not None
    assert [lid.number for lid in artikel.artikel.leden] == ["1.", "2."]
    assert [w.kind for w in toestand.warnings] == ["numbering", "numbering"]
    assert parse(render(artikel.artikel)) == artikel.artikel
