"""How fast does nn_core train the tutorial's MNIST recipe, next to the tutorial's code and PyTorch?

The recipe is Page 2 §7 of the tutorial (the source pages, ../shared/seeds/): an MLP [784, 128, 64, 10]
with ReLU hidden layers and a
softmax output, cross-entropy, plain SGD with lr 0.1, batches of 64, on the 60,000 MNIST
training images. The implementations train it side by side:

  nn_core       nn_core.DeepNeuralNetwork + nn_core.train_minibatch, float32, as the book uses them
                (one train_minibatch(epochs=1) call per epoch, input checks included)
  tutorial      the tutorial's Page 2 DeepNeuralNetwork class, copied below, with the tutorial's own §7
                loop: float64, a shuffled copy X_train[idx] every epoch, forward/backward per batch
  pytorch       the same MLP in PyTorch on the CPU, float32 (skipped, and said so, without torch)
  nn_core-blas  optional (--blas-check): nn_core with its one-BLAS-thread setting switched off,
                to re-measure that choice on your machine

Each implementation runs in its own worker process, so that one's memory and libraries cannot
touch another's, and the epochs are interleaved in alternating order (A B C, C B A, …), so that
a change in machine load hits all of them alike. All start from the same initial weights and
see the same batches: the tutorial's np.random.seed / randn / permutation sequence.

    make bench                                              # 9 epochs each
    .venv/bin/python benchmarks/train_speed.py --quick      # 3 epochs each
    .venv/bin/python benchmarks/train_speed.py --full       # 20 epochs: final test accuracy
    .venv/bin/python benchmarks/train_speed.py --threads 1  # the tutorial's code and PyTorch on one thread too

Memory: each worker reports the peak resident memory of its whole process (Python, libraries,
the data set in the implementation's dtype, training) and, separately, what the training adds:
the peak resident memory during the epochs minus the resident memory just before them (the
peak is reset through /proc/self/clear_refs, so Linux only). The two differ a lot: the tutorial's code
keeps MNIST in float64 and copies the shuffled set every epoch, and PyTorch's library alone
takes a few hundred MB before any training.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import resource
import statistics
import sys
import time

import numpy as np

import _common  # benchmarks/_common.py: worker processes, machine description

IMPLEMENTATIONS = ("nn_core", "tutorial", "pytorch", "nn_core-blas")
LABELS = {"nn_core": "nn_core (float32)", "tutorial": "tutorial's Page 2 code (float64)",
          "pytorch": "PyTorch CPU (float32)", "nn_core-blas": "nn_core, default BLAS threads"}
LAYERS = [784, 128, 64, 10]
LR, BATCH, M = 0.1, 64, 60000


# =====================================================================================
# The baseline: the tutorial's Page 2 class as written (only its line breaks restored).
# Do not "improve" it.
# =====================================================================================
class TutorialDeepNeuralNetwork:
    """
    Deep Neural Network — any number of layers!
    Example: DeepNeuralNetwork([784, 128, 64, 10])
    → 784 input, 128 hidden, 64 hidden, 10 output
    """

    def __init__(self, layer_sizes):
        self.L = len(layer_sizes) - 1  # number of layers (excl. input)
        self.sizes = layer_sizes
        self.params = {}
        # Initialize weights (He initialization for ReLU)
        for l in range(1, self.L + 1):
            self.params[f'W{l}'] = np.random.randn(
                layer_sizes[l-1], layer_sizes[l]
            ) * np.sqrt(2.0 / layer_sizes[l-1])
            self.params[f'b{l}'] = np.zeros((1, layer_sizes[l]))

    def relu(self, z):
        return np.maximum(0, z)

    def relu_deriv(self, z):
        return (z > 0).astype(float)

    def softmax(self, z):
        """Numerically stable softmax"""
        exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))
        return exp_z / np.sum(exp_z, axis=1, keepdims=True)

    def forward(self, X):
        """Forward pass through ALL layers"""
        self.cache = {'a0': X}
        for l in range(1, self.L + 1):
            z = self.cache[f'a{l-1}'] @ self.params[f'W{l}'] + self.params[f'b{l}']
            self.cache[f'z{l}'] = z
            if l == self.L:
                # Last layer: softmax (multi-class)
                self.cache[f'a{l}'] = self.softmax(z)
            else:
                # Hidden layers: ReLU
                self.cache[f'a{l}'] = self.relu(z)
        return self.cache[f'a{self.L}']

    def backward(self, y_onehot, lr=0.01):
        """Backprop through ALL layers"""
        m = y_onehot.shape[0]
        # Output layer: softmax + cross-entropy shortcut
        dz = self.cache[f'a{self.L}'] - y_onehot  # elegant!
        for l in range(self.L, 0, -1):
            dW = (1/m) * self.cache[f'a{l-1}'].T @ dz
            db = (1/m) * np.sum(dz, axis=0, keepdims=True)
            if l > 1:
                da = dz @ self.params[f'W{l}'].T
                dz = da * self.relu_deriv(self.cache[f'z{l-1}'])
            # Update
            self.params[f'W{l}'] -= lr * dW
            self.params[f'b{l}'] -= lr * db

    def predict(self, X):
        probs = self.forward(X)
        return np.argmax(probs, axis=1)

    def accuracy(self, X, y):
        return np.mean(self.predict(X) == y) * 100


def tutorial_one_hot(labels, nc):  # the tutorial's §7 helper
    enc = np.zeros((len(labels), nc))
    enc[np.arange(len(labels)), labels] = 1
    return enc


# =====================================================================================
# The implementations, each in its own worker process.
# =====================================================================================
def _blas_threads():
    from threadpoolctl import threadpool_info
    return ", ".join(str(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas")


class NnCore:
    def __init__(self, data_dir, threads=None, blas_default=False):
        import nn_core
        import nn_core.training
        if blas_default:  # switch off train_minibatch's one-BLAS-thread setting, for --blas-check
            nn_core.training.one_blas_thread = contextlib.nullcontext
        self.blas_default = blas_default
        (X_train, y_train), (self.X_test, self.y_test) = nn_core.load_mnist(data_dir, download=False,
                                                                             progress=False)
        self.X_train, self.Y_train = X_train, nn_core.one_hot(y_train, 10)
        self.model = nn_core.DeepNeuralNetwork(LAYERS)  # seed=None: NumPy's global generator, as the tutorial
        self.train = nn_core.train_minibatch

    def epoch(self):
        self.train(self.model, self.X_train, self.Y_train, epochs=1, lr=LR, batch_size=BATCH, verbose=False)

    def test_accuracy(self):
        return self.model.accuracy(self.X_test, self.y_test)

    def threads(self):
        return f"BLAS {_blas_threads()}" if self.blas_default else "BLAS 1 (train_minibatch's setting)"


class Tutorial:
    def __init__(self, data_dir, threads=None):
        import nn_core  # only to read the MNIST files: the same pixels as the tutorial's fetch_openml
        (X_train, y_train), (self.X_test, self.y_test) = nn_core.load_mnist(
            data_dir, download=False, progress=False, dtype=np.float64)  # float64 X / 255.0, as the tutorial
        self.X_train, self.y_train_oh = X_train, tutorial_one_hot(y_train, 10)
        self.model = TutorialDeepNeuralNetwork(LAYERS)
        self.limit = threads

    def epoch(self):
        if not self.limit:
            return self._epoch()
        from threadpoolctl import threadpool_limits
        with threadpool_limits(limits=self.limit, user_api="blas"):
            return self._epoch()

    def _epoch(self):
        # One epoch of the tutorial's §7 loop (its every-5-epochs evaluation is not timed).
        model, X_train, y_train_oh, batch_size, lr = self.model, self.X_train, self.y_train_oh, BATCH, LR
        idx = np.random.permutation(60000)
        X_shuf = X_train[idx]
        y_shuf = y_train_oh[idx]
        for i in range(0, 60000, batch_size):
            Xb = X_shuf[i:i+batch_size]
            yb = y_shuf[i:i+batch_size]
            model.forward(Xb)
            model.backward(yb, lr)

    def test_accuracy(self):
        return float(self.model.accuracy(self.X_test, self.y_test))

    def threads(self):
        return f"BLAS {self.limit or _blas_threads()}"


class Torch:
    def __init__(self, data_dir, threads=None):
        import torch
        import nn_core
        if threads:
            torch.set_num_threads(threads)
        self.torch = torch
        (X_train, y_train), (X_test, y_test) = nn_core.load_mnist(data_dir, download=False, progress=False)
        self.X_train, self.y_train = torch.from_numpy(X_train), torch.from_numpy(y_train.astype(np.int64))
        self.X_test, self.y_test = torch.from_numpy(X_test), torch.from_numpy(y_test.astype(np.int64))
        layers = []
        for n_in, n_out in zip(LAYERS[:-1], LAYERS[1:]):
            layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
        self.model = torch.nn.Sequential(*layers[:-1])  # the softmax is inside CrossEntropyLoss
        with torch.no_grad():  # the tutorial's He initialisation, from the same random numbers
            for linear, (n_in, n_out) in zip(self.model[::2], zip(LAYERS[:-1], LAYERS[1:])):
                W = np.random.randn(n_in, n_out) * np.sqrt(2.0 / n_in)
                linear.weight.copy_(torch.from_numpy(W.T.astype(np.float32)))
                linear.bias.zero_()
        self.loss_fn = torch.nn.CrossEntropyLoss()  # mean over the batch, as the tutorial's (1/m)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=LR)

    def epoch(self):
        model, loss_fn, opt = self.model, self.loss_fn, self.opt
        order = self.torch.from_numpy(np.random.permutation(60000))  # the same batches as the others
        for i in range(0, 60000, BATCH):
            idx = order[i:i + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(self.X_train[idx]), self.y_train[idx])
            loss.backward()
            opt.step()

    def test_accuracy(self):
        with self.torch.no_grad():
            return float((self.model(self.X_test).argmax(1) == self.y_test).float().mean() * 100)

    def threads(self):
        return f"torch {self.torch.get_num_threads()} (torch {self.torch.__version__})"


def _status_kib(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM, the peak resident memory, to the current resident memory
        return True
    except OSError:
        return False


def worker(name, data_dir, seed, threads):
    """Load, build, then answer the parent: 'epoch' → one timed epoch; 'finish' → results."""
    np.random.seed(seed)
    if name.startswith("nn_core"):
        impl = NnCore(data_dir, blas_default=(name == "nn_core-blas"))
    else:
        impl = {"tutorial": Tutorial, "pytorch": Torch}[name](data_dir, threads)
    rss_before = _status_kib("VmRSS")
    peak_reset = rss_before is not None and _reset_peak()

    def reply(obj):
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    reply({"ready": name, "threads": impl.threads()})
    for line in sys.stdin:
        if line.strip() == "epoch":
            wall, cpu = time.perf_counter(), time.process_time()
            impl.epoch()
            reply({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu})
        elif line.strip() == "finish":
            peak_training = _status_kib("VmHWM") if peak_reset else None  # before the test-set pass
            reply({"test_accuracy": impl.test_accuracy(),
                   "training_adds_mib": None if peak_training is None else (peak_training - rss_before) / 1024,
                   "process_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
            return 0
    return 1


# =====================================================================================
# The parent: start the workers, interleave their epochs, report.
# =====================================================================================
class Worker(_common.Worker):
    def __init__(self, name, args):
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--data", args.data,
               "--seed", str(args.seed)]
        if args.threads:
            cmd += ["--threads", str(args.threads)]
        super().__init__(name, cmd)


machine_info = _common.machine_info
_load = _common.load_average


def _ratio(a, b):
    return "—" if not a or not b else f"{a / b:.2f}×"


def report(names, times, cpu, final, info, skipped, epochs, loads, machine):
    med = {n: statistics.median(times[n]) for n in names}
    tutorial, torch = med.get("tutorial"), med.get("pytorch")
    print(f"\nLoad average (1 min) during the run: {min(loads):.2f} – {max(loads):.2f} on {machine['cores']} cores\n")
    print(f"| implementation | s / epoch, median | interquartile | min – max | CPU s / epoch | ÷ tutorial | ÷ PyTorch "
          f"| test accuracy after {epochs} epoch{'s' * (epochs != 1)} | training adds | process peak | threads |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in names:
        t, f = sorted(times[n]), final[n]
        q1, q3 = (statistics.quantiles(t, n=4)[::2] if len(t) > 1 else (t[0], t[0]))
        adds = "—" if f["training_adds_mib"] is None else f"{f['training_adds_mib']:.0f} MiB"
        print(f"| {LABELS[n]} | **{med[n]:.2f}** | {q1:.2f} – {q3:.2f} | {t[0]:.2f} – {t[-1]:.2f} | "
              f"{statistics.median(cpu[n]):.2f} | {_ratio(med[n], tutorial)} | {_ratio(med[n], torch)} | "
              f"{f['test_accuracy']:.2f}% | {adds} | {f['process_peak_mib']:.0f} MiB | {info[n]['threads']} |")
    for n, why in skipped.items():
        print(f"| {LABELS[n]} | skipped: {why} |||||||||")
    if "nn_core" in med:
        print()
        if tutorial:
            print(f"nn_core ÷ tutorial: {med['nn_core'] / tutorial:.2f}×   (target ≤ 0.5×)")
        if torch:
            print(f"nn_core ÷ PyTorch: {med['nn_core'] / torch:.2f}×   (target ≤ 1.0×, stretch ≤ 0.5×)")
        if "nn_core-blas" in med:
            print(f"nn_core ÷ nn_core with default BLAS threads: {med['nn_core'] / med['nn_core-blas']:.2f}×")
    accs = {n: final[n]["test_accuracy"] for n in names}
    print("Test accuracy: " + ", ".join(f"{n} {a:.2f}%" for n, a in accs.items())
          + f" (spread {max(accs.values()) - min(accs.values()):.2f} points)")
    return med, accs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, help="epochs per implementation (default 9)")
    ap.add_argument("--quick", action="store_true", help="3 epochs each")
    ap.add_argument("--full", action="store_true", help="20 epochs each (the tutorial's recipe): final test accuracy, "
                                                        "which must reach 97.2%% for all")
    ap.add_argument("--only", nargs="+", choices=IMPLEMENTATIONS, help="a subset of the implementations")
    ap.add_argument("--blas-check", action="store_true",
                    help="add nn_core with default BLAS threads, to re-measure its one-thread setting")
    ap.add_argument("--threads", type=int, help="run the tutorial's code (BLAS) and PyTorch on this many threads "
                                                "(default: their own defaults)")
    ap.add_argument("--seed", type=int, default=0, help="np.random.seed for the weights and the shuffling")
    ap.add_argument("--data", help="folder that holds mnist/ (default: $NN_CORE_DATA_DIR, else ../shared/datasets "
                                   "if present, else nn_core's cache)")
    ap.add_argument("--json", help="also write the raw results to this file")
    ap.add_argument("--worker", choices=IMPLEMENTATIONS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.data is None:
        shared = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                               "datasets"))
        args.data = os.environ.get("NN_CORE_DATA_DIR") or (shared if os.path.isdir(os.path.join(shared, "mnist"))
                                                            else "")
    if args.worker:
        return worker(args.worker, args.data or None, args.seed, args.threads)

    epochs = args.epochs or (20 if args.full else 3 if args.quick else 9)
    names = list(args.only or ["nn_core", "tutorial", "pytorch"])
    if args.blas_check and "nn_core-blas" not in names:
        names.append("nn_core-blas")
    skipped = {}
    if "pytorch" in names and importlib.util.find_spec("torch") is None:
        names.remove("pytorch")
        skipped["pytorch"] = "torch is not installed"
        print("PyTorch: skipped, torch is not installed (`.venv/bin/pip install torch` to include it).")

    machine = machine_info()
    print(f"{machine['date']} · {machine['cpu']} · {machine['cores']} cores · {machine['os']} · "
          f"Python {machine['python']} · NumPy {machine['numpy']} ({machine.get('blas', '?')})")
    print(f"Recipe: MLP {LAYERS}, ReLU/softmax, SGD lr {LR}, batch {BATCH}, {M:,} images; "
          f"{epochs} epochs each, interleaved")

    workers, info = {}, {}
    try:
        for name in names:  # one at a time: loading MNIST in parallel would only add noise
            workers[name] = Worker(name, args)
            info[name] = workers[name].ask()
        times = {n: [] for n in names}
        cpu = {n: [] for n in names}
        loads = [_load()]
        for e in range(epochs):
            for name in (names if e % 2 == 0 else names[::-1]):  # A B C, then C B A, …
                r = workers[name].ask("epoch")
                times[name].append(r["wall"])
                cpu[name].append(r["cpu"])
            loads.append(_load())
            print(f"  epoch {e + 1:>2}  load {loads[-1]:4.2f}  "
                  + "  ".join(f"{n} {times[n][-1]:6.3f} s" for n in names), flush=True)
        final = {n: workers[n].ask("finish") for n in names}
    finally:
        for w in workers.values():
            if w.proc.poll() is None:
                w.proc.stdin.close()
                w.proc.wait(timeout=60)

    med, accs = report(names, times, cpu, final, info, skipped, epochs, loads, machine)
    if args.full and min(accs.values()) < 97.2:
        print("WARNING: an implementation ended below 97.2% test accuracy")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"machine": machine, "epochs": epochs, "loads": loads, "seconds": times, "cpu_seconds": cpu,
                       "median": med, "final": final, "threads": {n: info[n]["threads"] for n in names},
                       "skipped": skipped, "argv": sys.argv[1:]}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
