"""The package's imports run one way: from the data's entry (read) through parse, the model and
the stages up to the API, batch runs, reports and the CLI. A cycle or an upward import fails here,
so the tree keeps meaning what the README's architecture sentence says."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newsclean"

# Rank of each room: a module may import from its own room or from a room of lower rank.
RANKS = {
    "errors": 0,
    "compiled": 0,  # the optional C extensions' loader: imports nothing of the package
    "document": 1,
    "config": 1,
    "read": 2,
    "parse": 3,
    "rules": 4,
    "model": 5,
    "sites": 5,
    "stages": 6,
    "pipeline": 7,
    "writers": 7,
    "api": 8,
    "batch": 9,
    "report": 9,
    "integrations": 9,  # the CLI imports them (lazily): `newsclean crawl`
    "cli": 10,
    "__init__": 11,
    "__main__": 12,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    """The top-level room of a module: `newsclean.read.warc` -> `read`, `newsclean` -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path) -> set[str]:
    """Every newsclean module that path imports, at the top or inside a function (lazy imports
    count: they run too), resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "newsclean":
                continue
            for alias in node.names:  # `from . import report` imports a module by name
                if target == "newsclean" and alias.name == "__version__":
                    continue  # a constant of the package, set before any submodule is imported
                candidate = f"{target}.{alias.name}"
                found.add(candidate if known(candidate) else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "newsclean")
    found.discard(name)
    return found


def known(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").exists() or (PACKAGE / rel / "__init__.py").exists()


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_room_has_a_rank() -> None:
    assert {room(m) for m in graph()} <= set(RANKS)


def test_imports_run_downward_only() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in graph().items()
        for target in targets
        if room(target) != room(module) and RANKS[room(target)] >= RANKS[room(module)]
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk resolves relative imports: a read module importing the CLI would be caught."""
    probe = PACKAGE / "read" / "sources.py"
    assert "newsclean.read.raw" in imports_of(probe)
    assert "newsclean.errors" in imports_of(PACKAGE / "read" / "raw.py")
