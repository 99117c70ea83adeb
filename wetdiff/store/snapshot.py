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

    def __init__(self, root: Path, *, remember: bool = False) -> None:
        self.root = root
        # remember: each folder listed once (for one reading of many versions: a
        # comparison lists a code's thousand article folders for each side otherwise)
        self._listings: dict[str, list[tuple[str, bool]]] | None = {} if remember else None

    def read(self, rel: str) -> str | None:
        from wetdiff.model.files import read_text

        path = self.root / rel
        if not path.exists() or path.is_dir():
            return None
        return read_text(path, what="file")  # a device or pipe here: one clear error

    def listdir(self, rel: str) -> list[tuple[str, bool]]:
        if self._listings is not None and rel in self._listings:
            return self._listings[rel]
        try:  # the types from the folder itself (no stat); a string path: cheaper
            entries = os.scandir(os.path.join(self.root, rel))
        except (FileNotFoundError, NotADirectoryError):
            return []
        with entries:
            listing = sorted((e.name, e.is_dir()) for e in entries if not e.name.startswith("."))
        if self._listings is not None:
            self._listings[rel] = listing
        return listing

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
