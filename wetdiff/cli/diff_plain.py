"""Plain-text pieces of the diff views, and the unified view for pipes (no rich here,
so ``wetdiff diff --format unified`` stays light)."""

from __future__ import annotations

from collections.abc import Iterator

from wetdiff.diff import ChangeSet, StaleCitation
from wetdiff.diff.kinds import describe
from wetdiff.diff.shown import Shown
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


def fit_heading(heading: str, width: int) -> str:
    """A version's heading for a column ``width`` wide, never cut inside a name: the
    column wraps it at spaces, and a word wider than the column (a path) loses its
    leading folders ("…/273f/2009-07-01.txt"), so the file's name stays whole; only a
    single name wider than the column is cut, at its start."""
    return " ".join(_fit_word(word, width) for word in heading.split(" "))


def _fit_word(word: str, width: int) -> str:
    if len(word) <= width:
        return word
    parts = word.split("/")
    for start in range(1, len(parts)):
        shorter = "…/" + "/".join(parts[start:])
        if len(shorter) <= width:
            return shorter
    return "…" + word[len(word) - max(width - 1, 1) :]


def unified(
    changeset: ChangeSet, units: tuple[Shown, ...], why: Why | None = None
) -> Iterator[str]:
    """Plain lines for pipes: ``-`` old, ``+`` new, a space for unchanged, each change
    headed by ``@@ old → new @@ kinds id`` (the parts of a split or merger under one
    heading, each text once), then ``#`` lines with the notes that explain it."""
    yield f"--- {version_heading(changeset, 'old')}"
    yield f"+++ {version_heading(changeset, 'new')}"
    for unit in units:
        if not unit.changed:
            assert unit.new is not None
            yield " " + clean(lead(unit.new) + unit.new.text)
            continue
        where = f"{unit.old_key or ''} → {unit.new_key or ''}".strip()
        yield f"@@ {clean(where)} @@ {describe(unit.kinds)} [{' '.join(unit.ids)}]"
        for provision in unit.olds:
            yield "-" + clean(lead(provision) + provision.text)
        for provision in unit.news:
            yield "+" + clean(lead(provision) + provision.text)
        for line in why_lines(unit, why):
            yield "# " + line


# The notes of each change shown: {change id: ((step, note id, rationale), ...)}
Why = dict[str, tuple[tuple[str, str, str], ...]]


def why_lines(unit: Shown, why: Why | None) -> list[str]:
    """ "why (2013-04-01, note 273f-2013a-1-twaalf-jaren): …" for every note of a unit."""
    if not why:
        return []
    lines: list[str] = []
    seen: set[str] = set()
    for change_id in unit.ids:
        for step, note_id, rationale in why.get(change_id, ()):
            if note_id in seen:
                continue
            seen.add(note_id)
            label = f"{step}, note {note_id}" if step else f"note {note_id}"
            lines.append(clean(f"why ({label}): {' '.join(rationale.split())}"))
    return lines


STALE_HEADING = "Verwijzingen om aan te passen"
STALE_INTRO = (
    "Deze bepalingen verwijzen nog naar een oude nummering (vernummerd, verplaatst of vervallen):"
)


def stale_line(citation: StaleCitation) -> str:
    """ "artikel 5a, eerste lid: «273a» verwijst naar artikel 273a, nu artikel 273f"."""
    now = f"nu {citation.new_target.in_words()}" if citation.new_target else "vervallen"
    line = (
        f"{citation.where()}: «{citation.text}» verwees naar "
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


def stale_section(stale: tuple[StaleCitation, ...], fixes: tuple[str, ...] = ()) -> Iterator[str]:
    """The consequential amendments after a diff: every provision that still cites an
    old number, in the compared code or in another regeling of the workspace that names
    it; under each, its proven consequential instruction or the question it leaves
    (``fixes``, one per citation)."""
    if not stale:
        return
    yield ""
    yield f"## {STALE_HEADING} ({len(stale)})"
    yield STALE_INTRO
    for citation, fix in zip(stale, fixes or ("",) * len(stale), strict=True):
        yield f"  {stale_line(citation)} [{citation.change_id}]"
        if fix:
            yield f"    → {clean(fix)}"
