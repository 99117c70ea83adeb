"""Several regelingen in one workspace: the worked example (the whole Wetboek van
Strafrecht and bill 36 547) with a second, small regeling imported beside it
(``fixtures/regeling2``, a test regeling that cites the Sr by name)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import forget_open_workspaces

from wetdiff.store.workspace import open_workspace

SECOND = Path(__file__).parent / "fixtures" / "regeling2" / "2014-01-01.xml"


@pytest.fixture(scope="module")
def _two_regelingen(_worked_example_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (example,) = _worked_example_data.glob("example-*")
    target = tmp_path_factory.mktemp("two") / "ws"
    shutil.copytree(example, target, symlinks=True)
    return target


@pytest.fixture
def two(
    _two_regelingen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Path]:
    """The example with the second regeling imported (and committed) into it."""
    monkeypatch.chdir(_two_regelingen)
    if not (_two_regelingen / "articles" / "BWBR0099999").is_dir():
        code, _, err = run(capsys, "import", "bwb", str(SECOND))
        assert code == 0, err
    yield _two_regelingen
    forget_open_workspaces()


def test_a_second_regeling_leaves_every_proposal_working(
    two: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "show", "36547/nr2")
    assert code == 0, err
    assert "Artikel 273fb" in out
    code, out, err = run(capsys, "check", "36547")
    assert "ambiguous" not in out + err
    assert code in (0, 1) and "36547" in out
    code, _, err = run(capsys, "memo", "law", "36547", "-o", str(tmp_path / "memo.md"))
    assert code == 0, err
    assert "Artikel 273fb" in (tmp_path / "memo.md").read_text(encoding="utf-8")
    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "json")
    assert code == 1, err


def test_the_terminal_ui_opens_its_default_comparison(two: Path) -> None:
    """``wetdiff`` with no versions: wetdiff.toml's ["law", "36547"] still opens."""
    from wetdiff.cli.commands.tui import check_versions
    from wetdiff.tui.data import Session

    check_versions(None, None, None)
    comparison = Session().compare_text(None, None)
    assert comparison.changeset.new.bwb_id == "BWBR0001854"
    assert comparison.changeset.old.bwb_id == "BWBR0001854"


def test_law_alone_is_ambiguous_only_where_nothing_says_which(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "show", "law")
    assert code == 2
    assert "'law' is ambiguous" in err
    assert "BWBR0001854 (Wetboek van Strafrecht)" in err
    assert "BWBR0099999 (Wet testregeling mensenhandel)" in err
    code, out, err = run(capsys, "show", "BWBR0099999@2014-06-01")
    assert code == 0, err
    assert "artikel 273f van het Wetboek van Strafrecht" in out
    code, out, _ = run(capsys, "versions")
    assert "BWBR0099999@2014-01-01" in out and "BWBR0001854@2013-11-16" in out


