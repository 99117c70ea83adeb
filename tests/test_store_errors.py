"""A broken or unusual repository: one clear message, exit 2, nothing changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git


@pytest.fixture(autouse=True)
def _fresh() -> None:  # type: ignore[misc]
    yield
    forget_open_workspaces()


def test_a_marker_outside_git_is_not_a_workspace(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "wetdiff.toml").write_text('name = "los"\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "versions")
    assert code == 2 and "not a git repository" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wetdiff.toml"]


def test_a_bare_repository_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    bare = tmp_path / "bare.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    (bare / "wetdiff.toml").write_text('name = "kaal"\n')
    monkeypatch.setenv("WETDIFF_WORKSPACE", str(bare))
    code, _, err = run(capsys, "log", "273f")
    assert code == 2 and "bare git repository" in err


def test_a_detached_head_refuses_to_save(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    git(root, "checkout", "-q", "--detach", "HEAD~1")
    monkeypatch.chdir(root)
    target = root / "proposals/36547/nr2/273f.txt"
    target.write_text(target.read_text().replace("vijftien jaren", "twintig jaren", 1))
    code, _, err = run(capsys, "save", "36547/nr2", "273f", "-m", "x")
    assert code == 2 and "detached HEAD" in err
    code, _, err = run(capsys, "new-proposal", "x", "--from", "law")
    assert code == 2 and "detached HEAD" in err
    assert not (root / "proposals/x").exists()
    code, _out, _ = run(capsys, "log", "273f")  # reading still works
    assert code == 0


def test_an_unknown_version_exits_2(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(build(tmp_path / "ws"))
    code, out, err = run(capsys, "blame", "273f", "36548")
    assert code == 2 and "unknown version '36548'" in err and "Versions here" in err
    assert out == ""


def test_a_corrupt_object_is_reported(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    blob = git(root, "rev-parse", "HEAD:proposals/36547/A/273fa.txt").strip()
    path = root / ".git" / "objects" / blob[:2] / blob[2:]
    path.chmod(0o644)
    path.write_bytes(b"not a zlib stream")
    monkeypatch.chdir(root)
    code, _out, err = run(capsys, "show", "HEAD:36547/A")
    assert code == 2 and "damaged" in err and "git fsck" in err
    assert "Traceback" not in err


def test_git_missing_from_path(tmp_path: Path) -> None:
    root = build(tmp_path / "ws")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_PYTHON")}
    env["PATH"] = str(tmp_path / "empty")
    done = subprocess.run(
        [sys.executable, "-m", "wetdiff", "log", "273f"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "git is not installed or not on PATH" in done.stderr
    assert "Traceback" not in done.stderr


def test_saving_needs_a_git_identity(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)
    target = tmp_path / "nieuw"
    code, _, err = run(capsys, "init", str(target))
    assert code == 2 and "git does not know who you are" in err
    assert not target.exists()


def test_a_refused_commit_puts_the_file_back(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from wetdiff.errors import WetdiffError
    from wetdiff.store.drafting import save_article
    from wetdiff.store.workspace import open_workspace

    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    workspace = open_workspace()
    target = root / "proposals/36547/A/273f.txt"
    old = target.read_text()
    (root / ".git" / "index.lock").write_text("")  # another git is busy
    head = git(root, "rev-parse", "HEAD")
    with pytest.raises(WetdiffError, match="git could not commit"):
        save_article(
            workspace, "36547", "A", old.replace("bedelarij", "bedelarij, x"), old, "x", ()
        )
    assert target.read_text() == old
    assert git(root, "rev-parse", "HEAD") == head


def test_metadata_read_without_the_general_parser_reads_the_same() -> None:
    """A version's metadata as wetdiff writes it is read by a short path; what that
    path does not know (escapes, arrays, comments) goes to tomllib, as do mistakes."""
    import datetime as dt
    import tomllib

    from wetdiff.model.files import VersionMeta, flat_toml

    meta = VersionMeta(
        "273f",
        dt.date(2013, 11, 15),
        source_note='zie "noot" \\ 1',
        in_force_note="tab\there",
        answers=("Q-1",),
    )
    text = meta.to_toml()
    assert flat_toml(text) is None  # escapes and an array: the general parser
    assert VersionMeta.from_toml(text, "x/2013-11-15.toml") == meta
    plain = VersionMeta("5", dt.date(2013, 11, 16), certainty="unverified").to_toml()
    assert flat_toml(plain) == tomllib.loads(plain)
    for odd in (
        'artikel = "5" # comment\n',
        'artikel = "5"\nartikel = "6"\n',
        "in_force = 2013-02-30\n",
        'artikel = "a"b"\n',
        "[table]\n",
    ):
        assert flat_toml(odd) is None, odd


def test_a_law_file_named_for_no_real_date_is_named_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading the law on a date lists every article's dated files: one named for no
    real date (2013-02-30) is one message naming that file, exit 2."""
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    folder = root / "articles" / "BWBR0001854" / "273f"
    (folder / "2013-02-30.toml").write_text('artikel = "273f"\n', encoding="utf-8")
    for args in (["diff", "law@2013-04-01", "law@2013-11-15"], ["log", "273f"]):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert "2013-02-30.toml" in err and "the file name is not a real date" in err
        assert "Traceback" not in err
