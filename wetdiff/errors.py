"""One error type for a user's mistake.

Every part of wetdiff raises :class:`WetdiffError` for bad input (a malformed article
file, an unknown version, a hostile XML file, a path outside the workspace). The CLI and
the TUI turn it into one message (file, line, what is wrong, what to do) and exit code 2;
anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from pathlib import Path


class WetdiffError(Exception):
    """A mistake in what the user gave wetdiff; nothing was written."""

    exit_code = 2

    def __init__(
        self,
        what: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(what)
        self.what = what
        self.file = str(file) if file is not None else None
        self.line = line
        self.hint = hint

    def where(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        where = self.where()
        message = f"{where}: {self.what}" if where else self.what
        if self.hint:
            message += f"\n  {self.hint}"
        return message


class FindingsError(WetdiffError):
    """Ran, and found something the user must act on (exit code 1), e.g. an
    amending instruction that could not be applied."""

    exit_code = 1


class CommitMismatch(WetdiffError):
    """A commit was made but does not hold what wetdiff wrote (a git hook rewrote it,
    another program committed at the same moment). It is never undone, and the files are
    not put back: the lawyer is told, with the commit to look at (exit code 2)."""
