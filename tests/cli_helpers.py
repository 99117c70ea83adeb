"""Running the CLI in-process, as a lawyer's shell would, for every test that needs it."""

from __future__ import annotations

import pytest

from wetdiff.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``wetdiff ARGS`` in-process: (exit code, stdout, stderr)."""
    try:
        code = int(main(list(args)) or 0)
    except SystemExit as done:
        code = int(done.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
