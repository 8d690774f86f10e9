"""Executes docs/examples/policy_question.ipynb with nbclient, as a reader would run it, and fails
on any cell's error or on an answer missing from its outputs; --html FILE also renders the executed
notebook (docs/examples/policy_question.html is made so, with the full number of replicates).

Usage: check_notebook.py [--html FILE]   (PYTHONPATH must reach the liangzhu package)
"""

import argparse
import os
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

SOURCE = os.environ.get("LIANGZHU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NOTEBOOK = os.path.join(SOURCE, "docs", "examples", "policy_question.ipynb")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--html", help="write the executed notebook as HTML here")
    args = parser.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel's debugger chatter
    # The kernel runs in a scratch folder: a relative PYTHONPATH must not lose the package.
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    os.environ["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in paths if p)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with tempfile.TemporaryDirectory(prefix="liangzhu-notebook-") as work:
        client = NotebookClient(notebook, timeout=900, kernel_name="python3",
                                resources={"metadata": {"path": work}})
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"check_notebook: a cell failed:\n{error}", file=sys.stderr)
            return 1
    text = "\n".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
                     for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", []))
    images = sum("image/png" in output.get("data", {})
                 for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", []))
    for expected in ("common random numbers", "tigers by the end of 2030", "government spending", "p_value"):
        if expected not in text:
            print(f"check_notebook: the outputs lack {expected!r}", file=sys.stderr)
            return 1
    if images < 1:
        print("check_notebook: the notebook drew no figure", file=sys.stderr)
        return 1
    if args.html:
        from nbconvert import HTMLExporter

        html, _ = HTMLExporter().from_notebook_node(notebook)
        with open(args.html, "w", encoding="utf-8") as out:
            out.write(html)
    print(f"check_notebook: {NOTEBOOK} executed: every cell ran, the answer and a figure are there")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
