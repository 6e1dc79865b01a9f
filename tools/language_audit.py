"""Which language does a generated notebook speak, outside its prose?

Collects what a reader sees that the code produces or carries — comments, string literals,
printed output, text outputs, widget labels — and counts the function words of each language
in it (English: the, and, of, …; Indonesian: dan, yang, dengan, …). Figures are drawn from the
string literals and from nn_core's string table, so the literals stand for them.

    python -m tools.language_audit                 # a table per notebook, both languages
    python -m tools.language_audit --show id       # also list the foreign words found in id/

tests/test_bilingual.py uses ``foreign_words`` to keep each language's pages free of the other.
"""
from __future__ import annotations

import argparse
import ast
import io
import json
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FUNCTION_WORDS = {
    "en": {"the", "and", "of", "with", "is", "are", "for", "to", "from", "this", "that", "not", "only",
           "each", "every", "when", "than", "which", "our", "we", "your", "you", "all", "same", "after",
           "before", "one", "two", "correct", "wrong", "true", "predicted"},
    "id": {"dan", "yang", "dengan", "untuk", "adalah", "ini", "itu", "tidak", "dari", "pada", "ke", "atau",
           "setiap", "sama", "hanya", "jika", "kita", "anda", "benar", "salah", "setelah", "sebelum",
           "karena", "bukan", "tanpa", "semua", "lebih"},
}
#: Words both languages write the same way in this book (glossary terms, names) — never counted.
SHARED = {"input", "output", "loss", "epoch", "batch", "layer", "hidden", "bias", "weight", "training",
          "gate", "softmax", "relu", "sigmoid", "tanh"}
WORD = re.compile(r"[\w]+")   # whole tokens: identifiers such as one_hot are skipped below


def _code_texts(source: str) -> list[str]:
    """Comments and string literals of a code cell (magics and shell lines skipped)."""
    lines = [("pass" if ln.lstrip().startswith(("%", "!")) else ln) for ln in source.splitlines()]
    text = "\n".join(lines)
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                out.append(tok.string.lstrip("#"))
        tree = ast.parse(text)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return out
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # identifiers-like strings ("relu", "W1", dict keys) carry no language
            if " " in node.value.strip() or len(node.value) > 20:
                out.append(node.value)
    return out


def _output_texts(cell) -> list[str]:
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.append("".join(o.get("text", "")))
        elif o.get("output_type") in ("execute_result", "display_data"):
            data = o.get("data", {})
            if "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data:
                text = "".join(data["text/plain"])
                if not text.startswith(("<Figure", "<IPython", "<matplotlib")):
                    out.append(text)
    return out


def _widget_texts(nb) -> list[str]:
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    out = []
    for model in state.get("state", {}).values():
        st = model.get("state", {})
        for key in ("description", "tooltip"):
            if isinstance(st.get(key), str):
                out.append(st[key])
        for opt in st.get("_options_labels", []) or []:
            out.append(str(opt))
        if model.get("model_name") == "OutputModel":
            for o in st.get("outputs", []):
                out += _output_texts({"outputs": [o]})
    return out


def texts(path: Path) -> dict[str, list[str]]:
    """What a reader sees that the code carries or produces, by kind."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    kinds = {"code": [], "output": [], "widgets": _widget_texts(nb)}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or "colab-setup" in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"])
        kinds["code"] += _code_texts(source)
        # show_source(...) displays the library's own code as it is: like its error messages, its
        # docstrings stay English (deliberately; see nn_core/i18n.py).
        if "show_source(" not in source:
            kinds["output"] += _output_texts(cell)
    return kinds


def count(words_of: list[str], lang: str) -> list[str]:
    found = []
    for text in words_of:
        for w in WORD.findall(text):
            if "_" in w or any(ch.isdigit() for ch in w):
                continue
            lw = w.lower()
            if lw in FUNCTION_WORDS[lang] and lw not in SHARED and not (lang == "en" and w == w.upper() and len(w) > 1):
                found.append(lw)
    return found


def foreign_words(path: Path, lang: str) -> dict[str, list[str]]:
    """The function words of the *other* language in a notebook of ``lang``, by kind."""
    other = "en" if lang == "id" else "id"
    return {kind: count(items, other) for kind, items in texts(path).items()}


def main(argv) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", choices=("id", "en"))
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    total = {"id": 0, "en": 0}
    for lang in ("id", "en"):
        paths = ([p for p in args.paths if p.parent.name == lang] if args.paths
                 else sorted((ROOT / "book" / lang).glob("*.ipynb")))
        for path in paths:
            found = foreign_words(path, lang)
            n = sum(len(v) for v in found.values())
            total[lang] += n
            mine = sum(len(count(v, lang)) for v in texts(path).values())
            print(f"{lang}/{path.name:40s} foreign words: {n:4d} (own-language words: {mine})"
                  + (f"  {dict((k, len(v)) for k, v in found.items())}" if n else ""))
            if args.show == lang and n:
                print("    " + " ".join(sorted(set(w for v in found.values() for w in v))))
    print(f"total: English function words on Indonesian pages {total['id']}, "
          f"Indonesian function words on English pages {total['en']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
