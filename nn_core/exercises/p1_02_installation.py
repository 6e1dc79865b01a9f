"""Exercises of chapter p1-02 (Installation): the notebook workflow and the NumPy the book uses."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

def _as_list(ex):
    """Show a choice exercise's solution as a markdown list, one option per line (the default is
    plain lines, which markdown would run together into one paragraph)."""
    ex._solution = {lang: "\n".join("- " + line for line in text.splitlines())
                    for lang, text in ex._solution.items()}
    return ex


CHAPTER = "p1-02-installation"

# -- q1: a restarted Colab runtime ------------------------------------------------------------
q1 = _as_list(ChoiceExercise(
    CHAPTER, "q1",
    title=msg("Runtime Colab di-restart", "The Colab runtime restarted"),
    options={
        "a": msg("Instal ulang Python dan Jupyter di komputer Anda.",
                 "Reinstall Python and Jupyter on your computer."),
        "b": msg("Jalankan lagi sel kode pertama notebook (sel yang menginstal `nn_core`), lalu sel-sel di atas "
                 "sel yang sedang Anda kerjakan.",
                 "Run the notebook's first code cell again (the one that installs `nn_core`), then the cells above "
                 "the one you were working on."),
        "c": msg("Salin kode `nn_core` ke dalam notebook secara manual.",
                 "Copy the code of `nn_core` into the notebook by hand."),
        "d": msg("Abaikan saja: error itu berarti `nn_core` punya bug.",
                 "Nothing to do: the error means `nn_core` has a bug."),
    },
    why={
        "a": msg("Colab berjalan di server Google, bukan di komputer Anda. Runtime yang baru hanya belum "
                 "menginstal `nn_core`.",
                 "Colab runs on Google's servers, not on your computer. The new runtime simply has not installed "
                 "`nn_core` yet."),
        "b": msg("Runtime yang di-restart mulai dari kosong: sel pertama menginstal `nn_core` lagi dan memilih "
                 "bahasanya, sedangkan sel-sel berikutnya membuat ulang variabel yang Anda perlukan.",
                 "A restarted runtime starts empty: the first cell installs `nn_core` again and chooses its "
                 "language, and the cells after it recreate the variables you need."),
        "c": msg("Cara ini memang bisa, tetapi repot dan salinannya lama-lama berbeda dari library yang dipakai "
                 "buku. Sel pertama sudah menginstalnya dalam beberapa detik.",
                 "That would work, but it is tedious and the copy drifts away from the library the book uses. "
                 "The first cell installs it in a few seconds."),
        "d": msg("`ModuleNotFoundError` berarti Python sama sekali tidak menemukan paketnya di runtime ini; "
                 "error itu tidak mengatakan apa pun tentang isi kodenya.",
                 "`ModuleNotFoundError` means Python cannot find the package in this runtime at all; it says "
                 "nothing about the package's code."),
    },
    reference="b",
    hints=[msg("Apa isi runtime Colab yang baru saja di-restart? Sel mana di notebook yang menginstal `nn_core`?",
               "What is left in a Colab runtime that has just restarted? Which cell of the notebook installs `nn_core`?")],
))

# -- q2: predict np.dot + bias ----------------------------------------------------------------
_X = np.array([2, 0, -1])
_W = np.array([0.5, 3.0, 4.0])
_B = 1.0

q2 = ValueExercise(
    CHAPTER, "q2",
    title=msg("Tebak hasil `np.dot`", "Predict `np.dot`"),
    reference=float(np.dot(_X, _W) + _B),   # 1 + 0 − 4 + 1 = −2
    mistakes={
        "no_bias": Mistake(float(np.dot(_X, _W)), msg(
            "itu `np.dot(x, w)` saja. Jangan lupa `+ b` di akhir.",
            "that is `np.dot(x, w)` alone. Don't forget the `+ b` at the end.")),
        "sign": Mistake(float(np.dot(np.abs(_X), _W) + _B), msg(
            "perhatikan tandanya: elemen ketiga adalah (−1) · 4 = −4, bukan +4.",
            "mind the sign: the third product is (−1) · 4 = −4, not +4.")),
        "added": Mistake(float(np.sum(_X + _W) + _B), msg(
            "`np.dot` mengalikan pasangan elemen, lalu menjumlahkan hasil kalinya; ia tidak menjumlahkan x dan w.",
            "`np.dot` multiplies the pairs of elements, then adds the products; it does not add x and w.")),
    },
    hints=[msg("`np.dot(x, w)` = x[0]·w[0] + x[1]·w[1] + x[2]·w[2].",
               "`np.dot(x, w)` = x[0]·w[0] + x[1]·w[1] + x[2]·w[2].")],
    solution=msg("answer = -2.0   # 2·0,5 + 0·3 + (−1)·4 + 1 = 1 + 0 − 4 + 1",
                 "answer = -2.0   # 2·0.5 + 0·3 + (−1)·4 + 1 = 1 + 0 − 4 + 1"),
)

# -- q3: predict the shape of a matrix product ------------------------------------------------
q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Tebak shape hasil `@`", "Predict the shape of `@`"),
    reference=(4, 2),
    mistakes={
        "transposed": Mistake((2, 4), msg(
            "urutannya terbalik. Jumlah baris berasal dari A (4), jumlah kolom dari B (2).",
            "the order is reversed. The rows come from A (4), the columns from B (2).")),
        "inner": Mistake((3, 3), msg(
            "ukuran dalam, 3, justru yang \"habis\" dalam perkalian matriks; yang tersisa adalah ukuran luarnya.",
            "the inner size, 3, is the one that disappears in a matrix product; the outer sizes remain.")),
        "shape_of_a": Mistake((4, 3), msg(
            "itu shape A. Dikalikan dengan B, setiap baris A menjadi 2 angka (satu per kolom B).",
            "that is A's shape. Multiplied by B, each row of A becomes 2 numbers (one per column of B).")),
    },
    hints=[msg("(m, n) @ (n, p) → (m, p): ukuran yang sama di tengah hilang.",
               "(m, n) @ (n, p) → (m, p): the matching size in the middle disappears.")],
    solution=msg("answer = (4, 2)   # (4, 3) @ (3, 2) → (4, 2)", "answer = (4, 2)   # (4, 3) @ (3, 2) → (4, 2)"),
)


# -- q4: a weighted sum with a loop -----------------------------------------------------------
def _weighted_sum(x, w):
    total = 0.0
    for xi, wi in zip(x, w):
        total += xi * wi
    return total


def _cases(rng):
    cases = [([1.0, 2.0, 3.0], [0.5, -1.0, 2.0]),            # Python lists, as in the text: 4.5
             (np.array([3]), np.array([-2])),                 # one element, integers
             (np.array([2, 0, -1]), np.array([0.5, 3.0, 4.0]))]
    for n in (2, 4, 7):
        cases.append((rng.integers(-5, 6, n), rng.normal(size=n).round(3)))
    cases.append((rng.normal(size=5) * 1000, rng.normal(size=5)))   # large values
    return cases


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_cases, arg_names=("x", "w"), rtol=1e-9, atol=1e-9,
    title=msg("Jumlah berbobot dengan loop", "A weighted sum with a loop"),
    reference=_weighted_sum,
    mistakes={
        "no_sum": Mistake(lambda x, w: np.asarray(x) * np.asarray(w), msg(
            "Anda mengalikan pasangan demi pasangan, tetapi lupa menjumlahkan hasil kalinya: hasilnya harus "
            "satu angka.",
            "you multiplied pair by pair but did not add the products up: the result must be one number.")),
        "sum_times_sum": Mistake(lambda x, w: float(np.sum(x) * np.sum(w)), msg(
            "Anda mengalikan jumlah x dengan jumlah w. Jumlahkan hasil kali x[i]·w[i] pada posisi yang sama.",
            "you multiplied the sum of x by the sum of w. Add the products x[i]·w[i] at the same position.")),
        "last_only": Mistake(lambda x, w: float(x[-1] * w[-1]), msg(
            "hasil Anda hanya hasil kali pasangan terakhir. Di dalam loop, pakai `total += …` (dan mulai dari "
            "`total = 0`), bukan `total = …`.",
            "your result is only the last product. Inside the loop use `total += …` (starting from `total = 0`), "
            "not `total = …`.")),
        "skips_first": Mistake(lambda x, w: float(np.dot(np.asarray(x)[1:], np.asarray(w)[1:])), msg(
            "loop Anda melewatkan pasangan pertama: indeks Python dimulai dari 0, jadi pakai `range(len(x))` "
            "atau `zip(x, w)`.",
            "your loop skips the first pair: Python counts from 0, so use `range(len(x))` or `zip(x, w)`.")),
    },
    hints=[msg("Mulai dari `total = 0`, lalu untuk setiap pasangan `xi, wi` dari `zip(x, w)` tambahkan `xi * wi`.",
               "Start from `total = 0`, then for each pair `xi, wi` from `zip(x, w)` add `xi * wi`."),
           msg("Jangan lupa `return total` setelah loop selesai.", "Don't forget `return total` after the loop.")],
    solution=msg("def weighted_sum(x, w):\n    total = 0.0\n    for xi, wi in zip(x, w):\n        total += xi * wi\n"
                 "    return total\n\nweighted_sum([1.0, 2.0, 3.0], [0.5, -1.0, 2.0])   # 4.5, sama dengan np.dot",
                 "def weighted_sum(x, w):\n    total = 0.0\n    for xi, wi in zip(x, w):\n        total += xi * wi\n"
                 "    return total\n\nweighted_sum([1.0, 2.0, 3.0], [0.5, -1.0, 2.0])   # 4.5, as np.dot gives"),
)
