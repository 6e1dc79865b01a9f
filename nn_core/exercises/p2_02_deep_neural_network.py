"""Exercises of chapter p2-02 (Deep Neural Network)."""
import numpy as np

from ..activations import softmax
from ..gradcheck import numerical_gradient
from ._core import (ChoiceExercise, FunctionExercise, LearnerError, Mistake, ValueExercise, _as_numeric,
                    _type_name, msg)

CHAPTER = "p2-02-deep-neural-network"

# -- q1: predict the shape ----------------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Tebak shape gradient", "Predict the shape of a gradient"),
    reference=(16, 8),
    mistakes={
        "transposed": Mistake((8, 16), msg(
            "itu shape W2 yang ditranspos. Sebuah gradient selalu memiliki shape yang sama dengan parameternya: "
            "W2 menghubungkan 16 neuron ke 8 neuron, jadi (n^[1], n^[2]).",
            "that is W2 transposed. A gradient always has the shape of its parameter: W2 connects 16 "
            "neurons to 8, so (n^[1], n^[2]).")),
        "delta": Mistake((32, 8), msg(
            "itu shape dz^[2] (dz layer 2): satu baris per sampel. Dalam a^[1]ᵀ @ dz^[2], dimensi sampel (32) "
            "dijumlahkan dan hilang.",
            "that is the shape of dz^[2] (dz of layer 2): one row per sample. In a^[1]ᵀ @ dz^[2] the sample "
            "dimension (32) is summed over and disappears.")),
        "activation": Mistake((32, 16), msg(
            "itu shape a^[1], input layer 2 untuk batch ini. dW2 = a^[1]ᵀ @ dz^[2] menjumlahkan atas 32 sampel.",
            "that is the shape of a^[1], the input of layer 2 for this batch. dW2 = a^[1]ᵀ @ dz^[2] sums over "
            "the 32 samples.")),
        "bias": Mistake((1, 8), msg(
            "itu shape db2 (gradient bias), bukan dW2.", "that is the shape of db2 (the bias gradient), not dW2.")),
    },
    hints=[msg("Gradient sebuah parameter selalu memiliki shape yang sama dengan parameter itu sendiri. Apa shape W2?",
               "The gradient of a parameter always has the shape of the parameter itself. What is the shape of W2?"),
           msg("W^[l] berbentuk (n^[l−1], n^[l]). Ukuran batch tidak muncul di sana.",
               "W^[l] has shape (n^[l−1], n^[l]). The batch size does not appear in it.")],
    solution=msg(
        "shape = (16, 8)   # dW2 = a^[1]ᵀ @ dz^[2]: (16, 32) @ (32, 8) → (16, 8), sama dengan W2\n"
        "# Cek dengan nn_core:\n"
        "# net = DeepNeuralNetwork([20, 16, 8, 4], seed=0, dtype=np.float64)\n"
        "# X = np.random.rand(32, 20); Y = one_hot(np.random.randint(0, 4, 32), 4)\n"
        "# net.compute_gradients(X, Y)[\"W2\"].shape   # (16, 8)",
        "shape = (16, 8)   # dW2 = a^[1]ᵀ @ dz^[2]: (16, 32) @ (32, 8) → (16, 8), the shape of W2\n"
        "# Check with nn_core:\n"
        "# net = DeepNeuralNetwork([20, 16, 8, 4], seed=0, dtype=np.float64)\n"
        "# X = np.random.rand(32, 20); Y = one_hot(np.random.randint(0, 4, 32), 4)\n"
        "# net.compute_gradients(X, Y)[\"W2\"].shape   # (16, 8)"),
)

