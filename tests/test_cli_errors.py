"""A user's mistake never ends in a traceback: one message on stderr naming the file (and
line), exit code 2, and nothing written or committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git


@pytest.fixture(autouse=True)
def _fresh() -> None:  # type: ignore[misc]
    yield
    forget_open_workspaces()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


def _commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


def _fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the CLI, expect exit 2 with one message and no traceback; return stderr."""
    code, out, err = run(capsys, *args)
    assert code == 2, (code, out, err)
    assert "Traceback" not in err and err.startswith(("wetdiff: ", "Usage: ")), err
    return err


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_as_version_is_refused_not_read(workspace: Path, capsys, device: str) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "diff", "law", device)
    assert f"{device}: is a device or pipe" in err


def test_memo_into_an_unwritable_place_says_so(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "memo", "law", "36547", "-o", "/proc/memo.md")
    assert "/proc/memo.md: cannot write this file" in err and "nothing was written" in err


def test_memo_onto_a_full_device_says_so(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "memo", "law", "36547", "-o", "/dev/full", "--format", "md")
    assert "/dev/full: cannot write this file: No space left on device" in err


def test_a_binary_notes_file_is_named_as_such(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    notes = workspace / "blob.toml"
    notes.write_bytes(b"[[note]]\n\x00\x01")
    err = _fails(capsys, "memo", "law", "36547", "-o", "memo.md", "--notes", str(notes))
    assert f"{notes}:2: this is a binary file, not a notes file" in err
    assert not (workspace / "memo.md").exists()


@pytest.mark.parametrize(
    ("rel", "line"),
    [("wetdiff.toml", 1), ("proposals/36547/proposal.toml", 2)],
)
def test_a_toml_syntax_error_names_file_and_line(  # type: ignore[no-untyped-def]
    workspace: Path, capsys, rel: str, line: int
) -> None:
    path = workspace / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(line - 1, "broken = = 1\n")
    path.write_text("".join(lines), encoding="utf-8")
    err = _fails(capsys, "show", "36547")
    assert f"{rel}:{line}: not valid TOML: Invalid value" in err
    assert "(at line" not in err


def test_a_law_version_toml_syntax_error_names_its_line(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    meta = sorted((workspace / "articles").glob("*/273f/*.toml"))[-1]
    meta.write_text(meta.read_text(encoding="utf-8") + "status = = 1\n", encoding="utf-8")
    err = _fails(capsys, "show", "law")
    line = len(meta.read_text(encoding="utf-8").splitlines())
    assert f"{meta.name}:{line}: not valid TOML" in err


def test_a_provision_with_an_empty_step_is_refused(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "cites", "law", "273f//")
    assert "not a provision: '273f//'" in err
    err = _fails(capsys, "note", "add", "--at", "273f/", "--quote", "x", "--rationale", "y")
    assert "--at '273f/' is not a provision path" in err


def test_show_an_article_the_version_lacks(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "show", "law", "--article", "999")
    assert "no article 999 in law@" in err


def test_a_note_on_a_detached_head_is_refused_before_writing(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    git(workspace, "checkout", "-q", "--detach", "HEAD")
    notes = workspace / "proposals/36547/notes.toml"
    before, commits = notes.read_bytes() if notes.exists() else None, _commits(workspace)
    err = _fails(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "y"
    )
    assert "detached HEAD" in err and "Nothing was written" in err
    assert (notes.read_bytes() if notes.exists() else None) == before
    assert _commits(workspace) == commits


def test_init_where_no_folder_can_be_made(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "init", "/proc/wetdiff-workspace")
    assert err.startswith("wetdiff: /proc/wetdiff-workspace: No such file or directory")


@pytest.mark.parametrize(
    ("versions", "message"),
    [
        (["nope"], "unknown version 'nope'"),
        (["law", "36547/zz"], "proposal 36547 has no stage 'zz'"),
        (["law@2013-02-30"], "'2013-02-30' in version 'law@2013-02-30' is not a date"),
        (["HEAD~99:law"], "unknown git revision 'HEAD~99'"),
        (["/dev/null"], "/dev/null: is a device or pipe"),
    ],
)
def test_the_tui_does_not_open_on_an_unknown_version(  # type: ignore[no-untyped-def]
    workspace: Path, capsys, versions: list[str], message: str
) -> None:
    assert message in _fails(capsys, "tui", *versions)


def test_serve_does_not_start_on_an_unknown_version(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert "unknown version 'nope'" in _fails(capsys, "serve", "law", "nope")


def test_save_into_a_stage_that_does_not_exist_names_the_stage(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    commits = _commits(workspace)
    err = _fails(capsys, "save", "36547/zz", "273f", "-m", "why")
    assert "proposal 36547 has no stage 'zz' with a text" in err and "nr2" in err
    err = _fails(capsys, "save", "nope/A", "273f", "-m", "why")
    assert "unknown proposal 'nope'" in err
    assert _commits(workspace) == commits and not (workspace / "proposals/nope").exists()


def test_memo_format_and_file_name_must_agree(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "memo", "law", "36547", "-o", "memo.md", "--format", "docx")
    assert "--format docx does not match the file name 'memo.md'" in err
    assert not (workspace / "memo.md").exists()


@pytest.mark.parametrize("spec", ["/no/such/273f.txt", "./nope", "273f.txt"])
def test_a_path_that_does_not_exist_is_named(workspace: Path, capsys, spec: str) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "diff", "law", spec)
    assert "no such file or folder" in err and "unknown version" not in err


def test_blame_of_a_file_says_blame_needs_a_version(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    article = workspace / "mijn.txt"
    article.write_text("Artikel 1\n\nTekst.\n", encoding="utf-8")
    err = _fails(capsys, "blame", "273f", str(article))
    assert "blame walks the workspace's history" in err and "unknown version" not in err


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first line that is exactly ``old``; return its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.rstrip("\n") == old)
    lines[number] = new + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = "A"', 'id = "nr2"', "stage 'nr2' is listed twice"),
        ('id = "nr2"', "id = 2", "every [[stage]] needs an id"),
        ("date = 2024-04-25", 'date = "25 april"', "date must be a date"),
        ("text = true", 'text = "yes"', "text must be true or false"),
    ],
)
def test_a_wrong_stage_in_proposal_toml_names_its_line(  # type: ignore[no-untyped-def]
    workspace: Path, capsys, old: str, new: str, message: str
) -> None:
    rel = "proposals/36547/proposal.toml"
    line = _edit(workspace / rel, old, new)
    err = _fails(capsys, "versions")
    assert f"{rel}:{line}: " in err and message in err


def test_a_wrong_value_in_wetdiff_toml_names_its_line(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    marker = workspace / "wetdiff.toml"
    marker.write_text('name = "ws"\n\n[defaults]\nproposal = 36547\n', encoding="utf-8")
    line = 4
    err = _fails(capsys, "versions")
    assert f"wetdiff.toml:{line}: defaults.proposal must be text" in err


def test_a_law_version_dated_otherwise_than_its_file_name_is_refused(
    workspace: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    meta = sorted((workspace / "articles").glob("*/273f/*.toml"))[-1]
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace(f"in_force = {meta.stem}", "in_force = 1999-01-01"), "utf-8")
    err = _fails(capsys, "show", "law")
    assert (
        f"{meta.name}:" in err
        and f"in_force is 1999-01-01, but the file is named for {meta.stem}" in err
    )


def test_a_stage_file_that_is_a_device_is_named(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (workspace / "proposals/36547/A/273fz.txt").symlink_to("/dev/zero")
    err = _fails(capsys, "show", "36547/A")
    assert "273fz.txt: is a device or pipe" in err


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_import_text_out_onto_a_folder(workspace: Path, capsys, force: list[str]) -> None:  # type: ignore[no-untyped-def]
    source = workspace / "plak.txt"
    source.write_text("Artikel 1\n\nTekst.\n", encoding="utf-8")
    (workspace / "map").mkdir()
    err = _fails(capsys, "import", "text", str(source), "--article", "1", "--out", "map", *force)
    assert "map: " in err and ("Is a directory" in err or "is a folder" in err)
    assert list((workspace / "map").iterdir()) == []


def test_ctrl_c_is_a_short_message_not_a_traceback(workspace: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from wetdiff.store import versions

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(versions, "resolve", interrupted)
    code, out, err = run(capsys, "diff", "law", "36547")
    assert code == 130 and out == "" and "Traceback" not in err


def test_the_tui_does_not_open_on_a_broken_wetdiff_toml(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (workspace / "wetdiff.toml").write_text('name = = "ws"\n', encoding="utf-8")
    assert "wetdiff.toml:1: not valid TOML" in _fails(capsys, "tui")


def test_the_tui_does_not_open_on_a_default_comparison_that_names_nothing(  # type: ignore[no-untyped-def]
    workspace: Path, capsys
) -> None:
    marker = workspace / "wetdiff.toml"
    marker.write_text('name = "ws"\n\n[defaults]\ncompare = ["law", "nope"]\n', "utf-8")
    err = _fails(capsys, "tui")
    assert "wetdiff.toml:4: defaults.compare: unknown version 'nope'" in err


def test_a_bad_note_option_names_the_option_not_a_made_up_file(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(
        capsys, "note", "add", "--id", "a b", "--at", "273f/1", "--quote", "mensenhandel",
        "--rationale", "why",
    )  # fmt: skip
    assert err.startswith("wetdiff: --id is not a note id")


def test_a_control_character_in_a_note_never_reaches_git_log_raw(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel",
        "--rationale", "waarom\x1b[2J",
    )  # fmt: skip
    assert code == 0, err
    message = git(workspace, "log", "-1", "--format=%B")
    assert "\x1b" not in message and "waarom\u241b[2J" in message


def test_listing_a_notes_file_that_does_not_exist_says_so(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = _fails(capsys, "note", "list", "--file", "proposals/36547/notez.toml")
    assert "proposals/36547/notez.toml: no such notes file" in err


def test_a_note_git_cannot_commit_is_not_left_written(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    notes = workspace / "proposals/36547/notes.toml"
    before, commits = notes.read_bytes() if notes.exists() else None, _commits(workspace)
    (workspace / ".git/index.lock").touch()  # another git process at work
    err = _fails(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "y"
    )
    assert "git could not commit: Unable to create" in err and "stderr:" not in err
    assert "the note was not saved" in err
    assert (notes.read_bytes() if notes.exists() else None) == before
    assert _commits(workspace) == commits


def _refusing_hook(root: Path) -> None:
    hook = root / ".git/hooks/pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)


def test_a_save_a_hook_refuses_leaves_the_index_as_it_was(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _refusing_hook(workspace)
    article = workspace / "proposals/36547/A/273f.txt"
    article.write_text(article.read_text().replace("vijftien", "twintig", 1), "utf-8")
    err = _fails(capsys, "save", "36547/A", "273f", "-m", "why")
    assert "git stopped with exit code 1 and gave no reason" in err and "cmdline" not in err
    assert git(workspace, "diff", "--cached", "--name-only") == ""


def test_an_import_a_hook_refuses_writes_nothing(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, monkeypatch, fixtures
) -> None:
    root = tmp_path / "leeg"
    assert run(capsys, "init", str(root))[0] == 0
    monkeypatch.chdir(root)
    _refusing_hook(root)
    xml = sorted((fixtures / "bwb/series").glob("*.xml"))[0]
    err = _fails(capsys, "import", "bwb", str(xml))
    assert "git could not commit" in err and "were not written" in err
    assert git(root, "status", "--short", "--untracked-files=all") == ""
    assert not (root / "articles").exists() or not any((root / "articles").rglob("*.txt"))


def test_the_tui_names_the_broken_proposal_toml_behind_the_default_comparison(  # type: ignore[no-untyped-def]
    workspace: Path, capsys
) -> None:
    marker = workspace / "wetdiff.toml"
    marker.write_text('name = "ws"\n\n[defaults]\ncompare = ["law", "36547"]\n', "utf-8")
    rel = "proposals/36547/proposal.toml"
    text = (workspace / rel).read_text(encoding="utf-8")
    base_line = next(line for line in text.splitlines() if line.startswith("base ="))
    line = _edit(workspace / rel, base_line, "base = 5")
    err = _fails(capsys, "tui")
    assert f"{rel}:{line}: field 'base' must be text" in err and "defaults.compare" not in err


def test_a_data_folder_that_is_a_file_is_one_message(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("WETDIFF_DATA_DIR", str(data))
    monkeypatch.chdir(tmp_path)
    err = _fails(capsys, "versions")
    assert (
        err.startswith(f"wetdiff: {data}") and data.read_text(encoding="utf-8") == "not a folder\n"
    )
