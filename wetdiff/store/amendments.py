"""Amendments: variants of one stage of a bill, each a stage of its own.

In the Tweede Kamer a bill collects amendments, each proposing changes to one text of
the bill (a stage: the bill as submitted, after a nota van wijziging). An amendment is
kept as a stage folder of the proposal, ``proposals/36547/am-12/``, holding the articles
it changes (edited like any stage's: ``save``, the TUI's editor) and its metadata in
``amendment.toml``::

    on = "A"                        # the stage it amends
    stuknummer = "12"               # its number in the Kamerstuk dossier, or "gap"
    indieners = ["Boomsma"]         # who tabled it, in the order they signed
    date = 2025-06-05               # the day it was tabled, or "gap"
    replaces = "am-8"               # "ter vervanging van": the amendment it replaces
    title = "Amendement van het lid Boomsma over …"
    toelichting = \"\"\"
    Why the Kamer should adopt it (Markdown).
    \"\"\"

``36547/am-12`` is the stage it amends with its articles laid over it; ``36547/A+am-12+
am-15`` the stage with several amendments adopted, built by a provision-aware three-way
merge (:mod:`wetdiff.diff.merge`), or refused with the conflicts named. Unknown facts
are ``"gap"``: an amendment's number or date is never made up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import tomli_w

from wetdiff.errors import WetdiffError, unknown_field
from wetdiff.model.files import GAP, line_of, parse_toml
from wetdiff.model.names import STAGE, check_name
from wetdiff.model.normalise import describe_control, find_control
from wetdiff.store.layout import amendment_file
from wetdiff.store.snapshot import Snapshot

FIELDS = ("on", "stuknummer", "indieners", "date", "replaces", "title", "toelichting")
HEADER = (
    "# An amendment: the stage it amends, who tabled it and why. Format in\n"
    '# docs/branches.md. Unknown facts are "gap", never guessed.\n'
)


@dataclass(frozen=True, slots=True)
class Amendment:
    """One amendment of a proposal's stage. ``stuknummer`` is ``"gap"`` while its number
    in the dossier is unknown; ``date`` None when unknown."""

    proposal: str
    id: str
    on: str
    stuknummer: str = GAP
    indieners: tuple[str, ...] = ()
    date: dt.date | None = None
    replaces: str = ""
    title: str = ""
    toelichting: str = ""

    @property
    def name(self) -> str:
        """ "Amendement nr. 12 (Boomsma)", or "Amendement am-12" while its number is a
        gap."""
        number = f"nr. {self.stuknummer}" if self.stuknummer != GAP else self.id
        who = f" ({', '.join(self.indieners)})" if self.indieners else ""
        return f"Amendement {number}{who}"

    def cite(self, kamerstuk: str) -> str:
        """As a lawyer cites it: "Kamerstuk 36 547, nr. 12"; with its number unknown,
        "amendement am-12 (stuknummer: gap)"."""
        if self.stuknummer != GAP and kamerstuk and kamerstuk != GAP:
            return f"Kamerstuk {kamerstuk}, nr. {self.stuknummer}"
        return f"amendement {self.id} (stuknummer: {self.stuknummer})"

    def to_json(self) -> dict[str, Any]:
        return {
            "proposal": self.proposal,
            "id": self.id,
            "on": self.on,
            "stuknummer": self.stuknummer,
            "indieners": list(self.indieners),
            "date": self.date.isoformat() if self.date else GAP,
            "replaces": self.replaces or None,
            "title": self.title or None,
            "toelichting": self.toelichting or None,
        }


def parse_amendment(text: str, where: str, proposal: str, stage: str) -> Amendment:
    """An ``amendment.toml``, or one :class:`WetdiffError` with the file, the line and
    what is wrong."""
    data = parse_toml(text, where)

    def fail(what: str, key: str, hint: str | None = None) -> WetdiffError:
        return WetdiffError(what, file=where, line=line_of(text, key), hint=hint)

    if bad := unknown_field(data, FIELDS):
        raise fail(bad.what, bad.key, hint=bad.hint)
    on = data.get("on")
    if not isinstance(on, str) or not on:
        raise fail(
            "missing field 'on': the stage this amendment amends, such as \"A\"",
            "on",
        )
    check_name(on, STAGE, file=where, line=line_of(text, "on"))
    for key in ("stuknummer", "replaces", "title", "toelichting"):
        if key in data and not isinstance(data[key], str):
            raise fail(f"field {key!r} must be text (between double quotes)", key)
    for key in ("stuknummer", "replaces", "title"):
        value = data.get(key, "")
        if "\n" in value or find_control(value) is not None:
            raise fail(f"field {key!r} must be one line of plain text", key)
    toelichting = data.get("toelichting", "")
    at = find_control(toelichting)
    if at is not None:
        raise fail(
            f"the toelichting holds a control character ({describe_control(toelichting[at])})",
            "toelichting",
        )
    replaces = data.get("replaces", "").strip()
    if replaces:
        check_name(replaces, STAGE, file=where, line=line_of(text, "replaces"))
        if replaces == stage:
            raise fail("an amendment cannot replace itself", "replaces")
    indieners = data.get("indieners", [])
    if not isinstance(indieners, list) or not all(
        isinstance(i, str) and i.strip() and "\n" not in i and find_control(i) is None
        for i in indieners
    ):
        raise fail("field 'indieners' must be a list of names", "indieners")
    date = data.get("date", GAP)
    if isinstance(date, dt.datetime) or not (isinstance(date, dt.date) or date == GAP):
        raise fail("field 'date' must be a date such as 2025-06-05, or \"gap\"", "date")
    stuknummer = data.get("stuknummer", GAP).strip() or GAP
    return Amendment(
        proposal,
        stage,
        on,
        stuknummer,
        tuple(i.strip() for i in indieners),
        date if isinstance(date, dt.date) else None,
        replaces,
        data.get("title", "").strip(),
        toelichting.strip("\n"),
    )


def render_amendment(amendment: Amendment) -> str:
    """The text of an ``amendment.toml`` (fixed key order, values written by tomli-w)."""
    data: dict[str, Any] = {
        "on": amendment.on,
        "stuknummer": amendment.stuknummer,
        "indieners": list(amendment.indieners),
        "date": amendment.date or GAP,
    }
    if amendment.replaces:
        data["replaces"] = amendment.replaces
    if amendment.title:
        data["title"] = amendment.title
    if amendment.toelichting.strip():
        data["toelichting"] = amendment.toelichting.strip("\n") + "\n"
    return HEADER + tomli_w.dumps(data, multiline_strings=True)


def read_amendment(snapshot: Snapshot, proposal: str, stage: str) -> Amendment | None:
    """The amendment a stage folder holds (None: the folder is an ordinary stage)."""
    rel = amendment_file(proposal, stage)
    text = snapshot.read(rel)
    if text is None:
        return None
    return parse_amendment(text, snapshot.where(rel), proposal, stage)
