"""Every note of the worked example on the change it was written for, and only there.

A note explains one step (a law version and the one before it; a proposal's stage and
the stage before it). These tests walk all 38 notes of the shipped example and look where
each is shown: in ``wetdiff diff`` (JSON), in the memo (JSON), in ``log`` and in the data
the TUI shows (``Session.compare``): on the comparison of its own step, at the provision
it was written for, and on no other change; and no note of another step anywhere.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run
from store_helpers import forget_open_workspaces

from wetdiff.notes import read_notes
from wetdiff.store.example import build_workspace, shipped_source, source_files

ROOT = Path(__file__).resolve().parents[1]
LAW_NOTES = ROOT / "articles" / "BWBR0001854" / "273f" / "notes.toml"
BILL_NOTES = ROOT / "proposals" / "36547" / "notes.toml"
BASE = "law@2024-04-25"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = shipped_source()
    assert source is not None
    target = tmp_path_factory.mktemp("example") / "ws"
    build_workspace(target, source, source_files(source))
    forget_open_workspaces()
    return target


@pytest.fixture
def ws(example: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(example)
    yield example
    forget_open_workspaces()


@pytest.fixture
def scratch(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the example to edit."""
    target = tmp_path / "ws"
    shutil.copytree(example, target, symlinks=True)
    monkeypatch.chdir(target)
    yield target
    forget_open_workspaces()


def law_steps() -> list[tuple[str, str, list[Any]]]:
    """(old, new, notes) for each step of 273f's history after its first version."""
    notes = read_notes(LAW_NOTES).notes
    dates = sorted({n.version for n in notes if n.version})
    return [
        (f"law@{before}", f"law@{day}", [n for n in notes if n.version == day])
        for before, day in itertools.pairwise(dates)
    ]


def stage_steps() -> list[tuple[str, str, list[Any]]]:
    notes = read_notes(BILL_NOTES).notes
    return [
        (BASE, "36547/nr2", [n for n in notes if n.stage == "nr2"]),
        ("36547/nr2", "36547/A", [n for n in notes if n.stage == "A"]),
    ]


def test_the_shipped_notes_are_38_each_naming_its_step() -> None:
    law = read_notes(LAW_NOTES).notes
    bill = read_notes(BILL_NOTES).notes
    assert len(law) + len(bill) == 38
    assert all(n.version for n in law) and all(n.stage in ("nr2", "A") for n in bill)
    assert all(n.words for n in (*law, *bill)), "each note remembers the words of its change"
    walked = {n.id for _, _, notes in law_steps() + stage_steps() for n in notes}
    first = [n.id for n in law if n.version == min(m.version for m in law if m.version)]
    assert walked | set(first) == {n.id for n in (*law, *bill)}


def where(change: dict[str, Any], side: str) -> str | None:
    provision = change["new"] if side == "new" else change["old"]
    return provision["locatie"] if provision else None


@pytest.mark.parametrize(("old", "new", "notes"), law_steps() + stage_steps())
def test_each_note_is_shown_on_its_own_change_in_diff_memo_and_tui(
    ws: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, notes: list[Any]
) -> None:
    expected = {n.id: n for n in notes}
    # wetdiff diff --format json
    _, out, err = run(capsys, "diff", old, new, "--format", "json")
    data = json.loads(out)
    shown: dict[str, list[dict[str, Any]]] = {}
    for change in data["changes"]:
        for note in change.get("notes", []):
            shown.setdefault(note["id"], []).append(change)
    assert set(shown) == set(expected), (old, new, err)
    for note_id, changes in shown.items():
        (change,) = changes  # on exactly one change
        note = expected[note_id]
        assert change["kind"] != "unchanged"
        assert where(change, note.anchor.side) == note.anchor.path, note_id

    # the memo
    code, _, err = run(capsys, "memo", old, new, "-o", str(ws.parent / "m.json"))
    assert code == 0, err
    memo = json.loads((ws.parent / "m.json").read_text(encoding="utf-8"))
    on: dict[str, list[dict[str, Any]]] = {}
    for change in memo["changes"]:
        for note in change["notes"]:
            on.setdefault(note["id"], []).append(change)
    assert set(on) == set(expected)
    for note_id, changes in on.items():
        (change,) = changes
        note = expected[note_id]
        placed = shown[note_id][0]["id"]
        assert placed == change["id"] or placed in change["parts"], note_id
    assert not memo["orphans"]

    # the data the TUI shows
    from wetdiff.tui.data import Session

    comparison = Session(ws).compare(old, new)
    assert {n.id for notes_ in comparison.notes.values() for n in notes_} == set(expected)
    for index, change in enumerate(comparison.changes):
        for note in comparison.notes_of(index):
            assert change.id == shown[note.id][0]["id"]
            provision = change.new if note.anchor.side == "new" else change.old
            assert provision is not None and provision.locatie.key == note.anchor.path


