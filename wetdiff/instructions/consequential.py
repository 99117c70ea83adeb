"""Consequential amendments: what a change does to the provisions that cite it.

A citation that went stale because its target was only renumbered ("artikel 273a" after
273a became 273f; "het zevende lid" after a lid was inserted before it) has one right
fix: the same words with the new number. wetdiff proposes that wijzigingsopdracht and
proves it like every other, by applying it to the new version and reading the citation
again. A citation whose target moved in part, or went (273f's voordeeltrekking moved to
273fb: does "artikel 273f" in art. 5, eerste lid, onder 6°, now also cover 273fb?) is a
choice for the drafter: it is listed as a question to decide, never decided here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetdiff.diff.changes import ChangeSet
from wetdiff.diff.citations import StaleCitation
from wetdiff.model.artikel import Locatie
from wetdiff.model.numbering import ORDINAL_VALUES
from wetdiff.model.references import extract_references

_ORDINAL_WORDS = {value: word for word, value in ORDINAL_VALUES.items()}


@dataclass(frozen=True, slots=True)
class Consequence:
    """One stale citation and what to do about it: ``instruction`` is the proposed
    consequential wijzigingsopdracht (proven: applied to the new version, the citation
    then points where the cited provision now stands), "" when it is a choice
    (``question`` says which)."""

    citation: StaleCitation
    instruction: str = ""
    question: str = ""

    @property
    def decide(self) -> bool:
        return not self.instruction


def _rewritten(words: str, old: Locatie, new: Locatie) -> str | None:
    """The citation's words with the new number in place of the old one, or None when
    the words do not show the number plainly (then it is the drafter's to write)."""
    result = words
    if old.artikel != new.artikel:
        pattern = rf"(?<![\w]){re.escape(old.artikel)}(?![\w°])"
        if len(re.findall(pattern, result)) != 1:
            return None
        result = re.sub(pattern, new.artikel, result)
    if old.lid != new.lid:
        if not (old.lid and new.lid and old.lid.isdigit() and new.lid.isdigit()):
            return None
        before = _ORDINAL_WORDS.get(int(old.lid))
        after = _ORDINAL_WORDS.get(int(new.lid))
        pattern = rf"\b{before}\b" if before else ""
        if before and after and len(re.findall(pattern, result)) == 1:
            result = re.sub(pattern, after, result)
        elif len(re.findall(rf"\blid {old.lid}\b", result)) == 1:
            result = re.sub(rf"\blid {old.lid}\b", f"lid {new.lid}", result)
        else:
            return None
    if old.onderdelen != new.onderdelen:
        if len(old.onderdelen) != len(new.onderdelen) or not old.onderdelen:
            return None
        last_old, last_new = old.onderdelen[-1], new.onderdelen[-1]
        if old.onderdelen[:-1] != new.onderdelen[:-1] or result.count(last_old) != 1:
            return None
        result = result.replace(last_old, last_new)
    return result if result != words else None


def _place(locatie: Locatie) -> str:
    """ "artikel 5, eerste lid, onderdeel 3°" as an instruction names it."""
    return locatie.in_words().replace("onderdeel ", "onder ")


def consequences(changeset: ChangeSet) -> tuple[Consequence, ...]:
    """Every stale citation of the change set with its proposed, proven fix, or the
    question it leaves to the drafter."""
    found: list[Consequence] = []
    for stale in changeset.stale_citations():
        question = ""
        if stale.new_target is None:
            question = (
                f"{stale.locatie.in_words()} cites «{stale.text}» "
                f"({stale.old_target.in_words()}), which is gone: delete the citation, "
                "or cite what replaces it?"
            )
        elif stale.also:
            places = " and ".join(p.in_words() for p in stale.also)
            question = (
                f"{stale.locatie.in_words()} cites «{stale.text}» "
                f"({stale.old_target.in_words()}); part of it now stands in {places}: "
                "should the citation cover that too?"
            )
        if question:
            found.append(Consequence(stale, question=question))
            continue
        assert stale.new_target is not None
        words = _rewritten(stale.text, stale.old_target, stale.new_target)
        instruction = ""
        if words is not None:
            instruction = (
                f'In {_place(stale.locatie)}, wordt "{stale.text}" vervangen door "{words}".'
            )
            if not _proven(changeset, stale, words, instruction):
                instruction = ""
        if not instruction:
            question = (
                f"{stale.locatie.in_words()} cites «{stale.text}» "
                f"({stale.old_target.in_words()}), now {stale.new_target.in_words()}: "
                "rewrite the citation"
            )
        found.append(Consequence(stale, instruction, question))
    return tuple(found)


def _proven(changeset: ChangeSet, stale: StaleCitation, words: str, instruction: str) -> bool:
    """Replay, as every generated instruction is proven: the sentence is read by the
    instruction reader and applied to the new version; then the citing provision must
    hold the new words, and they must cite the place the provision now stands."""
    from wetdiff.instructions.apply import apply_opdrachten
    from wetdiff.instructions.parse import parse_text

    regeling = changeset.new.regeling or changeset.old.regeling or "regeling"
    document = f"ARTIKEL I\n\nHet {regeling} wordt als volgt gewijzigd:\n\nA\n\n{instruction}\n"
    read = parse_text(document)
    if read.problems:
        return False
    applied = apply_opdrachten(read.opdrachten, changeset.new, rollback=False)
    artikel = applied.version.artikel(stale.locatie.artikel)
    if applied.failures or artikel is None:
        return False
    return any(
        reference.text == words and reference.target == stale.new_target
        for provision in artikel.provisions()
        if provision.locatie == stale.locatie
        for reference in extract_references(provision.text, provision.locatie, regeling=regeling)
    )
