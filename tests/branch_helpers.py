"""Helpers for the tests of work shared through a git remote: a bare repository that a
workspace is pushed to, and clones of it (one per lawyer or reviewer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import build, forget_open_workspaces, git

SR = "tests/fixtures/store/example"


def remote_with_clones(tmp_path: Path, *names: str) -> tuple[Path, list[Path]]:
    """A bare repository holding the fixture workspace (with its tags), and a clone of
    it per name: what a department's shared remote and its lawyers' folders are."""
    origin = build(tmp_path / "origin-work")
    bare = tmp_path / "shared.git"
    git(tmp_path, "init", "--bare", "--initial-branch=main", str(bare))
    git(origin, "remote", "add", "origin", str(bare))
    git(origin, "push", "--quiet", "origin", "main", "--tags")
    clones = []
    for name in names:
        git(tmp_path, "clone", "--quiet", str(bare), name)
        clones.append(tmp_path / name)
    return bare, clones


def at(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Work in ``folder`` (a lawyer switching to their own clone)."""
    forget_open_workspaces()
    monkeypatch.chdir(folder)
    return folder


def replace_in(path: Path, old: str, new: str) -> str:
    """The file's text with ``old`` replaced (it must be there), written to a temporary
    file beside it: a text 'from elsewhere' to save into a stage."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    return text.replace(old, new)
