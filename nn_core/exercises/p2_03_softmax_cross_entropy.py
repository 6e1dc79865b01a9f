"""Exercises of chapter p2-03 (Softmax & cross-entropy)."""

import numpy as np

from ..activations import softmax
from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p2-03-softmax-cross-entropy"


# -- q1: one_hot ------------------------------------------------------------------------

def _one_hot(labels, num_classes):
    labels = np.asarray(labels)
    encoded = np.zeros((labels.shape[0], num_classes))
    encoded[np.arange(labels.shape[0]), labels] = 1
    return encoded


def _one_hot_cases(rng):
    return [(np.array([0, 2, 1]), 3),
            (rng.integers(0, 4, size=7), 6),          # the largest classes never occur: width must still be 6
            (np.array([1, 0, 1, 0]), 2),
            (np.array([4]), 5),                        # a batch of one
            (rng.permutation(5), 5),                   # m = num_classes (a transposed answer has the same shape)
            (rng.integers(0, 10, size=12), 10)]


def _all_rows(labels, num_classes):
    encoded = np.zeros((len(labels), num_classes))
    encoded[:, labels] = 1
    return encoded


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_one_hot_cases, arg_names=("labels", "num_classes"),
    title=msg("One-hot encoding", "One-hot encoding"),
    reference=_one_hot,
    mistakes={
        "width_from_labels": Mistake(lambda labels, k: np.eye(int(np.max(labels)) + 1)[labels], msg(
            "lebar hasil Anda dihitung dari label terbesar (labels.max() + 1). Jika kelas terbesar kebetulan tidak "
            "muncul di batch ini, jumlah kolomnya kurang. Lebarnya harus selalu num_classes.",
            "your width comes from the largest label (labels.max() + 1). When the largest class happens not to "
            "occur in this batch, columns are missing. The width must always be num_classes.")),
        "transposed": Mistake(lambda labels, k: _one_hot(labels, k).T, msg(
            "hasil Anda tertranspos: shape-nya (num_classes, m). Satu baris per sampel: (m, num_classes).",
            "your result is transposed: its shape is (num_classes, m). One row per sample: (m, num_classes).")),
        "all_rows": Mistake(_all_rows, msg(
            "`encoded[:, labels] = 1` mengisi kolom setiap label di semua baris. Pasangkan setiap baris dengan "
            "labelnya sendiri: `encoded[np.arange(m), labels] = 1`.",
            "`encoded[:, labels] = 1` fills every label's column in every row. Pair each row with its own "
            "label: `encoded[np.arange(m), labels] = 1`.")),
    },
    hints=[msg("Mulailah dari matriks nol berukuran (m, num_classes), lalu isi satu angka 1 per baris.",
               "Start from a matrix of zeros of shape (m, num_classes), then put one 1 in each row."),
           msg("`encoded[np.arange(m), labels] = 1` memasang 1 di baris i, kolom labels[i], untuk setiap i.",
               "`encoded[np.arange(m), labels] = 1` puts a 1 in row i, column labels[i], for every i.")],
    solution=msg("def one_hot(labels, num_classes):\n    m = labels.shape[0]\n    encoded = np.zeros((m, num_classes))\n"
                 "    encoded[np.arange(m), labels] = 1   # baris i, kolom labels[i]\n    return encoded",
                 "def one_hot(labels, num_classes):\n    m = labels.shape[0]\n    encoded = np.zeros((m, num_classes))\n"
                 "    encoded[np.arange(m), labels] = 1   # row i, column labels[i]\n    return encoded"),
)


# -- q2: a stable softmax ---------------------------------------------------------------

def _softmax(z):
    return softmax(np.asarray(z, dtype=float))


def _softmax_cases(rng):
    return [(np.array([[2.0, 1.0, 0.1]]),),                                 # the chapter's example, a batch of one
            (rng.normal(scale=2, size=(4, 3)),),
            (rng.normal(size=(3, 3)),),                                      # square: the wrong axis keeps the shape
            (np.array([[1000.0, 1001.0, 999.0], [-1000.0, -999.0, -1001.0]]),),   # z = ±1000
            (rng.integers(-5, 6, size=(2, 5)),),                             # integer input
            (rng.normal(scale=3, size=(6, 10)),)]


