"""Loading a rule pack: a bad file or rule is reported by path and id and the rest loads; the
engine gets one rules file per language; rule pages and fixture annotations read the pack."""

import json
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

from review_app.review.models import Category, Severity
from review_app.review.rule_pack import load_rule_pack
from review_app.review.rule_pack.engine_rules import EngineRuleFiles
from review_app.review.rule_pack.fixture_annotations import (
    Annotation,
    annotation_mismatches,
    fixture_annotations,
)
from review_app.review.rule_pack.loader import RULES_ROOT

ENGINE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rule_engine"


def test_bad_rules_are_reported_by_path_and_id_and_the_good_one_still_loads() -> None:
    pack = load_rule_pack(ENGINE_FIXTURES / "invalid")
    assert [item.rule.id for item in pack.rules] == ["python-exec-call"]
    problems = {(str(problem.path), problem.rule_id): problem.message for problem in pack.problems}
    assert set(problems) == {
        ("python/mixed.yaml", "python-exec-call"),
        ("python/mixed.yaml", "python-cwe-as-text"),
        ("python/mixed.yaml", "python-disagreeing-severity"),
        ("python/not-yaml.yaml", None),
        ("ruby/empty.yaml", None),
    }
    assert problems["python/mixed.yaml", "python-exec-call"].startswith("duplicate of the rule")
    assert problems["python/mixed.yaml", "python-cwe-as-text"].startswith("metadata.cwe:")
    assert (
        "disagrees with metadata severity medium"
        in problems["python/mixed.yaml", "python-disagreeing-severity"]
    )
    assert problems["python/not-yaml.yaml", None].startswith("not valid YAML")


def test_rules_apply_to_the_languages_they_list() -> None:
    pack = load_rule_pack(ENGINE_FIXTURES / "pack")
    by_language = {
        language: [item.rule.id for item in pack.for_language(language)]
        for language in ("python", "javascript", "typescript", "go", "java")
    }
    assert by_language == {
        "python": ["python-eval-of-input", "python-none-comparison"],
        "javascript": ["javascript-eval-of-location-hash"],
        "typescript": ["javascript-eval-of-location-hash"],
        "go": [],
        "java": [],
    }


def test_a_rule_page_shows_the_rules_documentation() -> None:
    pack = load_rule_pack(ENGINE_FIXTURES / "pack")
    page = pack.documentation("javascript-eval-of-location-hash")
    assert page is not None
    assert (page.title, page.cwe, page.severity, page.category) == (
        "Code evaluated from the URL fragment",
        95,
        Severity.CRITICAL,
        Category.SECURITY,
    )
    assert page.languages == ["javascript", "typescript"]
    assert page.bad == "eval(location.hash.slice(1));\n"
    assert page.why.startswith("A crafted link")
    assert pack.documentation("javascript-no-such-rule") is None


def test_the_pack_digest_changes_when_any_rule_file_changes(tmp_path: Path) -> None:
    shutil.copytree(ENGINE_FIXTURES / "pack", tmp_path / "pack")
    before = load_rule_pack(tmp_path / "pack").digest
    rule_file = tmp_path / "pack" / "python" / "engine.yaml"
    rule_file.write_text(rule_file.read_text().replace("cwe: 597", "cwe: 595"))
    assert load_rule_pack(tmp_path / "pack").digest != before


def test_the_engine_gets_one_private_rules_file_per_language_written_once() -> None:
    rule_files = EngineRuleFiles(lambda: load_rule_pack(ENGINE_FIXTURES / "pack"))
    typescript = rule_files.path("typescript")
    assert rule_files.path("typescript") == typescript
    assert typescript.stat().st_mtime_ns == rule_files.path("typescript").stat().st_mtime_ns
    assert stat.S_IMODE(typescript.parent.stat().st_mode) == 0o700
    [rule] = json.loads(typescript.read_text())["rules"]
    assert rule["id"] == "javascript-eval-of-location-hash"
    assert "metadata" not in rule
    python = json.loads(rule_files.path("python").read_text())["rules"]
    assert [rule["id"] for rule in python] == ["python-eval-of-input", "python-none-comparison"]


def test_a_rules_file_removed_under_a_running_process_is_written_again() -> None:
    rule_files = EngineRuleFiles(lambda: load_rule_pack(ENGINE_FIXTURES / "pack"))
    shutil.rmtree(rule_files.path("python").parent)
    assert json.loads(rule_files.path("python").read_text())["rules"]


