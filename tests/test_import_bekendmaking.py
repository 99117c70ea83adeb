"""``wetdiff import ob``: an officiële bekendmaking (Kamerstuk, Staatsblad XML) applied to
a version. Fixtures are small files in the structure of the officiële publicaties XML,
written for these tests (tests/fixtures/bekendmaking/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

from wetdiff.errors import WetdiffError
from wetdiff.importers.bekendmaking import apply_bekendmaking, read_bekendmaking
from wetdiff.model.text_format import render
from wetdiff.model.version import load_path

HERE = Path(__file__).parent / "fixtures" / "bekendmaking"
BILL = HERE / "kst-fixture-2.xml"
STB = HERE / "stb-fixture.xml"
BASE = HERE / "base"

ARTIKEL_9 = """Artikel 9

1. Met gevangenisstraf van ten hoogste twaalf jaren wordt gestraft degene die een ander werft.

2. Met dezelfde straf wordt gestraft degene die een ander vervoert.

3. Met gevangenisstraf van ten hoogste twaalf jaren wordt gestraft degene die:
    1°. een minderjarige werft;
    2°. een ander dwingt;
    3°. een ander huisvest.

4. Artikel 251 is van overeenkomstige toepassing.
"""

ARTIKEL_9A = """Artikel 9a

1. Als schuldig aan uitbuiting wordt gestraft degene die een ander:
    a. arbeid laat verrichten tegen een onredelijk lage beloning;
    b. huisvest onder mensonwaardige omstandigheden.

2. Artikel 251 is van overeenkomstige toepassing.
"""

ARTIKEL_10 = """Artikel 10

