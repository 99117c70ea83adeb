"""The header: which two versions are compared, each with its date, and the label of an
illustrative text (a draft written for the example is never passed off as official)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wetdiff.model.normalise import visible_controls
from wetdiff.model.version import Version


def version_line(side: str, version: Version) -> Content:
    date = version.when() or "date: gap"  # the law beyond its data: its text's date
    parts: list[Content] = [
        Content.styled(f" {side} ", "reverse bold"),
        Content(" "),
        Content.styled(visible_controls(version.label), "bold"),
        Content(f"  {date}  "),
    ]
    if version.illustrative:
        parts.append(Content.styled(f"⚠ {visible_controls(version.illustrative)}  ", "bold italic"))
    parts.append(Content.styled(visible_controls(version.title), "dim"))
    return Content.assemble(*parts)


def provisional_line(articles: tuple[str, ...], total: int = 0) -> Content:
    """Says that what is shown is not the whole comparison yet, and how it differs; no
    ``articles``: nothing is compared yet (the texts are being read)."""
    whole = f"comparing the whole code ({total} articles)…" if total else "comparing…"
    if not articles:
        shown = " reading the texts"
    else:
        span = f"artikel {articles[0]}" + (f"–{articles[-1]}" if len(articles) > 1 else "")
        shown = (
            f" shown so far: {span}, the first articles that changed, each against the "
            "article of the same number (moves between articles not yet seen)"
        )
    return Content.assemble(
        Content.styled(" PROVISIONAL ", "reverse bold"), Content(f" {whole}{shown}")
    )


class VersionsHeader(Static):
    """Two lines: left version, right version (as the columns below are drawn); a third
    while a whole code is still being compared."""

    DEFAULT_CSS = """
    VersionsHeader {
        height: 2; background: $panel; color: $foreground; padding: 0 1;
        text-wrap: nowrap; text-overflow: ellipsis;
        &.-provisional { height: 3; }
    }
    """

    def show(
        self,
        old: Version,
        new: Version,
        *,
        swapped: bool = False,
        provisional: tuple[str, ...] = (),
        articles: int = 0,
        loading: int = 0,
    ) -> None:
        """``old`` is version A, ``new`` version B; the first line is the left column.
        ``provisional``: the only articles compared so far (see ``Comparison``), of
        ``articles`` in all; ``loading``: none compared yet, of that many articles."""
        lines = [version_line("A", old), version_line("B", new)]
        if swapped:
            lines.reverse()
        if provisional or loading:
            lines.append(provisional_line(provisional, articles or loading))
        self.set_class(bool(provisional or loading), "-provisional")
        self.update(Content("\n").join(lines))
