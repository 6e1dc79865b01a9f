"""Exercises of chapter p1-08 (Summary of Part 1)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, _as_numeric, _type_name, msg

CHAPTER = "p1-08-summary"

# -- q1: twice the data, the same gradient ----------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Data dua kali, gradient-nya?", "Twice the data: what happens to the gradient?"),
    reference=1.0,
    rtol=1e-6,
    mistakes={
        "doubles": Mistake(2.0, msg(
            "itu benar untuk loss yang dijumlahkan (np.sum). Loss kita adalah rata-rata: setiap sampel "
            "menyumbang dengan faktor 1/m. Dengan 8 baris, setiap suku dikali 1/8, tetapi ada dua kali lebih "
            "banyak suku yang sama, jadi gradient-nya tidak berubah.",
            "that would be right for a summed loss (np.sum). Our loss is a mean: each sample contributes with "
            "a factor 1/m. With 8 rows each term gets 1/8, but there are twice as many identical terms, so "
            "the gradient does not change.")),
        "halves": Mistake(0.5, msg(
            "m memang menjadi dua kali lebih besar, tetapi jumlah atas sampel (Xᵀ dz) juga menjadi dua kali "
            "lebih besar. Keduanya saling menghapus.",
            "m does double, but so does the sum over the samples (Xᵀ dz). The two cancel out.")),
    },
    hints=[msg("Loss-nya ℒ = (1/m) Σᵢ (yᵢ − ŷᵢ)². Apa yang terjadi pada rata-rata jika setiap angka muncul dua kali?",
               "The loss is ℒ = (1/m) Σᵢ (yᵢ − ŷᵢ)². What happens to a mean when every number appears twice?"),
           msg("Rata-rata [a, b, a, b] sama dengan rata-rata [a, b]. Gradient sebuah rata-rata adalah rata-rata gradient.",
               "The mean of [a, b, a, b] equals the mean of [a, b]. The gradient of a mean is the mean of the gradients.")],
    solution=msg(
        "factor = 1.0   # ℒ adalah rata-rata: data yang sama dua kali memberi ℒ dan gradient yang sama\n"
        "# Cek: nn = NeuralNetwork(2, 4, 1, seed=0); X2, y2 = np.vstack([X, X]), np.vstack([y, y])\n"
        "# nn.compute_gradients(X2, y2)[\"W1\"] / nn.compute_gradients(X, y)[\"W1\"]   → semuanya 1",
        "factor = 1.0   # ℒ is a mean: the same data twice gives the same ℒ and the same gradient\n"
        "# Check: nn = NeuralNetwork(2, 4, 1, seed=0); X2, y2 = np.vstack([X, X]), np.vstack([y, y])\n"
        "# nn.compute_gradients(X2, y2)[\"W1\"] / nn.compute_gradients(X, y)[\"W1\"]   → all 1"),
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


def _step(*, scale="mk", two=True, hidden_derivative=lambda a: 1 - a ** 2, out_derivative=lambda a: a * (1 - a),
          update_first=False, sign=1.0, bias=True):
    """One training step of Part 1's network with a tanh hidden layer (sigmoid output, MSE), with one
    thing changed for the typical mistakes."""
    def train_step(X, y, W1, b1, W2, b2, lr):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        m, k = y.shape
        a1 = np.tanh(X @ W1 + b1)
        a2 = _sigmoid(a1 @ W2 + b2)
        factor = (2.0 if two else 1.0) / {"mk": m * k, "m": m, "none": 1}[scale]
        dz2 = -factor * (y - a2) * out_derivative(a2)
        dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
        if update_first:
            W2 = W2 - sign * lr * dW2
        dz1 = (dz2 @ W2.T) * hidden_derivative(a1)
        dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
        if not update_first:
            W2 = W2 - sign * lr * dW2
        W1 = W1 - sign * lr * dW1
        if bias:
            b1, b2 = b1 - sign * lr * db1, b2 - sign * lr * db2
        return W1, b1, W2, b2
    return train_step


_reference = _step()


def _step_sigmoid_hidden(X, y, W1, b1, W2, b2, lr):
    """Part 1's original step (sigmoid hidden layer): the answer of someone who did not transfer."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    m, k = y.shape
    a1 = _sigmoid(X @ W1 + b1)
    a2 = _sigmoid(a1 @ W2 + b2)
    dz2 = -2 / (m * k) * (y - a2) * a2 * (1 - a2)
    dz1 = (dz2 @ W2.T) * a1 * (1 - a1)
    return (W1 - lr * X.T @ dz1, b1 - lr * dz1.sum(axis=0, keepdims=True), W2 - lr * a1.T @ dz2,
            b2 - lr * dz2.sum(axis=0, keepdims=True))
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
    a1 = np.tanh(X @ W1 + b1)                 # hidden layer: tanh
    a2 = 1 / (1 + np.exp(-(a1 @ W2 + b2)))
    # backward pass: ℒ = mean((y − a2)²), σ′ = a2(1 − a2) di output
    dz2 = (-2 / (m * k)) * (y - a2) * a2 * (1 - a2)
    dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
    dz1 = (dz2 @ W2.T) * (1 - a1 ** 2)       # dengan W2 yang lama; tanh′ = 1 − a1²
    dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
    # update
    return W1 - lr * dW1, b1 - lr * db1, W2 - lr * dW2, b2 - lr * db2''',
    "en": '''def train_step(X, y, W1, b1, W2, b2, lr):
    m, k = y.shape
    # forward pass
    a1 = np.tanh(X @ W1 + b1)                 # hidden layer: tanh
    a2 = 1 / (1 + np.exp(-(a1 @ W2 + b2)))
    # backward pass: ℒ = mean((y − a2)²), σ′ = a2(1 − a2) at the output
    dz2 = (-2 / (m * k)) * (y - a2) * a2 * (1 - a2)
    dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
    dz1 = (dz2 @ W2.T) * (1 - a1 ** 2)       # with the old W2; tanh′ = 1 − a1²
    dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
    # update
    return W1 - lr * dW1, b1 - lr * db1, W2 - lr * dW2, b2 - lr * db2''',
}

q3 = TrainStepExercise(
    CHAPTER, "q3", cases=_cases, arg_names=("X", "y", "W1", "b1", "W2", "b2", "lr"),
    title=msg("Satu langkah training dengan hidden layer tanh", "One training step with a tanh hidden layer"),
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
        "sigmoid_hidden": Mistake(_step(hidden_derivative=lambda a: a * (1 - a)), msg(
            "W2 dan b2 Anda benar, tetapi hidden layer masih memakai turunan sigmoid a1(1 − a1). Hidden layer "
            "kini tanh, jadi turunan lokalnya 1 − a1²: hanya baris dz1 yang berubah.",
            "your W2 and b2 are right, but the hidden layer still uses the sigmoid's derivative a1(1 − a1). "
            "The hidden layer is now tanh, so its local derivative is 1 − a1²: only the dz1 line changes.")),
        "tanh_output": Mistake(_step(out_derivative=lambda a: 1 - a ** 2), msg(
            "output layer masih sigmoid, jadi turunannya di sana tetap a2(1 − a2). Hanya hidden layer yang "
            "memakai tanh′ = 1 − a1².",
            "the output layer is still a sigmoid, so its derivative there stays a2(1 − a2). Only the hidden "
            "layer uses tanh′ = 1 − a1².")),
        "sigmoid_forward": Mistake(lambda X, y, W1, b1, W2, b2, lr: _step_sigmoid_hidden(X, y, W1, b1, W2, b2, lr), msg(
            "forward pass Anda masih memakai sigmoid di hidden layer. Ganti dengan a1 = np.tanh(X @ W1 + b1), "
            "dan turunannya dengan 1 − a1².",
            "your forward pass still uses the sigmoid in the hidden layer. Replace it with "
            "a1 = np.tanh(X @ W1 + b1), and its derivative with 1 − a1².")),
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
    hints=[msg("Mulailah dari rumus backpropagation di atas. Hanya dua hal yang berubah: a1 = tanh(z1) di forward "
               "pass, dan turunan lokal hidden layer, tanh′(z1) = 1 − a1². Output layer tetap sigmoid.",
               "Start from the backpropagation formulas above. Only two things change: a1 = tanh(z1) in the "
               "forward pass, and the hidden layer's local derivative, tanh′(z1) = 1 − a1². The output layer "
               "stays a sigmoid."),
           msg("Kembalikan parameter yang baru sebagai tuple (W1, b1, W2, b2), masing-masing p − lr · dp.",
               "Return the new parameters as a tuple (W1, b1, W2, b2), each one p − lr · dp.")],
    solution=msg(_SOLUTION["id"], _SOLUTION["en"]),
)
