"""Business logic: plain Python shared by the REST API and the Reflex pages."""
