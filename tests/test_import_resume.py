"""An import killed half-way is finished by running it again: every version committed,
one commit per in-force date, no file left uncommitted, no temporary file left behind.

The import runs in a child process that kills itself (``os._exit``: no ``finally``, no
clean-up, as ``kill -9`` would) at a chosen moment: after some files are in place, with a
temporary file written but not yet renamed, after ``git add`` but before ``git commit``,
or between two dated commits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import git

SERIES = sorted((Path(__file__).parent / "fixtures" / "bwb" / "series").glob("*.xml"))
DATES = 5  # 2004-12-11, 2005-01-01, 2005-01-04, 2006-09-03, 2007-05-09

# The child: run 'wetdiff import bwb' and die at the N-th time it reaches the moment.
KILLER = """
import os, sys
import git.cmd
from wetdiff.cli import main

moment, count = sys.argv[1], int(sys.argv[2])
seen = {"n": 0}

def due():
    seen["n"] += 1
    return seen["n"] == count

if moment in ("renamed", "before-rename"):
    real_replace = os.replace
    def replace(src, dst, *a, **k):
        if moment == "before-rename" and due():
            os._exit(137)
        real_replace(src, dst, *a, **k)
        if moment == "renamed" and due():
            os._exit(137)
    os.replace = replace
else:
    real_execute = git.cmd.Git.execute
    def execute(self, command, *a, **k):
        words = list(command) if not isinstance(command, str) else command.split()
        if moment == "before-commit" and "commit" in words and due():
            os._exit(137)
        result = real_execute(self, command, *a, **k)
        if moment == "after-commit" and "commit" in words and due():
            os._exit(137)
        return result
    git.cmd.Git.execute = execute
main(["import", "bwb", *sys.argv[3:]])
"""


pytestmark = pytest.mark.usefixtures("fresh_store")


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The articles/ tree an uninterrupted import commits."""
    root = _workspace(tmp_path_factory.mktemp("clean") / "ws")
    done = subprocess.run(
        [sys.executable, "-m", "wetdiff", "import", "bwb", *map(str, SERIES)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **_identity()},
    )
    assert done.returncode == 0, done.stderr
    return git(root, "rev-parse", "HEAD:articles").strip()


def _identity() -> dict[str, str]:
    return {
        "GIT_AUTHOR_NAME": "Test Jurist",
        "GIT_AUTHOR_EMAIL": "jurist@example.org",
        "GIT_COMMITTER_NAME": "Test Jurist",
        "GIT_COMMITTER_EMAIL": "jurist@example.org",
    }


def _workspace(root: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "wetdiff", "init", str(root)],
        check=True,
        capture_output=True,
        env={**os.environ, **_identity()},
    )
    return root


@pytest.mark.parametrize(
    ("moment", "count"),
    [
        ("renamed", 3),  # the first date half written
        ("renamed", 9),  # a later date half written, earlier ones committed
        ("before-rename", 6),  # a temporary file written, never renamed
        ("before-commit", 2),  # the second date's files added to the index, not committed
        ("after-commit", 3),  # three dates committed, two to go
    ],
)
def test_an_import_killed_and_run_again_commits_every_version(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    clean_tree: str,
    moment: str,
    count: int,
) -> None:
    root = _workspace(tmp_path / "ws")
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, moment, str(count), *map(str, SERIES)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == 137, killed.stderr  # it really died half-way
    assert git(root, "rev-parse", "HEAD:articles").strip() != clean_tree  # not finished
    monkeypatch.chdir(root)
    code, out, err = run(capsys, "import", "bwb", *map(str, SERIES))
    assert code == 0, err
    assert git(root, "status", "--porcelain", "--untracked-files=all", "--ignored") == ""
    assert git(root, "rev-parse", "HEAD:articles").strip() == clean_tree
    days = git(root, "log", "--format=%(trailers:key=In-force,valueonly)", "--", "articles")
    assert sorted(d for d in days.split() if d) == sorted(set(days.split()))
    assert len(set(days.split())) == DATES  # each date one commit, none twice
    code, out, _ = run(capsys, "import", "bwb", *map(str, SERIES), "--format", "json")
    assert code == 0 and '"commits": []' in out  # nothing left to do
