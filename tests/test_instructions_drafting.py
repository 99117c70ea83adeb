"""The generated wijzigingsopdrachten read as a wetgevingsjurist writes them (issue 14):
each case a drafting review raised, with the exact sentence, and every set still proven
by replay (generated, read back, applied: the new text exactly)."""

from __future__ import annotations

from pathlib import Path

from wetdiff.diff import compare
from wetdiff.instructions import Limits, apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.artikel import Artikel
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version, load_path

ROOT = Path(__file__).parents[1]
LAW = ROOT / "articles" / "BWBR0001854"
BILL = ROOT / "proposals" / "36547"


def law(date: str, article: str = "273f") -> Version:
    return load_path(LAW / article / f"{date}.txt")


def stage(name: str) -> Version:
    loaded = load_path(BILL / name)
    return Version(name, name, loaded.artikelen, regeling="Wetboek van Strafrecht")


def proven(old: Version, new: Version, **options: object) -> str:
    """Generate, read back, apply: the result must be the new version exactly."""
    text = generate(old, new, compare(old, new), **options).text  # type: ignore[arg-type]
    read = parse_text(text)
    assert read.problems == ()
    result = apply_opdrachten(read.opdrachten, old)
    assert result.failures == ()
    numbers = {a.number for a in new.artikelen} | {a.number for a in result.version.artikelen}
    for number in numbers:
        assert same_text(result.version.artikel(number), new.artikel(number)), number
    return text


def article(number: str, body: str) -> Artikel:
    return parse(f"Artikel {number}\n\n{body}\n", source="<test>")


def code(regeling: str, *artikelen: Artikel) -> Version:
    return Version("v", "v", artikelen, regeling=regeling)


# --- the five historical steps and the bill -------------------------------------------


def test_2005_to_2006_renumbering_names_article_and_regeling_in_one_sentence() -> None:
    old = load_path(LAW / "273a" / "2005-01-01.txt")
    text = proven(old, law("2006-09-01"))
    assert text.endswith(
        "ARTIKEL I\n\nArtikel 273a van het Wetboek van Strafrecht wordt vernummerd tot "
        "artikel 273f.\n"
    )


def test_2006_to_2009_words_in_the_aanhef_are_addressed_as_the_aanhef() -> None:
    text = proven(law("2006-09-01"), law("2009-07-01"))
    assert "1. In het eerste lid, aanhef, wordt «zes» vervangen door «acht»." in text
    assert "2. In het derde lid, aanhef, wordt «acht» vervangen door «twaalf»." in text


def test_2009_to_2013_close_edits_are_one_phrase_replacement() -> None:
    text = proven(law("2009-07-01"), law("2013-04-01"))
    assert (
        "4. In het vijfde lid wordt «gevangenisstraf van ten hoogste achttien jaren» vervangen "
        "door «levenslange gevangenisstraf of tijdelijke van ten hoogste dertig jaren»."
    ) in text
    assert "«achttien» vervangen door «dertig»" not in text


def test_april_to_november_2013_the_same_insertion_in_two_onderdelen_is_one_instruction() -> None:
    text = proven(law("2013-04-01"), law("2013-11-15"))
    assert (
        "1. In het eerste lid, onderdelen 1° en 2°, wordt na «opneemt» ingevoegd «, met "
        "inbegrip van de wisseling of overdracht van de controle over die ander»."
    ) in text


def test_nr2_to_a_words_at_the_end_and_a_lid_added() -> None:
    text = proven(stage("nr2"), stage("A"))
    assert text.count("ARTIKEL I\n\nArtikel 273f van het Wetboek van Strafrecht wordt") == 1
    assert (
        "1. In het derde lid wordt «dienstbaarheid en uitbuiting van strafbare activiteiten» "
        "vervangen door «dienstbaarheid, uitbuiting van strafbare activiteiten en uitbuiting in "
        "het kader van draagmoederschap, gedwongen huwelijk of illegale adoptie»."
    ) in text
    assert "2. Er wordt een lid toegevoegd, luidende:" in text


def test_law_to_36547_restates_the_article_it_restructures() -> None:
    """Eight items and six renumbered leden: the reader gets the new article (§4.7)."""
    text = proven(law("2013-11-15"), stage("A"))
    assert "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:" in text
    assert "\nA\n\nArtikel 273f komt te luiden:\n\n    Artikel 273f\n" in text
    assert "\nB\n\nNa artikel 273f worden twee artikelen ingevoegd, luidende:" in text
    assert "vernummering" not in text


def test_law_to_36547_piecemeal_cites_whole_phrases_and_combines_addresses() -> None:
    """With restating switched off, the same set piece by piece: a change inside a
    citation replaces the citation, and one change in four elements is one instruction."""
    piecemeal = Limits(max_article_items=100, max_renumbered_share=1.0)
    text = proven(law("2013-11-15"), stage("A"), limits=piecemeal)
    assert (
        "In het vierde lid (nieuw), onderdelen 1° en 3°, en het vijfde en zesde lid (nieuw) "
        "wordt «het eerste lid» vervangen door «het eerste of tweede lid»."
    ) in text
    assert "ingevoegd «of tweede»" not in text


