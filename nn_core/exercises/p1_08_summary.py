"""Exercises of chapter p1-08 (Summary of Part 1)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, _as_numeric, _type_name, msg

CHAPTER = "p1-08-summary"

# -- q1: count the parameters ------------------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Berapa banyak parameter?", "How many parameters?"),
    reference=32,
    rtol=0, atol=0.5,
    mistakes={
        "no_bias": Mistake(25, msg(
            "itu hanya weight-nya (3·5 + 5·2 = 25). Setiap neuron di hidden layer dan output layer juga "
            "punya satu bias.",
            "that counts only the weights (3·5 + 5·2 = 25). Every neuron of the hidden and output layers "
            "also has one bias.")),
        "one_bias_per_layer": Mistake(27, msg(
            "Anda memberi satu bias per layer. b1 berbentuk (1, 5) dan b2 (1, 2): satu bias per neuron.",
            "you gave one bias per layer. b1 has shape (1, 5) and b2 (1, 2): one bias per neuron.")),
        "neurons": Mistake(10, msg(
            "itu jumlah neuron (3 + 5 + 2), bukan jumlah parameter. Parameter adalah angka yang diubah "
            "training: weight di setiap sambungan, dan bias.",
            "that is the number of neurons (3 + 5 + 2), not of parameters. Parameters are the numbers "
            "training changes: a weight on every connection, plus the biases.")),
        "input_bias": Mistake(35, msg(
            "Anda juga memberi bias pada ketiga input. Input hanyalah data: bias ada di hidden layer dan "
            "output layer saja.",
            "you also gave the three inputs a bias. Inputs are just data: only the hidden and output "
            "layers have biases.")),
    },
    hints=[msg("Hitung shape W1, b1, W2, dan b2 untuk NeuralNetwork(3, 5, 2), lalu jumlahkan ukurannya.",
               "Work out the shapes of W1, b1, W2 and b2 for NeuralNetwork(3, 5, 2), then add up their sizes."),
           msg("W1: (3, 5), b1: (1, 5), W2: (5, 2), b2: (1, 2).", "W1: (3, 5), b1: (1, 5), W2: (5, 2), b2: (1, 2).")],
    solution=msg(
        "answer = 32   # W1: 3·5 = 15, b1: 5, W2: 5·2 = 10, b2: 2\n"
        "# Cek: sum(p.size for p in NeuralNetwork(3, 5, 2).parameters().values())  → 32",
        "answer = 32   # W1: 3·5 = 15, b1: 5, W2: 5·2 = 10, b2: 2\n"
        "# Check: sum(p.size for p in NeuralNetwork(3, 5, 2).parameters().values())  → 32"),
)

# -- q2: a loss that goes up -----------------------------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Loss yang justru naik", "A loss that goes up"),
    options={
        "a": msg("Update-nya tertulis `W += lr * dW`.", "The update reads `W += lr * dW`."),
        "b": msg("Learning rate-nya terlalu kecil.", "The learning rate is too small."),
        "c": msg("Loss dihitung dengan `np.mean`, bukan `np.sum`.", "The loss uses `np.mean` instead of `np.sum`."),
        "d": msg("Bias diinisialisasi dengan nol.", "The biases start at zero."),
    },
    why={
        "a": msg("Gradient menunjuk ke arah loss naik paling cepat. `+=` melangkah ke arah itu, jadi loss "
                 "naik di setiap epoch; gradient descent memerlukan `W -= lr * dW`.",
                 "The gradient points where the loss rises fastest. `+=` steps that way, so the loss rises "
                 "every epoch; gradient descent needs `W -= lr * dW`."),
        "b": msg("Learning rate yang terlalu kecil membuat loss turun sangat lambat, tetapi tetap turun.",
                 "A learning rate that is too small makes the loss fall very slowly, but it still falls."),
        "c": msg("`np.mean` hanya membagi loss (dan gradient-nya) dengan konstanta positif. Arah "
                 "langkahnya sama; yang berubah hanya besarnya.",
                 "`np.mean` only divides the loss (and its gradient) by a positive constant. The step points "
                 "the same way; only its size changes."),
        "d": msg("Bias nol adalah awal yang biasa, dan di Bagian 1 memang begitu. Weight acak sudah "
                 "membedakan neuron-neuronnya.",
                 "Zero biases are the usual start, as in Part 1. The random weights already make the "
                 "neurons differ."),
    },
    reference="a",
    hints=[msg("Ke arah mana gradient menunjuk: ke loss yang lebih besar atau yang lebih kecil?",
               "Which way does the gradient point: towards a larger or a smaller loss?")],
)

# -- q3: one whole training step ------------------------------------------------------------------


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _step(*, scale="mk", two=True, derivative=lambda a: a * (1 - a), update_first=False, sign=1.0, bias=True):
    """One training step of Part 1's network, with one thing changed for the typical mistakes."""
    def train_step(X, y, W1, b1, W2, b2, lr):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        m, k = y.shape
        a1 = _sigmoid(X @ W1 + b1)
        a2 = _sigmoid(a1 @ W2 + b2)
        factor = (2.0 if two else 1.0) / {"mk": m * k, "m": m, "none": 1}[scale]
        dz2 = -factor * (y - a2) * derivative(a2)
        dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
        if update_first:
            W2 = W2 - sign * lr * dW2
        dz1 = (dz2 @ W2.T) * derivative(a1)
        dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
        if not update_first:
            W2 = W2 - sign * lr * dW2
        W1 = W1 - sign * lr * dW1
        if bias:
            b1, b2 = b1 - sign * lr * db1, b2 - sign * lr * db2
        return W1, b1, W2, b2
    return train_step


