"""Paths come only from validated names: an article number, BWB id, proposal or stage id
read from a file's contents never leads a write outside the workspace (or the output
folder), and a folder or file in the workspace that is a symbolic link to elsewhere is
not followed out of it. A bad name is exit 2 naming the file and line; nothing is
written, no folder is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, git

from wetdiff.errors import WetdiffError

BWB = Path(__file__).parent / "fixtures" / "bwb"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_store: None) -> Path:
    root = build(tmp_path / "deep" / "er" / "ws")
    monkeypatch.chdir(root)
    return root


def _tree(folder: Path) -> list[str]:
    """Every file and folder below ``folder`` (the workspace's write lock aside)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != "wetdiff.lock")


def _xml(nr: str, bwb_id: str = "BWBR0001854") -> str:
    return (
        '<?xml version="1.0"?>\n'
        f'<wetgeving bwb-id="{bwb_id}" soort="wet"><intitule>Wet</intitule>'
        "<wet-besluit><wettekst>\n"
        f'<artikel status="goed"><kop><label>Artikel</label><nr>{nr}</nr></kop>'
        "<al>Hij die een ander tot prostitutie brengt, wordt gestraft.</al></artikel>\n"
        "</wettekst></wet-besluit></wetgeving>\n"
    )


# -- the one validator ------------------------------------------------------------------


@pytest.mark.parametrize("good", ["273f", "80quinquies", "6:162", "1.1", "I", "273fa"])
def test_real_article_numbers_are_names(good: str) -> None:
    from wetdiff.model.names import ARTICLE, is_valid_name

    assert is_valid_name(good, ARTICLE)


@pytest.mark.parametrize(
    "bad", ["", "..", "../x", "a/b", "a\\b", ".hidden", "-rf", "273f\x1b", "a b", "x" * 41]
)
def test_anything_that_could_leave_a_folder_is_not_an_article_number(bad: str) -> None:
    from wetdiff.model.names import ARTICLE, check_name, is_valid_name

    assert not is_valid_name(bad, ARTICLE)
    with pytest.raises(WetdiffError, match="cannot be an article number"):
        check_name(bad, ARTICLE, file="x.xml", line=3)


def test_a_bwb_id_is_bwbr_and_seven_digits() -> None:
    from wetdiff.model.names import BWB_ID, is_valid_name

    assert is_valid_name("BWBR0001854", BWB_ID)
    assert not is_valid_name("../../../tmp/pwnbwb", BWB_ID)


def test_a_path_through_a_symlink_out_of_the_workspace_is_refused(tmp_path: Path) -> None:
    from wetdiff.model.names import contained

    (tmp_path / "ws").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "ws" / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(WetdiffError, match="leads outside"):
        contained(tmp_path / "ws" / "link" / "x.txt", tmp_path / "ws")
    assert contained(tmp_path / "ws" / "a" / "b.txt", tmp_path / "ws").name == "b.txt"


# -- import bwb ---------------------------------------------------------------------------


@pytest.mark.parametrize("commit", [True, False], ids=["commit", "no-commit"])
def test_an_article_number_from_the_xml_never_leads_outside(
    workspace: Path, capsys: pytest.CaptureFixture[str], commit: bool
) -> None:
    xml = workspace.parent / "2020-01-01.xml"
    xml.write_text(_xml("../../../../tmp/pwned"), encoding="utf-8")
    before, above = _tree(workspace), _tree(workspace.parent.parent.parent)
    code, _, err = run(capsys, "import", "bwb", str(xml), *([] if commit else ["--no-commit"]))
    assert code == 2, err
    assert f"{xml}:3: '../../../../tmp/pwned' cannot be an article number" in err
    assert _tree(workspace) == before
    assert _tree(workspace.parent.parent.parent) == above  # no folder above it either


def test_a_bwb_id_from_the_xml_never_leads_outside(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xml = workspace.parent / "2020-01-01.xml"
    xml.write_text(_xml("5", bwb_id="../../../tmp/pwnbwb"), encoding="utf-8")
    above = _tree(workspace.parent.parent.parent)
    code, _, err = run(capsys, "import", "bwb", str(xml), "--no-commit")
    assert code == 2 and f"{xml}:2:" in err and "BWB id" in err
    assert _tree(workspace.parent.parent.parent) == above


# -- apply, save, import ob, proposal.toml -------------------------------------------------


def test_apply_of_an_inserted_article_named_outward_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a" / "b" / "c" / "d" / "folder"
    folder.mkdir(parents=True)
    (folder / "273f.txt").write_text("Artikel 273f\n\nDe tekst.\n", encoding="utf-8")
    instructions = tmp_path / "opdracht.txt"
    instructions.write_text(
        "Na artikel 273f wordt een artikel ingevoegd, luidende:\n\n"
        "Artikel ../../../../victim2\n\nDe nieuwe tekst.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    code, _, err = run(capsys, "apply", str(instructions), "--to", str(folder))
    assert code in (1, 2) and "nothing was written" in err
    assert "article number" in err
    assert _tree(tmp_path) == before


def test_save_of_a_file_whose_header_names_an_outward_article_is_refused(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = workspace.parent / "mine.txt"
    text.write_text("Artikel ../../../../x\n\nDe tekst.\n", encoding="utf-8")
    before, above = _tree(workspace), _tree(workspace.parent.parent.parent)
    code, _, err = run(capsys, "save", "36547/A", str(text), "-m", "why")
    assert code == 2 and f"{text}:1:" in err and "article number" in err
    assert _tree(workspace) == before
    assert _tree(workspace.parent.parent.parent) == above


def test_a_stage_id_in_proposal_toml_is_checked_where_it_is_read(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = workspace / "proposals/36547/proposal.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('id = "A"', 'id = "../../x"'), encoding="utf-8")
    line = next(n for n, t in enumerate(toml.read_text().splitlines(), 1) if "../../x" in t)
    before = _tree(workspace.parent)
    code, _, err = run(capsys, "save", "36547/..x", "273f", "-m", "why")
    assert code == 2 and "'..x' cannot be a stage id" in err
    code, _, err = run(capsys, "versions")
    assert code == 2 and f"{toml}:{line}:" in err and "cannot be a stage id" in err
    assert _tree(workspace.parent) == before


def test_import_ob_as_an_outward_stage_writes_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str], fixtures: Path
) -> None:
    before = _tree(workspace.parent.parent.parent)
    code, _, err = run(
        capsys,
        "import",
        "ob",
        str(fixtures / "bekendmaking" / "stb-2013-444-A.xml"),
        "--to",
        "law@2013-04-01",
        "--as",
        "36547/..",
    )
    assert code == 2 and "'..' cannot be a stage id" in err
    assert _tree(workspace.parent.parent.parent) == before


# -- symbolic links ---------------------------------------------------------------------


def test_a_stage_folder_linked_out_of_the_workspace_is_not_followed(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = workspace.parent / "outside"
    outside.mkdir()
    stage = workspace / "proposals/36547/A"
    for item in stage.iterdir():
        (outside / item.name).write_bytes(item.read_bytes())
    git(workspace, "rm", "-q", "-r", "--cached", "proposals/36547/A")
    git(workspace, "commit", "-q", "-m", "A elsewhere")
    for item in list(stage.iterdir()):
        item.unlink()
    stage.rmdir()
    stage.symlink_to(outside)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    new = workspace.parent / "new.txt"
    new.write_text(
        (outside / "273f.txt").read_text(encoding="utf-8").replace("vijftien", "twintig", 1),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "save", "36547/A", str(new), "-m", "why", "--force")
    assert code == 2 and "leads outside" in err
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before


def test_a_stage_file_linked_out_of_the_workspace_is_not_written_through(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = workspace.parent / "victim.txt"
    article = workspace / "proposals/36547/A/273f.txt"
    text = article.read_text(encoding="utf-8")
    victim.write_text(text, encoding="utf-8")
    article.unlink()
    article.symlink_to(victim)
    new = workspace.parent / "new.txt"
    new.write_text(text.replace("vijftien", "twintig", 1), encoding="utf-8")
    code, _, err = run(capsys, "save", "36547/A", str(new), "-m", "why", "--force")
    assert code == 2 and "leads outside" in err
    assert victim.read_text(encoding="utf-8") == text


# -- notes ------------------------------------------------------------------------------


def test_an_outward_path_in_notes_toml_fails_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = workspace / "proposals/36547/notes.toml"
    notes.write_text(
        '[[note]]\nid = "n1"\nat = "../../etc/passwd"\nquote = "woorden"\nrationale = "r"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "36547")
    assert code == 2 and f"{notes}:3:" in err and "not a provision path" in err


def test_a_note_id_is_a_name(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = workspace / "proposals/36547/notes.toml"
    notes.write_text(
        '[[note]]\nid = "../x"\nat = "273f/1"\nquote = "woorden"\nrationale = "r"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "36547")
    assert code == 2 and f"{notes}:2:" in err and "not a note id" in err


def test_a_notes_file_linked_out_of_the_workspace_is_not_written_through(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = workspace.parent / "victim.toml"
    notes = workspace / "proposals/36547/notes.toml"
    victim.write_bytes(notes.read_bytes())
    notes.unlink()
    notes.symlink_to(victim)
    before = victim.read_bytes()
    code, _, err = run(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "r"
    )
    assert code == 2 and "leads outside" in err
    assert victim.read_bytes() == before
    assert os.path.islink(notes)


def test_a_questions_file_linked_out_of_the_workspace_is_not_written_through(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = workspace.parent / "victim.toml"
    registry = workspace / "proposals/36547/questions.toml"
    victim.write_bytes(registry.read_bytes())
    registry.unlink()
    registry.symlink_to(victim)
    before = victim.read_bytes()
    code, _, err = run(capsys, "question", "add", "Q-1", "--kind", "motie", "--text", "Waarom?")
    assert code == 2 and "leads outside" in err
    assert victim.read_bytes() == before
