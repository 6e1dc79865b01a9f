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
            return False, msg(f"jawaban Anda berisi {len(shapes)} shape, padahal yang diminta dua: A1 lalu Y_hat.",
                              f"your answer lists {len(shapes)} shape(s); two are asked for: A1, then Y_hat.")
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
            "(8, 4) adalah X itu sendiri. A1 adalah output hidden layer (5 neuron), Y_hat output dari output "
            "layer (2 neuron).",
            "(8, 4) is X itself. A1 is the hidden layer's output (5 neurons), Y_hat the output layer's (2 neurons).")),
        "swapped": Mistake([(8, 2), (8, 5)], msg(
            "urutannya terbalik: A1 (hidden layer) dulu, baru Y_hat (output layer).",
            "the order is swapped: A1 (the hidden layer) first, then Y_hat (the output layer).")),
    },
    hints=[msg("(m, n) @ (n, k) menghasilkan (m, k): dimensi dalam n harus sama dan hilang.",
               "(m, n) @ (n, k) gives (m, k): the inner dimension n must match and disappears."),
           msg("X @ W1 adalah (8, 4) @ (4, 5). Bias (1, 5) ditambahkan ke setiap baris tanpa mengubah shape.",
               "X @ W1 is (8, 4) @ (4, 5). The bias (1, 5) is added to every row without changing the shape.")],
    solution=msg("answer = [(8, 5), (8, 2)]   # A1: (8, 4) @ (4, 5) → (8, 5); Y_hat: (8, 5) @ (5, 2) → (8, 2)",
                 "answer = [(8, 5), (8, 2)]   # A1: (8, 4) @ (4, 5) → (8, 5); Y_hat: (8, 5) @ (5, 2) → (8, 2)"),
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


# -- q4: a 2 → 3 → 1 forward pass -------------------------------------------------------

def _forward(X, W1, b1, W2, b2):
    a1 = A.sigmoid(np.asarray(X, dtype=float) @ W1 + b1)
    return A.sigmoid(a1 @ W2 + b2)


def _forward_cases(rng):
    def params():
        return (rng.normal(size=(2, 3)).round(2), rng.normal(scale=0.5, size=(1, 3)).round(2),
                rng.normal(size=(3, 1)).round(2), rng.normal(scale=0.5, size=(1, 1)).round(2))

    return [(rng.normal(size=(4, 2)).round(2), *params()),
            (rng.normal(size=(1, 2)).round(2), *params()),            # a batch of one
            (rng.integers(-3, 4, size=(5, 2)), *params()),            # integer input
            (np.zeros((2, 2)), *params()),                            # zero input: only the biases act
            (rng.normal(scale=3, size=(6, 2)).round(2), *params())]


def _f(X):
    return np.asarray(X, dtype=float)


