"""Reading and applying wijzigingsopdrachten as people write them (Staatsblad forms)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wetdiff.instructions import apply_opdrachten, nested, parse_text
from wetdiff.model.artikel import Artikel
from wetdiff.model.text_format import parse, render
from wetdiff.model.version import Version, load_path

FIXTURES = Path(__file__).parent / "fixtures" / "instructions"

ARTIKEL_9 = """Artikel 9

1. Met gevangenisstraf van ten hoogste acht jaren wordt gestraft degene die:
    1°. een ander werft;
    2°. een ander vervoert, terwijl die ander de leeftijd van achttien jaren nog niet heeft bereikt.

2. Dit geldt niet voor het vervoer van zes personen of minder.

3. Het tweede lid geldt niet in geval van acht of meer personen.

4. Artikel 251 is van overeenkomstige toepassing.
"""


def article(version: Version, number: str) -> Artikel:
    found = version.artikel(number)
    assert found is not None, f"no artikel {number} in {version.label}"
    return found


def version(text: str = ARTIKEL_9) -> Version:
    return Version("test", "test", (parse(text, strict=False),))


def applied(instructions: str, text: str = ARTIKEL_9) -> str:
    gelezen = parse_text(instructions)
    assert gelezen.problems == ()
    result = apply_opdrachten(gelezen.opdrachten, version(text))
    assert result.failures == (), result.failures
    return render(result.version.artikelen[0])


@pytest.mark.parametrize("quoted", ['"acht jaren"', "«acht jaren»", "“acht jaren”", "„acht jaren”"])
def test_both_quoting_styles_and_guillemets(quoted: str) -> None:
    new = quoted.replace("acht jaren", "twaalf jaren")
    out = applied(f"In artikel 9, eerste lid, wordt {quoted} vervangen door {new}.")
    assert "ten hoogste twaalf jaren wordt" in out


def test_older_unquoted_new_text_after_a_colon() -> None:
    out = applied("In artikel 9, eerste lid, wordt «acht jaren» vervangen door: twaalf jaren.")
    assert "ten hoogste twaalf jaren wordt" in out


def test_quoted_words_match_whole_tokens_only() -> None:
    # "acht" occurs inside "achttien" in onderdeel 2°: not a match
    out = applied("In artikel 9, eerste lid, wordt «acht» vervangen door «twaalf».")
    assert "twaalf jaren" in out
    assert "achttien" in out


def test_words_found_twice_are_refused_unless_telkens() -> None:
    text = "In artikel 9 wordt «een ander» vervangen door «een persoon»."
    result = apply_opdrachten(parse_text(text).opdrachten, version())
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert failure.words == text
    assert "keer voor" in failure.reason
    out = applied(
        "In artikel 9, eerste lid, wordt telkens «een ander» vervangen door «een persoon»."
    )
    assert out.count("een persoon") == 2


def test_vervalt_steeds_and_spacing_is_repaired() -> None:
    out = applied("In artikel 9, vierde lid, vervalt «van overeenkomstige».\n")
    assert "4. Artikel 251 is toepassing." in out
    out = applied(
        "In artikel 9, derde lid, vervalt «, acht»",
        ARTIKEL_9.replace("van acht of meer", "van zeven, acht of meer"),
    )
    assert "van zeven of meer personen" in out


def test_insert_before_and_after_an_anchor() -> None:
    out = applied(
        "In artikel 9, eerste lid, onderdeel 1°, wordt voor «werft» ingevoegd: "
        "wederrechtelijk.\nIn artikel 9, tweede lid, wordt na «vervoer» ingevoegd "
        "«, het onderbrengen»."
    )
    assert "een ander wederrechtelijk werft;" in out
    assert "het vervoer, het onderbrengen van zes" in out


def test_lid_deleted_with_renumbering_then_new_numbers_marked_nieuw() -> None:
    out = applied("""A
