"""Small builders shared by the diff tests: versions from article texts and files."""

from __future__ import annotations

from pathlib import Path

from wetdiff.diff import Change, ChangeSet
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version, load_path

FIXTURES = Path(__file__).parent / "fixtures"
HISTORY = FIXTURES / "273f"


def version(*texts: str, label: str = "v") -> Version:
    """A version of the articles written in canonical form."""
    return Version(label, label, tuple(parse(t, strict=False) for t in texts))


def fixture(name: str) -> Version:
    return load_path(HISTORY / f"{name}.txt")


def by_new(changeset: ChangeSet, key: str) -> Change:
    found = [c for c in changeset.changes if c.new_key == key]
    assert len(found) == 1, (key, found)
    return found[0]


def by_old(changeset: ChangeSet, key: str) -> Change:
    found = [c for c in changeset.changes if c.old_key == key]
    assert len(found) == 1, (key, found)
    return found[0]


def edits(change: Change) -> list[tuple[str, str]]:
    """The word operations that are not ``equal``."""
    return [(w.op, w.text) for w in change.words if w.op != "equal"]


def summary(changeset: ChangeSet) -> list[tuple[str | None, str | None, list[str]]]:
    return [(c.old_key, c.new_key, sorted(c.kinds)) for c in changeset.changed()]