_reference = _step()
_NAMES = ("W1", "b1", "W2", "b2")


def _case(rng, n_in, hidden, k, m, *, scale=1.0):
    X = rng.normal(0, scale, (m, n_in))
    y = rng.integers(0, 2, (m, k)).astype(float)
    W1, W2 = rng.normal(0, 1, (n_in, hidden)), rng.normal(0, 1, (hidden, k))
    b1, b2 = rng.normal(0, 0.3, (1, hidden)), rng.normal(0, 0.3, (1, k))
    return X, y, W1, b1, W2, b2, float(np.round(rng.uniform(0.2, 2.0), 2))


def _cases(rng):
    xor_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])      # integer input, as in Part 1
    xor_y = np.array([[0], [1], [1], [0]])
    cases = [(xor_X, xor_y, rng.normal(0, 1, (2, 4)), np.zeros((1, 4)), rng.normal(0, 1, (4, 1)),
              np.zeros((1, 1)), 2.0)]
    for _ in range(3):
        cases.append(_case(rng, int(rng.integers(1, 5)), int(rng.integers(2, 7)), 1, int(rng.integers(2, 9))))
    cases.append(_case(rng, 3, 4, 3, 5))                     # three outputs: the mean is over m·k numbers
    cases.append(_case(rng, 2, 3, 2, 1))                     # a batch of one
    cases.append(_case(rng, 2, 5, 1, 6, scale=20.0))         # large inputs: saturated sigmoids
    return cases


class TrainStepExercise(FunctionExercise):
    """One training step: the answer returns the four updated parameters; feedback names the
    first wrong one in the order backprop computes them (W2, b2, then W1, b1)."""

    def _describe_args(self, args):
        X, y, W1 = args[0], args[1], args[2]
        n_in, hidden = np.shape(W1)
        return msg(f"jaringan {n_in}→{hidden}→{np.shape(y)[1]} dan batch berisi {np.shape(X)[0]} sampel",
                   f"a {n_in}→{hidden}→{np.shape(y)[1]} network and a batch of {np.shape(X)[0]} samples")

    def _difference(self, args, got, expected):
        where = self._describe_args(args)
        if not (isinstance(got, (tuple, list)) and len(got) == 4):
            return msg(f"untuk {where['id']}, fungsi Anda harus mengembalikan empat array: "
                       f"(W1, b1, W2, b2) yang baru; yang dikembalikan: {_type_name(got)}.",
                       f"for {where['en']}, your function should return four arrays: the new "
                       f"(W1, b1, W2, b2); it returned: {_type_name(got)}.")
        for i in (2, 3, 0, 1):
            g, e, name = got[i], expected[i], _NAMES[i]
            if self._outputs_equal(g, e):
                continue
            g_arr = _as_numeric(g)
            if g_arr is None or g_arr.shape != e.shape:
                shape = "-" if g_arr is None else g_arr.shape
                return msg(f"untuk {where['id']}, {name} Anda berbentuk {shape}, padahal seharusnya {e.shape}.",
                           f"for {where['en']}, your {name} has shape {shape}; it should be {e.shape}.")
            worst = float(np.max(np.abs(g_arr - e)))
            return msg(f"untuk {where['id']}, {name} yang baru belum tepat (selisih terbesar {worst:.3g}).",
                       f"for {where['en']}, the new {name} is not right (largest difference {worst:.3g}).")
        return msg(f"untuk {where['id']}, hasil Anda belum tepat.", f"for {where['en']}, your result is not right.")