# --- the forms, on small texts ----------------------------------------------------------


def test_a_mark_at_the_end_is_described_and_the_address_closed_by_a_comma() -> None:
    body = (
        "1. Eerste lid.\n\n2. Tweede lid.\n\n3. Gestraft wordt:\n    1°. de een;\n"
        "    2°. de ander;\n    3°. de derde.\n    4°. de vierde."
    )
    old = code("Wetboek van Strafrecht", article("5", body))
    new = code("Wetboek van Strafrecht", article("5", body.replace("de derde.", "de derde;")))
    text = proven(old, new)
    assert text.endswith(
        "ARTIKEL I\n\nAan het slot van artikel 5, derde lid, onderdeel 3°, van het Wetboek van "
        "Strafrecht wordt de punt vervangen door een puntkomma.\n"
    )


def test_words_at_the_end_of_a_sentence_are_toegevoegd() -> None:
    body = "1. Uitbuiting omvat ten minste dwangarbeid.\n\n2. Tweede lid."
    old = code("Wetboek van Strafrecht", article("5", body))
    new_body = body.replace("dwangarbeid.", "dwangarbeid en gedwongen bedelarij.")
    text = proven(old, code("Wetboek van Strafrecht", article("5", new_body)))
    assert (
        "Aan artikel 5, eerste lid, van het Wetboek van Strafrecht wordt toegevoegd «en "
        "gedwongen bedelarij»."
    ) in text


def test_a_new_last_onderdeel_replaces_the_full_stop_before_it_in_one_instruction() -> None:
    body = "1. Gestraft wordt:\n    1°. de een;\n    2°. de ander.\n\n2. Tweede lid."
    new_body = body.replace("de ander.", "de ander;\n    3°. de derde.")
    old = code("Wetboek van Strafrecht", article("5", body))
    text = proven(old, code("Wetboek van Strafrecht", article("5", new_body)))
    assert (
        "In artikel 5, eerste lid, van het Wetboek van Strafrecht wordt, onder vervanging van "
        "de punt aan het slot van onderdeel 2° door een puntkomma, een onderdeel toegevoegd, "
        "luidende:"
    ) in text


TELECOM = (
    "Wet van 19 oktober 1998, houdende regels inzake de telecommunicatie (Telecommunicatiewet)"
)


def test_a_set_amending_many_articles_reads_as_one() -> None:
    """Onderdelen in the order of the regeling, a run of repealed articles in one
    onderdeel, the regeling named by its citeertitel with the right article."""
    numbers = ["1.1", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11", "7.1"]
    old = code(TELECOM, *(article(nr, f"Tekst van artikel {nr}.") for nr in numbers))
    kept = [a for a in old.artikelen if a.number not in {"6.6", "6.7", "6.8", "6.9", "6.10"}]
    changed = [
        article("1.1", "Geheel nieuwe begripsbepalingen.") if a.number == "1.1" else a for a in kept
    ]
    changed[-1] = article("7.1", "Tekst van artikel 7.1, ook voor de ander.")
    text = proven(old, code(TELECOM, *changed))
    assert "ARTIKEL I\n\nDe Telecommunicatiewet wordt als volgt gewijzigd:" in text
    assert "\nA\n\nArtikel 1.1 komt te luiden:" in text
    assert "\nB\n\nDe artikelen 6.6 tot en met 6.10 vervallen.\n" in text
    assert text.endswith("\nC\n\nAan artikel 7.1 wordt toegevoegd «, ook voor de ander».\n")
    assert "houdende" not in text


def test_renumbered_articles_make_way_for_each_other_in_the_order_of_the_code() -> None:
    old = code(
        "Wetboek van Strafrecht",
        article("15a", "Eerste bepaling over de voorwaardelijke invrijheidstelling."),
        article("15d", "Tweede bepaling over het toezicht op de veroordeelde."),
        article("16", "Derde bepaling."),
    )
    new = code(
        "Wetboek van Strafrecht",
        article("15d", "Eerste bepaling over de voorwaardelijke invrijheidstelling."),
        article("15k", "Tweede bepaling over het toezicht op de veroordeelde."),
        article("16", "Derde bepaling, gewijzigd."),
    )
    text = proven(old, new)
    first = text.index("Artikel 15d wordt vernummerd tot artikel 15k.")
    second = text.index("Artikel 15a wordt vernummerd tot artikel 15d.")
    assert first < second < text.index("Aan artikel 16 wordt toegevoegd «, gewijzigd».")


def test_the_lone_article_form_is_read_back_with_its_regeling() -> None:
    text = (
        "ARTIKEL I\n\nArtikel 5 van de Telecommunicatiewet wordt als volgt gewijzigd:\n\n"
        "1. In het eerste lid wordt «a» vervangen door «b».\n\n"
        "2. Het tweede lid vervalt.\n"
    )
    read = parse_text(text)
    assert read.problems == ()
    (artikel,) = read.opdrachten.artikelen
    assert artikel.regeling == "Telecommunicatiewet"
    assert [o.words for o in read.opdrachten.opdrachten] == [
        "In het eerste lid wordt «a» vervangen door «b».",
        "Het tweede lid vervalt.",
    ]
