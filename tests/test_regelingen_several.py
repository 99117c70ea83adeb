"""A proposal that amends several regelingen: ARTIKEL I for the (fixture) Wetboek van
Strafrecht, ARTIKEL II for a second, small regeling (``fixtures/regeling2``). Its further
regeling is named in ``proposal.toml`` (``also_amends``), and a stage's texts of it are in
the stage's folder under its BWB id (``nr2/BWBR0099999/1.txt``)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import git

SECOND = Path(__file__).parent / "fixtures" / "regeling2" / "2014-01-01.xml"
ALSO = 'also_amends = ["BWBR0099999@2024-04-25"]\n'
ART_1 = (
    "Artikel 1\n\nIn deze wet wordt verstaan onder mensenhandel: het misdrijf omschreven in "
    "de artikelen 273f en 273fa van het Wetboek van Strafrecht.\n"
)
ART_2 = """\
Artikel 2

1. Onze Minister meldt elk vermoeden van een feit als bedoeld in artikel 1.

2. Het eerste lid geldt niet voor feiten als bedoeld in artikel 447a van deze wet.

3. Onze Minister doet jaarlijks verslag van de meldingen.
"""


@pytest.fixture
def several(store_workspace: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The store's fixture workspace with the second regeling imported, and bill 36547
    amending it too (stage nr2: artikel 1 reworded, artikel 2 a third lid)."""
    root = store_workspace
    code, _, err = run(capsys, "import", "bwb", str(SECOND))
    assert code == 0, err
    toml = root / "proposals/36547/proposal.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("\n[[stage]]", "\n" + ALSO + "\n[[stage]]", 1), encoding="utf-8")
    folder = root / "proposals/36547/nr2/BWBR0099999"
    folder.mkdir()
    (folder / "1.txt").write_text(ART_1, encoding="utf-8")
    (folder / "2.txt").write_text(ART_2, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "36547 amends the testregeling too")
    return root


def test_diff_shows_each_regeling_under_its_artikel(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "unified")
    assert code == 1, err
    first, second = out.split("== ARTIKEL II: Wet testregeling mensenhandel (BWBR0099999) ==")
    assert "== ARTIKEL I: Wetboek van Strafrecht (BWBR0001854) ==" in first
    assert "{+vijftien+}" in first or "+1. Als schuldig aan mensenhandel" in first
    assert "273fa" in first and "273fa" not in second.split("@@")[1]
    assert (
        "+In deze wet wordt verstaan onder mensenhandel: het misdrijf omschreven in de " in second
    )
    assert "+3. Onze Minister doet jaarlijks verslag van de meldingen." in second
    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    assert data["bwb_id"] == "BWBR0001854"
    assert {
        c["new"]["artikel"] for c in data["changes"] if c["kind"] != "unchanged" and c["new"]
    } >= {"273fa"}
    (further,) = data["further_regelingen"]
    assert further["bwb_id"] == "BWBR0099999"
    assert further["regeling"] == "Wet testregeling mensenhandel"
    changed = [c for c in further["changes"] if c["kind"] != "unchanged"]
    assert {c["new"]["artikel"] for c in changed} == {"1", "2"}


def test_the_memo_has_one_artikel_per_regeling_proven(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "memo", "law", "36547/nr2", "-o", str(memo))
    assert code == 0, err
    assert "wijzigingsopdrachten proven" in out + err
    text = memo.read_text(encoding="utf-8")
    first = text.index("### ARTIKEL I — Wetboek van Strafrecht")
    second = text.index("### ARTIKEL II — Wet testregeling mensenhandel")
    assert first < text.index("(artikel 273fa)") < second
    assert second < text.index("ARTIKEL II, onderdeel A (artikel 1)")
    assert "De Wet testregeling mensenhandel wordt als volgt gewijzigd:" in text


