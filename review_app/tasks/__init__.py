"""Celery tasks: thin wrappers that take ids and call plain-Python services."""
