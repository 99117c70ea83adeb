"""Citations to update: after a renumbering, every provision still citing the old number.

The fixture ``consequential/`` holds six articles of the Wetboek van Strafrecht as the
official consolidations of 2006-08-02 and 2006-09-03 give them (imported from the BWB
XML with ``wetdiff.importers.bwb`` and written as article files): on 1 September 2006
273a became 273f (and 372 became 273a), while 5, 5a, 71 and 77d kept citing "273a".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from wetdiff.cli import main
from wetdiff.diff import compare, stale_citations
from wetdiff.model.artikel import Alinea, Artikel, Lid, Locatie, Onderdeel
from wetdiff.model.version import Version, load_path

FIXTURES = Path(__file__).parent / "fixtures" / "consequential"
BEFORE, AFTER = FIXTURES / "2006-08-02", FIXTURES / "2006-09-03"


def _invoke(args: list[str]) -> Result:
    """The CLI as a user runs it (``wetdiff.cli.main``): exit code and everything printed."""
    runner = CliRunner()
    return runner.invoke(_main, args)


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def _main(args: tuple[str, ...]) -> None:
    sys.exit(main(list(args)))


def _version(label: str, *artikelen: Artikel) -> Version:
    return Version(label, label, artikelen)


def test_articles_still_citing_273a_after_it_became_273f_are_listed() -> None:
    changes = compare(load_path(BEFORE), load_path(AFTER))
    assert ("273a", "273f") in changes.article_pairs
    stale = stale_citations(changes)
    assert [
        (s.locatie.key, s.text, s.old_target.key, s.new_target and s.new_target.key) for s in stale
    ] == [
        ("5/1/3°", "273a", "273a", "273f"),
        ("5a/1", "273a", "273a", "273f"),
        ("71/-/3°", "273a", "273a", "273f"),
        ("77d/2", "273a", "273a", "273f"),
    ]
    # Article 5 was amended that day too (a 4° added): its unchanged citation counts.
    assert changes.by_id(stale[0].change_id).changed  # type: ignore[union-attr]


def test_a_citation_the_drafter_updated_is_not_listed() -> None:
    old = _version(
        "old",
        Artikel("1", (Alinea("Zie artikel 3."),)),
        Artikel("3", (Alinea("Een bepaling over iets bijzonders hier."),)),
    )
    new = _version(
        "new",
        Artikel("1", (Alinea("Zie artikel 4."),)),
        Artikel("4", (Alinea("Een bepaling over iets bijzonders hier."),)),
    )
    assert stale_citations(compare(old, new)) == ()


def test_unchanged_numbering_gives_nothing_to_update() -> None:
    version = load_path(BEFORE)
    assert stale_citations(compare(version, version)) == ()


def _lid(nr: str, text: str) -> Lid:
    return Lid(f"{nr}.", (Alinea(text),))


def test_relative_citation_of_a_renumbered_lid_in_its_own_article() -> None:
    """A lid inserted before the third: "het derde lid" in the (old) fourth lid now
    names the inserted lid."""
    first = _lid("1", "Hij die opzettelijk een ander schade toebrengt wordt gestraft.")
    third = _lid("3", "De kennisgeving wordt zo spoedig mogelijk aan de veroordeelde betekend.")
    old = _version(
        "old",
        Artikel(
            "9",
            (
                first,
                _lid("2", "Het openbaar ministerie kan de straf wijzigen na overleg."),
                third,
                _lid("4", "Tegen de kennisgeving, bedoeld in het derde lid, staat bezwaar open."),
            ),
        ),
    )
    new = _version(
        "new",
        Artikel(
            "9",
            (
                first,
                _lid("2", "Bij de tenuitvoerlegging wordt de identiteit vastgesteld."),
                _lid("3", "Het openbaar ministerie kan de straf wijzigen na overleg."),
                _lid("4", third.body[0].text),  # type: ignore[union-attr]
                _lid("5", "Tegen de kennisgeving, bedoeld in het derde lid, staat bezwaar open."),
            ),
        ),
    )
    (stale,) = stale_citations(compare(old, new))
    assert (stale.locatie.key, stale.text, stale.old_target.key, stale.relative) == (
        "9/5",
        "het derde lid",
        "9/3",
        True,
    )
    assert stale.new_target == Locatie("9", "4")
    assert stale.reads_as == Locatie("9", "3")


def test_citation_of_a_lid_whose_onderdelen_went_to_other_leden_is_to_check() -> None:
    """As in bill 36 547: lid 1's onderdelen became lid 1 and lid 2; "het eerste lid"
    that the drafter left alone now covers only part of what it cited."""

    def onderdeel(nr: str, text: str) -> Onderdeel:
        return Onderdeel(f"{nr}.", (Alinea(text),))

    old = _version(
        "old",
        Artikel(
            "9",
            (
                Lid(
                    "1.",
                    (
                        Alinea("Als schuldig aan mensenhandel wordt gestraft:"),
                        onderdeel("1°", "degene die een ander door dwang werft en vervoert;"),
                        onderdeel("2°", "degene die een minderjarige werft en vervoert."),
                    ),
                ),
                _lid("2", "De feiten, omschreven in het eerste lid, worden zwaarder gestraft."),
                _lid(
                    "3", "Indien de in het eerste lid omschreven feiten de dood tot gevolg hebben."
                ),
            ),
        ),
    )
    new = _version(
        "new",
        Artikel(
            "9",
            (
                _lid(
                    "1",
                    "Als schuldig aan mensenhandel wordt gestraft degene die een ander door "
                    "dwang werft en vervoert.",
                ),
                _lid(
                    "2",
                    "Met dezelfde straf wordt gestraft degene die een minderjarige werft en "
                    "vervoert.",
                ),
                _lid(
                    "3",
                    "De feiten, omschreven in het eerste of tweede lid, worden zwaarder gestraft.",
                ),
                _lid(
                    "4", "Indien de in het eerste lid omschreven feiten de dood tot gevolg hebben."
                ),
            ),
        ),
    )
    (partial,) = stale_citations(compare(old, new))
    assert (partial.locatie.key, partial.text, partial.kind) == ("9/4", "het eerste lid", "partial")
    assert partial.new_target == partial.reads_as == Locatie("9", "1")
    assert partial.also == (Locatie("9", "2"),)


def test_citation_of_a_repealed_article() -> None:
    cited = Artikel("7", (Alinea("Een bijzondere bepaling over kaapvaart en schepelingen."),))
    old = _version("old", Artikel("1", (Alinea("De straf van artikel 7 wordt verhoogd."),)), cited)
    new = _version(
        "new",
        Artikel("1", (Alinea("De straf van artikel 7 wordt verhoogd."),)),
        Artikel("7", (Alinea("[Vervallen]"),)),
    )
    (stale,) = stale_citations(compare(old, new))
    assert (stale.locatie.key, stale.old_target.key, stale.new_target) == ("1", "7", None)


def test_diff_lists_the_citations_to_update_after_the_changes() -> None:
    result = _invoke(["diff", str(BEFORE), str(AFTER), "--format", "unified", "--changed-only"])
    assert result.exit_code == 1
    section = result.output.split("## Verwijzingen om aan te passen (4)")[1]
    for article in (
        "artikel 5, eerste lid, onderdeel 3°",
        "artikel 5a, eerste lid",
        "artikel 71, onderdeel 3°",
        "artikel 77d, tweede lid",
    ):
        assert f"{article}: «273a» verwees naar artikel 273a, nu artikel 273f" in section


@pytest.mark.parametrize("view", ["renvooi", "side-by-side"])
def test_terminal_views_end_with_the_citations_to_update(view: str) -> None:
    result = _invoke(
        ["diff", str(BEFORE), str(AFTER), "--format", view, "--width", "200", "--no-color"]
    )
    assert "Verwijzingen om aan te passen (4)" in result.output
    assert "artikel 77d, tweede lid: «273a» verwees naar artikel 273a" in result.output


def test_json_carries_the_citations_to_update() -> None:
    result = _invoke(["diff", str(BEFORE), str(AFTER), "--format", "json"])
    data = json.loads(result.output)
    assert data["schema_version"] == 2
    assert [(s["locatie"], s["old_target"], s["new_target"]) for s in data["stale_citations"]] == [
        ("5/1/3°", "273a", "273f"),
        ("5a/1", "273a", "273f"),
        ("71/-/3°", "273a", "273f"),
        ("77d/2", "273a", "273f"),
    ]
    only = _invoke(["diff", str(BEFORE), str(AFTER), "--format", "json", "--article", "71"])
    assert [s["locatie"] for s in json.loads(only.output)["stale_citations"]] == ["71/-/3°"]


def test_cites_lists_who_cites_an_article() -> None:
    result = _invoke(["cites", str(AFTER), "273a"])
    assert result.exit_code == 1, "something cites it: exit 1, as diff and check do"
    assert result.output.splitlines()[1:] == [
        "  artikel 5, eerste lid, onderdeel 3°: «273a»",
        "  artikel 5a, eerste lid: «273a»",
        "  artikel 71, onderdeel 3°: «273a»",
        "  artikel 77d, tweede lid: «273a»",
        "4 citation(s)",
    ]
    data = json.loads(_invoke(["cites", str(AFTER), "273f/1", "--format", "json"]).output)
    assert data["target"] == "273f/1" and data["target_exists"]
    # "onder 1°" in 4°, "het eerste lid" in the third lid onder 1° and in the fourth lid
    assert {c["locatie"] for c in data["citations"]} >= {"273f/1/4°", "273f/3/1°", "273f/4"}


def test_cites_refuses_a_malformed_provision() -> None:
    result = _invoke(["cites", str(AFTER), "273f /1"])
    assert result.exit_code == 2
    assert "not a provision" in result.output