def test_apply_replays_the_generated_instructions_on_both_regelingen(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    memo = tmp_path / "memo.json"
    code, _, err = run(capsys, "memo", "law", "36547/nr2", "-o", str(memo))
    assert code == 0, err
    instructions = tmp_path / "opdrachten.txt"
    instructions.write_text(
        json.loads(memo.read_text(encoding="utf-8"))["instructions"]["text"], encoding="utf-8"
    )
    code, out, err = run(
        capsys, "apply", str(instructions), "--to", "BWBR0001854@2024-04-25", "--print"
    )
    assert code == 0, err
    assert "== Wet testregeling mensenhandel (BWBR0099999) ==" in out
    code, _, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2025-09-01", "--title", "NvW", "--empty"
    )
    assert code == 0, err
    code, out, err = run(
        capsys, "apply", str(instructions), "--to", "BWBR0001854@2024-04-25", "--as", "36547/nvw1"
    )
    assert code == 0, err
    assert "changed: 273f, 273fa; Wet testregeling mensenhandel: 1, 2" in out
    stage = several / "proposals/36547/nvw1"
    assert (stage / "BWBR0099999/1.txt").read_text(encoding="utf-8") == ART_1
    assert (stage / "BWBR0099999/2.txt").read_text(encoding="utf-8") == ART_2
    assert not (stage / "1.txt").exists()  # never in the Sr's folder
    assert git(several, "status", "--porcelain") == ""
    assert "Regeling: BWBR0099999" in git(several, "log", "-1", "--format=%B")
    code, out, err = run(capsys, "diff", "36547/nr2", "36547/nvw1", "--format", "unified")
    assert code == 0, out + err  # the replay gives the stage exactly, in both regelingen


def _two_artikelen(tmp_path: Path, penalty: str, second: str) -> Path:
    """Amending instructions in two ARTIKELEN: the Sr's 273f (twaalf → ``penalty``) and
    artikel 1 of the regeling named ``second``."""
    instructions = tmp_path / "opdrachten.txt"
    instructions.write_text(
        "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\n"
        f"In artikel 273f, eerste lid, wordt «twaalf» vervangen door «{penalty}».\n\n"
        f"ARTIKEL II\n\nDe {second} wordt als volgt gewijzigd:\n\n"
        "In artikel 1 wordt «artikel 273f» vervangen door «artikel 273g».\n",
        encoding="utf-8",
    )
    return instructions


