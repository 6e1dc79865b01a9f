"""Exercises of the appendix p1-09 (The Maths Toolkit)."""
import math

from ._core import Mistake, ValueExercise, msg

CHAPTER = "p1-09-maths-toolkit"

# -- q1: the chain rule on one scalar -----------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Chain rule: turunan σ(2x)", "The chain rule: the derivative of σ(2x)"),
    reference=0.5,
    mistakes={
        "no_inner": Mistake(0.25, msg(
            "0,25 adalah σ′(0) saja. Fungsi dalamnya u = 2x punya turunan 2, dan chain rule mengalikannya: "
            "f′(0) = σ′(0) · 2.",
            "0.25 is only σ′(0). The inner function u = 2x has derivative 2, and the chain rule multiplies "
            "by it: f′(0) = σ′(0) · 2.")),
        "value": Mistake(1.0, msg(
            "1 adalah 2 · σ(0), bukan 2 · σ′(0). Turunan sigmoid adalah σ(u)(1 − σ(u)) = 0,25 di u = 0.",
            "1 is 2 · σ(0), not 2 · σ′(0). The sigmoid's derivative is σ(u)(1 − σ(u)) = 0.25 at u = 0.")),
        "inner_only": Mistake(2.0, msg(
            "2 adalah turunan fungsi dalam u = 2x saja. Kalikan dengan turunan fungsi luar, σ′(0) = 0,25.",
            "2 is only the derivative of the inner function u = 2x. Multiply it by the derivative of the "
            "outer function, σ′(0) = 0.25.")),
    },
    hints=[msg("Tulis f(x) = σ(u) dengan u = 2x. Chain rule: f′(x) = σ′(u) · du/dx.",
               "Write f(x) = σ(u) with u = 2x. The chain rule: f′(x) = σ′(u) · du/dx."),
           msg("σ′(u) = σ(u)(1 − σ(u)), dan σ(0) = 0,5.", "σ′(u) = σ(u)(1 − σ(u)), and σ(0) = 0.5.")],
    solution=msg("slope = 0.5 * (1 - 0.5) * 2   # σ′(0) · 2 = 0,25 · 2 = 0,5",
                 "slope = 0.5 * (1 - 0.5) * 2   # σ′(0) · 2 = 0.25 · 2 = 0.5"),
)

# -- q2: the shape of a layer's output ---------------------------------------------------------

q2 = ValueExercise(
    CHAPTER, "q2",
    title=msg("Shape z = X @ W + b", "The shape of z = X @ W + b"),
    reference=(32, 128),
    mistakes={
        "weights": Mistake((784, 128), msg(
            "(784, 128) adalah shape W. Perkalian (32, 784) @ (784, 128) menghilangkan dimensi tengah 784.",
            "(784, 128) is the shape of W. The product (32, 784) @ (784, 128) loses the middle dimension 784.")),
        "transposed": Mistake((128, 32), msg(
            "itu ditranspos. Satu sampel per baris: 32 baris (sampel), 128 kolom (neuron).",
            "that is transposed. One sample per row: 32 rows (samples), 128 columns (neurons).")),
        "input": Mistake((32, 784), msg(
            "(32, 784) adalah shape X, input-nya. Setiap sampel kini punya 128 angka, satu per neuron.",
            "(32, 784) is the shape of X, the input. Each sample now has 128 numbers, one per neuron.")),
        "bias": Mistake((1, 128), msg(
            "(1, 128) adalah shape b. Lewat broadcasting, b ditambahkan ke setiap baris; hasilnya tetap 32 baris.",
            "(1, 128) is the shape of b. By broadcasting, b is added to every row; the result keeps its 32 rows.")),
    },
    hints=[msg("Aturan perkalian matriks: (n, k) @ (k, p) → (n, p).", "The matrix product rule: (n, k) @ (k, p) → (n, p)."),
           msg("Bias (1, 128) ditambahkan ke setiap baris dan tidak mengubah shape.",
               "The bias (1, 128) is added to every row and does not change the shape.")],
    solution=msg("shape = (32, 128)   # (32, 784) @ (784, 128) → (32, 128); + b (1, 128) per baris",
                 "shape = (32, 128)   # (32, 784) @ (784, 128) → (32, 128); + b (1, 128) on every row"),
)

# -- q3: a sum over samples with NumPy ------------------------------------------------------------

