"""Acceptance (issue 2): the worked example ships inside the package a non-editable
install builds, the project repository is no workspace, and files wetdiff writes are
written safely: through a symbolic link, into a pipe (``-o /dev/stdout``), with the
permissions a user expects."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cli_helpers import run as _run

from wetdiff.cli import main
from wetdiff.model.files import atomic_write, atomic_write_bytes

ROOT = Path(__file__).resolve().parent.parent


def test_the_build_ships_every_file_of_the_worked_example(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shipped = tmp_path / "wetdiff" / "example"
    for name in ("articles", "proposals"):
        sources = [p for p in (ROOT / name).rglob("*") if p.is_file()]
        assert sources
        for source in sources:
            copy = shipped / source.relative_to(ROOT)
            assert copy.read_bytes() == source.read_bytes(), source
    assert not (ROOT / "wetdiff.toml").exists(), "the project repository is no workspace"


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "memo.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "memo.md"
    link.symlink_to(target)
    atomic_write(link, "new\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"


def test_a_new_file_gets_the_umask_permissions_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "memo.md"
        atomic_write_bytes(fresh, b"x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "private.md"
        kept.write_bytes(b"x")
        kept.chmod(0o600)
        atomic_write_bytes(kept, b"y")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_memo_written_into_a_pipe_goes_through_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "old" / "1.txt"
    article.parent.mkdir()
    article.write_text("Artikel 1\n\nGeen feit is strafbaar.\n", encoding="utf-8")
    new = tmp_path / "new" / "1.txt"
    new.parent.mkdir()
    new.write_text("Artikel 1\n\nGeen enkel feit is strafbaar.\n", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    try:
        main(["memo", str(article.parent), str(new.parent), "-o", str(pipe), "--format", "md"])
    except SystemExit as done:
        assert not done.code, capsys.readouterr().err
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the pipe was not replaced by a file"
    assert b"enkel" in received[0]


# Every command: --format json gives JSON on stdout with the documented exit code, and a
# bad version is one message on stderr, exit 2, nothing on stdout.
JSON_RUNS = [
    (("diff", "law", "99999/nr2"), 1),
    (("diff", "law", "law"), 0),
    (("show", "99999/nr2"), 0),
    (("versions",), 0),
    (("log", "273f"), 0),
    (("blame", "273f", "99999/nr2", "--words"), 0),
    (("cites", "99999/nr2", "273f/1"), 1),  # cited (in its own article): exit 1
    (("note", "list", "--proposal", "99999"), 0),
    (("note", "show", "straf", "--proposal", "99999"), 0),
    (("questions", "99999"), 0),
    (("check", "99999"), 0),
]
BAD_VERSION = [
    ("diff", "law", "nope"),
    ("show", "nope"),
    ("blame", "273f", "nope"),
    ("cites", "nope", "273f"),
    ("questions", "nope"),
    ("check", "nope"),
    ("memo", "law", "nope", "-o", "memo.md"),
    ("new-proposal", "mine", "--from", "nope"),
]


@pytest.fixture
def notes_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from notes_helpers import make_workspace

    root = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize(
    ("args", "expected"), JSON_RUNS, ids=[" ".join(a[:2]) for a, _ in JSON_RUNS]
)
def test_every_command_answers_in_json_with_its_exit_code(
    notes_workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: int
) -> None:
    code, out, err = _run(capsys, *args, "--format", "json")
    assert code == expected, err
    assert isinstance(json.loads(out), dict)


@pytest.mark.parametrize("args", BAD_VERSION, ids=lambda v: " ".join(v[:2]))
def test_a_bad_version_is_one_message_exit_2_and_nothing_written(
    notes_workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    before = _files(notes_workspace)
    code, out, err = _run(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith("wetdiff: ") and "nope" in err and "Traceback" not in err
    assert _files(notes_workspace) == before


def _files(root: Path) -> list[Path]:
    """Every file and folder, but the workspace's write lock (an empty file in .git that
    a writer takes before it reads)."""
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.name != "wetdiff.lock")


INSTRUCTIONS = """\
ARTIKEL I

Het Wetboek van Strafrecht wordt als volgt gewijzigd:

A

In artikel 273f, eerste lid, wordt "{old}" vervangen door "dertien".
"""


def test_writing_commands_answer_in_json_too(
    notes_workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _run(capsys, "init", str(tmp_path / "new"), "--format", "json")
    assert code == 0 and json.loads(out)["workspace"].endswith("new"), err
    code, out, err = _run(capsys, "new-proposal", "mine", "--from", "law", "--format", "json")
    assert code == 0 and json.loads(out)["proposal"] == "mine", err
    code, out, err = _run(
        capsys,
        "note", "add", "--proposal", "99999", "--at", "273f/3", "--quote", "Uitbuiting omvat",
        "--rationale", "Renumbered only.", "--gap", "no source needed", "--no-commit",
        "--format", "json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["anchor"]["path"] == "273f/3", err
    law = notes_workspace / "articles/BWBR0001854/273f/2013-11-15.txt"
    code, out, err = _run(
        capsys, "import", "text", str(law), "--article", "273f", "--format", "json"
    )
    assert code == 0 and json.loads(out)["text"] == law.read_text(encoding="utf-8"), err


def test_apply_in_json_lists_what_failed_with_exit_1_and_what_changed_with_exit_0(
    notes_workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    instructions = tmp_path / "opdrachten.txt"
    instructions.write_text(INSTRUCTIONS.format(old="twaalf"), encoding="utf-8")
    code, out, err = _run(
        capsys, "apply", str(instructions), "--to", "law", "--print", "--format", "json"
    )
    assert code == 0, err
    assert "ten hoogste dertien jaren" in json.loads(out)["articles"]["273f"]
    instructions.write_text(INSTRUCTIONS.format(old="zeventig"), encoding="utf-8")
    code, out, err = _run(
        capsys, "apply", str(instructions), "--to", "law", "--print", "--format", "json"
    )
    assert code == 1
    (failed,) = json.loads(out)["failed"]
    assert failed["label"] == "ARTIKEL I, onderdeel A" and "zeventig" in failed["words"]
    assert "zeventig" in err
