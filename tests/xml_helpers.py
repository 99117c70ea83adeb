"""Publications generated from the officiële publicaties vocabulary, for the hypothesis
tests that no publication crashes a reader: any tree of the given element names, with
any of the given texts, under ``<officiele-publicatie>``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from lxml import etree

Node = tuple[str, str, Any]


def trees(tags: list[str], words: list[str], *, max_leaves: int = 25) -> st.SearchStrategy[Node]:
    tag, text = st.sampled_from(tags), st.sampled_from(words)
    return st.recursive(
        st.tuples(tag, text, st.just(())),
        lambda children: st.tuples(tag, text, st.lists(children, max_size=4)),
        max_leaves=max_leaves,
    )


def publication(node: Node, attributes: Callable[[etree._Element], None] | None = None) -> bytes:
    """The XML of ``node`` under an ``officiele-publicatie`` root; ``attributes`` may add
    the attributes an element of that name carries."""

    def build(item: Node) -> etree._Element:
        tag, text, children = item
        element = etree.Element(tag)
        element.text = text
        if attributes is not None:
            attributes(element)
        for child in children:
            element.append(build(child))
        return element

    root = etree.Element("officiele-publicatie")
    root.append(build(node))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
