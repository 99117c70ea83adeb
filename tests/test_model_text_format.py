"""The canonical article file: exact round-trip, and one clear message for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Alinea, Artikel, Lid, Locatie, Onderdeel
from wetdiff.model.files import read_article
from wetdiff.model.text_format import parse, render

ARTIKEL_273F_EXCERPT = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren of geldboete van de vijfde categorie gestraft:
    1°. degene die een ander werft, vervoert, overbrengt, huisvest of opneemt;
    2°. degene die opzettelijk voordeel trekt uit de uitbuiting van een ander.

2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.

3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, indien:
    1°. de feiten worden gepleegd door twee of meer verenigde personen;
    2°. de feiten zijn voorafgegaan, vergezeld of gevolgd van geweld.

4. Artikel 251 is van overeenkomstige toepassing.
"""


def test_canonical_text_round_trips_exactly() -> None:
    assert render(parse(ARTIKEL_273F_EXCERPT)) == ARTIKEL_273F_EXCERPT


def test_structure_is_read_as_leden_with_onderdelen() -> None:
    artikel = parse(ARTIKEL_273F_EXCERPT)
    assert [lid.nr for lid in artikel.leden] == ["1", "2", "3", "4"]
    eerste = artikel.leden[0]
    assert [b.nr for b in eerste.body if isinstance(b, Onderdeel)] == ["1°", "2°"]
    roles = {p.locatie.key: p.role for p in artikel.provisions()}
    assert roles["273f/1"] == "aanhef"
    assert roles["273f/1/2°"] == "tekst"


def test_location_in_words_follows_drafting_style() -> None:
    assert Locatie("273f", "1", ("3°",)).in_words() == "artikel 273f, eerste lid, onderdeel 3°"
    assert Locatie("273f", "3").in_words(capital=True) == "Artikel 273f, derde lid"
    assert Locatie.from_key("273f/1/3°") == Locatie("273f", "1", ("3°",))
    assert Locatie.from_key("273f/1#2") == Locatie("273f", "1", (), 1)


def test_closing_words_after_a_list_stay_with_their_lid() -> None:
    text = (
        "Artikel 9\n\n1. De straffen zijn:\n    a. hoofdstraffen;\n    b. bijkomende straffen.\n"
        "    Dit geldt voor alle feiten.\n"
    )
    artikel = parse(text)
    assert artikel.leden[0].body[-1] == Alinea("Dit geldt voor alle feiten.")
    slot = [p for p in artikel.provisions() if p.role == "slot"]
    assert [p.text for p in slot] == ["Dit geldt voor alle feiten."]
    assert render(artikel) == text


def test_article_without_leden_with_a_list() -> None:
    text = "Artikel 5\n\nDe bepalingen gelden:\n    a. een;\n    b. twee.\n"
    artikel = parse(text)
    assert artikel.leden == ()
    assert isinstance(artikel.body[1], Onderdeel)
    assert render(artikel) == text


def test_bracketed_text_is_ordinary_statute_text() -> None:
    text = "Artikel 1\n\n1. De [bold]strafbare[/] feiten [red]blijven[/red] letterlijk.\n"
    artikel = parse(text)
    assert artikel.leden[0].body[0] == Alinea(
        "De [bold]strafbare[/] feiten [red]blijven[/red] letterlijk."
    )
    assert render(artikel) == text


def test_alinea_that_starts_like_a_number_is_escaped() -> None:
    artikel = Artikel("7", (Alinea("1. Dit is geen lid, maar een alinea."),))
    text = render(artikel)
    assert "\\1. Dit is geen lid" in text
    assert parse(text) == artikel


