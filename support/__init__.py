"""Helpers the test suites share: real services, real processes."""
