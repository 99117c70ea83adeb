"""wetdiff log and blame: an article's versions through renumbering, word by word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces

from wetdiff.store.blame import blame_article
from wetdiff.store.workspace import open_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    yield open_workspace()
    forget_open_workspaces()


def test_log_lists_every_version_newest_first_across_the_renumbering(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "log", "273f")
    assert code == 0
    order = [
        out.index(label)
        for label in (
            "36547/A",
            "36547/nr2",
            "law@2013-11-15",
            "law@2013-04-01",
            "law@2009-07-01",
            "law@2006-09-01",
            "law@2005-01-01",
        )
    ]
    assert order == sorted(order)
    assert "artikel 273a" in out
    assert "renumbered: artikel 273a → artikel 273f" in out
    assert "Stb. 2013, 444 (Kamerstuk 33 309)" in out
    assert "acht → twaalf" in out
    assert "note: Implements Directive 2011/36/EU." in out


def test_log_json_has_dates_sources_and_changes(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _ = run(capsys, "log", "273f", "--format", "json")
    versions = json.loads(out)["versions"]
    law_2013 = next(v for v in versions if v["version"] == "law@2013-04-01")
    assert law_2013["date"] == "2013-04-01"
    assert law_2013["certainty"] == "unverified"
    assert law_2013["kamerstuk"] == "33 185" and law_2013["source_act"] == "gap"
    assert any("acht → twaalf" in c for c in law_2013["changes"])
    assert law_2013["commits"][0]["subject"].startswith("Artikel 273f:")
    assert versions[-1]["artikel"] == "273a"


def test_log_of_an_unknown_article_is_a_clear_error(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "log", "999z")
    assert code == 2 and "artikel 999z has no versions" in err


def _origin_of(blame, text: str, lid_key: str, role: str = "tekst"):  # type: ignore[no-untyped-def]
    for p in blame.provisions:
        if p.provision.locatie.key == lid_key and p.provision.role == role:
            for span in p.spans:
                if text in span.text:
                    return blame.origins[span.origin - 1]
    raise AssertionError(f"{text!r} not found in {lid_key}")


def test_blame_words_credits_each_word_to_the_act_that_wrote_it(ws) -> None:  # type: ignore[no-untyped-def]
    blame = blame_article(ws, "273f", None)
    phrase = "met inbegrip van de wisseling of overdracht van de controle over die ander"
    assert _origin_of(blame, phrase, "273f/1/1°").label == "law@2013-11-15"
    twaalf = _origin_of(blame, "twaalf", "273f/1", "aanhef")
    assert twaalf.label == "law@2013-04-01"
    jaren = _origin_of(blame, "jaren of geldboete", "273f/1", "aanhef")
    assert (jaren.label, jaren.number) == ("law@2005-01-01", "273a")


def test_blame_per_provision_says_introduced_and_changed(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "blame", "273f")
    assert code == 0
    assert (
        "artikel 273f, eerste lid, aanhef: introduced [1] 2005-01-01; changed "
        "[3] 2009-07-01, [4] 2013-04-01"
    ) in out
    code, out, _ = run(capsys, "blame", "273f", "--words")
    assert "[4] 2013-04-01   twaalf" in out


def test_blame_of_a_proposal_stage_continues_into_the_stages(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _ = run(capsys, "blame", "273f", "36547/A", "--words", "--format", "json")
    data = json.loads(out)
    labels = [o["version"] for o in data["origins"]]
    assert labels[-2:] == ["36547/nr2", "36547/A"]
    lid2 = next(p for p in data["provisions"] if p["key"] == "273f/2")
    assert "".join(w["text"] for w in lid2["words"]) == lid2["text"]
    huwelijk = next(w for w in lid2["words"] if "huwelijk" in w["text"])
    assert data["origins"][huwelijk["origin"] - 1]["version"] == "36547/A"


def test_blame_at_an_earlier_date_stops_there(ws) -> None:  # type: ignore[no-untyped-def]
    blame = blame_article(ws, "273f", "law@2010-01-01")
    assert [o.label for o in blame.origins][-1] == "law@2009-07-01"


def test_log_of_an_article_a_proposal_adds(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "log", "273fa")
    assert code == 0
    assert out.index("36547/A") < out.index("36547/nr2")
    assert "new article" in out and "law@" not in out


def test_log_shows_the_notes_on_a_stages_changes(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "log", "273f")
    assert code == 0
    stage_a = out.split("36547/A")[1].split("\n\n")[0]
    assert (
        "why (artikel 273f, tweede lid): Gedwongen huwelijk is added to the forms of "
        "exploitation. (answers 2022Z19982/3)"
    ) in stage_a
    _code, out, _ = run(capsys, "log", "273f", "--format", "json")
    first = json.loads(out)["versions"][0]
    assert first["notes"][0]["id"] == "273f-2-huwelijk"


def test_blame_of_an_article_renumbered_away_says_so(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "blame", "273a")
    assert code == 2 and "not in force" in err and "renumbered to 273f" in err
    code, out, _ = run(capsys, "blame", "273a", "law@2005-06-01")
    assert code == 0 and "[1] 2005-01-01  law@2005-01-01  Stb. 2004, 645" in out


@pytest.mark.parametrize("regelingen", [1, 2], ids=["one regeling", "two regelingen"])
def test_log_shows_a_provision_that_went_to_another_article_as_moved_there(
    store_workspace: Path, capsys: pytest.CaptureFixture[str], regelingen: int
) -> None:
    """A stage that moves 273f's onderdeel 2° to 273fa: the log of 273f says where it
    went ("moved", with where it was), never that it was deleted. With a second regeling
    in the workspace a bare 'law@DATE' names no one regeling: the comparison with the
    other articles a step changed still reads the article's own."""
    if regelingen == 2:
        second = Path(__file__).parent / "fixtures" / "regeling2" / "2014-01-01.xml"
        code, _, err = run(capsys, "import", "bwb", str(second))
        assert code == 0, err
    _move_onderdeel_2_to_273fa(store_workspace)
    code, out, err = run(capsys, "log", "273f")
    assert code == 0, err
    stage_entry = out.split("36547/nr2", 1)[1].split("\n\n", 1)[0]
    assert (
        "artikel 273fa, tweede lid (was artikel 273f, eerste lid, onderdeel 2°): moved"
        in stage_entry
    )
    assert "deleted" not in stage_entry
    # 273fa is new in that stage: its log and blame say what it took over, and from where
    code, out, err = run(capsys, "log", "273fa")
    assert code == 0, err
    assert "artikel 273fa, tweede lid (was artikel 273f, eerste lid, onderdeel 2°): moved" in out
    code, out, err = run(capsys, "blame", "273fa", "36547/nr2")
    assert code == 0, err
    assert (
        "artikel 273fa, tweede lid: moved here [1] 2024-04-25 from artikel 273f, eerste lid, "
        "onderdeel 2°" in out
    )
    assert "artikel 273fa, eerste lid: introduced [1]" in out
    code, out, err = run(capsys, "blame", "273fa", "36547/nr2", "--format", "json")
    came = [p["moved_from"] for p in json.loads(out)["provisions"]]
    assert came == [None, "artikel 273f, eerste lid, onderdeel 2°"]
    from wetdiff.tui.screens.blame import blame_content

    shown = blame_content(blame_article(open_workspace(), "273fa", "36547/nr2")).plain
    assert "moved here by 36547/nr2 from artikel 273f, eerste lid, onderdeel 2°" in shown


def _move_onderdeel_2_to_273fa(root: Path) -> None:
    """Stage 36547/nr2 moves 273f, eerste lid, onderdeel 2° to a second lid of 273fa."""
    from store_helpers import git

    stage = root / "proposals" / "36547" / "nr2"
    moved = (
        "degene die een ander werft met het oogmerk van uitbuiting van die ander in een ander land."
    )
    article = stage / "273f.txt"
    text = article.read_text(encoding="utf-8")
    assert f"ander;\n    2°. {moved}\n" in text
    article.write_text(text.replace(f"ander;\n    2°. {moved}\n", "ander.\n"), encoding="utf-8")
    other = stage / "273fa.txt"
    other.write_text(other.read_text(encoding="utf-8") + f"\n2. {moved}\n", encoding="utf-8")
    git(root, "commit", "-qam", "36547 nr2: 273f, eerste lid, onder 2°, to 273fa")
