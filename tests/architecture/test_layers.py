"""The layers of DESIGN.md, checked on the import graph: no upward edge, no cycle, Qt and SQL
each in its own room.  A failure names the module, the line and the rule it breaks."""

from __future__ import annotations

from collections import defaultdict

from tests.architecture.import_graph import PACKAGE, Edge, all_edges, modules, room

# Which rooms each room may import (itself always).  ``app`` is the one place that wires
# everything together; ``cli`` starts the window through it.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "store": {"core"},
    "export": {"core"},
    "minutes_text": {"core"},
    "importing": {"core", "minutes_text"},
    "services": {"core", "store", "export", "minutes_text", "importing"},
    "ui": {"core", "services"},
    "cli": {"core", "services", "app"},
    "app": {"core", "services", "store", "ui", "export", "minutes_text", "importing", "cli"},
    PACKAGE: set(),
}
# Third-party packages that only one room may touch.
CONFINED: dict[str, set[str]] = {
    "PySide6": {"ui", "app"},
    "shiboken6": {"ui", "app"},
    "sqlalchemy": {"store"},
    "alembic": {"store"},
}


def _internal(edge: Edge) -> bool:
    return edge.target == PACKAGE or edge.target.startswith(PACKAGE + ".")


def _where(edge: Edge) -> str:
    return f"{edge.source} (line {edge.line}) imports {edge.target}"


def test_every_room_is_known() -> None:
    rooms = {room(name) for name in modules()}
    assert rooms <= set(ALLOWED), f"rooms without a rule: {sorted(rooms - set(ALLOWED))}"


def test_no_upward_or_sideways_edge() -> None:
    wrong = [
        _where(edge)
        for edge in all_edges()
        if _internal(edge)
        and room(edge.target) != room(edge.source)
        and room(edge.target) not in ALLOWED[room(edge.source)]
        and edge.target != PACKAGE  # the package itself only holds __version__
    ]
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_qt_and_sql_stay_in_their_rooms() -> None:
    wrong = [
        _where(edge)
        for edge in all_edges()
        if edge.target.split(".")[0] in CONFINED
        and room(edge.source) not in CONFINED[edge.target.split(".")[0]]
    ]
    assert not wrong, "third-party imports outside their room:\n" + "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_cycle_between_modules() -> None:
    known = modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for edge in all_edges():
        if edge.target in known and edge.target != edge.source:
            # A package's __init__ importing its own modules is how packages re-export.
            if edge.source == edge.target.rsplit(".", 1)[0]:
                continue
            graph[edge.source].add(edge.target)
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_the_rules_catch_a_bad_edge() -> None:
    """The checks above would see a violation: the rule table says no to a known-bad edge."""
    assert "store" not in ALLOWED["ui"] and "export" not in ALLOWED["cli"]
    assert "ui" not in CONFINED["sqlalchemy"] and "core" not in CONFINED["PySide6"]
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
