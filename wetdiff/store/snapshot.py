"""The workspace's files as one read-only view, on disk or at a git revision.

Every reader of the workspace (versions, law, proposals, log, blame) reads through a
:class:`Snapshot`, so the same code reads the files as they are on disk (uncommitted
edits included: :class:`DiskSnapshot`) and as they were at any commit
(:class:`~wetdiff.store.gitrepo.CommitSnapshot`, read through the commit's tree).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol


class Snapshot(Protocol):
    """Read-only view of the workspace's files: the working tree or a commit's tree."""

    label: str  # "" for the files on disk, else the revision as written

    def read(self, rel: str) -> str | None: ...

    def listdir(self, rel: str) -> list[tuple[str, bool]]: ...

    def is_dir(self, rel: str) -> bool: ...

    def where(self, rel: str) -> str: ...


class DiskSnapshot:
    """The files as they are on disk now (including uncommitted edits)."""

    label = ""

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, rel: str) -> str | None:
        from wetdiff.model.files import read_text

        path = self.root / rel
        if not path.exists() or path.is_dir():
            return None
        return read_text(path, what="file")  # a device or pipe here: one clear error

    def listdir(self, rel: str) -> list[tuple[str, bool]]:
        try:
            entries = os.scandir(self.root / rel)  # types from the folder itself: no stat
        except (FileNotFoundError, NotADirectoryError):
            return []
        with entries:
            return sorted((e.name, e.is_dir()) for e in entries if not e.name.startswith("."))

    def is_dir(self, rel: str) -> bool:
        return (self.root / rel).is_dir()

    def where(self, rel: str) -> str:
        return str(self.root / rel)


def walk_files(snapshot: Snapshot, rel: str) -> Iterator[str]:
    """Every file below ``rel`` (relative paths), folders first-to-last in name order."""
    for name, is_dir in snapshot.listdir(rel):
        child = f"{rel}/{name}" if rel else name
        if is_dir:
            yield from walk_files(snapshot, child)
        else:
            yield child