def test_the_first_version_of_the_article_is_explained_in_its_log(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """273a's first version (2005) has no version before it to compare with: its note is
    shown where that version is, in the log (and checked by 'check law')."""
    code, out, _ = run(capsys, "log", "273f", "--format", "json")
    assert code == 0
    by_version = {v["version"]: v for v in json.loads(out)["versions"]}
    (note,) = by_version["law@2005-01-01"]["notes"]
    assert note["id"] == "273a-2005-nieuw" and note["change"] == "artikel 273a, eerste lid"
    for version, entry in by_version.items():
        if version.startswith("law@"):
            day = version.partition("@")[2]
            wanted = {
                n.id
                for n in read_notes(LAW_NOTES).notes
                if n.version and n.version.isoformat() == day
            }
            assert {n["id"] for n in entry["notes"]} == wanted, version


def test_memo_of_the_april_2013_step_shows_its_four_rationales_and_no_other(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "memo", "law@2009-07-01", "law@2013-04-01", "-o", "m.md")
    assert code == 0, err
    text = (ws / "m.md").read_text(encoding="utf-8")
    assert text.count("**Toelichting:**") == 4
    assert "Bij geen van deze wijzigingen" not in text
    assert "verhoogd van acht naar twaalf" in text and "zes naar acht" not in text
    (ws / "m.md").unlink()


def test_notes_given_by_hand_keep_to_their_step(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 2005, 2006 and April 2013 notes never land on the 2009 changes."""
    code, _, err = run(
        capsys,
        "memo",
        "law@2006-09-01",
        "law@2009-07-01",
        "--notes",
        str(ws / "articles/BWBR0001854/273f/notes.toml"),
        "-o",
        "m.json",
    )
    assert code == 0, err
    memo = json.loads((ws / "m.json").read_text(encoding="utf-8"))
    shown = {n["id"] for c in memo["changes"] for n in c["notes"]}
    assert shown == {n.id for n in read_notes(LAW_NOTES).notes if str(n.version) == "2009-07-01"}
    (ws / "m.json").unlink()


def test_log_puts_another_articles_note_under_that_article_only(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "log", "273f")
    assert "houdt dit lid artikel 251 van toepassing" not in out
    assert "why (artikel 273f, eerste lid): Het strafmaximum voor mensenhandel" in out
    _, out, _ = run(capsys, "log", "273fb")
    assert "why (artikel 273fb, tweede lid): In het illustratieve ontwerp houdt dit lid" in out


def test_a_merger_is_shown_once(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lid = "Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf"
    _, out, _ = run(capsys, "diff", "law", "36547", "--format", "renvooi", "--width", "400")
    assert out.count(lid) == 1
    _, out, _ = run(capsys, "diff", "law", "36547", "--format", "unified")
    assert out.count("+1. " + lid) == 1
    run(capsys, "memo", "law", "36547", "-o", "m.md")
    memo = (ws / "m.md").read_text(encoding="utf-8")
    # once in the renvooi; the instructions and the appendix are code blocks of their own
    prose = re.sub(r"```text\n.*?\n```", "", memo, flags=re.S)
    assert prose.count(lid) == 1
    assert "artikel 273f, eerste lid — samengevoegd, vernummerd en gewijzigd" in memo
    (ws / "m.md").unlink()


def test_a_note_on_one_part_of_a_merger_stays_on_that_part(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "diff", BASE, "36547", "--format", "json")
    parts = [c for c in json.loads(out)["changes"] if "merged" in c["kinds"]]
    assert len(parts) == 2
    for part in parts:
        code, out, err = run(
            capsys,
            "note",
            "add",
            "--change",
            part["id"],
            "--rationale",
            f"Over {part['old']['locatie']}.",
            "--gap",
            "test",
            "--no-commit",
            "--format",
            "json",
        )
        assert code == 0, err
        assert json.loads(out)["placement"]["change"] == part["id"]


def test_editing_the_words_of_a_noted_change_makes_its_note_stale(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for stage in ("nr2", "A"):
        path = scratch / "proposals/36547" / stage / "273f.txt"
        text = path.read_text(encoding="utf-8")
        lid = text.split("\n2. ")[1].split("\n")[0]
        assert "achttien jaren" in lid
        path.write_text(text.replace(lid, lid.replace("achttien jaren", "achttien maanden")))
    code, out, _ = run(capsys, "check", "36547")
    assert code == 1
    stale = [line for line in out.splitlines() if "stale-note" in line]
    assert len(stale) == 1 and "note 273f-2-minderjarigen is stale" in stale[0]
    assert "[-jaren-] {+maanden+}" in stale[0]  # the words now there
    written_for = stale[0].split("written for \u201c")[1].split("\u201d")[0]
    assert "maanden" not in written_for and "{+Met dezelfde straf" in written_for
    # 'note edit' records the words of the change as it now is: no longer stale
    code, _, err = run(
        capsys, "note", "edit", "273f-2-minderjarigen", "--author", "J. Jurist", "--no-commit"
    )
    assert code == 0, err
    _, out, _ = run(capsys, "check", "36547")
    assert "stale-note" not in out


def test_an_edit_in_the_latest_stage_alone_is_a_change_that_needs_its_own_note(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scratch / "proposals/36547/A/273f.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("achttien jaren", "achttien maanden", 1), encoding="utf-8")
    code, out, _ = run(capsys, "check", "36547", "--format", "json")
    assert code == 1
    findings = [f for r in json.loads(out)["reports"] for f in r["findings"]]
    unexplained = [f for f in findings if f["kind"] == "unexplained-change"]
    assert len(unexplained) == 1 and unexplained[0]["words"] == "[-jaren-] {+maanden+}"


def test_the_tui_offers_the_law_history_notes_without_a_proposal(ws: Path) -> None:
    from wetdiff.tui.data import Session

    comparison = Session(ws).compare("law@2009-07-01", "law@2013-04-01")
    assert len({n.id for notes in comparison.notes.values() for n in notes}) == 4
    assert not comparison.orphans
