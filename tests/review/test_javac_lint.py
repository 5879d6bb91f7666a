"""javac's lint finds Java bugs at their lines even when the code's dependencies are missing,
says when it could check only part of the code, and a missing or hanging javac is a reason."""

import os
import signal
from collections.abc import Iterator

import pytest

from review_app.review.analyzers import javac_lint
from review_app.review.analyzers.analyzer import AnalyzerOutput, SourceFile
from review_app.review.analyzers.javac_server import JavacServer
from review_app.review.models import Category, LLMConfig, Severity
from review_app.review.pipeline import run_review

# Uses a library that is not submitted: its names cannot be resolved.
WITH_MISSING_DEPENDENCY = """\
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.lang3.StringUtils;

public class Orders implements java.io.Serializable {
    public int discount(int code) {
        int percent = 0;
        switch (code) {
            case 1:
                percent = 5;
            case 2:
                percent = 10;
                break;
            default:
                percent = 0;
        }
        return percent;
    }

    public List names() {
        List names = new ArrayList();
        names.add(StringUtils.trim(" ada "));
        return names;
    }

    public int average(int total) {
        return total / 0;
    }

    public int settle() {
        try {
            return 1;
        } finally {
            return 2;
        }
    }

    public String label(int count) {
        String text = count;
        return text;
    }
}
"""

CLEAN = """\
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class Totals {
    private Totals() {}

    public static Map<String, Integer> byCustomer(List<String[]> rows) {
        Map<String, Integer> totals = new TreeMap<>();
        for (String[] row : rows) {
            totals.merge(row[0], Integer.parseInt(row[1]), Integer::sum);
        }
        return totals;
    }
}
"""


def _lint(*files: SourceFile) -> list[AnalyzerOutput]:
    return javac_lint.ANALYZER.run(list(files))


@pytest.fixture
def own_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[JavacServer]:
    """A server of the test's own in place of the shared one, stopped afterwards."""
    server = JavacServer()
    monkeypatch.setattr(javac_lint, "SERVER", server)
    yield server
    server.close()


def test_lint_warnings_survive_missing_dependencies() -> None:
    [output] = _lint(SourceFile("src/main/java/shop/Orders.java", "java", WITH_MISSING_DEPENDENCY))
    assert output.failure is None
    found = {(f.line, f.rule) for f in output.findings}
    assert found >= {
        (5, "missing.SVUID"),
        (11, "possible.fall-through.into.case"),
        (20, "raw.class.use"),
        (27, "div.zero"),
        (35, "finally.cannot.complete"),
    }
    [division] = [f for f in output.findings if f.rule == "div.zero"]
    assert (division.category, division.severity, division.column) == (
        Category.BUG,
        Severity.HIGH,
        24,
    )


def test_partial_lint_is_said_once_and_resolution_errors_are_dropped() -> None:
    [output] = _lint(SourceFile("Orders.java", "java", WITH_MISSING_DEPENDENCY))
    [note] = [f for f in output.findings if f.rule == "javac-partial"]
    assert (note.line, note.severity) == (3, Severity.INFO)
    assert "org.apache.commons.lang3" in note.title
    assert not [f for f in output.findings if "cannot find symbol" in f.title]
    # A type error javac could still be wrong about is not claimed while names are missing.
    assert not [f for f in output.findings if f.title.startswith("Does not compile")]


def test_compile_errors_are_reported_when_every_name_resolves() -> None:
    code = WITH_MISSING_DEPENDENCY.replace("import org.apache.commons.lang3.StringUtils;\n", "")
    code = code.replace('StringUtils.trim(" ada ")', '" ada ".trim()')
    [output] = _lint(SourceFile("Orders.java", "java", code))
    [error] = [f for f in output.findings if f.title.startswith("Does not compile")]
    assert (error.line, error.severity, error.rule) == (38, Severity.HIGH, "prob.found.req")
    assert "incompatible types" in error.title
    assert not [f for f in output.findings if f.rule == "javac-partial"]


def test_flow_errors_are_reported_even_with_missing_dependencies() -> None:
    code = "import com.example.Money;\n\nclass Pricing {\n    int price(Money m) {\n"
    code += "        if (m != null) {\n            return 1;\n        }\n    }\n}\n"
    [output] = _lint(SourceFile("Pricing.java", "java", code))
    [error] = [f for f in output.findings if f.rule == "missing.ret.stmt"]
    assert (error.line, error.title) == (8, "Does not compile: missing return statement")


def test_clean_code_has_no_findings() -> None:
    assert _lint(SourceFile("Totals.java", "java", CLEAN)) == [AnalyzerOutput()]


def test_files_linted_together_resolve_each_other() -> None:
    caller = "public class Caller {\n    int run() { return Totals.byCustomer(null).size(); }\n}\n"
    outputs = _lint(SourceFile("Caller.java", "java", caller), SourceFile("a.java", "java", CLEAN))
    assert outputs == [AnalyzerOutput(), AnalyzerOutput()]


def test_code_that_does_not_parse_is_skipped_alone() -> None:
    outputs = _lint(
        SourceFile("Broken.java", "java", "class Broken { void f( }\n"),
        SourceFile("Totals.java", "java", CLEAN),
    )
    assert outputs == [AnalyzerOutput(failure="skipped: the code does not parse"), AnalyzerOutput()]


def test_a_java_review_names_javac_and_its_version() -> None:
    result = run_review("java", WITH_MISSING_DEPENDENCY, LLMConfig())
    assert result.score < 100
    [run] = [run for run in result.analyzers if run.name == "javac"]
    assert run.version.startswith("javac=17.")


def test_the_server_is_started_again_after_it_dies(own_server: JavacServer) -> None:
    file = SourceFile("Totals.java", "java", CLEAN)
    assert _lint(file) == [AnalyzerOutput()]
    first = own_server.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert _lint(file) == [AnalyzerOutput()]
    assert own_server.pid not in (None, first)


def test_a_missing_javac_is_reported(
    monkeypatch: pytest.MonkeyPatch, own_server: JavacServer
) -> None:
    monkeypatch.setattr("review_app.review.analyzers.javac_server.shutil.which", lambda _: None)
    [output] = _lint(SourceFile("Totals.java", "java", CLEAN))
    assert output.failure is not None
    assert output.failure.startswith("javac is not installed: run `make`")


def test_a_hanging_javac_times_out_and_the_next_review_still_runs(
    monkeypatch: pytest.MonkeyPatch, own_server: JavacServer
) -> None:
    monkeypatch.setattr(javac_lint, "TIMEOUT_SECONDS", 0.001)
    [output] = _lint(SourceFile("Totals.java", "java", CLEAN))
    assert output.failure == "javac timed out after 0.001 s"
    monkeypatch.setattr(javac_lint, "TIMEOUT_SECONDS", 60.0)
    assert _lint(SourceFile("Totals.java", "java", CLEAN)) == [AnalyzerOutput()]