# -- q2: which initialisation? ---------------------------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Jaringan dalam yang tidak mau belajar", "A deep network that will not learn"),
    options={
        "a": msg("Naikkan learning rate sekitar 10¹⁰ kali.", "Raise the learning rate about 10¹⁰ times."),
        "b": msg("Pakai inisialisasi He: standar deviasi √(2 / n_in).",
                 "Use He initialisation: standard deviation √(2 / n_in)."),
        "c": msg("Inisialisasi semua weight dengan 0.", "Initialise every weight to 0."),
        "d": msg("Pakai Glorot/Xavier: standar deviasi √(2 / (n_in + n_out)).",
                 "Use Glorot/Xavier: standard deviation √(2 / (n_in + n_out))."),
    },
    why={
        "a": msg("Gradient-nya kecil karena sinyal menyusut ×0,11 di setiap layer, maju maupun mundur. "
                 "Langkah raksasa tidak memperbaiki penyebab itu; begitu weight berubah, ukuran gradient "
                 "pun berubah drastis dan training menjadi tidak stabil.",
                 "The gradients are tiny because the signal shrinks ×0.11 at every layer, forward and "
                 "backward. A giant step does not fix that cause; as soon as the weights change, the "
                 "gradients change size drastically and training becomes unstable."),
        "b": msg("Untuk ReLU, n · Var(W) · ½ = n · (2/n) · ½ = 1: sinyal maju dan dz yang mundur tetap sama "
                 "besar melewati ke-20 layer.",
                 "For ReLU, n · Var(W) · ½ = n · (2/n) · ½ = 1: the forward signal and the backward dz keep "
                 "their size through all 20 layers."),
        "c": msg("Dengan weight 0, setiap aktivasi hidden layer bernilai ReLU(0) = 0 dan setiap dz di bawah "
                 "output dikalikan Wᵀ = 0: weight di hidden layer tidak pernah mendapat gradient, hanya "
                 "bias output yang belajar.",
                 "With zero weights every hidden activation is ReLU(0) = 0 and every dz below the output is "
                 "multiplied by Wᵀ = 0: the hidden weights never get a gradient; only the output bias learns."),
        "d": msg("Untuk layer persegi (n_in = n_out) ini sama dengan LeCun, √(1/n): faktornya √(1/2) ≈ 0,71 "
                 "per layer, jadi setelah 20 layer sinyalnya tinggal sekitar 0,001 kali semula. Jauh lebih "
                 "baik daripada 0,01, tetapi rumus ini dirancang untuk tanh/sigmoid, bukan ReLU.",
                 "For square layers (n_in = n_out) this equals LeCun, √(1/n): the factor is √(1/2) ≈ 0.71 "
                 "per layer, so after 20 layers the signal is about 0.001 of its size. Much better than "
                 "0.01, but this rule is designed for tanh/sigmoid, not ReLU."),
    },
    reference="b",
    hints=[msg("Hitung faktor n · Var(W) · ½ per layer untuk setiap pilihan. Faktor berapa yang menjaga "
               "sinyal tetap sama besar?",
               "Work out the per-layer factor n · Var(W) · ½ for each option. Which factor keeps the signal "
               "the same size?")],
)

# -- q3: the L-layer backward pass -------------------------------------------------------------


def _forward(weights, biases, X):
    acts = [X]
    a = np.asarray(X, dtype=np.float64)
    for l, (W, b) in enumerate(zip(weights, biases), start=1):
        z = a @ W + b
        a = softmax(z) if l == len(weights) else np.tanh(z)
        acts.append(a)
    return acts


