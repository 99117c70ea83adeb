"""Shared fixtures: keep the user's own environment out of every test."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def _worked_example_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped worked example (the whole Wetboek van Strafrecht and bill 36 547),
    built once per test run as a first run builds it, in a data folder of its own."""
    import os

    from wetdiff.store.example import ENV_DATA_DIR, ensure_example

    data = tmp_path_factory.mktemp("worked-example-data")
    before = os.environ.get(ENV_DATA_DIR)
    os.environ[ENV_DATA_DIR] = str(data)
    try:
        ensure_example()
    finally:
        if before is None:
            del os.environ[ENV_DATA_DIR]
        else:
            os.environ[ENV_DATA_DIR] = before
    return data


@pytest.fixture
def worked_example(_worked_example_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run outside any workspace on the shipped example, built once for all the tests
    that read it (they must not write into it: copy it with ``wetdiff init --example``
    first)."""
    from wetdiff.store.example import ENV_DATA_DIR

    monkeypatch.setenv(ENV_DATA_DIR, str(_worked_example_data))
    (folder,) = _worked_example_data.glob("example-*")
    return folder


@pytest.fixture
def fresh_store() -> Iterator[None]:
    """After the test, no workspace or repository stays open (each test builds its own)."""
    from store_helpers import forget_open_workspaces

    yield
    forget_open_workspaces()


@pytest.fixture
def store_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_store: None) -> Path:
    """A copy of the store's fixture workspace (36547 with its history), the current folder."""
    from store_helpers import build

    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root
