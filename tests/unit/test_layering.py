"""The package's layers, as a newcomer reads them: crypto sits below the findings catalogue,
imports stand at the top of each module, and `checker.check` is the module, not the function."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import checker

PACKAGE = Path(checker.__file__).resolve().parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(tree: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names += [f"{'.' * node.level}{node.module or ''}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def test_the_modules_are_found():
    assert len(MODULES) > 20 and PACKAGE / "crypto" / "glpi.py" in MODULES


def test_crypto_does_not_import_the_catalogue_or_the_report():
    for path in (PACKAGE / "crypto").glob("*.py"):
        imported = _imports(ast.parse(path.read_text("utf-8")))
        wrong = [name for name in imported if "findings" in name or "report" in name]
        assert not wrong, f"{path.name} imports {wrong}: the catalogue imports crypto, not the other way"


def test_module_level_imports_stand_at_the_top():
    for path in MODULES:
        body = ast.parse(path.read_text("utf-8")).body
        seen_code = False
        for node in body:
            is_import = isinstance(node, (ast.Import, ast.ImportFrom))
            is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            if is_import and seen_code:
                raise AssertionError(f"{path.relative_to(PACKAGE)}:{node.lineno}: import below code")
            seen_code = seen_code or not (is_import or is_docstring)


def test_import_checker_check_gives_the_module():
    module = importlib.import_module("checker.check")
    assert checker.check is module and callable(module.check)