def _case(rng, sizes, m, *, integer=False, scale=1.0):
    weights = [rng.normal(0, 0.8, (n_in, n_out)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(0, 0.3, (1, n_out)) for n_out in sizes[1:]]
    X = rng.integers(-2, 3, (m, sizes[0])) if integer else rng.normal(0, scale, (m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    lr = float(np.round(rng.uniform(0.1, 1.0), 2))
    return weights, biases, _forward(weights, biases, X), Y, lr


def _cases(rng):
    """Random architectures (1 to 4 layers, widths 2–7, layers of different widths), a batch of
    one, integer input, and large inputs that saturate tanh (a = ±1, so 1 − a² = 0)."""
    cases = [_case(rng, [3, 5, 4, 2], 6)]
    for L in (1, 2, 3, 4):
        sizes = [int(rng.integers(2, 8))]
        for _ in range(L):
            nxt = int(rng.integers(2, 8))
            while nxt == sizes[-1]:      # different widths: a missing transpose cannot hide
                nxt = int(rng.integers(2, 8))
            sizes.append(nxt)
        cases.append(_case(rng, sizes, int(rng.integers(2, 9))))
    cases.append(_case(rng, [4, 6, 3, 3], 1))                   # a batch of one
    cases.append(_case(rng, [2, 5, 3], 5, integer=True))        # integer input
    cases.append(_case(rng, [3, 4, 5, 2], 4, scale=30.0))       # saturated tanh
    return cases


def _square_cases(rng):
    """Layers of equal width: here a missing or misplaced transpose runs without an error, so
    the checker can tell which transpose went wrong."""
    return [_case(rng, [n] * (L + 1), int(rng.integers(2, 7))) for n, L in ((3, 2), (4, 3), (5, 2), (3, 3))]


def _reference(weights, biases, activations, Y, lr):
    L = len(weights)
    m = Y.shape[0]
    dz = (activations[L] - Y) / m                          # dz^[L] for softmax + cross-entropy
    grads = [None] * L
    for l in range(L, 0, -1):
        a_prev = activations[l - 1]
        grads[l - 1] = (a_prev.T @ dz, dz.sum(axis=0, keepdims=True))
        if l > 1:
            dz = (dz @ weights[l - 1].T) * (1 - a_prev ** 2)   # tanh′ from a: 1 − a²
    new_W = tuple(W - lr * dW for W, (dW, _) in zip(weights, grads))
    new_b = tuple(b - lr * db for b, (_, db) in zip(biases, grads))
    return new_W, new_b


def _variant(*, scale_m=True, derivative=lambda a: 1 - a ** 2, back=lambda dz, W: dz @ W.T,
             dW=lambda a_prev, dz: a_prev.T @ dz, update_first=False, sign=1.0, bias=True):
    """A backward pass with one thing changed (for the typical mistakes)."""
    def backward(weights, biases, activations, Y, lr):
        weights = [np.array(W, dtype=np.float64) for W in weights]
        biases = [np.array(b, dtype=np.float64) for b in biases]
        L = len(weights)
        dz = activations[L] - Y
        if scale_m:
            dz = dz / Y.shape[0]
        for l in range(L, 0, -1):
            a_prev = activations[l - 1]
            gW, gb = dW(a_prev, dz), dz.sum(axis=0, keepdims=True)
            if update_first:
                weights[l - 1] = weights[l - 1] - sign * lr * gW
                if bias:
                    biases[l - 1] = biases[l - 1] - sign * lr * gb
            if l > 1:
                dz = back(dz, weights[l - 1]) * derivative(a_prev)
            if not update_first:
                weights[l - 1] = weights[l - 1] - sign * lr * gW
                if bias:
                    biases[l - 1] = biases[l - 1] - sign * lr * gb
        return tuple(weights), tuple(biases)   # tuples: the checker compares them entry by entry
    return backward


_WHICH = {"id": "{name} setelah update", "en": "{name} after the update"}


class BackwardExercise(FunctionExercise):
    """An L-layer backward pass with its update. A learner's answer that raises a shape error
    on layers of different widths is also tried on square layers, where a misplaced transpose
    runs: then the feedback names the transpose."""

    def __init__(self, *args, square_cases, **kw):
        super().__init__(*args, **kw)
        self.square_cases = square_cases

    def grade(self, answer):
        try:
            return super().grade(answer)
        except LearnerError:
            name = self.diagnose(answer, self.square_cases(np.random.default_rng(self.seed)))
            if name is not None:
                return False, self.mistakes[name].message
            raise

    def _describe_args(self, args):
        weights, Y = args[0], args[3]
        sizes = [int(np.shape(weights[0])[0])] + [int(np.shape(W)[1]) for W in weights]
        return msg(f"layer {sizes} dan batch berisi {np.shape(Y)[0]} sampel",
                   f"layers {sizes} and a batch of {np.shape(Y)[0]} samples")

    def _difference(self, args, got, expected):
        where = self._describe_args(args)
        n = len(expected[0])
        if not (isinstance(got, (tuple, list)) and len(got) == 2
                and all(isinstance(g, (tuple, list)) and len(g) == n for g in got)):
            return msg(f"untuk {where['id']}, fungsi Anda harus mengembalikan dua list, `weights` dan "
                       f"`biases`, masing-masing berisi {n} array (satu per layer); yang dikembalikan: "
                       f"{_type_name(got)}.",
                       f"for {where['en']}, your function should return two lists, `weights` and `biases`, "
                       f"each holding {n} arrays (one per layer); it returned: {_type_name(got)}.")
        for l in range(n, 0, -1):                 # from the back, as backprop computes them
            for kind, gs, es in (("W", got[0], expected[0]), ("b", got[1], expected[1])):
                g, e = gs[l - 1], es[l - 1]
                if self._outputs_equal(g, e):
                    continue
                name = f"{kind}{l}"
                g_arr = _as_numeric(g)
                if g_arr is None:
                    return msg(f"untuk {where['id']}, {name} yang Anda kembalikan bukan array angka "
                               f"({_type_name(g)}).",
                               f"for {where['en']}, the {name} you return is not an array of numbers "
                               f"({_type_name(g)}).")
                if g_arr.shape != e.shape:
                    return msg(f"untuk {where['id']}, {name} Anda berbentuk {g_arr.shape}, padahal "
                               f"seharusnya {e.shape}.",
                               f"for {where['en']}, your {name} has shape {g_arr.shape}; it should be {e.shape}.")
                worst = float(np.max(np.abs(g_arr - e)))
                above = (msg(f" Layer di atasnya (l > {l}) sudah benar.", f" The layers above it (l > {l}) are right.")
                         if l < n else msg("", ""))
                return msg(f"untuk {where['id']}, {_WHICH['id'].format(name=name)} belum tepat "
                           f"(selisih terbesar {worst:.3g}).{above['id']}",
                           f"for {where['en']}, {_WHICH['en'].format(name=name)} is not right (largest "
                           f"difference {worst:.3g}).{above['en']}")
        return msg(f"untuk {where['id']}, hasil Anda belum tepat.", f"for {where['en']}, your result is not right.")


_SOLUTION = '''def backward(weights, biases, activations, Y, lr):
    L = len(weights)
    m = Y.shape[0]
    dz = (activations[L] - Y) / m                 # dz^[L] = (ŷ − y) / m
    grads = [None] * L
    for l in range(L, 0, -1):                     # l = L, L−1, …, 1
        a_prev = activations[l - 1]
        grads[l - 1] = (a_prev.T @ dz, dz.sum(axis=0, keepdims=True))
        if l > 1:                                 # dz^[l−1] = (dz^[l] W^[l]ᵀ) ⊙ (1 − a^[l−1]²)
            dz = (dz @ weights[l - 1].T) * (1 - a_prev ** 2)
    new_weights = [W - lr * dW for W, (dW, db) in zip(weights, grads)]
    new_biases = [b - lr * db for b, (dW, db) in zip(biases, grads)]
    return new_weights, new_biases'''

q3 = BackwardExercise(
    CHAPTER, "q3", cases=_cases, square_cases=_square_cases,
    arg_names=("weights", "biases", "activations", "Y", "lr"),
    title=msg("Backward pass untuk L layer", "The backward pass for L layers"),
    reference=_reference,
    mistakes={
        "no_transpose": Mistake(_variant(back=lambda dz, W: dz @ W), msg(
            "pada layer dengan lebar berbeda, kode Anda memunculkan error shape, dan pada layer persegi "
            "hasilnya sama dengan `dz @ W`. Error mengalir mundur melalui Wᵀ: (m, n^[l]) @ (n^[l], n^[l−1]) "
            "→ (m, n^[l−1]). Tulis `dz @ W.T`.",
            "on layers of different widths your code raises a shape error, and on square layers it gives "
            "the result of `dz @ W`. The error flows back through Wᵀ: (m, n^[l]) @ (n^[l], n^[l−1]) → "
            "(m, n^[l−1]). Write `dz @ W.T`.")),
        "dW_transposed": Mistake(_variant(dW=lambda a_prev, dz: dz.T @ a_prev), msg(
            "gradient weight Anda ditranspos: `dz.T @ a_prev` berbentuk (n^[l], n^[l−1]), bukan shape W. "
            "Tulis `a_prev.T @ dz`: (n^[l−1], m) @ (m, n^[l]).",
            "your weight gradient is transposed: `dz.T @ a_prev` has shape (n^[l], n^[l−1]), not the shape "
            "of W. Write `a_prev.T @ dz`: (n^[l−1], m) @ (m, n^[l]).")),
        "no_1_over_m": Mistake(_variant(scale_m=False), msg(
            "langkah Anda m kali terlalu besar: loss adalah rata-rata atas m sampel, jadi dz^[L] = (ŷ − y) / m. "
            "Tanpa 1/m, gradient-nya adalah jumlah, bukan rata-rata.",
            "your step is m times too large: the loss is the mean over m samples, so dz^[L] = (ŷ − y) / m. "
            "Without 1/m the gradient is a sum, not a mean.")),
        "tanh_of_a": Mistake(_variant(derivative=lambda a: 1 - np.tanh(a) ** 2), msg(
            "Anda menghitung 1 − tanh(a)², seolah-olah a adalah z. Yang tersimpan adalah a = tanh(z), "
            "jadi turunannya cukup 1 − a².",
            "you compute 1 − tanh(a)², as if a were z. What is stored is a = tanh(z), so the derivative is "
            "simply 1 − a².")),
        "relu_mask": Mistake(_variant(derivative=lambda a: (a > 0).astype(float)), msg(
            "Anda memakai turunan ReLU (a > 0). Di soal ini hidden layer memakai tanh: turunannya 1 − a².",
            "you use the ReLU derivative (a > 0). In this exercise the hidden layers use tanh: its derivative "
            "is 1 − a².")),
        "update_first": Mistake(_variant(update_first=True), msg(
            "urutannya terbalik: Anda memperbarui W^[l] lalu memakai W^[l] yang baru untuk meneruskan error ke "
            "layer di bawahnya. dz^[l−1] harus dihitung dengan W^[l] yang lama, yaitu weight yang dipakai "
            "forward pass.",
            "the order is wrong: you update W^[l] and then use the new W^[l] to pass the error to the layer "
            "below. dz^[l−1] must be computed with the old W^[l], the weights the forward pass used.")),
        "sign": Mistake(_variant(sign=-1.0), msg(
            "tandanya terbalik: gradient descent melangkah berlawanan arah gradient, W ← W − lr · dW.",
            "the sign is flipped: gradient descent steps against the gradient, W ← W − lr · dW.")),
        "no_bias": Mistake(_variant(bias=False), msg(
            "weight Anda benar, tetapi bias tidak diperbarui. db^[l] = jumlah dz^[l] atas sampel (axis=0).",
            "your weights are right, but the biases are not updated. db^[l] = the sum of dz^[l] over the samples "
            "(axis=0).")),
    },
    hints=[msg("Mulai dari dz = (activations[L] − Y) / m, lalu jalan mundur l = L, …, 1: dW^[l] = a^[l−1]ᵀ dz, "
               "db^[l] = jumlah dz per kolom, dan (jika l > 1) dz ← (dz @ W^[l]ᵀ) ⊙ (1 − a^[l−1]²).",
               "Start from dz = (activations[L] − Y) / m, then walk back l = L, …, 1: dW^[l] = a^[l−1]ᵀ dz, "
               "db^[l] = the column sums of dz, and (if l > 1) dz ← (dz @ W^[l]ᵀ) ⊙ (1 − a^[l−1]²)."),
           msg("Hitung semua gradient dulu (atau setidaknya teruskan dz dengan W^[l] yang lama), baru "
               "perbarui weight dan bias.",
               "Compute all the gradients first (or at least pass dz back with the old W^[l]), then update "
               "the weights and biases.")],
    solution=msg(_SOLUTION.replace("# l = L, L−1, …, 1", "# l = L, L−1, …, 1 (mundur)"), _SOLUTION),
)


# -- q4: find the planted bug with a gradient check ---------------------------------------------


def _grads(weights, biases, X, Y, *, planted=False, twice_m=False, softmax_axis=1, mask=True):
    """dW^[l], db^[l] of a ReLU network with a softmax output and the mean cross-entropy, with
    one thing changed for the typical mistakes (``planted`` is the bug the chapter plants)."""
    L, m = len(weights), len(X)
    a = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        z = a[-1] @ weights[l - 1] + biases[l - 1]
        if l < L:
            a.append(np.maximum(z, 0))
        else:
            a.append(softmax(z) if softmax_axis == 1 else softmax(z.T).T)   # axis 0: the mistake
    dWs, dbs = [None] * L, [None] * L
    dz = (a[L] - Y) / m if twice_m else a[L] - Y
    for l in range(L, 0, -1):
        dWs[l - 1] = a[l - 1].T @ dz / m
        dbs[l - 1] = dz.sum(axis=0, keepdims=True) / (1 if planted or twice_m else m)
        if l > 1:
            dz = dz @ weights[l - 1].T
            if mask:
                dz = dz * (a[l - 1] > 0)
    return tuple(dWs), tuple(dbs)


def _grads_reference(weights, biases, X, Y):
    return _grads(weights, biases, X, Y)


def _debug_case(rng, sizes, m):
    weights = [rng.normal(0, np.sqrt(2 / n_in), (n_in, n_out)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(0, 0.1, (1, n_out)) for n_out in sizes[1:]]
    X = rng.normal(0, 1, (m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    return weights, biases, X, Y


def _debug_cases(rng):
    """Layers of different widths, 1 to 3 hidden layers, batches of 2 to 9 samples."""
    cases = [_debug_case(rng, [4, 5, 3, 3], 6)]
    for n_hidden in (1, 2, 3):
        sizes = [int(rng.integers(2, 7))]
        for _ in range(n_hidden + 1):
            nxt = int(rng.integers(2, 7))
            while nxt == sizes[-1]:
                nxt = int(rng.integers(2, 7))
            sizes.append(nxt)
        cases.append(_debug_case(rng, sizes, int(rng.integers(2, 10))))
    return cases


class GradientBugExercise(FunctionExercise):
    """Find a planted bug with a gradient check. ``gradient_check(fn)`` prints the relative
    error of every parameter's gradient against central differences; a correct answer is told
    which bug it fixed."""

    def gradient_check(self, gradients, eps=1e-6):
        from ..formatting import fmt
        from ..i18n import pick

        weights, biases, X, Y = _debug_case(np.random.default_rng(self.seed), [4, 5, 3, 3], 6)

        def loss():
            a = X
            for l, (W, b) in enumerate(zip(weights, biases), start=1):
                z = a @ W + b
                if l < len(weights):
                    a = np.maximum(z, 0)
                else:
                    a = softmax(z)
            return -np.mean(np.sum(Y * np.log(a), axis=1))

        dWs, dbs = gradients([W.copy() for W in weights], [b.copy() for b in biases], X.copy(), Y.copy())
        errors = {}
        for kind, params, grads in (("W", weights, dWs), ("b", biases, dbs)):
            for l, (p, g) in enumerate(zip(params, grads), start=1):
                num = numerical_gradient(loss, p, eps)      # (ℒ(p + ε) − ℒ(p − ε)) / 2ε, entry by entry
                g = np.asarray(g, dtype=np.float64)
                if g.shape != num.shape:
                    errors[f"{kind}{l}"] = None
                    continue
                size = np.linalg.norm(g) + np.linalg.norm(num) + 1e-300
                errors[f"{kind}{l}"] = float(np.linalg.norm(g - num) / size)
        title = pick(msg("Gradient check (layer [4, 5, 3, 3], batch 6 sampel), galat relatif per parameter:",
                         "Gradient check (layers [4, 5, 3, 3], a batch of 6 samples), relative error per parameter:"))
        print(title)
        for name in sorted(errors, key=lambda k: (int(k[1:]), k[0])):
            err = errors[name]
            if err is None:
                verdict = pick(msg("shape salah", "wrong shape"))
            else:
                verdict = ("< 1e-7  ✓" if err < 1e-7 else f"{fmt(err, spec='.1e')}  ✗")
            print(f"  {name}: {verdict}")
        return errors

    def grade(self, answer):
        ok, message = super().grade(answer)
        if ok:
            message = msg(
                "Anda memperbaiki bug yang ditanam: db^[l] = (1/m) Σ_i dz^[l]_i kehilangan faktor 1/m, jadi "
                "setiap gradient bias m kali terlalu besar. Gradient check menunjuk ke b1, b2, b3 saja: "
                "weight benar, jadi bug-nya ada di baris db.",
                "You fixed the planted bug: db^[l] = (1/m) Σ_i dz^[l]_i was missing the factor 1/m, so every "
                "bias gradient was m times too large. The gradient check pointed at b1, b2, b3 only: the "
                "weights were right, so the bug was in the db line.")
        return ok, message


_BUGGY = '''from nn_core import softmax


def gradients(weights, biases, X, Y):
    L, m = len(weights), len(X)
    a = [X]                                                   # a^[0] = X, …, a^[L] = ŷ
    for l in range(1, L + 1):
        z = a[-1] @ weights[l - 1] + biases[l - 1]
        if l < L:
            a.append(np.maximum(z, 0))                        # ReLU
        else:
            a.append(softmax(z))                              # softmax
    dWs, dbs = [None] * L, [None] * L
    dz = a[L] - Y                                             # dz^[L]
    for l in range(L, 0, -1):
        dWs[l - 1] = a[l - 1].T @ dz / m
        dbs[l - 1] = dz.sum(axis=0, keepdims=True)
        if l > 1:
            dz = (dz @ weights[l - 1].T) * (a[l - 1] > 0)     # ReLU mask
    return dWs, dbs'''

BUGGY_GRADIENTS = {"en": _BUGGY, "id": _BUGGY.replace("# ReLU mask", "# mask ReLU")}

_FIXED = _BUGGY.replace("        dbs[l - 1] = dz.sum(axis=0, keepdims=True)\n",
                        "        dbs[l - 1] = dz.sum(axis=0, keepdims=True) / m     # FIXED: 1/m\n")

q4 = GradientBugExercise(
    CHAPTER, "q4", cases=_debug_cases, arg_names=("weights", "biases", "X", "Y"),
    title=msg("Cari bug dengan gradient check", "Find the bug with a gradient check"),
    reference=_grads_reference,
    mistakes={
        "planted": Mistake(lambda *args: _grads(*args, planted=True), msg(
            "bug yang ditanam masih ada: sebagian gradient tidak sama dengan gradient numerik. Jalankan "
            "`ex.q4.gradient_check(gradients)` dan lihat parameter mana yang salah dan mana yang benar.",
            "the planted bug is still there: some gradients disagree with the numerical ones. Run "
            "`ex.q4.gradient_check(gradients)` and look at which parameters are wrong and which are right.")),
        "twice_m": Mistake(lambda *args: _grads(*args, twice_m=True), msg(
            "db sekarang benar, tetapi dW menjadi m kali terlalu kecil: Anda membagi dengan m dua kali (di dz "
            "dan lagi di dW). Bagi dengan m tepat sekali untuk setiap gradient.",
            "db is right now, but dW has become m times too small: you divided by m twice (in dz and again in "
            "dW). Divide by m exactly once for every gradient.")),
        "softmax_axis": Mistake(lambda *args: _grads(*args, softmax_axis=0), msg(
            "softmax Anda menormalkan atas sampel (axis=0), bukan atas kelas: setiap baris ŷ harus berjumlah 1, "
            "jadi max dan sum memakai axis=1.",
            "your softmax normalises over the samples (axis=0), not over the classes: every row of ŷ must sum "
            "to 1, so max and sum use axis=1.")),
        "no_mask": Mistake(lambda *args: _grads(*args, mask=False), msg(
            "mask ReLU hilang: dz^[l−1] = (dz^[l] W^[l]ᵀ) ⊙ g′(z^[l−1]), dan untuk ReLU g′ adalah (a^[l−1] > 0).",
            "the ReLU mask is missing: dz^[l−1] = (dz^[l] W^[l]ᵀ) ⊙ g′(z^[l−1]), and for ReLU g′ is "
            "(a^[l−1] > 0).")),
    },
    hints=[msg("Jalankan `ex.q4.gradient_check(gradients)`. Apakah semua parameter salah, atau hanya sebagian? "
               "Jika hanya satu jenis parameter yang salah, bug-nya ada di baris yang menghitung gradient jenis itu.",
               "Run `ex.q4.gradient_check(gradients)`. Are all the parameters wrong, or only some? If only one "
               "kind of parameter is wrong, the bug is in the line that computes that kind of gradient."),
           msg("Bandingkan baris dW dan baris db: loss adalah rata-rata atas m sampel. Apa yang dimiliki satu "
               "baris tetapi tidak dimiliki baris lainnya?",
               "Compare the dW line with the db line: the loss is a mean over m samples. What does one line have "
               "that the other lacks?")],
    solution=msg(_FIXED.replace("# ReLU mask", "# mask ReLU").replace("# FIXED: 1/m", "# DIPERBAIKI: 1/m"), _FIXED),
)
