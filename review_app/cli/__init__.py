"""`review-app`: review files from a terminal or a CI job, through the REST API or offline."""
