"""``wetdiff cites`` on the shipped example, the whole Wetboek van Strafrecht: who cites
273f, exit 1 when something does and 0 when nothing does."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import forget_open_workspaces

from wetdiff.model.references import extract_references


@pytest.fixture(autouse=True)
def _outside_any_workspace(tmp_path, monkeypatch, worked_example) -> None:  # type: ignore[no-untyped-def,misc]
    monkeypatch.chdir(tmp_path)
    yield
    forget_open_workspaces()


def test_cites_law_273f_lists_the_articles_that_cite_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "cites", "law", "273f")
    assert code == 1
    lines = [line.strip() for line in out.splitlines()[1:-1]]
    assert [line.split(",")[0] for line in lines] == [
        "artikel 5",
        "artikel 5a",
        "artikel 5b",
        "artikel 5b",
        "artikel 71",
        "artikel 77d",
    ]


def test_nothing_cites_an_article_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cites", "law", "479")
    assert code == 0 and "cited by no provision" in out


def test_a_citation_of_another_code_is_not_this_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """447a cites "de artikelen 782 en 178 derde lid" of Boek 8 of the Burgerlijk
    Wetboek (after "… van Boek 8 van het Burgerlijk Wetboek in verband met"): not Sr 178."""
    code, out, _ = run(capsys, "cites", "law", "178")
    assert code == 1
    assert "447a" not in out and "artikel 178a" in out


def test_in_verband_met_keeps_the_regeling_of_the_citation_before_it() -> None:
    text = (
        "opgelegd in artikel 195 van Boek 8 van het Burgerlijk Wetboek in verband met de "
        "artikelen 192 en 178 derde lid; of in artikel 12"
    )
    cited = [r.target.artikel for r in extract_references(text)]
    assert cited == ["12"], "192 and 178 belong to Boek 8 BW; after the ';' artikel 12 is ours"
    named = extract_references(
        "zie artikel 273f van het Wetboek van Strafrecht en artikel 3 Sr",
        others=("Wetboek van Strafrecht", "Sr"),
    )
    assert [(r.target.artikel, r.regeling) for r in named] == [
        ("273f", "Wetboek van Strafrecht"),
        ("3", "Sr"),
    ]


def test_memo_lists_art_5_onder_6_as_a_consequence_to_decide(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "memo.md"
    code, _, err = run(capsys, "memo", "law", "36547", "-o", str(target))
    assert code == 0, err
    memo = target.read_text(encoding="utf-8")
    decide = memo.split("Gevolgen om te beslissen", 1)[1].split("\n#", 1)[0]
    assert "artikel 5, eerste lid, onderdeel 6° verwijst met «artikel 273f» naar" in decide
    assert "artikel 273fb" in decide
    assert "Voorgestelde vervolgwijzigingen" not in memo, "moving to 273fb is no renumbering"
    open_points = memo.split("## Open punten", 1)[1].split("\n## ", 1)[0]
    # the place once, then the question (not "artikel 5, …: artikel 5, … verwijst")
    assert "artikel 5, eerste lid, onderdeel 6°: verwijst met «artikel 273f» naar" in open_points
    assert "onderdeel 6°: artikel 5, eerste lid" not in open_points
    assert "Vervolgwijzigingen (voorgesteld)" not in memo, "nothing to propose in Bijlage A"


def test_a_pure_renumbering_yields_a_proven_consequential_instruction() -> None:
    """273a became 273f (2006): 'artikel 273a' in arts. 5, 5a, 71 and 77d gets the
    instruction to read 273f, proven by applying it; nothing is left to decide."""
    from wetdiff.diff import compare
    from wetdiff.instructions.consequential import consequences
    from wetdiff.model.version import load_path

    fixtures = Path(__file__).parent / "fixtures" / "consequential"
    found = consequences(
        compare(load_path(fixtures / "2006-08-02"), load_path(fixtures / "2006-09-03"))
    )
    assert [c.instruction for c in found] == [
        'In artikel 5, eerste lid, onder 3°, wordt "273a" vervangen door "273f".',
        'In artikel 5a, eerste lid, wordt "273a" vervangen door "273f".',
        'In artikel 71, onder 3°, wordt "273a" vervangen door "273f".',
        'In artikel 77d, tweede lid, wordt "273a" vervangen door "273f".',
    ]
    assert not any(c.decide for c in found)
