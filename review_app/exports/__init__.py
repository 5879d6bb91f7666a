"""Reviews as documents: SARIF 2.1.0 for code-scanning dashboards, Markdown for pull requests, JSON.

Plain functions over finished results, shared by the REST API, the pages and the `review-app`
command line (which puts the reviews of many files into one document).
"""

from review_app.exports.documents import ExportFormat, FileReview
from review_app.exports.render import render_export

__all__ = ["ExportFormat", "FileReview", "render_export"]
