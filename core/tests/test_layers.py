"""Layers: core is the lowest, then accounts, then the domain apps (directory, events,
intervisions...). A lower layer never imports a higher one (by name through ``apps.get_model``
when it must reach a model), so there is no import cycle between core, accounts and directory."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HIGHER = {
    "core": {"accounts", "directory", "events", "intervisions", "booking", "orientation"},
    "accounts": {"directory", "events", "intervisions", "orientation", "helpdesk", "opendoors"},
}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found


@pytest.mark.parametrize("layer", sorted(HIGHER))
def test_a_lower_layer_never_imports_a_higher_one(layer):
    offenders = [
        f"{path.relative_to(ROOT)} imports {sorted(imported_apps(path) & HIGHER[layer])}"
        for path in (ROOT / layer).rglob("*.py")
        if "tests" not in path.parts
        and "migrations" not in path.parts
        and imported_apps(path) & HIGHER[layer]
    ]
    assert offenders == []
