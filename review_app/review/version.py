"""The version of the analysis, which changes whenever the same code could get another review."""

from importlib.metadata import version

# Bump when prompts, rule selections, mappings or scoring change.
PIPELINE_VERSION = "1"

_ANALYZER_PACKAGES = (
    "ruff",
    "bandit",
    "radon",
    "lizard",
    "tree-sitter",
    "tree-sitter-python",
    "tree-sitter-javascript",
    "tree-sitter-typescript",
    "tree-sitter-go",
    "tree-sitter-java",
)

ANALYZER_VERSION = f"{PIPELINE_VERSION}+" + ";".join(
    f"{package}={version(package)}" for package in _ANALYZER_PACKAGES
)
