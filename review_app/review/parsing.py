"""Tree-sitter parsers of the five languages, loaded once per process, and what they tell us."""

from collections.abc import Callable
from functools import cache

import tree_sitter_go
import tree_sitter_java
import tree_sitter_javascript
import tree_sitter_python
import tree_sitter_typescript
from tree_sitter import Language, Parser, Tree

_GRAMMARS: dict[str, Callable[[], object]] = {
    "python": tree_sitter_python.language,
    "javascript": tree_sitter_javascript.language,
    "typescript": tree_sitter_typescript.language_typescript,
    "go": tree_sitter_go.language,
    "java": tree_sitter_java.language,
}


@cache
def _grammar(language: str) -> Language:
    return Language(_GRAMMARS[language]())


def parse(code: str, language: str) -> Tree:
    """The syntax tree of `code` (tree-sitter recovers from errors: it always answers)."""
    return Parser(_grammar(language)).parse(code.encode("utf-8"))


def top_level_starts(code: str, language: str) -> list[int]:
    """The 1-based first line of every top-level definition or statement, in order.

    A Java or Go file's top level is mostly one class or many functions; a class's members are
    its parts when the class is all there is, so a long class still splits between methods.
    """
    root = parse(code, language).root_node
    nodes = [node for node in root.named_children if node.type != "comment"]
    if len(nodes) <= 2:  # package + one class, or one class: look inside the class body
        bodies = [child for node in nodes for child in node.named_children if "body" in child.type]
        if bodies:
            nodes = nodes[:-1] + [member for body in bodies for member in body.named_children]
    return sorted({node.start_point[0] + 1 for node in nodes})
