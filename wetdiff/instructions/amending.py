"""Carrying out amending instructions on a version, and where the result goes: one
workflow for ``wetdiff apply`` and ``wetdiff import ob``, with one error contract.

:func:`read_instructions` reads the wijzigingsopdrachten (a file, or standard input),
:func:`amend` carries them out on a version (:class:`Amended`: what changed, what could
not be done and why), and the result goes to exactly one place: printed, written in
place (:func:`write_in_place`: an article file or a folder of them) or saved as a
proposal stage (:func:`save_as_stage`: one commit per article, under the workspace's
write lock). Instructions that could not be carried out are reported in their own words
(:func:`failure_lines`, :func:`failures_json`); by default nothing is written then.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.instructions.apply import Applied, apply_opdrachten
from wetdiff.instructions.model import Failure
from wetdiff.instructions.parse import Parsed, nested, parse_text
from wetdiff.model.artikel import VERVALLEN
from wetdiff.model.text_format import render
from wetdiff.model.version import Version


@dataclass(frozen=True, slots=True)
class Amended:
    """Instructions carried out on ``version``: the outcome (``applied``), every
    instruction not carried out (``problems``: not read, not applicable, …) and how many
    there were in all (``count``)."""

    version: Version
    applied: Applied
    problems: tuple[Failure, ...]
    count: int

    @property
    def changed(self) -> tuple[str, ...]:
        """The articles changed, added or repealed, in the order of the code."""
        return self.applied.changed

    def texts(self) -> dict[str, str]:
        """Each changed article's file text, by number; a repealed article reads
        ``[Vervallen]``, as in a proposal stage."""
        present = {a.number: a for a in self.applied.version.artikelen}
        return {
            number: render(present[number])
            if number in present
            else f"Artikel {number}\n\n{VERVALLEN}\n"
            for number in self.changed
        }

    def repealed(self) -> tuple[str, ...]:
        present = {a.number for a in self.applied.version.artikelen}
        return tuple(n for n in self.changed if n not in present)

    def further_texts(self) -> dict[str, dict[str, str]]:
        """For a version of several regelingen: each further regeling's changed articles
        (as :meth:`texts`), by its BWB id."""
        return {
            part.version.bwb_id: Amended(part.version, part, (), 0).texts()
            for part in self.applied.further
            if part.changed
        }

    def changed_words(self) -> str:
        """What changed, for a line of output: "273f, 273fa; Wet testregeling
        mensenhandel: 1, 2" (the further regelingen named)."""
        parts = [", ".join(self.changed)] if self.changed else []
        parts += [
            f"{p.version.regeling or p.version.bwb_id}: {', '.join(p.changed)}"
            for p in self.applied.further
            if p.changed
        ]
        return "; ".join(parts) or "nothing"


def read_source(source: str) -> str:
    """The text of an instructions file (``-``: standard input), with no control
    character in it (its words become statute text)."""
    from wetdiff.model.files import read_text
    from wetdiff.model.normalise import refuse_controls

    if source == "-":
        text, where = sys.stdin.read(), "<stdin>"
    else:
        text, where = read_text(Path(source), what="instructions file"), source
    refuse_controls(text, where)
    return text


def read_instructions(
    source: str,
    *,
    conditional: bool = False,
    amends_a_bill: bool = False,
    text: str | None = None,
) -> Parsed:
    """The wijzigingsopdrachten in the file ``source`` (``-``: standard input).
    ``conditional``: carry out instructions that depend on a condition as if it were met;
    ``amends_a_bill``: the instructions inside them (after "luidende:") are the ones to
    carry out. A file with no instruction at all, or with control characters (its words
    become statute text), is one clear error. ``text``: the file's text, read already
    (:func:`read_source`)."""
    where = "<stdin>" if source == "-" else source
    if text is None:
        text = read_source(source)
    parsed = parse_text(text, assume_conditions=conditional)
    if amends_a_bill:
        parsed = nested(parsed)
    if not parsed.opdrachten.opdrachten and not parsed.problems:
        raise WetdiffError(
            "no amending instructions found",
            file=where,
            hint="An instruction reads e.g. 'In artikel 273f, eerste lid, "
            "wordt «acht» vervangen door «twaalf».'",
        )
    return parsed


