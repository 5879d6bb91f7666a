"""The project's rule pack: every rule loads, is documented and tested by fixtures, and the
semgrep analyzer reports exactly the lines each fixture annotates, no more, no less."""

from collections import defaultdict
from pathlib import Path

import pytest

from review_app.review.analyzers import rule_pack_scan
from review_app.review.analyzers.analyzer import AnalyzerOutput, SourceFile
from review_app.review.languages import language_for_filename
from review_app.review.rule_pack import default_rule_pack
from review_app.review.rule_pack.fixture_annotations import (
    Annotation,
    annotation_mismatches,
    fixture_annotations,
)
from review_app.review.rule_pack.models import PACK_LANGUAGES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
FIXTURE_FILES = sorted(
    path for path in FIXTURES.glob("*/*") if language_for_filename(path.name) is not None
)
PACK = default_rule_pack()
RULE_IDS = sorted(item.rule.id for item in PACK.rules)
TRIVIAL_CODE = {"python": "x = 1\n", "go": "package main\n", "java": "class A {}\n"}


def _fixture_id(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def _source(path: Path) -> SourceFile:
    language = language_for_filename(path.name)
    assert language is not None
    return SourceFile(_fixture_id(path), language, path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def annotations() -> dict[Path, list[Annotation]]:
    """Every fixture file's annotations."""
    sources = {path: _source(path) for path in FIXTURE_FILES}
    return {path: fixture_annotations(file.code, file.language) for path, file in sources.items()}


@pytest.fixture(scope="module")
def reviewed_fixtures() -> dict[Path, AnalyzerOutput]:
    """The registered semgrep analyzer's output for every fixture file, in one batch."""
    outputs = rule_pack_scan.ANALYZER.run([_source(path) for path in FIXTURE_FILES])
    return dict(zip(FIXTURE_FILES, outputs, strict=True))


def test_every_rule_file_loads_with_valid_metadata_and_unique_ids() -> None:
    assert not PACK.problems, "rules left out of the pack:\n" + "\n".join(map(str, PACK.problems))


@pytest.mark.parametrize("language", sorted(set().union(*PACK_LANGUAGES.values())))
def test_the_engine_accepts_every_rule(language: str) -> None:
    [output] = rule_pack_scan.ANALYZER.run(
        [SourceFile("trivial", language, TRIVIAL_CODE.get(language, "let x = 1;\n"))]
    )
    assert output.failure is None


def test_javascript_rules_serve_javascript_and_typescript() -> None:
    one_sided = [
        item.rule.id
        for item in PACK.rules
        if item.path.parent.name == "javascript"
        and item.rule.our_languages != PACK_LANGUAGES["javascript"]
    ]
    assert not one_sided


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_a_reported_and_an_ok_fixture_line(
    rule_id: str, annotations: dict[Path, list[Annotation]]
) -> None:
    kinds = {
        item.kind for found in annotations.values() for item in found if item.rule_id == rule_id
    }
    assert {"ruleid", "ok"} <= kinds, f"{rule_id} has fixture lines annotated only {kinds or '{}'}"


def test_fixture_annotations_name_rules_of_their_own_pack(
    annotations: dict[Path, list[Annotation]],
) -> None:
    pack_of = {item.rule.id: item.path.parent.name for item in PACK.rules}
    strangers: dict[str, set[str]] = defaultdict(set)
    for path, found in annotations.items():
        for item in found:
            if pack_of.get(item.rule_id) != path.parent.name:
                strangers[_fixture_id(path)].add(item.rule_id)
    assert not strangers, f"annotations naming no rule of the fixture's pack: {dict(strangers)}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=_fixture_id)
def test_fixture_gets_exactly_its_annotated_findings(
    fixture: Path,
    annotations: dict[Path, list[Annotation]],
    reviewed_fixtures: dict[Path, AnalyzerOutput],
) -> None:
    output = reviewed_fixtures[fixture]
    assert output.failure is None
    reported = {(finding.line, finding.rule or "") for finding in output.findings}
    mismatches = annotation_mismatches(annotations[fixture], reported)
    assert not mismatches, f"{_fixture_id(fixture)}:\n" + "\n".join(mismatches)
