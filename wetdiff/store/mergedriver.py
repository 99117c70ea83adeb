"""The merge driver that lets reviewers share a workspace through any git remote.

Notes and questions files are merged by id (:mod:`wetdiff.notes.mergefile`), not line by
line: two reviewers who each add notes never conflict, and the same note changed on both
sides is one conflict, named. Git learns this from two places:

* ``.gitattributes`` (committed, so every clone has it) says which files use the
  driver: ``proposals/*/notes.toml merge=wetdiff`` and the like;
* the repository's own configuration (``.git/config``, which a clone does not copy) says
  what the driver runs: this wetdiff, ``python -m wetdiff merge-driver %O %A %B %P``.

``wetdiff init`` sets up both (in a new workspace, and in a clone of one); any wetdiff
command run in a clone whose ``.gitattributes`` names the driver registers it in the
clone's configuration when it is missing or names a program that no longer exists.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from wetdiff.errors import WetdiffError
from wetdiff.store.gitrepo import GitRepo
from wetdiff.store.layout import merged_by_id

DRIVER = "wetdiff"
ATTRIBUTES_FILE = ".gitattributes"
PATTERNS = merged_by_id()
_COMMENT = "# wetdiff: notes and questions are merged by id (docs/branches.md)"


def driver_command() -> str:
    """What git runs to merge one file: this Python's wetdiff, so the driver works
    whatever is on the PATH of the shell git runs it in."""
    return f"{shlex.quote(sys.executable)} -m wetdiff merge-driver %O %A %B %P"


def attributes(existing: str) -> str | None:
    """The ``.gitattributes`` text with the driver's lines added (None: all there)."""
    present = {line.split()[0] for line in existing.splitlines() if f"merge={DRIVER}" in line}
    missing = [p for p in PATTERNS if p not in present]
    if not missing:
        return None
    lines = [existing.rstrip("\n")] if existing.strip() else []
    if _COMMENT not in existing:
        lines.append(_COMMENT)
    lines += [f"{pattern} merge={DRIVER}" for pattern in missing]
    return "\n".join(lines) + "\n"


def register(repo: GitRepo) -> bool:
    """Tell this clone's git what the driver runs; whether anything had to be set."""
    changed = False
    wanted = {
        f"merge.{DRIVER}.name": "wetdiff: notes and questions merged by id",
        f"merge.{DRIVER}.driver": driver_command(),
    }
    for key, value in wanted.items():
        if repo.config(key) != value:
            repo.set_config(key, value)
            changed = True
    return changed


def declared(root: Path) -> bool:
    """Whether the workspace's ``.gitattributes`` names the driver."""
    try:
        text = (root / ATTRIBUTES_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f"merge={DRIVER}" in text


def ensure_registered(root: Path, repo: Callable[[], GitRepo]) -> None:
    """Register the driver in a clone whose ``.gitattributes`` names it and whose
    configuration does not (yet) run this wetdiff: quietly, and never failing a command
    that only reads (a read-only repository keeps git's own line merge). Costs two file
    reads when all is set (the repository is opened only to change its configuration)."""
    if not declared(root):
        return
    config = root / ".git" / "config"
    try:
        text = config.read_text(encoding="utf-8") if config.is_file() else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    if driver_command() in text or _runs(registered_driver(text)):
        return  # this wetdiff, or another one that still runs: never flip between two
    with contextlib.suppress(WetdiffError):
        register(repo())


_DRIVER_LINE = re.compile(
    rf'^\[merge "{DRIVER}"\][^\[]*?^\s*driver\s*=\s*(?P<command>.+?)\s*$', re.M | re.S
)


def registered_driver(config: str) -> str:
    """The command the repository's configuration gives the driver ("" for none)."""
    found = _DRIVER_LINE.search(config)
    return found.group("command").strip().strip('"') if found else ""


def _runs(command: str) -> bool:
    """Whether a registered driver command can still run: a wetdiff merge driver whose
    program exists. Two installs of wetdiff (a system one and a project's virtual
    environment) used on one workspace would otherwise take turns rewriting the
    configuration on every start."""
    try:
        program, *rest = shlex.split(command)
    except ValueError:
        return False
    return "merge-driver" in rest and os.access(program, os.X_OK)


def set_up(root: Path, repo: GitRepo) -> tuple[bool, bool]:
    """``wetdiff init`` in a workspace that exists (a clone): add the driver's lines to
    ``.gitattributes`` when they are missing (one commit) and register the driver for
    this clone. Returns (``.gitattributes`` committed, configuration set)."""
    from wetdiff.model.files import atomic_write, read_text
    from wetdiff.store.lock import workspace_lock

    with workspace_lock(root):
        path = root / ATTRIBUTES_FILE
        existing = read_text(path, what="attributes file") if path.exists() else ""
        text = attributes(existing)
        committed = False
        if text is not None:
            if repo.detached:
                raise WetdiffError(
                    "the workspace is on a detached HEAD; check out a branch first. Nothing "
                    "was written",
                    file=root,
                )
            identity = repo.identity()
            atomic_write(path, text, expected=existing if path.exists() else None, within=root)
            try:
                repo.commit(
                    [ATTRIBUTES_FILE],
                    "Merge notes and questions by id (wetdiff's merge driver)\n",
                    author=identity,
                )
            except WetdiffError:
                if existing:
                    atomic_write(path, existing)
                else:
                    path.unlink(missing_ok=True)
                raise
            committed = True
        return committed, register(repo)
