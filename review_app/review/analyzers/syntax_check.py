"""Tree-sitter syntax check for every language: ERROR and MISSING nodes become bug findings."""

from collections.abc import Iterator

from tree_sitter import Node

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.models import Category, Finding, Severity
from review_app.review.parsing import parse

NAME = "syntax"

# One broken construct often cascades into more ERROR nodes; the first few locate the problem.
_MAX_SYNTAX_FINDINGS = 10
_SNIPPET_CHARS = 40


def analyze(file: SourceFile) -> AnalyzerOutput:
    """Report where the code fails to parse."""
    source = file.code.encode("utf-8")
    tree = parse(file.code, file.language)
    findings = []
    for node in _broken_nodes(tree.root_node):
        findings.append(_finding(node, source))
        if len(findings) == _MAX_SYNTAX_FINDINGS:
            break
    return AnalyzerOutput(findings=findings)


def _broken_nodes(root: Node) -> Iterator[Node]:
    """ERROR and MISSING nodes in source order, without descending into an ERROR node.

    Iterative, because deeply nested input would overflow Python's recursion limit.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            yield node
        elif node.has_error:
            stack.extend(reversed(node.children))


def _finding(node: Node, source: bytes) -> Finding:
    """A finding at the node's start, with the column counted in characters."""
    row, byte_column = node.start_point
    line_start = node.start_byte - byte_column
    column = len(source[line_start : node.start_byte].decode("utf-8", errors="replace")) + 1
    if node.is_missing:
        title = f"Syntax error: missing `{node.type}`"
    else:
        text = source[node.start_byte : node.end_byte].decode("utf-8", errors="replace")
        snippet = text.strip().splitlines()[0][:_SNIPPET_CHARS] if text.strip() else node.type
        title = f"Syntax error near `{snippet}`"
    return Finding(
        title=title,
        detail="The parser cannot make sense of the code here; other findings may be incomplete.",
        severity=Severity.HIGH,
        category=Category.BUG,
        line=row + 1,
        column=column,
        rule="syntax-error",
        sources=[NAME],
    )


ANALYZER = Analyzer(
    name=NAME,
    description="tree-sitter parse of every language: where the code does not parse",
    run=per_file(analyze),
    categories=frozenset({Category.BUG}),
    packages=(
        "tree-sitter",
        "tree-sitter-python",
        "tree-sitter-javascript",
        "tree-sitter-typescript",
        "tree-sitter-go",
        "tree-sitter-java",
    ),
)
