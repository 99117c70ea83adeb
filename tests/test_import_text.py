"""Statute text as people get it — copied from wetten.overheid.nl, exported as Markdown,
pasted from Word or a PDF — becomes the canonical article form, exactly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from wetdiff.cli import main
from wetdiff.errors import WetdiffError
from wetdiff.importers.text import import_text
from wetdiff.model.artikel import Onderdeel
from wetdiff.model.text_format import render

TEXT = Path(__file__).parent / "fixtures" / "text"
# The canonical 273f as in force since 15 November 2013 (written by the BWB importer).
CANONICAL_273F = (
    Path(__file__).parent.parent / "articles" / "BWBR0001854" / "273f" / "2013-11-15.txt"
)


def _read(name: str) -> str:
    return (TEXT / name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", ["web_273f.txt", "markdown_273f.md", "word_273f.txt"])
def test_each_shape_of_pasted_text_gives_the_canonical_article(name: str) -> None:
    artikel, _ = import_text(_read(name), article="273f", source=name)
    assert render(artikel) == CANONICAL_273F.read_text(encoding="utf-8")


def test_web_page_lines_are_left_out_with_a_warning() -> None:
    _, warnings = import_text(_read("web_273f.txt"), article="273f", source="web")
    assert {w.kind for w in warnings} == {"web"}
    assert any("Toon relaties in LiDO" in w.message for w in warnings)


def test_leden_without_a_dot_become_numbered_leden() -> None:
    artikel, _ = import_text(
        "Artikel 1\n1 Geen feit is strafbaar.\n2 Bij verandering in de "
        "wetgeving geldt het gunstigste.\n",
        article="1",
    )
    assert [lid.number for lid in artikel.leden] == ["1.", "2."]


def test_a_wrapped_citation_is_not_read_as_an_onderdeel() -> None:
    artikel, _ = import_text(_read("word_273f.txt"), article="273f")
    fourth = artikel.leden[0].body[4]
    assert isinstance(fourth, Onderdeel) and fourth.number == "4°."
    assert "met een van de onder 1° genoemde middelen dwingt" in render(artikel)


def test_a_hard_wrap_right_after_a_full_stop_is_not_a_new_alinea() -> None:
    # Word/PDF: the lines are full; one happens to end with a full stop mid-paragraph.
    text = (
        "Artikel 6\n"
        "1. De veroordeelde en degene die met reclasseringstoezicht is\n"
        "belast kunnen vóór de aanvang van het onderzoek kennis nemen.\n"
        "Hetzelfde geldt ten aanzien van de raadsman van de veroordeelde.\n"
        "2. Het bepaalde bij en krachtens artikel 32 is van toepassing.\n"
    )
    assert render(import_text(text, article="6")[0]) == (
        "Artikel 6\n\n1. De veroordeelde en degene die met reclasseringstoezicht is belast "
        "kunnen vóór de aanvang van het onderzoek kennis nemen. Hetzelfde geldt ten aanzien "
        "van de raadsman van de veroordeelde.\n\n2. Het bepaalde bij en krachtens artikel "
        "32 is van toepassing.\n"
    )


def test_a_list_may_open_after_an_aanhef_without_a_colon() -> None:
    text = (
        "Artikel 14g\n1. De rechter kan, onverminderd artikel 14f,\n1°. gelasten dat;\n"
        "2°. bevelen.\n"
    )
    artikel, _ = import_text(text, article="14g")
    assert [p.number for p in artikel.provisions()] == ["1.", "1°.", "2°."]


def test_a_hyphen_at_a_line_end_is_joined_and_reported() -> None:
    artikel, warnings = import_text(
        "Artikel 9\nHij wordt gestraft met gevangenis-\nstraf.\n", article="9"
    )
    assert render(artikel) == "Artikel 9\n\nHij wordt gestraft met gevangenis-straf.\n"
    assert [w.kind for w in warnings] == ["hyphen"]
    assert "gevangenis-straf" in warnings[0].message


def test_nbsp_soft_hyphen_and_crlf_are_normalised() -> None:
    artikel, _ = import_text("Artikel 2\r\nTen\u00a0hoogste zes ja\u00adren.\r\n", article="2")
    assert render(artikel) == "Artikel 2\n\nTen hoogste zes jaren.\n"


def test_markdown_heading_with_extra_spaces_and_bold_numbers() -> None:
    artikel, _ = import_text(
        "### Artikel  12\n\n**1.**  Eerste  lid.\n\n**2.** Tweede lid.\n", article="12"
    )
    assert render(artikel) == "Artikel 12\n\n1. Eerste lid.\n\n2. Tweede lid.\n"


def test_bullets_become_dash_items_with_a_warning() -> None:
    artikel, warnings = import_text(
        "Artikel 3\nStrafbaar is:\n• het een;\n• het ander.\n", article="3"
    )
    assert render(artikel) == (
        "Artikel 3\n\nStrafbaar is:\n    \u2013 het een;\n    \u2013 het ander.\n"
    )
    assert {w.kind for w in warnings} == {"bullet"}


def test_closing_words_after_a_list_belong_to_the_lid() -> None:
    artikel, _ = import_text(
        "Artikel 5\n1. Gestraft wordt:\na. wie steelt;\nb. wie heelt,\n\n"
        "met gevangenisstraf.\n2. Poging is strafbaar.\n",
        article="5",
    )
    assert render(artikel) == (
        "Artikel 5\n\n1. Gestraft wordt:\n    a. wie steelt;\n    b. wie heelt,\n"
        "    met gevangenisstraf.\n\n2. Poging is strafbaar.\n"
    )


def test_text_on_the_heading_line_is_text_not_a_title() -> None:
    one_line = "Artikel 2 De Nederlandse strafwet is toepasselijk.\n"
    assert render(import_text(one_line, article="2")[0]) == (
        "Artikel 2\n\nDe Nederlandse strafwet is toepasselijk.\n"
    )
    numbered = "Artikel 1 1 Geen feit is strafbaar.\n2 Bij verandering geldt het gunstigste.\n"
    assert [lid.number for lid in import_text(numbered, article="1")[0].leden] == ["1.", "2."]
    titled = "Artikel 273f Mensenhandel\nTekst.\n"
    assert import_text(titled, article="273f")[0].title == "Mensenhandel"


def test_the_asked_article_is_picked_from_several() -> None:
    text = "Artikel 1\nEen.\n\nArtikel 2\nTwee.\n"
    assert render(import_text(text, article="2")[0]) == "Artikel 2\n\nTwee.\n"


def test_bracketed_text_is_ordinary_text() -> None:
    artikel, _ = import_text("Artikel 7\nDe [bold] tekst [/bold] blijft.\n", article="7")
    assert render(artikel) == "Artikel 7\n\nDe [bold] tekst [/bold] blijft.\n"


def test_missing_article_is_a_clear_error() -> None:
    with pytest.raises(WetdiffError, match=r"no 'Artikel 3'.*artikel 1, 2"):
        import_text("Artikel 1\nEen.\nArtikel 2\nTwee.\n", article="3", source="plak.txt")


def test_control_character_is_refused_with_its_line() -> None:
    with pytest.raises(WetdiffError) as caught:
        import_text("Artikel 1\nEen \x1b[31mrode\x1b[0m tekst.\n", article="1", source="x")
    assert caught.value.line == 2 and "ESC" in caught.value.what


# -- the command line ---------------------------------------------------------------------


def _invoke(*args: str) -> Result:
    @click.command()
    def entry() -> None:
        main(list(args))

    return CliRunner().invoke(entry, [])


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def test_cli_prints_the_canonical_form(in_tmp: Path) -> None:
    result = _invoke("import", "text", str(TEXT / "markdown_273f.md"), "--article", "273f")
    assert result.exit_code == 0, result.output
    assert result.output == CANONICAL_273F.read_text(encoding="utf-8")


def test_cli_writes_out_and_refuses_to_overwrite_without_force(in_tmp: Path) -> None:
    args = ("import", "text", str(TEXT / "web_273f.txt"), "--article", "273f", "--out", "273f.txt")
    assert _invoke(*args).exit_code == 0
    written = in_tmp / "273f.txt"
    assert written.read_text(encoding="utf-8") == CANONICAL_273F.read_text(encoding="utf-8")
    written.write_text("Artikel 273f\n\nMijn versie.\n", encoding="utf-8")
    refused = _invoke(*args)
    assert refused.exit_code == 2 and "--force" in refused.output
    assert written.read_text(encoding="utf-8") == "Artikel 273f\n\nMijn versie.\n"
    assert _invoke(*args, "--force").exit_code == 0
    assert "Mijn versie" not in written.read_text(encoding="utf-8")


def test_cli_out_outside_the_folder_is_exit_2(in_tmp: Path) -> None:
    result = _invoke(
        "import", "text", str(TEXT / "web_273f.txt"), "--article", "273f", "--out", "../273f.txt"
    )
    assert result.exit_code == 2 and "outside" in result.output
    assert not (in_tmp.parent / "273f.txt").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Artikel 1\n\x00\x01binary", "binary"),
        (b"Artikel 1\nG\xe9\xe9n feit.\n", "UTF-8"),
        (b"Artikel 1\nEen \x1b[2J tekst.\n", "control character"),
    ],
)
def test_cli_bad_input_is_exit_2_and_nothing_written(
    in_tmp: Path, content: bytes, message: str
) -> None:
    source = in_tmp / "plak.txt"
    source.write_bytes(content)
    result = _invoke("import", "text", str(source), "--article", "1", "--out", "1.txt")
    assert result.exit_code == 2
    assert message in result.output and "plak.txt" in result.output
    assert not (in_tmp / "1.txt").exists()


def test_cli_reads_standard_input(in_tmp: Path) -> None:
    @click.command()
    def entry() -> None:
        main(["import", "text", "-", "--article", "1"])

    result = CliRunner().invoke(entry, [], input="Artikel 1\n1 Geen feit.\n2 Wel dit.\n")
    assert result.exit_code == 0, result.output
    assert result.output == "Artikel 1\n\n1. Geen feit.\n\n2. Wel dit.\n"