_SOLUTION = {
    "id": '''def train_step(X, y, W1, b1, W2, b2, lr):
    m, k = y.shape
    # forward pass
    a1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
    a2 = 1 / (1 + np.exp(-(a1 @ W2 + b2)))
    # backward pass: L = mean((y − a2)²), σ′ = a(1 − a)
    dz2 = (-2 / (m * k)) * (y - a2) * a2 * (1 - a2)
    dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
    dz1 = (dz2 @ W2.T) * a1 * (1 - a1)        # dengan W2 yang lama
    dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
    # update
    return W1 - lr * dW1, b1 - lr * db1, W2 - lr * dW2, b2 - lr * db2''',
    "en": '''def train_step(X, y, W1, b1, W2, b2, lr):
    m, k = y.shape
    # forward pass
    a1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
    a2 = 1 / (1 + np.exp(-(a1 @ W2 + b2)))
    # backward pass: L = mean((y − a2)²), σ′ = a(1 − a)
    dz2 = (-2 / (m * k)) * (y - a2) * a2 * (1 - a2)
    dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
    dz1 = (dz2 @ W2.T) * a1 * (1 - a1)        # with the old W2
    dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
    # update
    return W1 - lr * dW1, b1 - lr * db1, W2 - lr * dW2, b2 - lr * db2''',
}

q3 = TrainStepExercise(
    CHAPTER, "q3", cases=_cases, arg_names=("X", "y", "W1", "b1", "W2", "b2", "lr"),
    title=msg("Bagian 1 dalam satu fungsi: satu langkah training", "Part 1 in one function: one training step"),
    reference=_reference,
    mistakes={
        "sign": Mistake(_step(sign=-1.0), msg(
            "tandanya terbalik: Anda melangkah searah gradient sehingga loss naik. Gradient descent: "
            "W ← W − lr · dW.",
            "the sign is flipped: you step along the gradient, so the loss goes up. Gradient descent: "
            "W ← W − lr · dW.")),
        "no_mean": Mistake(_step(scale="none"), msg(
            "langkah Anda terlalu besar: loss-nya adalah rata-rata (np.mean), jadi turunannya dibagi "
            "dengan banyaknya angka di y, m · k.",
            "your step is too large: the loss is a mean (np.mean), so its derivative is divided by the "
            "number of entries of y, m · k.")),
        "no_two": Mistake(_step(two=False), msg(
            "langkah Anda setengah dari yang seharusnya: turunan (y − a)² terhadap a adalah −2(y − a). "
            "Faktor 2 itu hilang.",
            "your step is half what it should be: the derivative of (y − a)² with respect to a is "
            "−2(y − a). The factor 2 is missing.")),
        "mean_over_m": Mistake(_step(scale="m"), msg(
            "untuk satu output Anda benar, tetapi untuk k > 1 output langkahnya k kali terlalu besar. "
            "np.mean merata-ratakan atas semua m · k angka di y, jadi bagilah dengan m · k.",
            "right for one output, but with k > 1 outputs your step is k times too large. np.mean averages "
            "over all m · k entries of y, so divide by m · k.")),
        "sigma_of_a": Mistake(_step(derivative=lambda a: _sigmoid(a) * (1 - _sigmoid(a))), msg(
            "Anda menerapkan sigmoid lagi pada aktivasi: σ(a)(1 − σ(a)). Karena a sudah sama dengan σ(z), "
            "turunannya cukup a(1 − a).",
            "you apply the sigmoid again to the activation: σ(a)(1 − σ(a)). Since a already is σ(z), the "
            "derivative is simply a(1 − a).")),
        "update_first": Mistake(_step(update_first=True), msg(
            "urutannya terbalik: Anda memperbarui W2 sebelum meneruskan error ke hidden layer. "
            "dz1 = (dz2 @ W2ᵀ) ⊙ a1(1 − a1) harus memakai W2 yang lama, yang dipakai forward pass.",
            "the order is wrong: you update W2 before passing the error to the hidden layer. "
            "dz1 = (dz2 @ W2ᵀ) ⊙ a1(1 − a1) must use the old W2, the one the forward pass used.")),
        "no_bias": Mistake(_step(bias=False), msg(
            "weight Anda benar, tetapi bias tidak diperbarui: db = jumlah dz atas sampel (axis=0).",
            "your weights are right, but the biases are not updated: db = the sum of dz over the samples "
            "(axis=0).")),
    },
    hints=[msg("Tulis forward pass (a1, a2), lalu dz2 = −2/(m·k) · (y − a2) ⊙ a2(1 − a2), dW2 = a1ᵀ dz2, "
               "dz1 = (dz2 W2ᵀ) ⊙ a1(1 − a1), dW1 = Xᵀ dz1, dan bias = jumlah dz per kolom.",
               "Write the forward pass (a1, a2), then dz2 = −2/(m·k) · (y − a2) ⊙ a2(1 − a2), dW2 = a1ᵀ dz2, "
               "dz1 = (dz2 W2ᵀ) ⊙ a1(1 − a1), dW1 = Xᵀ dz1, and the biases = column sums of dz."),
           msg("Kembalikan parameter yang baru sebagai tuple (W1, b1, W2, b2), masing-masing p − lr · dp.",
               "Return the new parameters as a tuple (W1, b1, W2, b2), each one p − lr · dp.")],
    solution=msg(_SOLUTION["id"], _SOLUTION["en"]),
)
