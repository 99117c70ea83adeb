"""Getting statute text into wetdiff: the official BWB XML (:mod:`.bwb`), dated series of
it (:mod:`.series`), text as people paste it (:mod:`.text`), the officiële bekendmakingen
that amend a regeling (:mod:`.bekendmaking`), and the Kamer's motions and amendments
(:mod:`.instrument`).

Importers never write on their own: they return model objects and warnings, and the
command line decides what to write (atomically, never over a user's file unasked). The
one workflow here that writes, registering motions in a proposal's questions registry
(:func:`.instrument.import_instruments`), does so through the registry's own writer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something odd in the source that did not stop the import.

    ``kind`` groups warnings for a summary ("numbering", "redactie", "not-in-force",
    "hyphen", ...); ``where`` is ``file:line``."""

    kind: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
