# ruff: noqa: E501  (statute text in fixtures is one provision per line, as in the files)
"""A note stays with the words it explains while the draft moves around it."""

from __future__ import annotations

import pytest

from wetdiff.diff import compare
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version
from wetdiff.notes.anchor import FUZZY_MAX_SCORE, anchor_for_change, attach
from wetdiff.notes.model import Anchor, Note

DRAFT = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren gestraft degene die een ander werft.

2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.

3. De schuldige kan worden ontzet van de uitoefening van zijn beroep.
"""


# An earlier draft in which every provision of DRAFT reads differently: compared with it,
# every provision of DRAFT is a change a note can explain (a note never explains an
# unchanged provision).
EARLIER = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste acht jaren gestraft degene die een ander werft.

2. Uitbuiting omvat uitbuiting van een ander.

3. De schuldige kan worden ontzet van zijn beroep.
"""


def version(text: str, label: str = "v") -> Version:
    return Version(label, label, (parse(text),))


def note_on(
    path: str,
    quote: str,
    *,
    side: str = "new",
    before: str = "",
    after: str = "",
    note_id: str = "n",
) -> Note:
    return Note(note_id, Anchor(path, quote, before, after, side), "Why.")


def landed(note: Note, old: str, new: str) -> tuple[str | None, str | None]:
    """(path the note landed on, how), or (None, None) when orphaned."""
    attachment = attach([note], compare(version(old, "old"), version(new, "new")))
    placement = attachment.placements.get(note.id)
    if placement is None:
        assert attachment.orphans == (note,)
        return None, None
    assert note in attachment.notes_for(placement.change_id)
    return placement.path, placement.how


def test_note_in_place_is_attached_exactly() -> None:
    note = note_on("273f/2", "uitbuiting van een ander in de prostitutie")
    assert landed(note, EARLIER, DRAFT) == ("273f/2", "exact")


def test_a_note_never_explains_an_unchanged_provision() -> None:
    note = note_on("273f/2", "uitbuiting van een ander in de prostitutie")
    assert landed(note, DRAFT, DRAFT) == (None, None)
    # nor do its words, standing unchanged elsewhere, make it another change's note
    edited = DRAFT.replace("twaalf jaren", "vijftien jaren")
    elsewhere = note_on("273f/1", "uitbuiting van een ander in de prostitutie")
    assert landed(elsewhere, DRAFT, edited) == (None, None)


def test_note_survives_renumbering_of_its_lid() -> None:
    renumbered = DRAFT.replace("2. Uitbuiting", "2. [Vervallen]\n\n3. Uitbuiting").replace(
        "3. De schuldige", "4. De schuldige"
    )
    note = note_on("273f/2", "uitbuiting van een ander in de prostitutie")
    assert landed(note, DRAFT, renumbered) == ("273f/3", "followed")


def test_note_survives_an_insertion_before_its_lid() -> None:
    inserted = DRAFT.replace(
        "2. Uitbuiting",
        "2. Het eerste lid is niet van toepassing op het slachtoffer.\n\n3. Uitbuiting",
    ).replace("3. De schuldige", "4. De schuldige")
    note = note_on("273f/3", "ontzet van de uitoefening van zijn beroep")
    assert landed(note, DRAFT, inserted) == ("273f/4", "followed")


def test_note_survives_an_edit_of_the_word_next_to_its_span() -> None:
    edited = DRAFT.replace("ten hoogste twaalf", "maximaal twaalf")
    note = note_on("273f/1", "twaalf jaren", before="ten hoogste", after="gestraft")
    assert landed(note, DRAFT, edited) == ("273f/1", "exact")


def test_note_reanchors_by_fuzzy_match_when_a_word_inside_its_span_changes() -> None:
    edited = DRAFT.replace("twaalf jaren", "vijftien jaren")
    note = note_on("273f/1", "gevangenisstraf van ten hoogste twaalf jaren")
    attachment = attach([note], compare(version(DRAFT), version(edited)))
    placement = attachment.placements["n"]
    assert (placement.path, placement.how) == ("273f/1", "fuzzy")
    assert 0 < placement.score <= FUZZY_MAX_SCORE
    text = parse(edited).leden[0].body[0].text  # type: ignore[union-attr]
    assert text[placement.start : placement.end] == "gevangenisstraf van ten hoogste vijftien jaren"


def test_fuzzy_match_follows_an_edited_lid_that_was_also_renumbered() -> None:
    moved = DRAFT.replace(
        "2. Uitbuiting omvat ten minste", "2. [Vervallen]\n\n3. Uitbuiting omvat in elk geval"
    ).replace("3. De schuldige", "4. De schuldige")
    note = note_on("273f/2", "Uitbuiting omvat ten minste uitbuiting van een ander")
    assert landed(note, DRAFT, moved) == ("273f/3", "fuzzy")