def test_rules_folders_of_ended_processes_are_removed() -> None:
    ended = subprocess.Popen(["true"])
    ended.wait()  # its pid no longer runs
    abandoned = Path(tempfile.mkdtemp(prefix=f"review-rule-pack-{ended.pid}-"))
    EngineRuleFiles(lambda: load_rule_pack(ENGINE_FIXTURES / "pack")).path("go")
    assert not abandoned.exists()


def test_annotations_point_at_the_next_code_line() -> None:
    code = (
        "// ruleid: javascript-a, javascript-b\n"
        "// ok: javascript-c\n"
        "\n"
        "run(input);\n"
        "// todoruleid: javascript-a\n"
        "run(helper());\n"
    )
    assert fixture_annotations(code, "javascript") == [
        Annotation("ruleid", "javascript-a", 4),
        Annotation("ruleid", "javascript-b", 4),
        Annotation("ok", "javascript-c", 4),
        Annotation("todoruleid", "javascript-a", 6),
    ]
    assert fixture_annotations(code, "python") == []


def test_mismatches_name_the_line_and_the_rule() -> None:
    annotations = [
        Annotation("ruleid", "python-a", 3),
        Annotation("ok", "python-a", 5),
        Annotation("todook", "python-a", 9),
    ]
    reported = {(5, "python-a"), (7, "python-b"), (9, "python-a")}
    assert annotation_mismatches(annotations, reported) == [
        "line 3: python-a does not report it (annotated ruleid)",
        "line 5: python-a reports it (annotated ok)",
        "line 7: python-b reports it (not annotated)",
    ]


def test_the_rules_file_of_a_language_holds_each_of_its_rules_once_without_metadata() -> None:
    pack = load_rule_pack(RULES_ROOT)
    rule_files = EngineRuleFiles(lambda: pack)
    for language in ("python", "java"):
        rules = json.loads(rule_files.path(language).read_text())["rules"]
        assert sorted(rule["id"] for rule in rules) == sorted(
            item.rule.id for item in pack.for_language(language)
        )
        assert not any("metadata" in rule for rule in rules)


SHARING_RULES = """
rules:
  - id: python-exec-of-input
    languages: [python]
    mode: taint
    severity: WARNING
    message: Input reaches exec().
    pattern-sources:
      - include: request-sources
    pattern-sanitizers:
      - pattern: int(...)
      - include: constant-sanitizers
    pattern-sinks:
      - pattern: exec(...)
    metadata: &metadata
      title: Input run as code
      cwe: 95
      category: security
      severity: medium
      confidence: low
      why: The string comes from outside.
      how_to_fix: Call the code directly.
      bad: exec(request.args["x"])
      good: run(request.args["x"])
  - id: python-eval-of-input
    languages: [python]
    mode: taint
    severity: WARNING
    message: Input reaches eval().
    pattern-sources:
      - include: request-form-sources
    pattern-sinks:
      - pattern: eval(...)
    metadata: *metadata
"""
SHARED_BLOCKS = """
request-sources:
  - pattern: request.args
  - pattern: request.form
constant-sanitizers:
  - pattern: $TABLE[$KEY]
"""


def _sharing_pack(root: Path, blocks: str = SHARED_BLOCKS) -> None:
    (root / "python" / "blocks").mkdir(parents=True)
    (root / "python" / "taint.yaml").write_text(SHARING_RULES)
    (root / "python" / "blocks" / "taint.yaml").write_text(blocks)


def test_a_rule_gets_its_packs_shared_blocks_spelled_out_and_an_unknown_one_is_a_problem(
    tmp_path: Path,
) -> None:
    _sharing_pack(tmp_path)
    pack = load_rule_pack(tmp_path)

    [loaded] = pack.rules
    assert loaded.raw["pattern-sources"] == [
        {"pattern": "request.args"},
        {"pattern": "request.form"},
    ]
    assert loaded.raw["pattern-sanitizers"] == [
        {"pattern": "int(...)"},
        {"pattern": "$TABLE[$KEY]"},
    ]
    [problem] = pack.problems
    assert (problem.rule_id, str(problem.path)) == ("python-eval-of-input", "python/taint.yaml")
    assert "request-form-sources" in problem.message


def test_a_changed_block_changes_the_packs_version(tmp_path: Path) -> None:
    _sharing_pack(tmp_path / "before")
    _sharing_pack(tmp_path / "after", SHARED_BLOCKS.replace("request.form", "request.files"))

    assert load_rule_pack(tmp_path / "before").digest != load_rule_pack(tmp_path / "after").digest
