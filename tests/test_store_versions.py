"""The version syntax: law@DATE, PROPOSAL/STAGE, REV:…, tags and paths."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import build, forget_open_workspaces, git

from wetdiff.errors import WetdiffError
from wetdiff.store.versions import list_versions, resolve
from wetdiff.store.workspace import open_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    yield open_workspace()
    forget_open_workspaces()


def test_law_alone_is_today_and_says_its_date(ws) -> None:  # type: ignore[no-untyped-def]
    version = resolve("law", ws)
    today = dt.date.today().isoformat()
    assert version.label == f"law@{today}"
    # the data holds nothing after its latest text: that is all it may say
    assert version.title == (
        "Wetboek van Strafrecht, text of 15 November 2013; data until 15 November 2013"
    )
    assert "in force" not in version.title and today not in version.title
    assert version.describe("nl") == (
        "Wetboek van Strafrecht, tekst van 15 november 2013; gegevens tot 15 november 2013"
    )
    assert [a.number for a in version.artikelen] == ["251", "273f"]


def test_law_beyond_its_data_is_never_called_in_force(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    (ws.root / "articles/BWBR0001854/regeling.toml").write_text(
        "data_until = 2014-04-01\n", encoding="utf-8"
    )
    version = resolve("law@2024-04-25", ws)
    assert version.beyond_data
    assert version.when() == "text of 2013-11-15; data until 2014-04-01"
    assert version.describe("nl") == (
        "Wetboek van Strafrecht, tekst van 15 november 2013; gegevens tot 1 april 2014"
    )
    within = resolve("law@2014-01-01", ws)
    assert not within.beyond_data
    assert within.describe("nl") == (
        "Wetboek van Strafrecht, geldend op 1 januari 2014 (tekst van 15 november 2013)"
    )
    _, out, _ = run(capsys, "diff", "law@2024-04-25", "law@2013-11-15", "--format", "unified")
    assert out.startswith("--- law@2024-04-25 (text of 2013-11-15; data until 2014-04-01)")


def test_the_declared_data_end_wins_over_a_text_that_comes_later(ws) -> None:  # type: ignore[no-untyped-def]
    # A consolidation captured on one day may already hold a text in force later: the
    # data still end on the capture's day, and the law is never said to reach further.
    (ws.root / "articles/BWBR0001854/regeling.toml").write_text(
        "data_until = 2013-06-01\n", encoding="utf-8"
    )
    version = resolve("law", ws)
    assert version.data_until == dt.date(2013, 6, 1)
    assert version.describe("nl") == (
        "Wetboek van Strafrecht, tekst van 15 november 2013; gegevens tot 1 juni 2013"
    )


def test_a_malformed_data_end_is_one_message(ws) -> None:  # type: ignore[no-untyped-def]
    (ws.root / "articles/BWBR0001854/regeling.toml").write_text(
        'data_until = "soon"\n', encoding="utf-8"
    )
    with pytest.raises(WetdiffError, match="data_until"):
        resolve("law", ws)


def test_law_at_a_date_is_the_text_in_force_then(ws) -> None:  # type: ignore[no-untyped-def]
    version = resolve("law@2006-01-01", ws)
    assert [a.number for a in version.artikelen] == ["251", "273a"]
    assert "zes jaren" in version.artikel("273a").leden[0].body[0].text  # type: ignore[union-attr]
    assert version.date == dt.date(2006, 1, 1)


def test_proposal_alone_is_its_latest_stage_laid_over_its_base(ws) -> None:  # type: ignore[no-untyped-def]
    version = resolve("36547", ws)
    assert version.label == "36547/A"
    assert [a.number for a in version.artikelen] == ["251", "273f", "273fa"]
    assert version.illustrative.startswith("illustratief ontwerp")
    assert version.date == dt.date(2025, 6, 10)
    assert resolve("36547/nr2", ws).label == "36547/nr2"


def test_a_revision_reads_the_files_as_committed_then(ws) -> None:  # type: ignore[no-untyped-def]
    (ws.root / "proposals/36547/A/273fa.txt").unlink()
    assert resolve("36547/A", ws).artikel("273fa") is None
    assert resolve("HEAD:36547/A", ws).artikel("273fa") is not None
    assert (ws.root / "proposals/36547/A/273fa.txt").exists() is False  # no checkout


def test_a_stage_tag_reads_the_stage_as_tagged(ws) -> None:  # type: ignore[no-untyped-def]
    version = resolve("36547/nr2:36547/nr2", ws)
    assert version.artikel("273f") is not None
    assert "36547/nr2" in {e.spec for e in list_versions(ws) if e.kind == "tag"}


def test_a_path_needs_no_git(ws) -> None:  # type: ignore[no-untyped-def]
    version = resolve(str(ws.root / "proposals/36547/nr2/273fa.txt"), ws)
    assert [a.number for a in version.artikelen] == ["273fa"]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope", "unknown version 'nope'"),
        ("law@2013-13-01", "is not a date"),
        ("law@1800-01-01", "no article of BWBR0001854 was in force on 1800-01-01"),
        ("36547/xx", "has no stage 'xx'"),
        ("36547/consultatie", "has no text"),
        ("HEAD~99:law", "unknown git revision 'HEAD~99'"),
        ("HEAD:", "nothing after ':'"),
        ("36547@2020-01-01", "only the law takes @DATE"),
    ],
)
def test_unknown_versions_say_what_exists(ws, spec: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WetdiffError) as error:
        resolve(spec, ws)
    assert message in str(error.value)


def test_unknown_version_lists_the_versions_there(ws) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WetdiffError) as error:
        resolve("36574", ws)
    hint = error.value.hint or ""
    assert "1886-09-01 to 2013-11-15" in hint and "nr2, A" in hint and "36547/nr2" in hint


def test_law_is_ambiguous_with_two_regelingen(ws) -> None:  # type: ignore[no-untyped-def]
    other = ws.root / "articles/BWBR0012345/1"
    other.mkdir(parents=True)
    (other / "2010-01-01.txt").write_text("Artikel 1\n\nTekst.\n", encoding="utf-8")
    (other / "2010-01-01.toml").write_text(
        'artikel = "1"\nin_force = 2010-01-01\nbwb_id = "BWBR0012345"\n', encoding="utf-8"
    )
    with pytest.raises(WetdiffError, match="'law' is ambiguous"):
        resolve("law", ws)
    assert resolve("BWBR0012345@2011-01-01", ws).artikel("1") is not None


def test_versions_command_lists_dates_stages_and_tags(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "versions")
    assert code == 0
    assert "law@2013-11-15" in out and "Stb. 2013, 444" in out
    assert "36547/nr2" in out and "(no text)" in out
    code, out, _ = run(capsys, "versions", "--format", "json")
    data = json.loads(out)
    kinds = {v["kind"] for v in data["versions"]}
    assert kinds == {"law", "stage", "tag"}


def test_show_uses_the_version_parser(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "show", "law@2009-07-01", "--article", "273f")
    assert code == 0 and "ten hoogste acht jaren" in out
    git(ws.root, "status")


def test_a_users_own_tag_names_the_default_proposal_as_tagged(ws) -> None:  # type: ignore[no-untyped-def]
    git(ws.root, "tag", "naar-minister", "HEAD~1")
    version = resolve("naar-minister", ws)
    assert version.label == "naar-minister:36547/nr2"  # stage A was not there yet
    assert "at naar-minister" in version.title


def test_log_at_a_revision_shows_the_history_as_it_was(ws, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "log", "273f", "--rev", "36547/nr2")
    assert code == 0 and "36547/nr2" in out and "36547/A" not in out


def test_the_tui_and_the_memo_take_the_notes_of_the_proposal_the_parser_names(
    ws, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A lawyer's own tag names the default proposal as tagged: its notes go with it in
    # the TUI and in the memo alike (both once parsed specs on their own and missed it).
    from wetdiff.store.versions import proposal_of
    from wetdiff.tui.data import Session

    git(ws.root, "tag", "sent-to-council")
    assert proposal_of("sent-to-council", ws) == "36547"
    assert proposal_of("HEAD:36547/nr2", ws) == "36547"
    assert proposal_of("law@2013-04-01", ws) == ""
    comparison = Session(ws.root).compare("law@2013-11-15", "sent-to-council")
    assert comparison.proposal == "36547" and comparison.notes
    memo = tmp_path / "memo.md"
    code, _, err = run(capsys, "memo", "law@2013-11-15", "sent-to-council", "-o", str(memo))
    assert code == 0, err
    assert "Bij geen van deze wijzigingen is een toelichting vastgelegd" not in memo.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("spec", ["HEAD:36547/nr2", "36547/nr2/x", "36547", "law@2013-04-01"])
def test_a_text_is_saved_into_a_stage_on_disk_only(ws, capsys, spec: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "save", spec, "273f", "-m", "why")
    assert code == 2 and out == ""
    assert "give the proposal and the stage, e.g. 36547/nr2" in err


def test_versions_says_and_others_only_where_a_source_names_other_acts(ws) -> None:  # type: ignore[no-untyped-def]
    # 2006: 273a renumbered to 273f, both files name the same act
    (entry,) = [e for e in list_versions(ws) if e.spec == "law@2006-09-01"]
    assert entry.title.endswith("Stb. 2006, 300 (Kamerstuk 26 671)")
    assert "other" not in entry.title
    # a second act on that day, named by another article's version: both are named
    meta = ws.root / "articles/BWBR0001854/251/2006-09-01.toml"
    meta.write_text(
        (ws.root / "articles/BWBR0001854/251/1886-09-01.toml")
        .read_text(encoding="utf-8")
        .replace("1886-09-01", "2006-09-01")
        .replace('source_act = "gap"', 'source_act = "Stb. 2006, 11"'),
        encoding="utf-8",
    )
    (ws.root / "articles/BWBR0001854/251/2006-09-01.txt").write_text(
        (ws.root / "articles/BWBR0001854/251/1886-09-01.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (entry,) = [e for e in list_versions(ws) if e.spec == "law@2006-09-01"]
    assert "Stb. 2006, 11" in entry.title and "Stb. 2006, 300" in entry.title
