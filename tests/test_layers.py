"""The layers of ARCHITECTURE.md: a module imports only modules of its own layer or of lower ones,
so that the library never imports the command line and a stage never reaches into a later one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "docparse"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("models", "ladder", "grammar", "errors", "numerals", "files", "collector", "sentences", "ids",
     "traditional"),
    ("spans", "diagnostics"),
    ("readers", "decode", "normalize"),
    ("lines", "cuts", "tables"),
    ("segment", "chrome", "metadata", "frontmatter"),
    ("structure",),
    ("metrics", "body"),
    ("validate",),
    ("renderers",),
    ("api", "loader"),
    ("integrations",),
    ("batch", "serve"),
    ("commands", "cli", "__main__"),
)
"""From the bottom up, as ARCHITECTURE.md lists them (``docparse/__init__.py`` re-exports the API)."""


def _layer(module: str) -> int:
    top = module.split(".")[1]
    return next(index for index, names in enumerate(LAYERS) if top in names)


def _imports(path: Path) -> set[str]:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[:len(package) - (node.level - 1)])
            if node.module:
                found.add(".".join([*base, node.module]))
            else:
                found.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("docparse."):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("docparse."))
    return {name for name in found if name.startswith("docparse.") and name != "docparse.__version__"}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts == ("docparse", "__init__"):
            continue
        found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def test_every_module_has_a_layer() -> None:
    assert len(modules()) > 40
    for module, _ in modules():
        _layer(module)


def test_no_module_imports_a_higher_layer() -> None:
    wrong = [f"{module} imports {imported}" for module, path in modules() for imported in _imports(path)
             if _layer(imported) > _layer(module)]
    assert not wrong


def test_the_library_never_imports_the_command_line() -> None:
    command_line = _layer("docparse.commands")
    for module, path in modules():
        if _layer(module) < command_line:
            assert not {name for name in _imports(path) if _layer(name) == command_line}, module
