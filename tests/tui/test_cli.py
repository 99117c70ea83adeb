"""``wetdiff`` (no arguments), ``wetdiff tui`` and ``wetdiff serve``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from wetdiff.cli import cli
from wetdiff.tui.app import WetdiffApp


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[WetdiffApp]:
    """Record the apps the CLI would run, instead of taking over the terminal."""
    started: list[WetdiffApp] = []
    monkeypatch.setattr(WetdiffApp, "run", lambda self, **kw: started.append(self))
    monkeypatch.setattr("wetdiff.cli.commands.tui.need_terminal", lambda: None)  # as on one
    return started


def test_wetdiff_without_arguments_opens_the_tui_on_the_default_comparison(runs) -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 0, result.output
    assert len(runs) == 1
    assert (runs[0].old_spec, runs[0].new_spec) == (None, None)  # workspace defaults


def test_wetdiff_tui_takes_two_versions_and_a_theme(runs, workspace: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "tui",
            "law@2013-11-15",
            "36547/nr2",
            "--workspace",
            str(workspace),
            "--theme",
            "ansi-dark",
        ],
    )
    assert result.exit_code == 0, result.output
    app = runs[0]
    assert (app.old_spec, app.new_spec, app.theme) == ("law@2013-11-15", "36547/nr2", "ansi-dark")
    assert app.session.root == workspace.resolve()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_with_the_page_on_localhost_only(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "wetdiff", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        page = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    page = reply.read().decode("utf-8")
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        assert "<html" in page.lower() and "wetdiff" in page
        with socket.socket() as other:  # not reachable on another interface address
            assert other.connect_ex(("127.0.0.2", port)) != 0
    finally:
        process.kill()
        process.wait(timeout=10)


def test_serve_on_a_port_in_use_is_one_message_and_exit_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "wetdiff", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert f"port {port}" in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_theme_is_one_message_and_exit_2(workspace: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wetdiff",
            "tui",
            "--workspace",
            str(workspace),
            "--theme",
            "no-such-theme",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "unknown theme 'no-such-theme'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_workspace_option_that_is_no_workspace_is_one_message_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wetdiff", "tui", "--workspace", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "not a wetdiff workspace" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [[], ["tui"]], ids=["wetdiff", "wetdiff tui"])
def test_without_a_terminal_the_tui_says_so_and_does_not_start(
    workspace: Path, args: list[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wetdiff", *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "the terminal UI needs a terminal, and its output is not one" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
