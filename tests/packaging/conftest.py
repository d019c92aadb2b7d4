"""The packaging recipe, loaded from packaging/recipe.py, and the bundle report at the end."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"

# Lines the slow test adds (bundle size, build time); printed after the test summary.
REPORT: list[str] = []


def load_recipe() -> Any:
    """packaging/recipe.py as a module (packaging/ is a folder of build scripts, not a package)."""
    loaded = sys.modules.get("recipe")
    if isinstance(loaded, ModuleType) and getattr(loaded, "__file__", None) == str(
        PACKAGING / "recipe.py"
    ):
        return loaded
    spec = importlib.util.spec_from_file_location("recipe", PACKAGING / "recipe.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["recipe"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def recipe() -> Any:
    return load_recipe()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORT:
        terminalreporter.section("Clerk bundle")
        for line in REPORT:
            terminalreporter.write_line(line)
