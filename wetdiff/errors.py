"""One error type for a user's mistake.

Every part of wetdiff raises :class:`WetdiffError` for bad input (a malformed article
file, an unknown version, a hostile XML file, a path outside the workspace). The CLI and
the TUI turn it into one message (file, line, what is wrong, what to do) and exit code 2;
anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class UnknownField:
    """A field a file may not hold, worded once for every file wetdiff reads:
    ``what`` for the message, ``key`` to find its line, ``hint`` listing the known ones."""

    key: str
    what: str
    hint: str


def unknown_field(
    keys: Iterable[str], known: Collection[str], *, within: str = ""
) -> UnknownField | None:
    """The first (alphabetically) of ``keys`` not in ``known``, or None. ``within``
    names the block it stands in ("a citation") where that helps find it."""
    unknown = sorted(set(keys) - set(known))
    if not unknown:
        return None
    key = unknown[0]
    place = f" in {within}" if within else ""
    return UnknownField(key, f"unknown field {key!r}{place}", f"Known fields: {', '.join(known)}.")
