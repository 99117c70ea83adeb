"""Amendments on a stage: their metadata, their text, the version with several adopted
(a provision-aware three-way merge) and the conflicts between them, shared through a git
remote as lawyers share them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from branch_helpers import at, remote_with_clones, replace_in
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git

from wetdiff.errors import WetdiffError
from wetdiff.model.text_format import render
from wetdiff.store.versions import resolve
from wetdiff.store.workspace import open_workspace

PENALTY = "ten hoogste vijftien jaren of geldboete"
EXPLOITATION = "bedelarij, slavernij"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    yield root
    forget_open_workspaces()


def _amend(capsys, root: Path, name: str, old: str, new: str, *extra: str) -> None:  # type: ignore[no-untyped-def]
    """Start amendment ``name`` on 36547/A and save its 273f with ``old`` replaced."""
    code, _, err = run(capsys, "amendment", "new", "36547", name, "--on", "A", *extra)
    assert code == 0, err
    text = replace_in(root / "proposals/36547/A/273f.txt", old, new)
    draft = root.parent / f"{name}-273f.txt"
    draft.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "save", f"36547/{name}", str(draft), "-m", f"{name}: {new}")
    assert code == 0, err


def test_two_lawyers_amendments_through_a_remote_give_the_matrix_and_the_merged_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _bare, (anna, bram) = remote_with_clones(tmp_path, "anna", "bram")
    # Anna drafts amendment 12 (a higher penalty) and pushes it.
    at(monkeypatch, anna)
    _amend(capsys, anna, "am-12", PENALTY, "ten hoogste achttien jaren of geldboete")
    git(anna, "push", "--quiet", "origin", "main")
    # Bram pulls, and drafts one that conflicts with it and one that does not.
    at(monkeypatch, bram)
    git(bram, "pull", "--quiet", "--ff-only")
    _amend(capsys, bram, "am-15", PENALTY, "ten hoogste twintig jaren of geldboete")
    _amend(capsys, bram, "am-17", EXPLOITATION, "bedelarij, criminele uitbuiting, slavernij")
    git(bram, "push", "--quiet", "origin", "main")
    # Anna pulls and asks which can be adopted together.
    at(monkeypatch, anna)
    git(anna, "pull", "--quiet", "--ff-only")
    code, out, err = run(capsys, "conflicts", "36547/A", "--format", "json")
    assert code == 1, err
    matrix = json.loads(out)
    assert [a["id"] for a in matrix["amendments"]] == ["am-12", "am-15", "am-17"]
    verdict = {(p["first"], p["second"]): p for p in matrix["pairs"]}
    assert {k: v["conflict"] for k, v in verdict.items()} == {
        ("am-12", "am-15"): True,
        ("am-12", "am-17"): False,
        ("am-15", "am-17"): False,
    }
    (conflict,) = verdict[("am-12", "am-15")]["conflicts"]
    assert conflict["kind"] == "same-words"
    assert conflict["where"] == "artikel 273f, eerste lid"
    assert conflict["changes"] == {
        "am-12": "[-vijftien-] {+achttien+}",
        "am-15": "[-vijftien-] {+twintig+}",
    }
    code, out, _ = run(capsys, "conflicts", "36547/A")
    assert code == 1
    assert "am-12 and am-15: 1 conflict" in out
    assert "the same words changed differently" in out
    assert "am-12 and am-17: no conflict" in out
    # The two that combine give the stage with both changes, and nothing else changed.
    workspace = open_workspace()
    merged = resolve("36547/A+am-12+am-17", workspace).artikel("273f")
    stage = (anna / "proposals/36547/A/273f.txt").read_text(encoding="utf-8")
    expected = stage.replace(PENALTY, "ten hoogste achttien jaren of geldboete").replace(
        EXPLOITATION, "bedelarij, criminele uitbuiting, slavernij"
    )
    assert merged is not None and render(merged) == expected
    # The conflicting two are refused, the conflict named, exit 2.
    code, out, err = run(capsys, "diff", "36547/A", "36547/A+am-12+am-15")
    assert code == 2 and out == ""
    assert "the amendments conflict" in err and "artikel 273f, eerste lid" in err
    assert "am-12: [-vijftien-] {+achttien+}" in err


def test_an_amendment_is_a_stage_laid_over_the_stage_it_amends(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _amend(
        capsys,
        ws,
        "am-12",
        PENALTY,
        "ten hoogste achttien jaren of geldboete",
        "--stuknummer",
        "12",
        "--indiener",
        "Boomsma",
        "--indiener",
        "Kuik",
        "--date",
        "2025-06-05",
        "--toelichting",
        "Een hogere straf past bij de ernst.",
    )
    meta = (ws / "proposals/36547/am-12/amendment.toml").read_text(encoding="utf-8")
    assert 'on = "A"' in meta and 'stuknummer = "12"' in meta and "date = 2025-06-05" in meta
    assert sorted(p.name for p in (ws / "proposals/36547/am-12").iterdir()) == [
        "273f.txt",
        "amendment.toml",
    ]
    assert git(ws, "status", "--porcelain") == ""
    workspace = open_workspace()
    stage, amendment = resolve("36547/A", workspace), resolve("36547/am-12", workspace)
    assert {a.number for a in amendment.artikelen} == {a.number for a in stage.artikelen}
    assert amendment.artikel("273fa") == stage.artikel("273fa")
    assert PENALTY not in render(amendment.artikel("273f"))  # type: ignore[arg-type]
    assert "Amendement nr. 12 (Boomsma, Kuik) op A" in amendment.title
    assert resolve("36547", workspace).label == "36547/A"  # the bill's latest stage, still
    code, out, _ = run(capsys, "amendment", "show", "36547/am-12", "--format", "json")
    assert code == 0
    shown = json.loads(out)
    assert shown["indieners"] == ["Boomsma", "Kuik"] and shown["articles"] == ["273f"]
    assert shown["toelichting"] == "Een hogere straf past bij de ernst."
    _, out, _ = run(capsys, "versions")
    assert "36547/am-12" in out and "Amendement nr. 12 (Boomsma, Kuik) op A" in out


def test_an_amendments_unknown_facts_are_gap(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "amendment", "new", "36547", "am-3", "--on", "A")
    assert code == 0, err
    meta = (ws / "proposals/36547/am-3/amendment.toml").read_text(encoding="utf-8")
    assert 'stuknummer = "gap"' in meta and 'date = "gap"' in meta
    code, out, _ = run(capsys, "amendment", "show", "36547/am-3")
    assert "stuknummer: gap" in out and "date: gap" in out and "changes: nothing yet" in out


def test_the_changes_of_an_amendment_carry_notes(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _amend(capsys, ws, "am-12", PENALTY, "ten hoogste achttien jaren of geldboete")
    code, out, err = run(
        capsys,
        "note",
        "add",
        "--stage",
        "am-12",
        "--at",
        "273f/1",
        "--quote",
        "ten hoogste achttien jaren",
        "--rationale",
        "Hogere straf, zoals de indieners bepleiten.",
        "--answers",
        "2022Z19982/3",
        "--gap",
        "the amendment's toelichting is not in the workspace",
        "--format",
        "json",
    )
    assert code == 0, err
    note = json.loads(out)
    assert note["stage"] == "am-12" and note["words"] == "[-vijftien-] {+achttien+}"
    assert note["placement"] is not None
    code, out, _ = run(capsys, "check", "36547", "--format", "json")
    step = next(r for r in json.loads(out)["reports"] if r["new"] == "36547/am-12")
    assert step["ok"] and step["notes"] == 1
    code, out, _ = run(capsys, "diff", "36547/A", "36547/am-12", "--format", "unified")
    assert "Hogere straf, zoals de indieners bepleiten." in out
    # adopted with another amendment, the note stays on its change
    _amend(capsys, ws, "am-17", EXPLOITATION, "bedelarij, criminele uitbuiting, slavernij")
    code, out, _ = run(capsys, "diff", "36547/A", "36547/A+am-12+am-17", "--format", "unified")
    assert code == 1 and "Hogere straf, zoals de indieners bepleiten." in out
    # the bill's own steps are not explained by an amendment's notes
    code, out, _ = run(capsys, "diff", "law", "36547/A", "--format", "unified")
    assert "Hogere straf" not in out


def test_an_amendment_on_an_amendment_or_on_no_stage_is_refused(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "amendment", "new", "36547", "am-1", "--on", "nvw9")
    assert code == 2 and "no stage 'nvw9' with a text" in err
    assert not (ws / "proposals/36547/am-1").exists()
    run(capsys, "amendment", "new", "36547", "am-1", "--on", "A")
    code, _, err = run(capsys, "amendment", "new", "36547", "am-2", "--on", "am-1")
    assert code == 2 and "is itself an amendment" in err
    code, _, err = run(capsys, "amendment", "new", "36547", "am-1", "--on", "A")
    assert code == 2 and "exists already" in err
    code, _, err = run(capsys, "amendment", "new", "36547", "../x", "--on", "A")
    assert code == 2 and "cannot be a stage id" in err
    code, _, err = run(capsys, "amendment", "new", "36547", "am-4", "--on", "A", "--replaces", "x")
    assert code == 2 and "'x' is no amendment of proposal 36547" in err


def test_a_malformed_amendment_file_is_named_with_its_line(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = ws / "proposals/36547/am-9"
    folder.mkdir()
    (folder / "amendment.toml").write_text('on = "A"\nindieners = "Boomsma"\n', encoding="utf-8")
    code, _, err = run(capsys, "diff", "36547/A", "36547/am-9")
    assert code == 2
    assert "amendment.toml:2: field 'indieners' must be a list of names" in err
    (folder / "amendment.toml").write_text('on = "Z"\n', encoding="utf-8")
    code, _, err = run(capsys, "versions")
    assert code == 2 and "amendment.toml:1: amendment am-9 amends 'Z'" in err


def test_a_version_with_amendments_names_what_is_wrong(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "amendment", "new", "36547", "am-1", "--on", "A")
    run(capsys, "amendment", "new", "36547", "am-2", "--on", "nr2")
    run(capsys, "amendment", "new", "36547", "am-3", "--on", "A", "--replaces", "am-1")
    for spec, words in [
        ("36547/A+am-8", "no amendment 'am-8'"),
        ("36547/A+am-2", "amendment am-2 amends 36547/nr2, not 36547/A"),
        ("36547/A+am-1+am-1", "named twice"),
        ("36547/A+am-1+am-3", "am-3 replaces am-1"),
        ("36547/am-1+am-3", "is an amendment"),
        ("36547/A+", "write the stage, then each amendment"),
    ]:
        code, _, err = run(capsys, "show", spec)
        assert code == 2 and words in err, (spec, err)
    code, out, _ = run(capsys, "conflicts", "36547/A", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["replaced"] == [{"amendment": "am-1", "by": "am-3"}]
    assert [a["id"] for a in data["amendments"]] == ["am-3"]


def test_a_stage_with_amendments_at_a_revision(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _amend(capsys, ws, "am-12", PENALTY, "ten hoogste achttien jaren of geldboete")
    _amend(capsys, ws, "am-17", EXPLOITATION, "bedelarij, criminele uitbuiting, slavernij")
    workspace = open_workspace()
    now = resolve("HEAD:36547/A+am-12+am-17", workspace)
    assert "criminele uitbuiting" in render(now.artikel("273f"))  # type: ignore[arg-type]
    with pytest.raises(WetdiffError, match="no amendment 'am-17'"):
        resolve("HEAD~2:36547/A+am-12+am-17", workspace)


def test_a_proposal_started_from_an_amendment_holds_the_stage_and_the_amendment(
    ws: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    _amend(capsys, ws, "am-12", PENALTY, "ten hoogste achttien jaren of geldboete")
    code, _, err = run(capsys, "new-proposal", "eigen", "--from", "36547/A+am-12")
    assert code == 0, err
    copied = sorted(p.name for p in (ws / "proposals/eigen/concept").iterdir())
    assert copied == ["273f.txt", "273fa.txt"]
    assert "achttien jaren" in (ws / "proposals/eigen/concept/273f.txt").read_text("utf-8")
