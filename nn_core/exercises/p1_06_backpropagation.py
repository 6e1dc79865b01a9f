"""Exercises of chapter p1-06 (Backpropagation)."""
import numpy as np

from ..activations import sigmoid
from ..gradcheck import numerical_gradient, relative_error
from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, _as_numeric, msg

CHAPTER = "p1-06-backpropagation"

# -- q1: the shape of dW1 ----------------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Shape dari dW1", "The shape of dW1"),
    reference=(2, 3),
    mistakes={
        "per_sample": Mistake((4, 3), msg(
            "(4, 3) adalah shape `dz1`: satu baris per sampel. `X.T @ dz1` adalah (2, 4) @ (4, 3), "
            "yang menjumlahkan keempat sampel menjadi satu gradient untuk setiap weight.",
            "(4, 3) is the shape of `dz1`: one row per sample. `X.T @ dz1` is (2, 4) @ (4, 3), which "
            "sums the four samples into one gradient per weight.")),
        "transposed": Mistake((3, 2), msg(
            "itu shape yang ditranspos. Gradient sebuah weight selalu memiliki shape yang sama dengan weight "
            "itu sendiri, dan `W1` berbentuk (2, 3).",
            "that is transposed. A weight's gradient always has the shape of the weight itself, and "
            "`W1` is (2, 3).")),
        "input_shape": Mistake((4, 2), msg(
            "(4, 2) adalah shape `X`. `dW1` berisi satu angka untuk setiap weight di `W1`.",
            "(4, 2) is the shape of `X`. `dW1` holds one number for every weight in `W1`.")),
    },
    hints=[msg("Gradient `dW1` memberi tahu cara mengubah setiap weight di `W1`: satu angka per weight.",
               "The gradient `dW1` says how to change each weight in `W1`: one number per weight."),
           msg("`dW1 = X.T @ dz1` dengan `X.T`: (2, 4) dan `dz1`: (4, 3).",
               "`dW1 = X.T @ dz1` with `X.T`: (2, 4) and `dz1`: (4, 3).")],
    solution=msg("answer = (2, 3)   # X.T @ dz1: (2, 4) @ (4, 3) → (2, 3), sama dengan shape W1",
                 "answer = (2, 3)   # X.T @ dz1: (2, 4) @ (4, 3) → (2, 3), the shape of W1"),
)

# -- q2: the derivative of the MSE -------------------------------------------------------


def _mse_derivative(y, a):
    y = np.asarray(y, dtype=float)
    a = np.asarray(a, dtype=float)
    return -2 * (y - a) / y.size


def _mse_cases(rng):
    cases = []
    for m in (4, 1, 7):
        cases.append((rng.integers(0, 2, (m, 1)).astype(float), rng.uniform(0.01, 0.99, (m, 1))))
    cases.append((rng.integers(0, 2, (5, 3)).astype(float), rng.uniform(0.01, 0.99, (5, 3))))  # 3 outputs
    cases.append((np.array([[0], [1], [1], [0]]), np.array([[0], [1], [0], [1]])))  # integer input
    return cases


