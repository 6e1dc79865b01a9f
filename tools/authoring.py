"""Helpers for writing a bilingual source notebook from a short Python script.

    from authoring import pair, code, write
    cells = [
        pair("# 3. Perceptron", "# 3. Perceptron"),
        code("import numpy as np"),
    ]
    write("book/src/p1-03-perceptron.ipynb", cells)

``write`` adds the Colab setup cell first, stamps each Indonesian cell with the hash of
its English twin and saves the notebook without outputs; run tools/execute.py next.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bilingual  # noqa: E402


def pair(id_text: str, en_text: str):
    """An Indonesian prose cell followed by its English twin."""
    id_cell = new_markdown_cell(id_text.strip("\n"), metadata={"tags": ["lang-id"]})
    en_cell = new_markdown_cell(en_text.strip("\n"), metadata={"tags": ["lang-en"]})
    id_cell.metadata["en_hash"] = bilingual.text_hash(en_cell.source)
    return [id_cell, en_cell]


def code(source: str, *tags: str):
    """A code cell shared by both languages. Tags such as 'nbval-ignore-output', 'hide-input'."""
    cell = new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return [cell]


def write(path, *groups) -> None:
    cells = []
    for group in groups:
        cells.extend(group)
    setup = new_code_cell(bilingual.setup_source(), metadata={"tags": [bilingual.SETUP_TAG]})
    # The setup cell goes right after the title pair.
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    insert_at = min(2, first_code)
    cells.insert(insert_at, setup)
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"wrote {path} ({len(cells)} cells)")
