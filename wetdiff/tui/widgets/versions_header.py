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


def provisional_line(articles: tuple[str, ...]) -> Content:
    """Says that what is shown is not the comparison yet, and how it differs."""
    span = f"artikel {articles[0]}"
    if len(articles) > 1:
        span += f"–{articles[-1]}"
    return Content.assemble(
        Content.styled(" PROVISIONAL ", "reverse bold"),
        Content(
            f" comparing the whole code… {span} only, paired by number "
            "(moves between articles not yet seen)"
        ),
    )


class VersionsHeader(Static):
    """Two lines: left version, right version (as the columns below are drawn); a third
    while only a provisional comparison is shown."""

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
    ) -> None:
        """``old`` is version A, ``new`` version B; the first line is the left column.
        ``provisional``: the only articles compared so far (see ``Comparison``)."""
        lines = [version_line("A", old), version_line("B", new)]
        if swapped:
            lines.reverse()
        if provisional:
            lines.append(provisional_line(provisional))
        self.set_class(bool(provisional), "-provisional")
        self.update(Content("\n").join(lines))