def _np_float(x):
    return np.asarray(x, dtype=float)


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_mse_cases, arg_names=("y", "a"),
    title=msg("Turunan loss MSE", "The derivative of the MSE loss"),
    reference=_mse_derivative,
    mistakes={
        "no_mean": Mistake(lambda y, a: -2 * (_np_float(y) - _np_float(a)), msg(
            "hasil Anda terlalu besar sebanyak jumlah entri. Loss-nya adalah rata-rata, jadi turunannya "
            "juga dibagi jumlah entri: `/ y.size` (di loop XOR: `/ 4`).",
            "your result is too large by the number of entries. The loss is a mean, so its derivative "
            "is divided by the number of entries too: `/ y.size` (in the XOR loop: `/ 4`).")),
        "sign": Mistake(lambda y, a: 2 * (_np_float(y) - _np_float(a)) / _np_float(y).size, msg(
            "tandanya terbalik. Jika a lebih kecil daripada y, menaikkan a menurunkan loss, jadi "
            "turunannya harus negatif: `-2 * (y - a) / y.size`.",
            "the sign is flipped. If a is below y, raising a lowers the loss, so the derivative must be "
            "negative: `-2 * (y - a) / y.size`.")),
        "no_two": Mistake(lambda y, a: -(_np_float(y) - _np_float(a)) / _np_float(y).size, msg(
            "hasil Anda setengah dari yang benar. Turunan (y − a)² terhadap a adalah −2(y − a): "
            "faktor 2 dari pangkat dua tidak boleh hilang.",
            "your result is half the right one. The derivative of (y − a)² with respect to a is "
            "−2(y − a): keep the 2 from the square.")),
        "rows_only": Mistake(lambda y, a: -2 * (_np_float(y) - _np_float(a)) / len(y), msg(
            "benar untuk satu kolom output, tetapi untuk y dengan 3 kolom hasilnya 3 kali terlalu besar. "
            "`np.mean` membagi dengan jumlah semua entri, `y.size` = m · k, bukan hanya m baris.",
            "right for one output column, but 3 times too large for a y with 3 columns. `np.mean` "
            "divides by the number of all entries, `y.size` = m · k, not just the m rows.")),
        "loss_itself": Mistake(lambda y, a: np.mean((_np_float(y) - _np_float(a)) ** 2), msg(
            "fungsi Anda mengembalikan loss-nya sendiri (satu angka). Yang diminta adalah turunannya: "
            "satu angka untuk setiap entri a, dengan shape yang sama dengan a.",
            "your function returns the loss itself (one number). The task asks for its derivative: "
            "one number for every entry of a, with the shape of a.")),
    },
    hints=[msg("L = mean((y − a)²). Turunkan satu suku (y − a)² terhadap a, lalu ingat bahwa rata-rata "
               "membagi dengan jumlah entri.",
               "L = mean((y − a)²). Differentiate one term (y − a)² with respect to a, then remember that "
               "a mean divides by the number of entries."),
           msg("Di loop XOR: `da2 = -2 * (y - a2) / 4`, dengan 4 = jumlah entri y.",
               "In the XOR loop: `da2 = -2 * (y - a2) / 4`, where 4 = the number of entries of y.")],
    solution=msg("def mse_derivative(y, a):\n    return -2 * (y - a) / y.size",
                 "def mse_derivative(y, a):\n    return -2 * (y - a) / y.size"),
)

# -- q3: too large a learning rate ---------------------------------------------------------

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Mengapa loss naik dengan lr = 1,1?", "Why does the loss grow with lr = 1.1?"),
    options={
        "a": msg("Backpropagation menghitung gradient yang salah jika learning rate-nya besar.",
                 "Backpropagation computes wrong gradients when the learning rate is large."),
        "b": msg("Setiap langkah terlalu jauh: ia melompati dasar lembah dan mendarat lebih tinggi di sisi "
                 "seberang, dan lompatannya makin besar.",
                 "Every step is too long: it jumps over the valley floor and lands higher on the other "
                 "side, and the jumps keep growing."),
        "c": msg("Learning rate besar hanya butuh lebih banyak epoch; lama-lama loss-nya akan turun.",
                 "A large learning rate just needs more epochs; the loss will come down eventually."),
        "d": msg("Permukaan loss-nya berubah bentuk ketika learning rate diubah.",
                 "The loss surface changes shape when the learning rate changes."),
    },
    why={
        "a": msg("Gradient hanya bergantung pada data dan weight saat itu; learning rate cuma mengalikan "
                 "panjang langkahnya (`W -= lr * dW`).",
                 "The gradient depends only on the data and the current weights; the learning rate only "
                 "scales the step (`W -= lr * dW`)."),
        "b": msg("Di arah yang curam, langkah sepanjang lr · gradient melewati titik terendah. Jika "
                 "lompatannya lebih dari dua kali jarak ke dasar, titik berikutnya lebih jauh daripada "
                 "titik sebelumnya, dan jaraknya terus membesar.",
                 "Along the steep direction, a step of lr · gradient overshoots the lowest point. When it "
                 "jumps more than twice the distance to the floor, the next point is farther away than "
                 "the last, and the distance keeps growing."),
        "c": msg("Setiap langkah justru memperbesar jarak ke dasar lembah, jadi epoch tambahan membuatnya "
                 "makin buruk (sampai akhirnya overflow).",
                 "Every step makes the distance to the valley floor larger, so more epochs make it worse "
                 "(eventually it overflows)."),
        "d": msg("Permukaan loss ditentukan oleh data dan model. Kedua panel animasi menggambar kontur "
                 "yang sama persis; hanya jalurnya yang berbeda.",
                 "The loss surface is set by the data and the model. Both panels of the animation draw "
                 "exactly the same contours; only the paths differ."),
    },
    reference="b",
    hints=[msg("Lihat panel kanan animasi: di mana titik berikutnya mendarat dibandingkan dasar lembahnya?",
               "Look at the right panel of the animation: where does each next point land compared with "
               "the valley floor?")],
)

