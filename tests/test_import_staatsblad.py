"""``wetdiff import ob`` on an act as the Staatsblad really publishes it: amending
articles numbered on with the act's own ("Artikel 99", "103a"), regelingen named with a
year, headings that address a bijlage or depend on a condition, forms wetdiff reads but
cannot carry out, and ``--partial``. The fixture ``stb-hoofdstuk.xml`` is written in the
structure of Stb. 2026, 187; the real file is read when it is here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from hypothesis import HealthCheck, given, settings
from xml_helpers import publication, trees

from wetdiff.errors import WetdiffError
from wetdiff.importers.bekendmaking import (
    apply_bekendmaking,
    instructions_report,
    read_bekendmaking,
    regeling_names,
)
from wetdiff.instructions import parse_text
from wetdiff.instructions.heading import read_heading
from wetdiff.instructions.model import CONDITIONAL, OUT_OF_SCOPE, UNSUPPORTED, KomtTeLuiden
from wetdiff.model.artikel import Alinea
from wetdiff.model.text_format import render
from wetdiff.model.version import Version, load_path

HERE = Path(__file__).parent / "fixtures" / "bekendmaking"
ACT = HERE / "stb-hoofdstuk.xml"
BASE = HERE / "base"
WFT = HERE / "wft" / "2026-01-01.txt"
REAL = Path(__file__).parent.parent.parent / "shared" / "publications" / "stb-2026-187.xml"
real_file = pytest.mark.skipif(
    not REAL.is_file(), reason=f"the real Stb. 2026, 187 is not here ({REAL}); fixtures cover CI"
)


# --- the first sentence: regeling, part, condition --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "regeling", "part", "condition", "rest"),
    [
        ("De Telecommunicatiewet wordt als volgt gewijzigd:", "Telecommunicatiewet", "", "", ""),
        (
            "De Wet bekostiging financieel toezicht 2019 wordt als volgt gewijzigd:",
            "Wet bekostiging financieel toezicht 2019",
            "",
            "",
            "",
        ),
        ("De Mediawet 2008 wordt als volgt gewijzigd:", "Mediawet 2008", "", "", ""),
        # a footnote marker glued to the name is no part of it
        (
            "Het Wetboek van Strafrecht1 wordt gewijzigd als volgt.",
            "Wetboek van Strafrecht",
            "",
            "",
            "",
        ),
        (
            "De bijlage bij artikel 8.8 van de Wet open overheid wordt als volgt gewijzigd:",
            "Wet open overheid",
            "De bijlage bij artikel 8.8",
            "",
            "",
        ),
        (
            "Bijlage 2 bij de Algemene wet bestuursrecht wordt als volgt gewijzigd:",
            "Algemene wet bestuursrecht",
            "Bijlage 2",
            "",
            "",
        ),
        (
            "In artikel 2, tweede lid, onderdeel d, van de Wet bekostiging financieel toezicht "
            "2019 wordt «a» vervangen door «b».",
            "Wet bekostiging financieel toezicht 2019",
            "",
            "",
            "In artikel 2, tweede lid, onderdeel d, wordt «a» vervangen door «b».",
        ),
        (
            "Indien artikel I van de Wet bestuur en toezicht rechtspersonen in werking treedt, "
            "wordt artikel 24 van deze wet als volgt gewijzigd:",
            "",
            "",
            "Indien artikel I van de Wet bestuur en toezicht rechtspersonen in werking treedt",
            "Artikel 24 wordt als volgt gewijzigd:",
        ),
    ],
)
def test_the_heading_names_the_regeling_its_part_and_condition(
    sentence: str, regeling: str, part: str, condition: str, rest: str
) -> None:
    heading = read_heading(sentence)
    assert heading is not None
    assert (heading.regeling, heading.part, heading.condition, heading.sentence) == (
        regeling,
        part,
        condition,
        rest,
    )


def test_an_address_is_not_taken_for_a_regeling() -> None:
    assert read_heading("Het eerste lid van artikel 5 wordt als volgt gewijzigd:") is None
    assert read_heading("In artikel 5 wordt «a» vervangen door «b».") is None


# --- reading the act ----------------------------------------------------------------


def test_amending_articles_numbered_in_arabic_are_read_with_their_regeling() -> None:
    act = read_bekendmaking(ACT)
    assert [(a.name, a.regeling, a.part) for a in act.artikelen] == [
        ("Artikel 20", "Wetboek van Strafrecht", ""),
        ("Artikel 20a", "Wet bekostiging proeven 2019", ""),
        ("Artikel 21", "Algemene wet proeven", "Bijlage 2"),
        ("Artikel 22", "Testwet", ""),  # "deze wet": the act's own citeertitel
    ]
    assert (
        act.artikelen[3].condition == "Indien artikel I van de Wet andere proeven in werking treedt"
    )


def test_every_own_article_is_listed_whatever_the_capitalisation_of_its_label() -> None:
    # the act labels its articles "Artikel" (a bill: "ARTIKEL"); none was listed before
    assert read_bekendmaking(ACT).other == ("1", "23")


def test_instruction_text_reads_back_as_the_same_amending_articles() -> None:
    act = read_bekendmaking(ACT)
    text = act.artikelen[0].text
    assert text.startswith("Artikel 20\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:")
    parsed = parse_text(text)
    [artikel] = parsed.opdrachten.artikelen
    assert (artikel.numeral, artikel.regeling) == ("20", "Wetboek van Strafrecht")
    assert [o.label for o in parsed.opdrachten.opdrachten] == [
        "Artikel 20, onderdeel B, onder 1",
        "Artikel 20, onderdeel B, onder 2",
        "Artikel 20, onderdeel C",
    ]


def test_arabic_article_line_heads_an_amending_article_only_before_a_regeling() -> None:
    text = (
        "Artikel 99\n\nDe Telecommunicatiewet wordt als volgt gewijzigd:\n\n"
        "Artikel 5 komt te luiden:\n\nArtikel 5\n\nDit artikel is nieuw.\n"
    )
    parsed = parse_text(text)
    [artikel] = parsed.opdrachten.artikelen
    assert (artikel.numeral, artikel.regeling) == ("99", "Telecommunicatiewet")
    [opdracht] = parsed.opdrachten.opdrachten
    assert isinstance(opdracht, KomtTeLuiden)
    assert opdracht.block.startswith("Artikel 5")  # the new article's heading: its text
    capitals = parse_text(
        "ARTIKEL 103a\n\nIn artikel 2 van de Wet X 2019 wordt «a» vervangen door «b».\n"
    )
    assert [(a.numeral, a.regeling) for a in capitals.opdrachten.artikelen] == [
        ("103a", "Wet X 2019")
    ]
    assert capitals.opdrachten.opdrachten[0].label == "Artikel 103a"


def test_a_definitielijst_keeps_one_definition_a_block_as_printed() -> None:
    act = read_bekendmaking(ACT)
    text = act.artikelen[0].text
    block = text[text.index("    Artikel 10 Begripsbepalingen") :]
    assert "\n    proef: een test als bedoeld in artikel 1 van de Testwet;\n" in block
    assert "\n    Onze Minister: Onze Minister van Justitie en Veiligheid.\n" in block
    applied = apply_bekendmaking(act, load_path(BASE), assume_conditions=False)
    artikel_10 = next(a for a in applied.applied.version.artikelen if a.number == "10")
    assert [b.text for b in artikel_10.body if isinstance(b, Alinea)] == [
        "In deze titel wordt verstaan onder:",
        "proef: een test als bedoeld in artikel 1 van de Testwet;",
        "Onze Minister: Onze Minister van Justitie en Veiligheid.",
    ]
    assert act.warnings == ()  # no "<definitielijst> read as plain text"


# --- what cannot be carried out, precisely -------------------------------------------------


def test_forms_wetdiff_cannot_carry_out_are_said_per_instruction() -> None:
    report = instructions_report(read_bekendmaking(ACT))
    by_name = {a["name"]: a for a in report["artikelen"]}
    [opschrift] = by_name["Artikel 20"]["not_carried_out"]
    assert opschrift["label"] == "Artikel 20, onderdeel A" and opschrift["kind"] == UNSUPPORTED
    assert "is dat van een titel, niet de tekst van een artikel" in opschrift["reason"]
    [bijlage] = by_name["Artikel 21"]["not_carried_out"]
    assert bijlage["kind"] == OUT_OF_SCOPE
    assert "betreft bijlage 2 bij de Algemene wet proeven" in bijlage["reason"]
    assert "«in de alfabetische volgorde» noemt geen plaats" in bijlage["reason"]
    [conditional] = by_name["Artikel 22"]["not_carried_out"]
    assert conditional["kind"] == CONDITIONAL
    assert "Indien artikel I van de Wet andere proeven in werking treedt" in conditional["reason"]
    # understood all the same
    assert [i["form"] for i in by_name["Artikel 22"]["instructions"]] == ["WoordenVervangen"]
    assert (
        instructions_report(read_bekendmaking(ACT), assume_conditions=True)["artikelen"][3][
            "not_carried_out"
        ]
        == []
    )


def test_instructions_as_json_list_every_amending_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "import", "ob", str(ACT), "--instructions", "--format", "json")
    assert code == 0, err
    data = json.loads(out)  # JSON, not the instruction text
    assert data["schema"] == "wetdiff.import.ob.instructions/1"
    assert [(a["name"], a["regeling"]) for a in data["artikelen"]] == [
        ("Artikel 20", "Wetboek van Strafrecht"),
        ("Artikel 20a", "Wet bekostiging proeven 2019"),
        ("Artikel 21", "Algemene wet proeven"),
        ("Artikel 22", "Testwet"),
    ]
    assert data["own_articles"] == ["1", "23"]


def test_all_or_nothing_by_default_and_partial_writes_what_applies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["import", "ob", str(ACT), "--to", str(BASE), "--print"]
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert "1 of 4 instruction(s) of Artikel 20 could not be applied; nothing was written" in err
    assert "Artikel 20, onderdeel A: Het opschrift «Titel XVIII." in err

    code, out, err = run(capsys, *args, "--partial")
    assert code == 1  # written, and something was not applied: said, not hidden
    assert "ten hoogste tien jaren" in out and "Artikel 251a is van" in out
    assert "proef: een test als bedoeld in artikel 1 van de Testwet;" in out
    assert "not applied: 1 of 4 instruction(s) of Artikel 20:" in err
    assert "Het opschrift «Titel XVIII. Misdrijven tegen de persoonlijke vrijheid»" in err


def test_a_conditional_amendment_is_applied_only_when_asked(tmp_path: Path) -> None:
    own = tmp_path / "1.txt"
    own.write_text(
        "Artikel 1\n\nIn deze wet wordt verstaan onder proef: een test.\n", encoding="utf-8"
    )
    act = read_bekendmaking(ACT)
    held = apply_bekendmaking(act, load_path(own), regeling="Testwet")
    assert [p.kind for p in held.problems] == [CONDITIONAL] and not held.applied.changed
    done = apply_bekendmaking(act, load_path(own), regeling="Testwet", assume_conditions=True)
    assert done.problems == ()
    assert "onder proef: een proef." in render(done.applied.version.artikelen[0])


# --- which amending article is for the version -------------------------------------------


def test_version_named_by_its_whole_intitule_is_matched_on_its_citeertitel() -> None:
    wft = load_path(WFT)
    assert wft.regeling.startswith("Wet van 28 september 2006, houdende")
    assert "Wet op het financieel toezicht" in regeling_names(wft)


def test_version_is_matched_on_the_workspaces_name_for_its_bwb_id(tmp_path: Path) -> None:
    version = Version("x", "x", load_path(BASE).artikelen, None, regeling="", bwb_id="BWBR9999999")
    act = read_bekendmaking(ACT)
    with pytest.raises(WetdiffError, match="does not say which regeling"):
        apply_bekendmaking(act, version)
    found = apply_bekendmaking(act, version, names=("Wetboek van Strafrecht",))
    assert found.which == "Artikel 20"
    # a BWB id given for --regeling is checked against the version's
    with pytest.raises(WetdiffError, match="is BWBR9999999, not BWBR0000001"):
        apply_bekendmaking(act, version, regeling="BWBR0000001")


@real_file
def test_real_staatsblad_lists_every_amending_article_with_its_regeling_named_exactly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "import", "ob", str(REAL), "--instructions", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(a["name"], a["regeling"], a["part"]) for a in data["artikelen"]] == [
        ("Artikel 99", "Telecommunicatiewet", None),
        ("Artikel 100", "Wet bevordering digitale weerbaarheid bedrijven", None),
        ("Artikel 101", "Wet open overheid", "De bijlage bij artikel 8.8"),
        ("Artikel 102", "Wet op het financieel toezicht", None),
        ("Artikel 103", "Algemene wet bestuursrecht", "Bijlage 2"),
        ("Artikel 103a", "Wet bekostiging financieel toezicht 2019", None),
        ("Artikel 103b", "Wet coördinatie terrorismebestrijding en nationale veiligheid", None),
        ("Artikel 105", "Cyberbeveiligingswet", None),
    ]
    # every sentence is read, or refused for a stated reason: none is "not understood"
    kinds = {f["kind"] for a in data["artikelen"] for f in a["not_carried_out"]}
    assert kinds <= {UNSUPPORTED, OUT_OF_SCOPE, CONDITIONAL}
    understood = sum(len(a["instructions"]) for a in data["artikelen"])
    assert understood == 19  # 7 + 8 + 0 + 1 + 0 + 1 + 1 + 1 (Artikel 105 under its condition)
    own = data["own_articles"]
    assert own[-4:] == ["104", "106", "107", "108"] and "21a" in own and len(own) == 103
    assert data["warnings"] == []


@real_file
def test_real_artikel_102_applies_to_wft_1_93(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "ob", str(REAL), "--to", str(WFT), "--print")
    assert code == 0, err
    assert "k. de elfde instantie van deze proef;\n" in out
    assert "    l. Onze Minister en het bij of krachtens algemene maatregel van bestuur" in out
    assert "skipped: Artikel 103a (Wet bekostiging financieel toezicht 2019)" in err


def test_fixture_wft_base_takes_a_new_onderdeel_as_artikel_102_gives_it() -> None:
    """The same sentence and structure as Stb. 2026, 187, Artikel 102, without the file."""
    text = (
        "Artikel 102\n\nIn artikel 1:93, eerste lid, van de Wet op het financieel toezicht "
        "wordt, onder vervanging van de punt aan het slot van onderdeel k door een puntkomma, "
        "een onderdeel toegevoegd, luidende:\n\n    l. de twaalfde instantie van deze proef.\n"
    )
    parsed = parse_text(text)
    assert parsed.problems == ()
    assert parsed.opdrachten.artikelen[0].regeling == "Wet op het financieel toezicht"
    from wetdiff.instructions import apply_opdrachten

    applied = apply_opdrachten(parsed.opdrachten, load_path(WFT))
    assert applied.failures == ()
    out = render(applied.version.artikelen[0])
    assert "    k. de elfde instantie van deze proef;\n    l. de twaalfde" in out


# --- no publication crashes the reader ---------------------------------------------------

_TREES = trees(
    [
        "staatsblad",
        "wettekst",
        "hoofdstuk",
        "paragraaf",
        "wijzig-artikel",
        "wijzig-lid",
        "wijziging",
        "artikeltekst",
        "wat",
        "nr",
        "lidnr",
        "kop",
        "label",
        "artikel",
        "lid",
        "al",
        "lijst",
        "li",
        "li.nr",
        "definitielijst",
        "definitie-item",
        "term",
        "definitie",
        "noot",
    ],
    [
        "",
        "Artikel",
        "99",
        "103a",
        "I",
        "A",
        "1.",
        "l.",
        "De Telecommunicatiewet wordt als volgt gewijzigd:",
        "De Mediawet 2008 wordt als volgt gewijzigd:",
        "Bijlage 2 bij de Algemene wet bestuursrecht wordt als volgt gewijzigd:",
        "Indien x in werking treedt, wordt artikel 24 van deze wet als volgt gewijzigd:",
        "In artikel 1:93, eerste lid, van de Wet op het financieel toezicht wordt «a» "
        "vervangen door «b».",
        "In de alfabetische volgorde wordt ingevoegd:",
        "Het eerste lid komt te luiden:",
        "Het opschrift «Hoofdstuk 1» wordt vervangen door «Hoofdstuk 2».",
        "Deze wet wordt aangehaald als: Testwet.",
        "bedrijf:",
        "«",
    ],
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_TREES)
def test_no_publication_crashes_the_reader(tree: tuple) -> None:
    try:
        act = read_bekendmaking(Path("stb-x.xml"), publication(tree))
    except WetdiffError:
        return
    report = instructions_report(act)  # every amending article read, or refused in words
    assert len(report["artikelen"]) == len(act.artikelen)
    for artikel in act.artikelen:
        parse_text(artikel.text, assume_conditions=True)
