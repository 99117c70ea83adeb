"""The tree of articles and provisions, each with its change marker.

Articles are added at once (a thousand nodes are cheap); their provisions only when an
article is opened, so a whole code's tree is built in a blink. Labels are rich ``Text``
built from the statute's own words: never markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from wetdiff.tui.layout import DiffDocument, kind_symbol

FIRST_ARTICLES = 80  # listed before the first paint; a whole code's rest right after

_STYLE = {"inserted": "green", "deleted": "red", "unchanged": "dim"}


def article_marker(kinds: set[str]) -> str:
    """One symbol for an article: + all new, - all gone, ~ something changed."""
    changed = kinds - {"unchanged"}
    if not changed:
        return " "
    if kinds == {"inserted"}:
        return "+"
    if kinds == {"deleted"}:
        return "-"
    return "~"


class ArticleTree(Tree[tuple[str, Any]]):
    """Articles → provisions. Node data: ``("artikel", nr)`` or ``("change", index)``."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    DEFAULT_CSS = """
    ArticleTree { width: 28; border-right: solid $primary; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("Articles", data=("root", None), **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._document: DiffDocument | None = None
        self._children: dict[str, list[int]] = {}
        self.article_nodes: dict[str, TreeNode[tuple[str, Any]]] = {}
        self._expanded: set[str] = set()
        self._bulk = False

    def _invalidate(self) -> None:
        # Adding a code's thousand articles one by one would invalidate the tree a
        # thousand times; while filling it, once at the end is enough.
        if not getattr(self, "_bulk", False):
            super()._invalidate()

    def show(self, document: DiffDocument) -> None:
        """List the document's articles: the first ones at once, a whole code's rest
        right after the first paint. Articles the lawyer had opened stay open."""
        self._expanded = {nr for nr, node in self.article_nodes.items() if node.is_expanded}
        self._document = document
        self.clear()
        self.article_nodes = {}
        children: dict[str, list[int]] = {}
        order: list[str] = []
        for block in document.blocks:
            if block.change < 0:
                if block.artikel not in children:
                    order.append(block.artikel)
                    children[block.artikel] = []
            else:
                children[block.artikel].append(block.change)
        self._children = children
        self._fill(document, order[:FIRST_ARTICLES])
        if len(order) > FIRST_ARTICLES:
            self.call_after_refresh(self._fill, document, order[FIRST_ARTICLES:])

    def _fill(self, document: DiffDocument, articles: list[str]) -> None:
        if document is not self._document:
            return  # another comparison is shown by now
        changes = document.changes
        self._bulk = True
        try:
            for artikel in articles:
                kinds = {changes[i].kind for i in self._children[artikel]}
                marker = article_marker(kinds)
                label = Text.assemble((f"{marker} ", "bold"), f"Artikel {artikel}")
                if marker == " ":
                    label.stylize("dim")
                node = self.root.add(label, data=("artikel", artikel), allow_expand=True)
                self.article_nodes[artikel] = node
                if artikel in self._expanded:
                    self._add_provisions(node)
                    node.expand()
        finally:
            self._bulk = False
        self._invalidate()

    def follow(self, change: int, artikel: str) -> None:
        """Put the tree's cursor where the text is: on the change's own entry if its
        article is open, else on the article (the tree scrolls along)."""
        node = self.article_nodes.get(artikel)
        if node is None:
            return
        if node.is_expanded:
            node = next((c for c in node.children if c.data == ("change", change)), node)
        if self.cursor_node is not node:
            self.move_cursor(node, animate=False)
            self.scroll_to_node(node, animate=False)

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[tuple[str, Any]]) -> None:
        self._add_provisions(event.node)

    def _add_provisions(self, node: TreeNode[tuple[str, Any]]) -> None:
        if node.data is None or node.data[0] != "artikel" or node.children:
            return
        assert self._document is not None
        changes = self._document.changes
        for index in self._children.get(node.data[1], []):
            change = changes[index]
            provision = change.provision
            key = provision.locatie.key.partition("/")[2] or provision.locatie.key
            snippet = provision.text[:40]
            label = Text.assemble(
                (f"{kind_symbol(change)} ", "bold"),
                (key, "bold"),
                " ",
                snippet,
                style=_STYLE.get(change.kind, ""),
            )
            node.add_leaf(label, data=("change", index))