# -- q4: one backprop step, checked against a numerical gradient ---------------------------

_NAMES = ("W1", "b1", "W2", "b2")


def _backprop(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    dz2 = -2 * (y - a2) / y.size * a2 * (1 - a2)
    dz1 = dz2 @ W2.T * a1 * (1 - a1)
    return X.T @ dz1, dz1.sum(axis=0, keepdims=True), a1.T @ dz2, dz2.sum(axis=0, keepdims=True)


class BackpropExercise(FunctionExercise):
    """Compares the learner's four gradients with the reference and, for the feedback, names each
    gradient that disagrees with a numerical gradient (central differences)."""

    def _difference(self, args, got, expected):
        if isinstance(got, dict):
            return msg("kembalikan sebuah tuple `(dW1, db1, dW2, db2)`, bukan dict.",
                       "return a tuple `(dW1, db1, dW2, db2)`, not a dict.")
        if not isinstance(got, (tuple, list)) or len(got) != 4:
            return msg("fungsi Anda harus mengembalikan 4 nilai: `return dW1, db1, dW2, db2`.",
                       "your function should return 4 values: `return dW1, db1, dW2, db2`.")
        X, y, *params = (np.array(a, dtype=float) for a in args)
        params = dict(zip(_NAMES, params))

        def loss():
            a2 = sigmoid(sigmoid(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
            return np.mean((y - a2) ** 2)

        where = f"X: shape {X.shape}, W1: shape {params['W1'].shape}"
        for name, g in zip(_NAMES, got):
            g = _as_numeric(g)
            shape = params[name].shape
            if g is None or g.shape != shape:
                found = "?" if g is None else g.shape
                return msg(f"untuk {where}: d{name} berbentuk {found}, padahal gradient selalu berbentuk "
                           f"sama dengan parameternya, {name}: {shape}.",
                           f"for {where}: d{name} has shape {found}, but a gradient always has the shape "
                           f"of its parameter, {name}: {shape}.")
        wrong = []
        for name, g in zip(_NAMES, got):
            err = relative_error(g, numerical_gradient(loss, params[name]))
            if err > 1e-6:
                wrong.append(f"d{name} ({err:.1e})")
        listed = ", ".join(wrong) or "-"
        return msg(f"untuk {where}, gradient berikut tidak cocok dengan gradient numerik (dalam kurung: "
                   f"galat relatif, yang seharusnya sangat kecil, di bawah 1e-6): {listed}. Periksa rantainya "
                   "dari belakang: dz2, lalu dW2 dan db2, lalu da1, dz1, dW1, db1.",
                   f"for {where}, these gradients disagree with the numerical gradient (in brackets: the "
                   f"relative error, which should be tiny, below 1e-6): {listed}. Check the chain from the "
                   "back: dz2, then dW2 and db2, then da1, dz1, dW1, db1.")


def _bug_cases(rng):
    """The chapter's 2 → 2 → 1 network (hidden = inputs = 2, so a transposed dW1 still has the
    right shape and runs): the XOR data, a batch of one, a larger batch with non-zero biases."""
    X_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y_xor = np.array([[0], [1], [1], [0]])
    cases = [(X_xor, y_xor, rng.normal(0, 1, (2, 2)), np.zeros((1, 2)), rng.normal(0, 1, (2, 1)), np.zeros((1, 1)))]
    for m in (1, 6):
        cases.append((rng.normal(size=(m, 2)), rng.integers(0, 2, (m, 1)).astype(float), rng.normal(size=(2, 2)),
                      rng.normal(0, 0.5, (1, 2)), rng.normal(size=(2, 1)), rng.normal(0, 0.5, (1, 1))))
    return cases


def _buggy(X, y, W1, b1, W2, b2, *, no_mean=True, transposed=True):
    """The chapter's planted bugs: da2 without / m, and dW1 = dz1.T @ X."""
    dW1, db1, dW2, db2 = _backprop(X, y, W1, b1, W2, b2)
    if transposed:
        dW1 = dW1.T
    if no_mean:
        m = np.asarray(y).size
        dW1, db1, dW2, db2 = (g * m for g in (dW1, db1, dW2, db2))
    return dW1, db1, dW2, db2


class BugHuntExercise(BackpropExercise):
    """On success, says which two bugs the learner fixed."""

    def grade(self, answer):
        ok, message = super().grade(answer)
        if ok:
            return True, msg(
                "Anda memperbaiki kedua bug: `/ m` yang hilang di da2 (semua gradient m kali terlalu besar) dan "
                "dW1 yang ditranspos (`dz1.T @ X`, bukan `X.T @ dz1`).",
                "you fixed both bugs: the missing `/ m` in da2 (every gradient was m times too large) and the "
                "transposed dW1 (`dz1.T @ X` instead of `X.T @ dz1`).")
        return ok, message


_BUG_SOLUTION = (
    "def backprop(X, y, W1, b1, W2, b2):\n"
    "    m = X.shape[0]\n"
    "    z1 = X @ W1 + b1\n"
    "    a1 = sigmoid(z1)\n"
    "    z2 = a1 @ W2 + b2\n"
    "    a2 = sigmoid(z2)\n"
    "    da2 = -2 * (y - a2) / m                       # bug 1: / m\n"
    "    dz2 = da2 * sigmoid_derivative(z2)\n"
    "    dW2 = a1.T @ dz2\n"
    "    db2 = np.sum(dz2, axis=0, keepdims=True)\n"
    "    da1 = dz2 @ W2.T\n"
    "    dz1 = da1 * sigmoid_derivative(z1)\n"
    "    dW1 = X.T @ dz1                               # bug 2: X.T @ dz1\n"
    "    db1 = np.sum(dz1, axis=0, keepdims=True)\n"
    "    return dW1, db1, dW2, db2")

q4 = BugHuntExercise(
    CHAPTER, "q4", cases=_bug_cases, arg_names=("X", "y", "W1", "b1", "W2", "b2"),
    title=msg("Cari dua bug dengan gradient check", "Find two bugs with a gradient check"),
    reference=_backprop,
    mistakes={
        "both_bugs": Mistake(lambda *a: _buggy(*a), msg(
            "kedua bug masih ada. Jalankan `gradient_check(backprop)`: keempat gradient salah. Jika semuanya "
            "salah dengan faktor yang sama, carilah sesuatu di awal rantai, yang dipakai oleh semua gradient.",
            "both bugs are still there. Run `gradient_check(backprop)`: all four gradients are wrong. When "
            "they are all off by the same factor, look for something at the start of the chain that every "
            "gradient uses.")),
        "still_no_mean": Mistake(lambda *a: _buggy(*a, transposed=False), msg(
            "Anda sudah memperbaiki dW1 yang ditranspos ✓. Satu bug tersisa: semua gradient m kali terlalu "
            "besar. Loss-nya rata-rata atas m sampel, jadi da2 = −2(y − a2) / m.",
            "you fixed the transposed dW1 ✓. One bug is left: every gradient is m times too large. The loss "
            "is a mean over the m samples, so da2 = −2(y − a2) / m.")),
        "still_transposed": Mistake(lambda *a: _buggy(*a, no_mean=False), msg(
            "Anda sudah memperbaiki `/ m` yang hilang ✓. Satu bug tersisa: gradient check kini hanya "
            "menandai dW1. Shape-nya benar (2, 2), tetapi isinya ditranspos: `dz1.T @ X` harus "
            "`X.T @ dz1`, seperti dW2 = a1.T @ dz2.",
            "you fixed the missing `/ m` ✓. One bug is left: the gradient check now flags only dW1. Its "
            "shape is right, (2, 2), but it is transposed: `dz1.T @ X` must be `X.T @ dz1`, like "
            "dW2 = a1.T @ dz2.")),
        "sign": Mistake(lambda *a: tuple(-g for g in _backprop(*a)), msg(
            "semua gradient Anda bertanda terbalik: da2 = −2(y − a2) / m, dengan tanda minus.",
            "all your gradients have the wrong sign: da2 = −2(y − a2) / m, with the minus sign.")),
    },
    hints=[msg("Jalankan `gradient_check(backprop)` setelah setiap perubahan. Gradient mana yang salah? Jika "
               "keempatnya salah dengan galat relatif yang sama, bug-nya ada di awal rantai (da2).",
               "Run `gradient_check(backprop)` after every change. Which gradients are wrong? If all four "
               "have the same relative error, the bug is at the start of the chain (da2)."),
           msg("Bandingkan dengan tabel bab ini: da2 = −2(y − a2) / m, dan dW1 = Xᵀ dz1, seperti dW2 = a1ᵀ dz2.",
               "Compare with the chapter's table: da2 = −2(y − a2) / m, and dW1 = Xᵀ dz1, like dW2 = a1ᵀ dz2.")],
    solution=msg(_BUG_SOLUTION, _BUG_SOLUTION),   # code only: the same in both languages
)