def amend(parsed: Parsed, version: Version, *, label: str = "") -> Amended:
    """Carry out every instruction read on ``version`` (one that fails leaves the text
    as it was, and is reported, with those that could not be read); ``label`` names the
    amended version."""
    applied = apply_opdrachten(parsed.opdrachten, version, label=label)
    count = len(parsed.opdrachten.opdrachten) + len(parsed.problems)
    return Amended(version, applied, (*parsed.problems, *applied.failures), count)


def failure_lines(problems: Sequence[Failure]) -> list[str]:
    """Each instruction not carried out, in its own words and why."""
    return [f"  {p.label + ': ' if p.label else ''}{p.words}\n    → {p.reason}" for p in problems]


def failures_json(problems: Sequence[Failure]) -> list[dict[str, str]]:
    """Each instruction not carried out, with why and which kind of reason it is
    (not-understood, unsupported-form, out-of-scope, conditional, not-applicable)."""
    return [
        {"label": p.label, "words": p.words, "kind": p.kind, "reason": p.reason} for p in problems
    ]


def printed(amended: Amended) -> tuple[str, dict[str, Any]]:
    """The changed articles as text (one after the other, as article files read) and as
    data (``articles`` by number, ``repealed``), for ``--print``."""
    texts, repealed = amended.texts(), amended.repealed()
    kept = {n: t for n, t in texts.items() if n not in repealed}
    text = "\n".join([*kept.values(), *(texts[n] for n in repealed)])
    data: dict[str, Any] = {"articles": kept, "repealed": list(repealed)}
    for part in amended.applied.further:
        if not part.changed:
            continue
        further = Amended(part.version, part, (), 0)
        more, gone = further.texts(), further.repealed()
        name = part.version.regeling or part.version.bwb_id
        text += f"\n== {name} ({part.version.bwb_id}) ==\n\n" + "\n".join(
            [*(t for n, t in more.items() if n not in gone), *(more[n] for n in gone)]
        )
        data.setdefault("further_regelingen", []).append(
            {
                "bwb_id": part.version.bwb_id,
                "regeling": part.version.regeling,
                "articles": {n: t for n, t in more.items() if n not in gone},
                "repealed": list(gone),
            }
        )
    return text, data


def check_in_place(path: Path) -> None:
    """Refuse, before anything is read, a place the result cannot be written in place:
    a path that does not exist, or a folder of dated official versions (an official
    text is never changed in place)."""
    if not path.exists():
        raise WetdiffError(
            f"{path} is not a path: give --as PROPOSAL/STAGE or --print to say where the "
            "result goes"
        )
    if path.is_dir() and any(path.glob("*.toml")):
        raise WetdiffError(
            "this is a folder of dated law versions; wetdiff does not change an official "
            "version in place",
            file=path,
            hint="Use --as PROPOSAL/STAGE to save the result as a proposal stage, or --print.",
        )


def write_in_place(path: Path, amended: Amended) -> None:
    """An article file is rewritten; a folder of article files gets the changed and new
    articles (a repealed one reads ``[Vervallen]``, as in a proposal stage). Never a
    file outside the folder, whatever the instructions name."""
    from wetdiff.model.files import atomic_write

    texts = amended.texts()
    if path.is_file():
        if len(texts) > 1:
            raise WetdiffError(
                "the instructions change more than this one article; nothing was written",
                file=path,
                hint="Apply them to the folder, or use --print.",
            )
        for text in texts.values():
            atomic_write(path, text, within=path.parent)
        return
    for number, text in texts.items():
        atomic_write(path / f"{number}.txt", text, within=path)


def save_as_stage(spec: str, amended: Amended, message: str) -> list[str]:
    """Save the changed articles as the proposal stage ``spec`` (``36547/nvw1``): one
    commit per article with ``message``, each refusing a file changed on disk since it
    was read, all under the workspace's write lock. Returns the commits."""
    from wetdiff.store.drafting import save_article
    from wetdiff.store.layout import stage_file
    from wetdiff.store.versions import split_stage
    from wetdiff.store.workspace import open_workspace

    proposal, stage = split_stage(spec)
    workspace = open_workspace()
    commits = []
    try:
        with workspace.writing():  # one writer from the first read to the last commit
            for regeling, texts in [("", amended.texts()), *amended.further_texts().items()]:
                for number, text in texts.items():
                    path = workspace.root / stage_file(proposal, stage, number, regeling)
                    expected = path.read_text(encoding="utf-8") if path.exists() else None
                    commits.append(
                        save_article(
                            workspace,
                            proposal,
                            stage,
                            text,
                            expected,
                            message,
                            regeling=regeling,
                        )
                    )
    finally:
        workspace.close()
    return commits
