"""The import graph of ``clerk_app``: which module imports which, read from the source.

Run it to see the edges between sub-packages (``python -m tests.architecture.import_graph``);
``test_layers.py`` holds the rules the graph must keep.  Every import counts, including those
inside functions (lazy imports still make the dependency) and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "clerk_app"


@dataclass(frozen=True)
class Edge:
    source: str  # importing module, dotted
    target: str  # imported module (or package), dotted
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in sorted((ROOT / PACKAGE).rglob("*.py"))}
    # Alembic's migration scripts are loaded by Alembic, not imported: they may use SQL freely.
    return {name: path for name, path in found.items() if ".migrations." not in f"{name}."}


def _absolute(source: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = source.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def edges_of(name: str, path: Path) -> Iterator[Edge]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    known = modules()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Edge(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(name, is_package, node)
            for alias in node.names:
                # "from clerk_app.ui import rows" imports the module clerk_app.ui.capture.rows.
                sub = f"{target}.{alias.name}"
                yield Edge(name, sub if sub in known else target, node.lineno)


def all_edges() -> list[Edge]:
    return [edge for name, path in modules().items() for edge in edges_of(name, path)]


def room(module: str) -> str:
    """The layer a module belongs to: ``core``, ``store``, ``ui``..., or ``cli`` / ``app``."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return parts[0]  # a third-party or standard-library top-level name
    return parts[1] if len(parts) > 1 else PACKAGE


def main() -> int:
    counts = Counter(
        (room(e.source), room(e.target))
        for e in all_edges()
        if e.target.startswith(PACKAGE + ".") and room(e.source) != room(e.target)
    )
    for (source, target), count in sorted(counts.items()):
        print(f"{source:>10} -> {target:<10} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
