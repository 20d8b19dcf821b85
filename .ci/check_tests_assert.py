"""CI check: every test function can fail. Run by `.ci/run` before the test suite.

A test function (`def test_*` in a `test_*.py` file) fails this check when its body holds no
`assert`, no `pytest.raises` / `pytest.fail` / `pytest.warns`, no `self.assert...` call and no
call to a helper that asserts. Helpers are the functions of the test modules, `conftest.py` files
and `maillage/testing/` that themselves assert (directly or through another helper). Also refused
anywhere in a test: `assert` on a constant or on a tuple (always true).

Reads the source with `ast` only; it never imports nor runs a test. Exit status 1 with one line per
offending test, 0 when the tree is clean.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "node_modules", ".git", "__pycache__"}
RAISING = {"raises", "fail", "warns", "deprecated_call", "approx"}


def python_files():
    for path in ROOT.rglob("*.py"):
        if SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            continue
        rel = path.relative_to(ROOT)
        if (
            path.name.startswith("test_")
            or path.name == "conftest.py"
            or "tests" in rel.parts
            or rel.parts[:2] == ("maillage", "testing")
        ):
            yield path


def called_names(node) -> set[str]:
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            func = sub.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
    return names


def asserts_directly(node) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assert):
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            attr = sub.func.attr
            owner = sub.func.value
            if attr.startswith("assert"):  # self.assertEqual, mock.assert_called_once...
                return True
            if (
                isinstance(owner, ast.Name)
                and owner.id == "pytest"
                and attr in RAISING - {"approx"}
            ):
                return True
    return False


def functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def always_true(tree, path):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and isinstance(node.test, (ast.Constant, ast.Tuple)):
            if isinstance(node.test, ast.Constant) and not node.test.value:
                continue  # `assert False` fails, on purpose
            yield f"{path.relative_to(ROOT)}:{node.lineno}: assert on a constant or a tuple"


def main() -> int:
    trees = {}
    for path in python_files():
        trees[path] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # Helpers that assert, to a fixed point (a helper may call another helper).
    bodies = {}
    for tree in trees.values():
        for func in functions(tree):
            bodies.setdefault(func.name, []).append(func)
    asserting = {name for name, funcs in bodies.items() if any(map(asserts_directly, funcs))}
    changed = True
    while changed:
        changed = False
        for name, funcs in bodies.items():
            if name not in asserting and any(called_names(f) & asserting for f in funcs):
                asserting.add(name)
                changed = True
    problems = []
    for path, tree in trees.items():
        problems.extend(always_true(tree, path))
        if not path.name.startswith("test_"):
            continue
        for func in functions(tree):
            if not func.name.startswith("test_"):
                continue
            if asserts_directly(func) or called_names(func) & asserting:
                continue
            problems.append(
                f"{path.relative_to(ROOT)}:{func.lineno}: {func.name} asserts nothing "
                "(no assert, no pytest.raises, no helper that asserts)"
            )
    for line in sorted(problems):
        print(line)
    if problems:
        print(f"{len(problems)} test(s) cannot fail.", file=sys.stderr)
        return 1
    print("check_tests_assert: every test function asserts something.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
