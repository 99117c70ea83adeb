"""Generated wijzigingsopdrachten for the history of art. 273f Sr, proven by applying them."""

from __future__ import annotations

import re
from pathlib import Path

from wetdiff.instructions import apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.artikel import Artikel
from wetdiff.model.version import Version, load_path

HISTORY = Path(__file__).parents[1] / "articles" / "BWBR0001854" / "273f"


def version(date: str) -> Version:
    return load_path(HISTORY / f"{date}.txt")


def roundtrip(old: Version, new: Version) -> str:
    """Generate, read back, apply: the result must be the new version exactly."""
    text = generate(old, new).text
    gelezen = parse_text(text)
    assert gelezen.problems == ()
    result = apply_opdrachten(gelezen.opdrachten, old)
    assert result.failures == ()
    for artikel in new.artikelen:
        assert same_text(result.version.artikel(artikel.number), artikel)
    return text


def items(text: str) -> list[str]:
    return re.findall(r"^\d+\. (.*)$", text, flags=re.M)


def test_2009_to_april_2013_touches_only_leden_1_3_4_5() -> None:
    text = roundtrip(version("2009-07-01"), version("2013-04-01"))
    assert items(text) == [
        "In het eerste lid, aanhef, wordt «acht» vervangen door «twaalf».",
        "In het derde lid, aanhef, wordt «twaalf» vervangen door «vijftien».",
        "In het vierde lid wordt «vijftien» vervangen door «achttien».",
        # two changes three words apart: one phrase, the number with the noun it counts
        "In het vijfde lid wordt «gevangenisstraf van ten hoogste achttien jaren» vervangen "
        "door «levenslange gevangenisstraf of tijdelijke van ten hoogste dertig jaren».",
    ]
    assert "komt te luiden" not in text


def test_acht_is_narrowed_to_the_aanhef_because_it_occurs_inside_achttien() -> None:
    artikel = version("2009-07-01").artikel("273f")
    assert artikel is not None
    lid = artikel.leden[0]
    whole = " ".join(p.text for p in Artikel("273f", (lid,)).provisions())
    assert whole.count("acht") > 1  # "achttien" in the onderdelen
    text = roundtrip(version("2009-07-01"), version("2013-04-01"))
    assert "In het eerste lid wordt «acht»" not in text


def test_2006_to_2009_deletes_the_fourth_lid_with_renumbering_of_the_following_leden() -> None:
    text = roundtrip(version("2006-09-01"), version("2009-07-01"))
    assert (
        "Het vierde lid vervalt, onder vernummering van het vijfde tot en met zevende "
        "lid tot vierde tot en met zesde lid."
    ) in text
    # changes after the renumbering address the new numbers
    assert "In het vierde lid (nieuw) wordt «twaalf» vervangen door «vijftien»." in text
    # the penalty is in the aanhef of the first lid: named so, as in every other step
    assert "1. In het eerste lid, aanhef, wordt «zes» vervangen door «acht»." in text


def test_april_to_november_2013_inserts_a_sixth_lid_renumbering_the_old_sixth() -> None:
    text = roundtrip(version("2013-04-01"), version("2013-11-15"))
    assert (
        "Na het vijfde lid wordt, onder vernummering van het zesde lid tot zevende lid, "
        "een lid ingevoegd, luidende:"
    ) in text
    assert "    6. Onder kwetsbare positie wordt mede begrepen" in text
    # the same words inserted in two onderdelen: one instruction, a combined address
    assert (
        "1. In het eerste lid, onderdelen 1° en 2°, wordt na «opneemt» ingevoegd «, met "
        "inbegrip van de wisseling of overdracht van de controle over die ander»."
    ) in text


def test_the_set_names_its_base_version_and_the_regeling() -> None:
    old, new = version("2009-07-01"), version("2013-04-01")
    result = generate(old, new)
    assert result.base.startswith(old.label)
    assert f"Basisversie: {old.label}" in result.text


def test_one_amended_article_is_named_with_its_regeling_without_a_lone_onderdeel_a() -> None:
    text = roundtrip(version("2009-07-01"), version("2013-04-01"))
    assert (
        "ARTIKEL I\n\nArtikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:"
    ) in text
    assert "\nA\n" not in text


def test_a_new_article_is_inserted_after_its_neighbour(tmp_path: Path) -> None:
    old = version("2013-11-15")
    extra = (
        load_path(_article(tmp_path, "273fa", "1. Eerste nieuwe bepaling.")).artikelen[0],
        load_path(_article(tmp_path, "273fb", "Tweede nieuwe bepaling.")).artikelen[0],
    )
    new = Version("nieuw", "nieuw", (*old.artikelen, *extra))
    text = roundtrip(old, new)
    assert (
        "Na artikel 273f van het Wetboek van Strafrecht worden twee artikelen ingevoegd, luidende:"
    ) in text
    assert "    Artikel 273fa" in text


