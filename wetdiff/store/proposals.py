"""Proposals in a workspace: ``proposals/<id>/proposal.toml`` and one folder per stage.

A proposal's stages (consultatie, ingediend = nr. 2, nota van wijziging, as adopted = A)
are distinct documents, so each stage that has a text is its own folder of article files:
only the articles the stage changes or adds; the others come from the base version named
in ``proposal.toml`` (``base = "BWBR0001854@2024-04-25"``: the regeling and the date; an
older ``"law@…"`` is read as the law of the proposal's ``bwb_id``). A repealed article is
a file whose body is ``[Vervallen]``. Stages without a text (an advice, a report) are
listed with their date and documents only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Artikel
from wetdiff.model.files import GAP, parse_toml
from wetdiff.model.names import BWB_ID, PROPOSAL, STAGE, check_name, is_valid_name
from wetdiff.model.text_format import parse
from wetdiff.model.version import article_sort_key
from wetdiff.store.amendments import Amendment, read_amendment
from wetdiff.store.layout import (
    AMENDMENT_FILE,
    amendment_file,
    proposal_dir,
    proposal_file,
    stage_dir,
)
from wetdiff.store.layout import PROPOSALS as PROPOSALS_DIR
from wetdiff.store.snapshot import Snapshot


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage of a proposal; ``date`` None when unknown (``"gap"`` in the file)."""

    id: str
    name: str
    date: dt.date | None
    text: bool
    documents: tuple[str, ...] = ()
    date_note: str = ""
    on: str = ""  # an amendment: the stage it amends (docs/branches.md)


@dataclass(frozen=True, slots=True)
class Proposal:
    id: str
    title: str
    kamerstuk: str
    regeling: str
    bwb_id: str
    base: str
    illustrative: str
    stages: tuple[Stage, ...]
    short_title: str = ""
    started_from: str = ""  # the proposal stage a draft's text was copied from
    also_amends: tuple[str, ...] = ()  # the further regelingen: ARTIKEL II, III, … (bases)

    @property
    def regelingen(self) -> tuple[str, ...]:
        """The BWB ids of the regelingen it amends, in the order of its ARTIKELEN: its
        own (``bwb_id``, ARTIKEL I; "" when neither it nor a ``law@…`` base names one),
        then those of ``also_amends``. The first stays first even when unnamed, so a
        further regeling never takes ARTIKEL I's place."""
        own = self.bwb_id or regeling_of_base(self.base)
        further = (regeling_of_base(s) for s in self.also_amends)
        return (own, *(b for b in further if b))

    def stage(self, stage_id: str) -> Stage | None:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        return None

    @property
    def text_stages(self) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.text)

    @property
    def chain(self) -> tuple[Stage, ...]:
        """The stages of the bill itself, in order: those with a text that are no
        amendment (an amendment is a variant of one of them)."""
        return tuple(s for s in self.stages if s.text and not s.on)

    @property
    def latest(self) -> Stage | None:
        """The latest stage of the bill that has a text: what ``36547`` alone means."""
        stages = self.chain
        return stages[-1] if stages else None

    def path_to(self, stage_id: str) -> tuple[Stage, ...]:
        """The stages that lead to ``stage_id``, itself last: the bill's stages up to it,
        or, for an amendment, those up to the stage it amends and then the amendment.
        Empty when there is no such stage with a text."""
        target = self.stage(stage_id)
        if target is None or not target.text:
            return ()
        if target.on:
            before = self.path_to(target.on) if target.on != stage_id else ()
            return (*before, target) if before else ()
        chain = self.chain
        ids = [s.id for s in chain]
        return chain[: ids.index(stage_id) + 1] if stage_id in ids else ()

    def amendments_on(self, stage_id: str) -> tuple[Stage, ...]:
        """The amendments of one stage, in the order they are listed."""
        return tuple(s for s in self.stages if s.on == stage_id)

    @property
    def display_name(self) -> str:
        if self.kamerstuk and self.kamerstuk != GAP:
            return f"Kamerstuk {self.kamerstuk}"
        return f"proposal {self.id}"


def regeling_of_base(base: str) -> str:
    """``BWBR0099999@2024-04-25`` → ``BWBR0099999``; "" for a base that names none
    (``law@…``)."""
    name = base.rpartition(":")[2].partition("@")[0]
    return name if is_valid_name(name, BWB_ID) else ""


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=", 1)[0].strip() == key:
            return number
    return None


