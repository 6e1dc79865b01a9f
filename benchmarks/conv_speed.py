"""How fast does nn_core train a small CNN, next to PyTorch on the CPU?

Two measurements:

1. One training step (default). The network of Part 3: conv 1→16 and 16→32 (3×3, padding 1),
   each followed by ReLU and a 2×2 max-pool, then a dense layer 1568→10 and softmax
   cross-entropy; a batch of 64 images of 28×28, float32; forward, backward and an SGD update.

     nn_core      nn_core.ConvNet, stepped exactly as nn_core.train_cnn does (one BLAS thread)
     pytorch      the same network in PyTorch, with PyTorch's default threads (all cores)
     pytorch-1    the same, with torch.set_num_threads(1)
     nn_core-blas optional (--blas-check): nn_core with NumPy's default BLAS threads

   Each runs in its own worker process; they start from the same weights and see the same
   batches (random images: the time of a step does not depend on the pixels). The parent asks
   each worker for a round of steps in alternating order (A B C, C B A, …), so that a change in
   machine load hits all of them alike, and reports the median and interquartile range of the
   step times and the ratio of the medians. The first step's loss of every worker is printed:
   the same weights and batch must give the same loss (a check that all compute the same thing).

2. Training to a target accuracy (--mnist, --fashion): ConvNet + train_cnn + Adam on the 55,000
   first training images, validating on the last 5,000, then the test accuracy. Prints the
   time of every epoch. The defaults are the recommended recipe, one CNN for both data sets:
   conv 1→32 and 32→64 (3×3, padding 1, ReLU, 2×2 max-pool), dense 3136→128 → ReLU → 10,
   Adam lr 0.001 multiplied by 0.6 after every epoch, batches of 64; MNIST: 3 epochs with random
   shifts of up to 1 pixel; Fashion-MNIST: 4 epochs, no shifts. Options change any of it.

PyTorch is only needed for (1): it is not a dependency of the book. Install it into the venv
with `.venv/bin/pip install torch` to include it; without it its rows are skipped, and the
script says so.

    .venv/bin/python benchmarks/conv_speed.py                 # step time, ~1 minute
    .venv/bin/python benchmarks/conv_speed.py --quick         # fewer rounds
    .venv/bin/python benchmarks/conv_speed.py --mnist         # the recipe on MNIST (≥ 99%, ~1.5–2 min)
    .venv/bin/python benchmarks/conv_speed.py --fashion       # the same CNN on Fashion-MNIST (≥ 90%)
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import statistics
import sys
import time

import numpy as np

import _common  # benchmarks/_common.py: worker processes, machine description

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

BATCH, SIDE, CHANNELS, N_CLASSES, LR = 64, 28, (16, 32), 10, 0.01
IMPLEMENTATIONS = ("nn_core", "pytorch", "pytorch-1", "nn_core-blas")
LABELS = {"nn_core": "nn_core (1 BLAS thread, as train_cnn)", "pytorch": "PyTorch CPU (default threads)",
          "pytorch-1": "PyTorch CPU (1 thread)", "nn_core-blas": "nn_core, default BLAS threads"}


# =====================================================================================
# Workers: each builds the network, then answers "steps K" with K timed steps.
# =====================================================================================
def _batches(seed, n=8):
    rng = np.random.default_rng(seed)
    X = rng.random((n, BATCH, 1, SIDE, SIDE), dtype=np.float32)
    y = rng.integers(0, N_CLASSES, (n, BATCH))
    return X, y


class NnCore:
    def __init__(self, seed, blas_default=False):
        import nn_core
        from nn_core._runtime import one_blas_thread
        self.model = nn_core.ConvNet((1, SIDE, SIDE), CHANNELS, 3, 1, 2, (), N_CLASSES, seed=seed)
        self.opt = nn_core.SGD(LR)
        self.limit = contextlib.nullcontext if blas_default else one_blas_thread
        self.blas_default = blas_default

    def step(self, X, y):
        with self.limit():  # train_cnn's setting (the context costs microseconds)
            loss, grads = self.model.loss_and_gradients(X, y)  # what nn_core.fit does for one batch
            self.opt.step(self.model.params, grads)
        return loss

    def threads(self):
        from threadpoolctl import threadpool_info
        blas = ", ".join(str(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas")
        return f"BLAS {blas}" if self.blas_default else "BLAS 1 (train_cnn's setting)"


class Torch:
    def __init__(self, seed, threads=None):
        import torch
        import nn_core
        if threads:
            torch.set_num_threads(threads)
        self.torch = torch
        ref = nn_core.ConvNet((1, SIDE, SIDE), CHANNELS, 3, 1, 2, (), N_CLASSES, seed=seed)  # same weights
        nn = torch.nn
        self.model = nn.Sequential(
            nn.Conv2d(1, CHANNELS[0], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(CHANNELS[0], CHANNELS[1], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(CHANNELS[1] * 7 * 7, N_CLASSES))
        with torch.no_grad():
            P = ref.params
            self.model[0].weight.copy_(torch.from_numpy(P["W1"])); self.model[0].bias.copy_(torch.from_numpy(P["b1"]))
            self.model[3].weight.copy_(torch.from_numpy(P["W2"])); self.model[3].bias.copy_(torch.from_numpy(P["b2"]))
            self.model[7].weight.copy_(torch.from_numpy(P["W3"].T.copy()))
            self.model[7].bias.copy_(torch.from_numpy(P["b3"][0]))
        self.loss_fn = nn.CrossEntropyLoss()
        self.opt = torch.optim.SGD(self.model.parameters(), lr=LR)

    def step(self, X, y):
        X, y = self.torch.from_numpy(X), self.torch.from_numpy(y)
        self.opt.zero_grad()
        loss = self.loss_fn(self.model(X), y)
        loss.backward()
        self.opt.step()
        return loss.item()

    def threads(self):
        return f"torch {self.torch.get_num_threads()} (torch {self.torch.__version__})"


def worker(name, seed):
    if name.startswith("nn_core"):
        impl = NnCore(seed, blas_default=(name == "nn_core-blas"))
    else:
        impl = Torch(seed, threads=1 if name == "pytorch-1" else None)
    X, y = _batches(seed)
    first_loss = impl.step(X[0], y[0])
    for i in range(20):  # warm-up: caches, allocator, thread pools
        impl.step(X[i % len(X)], y[i % len(y)])

    def reply(obj):
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    reply({"ready": name, "threads": impl.threads(), "first_loss": first_loss})
    i = 0
    for line in sys.stdin:
        cmd = line.split()
        if cmd and cmd[0] == "steps":
            times, cpu = [], []
            for _ in range(int(cmd[1])):
                start, start_cpu = time.perf_counter(), time.process_time()
                impl.step(X[i % len(X)], y[i % len(y)])
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                i += 1
            reply({"times": times, "cpu": cpu})
        elif cmd == ["finish"]:
            return 0
    return 1


class Worker(_common.Worker):
    def __init__(self, name, seed):
        super().__init__(name, [sys.executable, os.path.abspath(__file__), "--worker", name, "--seed", str(seed)])


# =====================================================================================
# Reporting helpers
# =====================================================================================
machine_info = _common.machine_info
_load = _common.load_average


def _quartiles(t):
    return statistics.quantiles(t, n=4)[::2] if len(t) > 1 else (t[0], t[0])


def step_benchmark(args):
    names = list(args.only or ["nn_core", "pytorch", "pytorch-1"])
    if args.blas_check and "nn_core-blas" not in names:
        names.append("nn_core-blas")
    skipped = {}
    if importlib.util.find_spec("torch") is None:
        for n in ("pytorch", "pytorch-1"):
            if n in names:
                names.remove(n)
                skipped[n] = "torch is not installed"
        print("PyTorch: skipped, torch is not installed (`.venv/bin/pip install torch` to include it; "
              "it is not one of the book's requirements).")
    machine = machine_info()
    print(f"{machine['date']} · {machine['cpu']} · {machine['cores']} cores · {machine['os']} · "
          f"Python {machine['python']} · NumPy {machine['numpy']} ({machine.get('blas', '?')})")
    print(f"One training step: conv 1→{CHANNELS[0]} → ReLU → pool → conv {CHANNELS[0]}→{CHANNELS[1]} → ReLU → pool "
          f"→ dense {CHANNELS[1] * 49}→{N_CLASSES} → softmax cross-entropy, SGD; batch {BATCH}, {SIDE}×{SIDE}, "
          f"float32; {args.rounds} rounds of {args.steps} steps each, interleaved")
    workers, info = {}, {}
    try:
        for name in names:
            workers[name] = Worker(name, args.seed)
            info[name] = workers[name].ask()
        times = {n: [] for n in names}
        cpu = {n: [] for n in names}
        loads = [_load()]
        for r in range(args.rounds):
            for name in (names if r % 2 == 0 else names[::-1]):
                reply = workers[name].ask(f"steps {args.steps}")
                times[name] += reply["times"]
                cpu[name] += reply["cpu"]
            loads.append(_load())
            print(f"  round {r + 1:>2}  load {loads[-1]:4.2f}  "
                  + "  ".join(f"{n} {1e3 * statistics.median(times[n][-args.steps:]):6.2f} ms" for n in names),
                  flush=True)
        for w in workers.values():
            w.proc.stdin.write("finish\n")
            w.proc.stdin.flush()
    finally:
        for w in workers.values():
            if w.proc.poll() is None:
                w.proc.stdin.close()
                w.proc.wait(timeout=60)

    med = {n: statistics.median(times[n]) for n in names}
    print(f"\nLoad average (1 min) during the run: {min(loads):.2f} – {max(loads):.2f} on {machine['cores']} cores\n")
    ref = "pytorch" if "pytorch" in med else None
    print("| implementation | ms / step, median | interquartile | CPU ms / step | ÷ PyTorch (default threads) "
          "| ÷ PyTorch (1 thread) | first-step loss | threads |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for n in names:
        q1, q3 = _quartiles(times[n])
        r1 = f"{med[n] / med[ref]:.2f}×" if ref else "—"
        r2 = f"{med[n] / med['pytorch-1']:.2f}×" if "pytorch-1" in med else "—"
        print(f"| {LABELS[n]} | **{1e3 * med[n]:.2f}** | {1e3 * q1:.2f} – {1e3 * q3:.2f} | "
              f"{1e3 * statistics.median(cpu[n]):.2f} | {r1} | {r2} | {info[n]['first_loss']:.5f} | "
              f"{info[n]['threads']} |")
    for n, why in skipped.items():
        print(f"| {LABELS[n]} | skipped: {why} |||||||")
    if "nn_core" in med and ref:
        print(f"\nnn_core ÷ PyTorch: {med['nn_core'] / med[ref]:.2f}×   (target ≤ 3×)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"machine": machine, "loads": loads, "seconds": times, "cpu_seconds": cpu, "median": med,
                       "threads": {n: info[n]["threads"] for n in names},
                       "first_loss": {n: info[n]["first_loss"] for n in names}, "skipped": skipped,
                       "argv": sys.argv[1:]}, fh, indent=1)
    return 0


# =====================================================================================
# Training to a target accuracy
# =====================================================================================
def train_benchmark(args, fashion):
    import nn_core
    epochs = args.epochs or (4 if fashion else 3)
    shift = args.shift if args.shift is not None else (0 if fashion else 1)
    loader = nn_core.load_fashion_mnist if fashion else nn_core.load_mnist
    name = "Fashion-MNIST" if fashion else "MNIST"
    data = args.data
    sub = "fashion-mnist" if fashion else "mnist"
    debian = "/usr/share/datasets"  # Debian's dataset-fashion-mnist package installs <here>/fashion-mnist
    if not (data and os.path.isdir(os.path.join(data, sub))) and os.path.isdir(os.path.join(debian, sub)):
        data = debian
    (X, y), (X_test, y_test) = loader(data, download=args.download, progress=True)
    X, X_test = X.reshape(-1, 1, 28, 28), X_test.reshape(-1, 1, 28, 28)
    X_train, y_train, X_val, y_val = X[:-5000], y[:-5000], X[-5000:], y[-5000:]
    model = nn_core.ConvNet((1, 28, 28), tuple(args.channels), 3, 1, 2, tuple(args.hidden), 10, seed=args.seed)
    opt = nn_core.Adam(lr=args.lr)
    machine = machine_info()
    print(f"{machine['date']} · {machine['cpu']} · {machine['cores']} cores · NumPy {machine['numpy']} · "
          f"load {_load():.2f}")
    print(f"{name}: {model!r}, {model.n_params():,} parameters; Adam lr {args.lr}"
          + (f" × {args.decay} per epoch" if args.decay != 1 else "")
          + f", batch {args.batch_size}" + (f", random shifts ≤ {shift} px" if shift else "")
          + f", {len(X_train):,} training / {len(X_val):,} validation images")
    total, total_cpu, history = 0.0, 0.0, []
    for epoch in range(1, epochs + 1):
        cpu = time.process_time()
        h = nn_core.train_cnn(model, X_train, y_train, epochs=1, batch_size=args.batch_size, optimizer=opt,
                              validation_data=(X_val, y_val), shift=shift, seed=args.seed * 1000 + epoch,
                              progress=False)
        cpu = time.process_time() - cpu  # includes the validation pass (~3% of it)
        total += h["seconds"][0]
        total_cpu += cpu
        history.append({**{k: v[0] for k, v in h.items()}, "cpu_seconds": cpu, "load": _load()})
        print(f"  epoch {epoch:>2}  loss {h['loss'][0]:.4f}  val loss {h['val_loss'][0]:.4f}  "
              f"val acc {h['val_accuracy'][0]:6.2f}%  {h['seconds'][0]:5.1f} s (CPU {cpu:5.1f} s)  "
              f"training so far {total:5.1f} s, load {_load():.2f}", flush=True)
        opt.lr *= args.decay
    start = time.perf_counter()
    acc = model.accuracy(X_test, y_test)
    print(f"\n{name} test accuracy after {epochs} epochs: {acc:.2f}%   training time {total:.1f} s "
          f"(CPU {total_cpu:.1f} s; + {time.perf_counter() - start:.1f} s for the 10,000 test images)\n")
    if args.json:
        root, ext = os.path.splitext(args.json)
        with open(f"{root}-fashion{ext}" if fashion else args.json, "w") as fh:  # one file per data set
            json.dump({"machine": machine, "dataset": name, "model": repr(model), "lr": args.lr, "decay": args.decay,
                       "shift": shift, "epochs": epochs, "training_cpu_seconds": total_cpu,
                       "batch_size": args.batch_size, "history": history, "test_accuracy": acc,
                       "training_seconds": total, "argv": sys.argv[1:]}, fh, indent=1)
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=12, help="rounds of steps per implementation (default 12)")
    ap.add_argument("--steps", type=int, default=25, help="timed steps per round (default 25)")
    ap.add_argument("--quick", action="store_true", help="4 rounds")
    ap.add_argument("--only", nargs="+", choices=IMPLEMENTATIONS, help="a subset of the implementations")
    ap.add_argument("--blas-check", action="store_true", help="add nn_core with NumPy's default BLAS threads")
    ap.add_argument("--mnist", action="store_true", help="train the CNN on MNIST and report time and accuracy")
    ap.add_argument("--fashion", action="store_true", help="the same on Fashion-MNIST")
    # The recommended recipe (see benchmarks/README.md): one CNN for both data sets.
    ap.add_argument("--epochs", type=int, help="--mnist/--fashion: epochs (default: MNIST 3, Fashion-MNIST 4)")
    ap.add_argument("--channels", type=int, nargs="+", default=[32, 64], help="conv channels (default 32 64)")
    ap.add_argument("--hidden", type=int, nargs="*", default=[128], help="dense hidden widths (default 128)")
    ap.add_argument("--batch-size", type=int, default=64, help="batch size (default 64)")
    ap.add_argument("--lr", type=float, default=1e-3, help="Adam learning rate (default 0.001)")
    ap.add_argument("--decay", type=float, default=0.6, help="multiply the learning rate by this after each epoch "
                                                             "(default 0.6)")
    ap.add_argument("--shift", type=int, help="random shifts of up to this many pixels (augmentation; default: "
                                              "MNIST 1, Fashion-MNIST 0)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", help="folder with mnist/ and fashion-mnist/ (default: $NN_CORE_DATA_DIR, else "
                                   "../shared/datasets, else nn_core's cache)")
    ap.add_argument("--download", action="store_true", help="allow downloading a missing data set")
    ap.add_argument("--json", help="also write the raw results to this file")
    ap.add_argument("--worker", choices=IMPLEMENTATIONS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.seed)
    if args.data is None:
        shared = os.path.join(ROOT, "..", "shared", "datasets")
        args.data = os.environ.get("NN_CORE_DATA_DIR") or (os.path.normpath(shared) if os.path.isdir(shared) else None)
    if args.mnist or args.fashion:
        for fashion in ([False] if args.mnist else []) + ([True] if args.fashion else []):
            train_benchmark(args, fashion)
        return 0
    if args.quick:
        args.rounds = 4
    return step_benchmark(args)


if __name__ == "__main__":
    sys.exit(main())
