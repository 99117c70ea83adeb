"""The provision-aware three-way merge: what combines, what conflicts and of which kind,
and taking chosen changes one by one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetdiff.diff import compare
from wetdiff.diff.merge import merge, take
from wetdiff.errors import WetdiffError
from wetdiff.model.text_format import parse, render
from wetdiff.model.version import Version

STAGE = "\n".join(
    [
        "Artikel 273f",
        "",
        "1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste vijftien "
        "jaren of geldboete van de vijfde categorie gestraft:",
        "    1°. degene die een ander door dwang werft, vervoert of huisvest;",
        "    2°. degene die een ander werft met het oogmerk van uitbuiting van die ander.",
        "",
        "2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie, gedwongen "
        "arbeid, bedelarij, slavernij en gedwongen huwelijk.",
        "",
        "3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, "
        "indien de feiten worden gepleegd door twee of meer verenigde personen.",
        "",
        "4. Artikel 251 is van toepassing.",
        "",
    ]
)
OTHER = (
    "Artikel 273fa\n\n1. Als schuldig aan ernstige benadeling wordt gestraft degene die een "
    "ander ernstig benadeelt.\n"
)


def version(label: str, *texts: str) -> Version:
    return Version(label, label, tuple(parse(t) for t in texts))


BASE = version("A", STAGE, OTHER)


def variant(label: str, *edits: tuple[str, str], other: str = OTHER) -> Version:
    text = STAGE
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    return version(label, text, other)


def text_of(merged: Version | tuple, number: str = "273f") -> str:  # type: ignore[type-arg]
    artikelen = merged.artikelen if isinstance(merged, Version) else merged
    return render(next(a for a in artikelen if a.number == number))


def test_disjoint_words_of_one_provision_combine() -> None:
    x = variant("x", ("vijftien jaren of", "achttien jaren of"))
    y = variant("y", ("de vijfde categorie", "de zesde categorie"))
    merged = merge(BASE, [("x", x), ("y", y)])
    assert merged.conflicts == ()
    assert "ten hoogste achttien jaren of geldboete van de zesde categorie" in text_of(
        merged.artikelen  # type: ignore[arg-type]
    )


def test_different_provisions_and_articles_combine() -> None:
    x = variant("x", ("gedwongen arbeid", "gedwongen of verplichte arbeid"))
    y = variant("y", other=OTHER.replace("ernstig benadeelt", "ernstig benadeelt of uitbuit"))
    merged = merge(BASE, [("x", x), ("y", y)])
    assert merged.ok
    assert "gedwongen of verplichte arbeid" in text_of(merged.artikelen)  # type: ignore[arg-type]
    assert "of uitbuit" in text_of(merged.artikelen, "273fa")  # type: ignore[arg-type]


def test_the_same_words_changed_differently_conflict() -> None:
    x = variant("x", ("vijftien jaren of", "achttien jaren of"))
    y = variant("y", ("vijftien jaren of", "twintig jaren of"))
    merged = merge(BASE, [("x", x), ("y", y)])
    assert merged.artikelen is None  # never half-merged
    (conflict,) = merged.conflicts
    assert (conflict.kind, conflict.provision, conflict.where) == (
        "same-words",
        "273f/1",
        "artikel 273f, eerste lid",
    )
    assert (conflict.first_words, conflict.second_words) == (
        "[-vijftien-] {+achttien+}",
        "[-vijftien-] {+twintig+}",
    )
    assert conflict.label("nl") == "dezelfde woorden verschillend gewijzigd"


def test_the_same_change_twice_is_no_conflict() -> None:
    x = variant("x", ("vijftien jaren of", "achttien jaren of"))
    y = variant("y", ("vijftien jaren of", "achttien jaren of"))
    merged = merge(BASE, [("x", x), ("y", y)])
    assert merged.ok and "achttien jaren of" in text_of(merged.artikelen)  # type: ignore[arg-type]


def test_a_phrase_replaced_is_one_span_not_a_word_here_and_there() -> None:
    x = variant("x", ("gedwongen arbeid, bedelarij", "dwangarbeid of bedelarij"))
    y = variant("y", ("gedwongen arbeid", "gedwongen arbeid of diensten"))
    merged = merge(BASE, [("x", x), ("y", y)])
    assert [c.kind for c in merged.conflicts] == ["same-words"]


def test_one_deletes_what_the_other_edits() -> None:
    x = variant("x", ("\n\n4. Artikel 251 is van toepassing.", ""))
    y = variant("y", ("251 is van toepassing.", "251 is van overeenkomstige toepassing."))
    (conflict,) = merge(BASE, [("x", x), ("y", y)]).conflicts
    assert conflict.kind == "deletes-or-renumbers" and conflict.provision == "273f/4"
    assert conflict.first_words.startswith("[-4. Artikel 251")


def test_one_renumbers_what_the_other_edits() -> None:
    x = variant(
        "x",
        ("2. Uitbuiting", "2. Een nieuw lid.\n\n3. Uitbuiting"),
        ("3. De schuldige", "4. De schuldige"),
        ("4. Artikel 251", "5. Artikel 251"),
    )
    y = variant("y", ("verenigde personen", "samenwerkende personen"))
    conflicts = merge(BASE, [("x", x), ("y", y)]).conflicts
    assert [(c.kind, c.provision) for c in conflicts] == [("deletes-or-renumbers", "273f/3")]
    assert conflicts[0].first_words.startswith("→ 4. De schuldige")


def test_both_insert_at_the_same_place() -> None:
    x = variant("x", ("van die ander.", "van die ander;\n    3°. degene die een ander uitbuit."))
    y = variant("y", ("van die ander.", "van die ander;\n    3°. degene die voordeel trekt."))
    kinds = {(c.kind, c.where) for c in merge(BASE, [("x", x), ("y", y)]).conflicts}
    assert (
        "same-place",
        "between artikel 273f, eerste lid, onderdeel 2° and artikel 273f, tweede lid",
    ) in kinds


def test_an_insertion_and_an_edit_elsewhere_combine() -> None:
    x = variant("x", ("van die ander.", "van die ander;\n    3°. degene die een ander uitbuit."))
    y = variant("y", ("bedelarij, slavernij", "bedelarij, criminele uitbuiting, slavernij"))
    z = variant("z", ("door dwang werft", "door dwang of geweld werft"))
    merged = merge(BASE, [("x", x), ("y", y), ("z", z)])
    assert merged.ok
    text = text_of(merged.artikelen)  # type: ignore[arg-type]
    assert "3°. degene die een ander uitbuit." in text
    assert "criminele uitbuiting" in text and "door dwang of geweld werft" in text


def test_both_add_an_article_of_one_number() -> None:
    new = "Artikel 273fb\n\n1. Voordeeltrekking is strafbaar.\n"
    x = version("x", STAGE, OTHER, new)
    y = version("y", STAGE, OTHER, new.replace("strafbaar", "verboden"))
    (conflict,) = merge(BASE, [("x", x), ("y", y)]).conflicts
    assert conflict.kind == "same-place" and conflict.artikel == "273fb"


def test_take_adopts_the_chosen_changes_only() -> None:
    theirs = variant(
        "theirs",
        ("vijftien jaren of", "achttien jaren of"),
        ("gedwongen huwelijk", "gedwongen huwelijk of illegale adoptie"),
    )
    changes = compare(BASE, theirs)
    by_words = {c.provision.locatie.key: c.id for c in changes.changed()}
    taken = take(BASE, theirs, changes, [by_words["273f/2"][:6]])
    text = text_of(taken)
    assert "illegale adoptie" in text and "vijftien jaren of" in text


def test_take_refuses_an_insertion_without_the_renumbering_it_needs() -> None:
    theirs = variant(
        "theirs",
        ("2. Uitbuiting", "2. Een nieuw lid.\n\n3. Uitbuiting"),
        ("3. De schuldige", "4. De schuldige"),
        ("4. Artikel 251", "5. Artikel 251"),
    )
    changes = compare(BASE, theirs)
    inserted = next(c.id for c in changes.changed() if c.kind == "inserted")
    with pytest.raises(WetdiffError, match="numbered wrongly") as refused:
        take(BASE, theirs, changes, [inserted])
    assert refused.value.hint and "renumber" in refused.value.hint
    everything = take(BASE, theirs, changes, [c.id for c in changes.changed()])
    assert text_of(everything) == text_of(theirs)
    with pytest.raises(WetdiffError, match="no change 'ffffff'"):
        take(BASE, theirs, changes, ["ffffff"])


WORDS = ["straf", "jaren", "geldboete", "categorie", "uitbuiting", "ander", "dwang", "lid"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=6, max_size=14),
    st.integers(0, 5),
    st.integers(0, 5),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
)
def test_merged_edits_hold_both_changes_or_conflict(
    words: list[str], i: int, j: int, a: str, b: str
) -> None:
    """Two one-word replacements of one provision: either the merge holds both, or they
    conflict because they replace the same word differently."""
    base_text = " ".join(words)
    x_words, y_words = list(words), list(words)
    x_words[i], y_words[-1 - j] = a.upper(), b.upper()
    base = version("b", f"Artikel 1\n\n1. {base_text}.\n")
    x = version("x", f"Artikel 1\n\n1. {' '.join(x_words)}.\n")
    y = version("y", f"Artikel 1\n\n1. {' '.join(y_words)}.\n")
    merged = merge(base, [("x", x), ("y", y)])
    same_word = i == len(words) - 1 - j
    if merged.ok:
        text = text_of(merged.artikelen, "1")  # type: ignore[arg-type]
        assert a.upper() in text and b.upper() in text
    else:
        assert same_word and a != b
        assert {c.kind for c in merged.conflicts} == {"same-words"}
