"""Figures stage: re-execute the notebooks from the published package, reproducibly.

Input:  notebooks/src/NN_name.ipynb (the notebooks as edited: code and text, no outputs), the
        published tables and metrics they read.
Output: notebooks/NN_name.ipynb (executed, with outputs, for reading on the web) and the PNGs the
        notebooks save to notebooks/figures/.

Execution records no timings, and the executed notebooks carry only fixed metadata, so a rebuild
is byte-identical. A notebook that writes to stderr (a warning, a traceback) fails the stage: its
message would otherwise end up, with machine paths, in the published notebook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from fazhi import paths

NOTEBOOKS = paths.ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def execute(source: Path, workdir: Path = NOTEBOOKS) -> nbformat.NotebookNode:
    """Run one notebook top to bottom in `workdir`; return it with outputs and fixed metadata."""
    notebook = nbformat.read(source, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":
                raise RuntimeError(f"{source.name}: the notebook wrote to stderr:\n{output['text']}")
    notebook.metadata = nbformat.from_dict(METADATA)
    return notebook


def main() -> None:
    sources = sorted(SOURCES.glob("*.ipynb"))
    assert sources, f"no notebooks in {SOURCES}"
    (NOTEBOOKS / "figures").mkdir(exist_ok=True)
    for done, source in enumerate(sources, start=1):
        nbformat.write(execute(source), NOTEBOOKS / source.name)
        print(f"figures: {done}/{len(sources)} notebooks ({source.name})", file=sys.stderr)


if __name__ == "__main__":
    main()
