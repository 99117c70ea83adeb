"""Helpers shared by the store tests: build small workspaces from fixture files."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wetdiff.store import workspace as workspace_module
from wetdiff.store.example import build_workspace, source_files
from wetdiff.store.gitrepo import close_all

SOURCE = Path(__file__).parent / "fixtures" / "store" / "example"


_templates: dict[Path, Path] = {}


def build(target: Path, source: Path = SOURCE) -> Path:
    """A workspace built from ``source`` (with its dated history) at ``target``. The
    fixture example is built once per test run and copied (git and all) after."""
    if source != SOURCE:
        build_workspace(target, source, source_files(source))
        return target
    if SOURCE not in _templates:
        template = Path(tempfile.mkdtemp(prefix="wetdiff-store-template-")) / "ws"
        build_workspace(template, SOURCE, source_files(SOURCE))
        atexit.register(shutil.rmtree, template.parent, True)
        _templates[SOURCE] = template
    shutil.copytree(_templates[SOURCE], target, symlinks=True)
    return target


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def forget_open_workspaces() -> None:
    close_all()
    workspace_module._workspaces.clear()


@contextmanager
def another_writer(root: Path) -> Iterator[threading.Event]:
    """Another wetdiff writing the workspace at ``root``: a thread holds its write lock
    from the start of the block until the event yielded is set (or the block ends)."""
    from wetdiff.store.lock import workspace_lock

    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with workspace_lock(root):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        yield release
    finally:
        release.set()
        holder.join()