Artikel 9 wordt als volgt gewijzigd:
1. Het tweede lid vervalt, onder vernummering van het derde en vierde lid tot tweede en derde lid.
2. In het tweede lid (nieuw) wordt «Het tweede lid» vervangen door «Het eerste lid».
3. Na het tweede lid (nieuw) wordt een lid toegevoegd, luidende:
4. Nieuw slotlid.
""")
    assert "\n2. Het eerste lid geldt niet" in out
    assert "\n3. Artikel 251" in out
    assert "\n4. Nieuw slotlid." in out
    assert "zes personen" not in out


def test_renumbering_clause_first_as_in_stb_2008_586() -> None:
    out = applied(
        "Onder vernummering van het derde en vierde lid tot tweede en derde lid, "
        "vervalt in artikel 9 het tweede lid."
    )
    assert "\n2. Het tweede lid geldt niet" in out
    assert "\n3. Artikel 251" in out


def test_new_onderdeel_with_punctuation_clause_as_in_stb_2013_444() -> None:
    out = applied(
        "In artikel 9, eerste lid, wordt, onder vervanging van de punt aan het slot "
        "van onderdeel 2° door een puntkomma, een onderdeel toegevoegd, luidende:\n"
        "3°. een ander huisvest.\n"
    )
    assert "nog niet heeft bereikt;\n    3°. een ander huisvest." in out


def test_a_false_punctuation_precondition_is_refused() -> None:
    text = (
        "Aan het slot van artikel 9, eerste lid, onderdeel 1° wordt de punt vervangen "
        "door een puntkomma."
    )
    result = apply_opdrachten(parse_text(text).opdrachten, version())
    assert result.failures and "eindigt niet op een punt" in result.failures[0].reason


def test_komt_te_luiden_block_as_people_write_it() -> None:
    out = applied("""A
Artikel 9, derde lid komt te luiden:
3. Het tweede lid geldt niet bij negen of meer personen.
B
In artikel 9, vierde lid, wordt «251» vervangen door «250».
""")
    assert "\n3. Het tweede lid geldt niet bij negen of meer personen." in out
    assert "Artikel 250 is" in out


def test_letters_above_numbers_nested_items_as_in_stb_2009_525() -> None:
    out = applied("""A
Artikel 9 wordt als volgt gewijzigd:
a. Het eerste lid wordt als volgt gewijzigd:
1. In onderdeel 1° vervalt: een ander.
2. Onder vervanging van de punt aan het slot van onderdeel 2° door een puntkomma wordt \
een onderdeel toegevoegd, luidende:
3°. een ander huisvest.
b. In het vierde lid wordt «251» vervangen door «250».
""")
    assert "    1°. werft;" in out
    assert "    3°. een ander huisvest." in out
    assert "Artikel 250" in out


def test_nested_instructions_of_an_amendment_are_read_again() -> None:
    amendment = """I
Na artikel 32a wordt een artikel ingevoegd, luidende:

    ARTIKEL 32b
    Artikel 9 van het Wetboek van Strafrecht wordt als volgt gewijzigd:
    1. In het eerste lid wordt «acht jaren» vervangen door: twaalf jaren.
