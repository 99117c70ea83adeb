"""One write lock per workspace: two wetdiffs never write the same workspace at once.

A note is read-modify-write-commit: read ``notes.toml``, add the note, write the file,
commit it. Two ``wetdiff note add`` started at the same moment would both read the same
file, and the second write would drop the first note (or the first commit would carry
the second's note). So every command that writes a workspace (save, new-proposal, note
add/edit, question add, apply/import ob --as, import bwb, the TUI's saves) holds this lock
from before it reads what it will change until its commit is made: writers take turns,
readers never wait.

The lock is an OS file lock (``flock``, through :mod:`filelock`) on ``wetdiff.lock`` in
the repository's git folder (never a file of the working tree). The operating system
releases it when the process ends, however it ends (``kill -9`` included), so a crash
never leaves a workspace locked. Within one process it is re-entrant per thread (a save
that calls another save does not wait for itself); the TUI's worker threads take turns.

A writer that has to wait says so once ("another wetdiff is writing to this workspace;
waiting…", through :func:`set_notice`), and gives up after ``WETDIFF_LOCK_TIMEOUT``
seconds (default 120) with one clear message; nothing is written then.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.errors import WetdiffError

if TYPE_CHECKING:
    from filelock import FileLock

ENV_TIMEOUT = "WETDIFF_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 120.0
LOCK_NAME = "wetdiff.lock"
_FIRST_TRY = 0.2  # seconds: a short turn of another writer is not worth a message

_guard = threading.Lock()
_locks: dict[Path, FileLock] = {}
_notice: Callable[[str], None] | None = None


def set_notice(notice: Callable[[str], None] | None) -> None:
    """Where "waiting for another wetdiff" goes: the CLI prints it on stderr, the TUI
    shows a notification. None: say nothing."""
    global _notice
    _notice = notice


def lock_path(root: Path) -> Path:
    """``.git/wetdiff.lock`` (the git folder of a worktree too); a folder that is not a
    git repository gets ``.wetdiff.lock`` at its root."""
    git = root / ".git"
    if git.is_dir():
        return git / LOCK_NAME
    if git.is_file():  # a linked worktree: ".git" names the real git folder
        first = git.read_text(encoding="utf-8", errors="replace").partition("\n")[0]
        if first.startswith("gitdir:"):
            folder = (root / first[len("gitdir:") :].strip()).resolve()
            if folder.is_dir():
                return folder / LOCK_NAME
    return root / f".{LOCK_NAME}"


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(ENV_TIMEOUT, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _lock_for(root: Path) -> FileLock:
    from filelock import FileLock  # imported by writers only: readers start faster

    path = lock_path(root.resolve())
    with _guard:
        lock = _locks.get(path)
        if lock is None:
            # One object per workspace per process: re-entrant within a thread, and the
            # process's threads exclude each other (each holds its own descriptor).
            lock = FileLock(str(path), thread_local=True)
            _locks[path] = lock
        return lock


@contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """Hold the workspace's write lock for the ``with`` block (read, change, commit)."""
    from filelock import Timeout

    lock = _lock_for(root)
    try:
        lock.acquire(timeout=_FIRST_TRY)
    except Timeout:
        if _notice is not None:
            _notice("another wetdiff is writing to this workspace; waiting…")
        limit = _timeout()
        try:
            lock.acquire(timeout=limit)
        except Timeout:
            raise WetdiffError(
                f"another wetdiff is still writing to this workspace; gave up after "
                f"{limit:g} s. Nothing was written",
                file=root,
                hint=f"Try again when it has finished (or set {ENV_TIMEOUT} to wait longer).",
            ) from None
    except OSError as exc:  # a read-only repository, a file system without locks
        raise WetdiffError(
            f"cannot take the workspace's write lock: {exc.strerror or exc}; nothing was written",
            file=lock_path(root),
            hint="Check that you may write in the workspace's git folder.",
        ) from None
    try:
        yield
    finally:
        lock.release()
