"""``wetdiff check [PROPOSAL|law]``: is every change explained and every question answered?

Usable as a CI gate: exit 0 clean (honest gaps and warnings allowed), 1 findings, 2 bad
input (a file that does not parse: every such file is listed).
"""

from __future__ import annotations

import json
from typing import Any

import click

from wetdiff.cli.options import format_option
from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls

LAW = "law"


@click.command()
@click.argument("proposal", required=False, metavar="[PROPOSAL|law]")
@format_option("text", "json")
@click.option(
    "--gaps/--no-gaps",
    default=True,
    show_default=True,
    help="List the honest gaps (answered elsewhere, source not available).",
)
def command(proposal: str | None, output_format: str, gaps: bool) -> None:
    """Check a proposal's notes and questions against its changes (base → latest stage).

    Reports changes without a note (provision and words), orphaned notes, notes
    answering unknown question ids, questions that no change answers, notes that cite
    nothing without saying why, and review comments still open. Honest gaps (a question
    answered elsewhere, a note whose source is not available) are listed but do not fail
    the check.

    PROPOSAL 'law' checks the notes on the law's own history (the articles with a
    notes.toml); without PROPOSAL, every proposal and the law's history are checked.

    Exit code: 0 clean, 1 findings, 2 a file does not parse (all are listed).
    """
    from wetdiff.notes.check import CheckReport
    from wetdiff.notes.explain import check_law, check_proposal
    from wetdiff.notes.proposal import (
        ParseErrors,
        find_root,
        proposal_folder,
        proposal_ids,
    )
    from wetdiff.notes.review import with_review
    from wetdiff.store.layout import law_notes_files

    root = find_root()
    if proposal is None:
        targets = [*proposal_ids(root), *([LAW] if law_notes_files(root) else [])]
    else:
        if proposal != LAW:
            proposal_folder(root, proposal)
        targets = [proposal]
    reports: list[CheckReport] = []
    errors: list[WetdiffError] = []
    for target in targets:
        try:
            if target == LAW:
                reports.extend(check_law(root))
            else:
                reports.extend(with_review(check_proposal(root, target), root, target))
        except ParseErrors as exc:
            errors.extend(exc.errors)
        except WetdiffError as exc:  # a review file that does not parse
            errors.append(exc)
    fails = any(r.fails for r in reports)
    if output_format == "json":
        data: dict[str, Any] = {
            "schema": 1,
            "workspace": str(root),
            "ok": not fails and not errors,
            "errors": [
                {"message": e.what, "file": e.file, "line": e.line, "hint": e.hint} for e in errors
            ],
            "reports": [r.to_dict() for r in reports],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_report(report, gaps)
        total = sum(len([f for f in r.findings if f.fails]) for r in reports)
        if not errors and not reports:
            click.echo(
                "check: nothing to check (no proposal, and no article with a notes.toml)"
                if proposal is None
                else "check: nothing to check (no article has a notes.toml)"
            )
        elif not errors:
            click.echo(
                "check: clean"
                if not total
                else f"check: {total} finding{'s' if total != 1 else ''}"
            )
    if errors:
        raise ParseErrors(errors)
    if fails:
        raise click.exceptions.Exit(1)


def _print_report(report: Any, gaps: bool) -> None:
    failing = [f for f in report.findings if f.fails]
    head = (
        f"{report.subject}: {report.old} → {report.new}: {report.changes} changes, "
        f"{report.notes} notes, {len(failing)} findings"
    )
    click.echo(visible_controls(head))
    if report.illustrative:
        click.echo(visible_controls(f"  [{report.illustrative}]"))
    for finding in failing:
        where = f" [{finding.file}:{finding.line}]" if finding.file and finding.line else ""
        if finding.change:  # what 'wetdiff note add --change ID' takes
            where += f" [change {finding.change[:8]}]"
        click.echo(visible_controls(f"  ✗ {finding.kind}: {finding.message}{where}"))
    if gaps:
        for gap in report.gaps:
            click.echo(visible_controls(f"  ○ {gap.kind}: {gap.message}"))
    for warning in report.warnings:
        click.echo(visible_controls(f"  ! warning: {warning}"))