q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Σ atas sampel dengan NumPy", "Σ over samples with NumPy"),
    reference=[5.0, 7.0, 9.0],
    mistakes={
        "rows": Mistake([6.0, 15.0], msg(
            "itu jumlah setiap baris (axis=1), Σⱼ. Yang diminta jumlah atas sampel i, yaitu atas baris: axis=0.",
            "that is the sum of each row (axis=1), Σⱼ. The task asks for the sum over the samples i, that is "
            "over the rows: axis=0.")),
        "total": Mistake(21.0, msg(
            "21 adalah jumlah semua entri, Σᵢ Σⱼ. Yang diminta satu jumlah per kolom j: `X.sum(axis=0)`.",
            "21 is the sum of all entries, Σᵢ Σⱼ. The task asks for one sum per column j: `X.sum(axis=0)`.")),
        "mean": Mistake([2.5, 3.5, 4.5], msg(
            "itu rata-rata per kolom (dibagi m = 2). Σ menjumlahkan saja, tanpa membagi.",
            "that is the mean of each column (divided by m = 2). Σ only adds up, it does not divide.")),
    },
    hints=[msg("Σᵢ menjumlahkan atas indeks baris i, untuk setiap kolom j secara terpisah.",
               "Σᵢ adds up over the row index i, for each column j separately."),
           msg("Di NumPy, menjumlahkan atas baris adalah `axis=0`.", "In NumPy, adding up over the rows is `axis=0`.")],
    solution=msg("X = np.array([[1, 2, 3], [4, 5, 6]])\ncolumn_sums = X.sum(axis=0)   # [5, 7, 9]",
                 "X = np.array([[1, 2, 3], [4, 5, 6]])\ncolumn_sums = X.sum(axis=0)   # [5, 7, 9]"),
)

# -- q4: standard deviation by hand -----------------------------------------------------------------

q4 = ValueExercise(
    CHAPTER, "q4",
    title=msg("Standar deviasi dengan tangan", "A standard deviation by hand"),
    reference=2.0,
    mistakes={
        "variance": Mistake(4.0, msg(
            "4 adalah varians, rata-rata kuadrat jarak ke mean. Standar deviasi adalah akarnya.",
            "4 is the variance, the mean squared distance from the mean. The standard deviation is its square root.")),
        "sum_squares": Mistake(32.0, msg(
            "32 adalah jumlah kuadrat jarak ke mean. Bagi dengan jumlah data (8) untuk mendapat varians, lalu ambil akarnya.",
            "32 is the sum of the squared distances from the mean. Divide by the number of values (8) for the "
            "variance, then take the square root.")),
        "mean": Mistake(5.0, msg("5 adalah mean-nya. Standar deviasi mengukur sebaran di sekitar mean itu.",
                                 "5 is the mean. The standard deviation measures the spread around it.")),
    },
    rtol=1e-3,
    hints=[msg("Mean-nya 5. Hitung (xᵢ − 5)² untuk setiap data, lalu rata-ratakan.",
               "The mean is 5. Compute (xᵢ − 5)² for every value, then average."),
           msg("Varians = 32 / 8. Standar deviasi = √varians.", "Variance = 32 / 8. Standard deviation = √variance.")],
    solution=msg("std = (32 / 8) ** 0.5   # = np.std([2, 4, 4, 4, 5, 5, 7, 9]) = 2",
                 "std = (32 / 8) ** 0.5   # = np.std([2, 4, 4, 4, 5, 5, 7, 9]) = 2"),
)

# -- q5: the log in cross-entropy --------------------------------------------------------------------

q5 = ValueExercise(
    CHAPTER, "q5",
    title=msg("Log di cross-entropy", "The log in cross-entropy"),
    reference=math.log(4),
    rtol=1e-3,
    mistakes={
        "sign": Mistake(-math.log(4), msg(
            "tandanya terbalik: ln 0,25 negatif, dan cross-entropy adalah −ln p, jadi positif.",
            "the sign is flipped: ln 0.25 is negative, and cross-entropy is −ln p, so it is positive.")),
        "log10": Mistake(math.log10(4), msg(
            "itu logaritma basis 10. Cross-entropy memakai logaritma natural, ln = `np.log`.",
            "that is the base-10 logarithm. Cross-entropy uses the natural logarithm, ln = `np.log`.")),
        "one_minus": Mistake(0.75, msg("0,75 adalah 1 − p. Loss-nya −ln p.", "0.75 is 1 − p. The loss is −ln p.")),
    },
    hints=[msg("−ln p dengan p = 0,25. Ingat ln(1/a) = −ln a.", "−ln p with p = 0.25. Remember ln(1/a) = −ln a."),
           msg("−ln 0,25 = ln 4.", "−ln 0.25 = ln 4.")],
    solution=msg("loss = -np.log(0.25)   # = ln 4 ≈ 1,386", "loss = -np.log(0.25)   # = ln 4 ≈ 1.386"),
)
