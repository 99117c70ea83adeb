"""Opening reads only what the first screen shows: a whole code's changed articles first
(no other text read), its headings from the folder listings, and no GitPython, lxml,
python-docx or Jinja loaded before the first comparison is on screen."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tui_helpers import SIZE, build_workspace, screen_text

from wetdiff.model.files import VersionMeta
from wetdiff.store.snapshot import DiskSnapshot
from wetdiff.tui.app import make_app
from wetdiff.tui.data import Comparison
from wetdiff.tui.screens.main import MainScreen

EXTRA = 120  # articles 1..120, before 273f: a code's worth of unchanged articles


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture workspace with a hundred and twenty more articles in the law, all
    numbered before 273f and none changed by the proposal."""
    from wetdiff.store.workspace import open_workspace

    root = build_workspace(tmp_path_factory.mktemp("code") / "ws")
    paths = []
    for n in range(1, EXTRA + 1):
        folder = root / f"articles/BWBR0001854/{n}"
        folder.mkdir(parents=True)
        (folder / "2013-11-15.txt").write_text(
            f"Artikel {n}\n\n1. Hij die artikel {n} overtreedt, wordt gestraft met "
            "geldboete van de eerste categorie.\n",
            encoding="utf-8",
        )
        meta = VersionMeta(str(n), dt.date(2013, 11, 15), bwb_id="BWBR0001854")
        (folder / "2013-11-15.toml").write_text(meta.to_toml(), encoding="utf-8")
        paths += [f"articles/BWBR0001854/{n}/2013-11-15.{ext}" for ext in ("txt", "toml")]
    open_workspace(root).repo.commit(paths, "More articles\n")
    return root


@pytest.fixture
def texts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article texts (``.txt``) read from disk, in order."""
    read: list[str] = []
    original = DiskSnapshot.read

    def counting(self, rel):  # type: ignore[no-untyped-def]
        if rel.endswith(".txt"):
            read.append(rel)
        return original(self, rel)

    monkeypatch.setattr(DiskSnapshot, "read", counting)
    return read


def test_an_outline_reads_no_text_and_a_part_only_its_articles(code, texts_read) -> None:
    from wetdiff.store.versions import outline, resolve
    from wetdiff.store.workspace import open_workspace

    workspace = open_workspace(code)
    law, draft = outline("law@2024-04-25", workspace), outline("36547/nr2", workspace)
    assert texts_read == []
    assert len(law.files) == EXTRA + 2 and len(draft.files) == EXTRA + 3
    changed = {nr for nr in draft.files if law.files.get(nr) != draft.files.get(nr)}
    assert changed == {"273f", "273fa"}
    part = resolve("36547/nr2", workspace, only=("273f", "273fa"))
    assert [a.number for a in part.artikelen] == ["273f", "273fa"]
    assert all(rel.split("/")[-2] in ("273f", "273fa") or "273f" in rel for rel in texts_read)
    whole = resolve("36547/nr2", workspace)
    assert (
        (part.title, part.date)
        == (whole.title, whole.date)
        == (
            draft.version.title,
            draft.version.date,
        )
    )
    assert resolve("law@2024-04-25", workspace, only=()).title == law.version.title


def test_a_proposal_against_a_whole_code_opens_at_its_first_change(code, texts_read) -> None:
    steps: list[Comparison] = []
    read_first: list[str] = []

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        if isinstance(message, MainScreen.Loaded) and isinstance(message.comparison, Comparison):
            if not steps:  # the worker waits for this step to be shown: nothing read since
                read_first.extend(texts_read)
            steps.append(message.comparison)

    app = make_app("law@2024-04-25", "36547/nr2", workspace=code)

    async def main() -> None:
        import asyncio

        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
            for _ in range(500):
                if screen.ready:
                    break
                await asyncio.sleep(0.01)
            await pilot.pause()
            change = screen.selected_change
            assert change is not None and change.provision.locatie.key == "273f/1"
            assert "{+vijftien+}" in screen_text(app)

    import asyncio

    asyncio.run(main())
    first = steps[0]
    assert first.is_provisional and first.provisional == ("273f", "273fa")
    # the first step read the changed articles (on each side), no other text
    assert read_first and all(rel.split("/")[-2] in ("273f", "nr2") for rel in read_first)
    assert len(texts_read) > EXTRA  # the whole comparison, after it, read the rest
    assert not steps[-1].is_provisional and len(steps[-1].changes) > EXTRA


def test_the_first_screen_loads_no_git_xml_docx_or_templates(workspace: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        from wetdiff.tui.app import make_app
        from wetdiff.tui.screens.main import MainScreen

        app = make_app("law@2024-04-25", "36547/nr2", workspace=Path({str(workspace)!r}))

        async def main():
            async with app.run_test(size=(120, 36)) as pilot:
                screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
                for _ in range(2000):
                    if screen.comparison is not None:
                        break
                    await asyncio.sleep(0.005)
                assert screen.comparison is not None
                loaded = sorted(m for m in ("git", "lxml", "docx", "jinja2") if m in sys.modules)
                print("loaded:", ",".join(loaded))

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert "loaded: \n" in done.stdout, done.stdout
