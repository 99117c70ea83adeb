"""Writing the memo: one workflow for ``wetdiff memo`` and the TUI's ``m``, with one
error contract.

The format comes from the file's name (``.md``, ``.html``, ``.docx``, ``.json``) or is
given; a name that says none, or another than the one given, is one message before
anything is computed. The memo is built from the comparison and the notes placed on it,
rendered, and written atomically (a memo is never half-written), or to a stream
(``-o -``). Both shells show the same one-line summary.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from wetdiff.diff.kinds import Lang
from wetdiff.errors import WetdiffError
from wetdiff.memo import FORMATS, render
from wetdiff.memo.model import Memo, build_memo
from wetdiff.model.files import atomic_write_bytes

if TYPE_CHECKING:
    from wetdiff.diff import ChangeSet
    from wetdiff.notes import Attachment, QuestionRegistry
    from wetdiff.store.workspace import Workspace

#: The format each file name ending stands for.
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
}


def memo_format(name: str, given: str | None = None) -> str:
    """The format of the memo file ``name``: ``given``, else the one its extension names.
    A name that names none (and no format given), or another format than the one given
    (a ``.md`` file holding Word), is the user's mistake."""
    named = EXTENSIONS.get(Path(name).suffix.lower())
    if given is not None and given not in FORMATS:
        raise WetdiffError(f"unknown memo format {given!r}", hint=f"Formats: {', '.join(FORMATS)}.")
    if given and named and named != given:
        raise WetdiffError(
            f"--format {given} does not match the file name {Path(name).name!r} ({named}): "
            "change one of them"
        )
    found = given or named
    if found is None:
        raise WetdiffError(
            f"cannot tell the memo's format from the name {Path(name).name!r}",
            hint="Name the file .md, .html, .docx or .json (on the command line, or give "
            "--format md, html, docx or json).",
        )
    return found


def memo_file(path: Path, given: str | None = None) -> str:
    """The format of the memo to write at ``path`` (:func:`memo_format`), once its folder
    is known to exist: both are checked before any work is done."""
    fmt = memo_format(path.name, given)
    if not path.parent.is_dir():
        raise WetdiffError(
            "the folder to write the memo in does not exist; nothing was written",
            file=path.parent,
        )
    return fmt


def memo_author(given: str = "", root: Path | None = None) -> str:
    """Who prepares the memo: ``given``, else ``WETDIFF_AUTHOR`` or ``GIT_AUTHOR_NAME``,
    else the workspace's git identity, else the login name ("" when none is known)."""
    if given.strip():
        return given.strip()
    for name in ("WETDIFF_AUTHOR", "GIT_AUTHOR_NAME"):
        if os.environ.get(name):
            return os.environ[name]
    if root is not None:
        from wetdiff.store.gitrepo import user_identity

        try:
            return user_identity(root)[0]
        except WetdiffError:
            pass
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@dataclass(frozen=True, slots=True)
class MemoWritten:
    """The memo as written, and where: a file's path, or "(standard output)"."""

    memo: Memo
    where: str

    @property
    def summary(self) -> str:
        """The one line both shells show: where, how many changes and questions, and
        whether the wijzigingsopdrachten are proven."""
        verdict = "proven" if self.memo.instructions.proven else "NOT proven"
        return (
            f"{self.where}: {self.memo.total} change(s), {len(self.memo.questions)} "
            f"question(s), wijzigingsopdrachten {verdict}"
        )


def write_memo(
    changeset: ChangeSet,
    destination: Path | BinaryIO,
    *,
    attachment: Attachment | None = None,
    questions: QuestionRegistry | None = None,
    output_format: str | None = None,
    lang: Lang = "nl",
    author: str = "",
    progress: Callable[[int], None] | None = None,
    workspace: Workspace | None = None,
) -> MemoWritten:
    """Build the memo of ``changeset`` (its notes: ``attachment``; the questions they may
    answer: ``questions``) and write it to ``destination``: a file (format from its name
    unless given; written atomically; its folder must exist) or a binary stream (format
    given, default Markdown). Nothing is written when anything is wrong. ``workspace``:
    the one the versions are read from, whose other regelingen may cite the compared code
    (their consequential amendments are in the memo too)."""
    if isinstance(destination, Path):
        fmt = memo_file(destination, output_format)
    else:
        fmt = memo_format("", output_format or "md")
    from wetdiff.memo.amendment import amendment_memo

    amended = amendment_memo(changeset.old, changeset.new)  # an amendment's own memo
    memo = build_memo(
        changeset.old,
        changeset.new,
        changeset,
        attachment,
        questions,
        lang=lang,
        author=author,
        progress=progress,
        instructions=amended[1] if amended else None,
        amendments=amended[0] if amended else (),
        workspace=workspace,
    )
    data = render(memo, fmt)
    if isinstance(destination, Path):
        atomic_write_bytes(destination, data)
        return MemoWritten(memo, str(destination))
    destination.write(data)
    destination.flush()
    return MemoWritten(memo, "(standard output)")
