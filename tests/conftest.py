"""Shared fixtures: keep the user's own environment out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's data folder, config or git identity."""
    data = tmp_path_factory.mktemp("wetdiff-data")
    monkeypatch.setenv("WETDIFF_DATA_DIR", str(data))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Jurist")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "jurist@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test Jurist")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "jurist@example.org")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(data))
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
