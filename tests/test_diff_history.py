"""The real history of art. 273f Sr, compared version by version (texts as published;
fixtures in tests/fixtures/273f and tests/fixtures/renumbering)."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_helpers import FIXTURES, by_new, by_old, edits, fixture, summary

from wetdiff.diff import compare
from wetdiff.model.version import load_path


def test_273a_of_2005_is_renumbered_to_273f_not_deleted_and_inserted() -> None:
    old = load_path(FIXTURES / "renumbering" / "273a-2005-01-01.txt")
    new = load_path(FIXTURES / "renumbering" / "273f-2006-09-01.txt")
    changes = compare(old, new)
    assert changes.article_pairs == (("273a", "273f"),)
    kinds = {c.kind for c in changes.changes}
    assert kinds == {"renumbered"}
    first = by_new(changes, "273f/1")
    assert first.old_key == "273a/1" and first.kinds == {"renumbered"}
    assert not any(edits(c) for c in changes.changes)


def test_2006_to_2009_raises_penalties_and_renumbers_the_last_leden() -> None:
    changes = compare(fixture("2006-09-01"), fixture("2009-07-01"))
    assert edits(by_new(changes, "273f/1")) == [("delete", "zes"), ("insert", "acht")]
    assert edits(by_new(changes, "273f/3")) == [("delete", "acht"), ("insert", "twaalf")]
    assert by_old(changes, "273f/4").kinds == {"deleted"}
    for old, new, before, after in [
        ("5", "4", "twaalf", "vijftien"),
        ("6", "5", "vijftien", "achttien"),
    ]:
        change = by_old(changes, f"273f/{old}")
        assert change.new_key == f"273f/{new}"
        assert change.kinds == {"renumbered", "rewritten"}
        assert edits(change) == [("delete", before), ("insert", after)]
    last = by_old(changes, "273f/7")
    assert last.new_key == "273f/6" and last.kinds == {"renumbered"}
    # leden 2 and the onderdelen are untouched: not "every lid rewritten"
    assert len(changes.changed()) == 6


def test_2009_to_april_2013_changes_only_the_penalties() -> None:
    changes = compare(fixture("2009-07-01"), fixture("2013-04-01"))
    assert summary(changes) == [
        ("273f/1", "273f/1", ["rewritten"]),
        ("273f/3", "273f/3", ["rewritten"]),
        ("273f/4", "273f/4", ["rewritten"]),
        ("273f/5", "273f/5", ["rewritten"]),
    ]
    assert edits(by_new(changes, "273f/1")) == [("delete", "acht"), ("insert", "twaalf")]
    assert edits(by_new(changes, "273f/3")) == [("delete", "twaalf"), ("insert", "vijftien")]
    assert edits(by_new(changes, "273f/4")) == [("delete", "vijftien"), ("insert", "achttien")]
    lid5 = edits(by_new(changes, "273f/5"))
    inserted = " ".join(text for op, text in lid5 if op == "insert")
    assert "levenslange" in inserted and "of tijdelijke" in inserted
    assert lid5[-2:] == [("delete", "achttien"), ("insert", "dertig")]


def test_april_to_november_2013_directive_changes() -> None:
    changes = compare(fixture("2013-04-01"), fixture("2013-11-15"))
    phrase = "met inbegrip van de wisseling of overdracht van de controle over die ander, "
    for nr in ("1°", "2°"):
        assert edits(by_new(changes, f"273f/1/{nr}")) == [("insert", phrase)]
    assert by_new(changes, "273f/2").kinds == {"rewritten"}
    assert by_new(changes, "273f/3/2°").kinds == {"rewritten"}
    assert ("insert", "achttien") in edits(by_new(changes, "273f/3/2°"))
    assert by_new(changes, "273f/3/3°").kinds == {"inserted"}
    assert by_new(changes, "273f/6").kinds == {"inserted"}
    seventh = by_new(changes, "273f/7")
    assert seventh.old_key == "273f/6" and seventh.kinds == {"renumbered"}
    assert summary(changes) == [
        ("273f/1/1°", "273f/1/1°", ["rewritten"]),
        ("273f/1/2°", "273f/1/2°", ["rewritten"]),
        ("273f/2", "273f/2", ["rewritten"]),
        ("273f/3/2°", "273f/3/2°", ["rewritten"]),
        (None, "273f/3/3°", ["inserted"]),
        (None, "273f/6", ["inserted"]),
        ("273f/6", "273f/7", ["renumbered"]),
    ]


def test_changes_come_in_reading_order_with_deletions_in_place() -> None:
    changes = compare(fixture("2006-09-01"), fixture("2009-07-01"))
    keys = [(c.old_key, c.new_key) for c in changes.changes]
    deleted = keys.index(("273f/4", None))
    assert keys[deleted - 1][0] == "273f/3/2°"
    assert keys[deleted + 1] == ("273f/5", "273f/4")
    # every provision of both, aligned once: 17 pairs and the deleted lid
    assert len(changes.changes) == 18


def test_whole_code_reorganisation_of_2006_pairs_articles_by_content() -> None:
    """Sr 2006-08-02 → 2006-09-03 (official captures, a few articles): 273a became
    273f in place, while 372, 374 and 375 moved to the new 273a, 273c and 273e with
    edits (out of their place in the code: a move, not a renumbering)."""
    old = load_path(FIXTURES / "sr-2006" / "old")
    new = load_path(FIXTURES / "sr-2006" / "new")
    changes = compare(old, new)
    pairs = set(changes.article_pairs)
    assert {
        ("273a", "273f"),
        ("372", "273a"),
        ("374", "273c"),
        ("375", "273e"),
        ("10", "10"),
    } <= pairs
    assert by_new(changes, "273f/1").kinds == {"renumbered"}
    assert by_new(changes, "273c").kinds == {"moved", "rewritten"}
    assert by_new(changes, "273e").kinds == {"moved", "rewritten"}
    assert by_new(changes, "273a").old_key == "372"
    assert by_new(changes, "273c/-/b").old_key == "374/-/2°"
    assert not any("deleted" in c.kinds or "inserted" in c.kinds for c in changes.changes)
    for unrelated in ("10", "273", "274", "300", "376"):
        assert not any(
            c.changed for c in changes.changes if c.provision.locatie.artikel == unrelated
        ), unrelated


LAW = Path(__file__).parent.parent / "articles" / "BWBR0001854"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("273a/2005-01-01", "273f/2006-09-01"),
        ("273f/2006-09-01", "273f/2009-07-01"),
        ("273f/2009-07-01", "273f/2013-04-01"),
        ("273f/2013-04-01", "273f/2013-11-15"),
    ],
)
def test_the_imported_law_files_give_the_same_changes(old: str, new: str) -> None:
    """The worked example's law files (imported from the official XML) agree with the
    fixtures written from the published texts, and carry their in-force dates."""
    official = compare(load_path(LAW / f"{old}.txt"), load_path(LAW / f"{new}.txt"))
    fixture_dir = {"273a/2005-01-01": FIXTURES / "renumbering" / "273a-2005-01-01.txt"}
    mine = compare(
        load_path(fixture_dir.get(old, FIXTURES / "273f" / f"{old.split('/')[1]}.txt")),
        load_path(FIXTURES / "273f" / f"{new.split('/')[1]}.txt"),
    )
    assert summary(official) == summary(mine)
    assert [c.id for c in official.changes] == [c.id for c in mine.changes]
    assert official.new.date is not None and official.new.date.isoformat() == new[-10:]
