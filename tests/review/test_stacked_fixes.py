"""Fixes stack: each applies after earlier ones moved its lines, and findings move with them."""

from pathlib import Path

import pytest

from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.diffs import apply_unified_diff, line_map
from review_app.review.errors import PatchApplyError
from review_app.review.models import Finding, LLMConfig
from review_app.review.pipeline import review_files

CODE = (Path(__file__).parents[1] / "fixtures" / "review" / "python_fixable.py").read_text()


def _reviewed(code: str) -> list[Finding]:
    [result] = review_files([SourceFile(path="tool.py", language="python", code=code)], LLMConfig())
    return result.findings


def test_every_safe_fix_applies_after_the_others_and_the_result_is_clean() -> None:
    findings = _reviewed(CODE)
    safe = [finding for finding in findings if finding.safe_fix]
    assert {finding.rule for finding in safe} >= {"F401"}
    assert all(finding.suggested_fix for finding in safe)

    code = CODE
    for finding in sorted(safe, key=lambda finding: finding.line):
        code = apply_unified_diff(code, finding.suggested_fix)  # each computed on CODE
    assert "import os" not in code
    assert "import json" not in code
    assert "import sys" in code
    assert not [finding for finding in _reviewed(code) if finding.rule == "F401"]


def test_findings_follow_their_lines_through_a_fix() -> None:
    findings = _reviewed(CODE)
    unused_os = next(f for f in findings if f.rule == "F401" and "`os`" in f.title)
    bare_except = next(f for f in findings if f.rule == "E722")
    where = line_map(CODE, unused_os.suggested_fix)
    fixed = apply_unified_diff(CODE, unused_os.suggested_fix)

    assert where(unused_os.line) is None  # its line is gone
    assert where(unused_os.line + 1) == unused_os.line  # the fix's context lines move up
    moved = where(bare_except.line)
    assert moved == bare_except.line - 1
    assert fixed.splitlines()[moved - 1].strip() == "except:"


def test_a_fix_whose_lines_were_edited_away_says_so() -> None:
    unused_os = next(f for f in _reviewed(CODE) if f.rule == "F401" and "`os`" in f.title)
    with pytest.raises(PatchApplyError):
        apply_unified_diff(CODE.replace("import os\n", "import os.path\n"), unused_os.suggested_fix)
