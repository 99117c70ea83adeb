"""``wetdiff cites`` reads through the citations index (``.git/wetdiff-cites.idx``): the
answer follows every change to the texts, made by wetdiff or by hand with git, committed
or not, and a damaged index is made again without a word."""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git

from wetdiff.store.cites_index import index_path

ARTICLE_251 = Path("articles/BWBR0001854/251/1886-09-01.txt")
CITING_251 = (
    "Artikel 251\n\nBij veroordeling wegens een der misdrijven omschreven in artikel 273f "
    "kan ontzetting worden uitgesproken.\n"
)


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    yield root
    forget_open_workspaces()


def _settle(root: Path) -> None:
    """Every file of the workspace a minute old: the index then trusts what it records
    of them (it reads a file changed in the last seconds again anyway)."""
    past = os.stat(root).st_mtime - 60
    for folder, _, names in os.walk(root / "articles"):
        for name in [*names, "."]:
            os.utime(Path(folder) / name, (past, past))
    for folder, _, names in os.walk(root / "proposals"):
        for name in [*names, "."]:
            os.utime(Path(folder) / name, (past, past))


def _citing(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code, out, err = run(capsys, "cites", *args)
    assert code in (0, 1), err
    return [line.strip().split(":")[0] for line in out.splitlines()[1:] if ": «" in line]


def test_the_index_is_kept_in_the_git_folder_not_the_working_tree(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _citing(capsys, "law", "273f") == []
    index = index_path(ws)
    assert index is not None and index.parent == ws / ".git" and index.is_file()
    assert git(ws, "status", "--porcelain") == ""


def test_a_citation_committed_by_hand_outside_wetdiff_is_found(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _settle(ws)
    assert _citing(capsys, "law", "273f") == []  # the index is made: nothing cites 273f
    (ws / ARTICLE_251).write_text(CITING_251, encoding="utf-8")
    git(ws, "commit", "-q", "-am", "251 cites 273f")
    assert _citing(capsys, "law", "273f") == ["artikel 251"]
    git(ws, "reset", "-q", "--hard", "HEAD~1")  # and gone again when the commit is undone
    assert _citing(capsys, "law", "273f") == []


def test_an_uncommitted_edit_is_what_cites_reads(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _settle(ws)
    assert _citing(capsys, "law", "273f") == []
    (ws / ARTICLE_251).write_text(CITING_251, encoding="utf-8")
    assert _citing(capsys, "law", "273f") == ["artikel 251"]
    # a new dated version beside it, not in git either: in force from 2020
    (ws / ARTICLE_251).write_text(CITING_251.replace("273f", "273a"), encoding="utf-8")
    later = ws / ARTICLE_251.parent / "2020-01-01.txt"
    later.write_text(CITING_251, encoding="utf-8")
    meta = (ws / ARTICLE_251.with_suffix(".toml")).read_text(encoding="utf-8")
    later.with_suffix(".toml").write_text(
        meta.replace("1886-09-01", "2020-01-01"), encoding="utf-8"
    )
    assert _citing(capsys, "law@2019-12-31", "273f") == []
    assert _citing(capsys, "law@2020-01-01", "273f") == ["artikel 251"]


def test_a_citation_saved_into_a_stage_is_found(
    ws: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _settle(ws)
    assert _citing(capsys, "36547/nr2", "273fa") == []
    draft = tmp_path / "251.txt"
    draft.write_text(CITING_251.replace("273f", "273fa"), encoding="utf-8")
    code, _, err = run(capsys, "save", "36547/nr2", str(draft), "-m", "251 cites 273fa")
    assert code == 0, err
    assert _citing(capsys, "36547/nr2", "273fa") == ["artikel 251"]
    assert _citing(capsys, "law", "273fa") == [], "the law itself is as it was"


def test_a_corrupt_index_is_made_again_without_a_word(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (ws / ARTICLE_251).write_text(CITING_251, encoding="utf-8")
    git(ws, "commit", "-q", "-am", "251 cites 273f")
    assert _citing(capsys, "law", "273f") == ["artikel 251"]
    index = index_path(ws)
    assert index is not None
    for damage in (b"\x00garbage", b"", marshal.dumps(["not", "an", "index"])):
        index.write_bytes(damage)
        code, out, err = run(capsys, "cites", "law", "273f")
        assert (code, err) == (1, "") and "artikel 251" in out
        assert isinstance(marshal.loads(index.read_bytes()), dict), "written anew"


def test_an_unwritable_index_still_answers(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = index_path(ws)
    assert index is not None
    index.mkdir()  # a folder where the file should be: it cannot be written
    (ws / ARTICLE_251).write_text(CITING_251, encoding="utf-8")
    code, out, err = run(capsys, "cites", "law", "273f")
    assert (code, err) == (1, "") and "artikel 251" in out


def test_a_law_file_named_by_no_real_date_is_one_message(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ws / "articles/BWBR0001854/273f"
    (folder / "2030-02-30.toml").write_text('artikel = "273f"\nin_force = 2030-03-01\n')
    (folder / "2030-02-30.txt").write_text("Artikel 273f\n\nTekst.\n")
    code, _, err = run(capsys, "cites", "law@2031-01-01", "273f")
    assert code == 2
    assert "2030-02-30.t" in err and "the file name is not a real date" in err
    assert "Traceback" not in err
