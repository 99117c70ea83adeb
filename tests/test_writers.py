"""Writers take turns, and a refused write loses nothing: the workspace lock serialises
every wetdiff that writes (held from reading what will change to the commit), a commit
git refuses puts the index back exactly as it was, and a commit is checked to hold what
was written before it is reported."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import another_writer, git


def _wetdiff(root: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "wetdiff", *args],
        cwd=root,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


# -- concurrent writers -----------------------------------------------------------------


def test_twenty_note_adds_at_once_are_each_committed_exactly_once(store_workspace: Path) -> None:
    notes = store_workspace / "proposals/36547/notes.toml"
    before = _commits(store_workspace)
    ids = [f"gelijktijdig-{n:02d}" for n in range(20)]
    command = ["note", "add", "--at", "273f/1", "--quote", "mensenhandel"]
    processes = {
        note_id: _wetdiff(
            store_workspace, *command, "--id", note_id, "--rationale", f"Waarom {note_id}"
        )
        for note_id in ids
    }
    reported = {}
    for note_id, process in processes.items():
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        reported[note_id] = re.search(r"committed ([0-9a-f]{10})", err).group(1)  # type: ignore[union-attr]
    assert _commits(store_workspace) == before + 20
    text = notes.read_text(encoding="utf-8")
    assert all(text.count(f'id = "{note_id}"') == 1 for note_id in ids)
    assert git(store_workspace, "status", "--porcelain", "--", str(notes)) == ""
    for note_id, sha in reported.items():
        # the commit it reported is its own: it adds this note and no other
        assert git(store_workspace, "log", "-1", "--format=%s", sha).startswith(f"Note {note_id}")
        added = git(store_workspace, "show", "--format=", sha, "--", "proposals/36547/notes.toml")
        assert re.findall(r'^\+id = "([^"]+)"', added, re.M) == [note_id]


def test_concurrent_saves_each_report_their_own_commit(store_workspace: Path) -> None:
    jobs = {}
    for stage in ("A", "nr2"):
        for article in ("273f", "273fa"):
            source = store_workspace / f"proposals/36547/{stage}/{article}.txt"
            text = source.read_text(encoding="utf-8").rstrip("\n") + f" ({stage} {article})\n"
            draft = store_workspace.parent / f"{stage}-{article}.txt"
            draft.write_text(text, encoding="utf-8")
            jobs[(stage, article)] = (
                text,
                _wetdiff(
                    store_workspace, "save", f"36547/{stage}", str(draft), "-m", "gelijktijdig"
                ),
            )
    for (stage, article), (text, process) in jobs.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        sha = re.search(r"commit ([0-9a-f]{10})", out).group(1)  # type: ignore[union-attr]
        rel = f"proposals/36547/{stage}/{article}.txt"
        assert git(store_workspace, "show", "--name-only", "--format=", sha).split() == [rel]
        assert git(store_workspace, "show", f"{sha}:{rel}") == text


def test_a_writer_waits_for_another_and_says_so(store_workspace: Path) -> None:
    with another_writer(store_workspace) as release:
        process = _wetdiff(
            store_workspace,
            "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "w",
        )  # fmt: skip
        time.sleep(1.5)
        assert process.poll() is None  # still waiting: it has not read the notes yet
        release.set()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "another wetdiff is writing to this workspace; waiting…" in err


def test_a_writer_gives_up_after_the_timeout_and_writes_nothing(store_workspace: Path) -> None:
    from wetdiff.store.lock import workspace_lock

    notes = store_workspace / "proposals/36547/notes.toml"
    before, commits = notes.read_bytes(), _commits(store_workspace)
    with workspace_lock(store_workspace):
        process = _wetdiff(
            store_workspace,
            "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "w",
            WETDIFF_LOCK_TIMEOUT="1",
        )  # fmt: skip
        _, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert "another wetdiff is still writing to this workspace; gave up after 1 s" in err
    assert "Traceback" not in err
    assert notes.read_bytes() == before and _commits(store_workspace) == commits


# -- a refused commit: the index exactly as it was ---------------------------------------


def _refusing_hook(root: Path) -> None:
    hook = root / ".git/hooks/pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)


def test_a_refused_save_keeps_the_version_the_lawyer_had_staged(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = store_workspace / "proposals/36547/A/273f.txt"
    original = article.read_text(encoding="utf-8")
    staged = original.replace("vijftien", "zestien", 1)
    article.write_text(staged, encoding="utf-8")
    git(store_workspace, "add", "proposals/36547/A/273f.txt")
    edited = original.replace("vijftien", "twintig", 1)
    article.write_text(edited, encoding="utf-8")
    _refusing_hook(store_workspace)
    code, _, err = run(capsys, "save", "36547/A", "273f", "-m", "why")
    assert code == 2 and "git could not commit" in err
    assert git(store_workspace, "show", ":proposals/36547/A/273f.txt") == staged  # still staged
    assert article.read_text(encoding="utf-8") == edited  # and the edit still on disk


def test_a_note_refused_by_head_lock_leaves_nothing_staged(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = store_workspace / "proposals/36547/notes.toml"
    before = notes.read_bytes()
    (store_workspace / ".git/HEAD.lock").touch()  # another git is moving the branch
    code, _, err = run(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "y"
    )
    (store_workspace / ".git/HEAD.lock").unlink()
    assert code == 2 and "nothing was written" in err
    assert git(store_workspace, "diff", "--cached", "--name-only") == ""
    assert notes.read_bytes() == before


def test_a_commit_that_holds_something_else_is_not_reported_as_saved(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a formatting hook that rewrites what is committed: the commit is not what was written
    hook = store_workspace / ".git/hooks/pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(
        "#!/bin/sh\nfor f in $(git diff --cached --name-only); do\n"
        '  echo "# hook" >> "$f"; git add "$f"\ndone\n',
        encoding="utf-8",
    )
    hook.chmod(0o755)
    code, out, err = run(
        capsys, "note", "add", "--at", "273f/1", "--quote", "mensenhandel", "--rationale", "y"
    )
    assert code == 2, out
    assert "does not hold what was written" in err and "git show" in err
    assert "committed" not in err.split("wetdiff:")[0]


# -- save FILE over edits not in git --------------------------------------------------------


def test_save_of_a_file_refuses_to_discard_uncommitted_edits_of_the_stage_article(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = store_workspace / "proposals/36547/A/273f.txt"
    committed = article.read_text(encoding="utf-8")
    edited = committed.replace("vijftien", "zestien", 1)
    article.write_text(edited, encoding="utf-8")  # the lawyer's edit, not saved yet
    draft = store_workspace.parent / "273f.txt"
    draft.write_text(committed.replace("vijftien", "twintig", 1), encoding="utf-8")
    commits = _commits(store_workspace)
    code, _, err = run(capsys, "save", "36547/A", str(draft), "-m", "van elders")
    assert code == 2 and f"{article}: this file has edits that are not saved in git" in err
    assert "--force" in err
    assert article.read_text(encoding="utf-8") == edited and _commits(store_workspace) == commits
    code, _, err = run(capsys, "save", "36547/A", str(draft), "-m", "van elders", "--force")
    assert code == 0, err
    assert article.read_text(encoding="utf-8") == draft.read_text(encoding="utf-8")


def test_save_of_a_file_over_a_clean_stage_article_needs_no_force(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = store_workspace / "proposals/36547/A/273f.txt"
    draft = store_workspace.parent / "273f.txt"
    draft.write_text(
        article.read_text(encoding="utf-8").replace("vijftien", "twintig", 1), encoding="utf-8"
    )
    code, _, err = run(capsys, "save", "36547/A", str(draft), "-m", "van elders")
    assert code == 0, err
