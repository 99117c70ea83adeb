"""Instructions as drafters write them (issue 14): each sentence is read and applied to
the version it was written for; a sentence that is not understood gets one message that
quotes it and says which part was not understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetdiff.instructions import apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.artikel import Artikel
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version, load_path

LAW = Path(__file__).parents[1] / "articles" / "BWBR0001854" / "273f"


def law(date: str) -> Version:
    return load_path(LAW / f"{date}.txt")


def applied(text: str, version: Version) -> Artikel:
    """Read and apply; every sentence must be read and applied."""
    read = parse_text(text)
    assert read.problems == (), [str(p) for p in read.problems]
    result = apply_opdrachten(read.opdrachten, version)
    assert result.failures == (), [str(f) for f in result.failures]
    artikel = result.version.artikel("273f") or result.version.artikelen[0]
    return artikel


def in_273f(*items: str) -> str:
    numbered = "\n\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
    return f"Artikel 273f wordt als volgt gewijzigd:\n\n{numbered}\n"


def items(artikel: Artikel, lid_nr: int) -> list[str]:
    """The texts of the onderdelen of a lid."""
    lid = artikel.leden[lid_nr - 1]
    return [" ".join(p.text for p in Artikel("x", (b,)).provisions()) for b in lid.body[1:]]


def lid(artikel: Artikel, nr: str) -> str:
    (found,) = [b for b in artikel.leden if b.number.rstrip(".") == nr]
    return " ".join(p.text for p in Artikel("x", (found,)).provisions())


# --- renumbering clauses ---------------------------------------------------------------

REST_OF_2009 = (
    "In het eerste lid, aanhef, wordt «zes» vervangen door «acht».",
    "In het derde lid, aanhef, wordt «acht» vervangen door «twaalf».",
)
AFTER_2009 = (
    "In het vierde lid (nieuw) wordt «twaalf» vervangen door «vijftien».",
    "In het vijfde lid (nieuw) wordt «vijftien» vervangen door «achttien».",
)


@pytest.mark.parametrize(
    "deletion",
    [
        # the renumbering clause first, without "in artikel X" (Stb. 2008, 586, B)
        "Onder vernummering van het vijfde tot en met zevende lid tot vierde tot en met "
        "zesde lid, vervalt het vierde lid.",
        # the leden enumerated
        "Het vierde lid vervalt, onder vernummering van het vijfde, zesde en zevende lid tot "
        "vierde, vijfde en zesde lid.",
        "Onder vernummering van het vijfde, zesde en zevende lid tot vierde, vijfde en zesde "
        "lid, vervalt het vierde lid.",
    ],
)
def test_renumbering_clauses_give_the_2009_text(deletion: str) -> None:
    text = in_273f(*REST_OF_2009, deletion, *AFTER_2009)
    assert same_text(applied(text, law("2006-09-01")), law("2009-07-01").artikel("273f"))


# --- combined addresses, for every kind of instruction -------------------------------


def test_combined_address_replacing_words() -> None:
    text = in_273f(
        "In het vierde en vijfde lid wordt «vijfde categorie» vervangen door «zesde categorie»."
    )
    artikel = applied(text, law("2013-11-15"))
    assert "zesde categorie opgelegd" in lid(artikel, "4")
    assert "zesde categorie opgelegd" in lid(artikel, "5")


def test_combined_address_inserting_and_adding_words() -> None:
    text = in_273f(
        "In het eerste lid, onderdelen 6° en 7°, wordt na «opzettelijk» ingevoegd «of culpoos».",
        "Aan het vierde lid, en het vijfde lid, wordt toegevoegd «, ook bij poging»",
    )
    artikel = applied(text, law("2013-11-15"))
    assert lid(artikel, "1").count("opzettelijk of culpoos voordeel") == 2
    assert lid(artikel, "4").endswith("categorie opgelegd, ook bij poging.")
    assert lid(artikel, "5").endswith("categorie opgelegd, ook bij poging.")


def test_combined_address_for_elements_that_lapse_and_are_restated() -> None:
    text = in_273f(
        "In het eerste lid vervallen de onderdelen 6° en 7°.",
        "In het derde lid komen de onderdelen 1° en 2° te luiden:\n\n"
        "    1°. de feiten door twee of meer personen worden gepleegd;\n"
        "    2°. het slachtoffer jonger is dan achttien jaren;",
    )
    artikel = applied(text, law("2013-11-15"))
    assert lid(artikel, "1").count("[Vervallen]") == 2
    assert "het slachtoffer jonger is dan achttien jaren;" in lid(artikel, "3")


def test_combined_address_for_a_mark_at_the_end() -> None:
    text = in_273f(
        "In het derde lid, onderdelen 1° en 2°, wordt de puntkomma aan het slot vervangen "
        "door een komma."
    )
    artikel = applied(text, law("2013-11-15"))
    assert "verenigde personen, 2°" not in lid(artikel, "3")  # items are separate texts
    first, second, _ = items(artikel, 3)
    assert first.endswith("personen,") and second.endswith("gemaakt,")


# --- the punctuation at the end --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In artikel 273f, eerste lid, onderdeel 9°, wordt de punt aan het slot vervangen door "
        "een puntkomma.",
        "Aan het slot van artikel 273f, eerste lid, onderdeel 9°, wordt de punt vervangen door "
        "een puntkomma.",
        "In artikel 273f, eerste lid, wordt de punt aan het slot van onderdeel 9° vervangen door "
        "een puntkomma.",
        "In artikel 273f, eerste lid, onderdeel 9°, wordt aan het slot de punt vervangen door "
        "een puntkomma.",
        "In artikel 273f, eerste lid, onderdeel 9°, wordt de zinsnede «organen.» aan het slot "
        "vervangen door de zinsnede «organen;».",
    ],
)
def test_the_full_stop_at_the_end_of_onderdeel_9_becomes_a_semicolon(sentence: str) -> None:
    artikel = applied(sentence, law("2013-11-15"))
    found = items(artikel, 1)
    assert found[8].endswith("van diens organen;")
    assert found[7] == items(law("2013-11-15").artikel("273f"), 1)[7]  # type: ignore[arg-type]


def test_the_komma_at_the_end_is_described_and_can_lapse() -> None:
    old = Version("v", "v", (parse("Artikel 7\n\nDe een, de ander,\n", source="<test>"),))
    read = parse_text("In artikel 7 vervalt de komma aan het slot.")
    result = apply_opdrachten(read.opdrachten, old)
    assert not read.problems and not result.failures
    assert result.version.artikel("7").body[0].text == "De een, de ander"  # type: ignore[union-attr]
    read = parse_text("In artikel 7 wordt de komma aan het slot vervangen door een punt.")
    result = apply_opdrachten(read.opdrachten, old)
    assert result.version.artikel("7").body[0].text == "De een, de ander."  # type: ignore[union-attr]


def test_a_described_mark_is_checked_against_the_text() -> None:
    read = parse_text(
        "In artikel 273f, eerste lid, onderdeel 8°, wordt de punt aan het slot vervangen door "
        "een puntkomma."
    )
    result = apply_opdrachten(read.opdrachten, law("2013-11-15"))
    (failure,) = result.failures
    assert "eindigt niet op een punt maar op «;»" in failure.reason


# --- what is not understood -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "In artikel 273f, eerste lid, wordt «x» verplaatst naar «y».",
            "niet begrepen: 'wordt «x» verplaatst naar «y»'",
        ),
        (
            "In artikel 273f, eerste bladzijde, wordt «x» vervangen door «y».",
            "adres 'eerste bladzijde' niet begrepen",
        ),
        (
            "In artikel 273f, eerste lid, wordt «x» ergens vervangen door «y».",
            "niet begrepen: 'wordt «x» ergens vervangen door «y»'",
        ),
        (
            "In artikel 273f, tweede zin, wordt «x» vervangen door «y».",
            "verwijzing naar een zin ('tweede zin') wordt niet ondersteund",
        ),
    ],
)
def test_a_refused_sentence_is_quoted_once_with_the_part_not_understood(
    sentence: str, reason: str
) -> None:
    read = parse_text(f"A\n\n{sentence}\n")
    (problem,) = read.problems
    assert problem.words == sentence
    assert reason in problem.reason
    assert str(problem).count(sentence) == 1


def test_generated_sets_still_read_back_with_straight_quotes() -> None:
    old, new = law("2013-04-01"), law("2013-11-15")
    text = generate(old, new, quotes="straight").text
    assert '"opneemt"' in text
    assert same_text(applied(text, old), new.artikel("273f"))
