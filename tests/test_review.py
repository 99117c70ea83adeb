"""Review over a git remote: notes and questions merged by id (the merge driver that
'wetdiff init' registers), and review comments that keep 'check' failing until they are
resolved."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from branch_helpers import at, remote_with_clones
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git
from test_store_workspace import shipped  # noqa: F401  (a fixture)

from wetdiff.notes.mergefile import merge_texts
from wetdiff.store import example

HEADER = "# Notes of the proposal.\n"
PENALTY_CHANGE = "a0a56a6b"  # nr2: artikel 273f, eerste lid, twaalf → vijftien
NEW_ARTICLE = "e23adf30"  # nr2: artikel 273fa inserted


def _empty_notes(root: Path) -> None:
    """The remote starts with a notes file without notes (both reviewers then add theirs
    at one place: where git's line merge conflicts)."""
    (root / "proposals/36547/notes.toml").write_text(HEADER, encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "Notes: start afresh")
    git(root, "push", "--quiet", "origin", "main")


def _note(capsys, change: str, words: str, *extra: str) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run(
        capsys,
        "note",
        "add",
        "--stage",
        "nr2",
        "--change",
        change,
        "--rationale",
        words,
        "--gap",
        "the MvT is not in the workspace",
        "--format",
        "json",
        *extra,
    )
    assert code == 0, err
    return str(json.loads(out)["id"])


def _findings(capsys) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    code, out, err = run(capsys, "check", "36547", "--format", "json")
    assert code in (0, 1), err
    return [f for r in json.loads(out)["reports"] for f in r["findings"]]


def test_two_reviewers_notes_on_different_changes_merge_without_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _bare, (anna, bram) = remote_with_clones(tmp_path, "anna", "bram")
    _empty_notes(anna)
    at(monkeypatch, anna)
    first = _note(capsys, PENALTY_CHANGE, "Het strafmaximum volgt de ernst.")
    git(anna, "push", "--quiet", "origin", "main")
    at(monkeypatch, bram)
    git(bram, "pull", "--quiet", "--ff-only")
    base = (bram / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    git(bram, "reset", "--quiet", "--hard", "HEAD~1")  # Bram had not pulled Anna's note yet
    before = (bram / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    second = _note(capsys, NEW_ARTICLE, "Ernstige benadeling wordt strafbaar.")
    mine = (bram / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    # git's own line merge would stop here: both add their block at the same place
    for name, text in (("base", before), ("ours", mine), ("theirs", base)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    plain = subprocess.run(
        ["git", "merge-file", "-p", str(tmp_path / "ours"), str(tmp_path / "base"),
         str(tmp_path / "theirs")],
        capture_output=True, check=False,
    )  # fmt: skip
    assert plain.returncode > 0
    done = subprocess.run(
        ["git", "pull", "--quiet", "--no-rebase", "--no-edit", "origin", "main"],
        cwd=bram,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(bram, "status", "--porcelain") == ""
    notes = (bram / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in notes, notes
    assert notes.count("\n[[note]]\n") == 2, notes
    _, out, _ = run(capsys, "note", "list", "--format", "json")
    placed = {n["id"]: n["placement"] for n in json.loads(out)["notes"]}
    assert set(placed) == {first, second} and all(placed.values())
    assert not [f for f in _findings(capsys) if f["kind"] == "orphaned-note"]


def test_the_same_note_changed_on_both_sides_is_one_conflict_that_check_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _bare, (anna, bram) = remote_with_clones(tmp_path, "anna", "bram")
    at(monkeypatch, anna)
    code, _, err = run(capsys, "note", "edit", "273f-2-huwelijk", "--rationale", "Anna's reden.")
    assert code == 0, err
    git(anna, "push", "--quiet", "origin", "main")
    at(monkeypatch, bram)
    code, _, err = run(capsys, "note", "edit", "273f-2-huwelijk", "--rationale", "Brams reden.")
    assert code == 0, err
    done = subprocess.run(
        ["git", "pull", "--no-rebase", "--no-edit", "origin", "main"],
        cwd=bram,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "note 273f-2-huwelijk was changed on both sides" in done.stderr + done.stdout
    forget_open_workspaces()
    code, _, err = run(capsys, "check", "36547")
    assert code == 2
    assert "proposals/36547/notes.toml:" in err
    assert "merge conflict: note 273f-2-huwelijk was changed on both sides" in err
    text = (bram / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    assert text.count("<<<<<<<") == 1 and "Anna's reden." in text and "Brams reden." in text


def test_an_open_review_comment_fails_check_until_it_is_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _bare, (anna, lotte) = remote_with_clones(tmp_path, "anna", "lotte")
    at(monkeypatch, lotte)  # a reviewer comments on her branch and pushes it
    git(lotte, "switch", "--quiet", "-c", "review/lotte")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Lotte Reviewer")
    comment = _note(capsys, PENALTY_CHANGE, "Waarom vijftien en niet twaalf?", "--review")
    git(lotte, "push", "--quiet", "origin", "review/lotte")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Jurist")
    at(monkeypatch, anna)
    assert not [f for f in _findings(capsys) if f["kind"] == "open-review-comment"]
    git(anna, "pull", "--quiet", "--no-edit", "origin", "review/lotte")
    (found,) = [f for f in _findings(capsys) if f["kind"] == "open-review-comment"]
    assert found["note"] == comment and "Lotte Reviewer" in found["message"]
    assert found["file"].endswith("proposals/36547/review.toml")
    code, out, _ = run(capsys, "note", "list", "--review")
    assert f"{comment}  273f/1  open, by Lotte Reviewer" in out
    code, _, err = run(capsys, "note", "resolve", comment)
    assert code == 0, err
    assert not [f for f in _findings(capsys) if f["kind"] == "open-review-comment"]
    assert git(anna, "log", "-1", "--format=%s").startswith(f"Resolve review comment {comment}")
    code, _, err = run(capsys, "note", "resolve", comment)
    assert code == 2 and "resolved already" in err
    # a comment is never a rationale: the memo and the diff do not show it
    code, out, _ = run(capsys, "diff", "law", "36547/nr2", "--format", "unified")
    assert "Waarom vijftien" not in out


def test_a_review_comment_needs_its_author(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    at(monkeypatch, root)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    code, _, err = run(
        capsys, "note", "add", "--review", "--stage", "nr2", "--change", PENALTY_CHANGE,
        "--rationale", "Waarom?",
    )  # fmt: skip
    assert code == 2 and ("needs its author" in err or "does not know who you are" in err)
    assert not (root / "proposals/36547/review.toml").exists()


def test_init_in_a_clone_registers_the_merge_driver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _bare, (clone,) = remote_with_clones(tmp_path, "kees")
    assert "merge=wetdiff" in (clone / ".gitattributes").read_text(encoding="utf-8")
    assert _driver(clone) == ""  # a clone does not copy the repository's configuration
    head = git(clone, "rev-parse", "HEAD")
    code, out, err = run(capsys, "init", str(clone))
    assert code == 0, err
    assert "workspace already" in out and "registered" in out
    assert "-m wetdiff merge-driver %O %A %B %P" in git(
        clone, "config", "--get", "merge.wetdiff.driver"
    )
    assert git(clone, "rev-parse", "HEAD") == head  # nothing committed, nothing overwritten


def test_any_command_in_a_clone_registers_the_driver(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _bare, (clone,) = remote_with_clones(tmp_path, "kees")
    assert _driver(clone) == ""
    at(monkeypatch, clone)
    code, _, err = run(capsys, "versions")
    assert code == 0, err
    assert "merge-driver" in git(clone, "config", "--get", "merge.wetdiff.driver")


def test_a_driver_another_wetdiff_registered_is_kept_while_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two installs of wetdiff on one workspace (a system one, a project's virtual
    # environment) must not take turns rewriting .git/config on every start; a driver
    # whose program is gone is replaced.
    import shlex
    import sys

    _bare, (clone,) = remote_with_clones(tmp_path, "kees")
    other = tmp_path / "other-venv" / "python"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    other.chmod(0o755)
    theirs = f"{other} -m wetdiff merge-driver %O %A %B %P"
    git(clone, "config", "merge.wetdiff.driver", theirs)
    at(monkeypatch, clone)
    code, _, err = run(capsys, "versions")
    assert code == 0, err
    assert _driver(clone) == theirs
    other.unlink()
    forget_open_workspaces()  # a new wetdiff process
    code, _, err = run(capsys, "versions")
    assert code == 0, err
    assert _driver(clone) == f"{shlex.quote(sys.executable)} -m wetdiff merge-driver %O %A %B %P"


def _driver(folder: Path) -> str:
    done = subprocess.run(
        ["git", "config", "--get", "merge.wetdiff.driver"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def test_a_new_workspace_and_a_copy_of_the_example_have_the_driver(
    shipped: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args in (("init", str(tmp_path / "nieuw")), ("init", "--example", str(tmp_path / "kopie"))):
        code, _, err = run(capsys, *args)
        assert code == 0, err
        folder = Path(args[-1])
        tracked = git(folder, "ls-files").split()
        assert ".gitattributes" in tracked
        assert "proposals/*/notes.toml merge=wetdiff" in (folder / ".gitattributes").read_text()
        assert "merge-driver" in git(folder, "config", "--get", "merge.wetdiff.driver")
        assert git(folder, "status", "--porcelain") == ""
    built, _, _ = example.example_folder()
    assert "merge-driver" in git(built, "config", "--get", "merge.wetdiff.driver")
    shutil.rmtree(tmp_path / "kopie")


QUESTIONS = """# Questions
[[question]]
id = "Q-1"
kind = "motie"
date = 2025-06-05
summary = "Eerste vraag"
link = "gap"
"""


def _question(identifier: str, summary: str) -> str:
    return (
        f'\n[[question]]\nid = "{identifier}"\nkind = "motie"\ndate = 2025-06-05\n'
        f'summary = "{summary}"\nlink = "gap"\n'
    )


def test_questions_merge_by_id_and_a_deletion_against_a_change_conflicts() -> None:
    ours = QUESTIONS + _question("Q-2", "Van Anna")
    theirs = QUESTIONS + _question("Q-3", "Van Bram")
    merged = merge_texts(QUESTIONS, ours, theirs)
    assert merged is not None and merged.conflicts == ()
    assert merged.text.index('"Q-2"') < merged.text.index('"Q-3"')
    assert merged.text.startswith("# Questions\n")
    changed = QUESTIONS.replace("Eerste vraag", "Eerste vraag, aangevuld")
    gone = "# Questions\n"
    clash = merge_texts(QUESTIONS, changed, gone)
    assert clash is not None and clash.conflicts == ("Q-1",)
    assert "changed on one side and deleted on the other" in clash.text
    same = merge_texts(QUESTIONS, changed, changed)
    assert same is not None and same.text.count("aangevuld") == 1
    assert merge_texts(QUESTIONS, "not = [valid", theirs) is None  # git's line merge then


def test_a_reviewers_change_is_taken_into_the_stage_and_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wetdiff.diff import compare
    from wetdiff.memo.model import prove_instructions
    from wetdiff.store.versions import resolve
    from wetdiff.store.workspace import open_workspace

    _bare, (anna, bram) = remote_with_clones(tmp_path, "anna", "bram")
    at(monkeypatch, bram)  # Bram proposes two changes to stage A on his branch
    git(bram, "switch", "--quiet", "-c", "review/bram")
    stage = bram / "proposals/36547/A/273f.txt"
    text = stage.read_text(encoding="utf-8")
    proposal = text.replace("vijftien jaren, indien", "achttien jaren, indien").replace(
        "gedwongen huwelijk", "gedwongen huwelijk of illegale adoptie"
    )
    draft = tmp_path / "bram-273f.txt"
    draft.write_text(proposal, encoding="utf-8")
    code, _, err = run(capsys, "save", "36547/A", str(draft), "-m", "Twee voorstellen")
    assert code == 0, err
    git(bram, "push", "--quiet", "origin", "review/bram")
    at(monkeypatch, anna)  # Anna reads them change by change, and takes one
    git(anna, "fetch", "--quiet", "origin")
    code, out, err = run(capsys, "diff", "main..origin/review/bram", "36547/A", "--format", "json")
    assert code == 1, err
    changed = {
        c["new"]["locatie"]: c["id"] for c in json.loads(out)["changes"] if c["kind"] != "unchanged"
    }
    assert set(changed) == {"273f/2", "273f/3"}
    code, out, _ = run(capsys, "diff", "main...origin/review/bram", "--format", "unified")
    assert f"[{changed['273f/2']}]" in out and f"[{changed['273f/3']}]" in out
    head = git(anna, "rev-parse", "HEAD").strip()
    code, out, err = run(capsys, "take", "origin/review/bram", changed["273f/2"][:6])
    assert code == 0, err
    assert "Took 1 change(s) of origin/review/bram into 36547/A" in out
    now = (anna / "proposals/36547/A/273f.txt").read_text(encoding="utf-8")
    assert "illegale adoptie" in now and "vijftien jaren, indien" in now
    assert git(anna, "rev-parse", "HEAD~1").strip() == head
    message = git(anna, "log", "-1", "--format=%B")
    assert f"Change: {changed['273f/2']}" in message and "Taken-from: origin/review/bram" in message
    assert git(anna, "status", "--porcelain") == ""
    # what is left to take is the other change; the instructions of the stage replay
    code, out, _ = run(capsys, "diff", "HEAD..origin/review/bram", "36547/A", "--format", "json")
    left = [c["id"] for c in json.loads(out)["changes"] if c["kind"] != "unchanged"]
    assert left == [changed["273f/3"]]
    workspace = open_workspace()
    base, taken = resolve("law@2024-04-25", workspace), resolve("36547/A", workspace)
    assert prove_instructions(base, taken, compare(base, taken)).proven


def test_take_refuses_what_cannot_be_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build(tmp_path / "ws")
    at(monkeypatch, root)
    path = root / "proposals/36547/A/273f.txt"
    text = path.read_text(encoding="utf-8")
    git(root, "switch", "--quiet", "-c", "review/kees")
    path.write_text(text.replace("verenigde personen", "samenwerkende personen"), "utf-8")
    git(root, "commit", "--quiet", "-am", "Kees: samenwerkende personen")
    git(root, "switch", "--quiet", "main")
    for args, words in [
        (("take", "HEAD", "abcd"), "is the same at HEAD: nothing to take"),
        (("take", "nope", "abcd"), "unknown git revision 'nope'"),
        (("take", "review/kees", "abcd"), "no change 'abcd'"),
        (("take", "36547/nr2", "abcd", "--into", "36547/A"), "no folder of article texts"),
        (("diff", "main..nope"), "unknown git revision 'nope'"),
        (("diff", "main..HEAD", "HEAD:36547"), "without a revision"),
    ]:
        code, _, err = run(capsys, *args)
        assert code == 2 and words in err, (args, err)
    _, out, _ = run(capsys, "diff", "..review/kees", "--format", "json")
    (change,) = [c["id"] for c in json.loads(out)["changes"] if c["kind"] != "unchanged"]
    path.write_text(text + "\n5. Niet opgeslagen.\n", encoding="utf-8")
    head = git(root, "rev-parse", "HEAD")
    code, _, err = run(capsys, "take", "review/kees", change)
    assert code == 2 and "has edits not yet in git" in err
    assert path.read_text(encoding="utf-8").endswith("5. Niet opgeslagen.\n")
    assert git(root, "rev-parse", "HEAD") == head
