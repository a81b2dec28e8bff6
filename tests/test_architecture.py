"""The house as its pipeline: dvc.yaml declares every module a stage imports; stages stay apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from fazhi import paths

SRC = paths.ROOT / "src"
STAGES = yaml.safe_load((paths.ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]


def module_file(module: str) -> Path | None:
    """The source file of a project module (a package's __init__.py), None for others."""
    if module != "fazhi" and not module.startswith("fazhi."):
        return None
    base = SRC / Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def imported_modules(source: Path) -> set[str]:
    """Project modules a file imports (`from fazhi import x` counts as fazhi.x when x is one)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    package = ".".join(source.relative_to(SRC).with_suffix("").parts)
    if source.name == "__init__.py":
        package = package.removesuffix(".__init__")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - (source.name == "__init__.py"))[0]
                base = f"{parent}.{base}".rstrip(".")
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names if module_file(f"{base}.{a.name}")}
    return {m for m in found if module_file(m)}


def closure(module: str) -> set[Path]:
    """Every project source file a module needs, itself, its packages and what they import."""
    seen: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for i in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__ and a/b/__init__
            f = module_file(".".join(parts[:i]))
            if f is not None and f not in seen:
                seen.add(f)
                todo += sorted(imported_modules(f))
    return seen


def notebook_modules() -> set[str]:
    """Project modules the notebooks import (the figures stage runs them)."""
    import nbformat

    found = set()
    for nb in sorted((paths.ROOT / "notebooks" / "src").glob("*.ipynb")):
        for cell in nbformat.read(nb, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fazhi"):
                    found.add(node.module)
                    found |= {f"{node.module}.{a.name}" for a in node.names
                              if module_file(f"{node.module}.{a.name}")}
                elif isinstance(node, ast.Import):
                    found |= {a.name for a in node.names if a.name.startswith("fazhi")}
    return {m for m in found if module_file(m)}


def stage_needs(stage: str) -> set[Path]:
    """Every project file a stage runs: its module's closure (and the notebooks' for figures)."""
    needed = closure(stage_module(STAGES[stage]["cmd"]))
    if stage == "figures":
        for module in notebook_modules():
            needed |= closure(module)
    return needed


def stage_module(cmd: str) -> str:
    """The module a stage's command runs (a package's __main__ runs its `stage` module)."""
    assert cmd.startswith("python -m "), cmd
    module = cmd.split()[2]
    main = SRC / Path(*module.split(".")) / "__main__.py"
    return f"{module}.__main__" if main.exists() else module


def covered(deps: list[str], file: Path) -> bool:
    rel = file.relative_to(paths.ROOT).as_posix()
    return any(rel == d or rel.startswith(d.rstrip("/") + "/") for d in deps)


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_deps_list_every_module_it_imports(stage):
    """A stage's deps in dvc.yaml name every project file it imports, directly or not."""
    spec = STAGES[stage]
    deps = [d if isinstance(d, str) else next(iter(d)) for d in spec["deps"]]
    needed = stage_needs(stage)
    missing = sorted(f.relative_to(paths.ROOT).as_posix() for f in needed if not covered(deps, f))
    assert not missing, f"dvc.yaml stage {stage} does not list {missing}"


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_deps_list_no_module_it_does_not_import(stage):
    """A stage's deps name no project source file it never imports (no stale deps)."""
    spec = STAGES[stage]
    deps = [d if isinstance(d, str) else next(iter(d)) for d in spec["deps"]]
    needed = {f.relative_to(paths.ROOT).as_posix() for f in stage_needs(stage)}
    stale = [d for d in deps if d.endswith(".py") and d not in needed]
    assert not stale, f"dvc.yaml stage {stage} lists {stale}, which it does not import"


def test_no_stage_imports_another_stage():
    """Shared code lives in library modules: a stage module never imports another stage."""
    stage_modules = {stage_module(spec["cmd"]) for spec in STAGES.values()}
    stage_modules = {m.replace(".__main__", ".stage") for m in stage_modules}
    for module in sorted(stage_modules):
        others = stage_modules - {module}
        files = {module_file(m) for m in others}
        reached = closure(module) - {module_file(module)}
        bad = sorted(f.name for f in reached & files)
        assert not bad, f"stage {module} imports stage module(s) {bad}"


def test_closure_follows_imports_through_packages():
    """The import walk reaches a module imported only indirectly (ingest → detect → regions)."""
    files = {f.relative_to(SRC).as_posix() for f in closure("fazhi.ingest.__main__")}
    assert {"fazhi/ingest/detect.py", "fazhi/regions.py", "fazhi/numerals.py"} <= files