def _softmax_axis0(z):
    z = np.asarray(z, dtype=float)
    exp_z = np.exp(z - np.max(z, axis=0, keepdims=True))
    return exp_z / np.sum(exp_z, axis=0, keepdims=True)


def _softmax_naive(z):
    exp_z = np.exp(np.asarray(z, dtype=float))
    return exp_z / np.sum(exp_z, axis=1, keepdims=True)


def _softmax_global_max(z):
    z = np.asarray(z, dtype=float)
    exp_z = np.exp(z - np.max(z))
    return exp_z / np.sum(exp_z, axis=1, keepdims=True)


def _softmax_sum_all(z):
    z = np.asarray(z, dtype=float)
    exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))
    return exp_z / np.sum(exp_z)


q2 = FunctionExercise(
    CHAPTER, "q2", quiet=True, cases=_softmax_cases, arg_names=("z",),
    title=msg("Softmax yang stabil", "A stable softmax"),
    reference=_softmax,
    mistakes={
        "axis0": Mistake(_softmax_axis0, msg(
            "softmax Anda bekerja per kolom (axis=0): setiap kolom berjumlah 1. Satu baris adalah satu sampel, "
            "jadi max dan jumlahnya dihitung per baris: axis=1, keepdims=True.",
            "your softmax works per column (axis=0): every column sums to 1. A row is one sample, so the max "
            "and the sum are taken per row: axis=1, keepdims=True.")),
        "no_max": Mistake(_softmax_naive, msg(
            "untuk skor ±1000 hasil Anda NaN: e^1000 overflow menjadi inf, dan inf / inf = NaN. Kurangi dulu "
            "maksimum setiap baris: np.exp(z - np.max(z, axis=1, keepdims=True)).",
            "for scores of ±1000 your result is NaN: e^1000 overflows to inf, and inf / inf = NaN. Subtract "
            "each row's maximum first: np.exp(z - np.max(z, axis=1, keepdims=True)).")),
        "global_max": Mistake(_softmax_global_max, msg(
            "Anda mengurangi satu maksimum untuk seluruh matriks. Untuk baris yang skornya jauh lebih kecil "
            "(misalnya −1000 di samping +1000), semua e^(z − max) menjadi 0, dan 0 / 0 = NaN. Kurangi maksimum "
            "baris itu sendiri: np.max(z, axis=1, keepdims=True).",
            "you subtract one maximum for the whole matrix. For a row whose scores are far smaller (say −1000 "
            "next to +1000), every e^(z − max) becomes 0, and 0 / 0 = NaN. Subtract the row's own maximum: "
            "np.max(z, axis=1, keepdims=True).")),
        "sum_all": Mistake(_softmax_sum_all, msg(
            "Anda membagi dengan jumlah seluruh matriks sehingga seluruh batch berjumlah 1. Setiap baris "
            "harus berjumlah 1: np.sum(exp_z, axis=1, keepdims=True).",
            "you divide by the sum of the whole matrix, so the whole batch sums to 1. Every row must sum "
            "to 1: np.sum(exp_z, axis=1, keepdims=True).")),
    },
    hints=[msg("Dua baris saja: kurangi maksimum setiap baris, ambil eksponensialnya, lalu bagi dengan jumlah "
               "per baris.",
               "Two lines: subtract each row's maximum, take the exponential, then divide by the row sums."),
           msg("`keepdims=True` membuat hasil np.max dan np.sum berbentuk (m, 1) sehingga bisa dikurangkan dari "
               "dan membagi z yang berbentuk (m, k).",
               "`keepdims=True` gives np.max and np.sum the shape (m, 1), so they can be subtracted from and "
               "divide z of shape (m, k).")],
    solution=msg("def softmax(z):\n    exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))   # maksimum per baris: tidak overflow\n"
                 "    return exp_z / np.sum(exp_z, axis=1, keepdims=True)",
                 "def softmax(z):\n    exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))   # each row's maximum: no overflow\n"
                 "    return exp_z / np.sum(exp_z, axis=1, keepdims=True)"),
)


