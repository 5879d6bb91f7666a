"""What every analyzer returns."""

from dataclasses import dataclass, field

from review_app.review.models import Finding


@dataclass(frozen=True)
class AnalyzerOutput:
    """Findings plus metrics named after `CodeMetrics` fields."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float | int] = field(default_factory=dict)
