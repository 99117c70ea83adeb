"""Alignment: provisions are paired by content, not by number."""

from __future__ import annotations

from diff_helpers import by_new, by_old, edits, summary, version

from wetdiff.diff import Change, ChangeSet, WordOp, compare
from wetdiff.model.artikel import Alinea, Artikel, Lid
from wetdiff.model.version import Version

ART_273F = """Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren gestraft:
    1°. degene die een ander door dwang werft, vervoert, overbrengt, huisvest of opneemt;
    2°. degene die een ander werft terwijl die ander nog geen achttien jaren oud is;
    6°. degene die opzettelijk voordeel trekt uit de uitbuiting van een ander;
2. Artikel 251 is van overeenkomstige toepassing.
"""

ART_273F_SPLIT_OFF = """Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren gestraft:
    1°. degene die een ander door dwang werft, vervoert, overbrengt, huisvest of opneemt;
    2°. degene die een ander werft terwijl die ander nog geen achttien jaren oud is;
2. Artikel 251 is van overeenkomstige toepassing.
"""

ART_273FB = (
    "Artikel 273fb\n\nAls schuldig aan voordeeltrekking uit mensenhandel wordt "
    "gestraft degene die opzettelijk voordeel trekt uit de uitbuiting van een ander.\n"
)


def test_provision_moved_to_a_new_article_is_a_move() -> None:
    """The bill 36 547 pattern: 273f lid 1 onder 6° becomes its own article 273fb."""
    changes = compare(version(ART_273F), version(ART_273F_SPLIT_OFF, ART_273FB))
    moved = by_old(changes, "273f/1/6°")
    assert moved.new_key == "273fb"
    assert moved.kinds == {"moved", "rewritten"}
    assert (
        "insert",
        "Als schuldig aan voordeeltrekking uit mensenhandel wordt gestraft ",
    ) in edits(moved)
    assert set(changes.article_pairs) == {("273f", "273f"), (None, "273fb")}
    assert summary(changes) == [("273f/1/6°", "273fb", ["moved", "rewritten"])]


def test_inserted_lid_renumbers_following_leden_without_rewriting_them() -> None:
    old = version(
        "Artikel 9\n\n1. Eerste regel over de straf van de dader.\n"
        "2. Tweede regel over de verjaring van het feit.\n"
        "3. Derde regel over de bevoegde rechter in eerste aanleg.\n"
    )
    new = version(
        "Artikel 9\n\n1. Eerste regel over de straf van de dader.\n"
        "2. Een geheel nieuwe bepaling over slachtoffers en hun rechten.\n"
        "3. Tweede regel over de verjaring van het feit.\n"
        "4. Derde regel over de bevoegde rechter in eerste aanleg.\n"
    )
    changes = compare(old, new)
    assert summary(changes) == [
        (None, "9/2", ["inserted"]),
        ("9/2", "9/3", ["renumbered"]),
        ("9/3", "9/4", ["renumbered"]),
    ]


def test_split_lid_names_both_parts_and_relates_them() -> None:
    old = version(
        "Artikel 12\n\n1. De rechter kan de verdachte een boete opleggen en hij kan "
        "daarnaast de verbeurdverklaring van de gebruikte voorwerpen bevelen.\n"
    )
    new = version(
        "Artikel 12\n\n1. De rechter kan de verdachte een boete opleggen.\n"
        "2. Daarnaast kan hij de verbeurdverklaring van de gebruikte voorwerpen "
        "bevelen.\n"
    )
    changes = compare(old, new)
    parts = [c for c in changes.changes if "split" in c.kinds]
    assert [c.new_key for c in parts] == ["12/1", "12/2"]
    assert all(c.old_key == "12/1" for c in parts)
    assert parts[0].related == (parts[1].id,) and parts[1].related == (parts[0].id,)
    assert not [c for c in changes.changes if c.kind in ("inserted", "deleted")]


def test_merged_leden_name_both_sources() -> None:
    old = version(
        "Artikel 12\n\n1. De rechter kan de verdachte een boete opleggen.\n"
        "2. Daarnaast kan hij de verbeurdverklaring van de gebruikte voorwerpen "
        "bevelen.\n"
    )
    new = version(
        "Artikel 12\n\n1. De rechter kan de verdachte een boete opleggen en hij kan "
        "daarnaast de verbeurdverklaring van de gebruikte voorwerpen bevelen.\n"
    )
    changes = compare(old, new)
    parts = [c for c in changes.changes if "merged" in c.kinds]
    assert sorted(c.old_key or "" for c in parts) == ["12/1", "12/2"]
    assert all(c.new_key == "12/1" for c in parts)
    assert all(len(c.related) == 1 for c in parts)


