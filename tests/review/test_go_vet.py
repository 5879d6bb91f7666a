"""go vet finds Go bugs at their lines, offline; gofmt's layout comes with a fix; code it cannot
vet (imports from outside the standard library, a package not submitted whole) says why."""

import pytest

from review_app.review.analyzers import go_vet
from review_app.review.analyzers.analyzer import AnalyzerOutput, SourceFile
from review_app.review.diffs import apply_unified_diff
from review_app.review.models import Category, LLMConfig, Severity
from review_app.review.pipeline import run_review

DEFECTS = """\
package main

import (
\t"fmt"
\t"sync"
)

type Counter struct {
\tmu sync.Mutex
\tn  int
}

func (c Counter) Value() int {
\treturn c.n
}

func main() {
\tname := "world"
\tfmt.Printf("hello %d\\n", name)
\tcount := 1
\tcount = count
\tvar c Counter
\tfmt.Println(c.Value(), count)
}
"""

CLEAN = """\
package inventory

import (
\t"errors"
\t"sort"
)

// ErrEmpty is returned when there is nothing to pick from.
var ErrEmpty = errors.New("inventory: empty")

// Cheapest returns the name of the item with the lowest price.
func Cheapest(prices map[string]float64) (string, error) {
\tif len(prices) == 0 {
\t\treturn "", ErrEmpty
\t}
\tnames := make([]string, 0, len(prices))
\tfor name := range prices {
\t\tnames = append(names, name)
\t}
\tsort.Slice(names, func(i, j int) bool { return prices[names[i]] < prices[names[j]] })
\treturn names[0], nil
}
"""


def _vet(*files: SourceFile) -> list[AnalyzerOutput]:
    return go_vet.ANALYZER.run(list(files))


def test_vet_finds_bugs_at_their_lines() -> None:
    [output] = _vet(SourceFile("cmd/app/main.go", "go", DEFECTS))
    assert output.failure is None
    found = {(f.line, f.rule): f for f in output.findings}
    assert set(found) == {(13, "copylocks"), (19, "printf"), (21, "assign")}
    assert found[13, "copylocks"].title == "Value passes lock by value: Counter contains sync.Mutex"
    assert (found[13, "copylocks"].category, found[13, "copylocks"].severity) == (
        Category.BUG,
        Severity.HIGH,
    )
    assert (found[19, "printf"].column, found[19, "printf"].sources) == (2, ["go-vet"])


def test_clean_code_has_no_findings() -> None:
    assert _vet(SourceFile("inventory.go", "go", CLEAN)) == [AnalyzerOutput()]


def test_a_compile_error_is_a_high_bug() -> None:
    code = 'package price\n\nfunc Total() int {\n\treturn "free"\n}\n'
    [output] = _vet(SourceFile("price.go", "go", code))
    [finding] = output.findings
    assert (finding.line, finding.rule, finding.severity) == (4, "typecheck", Severity.HIGH)
    assert finding.title.startswith('Does not compile: cannot use "free"')


def test_unformatted_code_gets_gofmt_s_layout_as_a_fix() -> None:
    code = CLEAN.replace("\tif len(prices) == 0 {", "    if len(prices)==0 {")
    [output] = _vet(SourceFile("inventory.go", "go", code))
    [finding] = output.findings
    assert (finding.line, finding.rule, finding.category) == (13, "gofmt", Category.STYLE)
    assert finding.suggested_fix is not None
    assert apply_unified_diff(code, finding.suggested_fix) == CLEAN


def test_imports_outside_the_standard_library_are_named_as_the_reason() -> None:
    code = 'package store\n\nimport "github.com/lib/pq"\n\nvar Driver = pq.Driver{}\n'
    [output] = _vet(SourceFile("store.go", "go", code))
    assert output.failure is not None
    assert "outside the standard library (github.com/lib/pq)" in output.failure
    assert "nothing is downloaded" in output.failure


def test_a_package_is_vetted_whole_when_its_files_come_together() -> None:
    uses = "package shop\n\nfunc Total() int { return price() * 2 }\n"
    defines = "package shop\n\nfunc price() int { return 21 }\n"
    assert _vet(
        SourceFile("shop/total.go", "go", uses), SourceFile("shop/price.go", "go", defines)
    ) == [
        AnalyzerOutput(),
        AnalyzerOutput(),
    ]


def test_a_file_alone_from_its_package_says_it_needs_the_rest() -> None:
    uses = "package shop\n\nfunc Total() int { return price() * 2 }\n"
    [output] = _vet(SourceFile("shop/total.go", "go", uses))
    assert output.failure is not None
    assert output.failure.startswith("not vetted: undeclared name: price")
    assert "every file of the package" in output.failure


def test_a_batch_keeps_each_package_s_result_apart() -> None:
    outputs = _vet(
        SourceFile("a/inventory.go", "go", CLEAN),
        SourceFile("b/broken.go", "go", "package b\n\nfunc Broken( {\n"),
        SourceFile("c/main.go", "go", DEFECTS),
        SourceFile("d/store.go", "go", 'package d\n\nimport _ "example.com/x"\n'),
    )
    assert outputs[0] == AnalyzerOutput()
    assert outputs[1].failure == "skipped: the code does not parse"
    assert {f.rule for f in outputs[2].findings} == {"copylocks", "printf", "assign"}
    assert outputs[3].failure is not None
    assert "example.com/x" in outputs[3].failure


def test_a_go_review_names_go_vet_and_its_version() -> None:
    result = run_review("go", DEFECTS, LLMConfig())
    assert result.score < 100
    [run] = [run for run in result.analyzers if run.name == "go-vet"]
    assert run.version.startswith("go=go1.")


def test_a_missing_go_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(go_vet.shutil, "which", lambda _name: None)
    [output] = _vet(SourceFile("inventory.go", "go", CLEAN))
    assert output.failure == "go is not installed: run `make` (it installs Debian's golang-go)"


def test_a_hanging_vet_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(go_vet, "VET_TIMEOUT_SECONDS", 0.001)
    [output] = _vet(SourceFile("inventory.go", "go", CLEAN))
    assert output.failure == "go vet timed out after 0.001 s"
