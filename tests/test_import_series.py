"""A series of dated official texts → per article only the versions that changed, dated
by the in-force date where the XML gives one and by the capture date (unverified)
otherwise; and ``wetdiff import bwb`` writing them without ever overwriting a user's
file or writing outside the workspace."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from wetdiff.cli import main
from wetdiff.errors import WetdiffError
from wetdiff.importers.series import Series, import_series
from wetdiff.model.files import VersionMeta, read_version

BWB = Path(__file__).parent / "fixtures" / "bwb"
SERIES = sorted((BWB / "series").glob("*.xml"))


def _dates(series: Series, number: str) -> list[str]:
    return [v.meta.in_force.isoformat() for v in series.versions[number]]


def test_each_article_gets_a_version_only_where_its_wording_changed() -> None:
    series = import_series(list(reversed(SERIES)))  # order of the arguments does not matter
    # art. 5 was re-spaced in 2005 (no change) and re-pointed in 2006 and 2007
    assert _dates(series, "5") == ["2004-12-11", "2006-09-03", "2007-05-09"]
    assert series.toestanden == 4


def test_treedt_in_werking_note_gives_an_official_in_force_date() -> None:
    first = import_series(SERIES).versions["273a"][0].meta
    assert first.in_force == dt.date(2005, 1, 1)
    assert first.certainty == "official"
    assert "Treedt in werking per 01-01-2005" in first.in_force_note
    assert first.captured_from == "BWBR0001854/2004-12-11.xml"


def test_without_a_note_the_capture_date_is_used_and_marked_unverified() -> None:
    meta = import_series(SERIES).versions["5"][1].meta
    assert meta.in_force == dt.date(2006, 9, 3)
    assert meta.certainty == "unverified"
    assert "capture date" in meta.in_force_note and "not the in-force date" in meta.in_force_note


def test_renumbered_article_is_recorded_at_both_ends() -> None:
    series = import_series(SERIES)
    gone = series.versions["273a"][-1]
    assert gone.artikel is None
    assert (gone.meta.status, gone.meta.renumbered_to) == ("vernummerd", "273f")
    assert series.versions["273f"][0].meta.renumbered_from == "273a"
    assert len(series.versions["273f"]) == 1  # 2007 did not change its wording


def test_repealed_article_gets_a_tombstone() -> None:
    versions = import_series(SERIES).versions["250a"]
    assert [(v.meta.in_force.isoformat(), v.meta.status) for v in versions] == [
        ("2004-12-11", "geldend"),
        ("2005-01-04", "vervallen"),
    ]
    assert versions[-1].artikel is None


def test_a_file_without_a_date_needs_one(tmp_path: Path) -> None:
    undated = tmp_path / "sr.xml"
    undated.write_bytes(SERIES[0].read_bytes())
    with pytest.raises(WetdiffError, match="cannot tell when"):
        import_series([undated])
    series = import_series([undated], date=dt.date(2004, 12, 11))
    assert _dates(series, "5") == ["2004-12-11"]


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def _invoke(*args: str) -> Result:
    """Run ``wetdiff ARGS`` through its real entry point (errors become exit 2)."""

    @click.command()
    def entry() -> None:
        main(list(args))

    return CliRunner().invoke(entry, [])


def test_cli_writes_dated_text_and_metadata_files(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", *map(str, SERIES))
    assert result.exit_code == 0, result.output
    folder = in_tmp / "articles" / "BWBR0001854"
    assert sorted(p.name for p in (folder / "273a").iterdir()) == [
        "2005-01-01.toml",
        "2005-01-01.txt",
        "2006-09-03.toml",
    ]
    version = read_version(folder / "273f" / "2006-09-03.toml")
    assert version.meta.renumbered_from == "273a"
    assert version.artikel is not None and version.artikel.number == "273f"
    assert "273f: 2006-09-03 (was 273a)?" in result.output
    assert "? = in-force date unverified" in result.output
    assert "Importing" in result.output  # the progress bar (on stderr)


def test_cli_reimport_is_unchanged_and_never_overwrites_an_edited_file(in_tmp: Path) -> None:
    assert _invoke("import", "bwb", *map(str, SERIES)).exit_code == 0
    again = _invoke("import", "bwb", *map(str, SERIES))
    assert again.exit_code == 0 and "0 file(s) written" in again.output
    edited = in_tmp / "articles" / "BWBR0001854" / "5" / "2004-12-11.txt"
    edited.write_text("Artikel 5\n\nMijn eigen aantekening.\n", encoding="utf-8")
    refused = _invoke("import", "bwb", *map(str, SERIES))
    assert refused.exit_code == 2
    assert "would overwrite" in refused.output and "--force" in refused.output
    assert edited.read_text(encoding="utf-8") == "Artikel 5\n\nMijn eigen aantekening.\n"
    forced = _invoke("import", "bwb", *map(str, SERIES), "--force")
    assert forced.exit_code == 0
    assert "Mijn eigen" not in edited.read_text(encoding="utf-8")


def test_cli_article_filter_and_json_output(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", *map(str, SERIES), "--article", "5", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data["articles"]) == ["5"]
    assert [v["in_force"] for v in data["articles"]["5"]] == [
        "2004-12-11",
        "2006-09-03",
        "2007-05-09",
    ]
    assert data["articles"]["5"][1]["links"][1]["target"] == "273a"
    assert not (in_tmp / "articles" / "BWBR0001854" / "273f").exists()
    assert data["warning_counts"] == {}


def test_cli_unknown_article_is_exit_2_and_nothing_written(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", *map(str, SERIES), "--article", "999z")
    assert result.exit_code == 2
    assert "artikel 999z is not in these files" in result.output
    assert not (in_tmp / "articles").exists()


def test_cli_refuses_to_write_outside_the_current_folder(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", str(SERIES[0]), "--out", "../elsewhere")
    assert result.exit_code == 2
    assert "outside" in result.output
    assert not (in_tmp.parent / "elsewhere").exists()


def test_cli_refuses_to_write_outside_the_workspace(in_tmp: Path) -> None:
    (in_tmp / "wetdiff.toml").write_text('name = "mijn werkruimte"\n', encoding="utf-8")
    sub = in_tmp / "notities"
    sub.mkdir()
    os.chdir(sub)
    inside = _invoke("import", "bwb", str(SERIES[0]), "--out", "../wet")
    assert inside.exit_code == 0, inside.output  # still inside the workspace
    outside = _invoke("import", "bwb", str(SERIES[0]), "--out", "../../wet")
    assert outside.exit_code == 2 and "outside the workspace" in outside.output


@pytest.mark.parametrize(
    "name", ["billion_laughs.xml", "external_entity.xml", "truncated.xml", "not_bwb.xml"]
)
def test_cli_hostile_xml_is_exit_2_and_nothing_written(in_tmp: Path, name: str) -> None:
    result = _invoke("import", "bwb", str(SERIES[0]), str(BWB / "hostile" / name))
    assert result.exit_code == 2
    assert name in result.output
    assert "Traceback" not in result.output
    assert not (in_tmp / "articles").exists()


def test_written_metadata_reads_back(in_tmp: Path) -> None:
    assert _invoke("import", "bwb", *map(str, SERIES)).exit_code == 0
    for toml in (in_tmp / "articles").rglob("*.toml"):
        VersionMeta.from_toml(toml.read_text(encoding="utf-8"), str(toml))


def test_toestand_format_dates_by_inwerking_and_repealed_articles_are_tombstones() -> None:
    series = import_series([BWB / "toestand.xml"])
    (current,) = series.versions["273f"]
    assert (current.meta.in_force, current.meta.certainty) == (dt.date(2013, 11, 15), "official")
    (gone,) = series.versions["273a"]
    assert gone.artikel is None
    assert (gone.meta.in_force, gone.meta.status) == (dt.date(2006, 9, 1), "vervallen")


def test_cli_imports_a_toestand_named_without_a_date(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", str(BWB / "toestand.xml"))
    assert result.exit_code == 0, result.output
    folder = in_tmp / "articles" / "BWBR0001854"
    assert (folder / "273f" / "2013-11-15.txt").is_file()
    assert sorted(p.name for p in (folder / "273a").iterdir()) == ["2006-09-01.toml"]


def test_in_a_workspace_each_in_force_date_becomes_a_commit(in_tmp: Path) -> None:
    from wetdiff.store.workspace import init_workspace, open_workspace

    init_workspace(in_tmp / "ws", name="import")
    os.chdir(in_tmp / "ws")
    result = _invoke("import", "bwb", *map(str, SERIES), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # 2004-12-11, 2005-01-01, 2005-01-04, 2006-09-03, 2007-05-09
    assert len(data["commits"]) == 5
    workspace = open_workspace(in_tmp / "ws")
    try:
        log = workspace.repo.log(["articles/BWBR0001854/273f"])
        assert [c.author_date.date() for c in log] == [dt.date(2006, 9, 3)]
        assert workspace.dirty_paths() == []
        again = _invoke("import", "bwb", *map(str, SERIES), "--format", "json")
        assert json.loads(again.output)["commits"] == []  # nothing new, nothing committed
    finally:
        workspace.close()


def test_cli_date_names_the_capture_of_an_undated_file(in_tmp: Path) -> None:
    undated = in_tmp / "sr.xml"
    undated.write_bytes(SERIES[-1].read_bytes())
    refused = _invoke("import", "bwb", str(undated))
    assert refused.exit_code == 2 and "--date" in refused.output
    assert not (in_tmp / "articles").exists()
    done = _invoke("import", "bwb", str(undated), "--date", "2007-05-09")
    assert done.exit_code == 0, done.output
    assert (in_tmp / "articles" / "BWBR0001854" / "5" / "2007-05-09.txt").is_file()


def test_cli_a_folder_stands_for_its_xml_files(in_tmp: Path) -> None:
    result = _invoke("import", "bwb", str(BWB / "series"), "--article", "273f")
    assert result.exit_code == 0, result.output
    assert "4 file(s)" in result.output
    empty = in_tmp / "leeg"
    empty.mkdir()
    refused = _invoke("import", "bwb", str(empty))
    assert refused.exit_code == 2 and "no .xml files" in refused.output
