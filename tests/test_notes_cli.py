"""``wetdiff note add|edit|list|show``: writing the reasons down, safely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from notes_helpers import NOTES, STAGE_273F, make_workspace, write

from wetdiff.notes import read_notes


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


def notes_file(root: Path) -> Path:
    return root / "proposals" / "99999" / "notes.toml"


def git_log(root: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(root), "log", "--format=%s%n%b"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def unexplained_change(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    write(
        root / "proposals/99999/nr2/273f.txt",
        STAGE_273F.replace("van zijn beroep", "van zijn beroep of bedrijf"),
    )
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1
    (finding,) = json.loads(out)["reports"][0]["findings"]
    return str(finding["change"])


def test_note_add_on_a_change_makes_check_pass_and_commits(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change = unexplained_change(workspace, capsys)
    code, out, err = run(
        capsys,
        "note",
        "add",
        "--change",
        change[:6],
        "--id",
        "bedrijf",
        "--rationale",
        "Also a business.\n\nThe MvT says so.",
        "--cite",
        "Kamerstukken II 2023/24, 36 547, nr. 3|§ 5|12|gap",
        "--answers",
        "2022Z19982/3",
    )
    assert code == 0, err
    assert "attached to change" in out and "committed" in err
    note = read_notes(notes_file(workspace)).get("bedrijf")
    assert note is not None
    assert (note.anchor.path, note.anchor.quote, note.anchor.side) == (
        "273f/4",
        "of bedrijf",
        "new",
    )
    assert note.citations[0].page == "12" and note.citations[0].link == "gap"
    assert run(capsys, "check", "99999")[0] == 0
    log = git_log(workspace)
    assert "Note bedrijf: Also a business." in log and "Answers: 2022Z19982/3" in log


def test_note_add_with_path_and_quote(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "note",
        "add",
        "-p",
        "99999",
        "--at",
        "273f/3",
        "--quote",
        "in de  prostitutie",
        "--gap",
        "No source found.",
        "--rationale",
        "Kept as it was.",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["anchor"]["quote"] == "in de prostitutie"
    assert data["placement"]["path"] == "273f/3" and data["placement"]["how"] == "exact"
    assert data["id"].startswith("273f-") and data["gap"] == "No source found."


def test_note_add_refuses_words_that_are_not_there(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = notes_file(workspace).read_bytes()
    code, _, err = run(
        capsys,
        "note",
        "add",
        "--at",
        "273f/1",
        "--quote",
        "dertig jaren",
        "--rationale",
        "x",
        "--gap",
        "none",
    )
    assert code == 2 and "are not in 273f/1" in err and "nothing written" in err
    assert notes_file(workspace).read_bytes() == before


def test_note_add_refuses_an_unknown_question_id(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = notes_file(workspace).read_bytes()
    code, _, err = run(
        capsys,
        "note",
        "add",
        "--at",
        "273f/1",
        "--quote",
        "vijftien jaren",
        "--rationale",
        "x",
        "--gap",
        "none",
        "--answers",
        "motie-99",
    )
    assert code == 2 and "unknown question id 'motie-99'" in err
    assert notes_file(workspace).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rationale", "x"], "say which change"),
        (["--at", "273f/1", "--rationale", "x"], "go together"),
        (["--change", "zzzzzz", "--rationale", "x"], "no change 'zzzzzz'"),
        (
            ["--at", "273f/1", "--quote", "vijftien jaren", "--cite", "|§ 1", "--rationale", "x"],
            "needs the document",
        ),
        (
            [
                "--at",
                "273f/1",
                "--quote",
                "vijftien jaren",
                "--cite",
                "MvT|||ftp://x",
                "--rationale",
                "x",
            ],
            "not a web address",
        ),
        (["--at", "273f/1", "--quote", "vijftien jaren"], "needs a rationale"),
        (
            [
                "--at",
                "273f/1",
                "--quote",
                "vijftien jaren",
                "--rationale",
                "x",
                "--version",
                "2013-02-30",
            ],
            "--version '2013-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            ["--at", "273f/1", "--quote", "vijftien jaren", "--rationale", "x", "--id", "straf"],
            "exists already",
        ),
    ],
)
def test_note_add_bad_input_exits_2_and_writes_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = notes_file(workspace).read_bytes()
    code, _, err = run(capsys, "note", "add", *args)
    assert code == 2 and message in err, err
    assert notes_file(workspace).read_bytes() == before


def test_note_edit_with_options_replaces_only_those_fields(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "note", "edit", "straf", "--answers", "CKM-2022/2", "--author", "J. Jurist"
    )
    assert code == 0, err
    note = read_notes(notes_file(workspace)).get("straf")
    assert note is not None
    assert note.answers == ("CKM-2022/2",) and note.author == "J. Jurist"
    assert note.rationale == "The maximum penalty goes up from twelve to fifteen years."
    assert len(note.citations) == 1


def test_note_edit_opens_the_editor_and_validates_what_comes_back(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    script = write(
        tmp_path / "editor.py",
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('twelve', 'TWELVE'))\n",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = run(capsys, "note", "edit", "straf")
    assert code == 0, err
    note = read_notes(notes_file(workspace)).get("straf")
    assert note is not None and "TWELVE" in note.rationale

    bad = write(
        tmp_path / "bad.py",
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('at = ', 'at = 3 #'))\n",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {bad}")
    before = notes_file(workspace).read_bytes()
    code, _, err = run(capsys, "note", "edit", "straf")
    assert code == 2 and "field 'at' must be text" in err
    assert notes_file(workspace).read_bytes() == before


def test_note_edit_without_editor_or_options_says_what_to_do(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "note", "edit", "straf")
    assert code == 2 and "$EDITOR" in err


def test_note_list_and_show(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "note", "list")
    assert code == 0
    assert "straf  273f/1  change" in out and "non-punishment  273f/2" in out
    code, out, _ = run(capsys, "note", "show", "straf")
    assert code == 0
    assert "answers: 2022Z19982/3" in out
    assert "- Kamerstukken II 2023/24, 36 547, nr. 3, § 4, p. gap" in out
    code, out, _ = run(capsys, "note", "list", "--format", "json")
    notes = json.loads(out)["notes"]
    assert [n["placement"]["how"] for n in notes] == ["exact", "exact"]
    code, _, err = run(capsys, "note", "show", "nope")
    assert code == 2 and "no note 'nope'" in err


def test_note_list_shows_orphans(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        notes_file(workspace), NOTES.replace('quote = "vijftien jaren"', 'quote = "honderd jaren"')
    )
    _code, out, _ = run(capsys, "note", "list")
    assert "straf  273f/1  orphaned" in out


def test_notes_file_for_the_law_history(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace / "articles/BWBR0001854/273f/notes.toml"
    code, _out, err = run(
        capsys,
        "note",
        "add",
        "--file",
        str(path),
        "--at",
        "273f/1",
        "--quote",
        "twaalf jaren",
        "--version",
        "2013-11-15",
        "--rationale",
        "As it stood.",
        "--gap",
        "Act unknown.",
    )
    assert code == 0, err
    (note,) = read_notes(path).notes
    assert note.version is not None and note.version.isoformat() == "2013-11-15"
    assert run(capsys, "check", "law")[0] == 0


def test_note_add_no_commit_just_writes(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = git_log(workspace)
    code, _, err = run(
        capsys,
        "note",
        "add",
        "--at",
        "273f/3",
        "--quote",
        "de prostitutie",
        "--rationale",
        "x",
        "--gap",
        "none",
        "--id",
        "p",
        "--no-commit",
    )
    assert code == 0 and "committed" not in err
    assert read_notes(notes_file(workspace)).get("p") is not None
    assert git_log(workspace) == log


def test_note_add_with_the_old_number_of_a_renumbered_lid_stores_the_new_one(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "note",
        "add",
        "--at",
        "273f/2",
        "--quote",
        "Uitbuiting omvat ten minste",
        "--rationale",
        "Kept.",
        "--gap",
        "none",
        "--id",
        "kept",
    )
    assert code == 0, err
    note = read_notes(notes_file(workspace)).get("kept")
    assert note is not None and note.anchor.path == "273f/3"


def test_notes_file_outside_a_workspace_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "elsewhere" / "notes.toml"
    code, _, err = run(capsys, "note", "list", "--file", str(path))
    assert code == 2 and "not inside a wetdiff workspace" in err
    assert not path.exists()


def test_note_edit_refuses_when_a_colleague_changed_the_file_meanwhile(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    script = write(
        tmp_path / "editor.py",
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('twelve', 'TWELVE'))\n"
        f"notes = pathlib.Path({str(notes_file(workspace))!r})\n"
        "notes.write_text(notes.read_text() + '# colleague\\n')\n",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = run(capsys, "note", "edit", "straf")
    assert code == 2 and "changed on disk" in err
    text = notes_file(workspace).read_text(encoding="utf-8")
    assert text.endswith("# colleague\n") and "TWELVE" not in text
