"""Drafting: start a proposal, save each step with its rationale; never overwrite work."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git

from wetdiff.errors import WetdiffError
from wetdiff.store.drafting import save_article
from wetdiff.store.versions import resolve
from wetdiff.store.workspace import open_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    yield open_workspace()
    forget_open_workspaces()


def test_new_proposal_starts_from_the_law_and_commits(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(
        capsys, "new-proposal", "eigen", "--from", "law@2010-01-01", "--title", "Mijn ontwerp"
    )
    assert code == 0, err
    folder = ws.root / "proposals" / "eigen"
    assert 'base = "BWBR0001854@2010-01-01"' in (folder / "proposal.toml").read_text()
    assert "ten hoogste acht jaren" in (folder / "concept" / "273f.txt").read_text()
    assert git(ws.root, "status", "--porcelain") == ""
    assert git(ws.root, "log", "-1", "--format=%s").startswith("Start proposal eigen from")
    version = resolve("eigen", ws)
    assert version.label == "eigen/concept" and version.artikel("273f") is not None
    code, _, err = run(capsys, "new-proposal", "eigen", "--from", "law")
    assert code == 2 and "exists already" in err


def test_save_commits_the_rationale_with_answers_trailers(ws) -> None:  # type: ignore[no-untyped-def]
    path = ws.root / "proposals/36547/A/273f.txt"
    old = path.read_text()
    head = git(ws.root, "rev-parse", "HEAD").strip()
    new = old.replace("gedwongen huwelijk", "gedwongen huwelijk of illegale adoptie")
    sha = save_article(
        ws, "36547", "A", new, old, "Illegale adoptie toegevoegd\n\nMvT p. 12.", ["2022Z19982/3"]
    )
    assert path.read_text() == new
    message = git(ws.root, "log", "-1", "--format=%B", sha)
    assert message.startswith("Illegale adoptie toegevoegd\n\nMvT p. 12.")
    assert "Answers: 2022Z19982/3" in message and "Stage: 36547/A" in message
    assert git(ws.root, "rev-parse", f"{sha}~1").strip() == head  # added, nothing rewritten
    assert git(ws.root, "log", "-1", "--format=%an", sha).strip() == "Test Jurist"


def test_save_refuses_a_file_changed_on_disk_since_it_was_read(ws) -> None:  # type: ignore[no-untyped-def]
    path = ws.root / "proposals/36547/A/273f.txt"
    old = path.read_text()
    path.write_text(old + "\n5. Iemand anders schreef dit.\n")
    head = git(ws.root, "rev-parse", "HEAD")
    with pytest.raises(WetdiffError, match="changed on disk"):
        save_article(ws, "36547", "A", old.replace("huwelijk", "huwelijk."), old, "x", ())
    assert "Iemand anders" in path.read_text()
    assert git(ws.root, "rev-parse", "HEAD") == head


def test_save_leaves_other_uncommitted_work_alone_and_reports_it(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    other = ws.root / "proposals/36547/nr2/273fa.txt"
    other.write_text(other.read_text() + "\n2. Werk in uitvoering.\n")
    git(ws.root, "add", "proposals/36547/nr2/273fa.txt")  # even staged work stays staged
    target = ws.root / "proposals/36547/A/273f.txt"
    target.write_text(target.read_text().replace("bedelarij,", "bedelarij, dienstbaarheid,"))
    code, out, err = run(
        capsys, "save", "36547/A", "273f", "-m", "Dienstbaarheid", "--answers", "2022Z19982/3"
    )
    assert code == 0, err
    assert "left as they are: proposals/36547/nr2/273fa.txt" in out
    assert git(ws.root, "show", "--name-only", "--format=", "HEAD").split() == [
        "proposals/36547/A/273f.txt"
    ]
    assert git(ws.root, "diff", "--cached", "--name-only").split() == [
        "proposals/36547/nr2/273fa.txt"
    ]
    assert "Werk in uitvoering" in other.read_text()


def test_save_from_a_file_elsewhere(ws, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "273fa.txt"
    draft.write_text("Artikel 273fa\n\n1. Een nieuwe tekst.\n")
    code, _, err = run(capsys, "save", "36547/nr2", str(draft), "-m", "Herschreven")
    assert code == 0, err
    assert (ws.root / "proposals/36547/nr2/273fa.txt").read_text() == draft.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["save", "36547/A", "273f", "-m", "x", "--answers", "2099Z0/1"], "unknown question id"),
        (["save", "36547/A", "273f", "-m", "  "], "needs its rationale"),
        (["save", "36547/A", "273f", "-m", "x\x1b[31m"], "control character (U+001B (ESC))"),
        (["save", "36547/A", "273f", "-m", "nothing"], "nothing to save"),
        (["save", "36547/zz", "273f", "-m", "x"], "proposal 36547 has no stage 'zz' with a text"),
        (["save", "36547", "273f", "-m", "x"], "give the proposal and the stage"),
    ],
)
def test_bad_saves_change_nothing(ws, capsys, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    head = git(ws.root, "rev-parse", "HEAD")
    code, _, err = run(capsys, *args)
    assert code == 2 and message in err
    assert git(ws.root, "rev-parse", "HEAD") == head
    assert git(ws.root, "status", "--porcelain") == ""


def test_a_bad_article_text_is_refused_with_its_line(ws, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "273f.txt"
    draft.write_text("Artikel 273f\n\n1. Eerste.\n\n3. Derde.\n")
    code, _, err = run(capsys, "save", "36547/A", str(draft), "-m", "x")
    assert code == 2 and "273f.txt:5" in err
    assert git(ws.root, "status", "--porcelain") == ""


def test_a_draft_started_from_a_stage_keeps_that_stages_history(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "new-proposal", "mijn", "--from", "36547/nr2")
    assert code == 0, err
    folder = ws.root / "proposals/mijn"
    assert 'started_from = "36547/nr2"' in (folder / "proposal.toml").read_text()
    assert (folder / "questions.toml").is_file()  # the registry travels with the text
    text = (folder / "concept/273f.txt").read_text()
    save_article(
        ws,
        "mijn",
        "concept",
        text.replace("vijftien jaren of", "zestien jaren of"),
        text,
        "Zestien jaren",
        ["2022Z19982/3"],
    )
    code, out, _ = run(capsys, "blame", "273f", "mijn", "--words")
    assert "[6] 2024-04-25  36547/nr2" in out
    assert "[7]" in out and "zestien" in out.split("[7]")[-1]
    code, out, _ = run(capsys, "log", "273f")
    mijn = out.split("mijn/concept")[1].split("\n\n")[0]
    assert "vijftien → zestien" in mijn and "answers: 2022Z19982/3" in mijn


def test_save_json_output_names_the_commit(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    target = ws.root / "proposals/36547/A/273f.txt"
    target.write_text(target.read_text().replace("bedelarij,", "bedelarij, dienstbaarheid,"))
    code, out, err = run(capsys, "save", "36547/A", "273f", "-m", "x", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["file"] == "proposals/36547/A/273f.txt"
    assert git(ws.root, "rev-parse", "HEAD").strip() == data["commit"]
