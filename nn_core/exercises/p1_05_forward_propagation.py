"""Exercises of chapter p1-05 (Forward propagation)."""
import numbers

import numpy as np

from .. import activations as A
from ._core import (ChoiceExercise, Exercise, Feedback, FunctionExercise, LearnerError, Mistake, ValueExercise,
                    _type_name, msg, tr_in)

CHAPTER = "p1-05-forward-propagation"


# -- q1: the shape of each layer's output -----------------------------------------------

def _as_shapes(answer):
    """The answer as a tuple of shapes (tuples of ints), or None when it is not that."""
    if not isinstance(answer, (list, tuple)) or not all(isinstance(s, (list, tuple)) for s in answer):
        return None
    if not all(isinstance(n, numbers.Integral) and not isinstance(n, bool) for s in answer for n in s):
        return None
    return tuple(tuple(int(n) for n in s) for s in answer)


class LayerShapes(Exercise):
    """The answer is a list of shapes, one per layer: [(8, 5), (8, 2)]. A list or a tuple of
    tuples or lists is fine."""

    kind = "value"

    def grade(self, answer):
        shapes = _as_shapes(answer)
        if shapes is None:
            raise Feedback({lang: tr_in(lang, "ex.wrong_type",
                                        expected={"id": "list berisi dua shape, misalnya [(1, 2), (3, 4)]",
                                                  "en": "a list of two shapes, e.g. [(1, 2), (3, 4)]"}[lang],
                                        got=(repr(answer)[:40] if not hasattr(answer, "shape") else _type_name(answer)))
                            for lang in ("id", "en")})
        if shapes == _as_shapes(self.reference):
            return True, None
        name = self.diagnose(answer)
        if name is not None:
            return False, self.mistakes[name].message
        if len(shapes) != 2:
            return False, msg(f"jawaban Anda berisi {len(shapes)} shape, padahal yang diminta dua: a1 lalu y_hat.",
                              f"your answer lists {len(shapes)} shape(s); two are asked for: a1, then y_hat.")
        return False, msg("belum tepat. Tuliskan shape setiap perkalian: (baris, kolom) @ (baris, kolom), "
                          "dimensi dalamnya harus sama dan hilang.",
                          "not yet. Write out each product's shapes: (rows, cols) @ (rows, cols); the inner "
                          "dimensions must match and disappear.")

    def _same_answer(self, a, b):
        return _as_shapes(a) == _as_shapes(b)


q1 = LayerShapes(
    CHAPTER, "q1",
    title=msg("Shape output setiap layer", "The shape of each layer's output"),
    reference=[(8, 5), (8, 2)],
    mistakes={
        "columns": Mistake([(5, 8), (2, 8)], msg(
            "Anda menulis sampel sebagai kolom. Di buku ini setiap sampel adalah satu baris, jadi banyaknya "
            "sampel (8) ada di depan: (8, …).",
            "you wrote the samples as columns. In this book every sample is a row, so the number of samples "
            "(8) comes first: (8, …).")),
        "weights": Mistake([(4, 5), (5, 2)], msg(
            "itu shape W1 dan W2. Output sebuah layer punya satu baris per sampel dan satu kolom per neuron.",
            "those are the shapes of W1 and W2. A layer's output has one row per sample and one column per neuron.")),
        "one_sample": Mistake([(1, 5), (1, 2)], msg(
            "batch-nya berisi 8 sampel, bukan 1. Bentuk matriks memproses kedelapan baris sekaligus.",
            "the batch holds 8 samples, not 1. The matrix form processes all 8 rows at once.")),
        "shifted": Mistake([(8, 4), (8, 5)], msg(
            "(8, 4) adalah X itu sendiri. a1 adalah output hidden layer (5 neuron), y_hat output dari output "
            "layer (2 neuron).",
            "(8, 4) is X itself. a1 is the hidden layer's output (5 neurons), y_hat the output layer's (2 neurons).")),
        "swapped": Mistake([(8, 2), (8, 5)], msg(
            "urutannya terbalik: a1 (hidden layer) dulu, baru y_hat (output layer).",
            "the order is swapped: a1 (the hidden layer) first, then y_hat (the output layer).")),
    },
    hints=[msg("(m, n) @ (n, k) menghasilkan (m, k): dimensi dalam n harus sama dan hilang.",
               "(m, n) @ (n, k) gives (m, k): the inner dimension n must match and disappears."),
           msg("X @ W1 adalah (8, 4) @ (4, 5). Bias (1, 5) ditambahkan ke setiap baris tanpa mengubah shape.",
               "X @ W1 is (8, 4) @ (4, 5). The bias (1, 5) is added to every row without changing the shape.")],
    solution=msg("answer = [(8, 5), (8, 2)]   # a1: (8, 4) @ (4, 5) → (8, 5); y_hat: (8, 5) @ (5, 2) → (8, 2)",
                 "answer = [(8, 5), (8, 2)]   # a1: (8, 4) @ (4, 5) → (8, 5); y_hat: (8, 5) @ (5, 2) → (8, 2)"),
)


