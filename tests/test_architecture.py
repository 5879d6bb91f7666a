"""The architecture holds: layers (pyproject's import-linter contracts), no import cycle between
modules, and no module too long to read."""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "review_app"
MAX_MODULE_LINES = 400


def test_the_import_contracts_are_kept() -> None:
    """pyproject.toml [tool.importlinter]: layers, a plain-Python pipeline, a CLI over HTTP."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def _in_cycles(graph: grimp.ImportGraph) -> list[str]:
    """Modules that import themselves through a chain of other modules."""
    return sorted(
        module
        for module in graph.modules
        if any(
            module in graph.find_upstream_modules(imported)
            for imported in graph.find_modules_directly_imported_by(module)
        )
    )


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("review_app", cache_dir=None)
    assert _in_cycles(graph) == []


def test_no_module_is_longer_than_a_few_screens() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_the_cycle_check_sees_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("a.x", "a.y"), ("a.y", "a.z"), ("a.z", "a.x"), ("a.z", "a.w")):
        graph.add_import(importer=importer, imported=imported)
    assert _in_cycles(graph) == ["a.x", "a.y", "a.z"]