def test_an_old_law_base_is_read_as_the_proposals_regeling(
    _worked_example_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (example,) = _worked_example_data.glob("example-*")
    root = tmp_path / "ws"
    monkeypatch.chdir(tmp_path)
    shutil.copytree(example, root, symlinks=True)
    monkeypatch.chdir(root)
    code, _, err = run(capsys, "import", "bwb", str(SECOND))
    assert code == 0, err
    toml = root / "proposals" / "36547" / "proposal.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'base = "BWBR0001854@2024-04-25"' in text
    toml.write_text(text.replace("BWBR0001854@2024-04-25", "law@2024-04-25"), encoding="utf-8")
    code, out, err = run(capsys, "show", "36547/nr2")
    assert code == 0, err
    assert "Artikel 273fb" in out and "Wet testregeling" not in out
    forget_open_workspaces()


def test_a_new_proposal_stores_its_base_with_the_regeling(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "new-proposal", "tweede", "--from", "BWBR0099999@2014-06-01", "--article", "1"
    )
    try:
        assert code == 0, err
        proposal = (two / "proposals" / "tweede" / "proposal.toml").read_text(encoding="utf-8")
        assert 'base = "BWBR0099999@2014-06-01"' in proposal
        assert 'bwb_id = "BWBR0099999"' in proposal
        code, _, err = run(capsys, "diff", "law", "tweede", "--format", "json")
        assert code == 0, err  # law facing 'tweede' is its regeling: nothing changed yet
        workspace = open_workspace()
        assert {p.id for p in workspace.proposals()} == {"36547", "tweede"}
    finally:
        shutil.rmtree(two / "proposals" / "tweede", ignore_errors=True)


def test_cites_searches_every_regeling_and_names_each(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "cites", "BWBR0001854@2014-06-01", "273f", "--format", "json")
    assert code == 1
    import json

    found = json.loads(out)["citations"]
    own = sorted({c["locatie"].split("/")[0] for c in found if c["own"]})
    assert own == ["5", "5a", "5b", "71", "77d"]
    elsewhere = [(c["bwb_id"], c["locatie"]) for c in found if not c["own"]]
    assert elsewhere == [("BWBR0099999", "1")]
    # the test regeling's own 447a and 5 are its own: no citation of the Sr's
    code, out, _ = run(capsys, "cites", "BWBR0001854@2014-06-01", "447a")
    assert code == 0 and "cited by no provision" in out
    code, out, _ = run(capsys, "cites", "BWBR0099999@2014-06-01", "447a")
    assert code == 1 and "artikel 2, tweede lid" in out


def test_diff_and_memo_list_a_provision_of_another_regeling_that_cites_a_moved_one(
    two: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bill 36 547 moves part of 273f to 273fb; the test regeling's article 1 cites
    "artikel 273f van het Wetboek van Strafrecht": does it now also mean 273fb? A
    question for the drafter, in the diff and among the memo's open points."""
    import json

    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "json")
    assert code == 1, err
    (theirs,) = [s for s in json.loads(out)["stale_citations"] if s["bwb_id"] == "BWBR0099999"]
    assert (theirs["locatie"], theirs["kind"], theirs["also"]) == ("1", "partial", ["273fb"])
    assert theirs["in_words"] == "Wet testregeling mensenhandel (BWBR0099999), artikel 1"
    assert theirs["instruction"] is None and "artikel 273fb" in theirs["question"]
    assert "moet de verwijzing ook dat omvatten?" in theirs["vraag"]
    code, out, _ = run(capsys, "diff", "law", "36547/nr2", "--format", "unified")
    assert "Wet testregeling mensenhandel (BWBR0099999), artikel 1: «artikel 273f»" in out
    code, _, err = run(capsys, "memo", "law", "36547/nr2", "-o", str(tmp_path / "memo.md"))
    assert code == 0, err
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    open_points = memo.split("## Open punten", 1)[1].split("\n## ", 1)[0]
    assert "Wet testregeling mensenhandel (BWBR0099999), artikel 1: " in open_points


def test_renumbering_a_cited_article_amends_the_other_regeling_too(two: Path) -> None:
    """273f renumbered to 273g: the Sr's own citations and the test regeling's citation
    by name each get the instruction to read 273g, proven on the text they stand in."""
    from dataclasses import replace

    from wetdiff.diff import compare
    from wetdiff.instructions.consequential import consequences, consequential_text
    from wetdiff.store.versions import resolve

    workspace = open_workspace()
    old = resolve("BWBR0001854@2014-06-01", workspace)
    renumbered = tuple(
        replace(a, number="273g") if a.number == "273f" else a for a in old.artikelen
    )
    changeset = compare(old, replace(old, artikelen=renumbered, label="273g"))
    found = consequences(changeset, workspace)
    assert not any(c.decide for c in found)
    (theirs,) = [c for c in found if c.regeling]
    assert theirs.instruction == 'In artikel 1, wordt "artikel 273f" vervangen door "artikel 273g".'
    block = consequential_text(found, changeset)
    assert block.split("\n\n")[-1].splitlines() == [
        "Wet testregeling mensenhandel (BWBR0099999):",
        theirs.instruction,
    ]
    assert block.startswith("Wetboek van Strafrecht:\nIn artikel 5, eerste lid, onder 6°")
