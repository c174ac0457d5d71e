"""The layering of DESIGN.md, as the import-linter contracts in pyproject.toml, holds; the
modules import each other without cycles, function-level imports are only the listed lazy
loads of heavy libraries, and no module imports another's private names."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
CONTRACTS = {contract["id"]: contract for contract in CONFIG["contracts"]}
LINT = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def _layer_modules(contract: dict[str, object]) -> set[str]:
    layers = contract["layers"]
    assert isinstance(layers, list)
    return {name.strip().strip("()") for layer in layers for name in layer.replace("|", ":").split(":")}


def test_the_contracts_cover_package_direction_layers_and_cycles() -> None:
    assert CONFIG["root_packages"] == ["timeline", "events"]
    assert {c["type"] for c in CONTRACTS.values()} == {"forbidden", "layers", "acyclic_siblings"}
    direction = CONTRACTS["events-above-timeline"]
    assert (direction["source_modules"], direction["forbidden_modules"]) == (["timeline"], ["events"])
    # the one documented exception: the CLI subcommands read text through events
    assert all(rule.startswith("timeline.commands") for rule in direction["ignore_imports"])
    assert "ignore_imports" not in CONTRACTS["timeline-layers"]
    assert "ignore_imports" not in CONTRACTS["no-cycles"]


def test_every_timeline_module_has_a_layer() -> None:
    """A new module of ``timeline`` must be given its place, or the layers would not check it."""
    package = ROOT / "timeline"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert modules - _layer_modules(CONTRACTS["timeline-layers"]) == set()
    layers = CONTRACTS["timeline-layers"]["layers"]
    assert layers[0].startswith("cli")
    assert layers[-1].startswith("calendar")


@pytest.mark.skipif(LINT is None, reason="import-linter is not installed (pip install -e .[dev])")
@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_contract_is_kept(contract: str) -> None:
    assert LINT is not None
    done = subprocess.run(
        [LINT, "--no-cache", "--no-logo", "--contract", contract, str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# --- the module graph: no cycles, lazy imports only where listed, no private names ----------

PACKAGES = ("timeline", "events")

# The function-level imports there are, each (importing module, imported module) with why it
# waits: only to keep a heavy library (spaCy, pandas, Altair and vl-convert, the events reader,
# tqdm, holidays) off ``import timeline``, ``import events`` and ``timeline --help``. Any other
# import goes at the top of its module; one that would close a cycle means the layers are wrong.
LAZY_IMPORTS = {
    # `timeline demo` draws and reads text: Altair and vl-convert (about 4 s), spaCy
    ("timeline.commands.demo", "events"): "the events reader (spaCy) only for the demo text",
    ("timeline.commands.demo", "timeline.io.export"): "Altair and vl-convert only when drawing",
    # `timeline extract` reads text through events (the documented exception to the layers)
    ("timeline.commands.extract", "events"): "the events reader only when extracting",
    ("timeline.commands.extract", "events.corpus"): "the events reader only when extracting",
    ("timeline.commands.extract", "events.corpus.sources"): "the events reader only when extracting",
    ("timeline.commands.extract", "events.errors"): "the events reader only when extracting",
    ("timeline.commands.render", "events.convert"): "the events reader only to upgrade old files",
    ("timeline.commands.render", "timeline.io.load"): "pandas (through the table readers) only when loading",
    # Timeline's conversions and chart: io and chart sit above the engine's value layer
    ("timeline.engine", "timeline.io.tables"): "pandas only for to_pandas/from_pandas and the table formats",
    ("timeline.engine", "timeline.io.load"): "pandas only for Timeline.read",
    ("timeline.engine", "timeline.chart"): "Altair (about 4 s) only for Timeline.chart",
    ("timeline.engine", "timeline.io.export"): "Altair and vl-convert only for Timeline.save",
    ("timeline.io.rows", "pandas"): "pandas only for the pandas columns",
    ("timeline.timex.normalize.holidays", "holidays"): "the holidays package only for holiday names",
    ("events.corpus.progress", "tqdm.auto"): "tqdm only when a progress bar is shown",
    ("events.text.parse", "spacy"): "spaCy (about 2 s) only when a text is parsed",
}


def _module_files() -> dict[str, Path]:
    files = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            files[".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")] = path
    return files


FILES = _module_files()


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> list[tuple[str, str | None]]:
    """(module, name or None) for each name the statement imports, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = module.split(".")[: None if FILES[module].name == "__init__.py" else -1]
        parts = parts[: len(parts) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    return [(base, alias.name) for alias in node.names]


def _target(base: str, name: str | None) -> str:
    """The module an import loads: ``from timeline import calendar`` loads timeline.calendar."""
    return f"{base}.{name}" if name and f"{base}.{name}" in FILES else base


def _imports(path: Path) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement that runs (not those under ``if TYPE_CHECKING:``), with whether
    it is at module level (also in a module-level ``if``/``try``/class body) or in a function."""
    found: list[tuple[ast.Import | ast.ImportFrom, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append((child, top))
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for branch in child.orelse:
                    visit(ast.Module(body=[branch], type_ignores=[]), top)
            else:
                visit(child, top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    visit(ast.parse(path.read_text(encoding="utf-8")), True)
    return found


def _graph() -> dict[str, set[str]]:
    """Each module's project imports, at module level or in functions alike."""
    graph: dict[str, set[str]] = {module: set() for module in FILES}
    for module, path in FILES.items():
        for node, _ in _imports(path):
            for base, name in _imported(module, node):
                target = _target(base, name)
                if target.split(".")[0] in PACKAGES and target != module:
                    graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = [stack.pop()]
            while component[-1] != node:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def lazy_imports() -> set[tuple[str, str]]:
    """(module, imported module) of every import statement inside a function."""
    return {
        (module, _target(base, name))
        for module, path in FILES.items()
        for node, top in _imports(path)
        if not top
        for base, name in _imported(module, node)
    }


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_counting_function_level_imports() -> None:
    """A function-level import that only dodges a cycle would show here as one."""
    assert cycles(_graph()) == []


def test_function_level_imports_are_the_listed_lazy_loads() -> None:
    found = lazy_imports()
    assert found - LAZY_IMPORTS.keys() == set(), "function-level imports not in LAZY_IMPORTS: import them at the top"
    assert LAZY_IMPORTS.keys() - found == set(), "LAZY_IMPORTS lists imports that are gone"


@pytest.mark.parametrize("module", sorted({module for module, _ in LAZY_IMPORTS}))
def test_a_lazy_import_keeps_its_library_off_the_import(module: str) -> None:
    """Importing the module does not load what it imports lazily: else the wait buys nothing."""
    wanted = sorted(target for importer, target in LAZY_IMPORTS if importer == module)
    code = f"import importlib, sys; importlib.import_module({module!r}); print(*[m for m in {wanted!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"importing {module} already loads {done.stdout.split()}"


def _private(part: str) -> bool:
    return part.startswith("_") and not part.startswith("__")


def private_imports() -> list[str]:
    """Imports of another module's private names (``from timeline.span import _span``, or
    ``module._name`` on an imported project module); a private module (``_common``) may be
    imported by the modules of its own package only."""
    found = []
    for module, path in FILES.items():
        aliases: dict[str, str] = {}
        for node, _ in _imports(path):
            for base, name in _imported(module, node):
                target = _target(base, name)
                if target.split(".")[0] not in PACKAGES:
                    continue
                parts = target.split(".")
                for k, part in enumerate(parts):
                    if _private(part) and not module.startswith(".".join(parts[:k]) + "."):
                        found.append(f"{module} imports the private module {target}")
                if name is not None and target == base and _private(name):
                    found.append(f"{module} imports {base}.{name}")
                alias = next(a for a in node.names if a.name == (name or base))
                if alias.asname is not None:
                    aliases[alias.asname] = target
                elif name is not None or "." not in base:  # `import a.b` binds `a`, not a.b
                    aliases[name or base] = target
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and _private(node.attr) and ast.unparse(node.value) in aliases:
                target = aliases[ast.unparse(node.value)]
                if target != module:
                    found.append(f"{module} uses {target}.{node.attr}")
    return found


def test_no_private_name_is_imported_across_modules() -> None:
    assert private_imports() == []