De schuldige kan worden ontzet van de in artikel 28, onder 1°, 2° en 4°, genoemde rechten.
"""


def variant(tmp_path: Path, old: str, new: str, source: Path = BILL) -> Path:
    path = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# --- reading -------------------------------------------------------------------------


def test_amending_articles_are_read_with_the_regeling_they_name() -> None:
    bekendmaking = read_bekendmaking(BILL)
    assert bekendmaking.kind == "kamerstuk"
    assert bekendmaking.description == "kst-fixture-2 (Kamerstuk 99 999, nr. 2)"
    assert [(a.numeral, a.regeling) for a in bekendmaking.artikelen] == [
        ("I", "Wetboek van Strafrecht"),
        ("II", "Wetboek van Strafrecht BES"),
    ]
    assert bekendmaking.other == ("III",)  # inwerkingtreding: amends nothing
    assert bekendmaking.warnings == ()


def test_instruction_text_reads_as_printed_with_new_texts_under_luidende() -> None:
    text = read_bekendmaking(BILL).artikelen[0].text
    # the footnote after the regeling's name is not part of the sentence
    assert text.startswith(
        "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt "
        "gewijzigd:\n\nA\n\nArtikel 9 wordt als volgt gewijzigd:\n\n"
        "1. In het eerste lid wordt «acht» vervangen door «twaalf».\n"
    )
    assert (
        "een lid ingevoegd, luidende:\n\n"
        "    2. Met dezelfde straf wordt gestraft degene die een ander vervoert.\n"
    ) in text
    assert "een onderdeel toegevoegd, luidende:\n\n    3°. een ander huisvest.\n" in text
    assert "Na artikel 9 wordt een artikel ingevoegd, luidende:\n\n    Artikel 9a\n" in text
    assert "Artikel 10 komt te luiden:\n\n    Artikel 10\n\n    De schuldige" in text


# --- applying ------------------------------------------------------------------------


def test_bill_replaces_words_inserts_lid_with_renumbering_adds_and_restates_articles() -> None:
    result = apply_bekendmaking(read_bekendmaking(BILL), load_path(BASE))
    assert result.problems == ()
    assert result.applied.changed == ("9", "9a", "10")
    assert result.applied.applied == 5
    texts = {a.number: render(a) for a in result.applied.version.artikelen}
    assert texts == {"9": ARTIKEL_9, "9a": ARTIKEL_9A, "10": ARTIKEL_10}
    assert [(a.numeral, a.regeling) for a in result.skipped] == [
        ("II", "Wetboek van Strafrecht BES")
    ]


def test_staatsblad_naming_the_regeling_in_its_article_sentence() -> None:
    bekendmaking = read_bekendmaking(STB)
    assert bekendmaking.kind == "staatsblad"
    assert bekendmaking.artikelen[0].regeling == "Wetboek van Strafrecht"
    result = apply_bekendmaking(bekendmaking, load_path(BASE))
    assert result.problems == ()
    (artikel,) = [a for a in result.applied.version.artikelen if a.number == "9"]
    assert render(artikel) == (
        "Artikel 9\n\n"
        "1. Met gevangenisstraf van ten hoogste acht jaren wordt gestraft degene die een "
        "ander werft.\n\n"
        "2. Met gevangenisstraf van ten hoogste vijftien jaren wordt gestraft degene die "
        "een minderjarige werft.\n"
    )


def test_two_artikelen_amending_the_same_regeling_apply_in_their_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BILL.read_text(encoding="utf-8")
    text = text.replace("Wetboek van Strafrecht BES", "Wetboek van Strafrecht")
    text = text.replace(
        "In artikel 286f, eerste lid, wordt «zes» vervangen door «acht».",
        "In artikel 10 wordt «genoemde rechten» vervangen door «genoemde rechten en bevoegdheden».",
    )
    path = tmp_path / "kst-fixture-2.xml"
    path.write_text(text, encoding="utf-8")
    result = apply_bekendmaking(read_bekendmaking(path), load_path(BASE))
    assert result.which == "ARTIKELEN I, II"
    assert result.problems == () and result.skipped == ()
    (artikel,) = [a for a in result.applied.version.artikelen if a.number == "10"]
    # ARTIKEL II amends the text as ARTIKEL I, onderdeel C, restated it
    assert render(artikel).endswith("onder 1°, 2° en 4°, genoemde rechten en bevoegdheden.\n")


def test_new_text_in_a_wijziging_of_its_own_after_the_articles_sentence() -> None:
    bekendmaking = read_bekendmaking(HERE / "stb-wijziging-wrapper.xml")
    result = apply_bekendmaking(bekendmaking, load_path(BASE))
    assert result.problems == ()
    (artikel,) = [a for a in result.applied.version.artikelen if a.number == "10"]
    assert render(artikel) == (
        "Artikel 10\n\n1. De schuldige kan worden ontzet van de in artikel 28 genoemde "
        "rechten.\n\n2. De rechter vermeldt de duur van de ontzetting.\n"
    )


def test_print_shows_the_new_texts_and_lists_the_skipped_artikel(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "import", "ob", str(BILL), "--to", str(BASE), "--print")
    assert code == 0, err
    assert out == "\n".join([ARTIKEL_9, ARTIKEL_9A, ARTIKEL_10])
    assert "skipped: ARTIKEL II (Wetboek van Strafrecht BES)" in err


def test_a_failing_instruction_is_reported_in_its_own_words_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(tmp_path, "wordt «acht» vervangen", "wordt «negen» vervangen")
    code, out, err = run(capsys, "import", "ob", str(path), "--to", str(BASE), "--print")
    assert code == 1
    assert out == ""
    assert "nothing was written" in err
    assert (
        "ARTIKEL I, onderdeel A, onder 1: In het eerste lid wordt «negen» vervangen "
        "door «twaalf»." in err
    )
    code, out, err = run(
        capsys, "import", "ob", str(path), "--to", str(BASE), "--print", "--format", "json"
    )
    assert code == 1 and "nothing was written" in err
    (failed,) = json.loads(out)["failed"]
    assert failed["words"] == "In het eerste lid wordt «negen» vervangen door «twaalf»."


def test_version_without_regeling_and_several_artikelen_asks_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stage"
    folder.mkdir()
    for number in ("9", "10"):
        source = BASE / number / "2020-01-01.txt"
        (folder / f"{number}.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "import", "ob", str(BILL), "--to", str(folder), "--print")
    assert code == 2 and "--regeling" in err and "Wetboek van Strafrecht BES (ARTIKEL II)" in err
    code, out, err = run(
        capsys,
        "import",
        "ob",
        str(BILL),
        "--to",
        str(folder),
        "--print",
        "--regeling",
        "Wetboek van Strafrecht",
    )
    assert code == 0, err
    assert out.startswith(ARTIKEL_9)


def test_a_regeling_the_document_does_not_amend_is_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(
        capsys,
        "import",
        "ob",
        str(BILL),
        "--to",
        str(BASE),
        "--print",
        "--regeling",
        "Wetboek van Strafvordering",
    )
    assert code == 2
    assert "has no amending article for the Wetboek van Strafvordering" in err


def test_instructions_option_prints_the_text_wetdiff_apply_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", "ob", str(BILL), "--instructions")
    assert code == 0, err
    assert out.startswith("ARTIKEL I\n") and "\nARTIKEL II\n" in out
    path = tmp_path / "opdrachten.txt"
    path.write_text(read_bekendmaking(BILL).artikelen[0].text, encoding="utf-8")
    code, out, err = run(capsys, "apply", str(path), "--to", str(BASE), "--print")
    assert code == 0, err
    assert out == "\n".join([ARTIKEL_9, ARTIKEL_9A, ARTIKEL_10])


def test_stb_2013_444_words_read_as_the_text_instructions_and_refused_alike(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The verbatim sentences of Stb. 2013, 444, ARTIKEL I, A, in XML form, are read into
    the same instructions as their text; on the 2013-09-01 text (already changed by Stb.
    2013, 95: samenloop) items 3 and 4 are refused in their own words, nothing printed."""
    from wetdiff.instructions import parse_text

    samples = Path(__file__).parent / "fixtures" / "instructions" / "stb-2013-444"
    from_xml = parse_text(read_bekendmaking(HERE / "stb-2013-444-A.xml").artikelen[0].text)
    from_text = parse_text((samples / "instructions.txt").read_text(encoding="utf-8"))
    assert from_xml.problems == ()
    assert from_xml.opdrachten.opdrachten == from_text.opdrachten.opdrachten
    code, out, err = run(
        capsys,
        "import",
        "ob",
        str(HERE / "stb-2013-444-A.xml"),
        "--to",
        str(samples / "2013-09-01"),
        "--print",
    )
    assert code == 1 and out == ""
    assert "2 of 4 instruction(s) of ARTIKEL I could not be applied" in err
    assert (
        "ARTIKEL I, onderdeel A, onder 4: In het tweede lid wordt «onderdelen 2° en 3°» "
        "vervangen door: onderdelen 2°, 3°, 5° en 6°."
    ) in err
    assert "onderdeel 5° eindigt niet op een punt maar op «;»" in err