# -- q2: what a column of W1 is ---------------------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Apa isi satu kolom W1?", "What is one column of W1?"),
    options={
        "a": msg("Weight dari input ke-j menuju semua neuron hidden.", "The weights from input j to every hidden neuron."),
        "b": msg("Weight milik neuron hidden ke-j: satu weight untuk setiap input.",
                 "The weights of hidden neuron j: one weight per input."),
        "c": msg("Sampel ke-j dari batch.", "Sample j of the batch."),
        "d": msg("Bias neuron hidden ke-j.", "The bias of hidden neuron j."),
    },
    why={
        "a": msg("Itu baris ke-j, W1[j, :]. W1 punya satu baris per input (2 baris untuk 2 input).",
                 "That is row j, W1[j, :]. W1 has one row per input (2 rows for 2 inputs)."),
        "b": msg("z1[:, j] = X @ W1[:, j] + b1[0, j]: kolom ke-j berisi tepat weight yang dikalikan neuron ke-j "
                 "dengan input-inputnya. Karena itu, W1 punya 3 kolom untuk 3 neuron.",
                 "z1[:, j] = X @ W1[:, j] + b1[0, j]: column j holds exactly the weights neuron j multiplies its "
                 "inputs by. That is why W1 has 3 columns for 3 neurons."),
        "c": msg("Sampel ada di baris-baris X, bukan di W1. Shape W1 tidak berubah berapa pun ukuran batch-nya.",
                 "Samples live in the rows of X, not in W1. W1's shape does not change with the batch size."),
        "d": msg("Bias disimpan terpisah di b1, yang berbentuk (1, 3).",
                 "The biases are kept separately in b1, of shape (1, 3)."),
    },
    reference="b",
    hints=[msg("Tulis z1[0, 0] = x1·W1[0, 0] + x2·W1[1, 0] + b1[0, 0]. Weight mana yang dipakai neuron pertama?",
               "Write z1[0, 0] = x1·W1[0, 0] + x2·W1[1, 0] + b1[0, 0]. Which weights does the first neuron use?")],
)


# -- q3: how many parameters ------------------------------------------------------------

q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Berapa banyak parameternya?", "How many parameters?"),
    reference=37,
    mistakes={
        "no_biases": Mistake(30, msg(
            "30 adalah banyaknya weight saja (4·5 + 5·2). Setiap neuron hidden dan output juga punya satu bias.",
            "30 counts the weights only (4·5 + 5·2). Every hidden and output neuron also has a bias.")),
        "hidden_biases_only": Mistake(35, msg(
            "Anda menghitung bias hidden layer (5), tetapi lupa 2 bias output layer.",
            "you counted the hidden layer's 5 biases but forgot the output layer's 2.")),
        "output_biases_only": Mistake(32, msg(
            "Anda menghitung 2 bias output layer, tetapi lupa 5 bias hidden layer.",
            "you counted the output layer's 2 biases but forgot the hidden layer's 5.")),
        "input_biases": Mistake(41, msg(
            "input layer tidak punya weight atau bias: ia hanya meneruskan fitur. Bias hanya ada di hidden "
            "layer (5) dan output layer (2).",
            "the input layer has no weights or biases: it only passes the features on. Biases exist only in the "
            "hidden layer (5) and the output layer (2).")),
        "neurons": Mistake(11, msg(
            "11 adalah banyaknya neuron (4 + 5 + 2). Yang ditanyakan banyaknya angka di W1, b1, W2, dan b2.",
            "11 is the number of neurons (4 + 5 + 2). The question asks for the numbers in W1, b1, W2 and b2.")),
    },
    hints=[msg("W1 berbentuk (4, 5), b1 (1, 5), W2 (5, 2), b2 (1, 2). `.size` adalah banyaknya angka di array.",
               "W1 has shape (4, 5), b1 (1, 5), W2 (5, 2), b2 (1, 2). `.size` is the number of entries of an array.")],
    solution=msg("answer = 4 * 5 + 5 + 5 * 2 + 2   # = 37: W1 (20) + b1 (5) + W2 (10) + b2 (2)",
                 "answer = 4 * 5 + 5 + 5 * 2 + 2   # = 37: W1 (20) + b1 (5) + W2 (10) + b2 (2)"),
)


# -- q4: transfer the forward pass to any number of layers ------------------------------

def _forward(X, weights, biases):
    a = np.asarray(X, dtype=float)
    for W, b in zip(weights, biases):
        a = A.sigmoid(a @ W + b)
    return a


