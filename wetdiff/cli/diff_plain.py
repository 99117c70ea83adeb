"""Plain-text pieces of the diff views, and the unified view for pipes (no rich here,
so ``wetdiff diff --format unified`` stays light)."""

from __future__ import annotations

from collections.abc import Iterator

from wetdiff.diff import Change, ChangeSet, StaleCitation
from wetdiff.diff.kinds import describe
from wetdiff.model.artikel import Provision
from wetdiff.model.normalise import visible_controls

INDENT = "    "
DELETED = "strike red"
INSERTED = "underline green"


def clean(text: str) -> str:
    return visible_controls(text)


def lead(provision: Provision) -> str:
    """Indentation and printed number, as in the canonical article file."""
    indent = INDENT * provision.depth
    if provision.number:
        return f"{indent}{provision.number} "
    if provision.kind == "alinea" and provision.depth:
        return indent + INDENT
    return indent


def version_heading(changeset: ChangeSet, side: str) -> str:
    version = changeset.old if side == "old" else changeset.new
    label = version.label
    when = version.when()
    if when:
        label += f" ({when})"
    if version.illustrative:
        label += f" [{version.illustrative}]"
    return clean(label)


def unified(changeset: ChangeSet, changes: tuple[Change, ...]) -> Iterator[str]:
    """Plain lines for pipes: ``-`` old, ``+`` new, a space for unchanged, each change
    headed by ``@@ old → new @@ kinds id``."""
    yield f"--- {version_heading(changeset, 'old')}"
    yield f"+++ {version_heading(changeset, 'new')}"
    for change in changes:
        if not change.changed:
            assert change.new is not None
            yield " " + clean(lead(change.new) + change.new.text)
            continue
        where = f"{change.old_key or ''} → {change.new_key or ''}".strip()
        yield f"@@ {clean(where)} @@ {describe(change.kinds)} [{change.id}]"
        if change.old is not None:
            yield "-" + clean(lead(change.old) + change.old.text)
        if change.new is not None:
            yield "+" + clean(lead(change.new) + change.new.text)


STALE_HEADING = "Verwijzingen om aan te passen"
STALE_INTRO = (
    "Deze bepalingen verwijzen nog naar een oude nummering (vernummerd, verplaatst of vervallen):"
)


def stale_line(citation: StaleCitation) -> str:
    """ "artikel 5a, eerste lid: «273a» verwijst naar artikel 273a, nu artikel 273f"."""
    now = f"nu {citation.new_target.in_words()}" if citation.new_target else "vervallen"
    line = (
        f"{citation.locatie.in_words()}: «{citation.text}» verwees naar "
        f"{citation.old_target.in_words()}, {now}"
    )
    if citation.reads_as not in (citation.old_target, citation.new_target):
        line += f" (leest nu als {citation.reads_as.in_words()})"
    if citation.also:
        line += (
            "; delen staan nu ook in "
            + " en ".join(place.in_words() for place in citation.also)
            + " (na te gaan: verwijst naar een deel)"
        )
    return clean(line)


def stale_section(stale: tuple[StaleCitation, ...]) -> Iterator[str]:
    """The consequential amendments after a diff: every provision that still cites an
    old number."""
    if not stale:
        return
    yield ""
    yield f"## {STALE_HEADING} ({len(stale)})"
    yield STALE_INTRO
    for citation in stale:
        yield f"  {stale_line(citation)} [{citation.change_id}]"
