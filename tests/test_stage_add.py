"""``wetdiff stage add``: a new stage of a proposal without TOML by hand, committed with
its reason; then ``apply --as`` and ``save`` write into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import git

from wetdiff.store.proposals import read_proposal
from wetdiff.store.workspace import open_workspace

pytestmark = pytest.mark.usefixtures("store_workspace")


def _head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def test_a_new_stage_copies_the_latest_texts_and_is_committed_with_its_reason(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "stage", "add", "36547", "nvw1", "--date", "2025-09-01", "--title", "Nota van wijziging",
        "-m", "De nota van wijziging na het verslag",
    )  # fmt: skip
    assert code == 0, err
    assert "Added stage 36547/nvw1 (2 text(s) copied from 36547/A)" in out
    root = store_workspace
    assert (root / "proposals/36547/nvw1/273f.txt").read_text(encoding="utf-8") == (
        root / "proposals/36547/A/273f.txt"
    ).read_text(encoding="utf-8")
    proposal = read_proposal(open_workspace().snapshot("HEAD"), "36547")
    assert [s.id for s in proposal.chain] == ["nr2", "A", "nvw1"]
    assert proposal.stage("nvw1").name == "Nota van wijziging"  # type: ignore[union-attr]
    log = git(root, "log", "-1", "--format=%s%n%b")
    assert log.startswith("De nota van wijziging na het verslag")
    assert "Stage: 36547/nvw1" in log and "From: 36547/A" in log
    assert git(root, "status", "--porcelain") == ""
    # the comments of proposal.toml stay; the stage is what '36547' now means
    code, out, _ = run(capsys, "show", "36547", "--article", "273f")
    assert code == 0 and "Artikel 273f" in out
    code, out, _ = run(capsys, "versions")
    assert "36547/nvw1" in out


def test_a_stage_goes_among_the_stages_by_its_date_and_from_the_stage_named(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2024-09-01", "--title", "NvW",
        "--from", "nr2",
    )  # fmt: skip
    assert code == 0, err
    proposal = read_proposal(open_workspace().snapshot(), "36547")
    assert [s.id for s in proposal.chain] == ["nr2", "nvw1", "A"]
    assert (store_workspace / "proposals/36547/nvw1/273f.txt").read_text(encoding="utf-8") == (
        store_workspace / "proposals/36547/nr2/273f.txt"
    ).read_text(encoding="utf-8")


def test_apply_as_and_save_write_into_the_new_stage(
    store_workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2025-09-01", "--title", "NvW"
    )
    assert code == 0, err
    text = (store_workspace / "proposals/36547/nvw1/273f.txt").read_text(encoding="utf-8")
    word = next(w for w in ("twaalf", "vijftien", "acht") if f" {w} " in text)
    instructions = tmp_path / "nvw.txt"
    instructions.write_text(
        f"In artikel 273f, eerste lid, wordt «{word}» vervangen door «zestien».\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "apply", str(instructions), "--to", "36547/A", "--as", "36547/nvw1", "-m", "NvW"
    )
    assert code == 0, err
    assert "zestien" in (store_workspace / "proposals/36547/nvw1/273f.txt").read_text(
        encoding="utf-8"
    )
    code, out, err = run(capsys, "diff", "36547/A", "36547/nvw1", "--format", "unified")
    assert code == 1 and "zestien" in out
    edited = tmp_path / "273fa.txt"
    edited.write_text(
        (store_workspace / "proposals/36547/nvw1/273fa.txt")
        .read_text(encoding="utf-8")
        .rstrip("\n")
        + " Nieuw.\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "save", "36547/nvw1", str(edited), "-m", "Aanvulling")
    assert code == 0, err
    assert git(store_workspace, "status", "--porcelain") == ""


def test_an_empty_stage_reads_as_the_base(
    store_workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "gap", "--title", "NvW", "--empty"
    )
    assert code == 0, err
    assert "no texts" in out
    proposal = read_proposal(open_workspace().snapshot(), "36547")
    assert proposal.stage("nvw1").date is None  # type: ignore[union-attr]
    assert [s.id for s in proposal.chain] == ["nr2", "A", "nvw1"]
    article = tmp_path / "273f.txt"
    article.write_text(
        (store_workspace / "proposals/36547/A/273f.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "save", "36547/nvw1", str(article), "-m", "Eerste tekst")
    assert code == 0, err
    code, _, err = run(capsys, "show", "36547/nvw1")
    assert code == 0, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("36547", "A", "--date", "2025-09-01"), "has a stage 'A' already"),
        (("36547", "nvw1", "--date", "2025-13-01"), "'2025-13-01' is not a date"),
        (("36547", "nvw1", "--date", "1 september"), "is not a date"),
        (("99999", "nvw1", "--date", "2025-09-01"), "unknown proposal '99999'"),
        (("36547", "../x", "--date", "2025-09-01"), "cannot be a stage id"),
        (("36547", "nvw1", "--date", "2025-09-01", "--from", "zz"), "no stage 'zz'"),
        (("36547", "nvw1", "--date", "2024-05-01", "--from", "A"), "would come before 36547/A"),
    ],
)
def test_bad_input_is_one_message_and_nothing_is_written(
    store_workspace: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    before = _head(store_workspace)
    toml = (store_workspace / "proposals/36547/proposal.toml").read_text(encoding="utf-8")
    code, _, err = run(capsys, "stage", "add", *args, "--title", "Nota van wijziging")
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.count("wetdiff:") == 1
    assert _head(store_workspace) == before
    assert (store_workspace / "proposals/36547/proposal.toml").read_text(encoding="utf-8") == toml
    assert not (store_workspace / "proposals/36547/nvw1").exists()
    assert git(store_workspace, "status", "--porcelain") == ""


def test_a_proposal_toml_with_edits_not_in_git_is_not_committed_with_the_stage(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = store_workspace / "proposals/36547/proposal.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# mijn aantekening\n", encoding="utf-8")
    before = _head(store_workspace)
    code, _, err = run(
        capsys, "stage", "add", "36547", "nvw1", "--date", "2025-09-01", "--title", "NvW"
    )
    assert code == 2 and "edits that are not in git" in err
    assert _head(store_workspace) == before
    assert "mijn aantekening" in path.read_text(encoding="utf-8")
