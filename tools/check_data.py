"""Check that the data sets the notebooks and tests read are present (run by `make data`).

Locally a missing data set is a warning (the notebooks would download it, the tests that need
it skip); under CI=true it is an error, because CI must never download or skip.
"""
from __future__ import annotations

import os
import sys

NEEDED = {
    "mnist": ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
    "fashion-mnist": ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                      "t10k-labels-idx1-ubyte"],
}
HOW = {
    "mnist": "the full MNIST ships in ../shared/datasets/mnist beside the checkout (make data links it)",
    "fashion-mnist": "install it with `apt-get install -y dataset-fashion-mnist` (make data links it)",
}


def missing() -> list[str]:
    root = os.environ.get("NN_CORE_DATA_DIR")
    if not root:
        return ["NN_CORE_DATA_DIR is not set (make sets it to .data/)"]
    out = []
    for name, files in NEEDED.items():
        folder = os.path.join(root, name)
        absent = [f for f in files if not (os.path.exists(os.path.join(folder, f))
                                           or os.path.exists(os.path.join(folder, f + ".gz")))]
        if absent:
            out.append(f"{name}: {', '.join(absent)} not in {folder} — {HOW[name]}")
    return out


def main() -> int:
    problems = missing()
    if not problems:
        print(f"data: MNIST and Fashion-MNIST found in {os.environ['NN_CORE_DATA_DIR']}")
        return 0
    ci = os.environ.get("CI", "").lower() == "true"
    print(("error" if ci else "warning") + ": data sets missing:\n  " + "\n  ".join(problems), file=sys.stderr)
    return 1 if ci else 0


if __name__ == "__main__":
    sys.exit(main())