def test_deleted_span_makes_the_note_an_orphan_that_keeps_its_old_text() -> None:
    deleted = DRAFT.replace(
        "\n3. De schuldige kan worden ontzet van de uitoefening van zijn beroep.\n", ""
    )
    note = note_on("273f/3", "ontzet van de uitoefening van zijn beroep")
    attachment = attach([note], compare(version(DRAFT), version(deleted)))
    assert attachment.orphans == (note,)
    assert attachment.orphans[0].anchor.quote == "ontzet van de uitoefening van zijn beroep"
    assert attachment.by_change == {}


def test_short_quotes_are_never_matched_fuzzily() -> None:
    note = note_on("273f/1", "achtste", note_id="short")
    assert landed(note, EARLIER, DRAFT) == (None, None)


def test_note_on_deleted_words_is_found_in_the_old_text() -> None:
    deleted = DRAFT.replace(
        "\n3. De schuldige kan worden ontzet van de uitoefening van zijn beroep.\n", ""
    )
    note = note_on("273f/3", "ontzet van de uitoefening", side="old")
    path, how = landed(note, DRAFT, deleted)
    assert (path, how) == ("273f/3", "exact")


def test_context_decides_between_two_occurrences_of_the_quote() -> None:
    text = DRAFT.replace(
        "in de prostitutie", "in de prostitutie en uitbuiting van een ander in de bedelarij"
    )
    changeset = compare(version(EARLIER), version(text))
    note = note_on(
        "273f/2", "uitbuiting van een ander", before="prostitutie en", after="in de bedelarij"
    )
    placement = attach([note], changeset).placements["n"]
    provision_text = parse(text).leden[1].body[0].text  # type: ignore[union-attr]
    assert provision_text[placement.end :].startswith(" in de bedelarij")


def test_quotes_compare_whatever_their_shape() -> None:
    curly = DRAFT.replace("de prostitutie", "de \u201cprostitutie\u201d")
    note = note_on("273f/2", 'de "prostitutie"')
    assert landed(note, EARLIER, curly) == ("273f/2", "exact")


def test_anchor_for_a_rewritten_change_quotes_the_inserted_words_with_context() -> None:
    edited = DRAFT.replace("twaalf jaren", "vijftien jaren")
    changeset = compare(version(DRAFT), version(edited))
    (change,) = changeset.changed()
    anchor = anchor_for_change(change)
    assert (anchor.path, anchor.side, anchor.quote) == ("273f/1", "new", "vijftien")
    assert anchor.before.endswith("ten hoogste")
    assert anchor.after.startswith("jaren gestraft")
    assert attach([Note("x", anchor, "r")], changeset).change_of("x") == change.id


def test_anchor_for_a_deleted_provision_quotes_its_old_text() -> None:
    deleted = DRAFT.replace(
        "\n3. De schuldige kan worden ontzet van de uitoefening van zijn beroep.\n", ""
    )
    changeset = compare(version(DRAFT), version(deleted))
    (change,) = changeset.changed()
    anchor = anchor_for_change(change)
    assert anchor.side == "old" and anchor.path == "273f/3"
    assert attach([Note("x", anchor, "r")], changeset).change_of("x") == change.id


def test_fuzzy_match_finds_an_edited_quote_deep_inside_a_long_provision() -> None:
    filler = " ".join(f"woord{n}" for n in range(120))
    old = DRAFT.replace(
        "in de prostitutie.",
        f"in de prostitutie, {filler}, en gedwongen of verplichte arbeid of diensten, slavernij.",
    )
    new = old.replace("gedwongen of verplichte arbeid", "gedwongen of onvrijwillige arbeid")
    note = note_on("273f/2", "gedwongen of verplichte arbeid of diensten")
    attachment = attach([note], compare(version(old), version(new)))
    placement = attachment.placements["n"]
    assert placement.how == "fuzzy"
    text = parse(new).leden[1].body[0].text  # type: ignore[union-attr]
    assert text[placement.start : placement.end] == "gedwongen of onvrijwillige arbeid of diensten"


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        (
            "gevangenisstraf van ten hoogste twaalf jaren",
            "gevangenisstraf van ten hoogste vijftien jaren",
        ),
        ("ten hoogste acht jaren", "ten hoogste vijftien jaren"),
        ("ten hoogste twaalf jaren", None),  # the changed word is too much of the quote
    ],
)
def test_fuzzy_threshold_as_documented(quote: str, found: str | None) -> None:
    """The examples of docs/notes.md, step 3."""
    new = DRAFT.replace("twaalf jaren", "vijftien jaren")
    attachment = attach([note_on("273f/1", quote)], compare(version(DRAFT), version(new)))
    placement = attachment.placements.get("n")
    if found is None:
        assert placement is None
    else:
        assert placement is not None and placement.how == "fuzzy"
        text = parse(new).leden[0].body[0].text  # type: ignore[union-attr]
        assert text[placement.start : placement.end] == found
