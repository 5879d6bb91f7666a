"""Helpers shared by test suites: real servers the code under test can talk to."""