def test_normalisation_only_differences_are_no_change() -> None:
    old = version("Artikel 5\n\n1. Hij die „opzettelijk” een ander\u00a0doodt, wordt gestraft.\n")
    new = version('Artikel 5\n\n1. Hij die "opzettelijk"   een ander doodt,  wordt gestraft.\n')
    changes = compare(old, new)
    assert not changes
    assert changes.changed() == ()
    assert [c.kinds for c in changes.changes] == [frozenset({"unchanged"})]
    # text wrapped as in the official XML, built without the file parser
    wrapped = Version(
        "w",
        "w",
        (
            Artikel(
                "5",
                (
                    Lid(
                        "1.",
                        (
                            Alinea(
                                "Hij die \u201eopzettelijk\u201d een ander doodt,"
                                "\n  wordt gestraft."
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    assert not compare(old, wrapped).changed()


def test_one_word_replaced_reads_as_one_word_not_letters() -> None:
    old = version("Artikel 5\n\n1. Gestraft met gevangenisstraf van ten hoogste acht jaren.\n")
    new = version("Artikel 5\n\n1. Gestraft met gevangenisstraf van ten hoogste twaalf jaren.\n")
    change = compare(old, new).changes[0]
    assert change.words == (
        WordOp("equal", "Gestraft met gevangenisstraf van ten hoogste "),
        WordOp("delete", "acht"),
        WordOp("insert", "twaalf"),
        WordOp("equal", " jaren."),
    )


def test_article_inserted_and_deleted() -> None:
    old = version(
        "Artikel 1\n\nEen oude bepaling die geheel vervalt met alles erop.\n",
        "Artikel 2\n\nBlijft zoals hij was.\n",
    )
    new = version(
        "Artikel 2\n\nBlijft zoals hij was.\n",
        "Artikel 3\n\nEen volstrekt nieuwe regel over iets heel anders.\n",
    )
    changes = compare(old, new)
    assert changes.article_pairs == (("1", None), ("2", "2"), (None, "3"))
    assert summary(changes) == [("1", None, ["deleted"]), (None, "3", ["inserted"])]


def test_vervallen_articles_never_pair_across_numbers() -> None:
    old = version("Artikel 7\n\n[Vervallen]\n", "Artikel 8\n\nEen bepaling met inhoud hier.\n")
    new = version("Artikel 8\n\nEen bepaling met inhoud hier.\n", "Artikel 9\n\n[Vervallen]\n")
    changes = compare(old, new)
    assert ("7", None) in changes.article_pairs and (None, "9") in changes.article_pairs


def test_a_lid_that_opens_with_a_list_follows_its_onderdelen() -> None:
    old = version(
        "Artikel 4\n\n1.\n    a. het eerste geval van toepassing hier;\n"
        "    b. het tweede geval van toepassing daar.\n"
        "2. Een slotbepaling over de inwerkingtreding van dit artikel.\n"
    )
    new = version(
        "Artikel 4\n\n1. Een nieuwe eerste bepaling over de reikwijdte.\n"
        "2.\n    a. het eerste geval van toepassing hier;\n"
        "    b. het tweede geval van toepassing daar.\n"
        "3. Een slotbepaling over de inwerkingtreding van dit artikel.\n"
    )
    changes = compare(old, new)
    assert by_new(changes, "4/2").old_key == "4/1"
    assert by_new(changes, "4/2").kinds == {"renumbered"}
    assert by_new(changes, "4/1").kinds == {"inserted"}


def test_compare_is_deterministic() -> None:
    old, new = version(ART_273F), version(ART_273F_SPLIT_OFF, ART_273FB)
    first, second = compare(old, new), compare(old, new)
    assert [(c.id, c.kinds, c.old_key, c.new_key, c.words) for c in first.changes] == [
        (c.id, c.kinds, c.old_key, c.new_key, c.words) for c in second.changes
    ]


def test_change_kind_and_changed() -> None:
    change = Change("x", frozenset({"renumbered", "rewritten"}), None, None)
    assert change.kind == "renumbered" and change.changed
    assert not Change("y", frozenset({"unchanged"}), None, None).changed


def test_json_form_is_versioned_and_complete() -> None:
    changes = compare(version(ART_273F), version(ART_273F_SPLIT_OFF, ART_273FB))
    data = changes.to_json()
    assert data["schema_version"] == 2
    assert data["article_pairs"] == [{"old": "273f", "new": "273f"}, {"old": None, "new": "273fb"}]
    moved = next(c for c in data["changes"] if c["kind"] == "moved")
    assert moved["kinds"] == ["moved", "rewritten"]
    assert moved["old"]["locatie"] == "273f/1/6°"
    assert moved["old"]["in_words"] == "artikel 273f, eerste lid, onderdeel 6°"
    assert moved["new"]["locatie"] == "273fb"
    assert ["delete", ";"] in moved["words"]
    assert len(data["changes"]) == len(changes.changes)
    assert isinstance(changes, ChangeSet)


ACTS = [
    "een vergadering stoort",
    "een dier mishandelt",
    "een grafsteen beschadigt",
    "een valse naam opgeeft",
    "een brug blokkeert",
    "een ambtenaar beledigt",
    "een zegel verbreekt",
    "een wapen draagt",
    "een bos in brand steekt",
    "een vaartuig onbemand laat",
    "een geneesmiddel vervalst",
    "een testament verbergt",
]


def _penal(number: str, act: str) -> str:
    return (
        f"Artikel {number}\n\nMet gevangenisstraf van ten hoogste zes maanden of "
        f"geldboete van de derde categorie wordt gestraft hij die opzettelijk {act}.\n"
    )


def test_penalty_boilerplate_alone_does_not_make_a_move() -> None:
    """Two offences that share only the standard penalty wording are a deletion and an
    insertion, not one provision moved from one article to another."""
    old = version(*(_penal(str(100 + i), act) for i, act in enumerate(ACTS[:10])))
    new = version(
        *(_penal(str(100 + i), act) for i, act in enumerate(ACTS[:9])), _penal("120", ACTS[10])
    )
    changes = compare(old, new)
    assert summary(changes) == [("109", None, ["deleted"]), (None, "120", ["inserted"])]


def test_ids_are_unique_even_with_a_duplicated_article_number() -> None:
    text = "Artikel 8\n\nEen bepaling met genoeg woorden om te tellen.\n"
    changes = compare(version(text), version(text, text))
    ids = [c.id for c in changes.changes]
    assert len(ids) == len(set(ids)) == 2


def test_aanhef_merged_into_its_lid_is_not_moved_to_a_look_alike() -> None:
    """Bill 36 547's pattern: the aanhef of 273f lid 1 and onder 1° become one new lid 1,
    while the other onderdelen move to 273fb, whose own aanhef only looks like it."""
    old = version(
        "Artikel 273f\n\n1. Als schuldig aan mensenhandel wordt met "
        "gevangenisstraf van ten hoogste twaalf jaren gestraft:\n"
        "    1°. degene die een ander door dwang werft, vervoert, overbrengt, "
        "huisvest of opneemt;\n"
        "    2°. degene die opzettelijk voordeel trekt uit de uitbuiting van een "
        "ander.\n"
    )
    new = version(
        "Artikel 273f\n\n1. Als schuldig aan mensenhandel wordt met "
        "gevangenisstraf van ten hoogste twaalf jaren gestraft degene die een "
        "ander door dwang werft, vervoert, overbrengt, huisvest of opneemt.\n",
        "Artikel 273fb\n\n1. Als schuldig aan voordeeltrekking wordt met "
        "gevangenisstraf van ten hoogste twaalf jaren gestraft:\n"
        "    1°. degene die opzettelijk voordeel trekt uit de uitbuiting van een "
        "ander.\n",
    )
    changes = compare(old, new)
    merged = sorted(c.old_key or "" for c in changes.changes if "merged" in c.kinds)
    assert merged == ["273f/1", "273f/1/1°"]
    assert all(c.new_key == "273f/1" for c in changes.changes if "merged" in c.kinds)
    assert by_old(changes, "273f/1/2°").new_key == "273fb/1/1°"
    assert "moved" in by_old(changes, "273f/1/2°").kinds
    assert by_new(changes, "273fb/1").kinds == {"inserted"}
