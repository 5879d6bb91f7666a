"""Requests and answers checked against a published OpenAPI 3.0 description, for stand-ins of
services the tests cannot reach (GitHub): the operation must exist, its path and query
parameters and its JSON body must match; the stand-in's own answers are checked too, so its
data is as the real service's would be. OpenAPI's `nullable` becomes JSON Schema's null type."""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:api-description"  # its internal references are made absolute to it
OCTOKIT = Path(__file__).parent / "octokit" / "node_modules" / "@octokit"
GITHUB_DESCRIPTION = OCTOKIT / "openapi" / "generated" / "api.github.com.json"


@dataclass(frozen=True)
class Operation:
    """One operation of the description, matched to a request."""

    template: str
    method: str
    spec: dict[str, Any]
    path_params: dict[str, str]


class ApiDescription:
    """An OpenAPI document, ready to match and check requests and answers."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = _as_json_schema(document)
        resource = Resource(contents=self.document, specification=DRAFT202012)
        self._registry = Registry().with_resource(DOCUMENT_URI, resource)
        self._routes = [
            (template, _template_regex(template), methods)
            for template, methods in self.document["paths"].items()
        ]

    def operation(self, method: str, path: str) -> Operation | None:
        """The operation `method` `path` stands for, most specific template first; None: none."""
        matches = []
        for template, pattern, methods in self._routes:
            found = pattern.fullmatch(path)
            if found and method.lower() in methods:
                literal = len(re.sub(r"\{[^}]+\}", "", template))
                matches.append((literal, template, methods[method.lower()], found.groupdict()))
        if not matches:
            return None
        _, template, spec, params = max(matches, key=lambda match: match[0])
        return Operation(template, method.upper(), spec, params)

    def request_problems(
        self, operation: Operation, query: dict[str, str], body: Any | None
    ) -> list[str]:
        """What in the request the description does not allow."""
        problems = []
        parameters = [self._resolved(p) for p in operation.spec.get("parameters", [])]
        known = {p["name"]: p for p in parameters}
        for name, value in query.items():
            parameter = known.get(name)
            if parameter is None or parameter["in"] != "query":
                problems.append(f"unknown query parameter {name!r}")
            else:
                schema = parameter.get("schema", {})
                problems += self._problems(schema, _typed(value, schema), name)
        for parameter in parameters:
            if (
                parameter["in"] == "query"
                and parameter.get("required")
                and parameter["name"] not in query
            ):
                problems.append(f"missing query parameter {parameter['name']!r}")
        schema = (
            self._resolved(operation.spec.get("requestBody", {}))
            .get("content", {})
            .get("application/json", {})
            .get("schema")
        )
        if schema is not None:
            problems += self._problems(schema, body, "body")
        elif body is not None:
            problems.append("a body the operation does not take")
        return problems

    def answer_problems(self, operation: Operation, status: int, body: Any) -> list[str]:
        """What in the stand-in's answer the description does not allow."""
        answer = self._resolved(operation.spec["responses"].get(str(status), {}))
        schema = answer.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return [f"status {status} is not described"] if not answer else []
        return self._problems(schema, body, f"answer {status}")

    def example(self, name: str) -> Any:
        """A named example of the description (components/examples), a fresh copy."""
        return json.loads(json.dumps(self.document["components"]["examples"][name]["value"]))

    def _resolved(self, item: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in item:
            item = self._registry.resolver().lookup(item["$ref"]).contents
        return item

    def _problems(self, schema: dict[str, Any], value: Any, where: str) -> list[str]:
        validator = Draft202012Validator(schema, registry=self._registry)
        return [
            f"{where}{''.join(f'[{p!r}]' for p in error.absolute_path)}: {error.message}"
            for error in validator.iter_errors(value)
        ]


@cache
def github_description() -> ApiDescription:
    """GitHub's REST API as @octokit/openapi publishes it."""
    return ApiDescription(json.loads(GITHUB_DESCRIPTION.read_text()))


def _template_regex(template: str) -> re.Pattern[str]:
    """`/repos/{owner}/{repo}/contents/{path}` as a regex; a trailing `{path}` spans slashes."""
    pattern = re.escape(template)
    pattern = re.sub(r"\\\{path\\\}$", r"(?P<path>.+)", pattern)
    pattern = re.sub(r"\\\{([a-z_]+)\\\}", r"(?P<\1>[^/]+)", pattern)
    return re.compile(pattern)


def _typed(value: str, schema: dict[str, Any]) -> Any:
    """A query value as its schema's type reads it (integers are sent as text)."""
    return int(value) if schema.get("type") == "integer" and value.isdigit() else value


def _as_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's schema dialect as JSON Schema: `nullable` as a null type, and references
    absolute (a schema checked on its own still finds the document's components)."""
    if isinstance(node, dict):
        node = {key: _as_json_schema(value) for key, value in node.items()}
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
            node["$ref"] = DOCUMENT_URI + node["$ref"]
        if node.get("nullable") is True:
            if "type" in node:
                node["type"] = [node["type"], "null"]
            elif "allOf" in node or "$ref" in node or "oneOf" in node or "anyOf" in node:
                node = {
                    "anyOf": [{k: v for k, v in node.items() if k != "nullable"}, {"type": "null"}]
                }
        return node
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    return node