def _stage_line(source: str, index: int, key: str) -> int | None:
    """The line of ``key`` in the ``index``-th ``[[stage]]`` block (else of the block's
    header), to send the lawyer to the right line of proposal.toml."""
    header = None
    count = -1
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip().startswith("[[stage]]"):
            count += 1
            if header is not None:
                break
            if count == index:
                header = number
        elif header is not None and line.split("=", 1)[0].strip() == key:
            return number
    return header


def _text_field(data: dict[str, Any], key: str, where: str, source: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise WetdiffError(f"field {key!r} must be text", file=where, line=_line_of(source, key))
    return value


def read_proposal(snapshot: Snapshot, proposal_id: str) -> Proposal:
    check_name(proposal_id, PROPOSAL, file=snapshot.where(PROPOSALS_DIR))
    rel = proposal_file(proposal_id)
    where = snapshot.where(rel)
    text = snapshot.read(rel)
    if text is None:
        raise WetdiffError(f"unknown proposal {proposal_id!r}", file=where)
    data = parse_toml(text, where)
    base = _text_field(data, "base", where, text)
    if not base:
        raise WetdiffError(
            "missing field 'base' (the version the proposal amends, such as "
            '"BWBR0001854@2024-04-25")',
            file=where,
        )
    stages = []
    raw_stages = data.get("stage", [])
    if not isinstance(raw_stages, list):
        raise WetdiffError("'stage' must be a list of [[stage]] tables", file=where)
    seen = set()
    for index, raw in enumerate(raw_stages):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
            raise WetdiffError(
                "every [[stage]] needs an id (its folder name)",
                file=where,
                line=_stage_line(text, index, "id"),
            )
        stage_id = check_name(raw["id"], STAGE, file=where, line=_stage_line(text, index, "id"))
        if stage_id in seen:
            raise WetdiffError(
                f"stage {stage_id!r} is listed twice",
                file=where,
                line=_stage_line(text, index, "id"),
                hint="Each stage has its own id (its folder name).",
            )
        seen.add(stage_id)
        date = raw.get("date", GAP)
        if isinstance(date, dt.datetime) or not (isinstance(date, dt.date) or date == GAP):
            raise WetdiffError(
                f'stage {stage_id!r}: date must be a date such as 2024-04-25, or "gap"',
                file=where,
                line=_stage_line(text, index, "date"),
            )
        if not isinstance(raw.get("text", False), bool):
            raise WetdiffError(
                f"stage {stage_id!r}: text must be true or false (without quotes)",
                file=where,
                line=_stage_line(text, index, "text"),
            )
        documents = []
        for doc in raw.get("documents", []):
            if isinstance(doc, dict):
                documents.append(str(doc.get("title", "")))
            else:
                documents.append(str(doc))
        stages.append(
            Stage(
                stage_id,
                str(raw.get("name", stage_id)),
                date if isinstance(date, dt.date) else None,
                bool(raw.get("text", False)),
                tuple(documents),
                str(raw.get("date_note", "")),
            )
        )
    # A stage folder not listed in proposal.toml is still a stage with text (a draft),
    # and a folder with an amendment.toml is an amendment of another stage.
    for name, is_dir in snapshot.listdir(proposal_dir(proposal_id)):
        if not is_dir:
            continue
        files = [n for n, d in snapshot.listdir(stage_dir(proposal_id, name)) if not d]
        if AMENDMENT_FILE in files:
            check_name(name, STAGE, file=snapshot.where(stage_dir(proposal_id, name)))
            amendment = read_amendment(snapshot, proposal_id, name)
            assert amendment is not None
            stage = _amendment_stage(amendment, data)
            if name in seen:
                stages = [stage if s.id == name else s for s in stages]
            else:
                stages.append(stage)
        elif name not in seen and any(n.endswith(".txt") for n in files):
            check_name(name, STAGE, file=snapshot.where(stage_dir(proposal_id, name)))
            stages.append(Stage(name, name, None, True))
    _check_amended(snapshot, proposal_id, stages)
    bwb_id = _text_field(data, "bwb_id", where, text)
    if bwb_id:
        check_name(bwb_id, BWB_ID, file=where, line=_line_of(text, "bwb_id"))
    also = _also_amends(data, where, text, bwb_id or regeling_of_base(base))
    return Proposal(
        proposal_id,
        _text_field(data, "title", where, text, proposal_id),
        _text_field(data, "kamerstuk", where, text),
        _text_field(data, "regeling", where, text),
        bwb_id,
        base,
        _text_field(data, "illustrative", where, text),
        tuple(stages),
        _text_field(data, "short_title", where, text),
        _text_field(data, "started_from", where, text),
        also,
    )


def _also_amends(data: dict[str, Any], where: str, text: str, own: str) -> tuple[str, ...]:
    """``also_amends = ["BWBR0099999@2024-04-25"]``: the further regelingen a proposal
    amends (ARTIKEL II, …), each as its base version, naming the regeling; a stage's texts
    of one are in the stage's folder under its BWB id (``nr2/BWBR0099999/1.txt``)."""
    raw = data.get("also_amends", [])
    line = _line_of(text, "also_amends")
    if not isinstance(raw, list) or not all(isinstance(b, str) for b in raw):
        raise WetdiffError(
            "'also_amends' must be a list of versions such as \"BWBR0099999@2024-04-25\"",
            file=where,
            line=line,
        )
    seen = {own}
    for base in raw:
        bwb = regeling_of_base(base)
        if not bwb or "@" not in base:
            raise WetdiffError(
                f"{base!r} in 'also_amends' names no regeling and date",
                file=where,
                line=line,
                hint='Write each as its BWB id and the date, e.g. "BWBR0099999@2024-04-25".',
            )
        if bwb in seen:
            raise WetdiffError(
                f"{bwb} is named twice among the regelingen the proposal amends",
                file=where,
                line=line,
                hint="Each regeling is amended by one ARTIKEL: name it once.",
            )
        seen.add(bwb)
    return tuple(raw)


def _amendment_stage(amendment: Amendment, data: dict[str, Any]) -> Stage:
    """An amendment as a stage of its proposal: named as the Kamer names it."""
    kamerstuk = data.get("kamerstuk", "")
    cited = amendment.cite(kamerstuk if isinstance(kamerstuk, str) else "")
    return Stage(
        amendment.id,
        f"{amendment.name} op {amendment.on}",
        amendment.date,
        True,
        (cited,),
        "" if amendment.date else "date: gap",
        amendment.on,
    )


def _check_amended(snapshot: Snapshot, proposal_id: str, stages: list[Stage]) -> None:
    """Every amendment amends a stage of the bill that has a text (an amendment of an
    amendment, a subamendement, is not supported)."""
    by_id = {s.id: s for s in stages}
    for stage in stages:
        if not stage.on:
            continue
        rel = amendment_file(proposal_id, stage.id)
        target = by_id.get(stage.on)
        if target is None or not target.text or target.on:
            chain = ", ".join(s.id for s in stages if s.text and not s.on) or "none"
            what = "an amendment itself" if target is not None and target.on else "no stage"
            raise WetdiffError(
                f"amendment {stage.id} amends {stage.on!r}, which is {what} of proposal "
                f"{proposal_id} with a text",
                file=snapshot.where(rel),
                line=_line_of(snapshot.read(rel) or "", "on"),
                hint=f"'on' names a stage of the bill: {chain}.",
            )


def stage_articles(
    snapshot: Snapshot,
    proposal_id: str,
    stage_id: str,
    only: Collection[str] | None = None,
    *,
    regeling: str = "",
) -> list[Artikel]:
    """The article files of one stage (only those it changes or adds); ``only``: just
    these articles (the other files are not read); ``regeling``: those of a further
    regeling the proposal amends (in the stage's folder under its BWB id)."""
    folder = stage_dir(proposal_id, stage_id) + (f"/{regeling}" if regeling else "")
    artikelen = []
    for name, is_dir in snapshot.listdir(folder):
        if is_dir or not name.endswith(".txt"):
            continue
        if only is not None and name[:-4] not in only:
            continue
        text = snapshot.read(f"{folder}/{name}")
        assert text is not None
        # a stage's text is written by hand (or saved, which checks it): numbered in
        # sequence, as save demands
        artikel = parse(text, source=snapshot.where(f"{folder}/{name}"), strict=True)
        if artikel.number != name[:-4]:
            raise WetdiffError(
                f"the file is named {name} but holds artikel {artikel.number}",
                file=snapshot.where(f"{folder}/{name}"),
                line=1,
                hint=f"Rename it to {artikel.number}.txt.",
            )
        artikelen.append(artikel)
    return sorted(artikelen, key=lambda a: article_sort_key(a.number))


def overlay(base: tuple[Artikel, ...], changed: list[Artikel]) -> tuple[Artikel, ...]:
    """The base version with a stage's article files laid over it."""
    by_number = {a.number: a for a in base}
    for artikel in changed:
        by_number[artikel.number] = artikel
    return tuple(sorted(by_number.values(), key=lambda a: article_sort_key(a.number)))