def test_a_rewritten_article_komt_te_luiden(tmp_path: Path) -> None:
    old = version("2013-11-15")
    new = load_path(
        _article(tmp_path, "273f", "1. Geheel nieuwe tekst over iets anders.\n\n2. Nog een lid.")
    )
    text = roundtrip(old, new)
    assert "Artikel 273f van het Wetboek van Strafrecht komt te luiden:" in text
    assert "    Artikel 273f\n" in text


def test_quotes_are_guillemets_as_the_staatsblad_prints_them_unless_asked() -> None:
    old, new = version("2009-07-01"), version("2013-04-01")
    assert "«acht»" in generate(old, new).text
    straight = generate(old, new, quotes="straight").text
    assert '"acht"' in straight
    assert not parse_text(straight).problems


def test_identical_versions_give_no_instructions() -> None:
    old = version("2013-11-15")
    assert generate(old, old).text == ""


def _article(folder: Path, number: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{number}.txt"
    path.write_text(f"Artikel {number}\n\n{body}\n", encoding="utf-8")
    return path


def test_one_artikel_per_amended_regeling(tmp_path: Path) -> None:
    from wetdiff.instructions import generate_many

    sr_old, sr_new = version("2009-07-01"), version("2013-04-01")
    bes_old = Version(
        "bes",
        "bes",
        load_path(_article(tmp_path, "10", "Oude tekst.")).artikelen,
        regeling="Wetboek van Strafrecht BES",
    )
    bes_new = Version(
        "bes2",
        "bes2",
        load_path(_article(tmp_path / "n", "10", "Nieuwe tekst.")).artikelen,
        regeling="Wetboek van Strafrecht BES",
    )
    result = generate_many([(sr_old, sr_new, None), (bes_old, bes_new, None)])
    assert (
        "ARTIKEL I\n\nArtikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:"
    ) in result.text
    assert (
        "ARTIKEL II\n\nIn artikel 10 van het Wetboek van Strafrecht BES wordt «Oude» "
        "vervangen door «Nieuwe»."
    ) in result.text
    gelezen = parse_text(result.text)
    assert gelezen.problems == ()
    assert [a.numeral for a in gelezen.opdrachten.artikelen] == ["I", "II"]
    assert [a.regeling for a in gelezen.opdrachten.artikelen] == [
        "Wetboek van Strafrecht",
        "Wetboek van Strafrecht BES",
    ]
    bes = apply_opdrachten(gelezen.opdrachten.artikelen[1].onderdelen[0].opdrachten, bes_old)
    assert same_text(bes.version.artikel("10"), bes_new.artikel("10"))


def test_two_leden_deleted_in_one_instruction(tmp_path: Path) -> None:
    old = load_path(_article(tmp_path, "7", "1. Een.\n\n2. Twee.\n\n3. Drie.\n\n4. Vier."))
    new = load_path(_article(tmp_path / "n", "7", "1. Een.\n\n2. Vier."))
    text = roundtrip(old, new)
    assert (
        "In artikel 7 vervallen het tweede en derde lid, onder vernummering van het "
        "vierde lid tot tweede lid."
    ) in text


def test_an_article_without_leden_gets_leden(tmp_path: Path) -> None:
    old = load_path(_article(tmp_path, "7", "Wie een ander werft, wordt gestraft."))
    new = load_path(
        _article(
            tmp_path / "n",
            "7",
            "1. Wie een ander werft, wordt gestraft.\n\n2. Poging is niet strafbaar.",
        )
    )
    text = roundtrip(old, new)
    assert "1. Voor de tekst wordt de aanduiding «1.» geplaatst." in text
    assert "2. Er wordt een lid toegevoegd, luidende:" in text


def test_the_same_change_everywhere_in_an_element_uses_telkens(tmp_path: Path) -> None:
    old = load_path(
        _article(
            tmp_path,
            "10",
            "1. Ten hoogste twintig jaren, of twintig jaren bij herhaling.\n\n2. Ander lid.",
        )
    )
    new = load_path(
        _article(
            tmp_path / "n",
            "10",
            "1. Ten hoogste dertig jaren, of dertig jaren bij herhaling.\n\n2. Ander lid.",
        )
    )
    text = roundtrip(old, new)
    assert "In artikel 10, eerste lid, wordt telkens «twintig» vervangen door «dertig»." in text