"""
    outer = parse_text(amendment)
    assert outer.problems == ()
    inner = nested(outer)
    assert inner.problems == ()
    result = apply_opdrachten(inner.opdrachten, version())
    assert result.failures == ()
    assert "twaalf jaren" in render(result.version.artikelen[0])


def test_an_unknown_sentence_is_reported_in_its_own_words() -> None:
    gelezen = parse_text("A\nHet eerste lid wordt naar believen aangepast.")
    assert len(gelezen.problems) == 1
    assert gelezen.problems[0].words == "Het eerste lid wordt naar believen aangepast."


def test_a_missing_element_fails_with_the_instruction_words() -> None:
    text = "In artikel 9, zevende lid, wordt «a» vervangen door «b»."
    result = apply_opdrachten(parse_text(text).opdrachten, version())
    assert result.failures[0].words == text
    assert "heeft geen lid 7" in result.failures[0].reason
    assert render(result.version.artikelen[0]) == ARTIKEL_9  # nothing changed


# --- real instructions: Stb. 2006, 11 on the capture of 2006-01-03 -------------------


def _ws(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_stb_2006_11_reproduces_the_2006_02_04_texts() -> None:
    """Onderdelen A, B, D and E (verbatim) give the official consolidation of
    2006-02-04 (whitespace normalised: it prints "237,272"). Onderdeel C adds words
    after «minderjarige», which the 2006-01-03 text of arts. 5 and 5a does not contain:
    it is refused, in its own words, rather than guessed."""
    base = FIXTURES / "stb-2006-11"
    before, after = load_path(base / "2006-01-03"), load_path(base / "2006-02-04")
    gelezen = parse_text((base / "instructions.txt").read_text(encoding="utf-8"))
    assert gelezen.problems == ()
    assert len(gelezen.opdrachten.opdrachten) == 8
    result = apply_opdrachten(gelezen.opdrachten, before)
    assert [f.label for f in result.failures] == ["onderdeel C"]
    assert (
        "«minderjarige» komt niet voor in artikel 5, eerste lid, onderdeel 3°"
        in result.failures[0].reason
    )
    for number in ("4", "10", "14a"):
        assert render(article(result.version, number)) == render(article(after, number))
    got = {p.locatie.key: p.text for p in article(result.version, "5").provisions()}
    want = {p.locatie.key: p.text for p in article(after, "5").provisions()}
    assert _ws(got["5/1/1°"]) == _ws(want["5/1/1°"])
    assert "237, 272 en 273 alsmede" in got["5/1/1°"]


def test_generated_instructions_match_the_real_stb_2006_11_sentences() -> None:
    """What wetdiff generates from the two official texts is what the legislator wrote
    (quoted both sides, as the current Ar asks, instead of the older colon style)."""
    from wetdiff.instructions import generate

    base = FIXTURES / "stb-2006-11"
    before, after = load_path(base / "2006-01-03"), load_path(base / "2006-02-04")
    text = generate(before.only(("4", "10")), after.only(("4", "10")), quotes="guillemets").text
    assert (
        "In artikel 4, onderdeel 15°, wordt voor «te dwingen» ingevoegd «wederrechtelijk»." in text
    )
    # Stb. 2006, 11, D made this two items ("1. In het derde lid …", "2. In het vierde lid
    # …"); the same change in two leden is one instruction with a combined address
    assert "In artikel 10, derde en vierde lid, wordt «twintig» vervangen door «dertig»." in text


def test_onderdeel_inserted_with_renumbering_as_in_stb_2013_444() -> None:
    out = applied(
        "In artikel 9, eerste lid, wordt na onderdeel 1°, onder vernummering van "
        "onderdeel 2° tot onderdeel 3°, een onderdeel ingevoegd, luidende:\n"
        "2°. een ander huisvest;\n"
    )
    assert "    2°. een ander huisvest;\n    3°. een ander vervoert" in out


def test_stb_2013_444_on_the_2013_09_01_text_shows_the_samenloop() -> None:
    """Stb. 2013, 444, ARTIKEL I, A (verbatim) was drafted against a text that Stb. 2013,
    95 changed first. Items 1 and 2 still apply and give the official 2013-11-16 wording
    of onderdelen 3° and 5°; items 3 and 4 are refused, each with its reason: 5° already
    ends in a semicolon, and «onderdelen 2° en 3°» no longer occurs. (The official
    consolidation implies a samenloop provision, whose text is a gap.)"""
    base = FIXTURES / "stb-2013-444"
    before, after = load_path(base / "2013-09-01"), load_path(base / "2013-11-16")
    gelezen = parse_text((base / "instructions.txt").read_text(encoding="utf-8"))
    assert gelezen.problems == ()
    assert gelezen.opdrachten.artikelen[0].regeling == "Wetboek van Strafrecht"
    result = apply_opdrachten(gelezen.opdrachten, before)
    assert [f.label for f in result.failures] == [
        "ARTIKEL I, onderdeel A, onder 3",
        "ARTIKEL I, onderdeel A, onder 4",
    ]
    assert "onderdeel 5° eindigt niet op een punt maar op «;»" in result.failures[0].reason
    assert "«onderdelen 2° en 3°» komt niet voor" in result.failures[1].reason
    got = {p.locatie.key: p.text for p in article(result.version, "5").provisions()}
    want = {p.locatie.key: p.text for p in article(after, "5").provisions()}
    assert got["5/1/3°"] == want["5/1/3°"]
    assert got["5/1/5°"] == want["5/1/5°"]


def test_aanduiding_geplaatst_then_lid_toegevoegd_as_in_ar_6_18() -> None:
    out = applied(
        """A
