"""Fixtures for the terminal UI: a small workspace in tmp_path, and a pinned environment
(theme, size, locale, no cursor blink, no user config), so Pilot and snapshot tests see
the same screen on every machine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from tui_helpers import SIZE, THEME, build_workspace, recording, wait_ready

from wetdiff.tui.app import WetdiffApp, make_app


@pytest.fixture(autouse=True)
def _pinned_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same screen everywhere: no cursor blink, no animation, no colour overrides, no
    user theme, a fixed locale, no editor of the user's."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)
    for name in (
        "NO_COLOR",
        "TEXTUAL_THEME",
        "WETDIFF_THEME",
        "WETDIFF_WORKSPACE",
        "TEXTUAL_COLOR_SYSTEM",
        "VISUAL",
        "EDITOR",
        "COLUMNS",
        "LINES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(scope="session")
def _workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    # The session-scoped build runs before the per-test isolation: give git an identity.
    os.environ.setdefault("GIT_AUTHOR_NAME", "Test Jurist")
    os.environ.setdefault("GIT_AUTHOR_EMAIL", "jurist@example.org")
    os.environ.setdefault("GIT_COMMITTER_NAME", "Test Jurist")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "jurist@example.org")
    return build_workspace(tmp_path_factory.mktemp("template") / "ws")


@pytest.fixture
def workspace(tmp_path: Path, _workspace_template: Path) -> Path:
    """A fresh copy of the fixture workspace (git history included) for each test."""
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(_workspace_template, root, symlinks=True)
    return root


@pytest.fixture
def app_factory(workspace: Path) -> Callable[..., WetdiffApp]:
    def factory(old: str | None = None, new: str | None = None) -> WetdiffApp:
        return make_app(old, new, workspace=workspace, theme=THEME)

    return factory


@pytest.fixture
def run_app() -> Callable[..., object]:
    """``run_app(app, scenario)``: run the app headless until the comparison is shown,
    then ``await scenario(pilot)``; returns what the scenario returns. (Tests stay
    synchronous: no asyncio plugin needed.) ``toasts``: draw notifications on screen
    (Textual's tests leave them off)."""
    import asyncio

    def run(
        app: WetdiffApp,
        scenario: Callable[..., object],
        *,
        size: tuple[int, int] = SIZE,
        message_hook: Callable[..., None] | None = None,
        toasts: bool = False,
    ) -> object:
        async def main() -> object:
            hook = recording(app, message_hook)
            async with app.run_test(size=size, message_hook=hook, notifications=toasts) as pilot:
                await wait_ready(pilot)
                return await scenario(pilot)  # type: ignore[misc]

        return asyncio.run(main())

    return run
