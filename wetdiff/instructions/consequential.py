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

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetdiff.diff.changes import ChangeSet
from wetdiff.diff.citations import StaleCitation
from wetdiff.model.artikel import Locatie
from wetdiff.model.numbering import ORDINAL_VALUES
from wetdiff.model.references import extract_references, names_of

if TYPE_CHECKING:
    from wetdiff.model.version import Version
    from wetdiff.store.workspace import Workspace

_ORDINAL_WORDS = {value: word for word, value in ORDINAL_VALUES.items()}


@dataclass(frozen=True, slots=True)
class Consequence:
    """One stale citation and what to do about it: ``instruction`` is the proposed
    consequential wijzigingsopdracht (proven: applied to the new version, the citation
    then points where the cited provision now stands), "" when it is a choice
    (``question`` says which, in English; ``vraag`` in Dutch, as the memo asks it)."""

    citation: StaleCitation
    instruction: str = ""
    question: str = ""
    vraag: str = ""

    def ask(self, lang: str, *, place: bool = True) -> str:
        """The question in the memo's language ("nl" or "en"); without ``place``, the
        question without the citing provision it opens with, for a list that names
        the place itself ("artikel 5, eerste lid, onderdeel 6°: verwijst met …")."""
        question = self.vraag if lang == "nl" else self.question
        if place:
            return question
        return question.removeprefix(f"{self.citation.where()} ")

    @property
    def decide(self) -> bool:
        return not self.instruction

    @property
    def regeling(self) -> str:
        """The regeling the citing provision is in when it is another one than the
        compared code ("" for the code itself): its instruction belongs there."""
        return self.citation.regeling


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


def consequences(
    changeset: ChangeSet, workspace: Workspace | None = None
) -> tuple[Consequence, ...]:
    """Every stale citation of the change set with its proposed, proven fix, or the
    question it leaves to the drafter. With ``workspace``, also the provisions of its
    other regelingen that cite a provision the change set moves, by name (their fix is
    proven on that regeling as it stands on the new version's date)."""
    stale = list(changeset.stale_citations())
    if workspace is not None:
        from wetdiff.store.citations import stale_elsewhere

        stale += stale_elsewhere(changeset, workspace)
    others: dict[str, Version | None] = {}

    def version_of(citation: StaleCitation) -> Version | None:
        if not citation.bwb_id:
            return changeset.new
        if citation.bwb_id not in others and workspace is not None:
            from wetdiff.errors import WetdiffError
            from wetdiff.store.versions import resolve

            on = changeset.new.date or dt.date.today()
            try:
                others[citation.bwb_id] = resolve(f"{citation.bwb_id}@{on.isoformat()}", workspace)
            except WetdiffError:
                others[citation.bwb_id] = None
        return others.get(citation.bwb_id)

    cited = changeset.new.regeling or changeset.old.regeling
    return tuple(_consequence(s, version_of(s), cited) for s in stale)


def consequential_text(found: Sequence[Consequence], changeset: ChangeSet) -> str:
    """The proposed consequential wijzigingsopdrachten (the proven ones) as one block,
    under the name of each regeling they amend: the compared code's first, then each
    other regeling whose provisions cite it by name."""
    own = changeset.new.regeling or changeset.old.regeling
    groups: dict[str, list[str]] = {}
    for consequence in found:
        if consequence.instruction:
            citation = consequence.citation
            head = f"{citation.regeling} ({citation.bwb_id})" if citation.regeling else own
            groups.setdefault(head, []).append(consequence.instruction)
    return "\n\n".join(
        (f"{head}:\n" if head else "") + "\n".join(lines) for head, lines in groups.items()
    )


def _consequence(stale: StaleCitation, version: Version | None, cited: str) -> Consequence:
    """One stale citation's fix (proven on ``version``, where the citing provision
    stands), or its question."""
    where, cited_words = stale.where(), stale.old_target.in_words()
    question = vraag = ""
    if stale.new_target is None:
        question = (
            f"{where} cites «{stale.text}» ({cited_words}), which is gone: "
            "delete the citation, or cite what replaces it?"
        )
        vraag = (
            f"{where} verwijst met «{stale.text}» naar {cited_words}, dat vervalt: de "
            "verwijzing schrappen, of verwijzen naar wat ervoor in de plaats komt?"
        )
    elif stale.also:
        places = " and ".join(p.in_words() for p in stale.also)
        plaatsen = " en ".join(p.in_words() for p in stale.also)
        question = (
            f"{where} cites «{stale.text}» ({cited_words}); part of it now "
            f"stands in {places}: should the citation cover that too?"
        )
        vraag = (
            f"{where} verwijst met «{stale.text}» naar {cited_words}; een deel daarvan "
            f"staat nu in {plaatsen}: moet de verwijzing ook dat omvatten?"
        )
    if question:
        return Consequence(stale, question=question, vraag=vraag)
    assert stale.new_target is not None
    words = _rewritten(stale.text, stale.old_target, stale.new_target)
    instruction = ""
    if words is not None and version is not None:
        instruction = f'In {_place(stale.locatie)}, wordt "{stale.text}" vervangen door "{words}".'
        if not _proven(version, stale, words, instruction, cited):
            instruction = ""
    if not instruction:
        now = stale.new_target.in_words()
        question = f"{where} cites «{stale.text}» ({cited_words}), now {now}: rewrite the citation"
        vraag = (
            f"{where} verwijst met «{stale.text}» naar {cited_words}, nu {now}: de "
            "verwijzing herschrijven"
        )
    return Consequence(stale, instruction, question, vraag)


def _proven(
    version: Version, stale: StaleCitation, words: str, instruction: str, cited: str
) -> bool:
    """Replay, as every generated instruction is proven: the sentence is read by the
    instruction reader and applied to the version the citing provision is in (the new
    version, or another regeling naming the compared one, ``cited``); then the citing
    provision must hold the new words, and they must cite the place the provision now
    stands."""
    from wetdiff.instructions.apply import apply_opdrachten
    from wetdiff.instructions.parse import parse_text

    regeling = version.regeling or (cited if not stale.bwb_id else "") or "regeling"
    document = f"ARTIKEL I\n\nHet {regeling} wordt als volgt gewijzigd:\n\nA\n\n{instruction}\n"
    read = parse_text(document)
    if read.problems:
        return False
    # the citing article alone: the instruction amends nothing else, and a whole code
    # need not be copied to prove one sentence
    applied = apply_opdrachten(
        read.opdrachten, version.only((stale.locatie.artikel,)), rollback=False
    )
    artikel = applied.version.artikel(stale.locatie.artikel)
    if applied.failures or artikel is None:
        return False
    others = names_of(cited) if stale.bwb_id else ()
    return any(
        reference.text == words
        and reference.target == stale.new_target
        and (reference.regeling in others if stale.bwb_id else not reference.regeling)
        for provision in artikel.provisions()
        if provision.locatie == stale.locatie
        for reference in extract_references(
            provision.text, provision.locatie, regeling=regeling, others=others
        )
    )