def test_normalisation_only_differences_parse_the_same() -> None:
    messy = ARTIKEL_273F_EXCERPT.replace("\n", "\r\n").replace("ten hoogste", "ten\u00a0hoogste")
    messy = messy.replace("uitbuiting", "uit\u00adbuiting")
    assert parse(messy) == parse(ARTIKEL_273F_EXCERPT)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Artikel 1\n\n1. a\n\n3. b\n", 5, "'3.' follows '1.'"),
        ("Artikel 1\n\n1. x:\n    1°. a;\n    3°. b.\n", 5, "'3°.' follows '1°.'"),
        ("Artikel 1\n\n1. x:\n    1°. a;\n    1°. b.\n", 5, "occurs twice"),
        ("Artikel 1\n\n(1) Een lid met haakjes.\n", 3, "unknown numbering '(1)'"),
        ("Artikel 1\n\na. Een onderdeel zonder lid.\n", 3, "at the left margin"),
        ("Artikel 1\n\n1. Tekst \x1b[31mrood\x1b[0m.\n", 3, "U+001B (ESC)"),
        ("Artikel 1\n\n1. x:\n  a. twee spaties.\n", 4, "indentation of 2 spaces"),
        ("Geen kop\n\n1. x\n", 1, "expected 'Artikel <nummer>'"),
    ],
)
def test_bad_article_file_names_file_line_and_problem(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "273f.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WetdiffError) as caught:
        read_article(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert message in caught.value.what


def test_official_data_numbering_oddities_are_warnings() -> None:
    from wetdiff.model.text_format import ParseReport

    report = ParseReport()
    artikel = parse("Artikel 1\n\n1. a\n\n3. b\n", strict=False, report=report)
    assert [lid.nr for lid in artikel.leden] == ["1", "3"]
    assert report.warnings and "'3.' follows '1.'" in report.warnings[0]


def test_binary_huge_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Artikel 1\n\x00\x01\x02")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Artikel 1\n\n1. Ges\u00e9\n".encode("latin-1"))
    with pytest.raises(WetdiffError, match="binary"):
        read_article(binary)
    with pytest.raises(WetdiffError, match=r"50\.0 MB"):
        read_article(huge)
    with pytest.raises(WetdiffError, match="not valid UTF-8") as caught:
        read_article(latin1)
    assert caught.value.line == 3


# --- invariant: parse(render(a)) == a for every article ----------------------------

_word = st.text(alphabet="abcdeèfghijklmnopqrstuvwxyz[]/°„\"'-", min_size=1, max_size=8)
_text = (
    st.lists(_word, min_size=1, max_size=6)
    .map(" ".join)
    .filter(lambda t: t.strip() == t and not t.startswith("\\"))
)


def _numbers(style: str, count: int) -> list[str]:
    if style == "degree":
        return [f"{i}°." for i in range(1, count + 1)]
    if style == "alpha":
        return [f"{chr(96 + i)}." for i in range(1, count + 1)]
    return [f"{i}." for i in range(1, count + 1)]


@st.composite
def _onderdelen(draw: st.DrawFn, depth: int) -> tuple[Onderdeel, ...]:
    style = draw(st.sampled_from(["degree", "alpha"]))
    count = draw(st.integers(1, 3))
    items = []
    for number in _numbers(style, count):
        body: list[Alinea | Onderdeel] = [Alinea(draw(_text))]
        if depth < 2 and draw(st.booleans()):
            body.extend(draw(_onderdelen(depth + 1)))
            if draw(st.booleans()):
                body.append(Alinea(draw(_text)))
        items.append(Onderdeel(number, tuple(body)))
    return tuple(items)


@st.composite
def _artikelen(draw: st.DrawFn) -> Artikel:
    number = draw(st.sampled_from(["1", "273f", "80quinquies", "273fa"]))
    if draw(st.booleans()):
        leden = []
        for nr in _numbers("arabic", draw(st.integers(1, 4))):
            body: list[Alinea | Onderdeel] = [Alinea(draw(_text))]
            if draw(st.booleans()):
                body.extend(draw(_onderdelen(1)))
                if draw(st.booleans()):
                    body.append(Alinea(draw(_text)))
            leden.append(Lid(nr, tuple(body)))
        return Artikel(number, tuple(leden))
    body2: list[Alinea | Onderdeel] = [Alinea(draw(_text))]
    if draw(st.booleans()):
        body2.extend(draw(_onderdelen(1)))
    return Artikel(number, tuple(body2))


@settings(max_examples=150, deadline=None)
@given(_artikelen())
def test_parse_of_render_is_identity(artikel: Artikel) -> None:
    text = render(artikel)
    assert parse(text) == artikel
    assert render(parse(text)) == text