# --- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, message",
    [
        ("billion_laughs.xml", "declares entities"),
        ("external_entity.xml", "declares entities"),
        ("truncated.xml", "incomplete"),
        ("not_xml_page.xml", "no amending article (<wijzig-artikel>) in this <html> document"),
    ],
)
def test_hostile_or_unknown_xml_is_refused_exit_2(
    name: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "import", "ob", str(HERE / "hostile" / name), "--to", str(BASE), "--print"
    )
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_amendment_inserting_an_amending_article_applies_that_article() -> None:
    bekendmaking = read_bekendmaking(HERE / "amendement-artikel.xml")
    assert [(a.numeral, a.regeling) for a in bekendmaking.artikelen] == [
        ("IA", "Wetboek van Strafrecht")
    ]
    result = apply_bekendmaking(bekendmaking, load_path(BASE))
    assert result.problems == ()
    assert result.applied.changed == ("10",)
    (artikel,) = [a for a in result.applied.version.artikelen if a.number == "10"]
    assert render(artikel).endswith("genoemde rechten en bevoegdheden.\n")


def test_bwb_xml_and_an_amendment_get_their_own_advice() -> None:
    bwb = Path(__file__).parent / "fixtures" / "bwb" / "toestand.xml"
    with pytest.raises(WetdiffError, match="this is BWB XML") as bwb_error:
        read_bekendmaking(bwb)
    assert "wetdiff import bwb" in (bwb_error.value.hint or "")
    with pytest.raises(WetdiffError, match="this is an amendment"):
        read_bekendmaking(HERE / "amendement.xml")