_TRANSPOSED = msg(
    "perkalian matriks Anda gagal karena dimensi dalamnya tidak cocok. Apakah Anda mentranspos matriks weight "
    "(misalnya W1.T)? Di buku ini W1 berbentuk (input, neuron) = (2, 3), jadi z1 = X @ W1 + b1 langsung cocok: "
    "(m, 2) @ (2, 3) → (m, 3).",
    "your matrix product fails because its inner dimensions do not match. Did you transpose a weight matrix "
    "(e.g. W1.T)? In this book W1 has shape (inputs, neurons) = (2, 3), so z1 = X @ W1 + b1 fits as it is: "
    "(m, 2) @ (2, 3) → (m, 3).")


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
    CHAPTER, "q4", cases=_forward_cases, arg_names=("X", "W1", "b1", "W2", "b2"),
    title=msg("Forward pass 2 → 3 → 1", "A 2 → 3 → 1 forward pass"),
    reference=_forward,
    mistakes={
        "transposed": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(A.sigmoid(_f(X) @ W1.T + b1) @ W2.T + b2), _TRANSPOSED),
        "columns": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(W2.T @ A.sigmoid(W1.T @ _f(X).T + b1.T) + b2.T), msg(
            "hasil Anda berbentuk (1, m): Anda menghitung dengan sampel sebagai kolom (W1.T @ X.T). Di buku ini "
            "sampel adalah baris: z1 = X @ W1 + b1, dan hasil akhirnya berbentuk (m, 1).",
            "your result has shape (1, m): you computed with samples as columns (W1.T @ X.T). In this book samples "
            "are rows: z1 = X @ W1 + b1, and the final result has shape (m, 1).")),
        "no_bias": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(A.sigmoid(_f(X) @ W1) @ W2), msg(
            "hasil Anda tidak berubah ketika bias berubah: b1 dan b2 belum ditambahkan. z1 = X @ W1 + b1, "
            "z2 = a1 @ W2 + b2.",
            "your result ignores the biases: b1 and b2 are never added. z1 = X @ W1 + b1, z2 = a1 @ W2 + b2.")),
        "no_hidden_bias": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(A.sigmoid(_f(X) @ W1) @ W2 + b2), msg(
            "bias hidden layer, b1, terlupa: z1 = X @ W1 + b1.",
            "the hidden layer's bias b1 is missing: z1 = X @ W1 + b1.")),
        "no_output_bias": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(A.sigmoid(_f(X) @ W1 + b1) @ W2), msg(
            "bias output layer, b2, terlupa: z2 = a1 @ W2 + b2.",
            "the output layer's bias b2 is missing: z2 = a1 @ W2 + b2.")),
        "no_hidden_activation": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid((_f(X) @ W1 + b1) @ W2 + b2), msg(
            "sigmoid belum diterapkan di hidden layer: a1 = sigmoid(z1), dan a1 (bukan z1) yang masuk ke "
            "output layer.",
            "the sigmoid is not applied in the hidden layer: a1 = sigmoid(z1), and a1 (not z1) goes into the "
            "output layer.")),
        "no_output_activation": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(_f(X) @ W1 + b1) @ W2 + b2, msg(
            "Anda mengembalikan z2. Prediksinya adalah a2 = sigmoid(z2), sebuah angka antara 0 dan 1.",
            "you return z2. The prediction is a2 = sigmoid(z2), a number between 0 and 1.")),
        "hidden_output": Mistake(lambda X, W1, b1, W2, b2: A.sigmoid(_f(X) @ W1 + b1), msg(
            "Anda mengembalikan a1, output hidden layer (3 kolom). Teruskan ke output layer: "
            "a2 = sigmoid(a1 @ W2 + b2).",
            "you return a1, the hidden layer's output (3 columns). Carry on to the output layer: "
            "a2 = sigmoid(a1 @ W2 + b2).")),
    },
    hints=[msg("Dua langkah yang sama, dua kali: z = input @ W + b, lalu a = sigmoid(z). Output hidden layer "
               "menjadi input output layer.",
               "The same two steps, twice: z = input @ W + b, then a = sigmoid(z). The hidden layer's output is "
               "the output layer's input."),
           msg("X (m, 2) @ W1 (2, 3) + b1 (1, 3) → (m, 3); a1 (m, 3) @ W2 (3, 1) + b2 (1, 1) → (m, 1).",
               "X (m, 2) @ W1 (2, 3) + b1 (1, 3) → (m, 3); a1 (m, 3) @ W2 (3, 1) + b2 (1, 1) → (m, 1).")],
    solution=msg("def forward(X, W1, b1, W2, b2):\n"
                 "    a1 = sigmoid(X @ W1 + b1)      # hidden layer: (m, 3)\n"
                 "    return sigmoid(a1 @ W2 + b2)   # output layer: (m, 1)",
                 "def forward(X, W1, b1, W2, b2):\n"
                 "    a1 = sigmoid(X @ W1 + b1)      # hidden layer: (m, 3)\n"
                 "    return sigmoid(a1 @ W2 + b2)   # output layer: (m, 1)"),
)
