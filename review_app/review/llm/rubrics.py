"""One rubric from the rubrics of several parts of a file, weighted by the lines each saw."""

from review_app.review.models import Rubric, RubricScore


def average_rubric(parts: list[tuple[Rubric | None, int]]) -> Rubric | None:
    """The line-weighted mean mark per dimension (reasons of the largest part); None if none."""
    rated = [(rubric, lines) for rubric, lines in parts if rubric is not None and lines > 0]
    if not rated:
        return None
    total = sum(lines for _, lines in rated)
    largest = max(rated, key=lambda item: item[1])[0]
    marks = {}
    for dimension in Rubric.model_fields:
        mean = sum(getattr(rubric, dimension).score * lines for rubric, lines in rated) / total
        reason = getattr(largest, dimension).reason
        marks[dimension] = RubricScore(score=round(mean), reason=reason)
    return Rubric(**marks)