# -- q3: cross-entropy ------------------------------------------------------------------

def _cross_entropy(y_pred, y_true):
    y_pred = np.clip(np.asarray(y_pred, dtype=float), 1e-12, 1 - 1e-12)
    return float(-np.sum(np.asarray(y_true) * np.log(y_pred)) / y_pred.shape[0])


def _ce_cases(rng):
    cases = []
    for m, k in ((1, 3), (5, 4), (8, 10)):
        probs = _softmax(rng.normal(scale=2, size=(m, k)))
        cases.append((probs, _one_hot(rng.integers(0, k, size=m), k)))
    cases.append((np.array([[0.7, 0.2, 0.1]]), np.array([[1, 0, 0]])))               # the chapter's example
    cases.append((np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]]),                       # exact zeros …
                  np.array([[1, 0, 0], [0, 1, 0]])))
    cases.append((np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]),                       # … and a true class with p = 0
                  np.array([[1, 0, 0], [0, 0, 1]])))
    return cases


def _ce_no_clip(y_pred, y_true):
    return float(-np.sum(np.asarray(y_true) * np.log(np.asarray(y_pred, dtype=float))) / np.shape(y_pred)[0])


q3 = FunctionExercise(
    CHAPTER, "q3", quiet=True, cases=_ce_cases, arg_names=("y_pred", "y_true"),
    title=msg("Cross-entropy loss", "Cross-entropy loss"),
    reference=_cross_entropy,
    mistakes={
        "sum_not_mean": Mistake(lambda p, t: _cross_entropy(p, t) * np.shape(p)[0], msg(
            "hasil Anda adalah jumlah loss seluruh batch. Loss-nya adalah rata-rata per sampel: bagi dengan m "
            "(banyaknya baris), seperti 1/m di rumusnya.",
            "your result is the total loss of the batch. The loss is the mean per sample: divide by m (the number "
            "of rows), the 1/m of the formula.")),
        "mean_all": Mistake(lambda p, t: _cross_entropy(p, t) / np.shape(p)[1], msg(
            "Anda membagi dengan m × k (np.mean atas semua elemen). Hanya satu kolom per baris yang bernilai "
            "bukan nol; bagi dengan m saja, banyaknya sampel.",
            "you divide by m × k (np.mean over every element). Only one column per row is non-zero; divide by m "
            "only, the number of samples.")),
        "no_clip": Mistake(_ce_no_clip, msg(
            "jika probabilitas tepat 0, hasil Anda inf atau NaN: log 0 = −inf, dan 0 × (−inf) = NaN. "
            "Potong dulu: np.clip(y_pred, 1e-12, 1 - 1e-12).",
            "when a probability is exactly 0 your result is inf or NaN: log 0 = −inf, and 0 × (−inf) = NaN. "
            "Clip first: np.clip(y_pred, 1e-12, 1 - 1e-12).")),
        "sign": Mistake(lambda p, t: -_cross_entropy(p, t), msg(
            "hasil Anda negatif: tanda minusnya hilang. log dari probabilitas ≤ 0, jadi −Σ y·log ŷ ≥ 0.",
            "your result is negative: the minus sign is missing. The log of a probability is ≤ 0, so "
            "−Σ y·log ŷ ≥ 0.")),
    },
    hints=[msg("Rumusnya L = −(1/m) Σ y·log ŷ. Potong ŷ ke [1e-12, 1 − 1e-12] sebelum log.",
               "The formula is L = −(1/m) Σ y·log ŷ. Clip ŷ to [1e-12, 1 − 1e-12] before the log."),
           msg("m = y_pred.shape[0]. `np.sum` tanpa axis menjumlahkan semua elemen y * log(ŷ).",
               "m = y_pred.shape[0]. `np.sum` without an axis adds up every element of y * log(ŷ).")],
    solution=msg("def cross_entropy(y_pred, y_true):\n    m = y_pred.shape[0]\n"
                 "    y_pred = np.clip(y_pred, 1e-12, 1 - 1e-12)   # log(0) tidak pernah terjadi\n"
                 "    return -np.sum(y_true * np.log(y_pred)) / m",
                 "def cross_entropy(y_pred, y_true):\n    m = y_pred.shape[0]\n"
                 "    y_pred = np.clip(y_pred, 1e-12, 1 - 1e-12)   # log(0) never happens\n"
                 "    return -np.sum(y_true * np.log(y_pred)) / m"),
)


