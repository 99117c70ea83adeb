"""Writing the memo is one workflow: ``wetdiff memo`` and the TUI's ``m`` take the same
format from the file's name, refuse the same mistakes with the same words, and say the
same thing when done."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from wetdiff.errors import WetdiffError
from wetdiff.tui.data import Session


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("memo.txt", "cannot tell the memo's format from the name 'memo.txt'"),
        ("missing/memo.md", "the folder to write the memo in does not exist"),
    ],
)
def test_the_cli_and_the_tui_refuse_a_memo_file_alike(
    store_workspace: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    target = store_workspace / name
    code, _, err = run(capsys, "memo", "law@2013-11-15", "36547/nr2", "-o", str(target))
    assert code == 2 and message in err
    session = Session(store_workspace)
    comparison = session.compare("law@2013-11-15", "36547/nr2")
    with pytest.raises(WetdiffError) as refused:
        session.write_memo(comparison, target)
    assert message in str(refused.value)
    assert not target.exists()


def test_the_cli_and_the_tui_write_the_same_memo_and_say_the_same(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_cli, by_tui = store_workspace / "cli.md", store_workspace / "tui.md"
    code, _, err = run(
        capsys, "memo", "law@2013-11-15", "36547/nr2", "-o", str(by_cli), "--author", "J. Jurist"
    )
    assert code == 0
    session = Session(store_workspace)
    summary = session.write_memo(
        session.compare("law@2013-11-15", "36547/nr2"), by_tui, author="J. Jurist"
    )
    assert err.strip() == summary.replace(str(by_tui), str(by_cli))
    assert "change(s)" in summary and "wijzigingsopdrachten" in summary

    def body(path: Path) -> list[str]:  # the date it was made differs by a second or so
        return [line for line in path.read_text(encoding="utf-8").splitlines() if "20" not in line]

    assert body(by_cli) == body(by_tui)
