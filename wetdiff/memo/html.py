"""The memo as one self-contained, printable HTML file (no external CSS, fonts or
scripts). Jinja2 with autoescape: statute text, notes and questions are always text, so
``<script>`` in any of them is shown, never run."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from wetdiff.memo.labels import labels
from wetdiff.memo.model import Memo
from wetdiff.memo.rationale import to_html


def rationale(text: str, label: str) -> Markup:
    """A rationale (Markdown) as HTML, headed by its label: markdown-it with raw HTML
    off escapes every text, so ``<script>`` in a note is shown, never run."""
    html = to_html(text)
    head = Markup("<strong>{}:</strong>").format(escape(label))
    if html.startswith("<p>"):
        return Markup("<p>") + head + Markup(" ") + Markup(html[3:])
    return Markup("<p>") + head + Markup("</p>\n") + Markup(html)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("wetdiff.memo", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["rationale"] = rationale
    return environment


def render_html(memo: Memo) -> str:
    template = _environment().get_template("memo.html.j2")
    places = {q.id: _places(memo, q.answered_by) for q in memo.questions}
    return template.render(
        memo=memo, t=labels(memo.lang), places=places, changes=memo.changes_by_id()
    )


def _places(memo: Memo, change_ids: tuple[str, ...]) -> list[str]:
    """The onderdelen that make the changes answering a question, each once."""
    found = (memo.onderdeel_of(i) for i in change_ids)
    return list(dict.fromkeys(o.title for o in found if o is not None))
