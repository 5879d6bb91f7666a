"""The REST API: a FastAPI app mounted into the Reflex backend."""