# -- q4: why ŷ − y ----------------------------------------------------------------------

q4 = ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Mengapa gradient di output adalah ŷ − y?", "Why is the gradient at the output ŷ − y?"),
    options={
        "a": msg("Karena cross-entropy pada dasarnya selisih kuadrat antara ŷ dan y, dan turunan (ŷ − y)²/2 "
                 "adalah ŷ − y.",
                 "Because cross-entropy is really the squared difference between ŷ and y, and the derivative of "
                 "(ŷ − y)²/2 is ŷ − y."),
        "b": msg("Karena −y/ŷ dari turunan log bertemu dengan turunan softmax ŷ(δ − ŷ), dan dengan Σ y = 1 "
                 "semuanya menyusut menjadi ŷ − y.",
                 "Because the −y/ŷ from the log's derivative meets softmax's derivative ŷ(δ − ŷ), and with Σ y = 1 "
                 "everything shrinks to ŷ − y."),
        "c": msg("Itu pendekatan yang hanya berlaku jika prediksinya sudah dekat dengan label.",
                 "It is an approximation that only holds when the prediction is already close to the label."),
        "d": msg("Softmax adalah fungsi linear sehingga turunannya konstan.",
                 "Because softmax is a linear function, so its derivative is constant."),
    },
    why={
        "a": msg("Itu MSE. Cross-entropy adalah −Σ y·log ŷ; gradient MSE lewat softmax atau sigmoid masih "
                 "membawa faktor turunan aktivasi, yang justru menghilang saat prediksinya sangat salah.",
                 "That is MSE. Cross-entropy is −Σ y·log ŷ; the MSE gradient through a softmax or sigmoid still "
                 "carries the activation's derivative, which vanishes exactly when the prediction is very wrong."),
        "b": msg("Chain rule: Σ_j (−y_j/ŷ_j)·ŷ_j(δ_ij − ŷ_i) = −y_i + ŷ_i Σ_j y_j = ŷ_i − y_i. Pecahannya saling "
                 "menghilangkan, dan label one-hot berjumlah 1.",
                 "The chain rule: Σ_j (−y_j/ŷ_j)·ŷ_j(δ_ij − ŷ_i) = −y_i + ŷ_i Σ_j y_j = ŷ_i − y_i. The fractions "
                 "cancel, and a one-hot label sums to 1."),
        "c": msg("Hasilnya tepat untuk skor z berapa pun: bab ini mengeceknya pada z acak dan pada z = [−10, 0, 0], "
                 "saat model sangat salah, dan gradient numeriknya sama.",
                 "It is exact for any scores z: the chapter checks it at random z and at z = [−10, 0, 0], where the "
                 "model is very wrong, and the numerical gradient agrees."),
        "d": msg("Softmax tidak linear: turunannya ŷ_j(δ_ij − ŷ_i) bergantung pada ŷ. Yang sederhana adalah "
                 "gabungan softmax dengan cross-entropy, bukan softmax sendiri.",
                 "Softmax is not linear: its derivative ŷ_j(δ_ij − ŷ_i) depends on ŷ. What is simple is softmax "
                 "combined with cross-entropy, not softmax alone."),
    },
    reference="b",
    hints=[msg("Lihat tiga langkah di subbab ✨ Bonus: turunan softmax, turunan loss, lalu chain rule.",
               "Look at the three steps of the ✨ Bonus section: softmax's derivative, the loss's derivative, "
               "then the chain rule.")],
)
