"""Acceptance (issue 5), through the CLI as a lawyer uses it: a note on a lid stays with
its words when the draft moves on (renumbering, an insertion before it, an edit next to
its span), `check` stays clean; when its words are deleted the note is an orphan that
`check` lists with its old text (exit 1), never dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from notes_helpers import STAGE_273F, make_workspace, write

NEW_LID = "1. Onder uitbuiting wordt mede verstaan het gedwongen plegen van strafbare feiten.\n\n"
NEW_LID_NOTE = """
[[note]]
id = "nieuw-lid"
at = "273f/1"
quote = "het gedwongen plegen van strafbare feiten"
gap = "The MvT is not available offline."
rationale = "A new first lid."
"""


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


def placements(capsys: pytest.CaptureFixture[str]) -> dict[str, str | None]:
    code, out, err = run(capsys, "note", "list", "--proposal", "99999", "--format", "json")
    assert code == 0, err
    return {
        n["id"]: (n["placement"] or {}).get("path") if n.get("placement") else None
        for n in json.loads(out)["notes"]
    }


def draft(root: Path, text: str) -> None:
    write(root / "proposals/99999/nr2/273f.txt", text)


def renumbered_with_a_lid_before(text: str) -> str:
    """Insert a new first lid: every lid moves one number up."""
    head, rest = text.split("\n\n", 1)
    numbered = []
    for block in rest.split("\n\n"):
        number, words = block.split(". ", 1)
        numbered.append(f"{int(number) + 1}. {words}")
    return head + "\n\n" + NEW_LID + "\n\n".join(numbered)


def test_the_note_follows_its_lid_through_renumbering_and_an_insertion_before_it(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert placements(capsys)["straf"] == "273f/1"
    draft(workspace, renumbered_with_a_lid_before(STAGE_273F))
    notes = workspace / "proposals/99999/notes.toml"
    write(notes, notes.read_text(encoding="utf-8") + NEW_LID_NOTE)
    assert placements(capsys)["straf"] == "273f/2"
    code, out, err = run(capsys, "check", "99999")
    assert code == 0, out + err


def test_the_note_survives_an_edit_of_the_word_next_to_its_span(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft(
        workspace,
        STAGE_273F.replace("vijftien jaren gestraft degene", "vijftien jaren gestraft hij"),
    )
    assert placements(capsys)["straf"] == "273f/1"
    code, out, err = run(capsys, "check", "99999")
    assert code == 0, out + err


def test_deleting_the_words_of_a_note_makes_it_an_orphan_that_check_lists(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft(workspace, STAGE_273F.replace("vijftien jaren", "twintig maanden"))
    assert placements(capsys)["straf"] is None
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert "note straf is orphaned" in out and "vijftien jaren" in out
    code, out, _ = run(capsys, "note", "list", "--proposal", "99999")
    assert code == 0 and "straf" in out, "an orphaned note is never dropped"