def _forward_cases(rng):
    def net(sizes):
        return ([rng.normal(size=(n_in, n_out)).round(2) for n_in, n_out in zip(sizes[:-1], sizes[1:])],
                [rng.normal(scale=0.5, size=(1, n_out)).round(2) for n_out in sizes[1:]])

    W1 = np.array([[0.25, -0.07, 0.32], [0.76, -0.12, -0.12]])   # not the chapter's: a fresh 2 → 3 → 1
    return [(rng.normal(size=(4, 2)).round(2), *net([2, 3, 1])),
            (rng.normal(size=(5, 3)).round(2), *net([3, 4, 5, 2])),    # three layers, all widths different
            (rng.normal(size=(3, 4)).round(2), *net([4, 2])),          # a single layer
            (rng.normal(size=(1, 2)).round(2), *net([2, 6, 3])),       # a batch of one
            (rng.integers(-3, 4, size=(4, 3)), *net([3, 5, 4, 2, 1])),  # integer input, four layers
            (np.zeros((2, 2)), [W1, rng.normal(size=(3, 1)).round(2)], net([2, 3, 1])[1])]   # zero input


def _f(X):
    return np.asarray(X, dtype=float)


def _no_hidden_activation(X, weights, biases):
    a = _f(X)
    for W, b in zip(weights, biases):
        a = a @ W + b
    return A.sigmoid(a)


def _no_output_activation(X, weights, biases):
    a = _f(X)
    for l, (W, b) in enumerate(zip(weights, biases), start=1):
        a = a @ W + b
        if l < len(weights):
            a = A.sigmoid(a)
    return a


def _no_bias(X, weights, biases):
    a = _f(X)
    for W in weights:
        a = A.sigmoid(a @ W)
    return a


_TRANSPOSED = msg(
    "perkalian matriks Anda gagal karena dimensi dalamnya tidak cocok. Apakah Anda mentranspos matriks weight "
    "(misalnya W.T), atau memasukkan X (bukan output layer sebelumnya) ke layer berikutnya? Di buku ini setiap W "
    "berbentuk (n_in, n_out), jadi a @ W + b langsung cocok: (m, n_in) @ (n_in, n_out) → (m, n_out).",
    "your matrix product fails because its inner dimensions do not match. Did you transpose a weight matrix "
    "(e.g. W.T), or feed X (instead of the previous layer's output) into the next layer? In this book every W "
    "has shape (n_in, n_out), so a @ W + b fits as it is: (m, n_in) @ (n_in, n_out) → (m, n_out).")


class ForwardPass(FunctionExercise):
    """A matmul whose inner dimensions do not match (a transposed weight matrix) gets its own message
    instead of NumPy's error text."""

    def grade(self, answer):
        try:
            return super().grade(answer)
        except LearnerError as err:
            if isinstance(err.error, ValueError) and "matmul" in str(err.error):
                return False, _TRANSPOSED
            raise


q4 = ForwardPass(
    CHAPTER, "q4", cases=_forward_cases, arg_names=("X", "weights", "biases"),
    title=msg("Forward pass untuk berapa pun layer", "A forward pass for any number of layers"),
    reference=_forward,
    mistakes={
        "transposed": Mistake(lambda X, Ws, bs: _forward(X, [W.T for W in Ws], [b.T for b in bs]), _TRANSPOSED),
        "no_bias": Mistake(_no_bias, msg(
            "hasil Anda tidak berubah ketika bias berubah: setiap layer menambahkan bias-nya, a @ W + b.",
            "your result ignores the biases: every layer adds its bias, a @ W + b.")),
        "no_hidden_activation": Mistake(_no_hidden_activation, msg(
            "sigmoid hanya diterapkan sekali, di akhir. Setiap layer menerapkan activation function-nya sendiri: "
            "a = sigmoid(a @ W + b) di dalam loop. Tanpa itu, beberapa layer linear sama saja dengan satu layer.",
            "the sigmoid is applied only once, at the end. Every layer applies its own activation function: "
            "a = sigmoid(a @ W + b) inside the loop. Without it, several linear layers are no more than one.")),
        "no_output_activation": Mistake(_no_output_activation, msg(
            "Anda mengembalikan z layer terakhir. Output layer juga memakai sigmoid: prediksinya antara 0 dan 1.",
            "you return the last layer's z. The output layer uses the sigmoid too: the prediction lies between 0 and 1.")),
    },
    hints=[msg("Mulai dari a = X. Untuk setiap pasangan (W, b) dari zip(weights, biases): a = sigmoid(a @ W + b). "
               "Output satu layer menjadi input layer berikutnya.",
               "Start from a = X. For each pair (W, b) from zip(weights, biases): a = sigmoid(a @ W + b). The "
               "output of one layer is the input of the next."),
           msg("Dengan weights = [W1, W2] dan biases = [b1, b2], hasilnya harus sama dengan a2 di bab ini.",
               "With weights = [W1, W2] and biases = [b1, b2], the result must equal the chapter's a2.")],
    solution=msg("def forward(X, weights, biases):\n"
                 "    a = X\n"
                 "    for W, b in zip(weights, biases):\n"
                 "        a = sigmoid(a @ W + b)   # output layer ini = input layer berikutnya\n"
                 "    return a",
                 "def forward(X, weights, biases):\n"
                 "    a = X\n"
                 "    for W, b in zip(weights, biases):\n"
                 "        a = sigmoid(a @ W + b)   # this layer's output = the next layer's input\n"
                 "    return a"),
)