Artikel 7 wordt als volgt gewijzigd:
1. Voor de tekst wordt de aanduiding «1.» geplaatst.
2. Er wordt een lid toegevoegd, luidende:
2. Poging is niet strafbaar.
""",
        "Artikel 7\n\nWie een ander werft, wordt gestraft.\n",
    )
    assert out == (
        "Artikel 7\n\n1. Wie een ander werft, wordt gestraft.\n\n2. Poging is niet strafbaar.\n"
    )


def test_stb_2009_525_turns_an_undivided_onderdeel_into_a_list() -> None:
    artikel = (
        "Artikel 4\n\nDe Nederlandse strafwet is toepasselijk op ieder die zich buiten "
        "Nederland schuldig maakt:\n    7°. aan een misdrijf aan boord;\n"
        "    8°. aan een der misdrijven omschreven in artikel 385a.\n"
    )
    out = applied(
        """A
Artikel 4 wordt als volgt gewijzigd:
b. Onderdeel 8° wordt als volgt gewijzigd:
1. Voor de tekst wordt de aanduiding «a.» geplaatst.
2. Onder vervanging van de punt aan het slot van het onderdeel door een puntkomma wordt \
een onderdeel toegevoegd, luidende:
b. aan een der misdrijven, omschreven in de artikelen 350, 352, 354, 385a, vierde lid, en \
385b, tweede lid, begaan tegen een installatie ter zee, wanneer de verdachte zich in \
Nederland bevindt.
""",
        artikel,
    )
    assert (
        "    8°.\n        a. aan een der misdrijven omschreven in artikel 385a;\n"
        "        b. aan een der misdrijven, omschreven in de artikelen 350"
    ) in out


def test_item_deleted_with_two_punctuation_clauses_as_in_stb_2019_143() -> None:
    artikel = (
        "Artikel 3.6a\n\n1. De aanvraag wordt afgewezen indien:\n"
        "    a. de vreemdeling geen paspoort heeft;\n"
        "    b. de vreemdeling een gevaar vormt; of\n"
        "    c. de leges niet zijn voldaan.\n\n2. Ander lid.\n"
    )
    out = applied(
        "In artikel 3.6a, eerste lid, vervalt onderdeel c, onder vervanging van «; of» "
        "aan het slot van onderdeel b door een punt en onder toevoeging van het woord "
        "«of» aan het slot van onderdeel a.",
        artikel,
    )
    assert (
        "    a. de vreemdeling geen paspoort heeft; of\n"
        "    b. de vreemdeling een gevaar vormt.\n\n2. Ander lid."
    ) in out


def test_a_failure_quotes_the_instruction_exactly_as_written() -> None:
    text = 'In artikel 9, tweede lid, wordt "vijf" vervangen door “zes”.'
    result = apply_opdrachten(parse_text(text).opdrachten, version())
    assert result.failures[0].words == text


def test_unreadable_new_text_is_a_failing_instruction_not_a_crash() -> None:
    text = (
        "Na artikel 9 wordt een artikel ingevoegd, luidende:\n\n"
        "    Dit is geen artikel maar losse tekst.\n"
    )
    gelezen = parse_text(text)
    result = apply_opdrachten(gelezen.opdrachten, version())
    assert len(result.failures) == 1
    assert "niet te lezen" in result.failures[0].reason
