"""The version of the analysis, which changes whenever the same code could get another review."""

from collections.abc import Sequence

from review_app.review.analyzers import registry
from review_app.review.analyzers.analyzer import Analyzer

# Bump when prompts, rule selections, mappings, scoring or what the engines read change
# (3: TypeScript read with call type arguments blanked).
PIPELINE_VERSION = "3"


def analyzer_version(analyzers: Sequence[Analyzer] | None = None) -> str:
    """The pipeline version and every registered analyzer's name and tool versions."""
    analyzers = registry.ANALYZERS if analyzers is None else analyzers
    return f"{PIPELINE_VERSION}+" + ";".join(
        f"{analyzer.name}:{analyzer.version()}" for analyzer in analyzers
    )
