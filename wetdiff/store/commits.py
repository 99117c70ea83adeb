"""What wetdiff writes in a commit, and reads back: the conventions of its history.

A commit's message is the lawyer's rationale: its first line the subject, then the
reason in words, then git trailers (``Answers: motie-1``, ``Stage: 36547/nr2``,
``Artikel: 273f``). Legal time is not record time: a law version's commit carries the
date it took effect as its author date where git can hold it (:func:`git_date`). The
commits wetdiff records itself (the worked example's official history) are by
:data:`BUILDER`. :class:`CommitInfo` is a commit as every view shows it; git itself is
only talked to in :mod:`wetdiff.store.gitrepo`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# Identity for what wetdiff itself records (the worked example's official history).
BUILDER = ("wetdiff", "wetdiff@example.invalid")


@dataclass(frozen=True, slots=True)
class CommitInfo:
    """One commit as wetdiff shows it: who recorded what, when (record time), and why."""

    sha: str
    author: str
    author_email: str
    author_date: dt.datetime
    committer_date: dt.datetime
    message: str
    files: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]

    @property
    def body(self) -> str:
        """The message without its subject and trailers: the rationale in words."""
        parts = self.message.strip().split("\n\n")
        paragraphs = parts[1:]
        if paragraphs and trailers_of(paragraphs[-1]):
            paragraphs = paragraphs[:-1]
        return "\n\n".join(paragraphs).strip()

    @property
    def trailers(self) -> tuple[tuple[str, str], ...]:
        parts = self.message.strip().split("\n\n")
        return trailers_of(parts[-1]) if len(parts) > 1 else ()

    def trailer(self, key: str) -> tuple[str, ...]:
        return tuple(v for k, v in self.trailers if k.lower() == key.lower())


def trailers_of(paragraph: str) -> tuple[tuple[str, str], ...]:
    """``Key: value`` lines of a message's last paragraph (git's trailer convention)."""
    found = []
    for line in paragraph.strip().splitlines():
        key, sep, value = line.partition(": ")
        if not sep or not key or " " in key.strip():
            return ()
        found.append((key.strip(), value.strip()))
    return tuple(found)


def message_with_trailers(subject: str, body: str, trailers: Sequence[tuple[str, str]]) -> str:
    parts = [subject.strip()]
    if body.strip():
        parts.append(body.strip())
    if trailers:
        parts.append("\n".join(f"{k}: {v}" for k, v in trailers))
    return "\n\n".join(parts) + "\n"


def git_date(day: dt.date) -> str | None:
    """A legal date as a git author date, or None where git cannot hold it (before 1970:
    the Wetboek van Strafrecht dates from 1881; the date then lives in the trailers)."""
    if day <= dt.date(1970, 1, 2):
        return None
    return f"{day.isoformat()}T12:00:00+00:00"