@pytest.mark.parametrize(
    "old, new",
    [
        ("een ander huisvest.", "een ander&#x9b;31m huisvest."),  # in a new text
        ("wordt «acht» vervangen", "wordt «acht&#x9b;» vervangen"),  # in an instruction
    ],
)
def test_a_control_character_is_refused(tmp_path: Path, old: str, new: str) -> None:
    # XML 1.0 itself refuses C0 controls (ESC); C1 controls (CSI) are well-formed XML
    path = variant(tmp_path, old, new)
    with pytest.raises(WetdiffError, match="control character"):
        read_bekendmaking(path)


def test_usage_needs_a_version_and_one_destination(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "ob", str(BILL), "--print")
    assert code == 2 and "--to" in err
    code, _, err = run(capsys, "import", "ob", str(BILL), "--to", str(BASE))
    assert code == 2 and "--as" in err


# --- through the store ---------------------------------------------------------------

STORE_BILL = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <kamerstuk>
    <dossier><dossiernummer><dossiernr>99 999</dossiernr></dossiernummer></dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>3</ondernummer></stuknr>
      <voorstel-wet><wettekst>
        <wijzig-artikel>
          <kop><label>ARTIKEL</label><nr>I</nr></kop>
          <wat>Het Wetboek van Strafrecht wordt als volgt gewijzigd:</wat>
          <wijziging>
            <nr>A</nr>
            <wat>In artikel 251 wordt «kan» vervangen door «kan tevens».</wat>
          </wijziging>
          <wijziging>
            <nr>B</nr>
            <wat>Na artikel 251 wordt een artikel ingevoegd, luidende:</wat>
            <artikel><kop><label>Artikel</label><nr>251a</nr></kop>
              <al>Dit artikel is geschreven voor een test.</al></artikel>
          </wijziging>
        </wijzig-artikel>
      </wettekst></voorstel-wet>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""


def test_as_a_proposal_stage_commits_naming_the_document_and_failures_commit_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from store_helpers import build, forget_open_workspaces, git

    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    try:
        bad = tmp_path / "kst-99999-3-bad.xml"
        bad.write_text(STORE_BILL.replace("«kan»", "«mag»"), encoding="utf-8")
        head = git(root, "rev-parse", "HEAD").strip()
        code, _, err = run(capsys, "import", "ob", str(bad), "--to", "law", "--as", "36547/A")
        assert code == 1 and "«mag» komt niet voor" in err
        assert git(root, "rev-parse", "HEAD").strip() == head
        assert not (root / "proposals/36547/A/251a.txt").exists()

        good = tmp_path / "kst-99999-3.xml"
        good.write_text(STORE_BILL, encoding="utf-8")
        code, out, err = run(capsys, "import", "ob", str(good), "--to", "law", "--as", "36547/A")
        assert code == 0, err
        assert "saved as 36547/A: 251, 251a" in out
        assert "kan tevens" in (root / "proposals/36547/A/251.txt").read_text(encoding="utf-8")
        assert (root / "proposals/36547/A/251a.txt").read_text(encoding="utf-8") == (
            "Artikel 251a\n\nDit artikel is geschreven voor een test.\n"
        )
        subjects = git(root, "log", "-2", "--format=%s").splitlines()
        assert all(
            s.startswith(
                "kst-99999-3 (Kamerstuk 99 999, nr. 3): ARTIKEL I "
                "(Wetboek van Strafrecht) toegepast op law"
            )
            for s in subjects
        )
        assert git(root, "rev-parse", "HEAD~2").strip() == head
        assert git(root, "status", "--porcelain") == ""
    finally:
        forget_open_workspaces()
