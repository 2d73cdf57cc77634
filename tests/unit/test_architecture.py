"""The architecture as written down: packages meet through public names only."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "eventdocs"


def package_of(path: Path) -> str:
    """The top-level package (or root module) of a source file, e.g. ``load``."""
    return path.relative_to(SOURCE).parts[0].removesuffix(".py")


def test_no_module_imports_another_packages_private_module() -> None:
    """`from eventdocs.<pkg>._<mod>` appears only inside `<pkg>` itself."""
    crossings = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eventdocs."):
                parts = (node.module or "").split(".")[1:]
                names = [*parts, *(alias.name for alias in node.names)]
                private = [part for part in names[1:] if part.startswith("_")]
                if private and parts[0] != package_of(path) and parts != ["__init__"]:
                    crossings.append(f"{path.relative_to(SOURCE)}: {node.module}")
    assert crossings == []


def test_the_checker_sees_imports() -> None:
    """The scan reads real imports: a test over nothing proves nothing."""
    imports = [
        node
        for path in SOURCE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eventdocs.")
    ]
    assert len(imports) > 100
