"""The memo as one self-contained, printable HTML file (no external CSS, fonts or
scripts). Jinja2 with autoescape: statute text, notes and questions are always text, so
``<script>`` in any of them is shown, never run."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from wetdiff.memo.labels import labels
from wetdiff.memo.model import Memo


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("wetdiff.memo", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(memo: Memo) -> str:
    template = _environment().get_template("memo.html.j2")
    numbers = {c.id: i for i, c in enumerate(memo.changes, 1)}
    return template.render(memo=memo, t=labels(memo.lang), numbers=numbers)