def test_an_artikel_for_a_regeling_the_version_lacks_is_reported_not_applied(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    instructions = _two_artikelen(tmp_path, "vijftien", "Wet op de testverzekering")
    code, _, err = run(capsys, "apply", str(instructions), "--to", "36547/nr2", "--print")
    assert code == 1
    assert "ARTIKEL II wijzigt Wet op de testverzekering" in err
    assert "nothing was written" in err


def test_check_and_show_work_on_a_proposal_of_several_regelingen(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", "36547")
    assert code in (0, 1), err
    assert "Traceback" not in err
    assert "Wet testregeling mensenhandel" in out
    assert "artikel 2, derde lid" in out  # the second regeling's change, unexplained
    code, out, err = run(capsys, "show", "36547/nr2")
    assert code == 0, err
    assert "Artikel 273fa" in out


def test_a_bad_also_amends_is_one_message_with_its_line(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = several / "proposals/36547/proposal.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(ALSO, 'also_amends = ["testregeling"]\n'),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "diff", "law", "36547/nr2")
    assert code == 2
    assert "'testregeling' in 'also_amends' names no regeling and date" in err
    line = toml.read_text(encoding="utf-8").splitlines().index('also_amends = ["testregeling"]')
    assert f"proposal.toml:{line + 1}:" in err


def test_log_follows_an_article_of_the_second_regeling_through_the_stages(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "log", "2", "--regeling", "BWBR0099999")
    assert code == 0, err
    assert out.startswith("Artikel 2: 2 versions")
    stage, law = out.split("\n\n")[1:3]
    assert "36547/nr2" in stage and "Onze Minister doet jaarlijks verslag" in stage
    assert "2014-01-01" in law
    code, out, err = run(capsys, "log", "273f", "--regeling", "BWBR0099999")
    assert code == 2 and "artikel 273f has no versions" in err
    code, _, err = run(capsys, "log", "2", "--regeling", "BWBR0000001")
    assert code == 2 and "holds no versions of BWBR0000001" in err


def test_a_new_stage_copies_the_texts_of_every_regeling(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2024-09-01", "--title", "NvW",
        "--from", "nr2",
    )  # fmt: skip
    assert code == 0, err
    assert (several / "proposals/36547/nvw1/BWBR0099999/1.txt").read_text(encoding="utf-8") == ART_1
    code, out, err = run(capsys, "diff", "36547/nr2", "36547/nvw1", "--format", "unified")
    assert code == 0, out + err


def test_show_and_save_name_the_further_regeling(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "show", "36547/nr2")
    assert code == 0, err
    first, second = out.split("== ARTIKEL II: Wet testregeling mensenhandel (BWBR0099999) ==")
    assert "Artikel 273fa" in first and "Artikel 273fa" not in second
    assert "3. Onze Minister doet jaarlijks verslag van de meldingen." in second
    code, out, err = run(capsys, "show", "36547/nr2", "--format", "json")
    assert json.loads(out)["further_regelingen"][0]["articles"]["2"] == ART_2
    text = tmp_path / "2.txt"
    text.write_text(ART_2.replace("jaarlijks", "halfjaarlijks"), encoding="utf-8")
    code, out, err = run(
        capsys, "save", "36547/A", str(text), "--regeling", "BWBR0099999", "-m", "Vaker verslag"
    )
    assert code == 0, err
    saved = several / "proposals/36547/A/BWBR0099999/2.txt"
    assert "halfjaarlijks" in saved.read_text(encoding="utf-8")
    assert not (several / "proposals/36547/A/2.txt").exists()
    code, out, _ = run(capsys, "diff", "36547/nr2", "36547/A", "--format", "unified")
    assert "{+halfjaarlijks+}" in out or "+3. Onze Minister doet halfjaarlijks" in out
    code, _, err = run(
        capsys, "save", "36547/A", str(text), "--regeling", "BWBR0000001", "-m", "Elders"
    )
    assert code == 2 and "does not amend BWBR0000001" in err


def test_a_note_explains_a_change_of_the_second_regeling(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "diff", "law", "36547/nr2", "--format", "json")
    (further,) = json.loads(out)["further_regelingen"]
    change = next(
        c["id"]
        for c in further["changes"]
        if c["kind"] != "unchanged" and c["new"]["artikel"] == "1"
    )
    code, out, err = run(
        capsys, "note", "add", "--regeling", "BWBR0099999", "--stage", "nr2", "--change", change,
        "--rationale", "De testregeling volgt de nieuwe artikelen.", "--gap", "toelichting volgt",
    )  # fmt: skip
    assert code == 0, err
    notes = (several / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    assert 'regeling = "BWBR0099999"' in notes
    code, out, _ = run(capsys, "diff", "law", "36547/nr2", "--format", "unified")
    second = out.split("== ARTIKEL II")[1]
    assert "De testregeling volgt de nieuwe artikelen." in second
    code, out, _ = run(capsys, "check", "36547")
    report = out.split("36547 (Wet testregeling mensenhandel): BWBR0099999@2024-04-25")[1]
    report = report.split("\n36547")[0]
    assert "1 notes" in report
    assert "artikel 1: reworded without a note" not in report
    assert "artikel 2, derde lid: inserted without a note" in report
    memo = tmp_path / "memo.md"
    code, _, err = run(capsys, "memo", "law", "36547/nr2", "-o", str(memo))
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert text.index("De testregeling volgt de nieuwe artikelen.") > text.index(
        "### ARTIKEL II — Wet testregeling mensenhandel"
    )


def test_a_note_on_a_regeling_the_proposal_does_not_amend_is_named_with_its_line(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = several / "proposals/36547/notes.toml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        + '\n[[note]]\nid = "elders"\nat = "1"\nquote = "artikel"\nregeling = "BWBR0000001"\n'
        'stage = "nr2"\nrationale = "Elders."\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "36547")
    assert code == 2
    assert "note elders explains a change of BWBR0000001" in err
    assert "notes.toml:" in err


def test_apply_to_law_as_a_stage_reads_law_as_the_proposals_regelingen(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    instructions = _two_artikelen(tmp_path, "zestien", "Wet testregeling mensenhandel")
    code, _, err = run(capsys, "apply", str(instructions), "--to", "law", "--print")
    assert code == 2 and "'law' is ambiguous" in err  # nothing says which regeling
    code, _, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2025-09-01", "--title", "NvW", "--empty"
    )
    assert code == 0, err
    code, out, err = run(capsys, "apply", str(instructions), "--to", "law", "--as", "36547/nvw1")
    assert code == 0, err
    assert "changed: 273f; Wet testregeling mensenhandel: 1" in out
    stage = several / "proposals/36547/nvw1"
    assert "artikel 273g" in (stage / "BWBR0099999/1.txt").read_text(encoding="utf-8")
    assert "zestien" in (stage / "273f.txt").read_text(encoding="utf-8")


def test_a_proposal_started_from_a_stage_amends_the_same_regelingen(
    several: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "new-proposal", "mijn-ontwerp", "--from", "36547/nr2")
    assert code == 0, err
    folder = several / "proposals/mijn-ontwerp"
    toml = tomllib.loads((folder / "proposal.toml").read_text(encoding="utf-8"))
    assert toml["also_amends"] == ["BWBR0099999@2024-04-25"]
    assert (folder / "concept/BWBR0099999/1.txt").read_text(encoding="utf-8") == ART_1
    code, out, err = run(capsys, "diff", "36547/nr2", "mijn-ontwerp", "--format", "unified")
    assert code == 0, out + err


def test_a_base_that_names_no_regeling_keeps_artikel_i_its_place() -> None:
    # base 'law@…' with no bwb_id: the proposal's own regeling is unnamed, and the first
    # regeling of also_amends is still ARTIKEL II, with its own folder in a stage
    from wetdiff.store.history_walk import further_folder
    from wetdiff.store.proposals import Proposal

    proposal = Proposal(
        "36547", "", "", "", "", "law@2024-04-25", "", (), also_amends=("BWBR0099999@2024-04-25",)
    )
    assert proposal.regelingen == ("", "BWBR0099999")
    assert further_folder(proposal, "BWBR0099999") == "BWBR0099999"
    assert further_folder(proposal, "BWBR0001854") == ""  # the unnamed own regeling
    assert further_folder(proposal, None) == ""


def test_a_regeling_the_stage_leaves_as_it_is_has_no_artikel_anywhere(
    several: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A stage that changes only the second regeling: that regeling is ARTIKEL I in the
    instructions, the memo, diff (text and JSON) and show alike, and the Wetboek van
    Strafrecht, left as it is, has no ARTIKEL (diff and show say so)."""
    for text in (several / "proposals/36547/nr2").glob("*.txt"):
        text.unlink()  # the stage's own texts of the Sr: the law's, as it is
    git(several, "add", "-A")
    git(several, "commit", "-q", "-m", "36547 nr2 leaves the Sr as it is")
    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "unified")
    assert code == 1, err
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings == [
        "== Wetboek van Strafrecht (BWBR0001854): ongewijzigd, geen ARTIKEL ==",
        "== ARTIKEL I: Wet testregeling mensenhandel (BWBR0099999) ==",
    ]
    code, out, err = run(capsys, "diff", "law", "36547/nr2", "--format", "json")
    data = json.loads(out)
    assert data["artikel"] is None and data["further_regelingen"][0]["artikel"] == "I"
    code, out, err = run(capsys, "show", "36547/nr2")
    assert code == 0, err
    assert "== ARTIKEL I: Wet testregeling mensenhandel (BWBR0099999) ==" in out
    target = tmp_path / "memo.md"
    code, _, err = run(capsys, "memo", "law", "36547/nr2", "-o", str(target))
    assert code == 0, err
    memo = target.read_text(encoding="utf-8")
    assert "### ARTIKEL I — Wet testregeling mensenhandel" in memo
    assert "ARTIKEL II" not in memo
