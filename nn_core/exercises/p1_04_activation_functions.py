"""Exercises of chapter p1-04 (Activation functions)."""
import warnings

import numpy as np

from .. import activations as A
from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, call, msg

CHAPTER = "p1-04-activation-functions"


# -- q1: predict ------------------------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Tiga layer sigmoid: berapa sisa gradient-nya?", "Three sigmoid layers: how much gradient is left?"),
    reference=0.25 ** 3,
    mistakes={
        "sigma_not_derivative": Mistake(0.5 ** 3, msg(
            "0,5 adalah σ(0), nilai fungsinya. Yang dikalikan adalah turunannya, σ′(0) = σ(0)·(1 − σ(0)) = 0,25.",
            "0.5 is σ(0), the function's value. What gets multiplied is its derivative, σ′(0) = σ(0)·(1 − σ(0)) = 0.25.")),
        "sum": Mistake(0.75, msg(
            "Anda menjumlahkan ketiga turunan. `np.prod` mengalikannya, seperti chain rule: 0,25 × 0,25 × 0,25.",
            "you added the three derivatives. `np.prod` multiplies them, as the chain rule does: 0.25 × 0.25 × 0.25.")),
        "one_layer": Mistake(0.25, msg(
            "0,25 adalah faktor untuk satu layer saja. Ada tiga layer, dan faktornya dikalikan.",
            "0.25 is the factor for one layer only. There are three layers, and their factors multiply.")),
        "tanh": Mistake(1.0, msg(
            "turunan yang bernilai 1 di z = 0 adalah turunan tanh. Turunan sigmoid di z = 0 hanya 0,25.",
            "the derivative that equals 1 at z = 0 is tanh's. The sigmoid's derivative at z = 0 is only 0.25.")),
        "zero": Mistake(0.0, msg(
            "σ′(0) bukan nol: justru di z = 0 kurva sigmoid paling curam, σ′(0) = 0,25.",
            "σ′(0) is not zero: z = 0 is where the sigmoid is steepest, σ′(0) = 0.25.")),
    },
    hints=[msg("Hitung dulu σ′(0) dari σ′(z) = σ(z)·(1 − σ(z)), dengan σ(0) = 0,5.",
               "First compute σ′(0) from σ′(z) = σ(z)·(1 − σ(z)), with σ(0) = 0.5."),
           msg("`np.prod` mengalikan ketiga nilai yang sama: (σ′(0))³.",
               "`np.prod` multiplies the three equal values: (σ′(0))³.")],
    solution=msg("answer = 0.25 ** 3   # = 0.015625: σ′(0) = 0,5 × 0,5 = 0,25 per layer, dikalikan tiga kali",
                 "answer = 0.25 ** 3   # = 0.015625: σ′(0) = 0.5 × 0.5 = 0.25 per layer, multiplied three times"),
)


# -- q2: relu_derivative ----------------------------------------------------------------

def _relu_cases(rng):
    z = rng.normal(size=(4, 3))
    z[rng.random(z.shape) < 0.3] = 0.0                          # exact zeros: the kink
    return [(np.array([-2.0, -0.5, 0.0, 0.5, 2.0]),),
            (z,),
            (np.array([[0.0, -1000.0, 1000.0]]),),              # a batch of one, z = ±1000
            (rng.integers(-3, 4, size=8),),                     # integer input
            (np.array([-3, 0, 3]),)]


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_relu_cases, arg_names=("z",),
    title=msg("Turunan ReLU, termasuk di tekukannya", "The ReLU derivative, kink included"),
    reference=A.relu_derivative,
    mistakes={
        "kink_one": Mistake(lambda z: (np.asarray(z) >= 0).astype(float), msg(
            "untuk z = 0 hasil Anda 1. Buku ini (dan `nn_core`) memakai 0 di tekukan z = 0: pakai z > 0, bukan z ≥ 0.",
            "for z = 0 your result is 1. The book (and `nn_core`) uses 0 at the kink z = 0: use z > 0, not z ≥ 0.")),
        "relu_itself": Mistake(lambda z: np.maximum(0, z), msg(
            "Anda mengembalikan ReLU(z) itu sendiri. Turunannya adalah kemiringan: 1 jika z > 0, selain itu 0.",
            "you return ReLU(z) itself. Its derivative is the slope: 1 where z > 0, else 0.")),
        "negative_side": Mistake(lambda z: (np.asarray(z) < 0).astype(float), msg(
            "hasil Anda 1 untuk z negatif dan 0 untuk z positif: sisinya terbalik. ReLU miring di sisi z > 0.",
            "your result is 1 for negative z and 0 for positive z: the sides are swapped. ReLU slopes on the z > 0 side.")),
        "sign": Mistake(lambda z: np.sign(z), msg(
            "`np.sign` memberi −1 untuk z negatif, padahal di sisi itu ReLU datar (kemiringan 0).",
            "`np.sign` gives −1 for negative z, but ReLU is flat there (slope 0).")),
    },
    hints=[msg("Kemiringan ReLU adalah 1 di sisi z > 0 dan 0 di sisi z < 0. Di z = 0, buku ini memakai 0.",
               "ReLU's slope is 1 on the z > 0 side and 0 on the z < 0 side. At z = 0 the book uses 0."),
           msg("`(z > 0)` menghasilkan array True/False; `.astype(float)` mengubahnya menjadi 1.0/0.0.",
               "`(z > 0)` gives an array of True/False; `.astype(float)` turns it into 1.0/0.0.")],
    solution=msg("def relu_derivative(z):\n    return (z > 0).astype(float)   # 0 untuk z ≤ 0, termasuk z = 0",
                 "def relu_derivative(z):\n    return (z > 0).astype(float)   # 0 for z ≤ 0, z = 0 included"),
)


# -- q3: sigmoid_derivative -------------------------------------------------------------

def _sigmoid_cases(rng):
    return [(rng.normal(scale=3, size=6),),
            (np.array([-1000.0, -20.0, 0.0, 20.0, 1000.0]),),   # z = ±1000
            (rng.normal(scale=2, size=(5, 3)),),                # a batch
            (rng.normal(size=(1, 4)),),                         # a batch of one
            (rng.integers(-4, 5, size=6),),                     # integer input
            (0.0,)]


def _overflowing_derivative(z):
    e = np.exp(-np.asarray(z, dtype=float))
    return e / (1 + e) ** 2


q3 = FunctionExercise(
    CHAPTER, "q3", quiet=True, cases=_sigmoid_cases, arg_names=("z",),
    title=msg("Turunan sigmoid", "The sigmoid's derivative"),
    reference=A.sigmoid_derivative,
    mistakes={
        "one_minus_z": Mistake(lambda z: A.sigmoid(z) * (1 - np.asarray(z, dtype=float)), msg(
            "Anda menulis σ(z)·(1 − z). Faktor keduanya adalah 1 − σ(z), bukan 1 − z.",
            "you wrote σ(z)·(1 − z). The second factor is 1 − σ(z), not 1 − z.")),
        "tanh_formula": Mistake(lambda z: 1 - A.sigmoid(z) ** 2, msg(
            "1 − σ(z)² meniru rumus turunan tanh (1 − tanh²). Untuk sigmoid rumusnya σ(z)·(1 − σ(z)).",
            "1 − σ(z)² copies tanh's derivative (1 − tanh²). For the sigmoid it is σ(z)·(1 − σ(z)).")),
        "no_derivative": Mistake(lambda z: A.sigmoid(z), msg(
            "Anda mengembalikan σ(z) itu sendiri, bukan turunannya σ(z)·(1 − σ(z)).",
            "you return σ(z) itself, not its derivative σ(z)·(1 − σ(z)).")),
        "sign": Mistake(lambda z: A.sigmoid(z) * (A.sigmoid(z) - 1), msg(
            "hasil Anda negatif: tandanya terbalik. Sigmoid selalu naik, jadi turunannya σ(z)·(1 − σ(z)) selalu positif.",
            "your result is negative: the sign is flipped. The sigmoid always rises, so σ(z)·(1 − σ(z)) is always positive.")),
        "overflow": Mistake(_overflowing_derivative, msg(
            "rumus e^(−z) / (1 + e^(−z))² benar di atas kertas, tetapi untuk z = −1000 nilai e^1000 overflow "
            "menjadi inf, dan inf / inf = NaN. Hitung s = sigmoid(z) (versi `nn_core` tidak pernah overflow), "
            "lalu kembalikan s * (1 - s).",
            "the formula e^(−z) / (1 + e^(−z))² is right on paper, but for z = −1000 e^1000 overflows to inf, "
            "and inf / inf = NaN. Compute s = sigmoid(z) (the `nn_core` version never overflows), then return s * (1 - s).")),
    },
    hints=[msg("Turunannya bisa dihitung dari nilai sigmoid itu sendiri: σ′(z) = σ(z)·(1 − σ(z)).",
               "The derivative can be computed from the sigmoid's own value: σ′(z) = σ(z)·(1 − σ(z))."),
           msg("Hitung `s = sigmoid(z)` sekali, lalu kembalikan `s * (1 - s)`.",
               "Compute `s = sigmoid(z)` once, then return `s * (1 - s)`.")],
    solution=msg("def sigmoid_derivative(z):\n    s = sigmoid(z)        # sigmoid dari nn_core: aman untuk z = ±1000\n    return s * (1 - s)",
                 "def sigmoid_derivative(z):\n    s = sigmoid(z)        # nn_core's sigmoid: safe for z = ±1000\n    return s * (1 - s)"),
)


# -- q4: why non-linearity --------------------------------------------------------------

q4 = ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Mengapa activation function harus nonlinear?", "Why must activation functions be non-linear?"),
    options={
        "a": msg("Makin banyak layer, makin pintar jaringannya: sepuluh layer tanpa activation function pun bisa "
                 "mempelajari XOR asalkan training-nya cukup lama.",
                 "More layers always means a smarter network: even ten layers without activation functions can learn "
                 "XOR if trained long enough."),
        "b": msg("Tanpa activation function, tumpukan layer berapa pun setara dengan satu pemetaan afin "
                 "X @ W + b (satu layer linear), dan itu tidak cukup untuk XOR.",
                 "Without activation functions, any stack of layers equals one affine map X @ W + b (one linear "
                 "layer), and that is not enough for XOR."),
        "c": msg("Masalahnya hanya bias: dengan bias di setiap layer, tumpukan layer linear bisa menyelesaikan XOR.",
                 "The only problem is the bias: with a bias in every layer, a stack of linear layers can solve XOR."),
        "d": msg("Cukup pasang sigmoid di output layer; hidden layer boleh tetap linear.",
                 "A sigmoid on the output layer is enough; the hidden layers may stay linear."),
    },
    why={
        "a": msg("Sepuluh layer linear menyatu menjadi satu: W = W1 @ W2 @ … @ W10. Training yang lama tidak "
                 "mengubah bentuk itu, dan pemetaan afin terbaik untuk XOR hanya bisa menebak 0,5 di mana-mana.",
                 "Ten linear layers merge into one: W = W1 @ W2 @ … @ W10. Training longer does not change that "
                 "form, and the best affine map for XOR can only guess 0.5 everywhere."),
        "b": msg("Perkalian matriks berurutan bisa digabung menjadi satu (W = W1 @ W2, b = b1 @ W2 + b2). "
                 "Activation function nonlinear di antara layer mencegah penggabungan itu, dan dengan ReLU, "
                 "jaringan 2 → 2 → 1 di bab ini menghitung XOR dengan tepat.",
                 "Consecutive matrix products merge into one (W = W1 @ W2, b = b1 @ W2 + b2). A non-linear "
                 "activation between the layers prevents that merge, and with ReLU the chapter's 2 → 2 → 1 "
                 "network computes XOR exactly."),
        "c": msg("Bias sudah ikut dalam perhitungan bab ini: b1 @ W2 + b2 tetap hanya satu vektor bias. "
                 "Bias menggeser hasilnya, tetapi tidak membuatnya melengkung.",
                 "The chapter's computation already includes the biases: b1 @ W2 + b2 is still just one bias "
                 "vector. A bias shifts the result; it does not bend it."),
        "d": msg("σ(X @ W + b) tetap membelah bidang input dengan satu garis lurus (tempat σ = 0,5), sama "
                 "seperti perceptron, jadi XOR tetap mustahil. Nonlinearitas harus ada di antara layer.",
                 "σ(X @ W + b) still splits the input plane with one straight line (where σ = 0.5), like a "
                 "perceptron, so XOR stays impossible. The non-linearity has to sit between the layers."),
    },
    reference="b",
    hints=[msg("Lihat subbab 🧠: apa yang terjadi pada (X @ W1 + b1) @ W2 + b2 jika disederhanakan?",
               "Look at the 🧠 section: what does (X @ W1 + b1) @ W2 + b2 simplify to?")],
)


# -- q5: a sigmoid that never overflows -------------------------------------------------

def _stable_cases(rng):
    return [(rng.normal(scale=4, size=7),),
            (np.array([-1000.0, -745.0, -710.0, 0.0, 710.0, 1000.0]),),   # z = ±1000 and the overflow edge
            (rng.uniform(-1000, 1000, size=(3, 4)),),                       # a batch with huge values
            (rng.normal(size=(1, 5)),),                                     # a batch of one
            (rng.integers(-6, 7, size=6),),                                 # integer input
            (3.0,)]


def _naive(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def _where_both(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def _swapped(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))


def _integer_buffer(z):
    z = np.asarray(z)
    out = np.empty_like(z)                     # integer z → an integer buffer
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out


def _overflows(fn, z) -> bool:
    """Does fn(z) raise NumPy's overflow warning?"""
    with warnings.catch_warnings(record=True) as caught, np.errstate(over="warn", invalid="ignore", divide="ignore"):
        warnings.simplefilter("always")
        call(fn, np.array([z]))
    return any(issubclass(w.category, RuntimeWarning) and "overflow" in str(w.message) for w in caught)


class StableSigmoid(FunctionExercise):
    """Right values are not enough: the answer must not overflow for z = ±1000 either."""

    def grade(self, answer):
        ok, message = super().grade(answer)
        if not ok:
            return ok, message
        high, low = _overflows(answer, 1000.0), _overflows(answer, -1000.0)
        if high and low:
            return False, self.mistakes["where_both_branches"].message
        if low or high:
            return False, self.mistakes["naive"].message
        return True, None


q5 = StableSigmoid(
    CHAPTER, "q5", quiet=True, cases=_stable_cases, arg_names=("z",),
    title=msg("Sigmoid yang tidak pernah overflow", "A sigmoid that never overflows"),
    reference=A.sigmoid,
    mistakes={
        "naive": Mistake(_naive, msg(
            "nilainya benar, tetapi untuk z = −1000 `np.exp(-z)` overflow (NumPy memperingatkan "
            "\"overflow encountered in exp\"). Untuk z < 0, pakai bentuk e^z / (1 + e^z).",
            "the values are right, but for z = −1000 `np.exp(-z)` overflows (NumPy warns \"overflow encountered "
            "in exp\"). For z < 0, use the form e^z / (1 + e^z).")),
        "where_both_branches": Mistake(_where_both, msg(
            "nilainya benar, tetapi `np.where` menghitung KEDUA cabang untuk setiap elemen sebelum memilih, jadi "
            "`np.exp(-z)` tetap overflow di z = −1000 dan `np.exp(z)` di z = +1000. Hitung sekali "
            "e = np.exp(-np.abs(z)), yang tidak pernah lebih dari 1, lalu pakai e di kedua cabang.",
            "the values are right, but `np.where` computes BOTH branches for every element before it picks, so "
            "`np.exp(-z)` still overflows at z = −1000 and `np.exp(z)` at z = +1000. Compute "
            "e = np.exp(-np.abs(z)) once (it is never above 1) and use e in both branches.")),
        "swapped": Mistake(_swapped, msg(
            "kedua cabang Anda tertukar sehingga hasilnya σ(−z) = 1 − σ(z). Untuk z ≥ 0 pakai 1 / (1 + e), "
            "untuk z < 0 pakai e / (1 + e), dengan e = e^(−|z|).",
            "your two branches are swapped, so you compute σ(−z) = 1 − σ(z). For z ≥ 0 use 1 / (1 + e), for "
            "z < 0 use e / (1 + e), with e = e^(−|z|).")),
        "integer_buffer": Mistake(_integer_buffer, msg(
            "untuk input bilangan bulat hasil Anda juga bilangan bulat (semuanya 0): `np.empty_like(z)` menyalin "
            "dtype integer milik z. Ubah dulu z dengan `np.asarray(z, dtype=float)`.",
            "for integer input your result is integer too (all 0): `np.empty_like(z)` copies z's integer dtype. "
            "Convert first with `np.asarray(z, dtype=float)`.")),
    },
    hints=[msg("Untuk z ≥ 0, 1 / (1 + e^(−z)) aman. Untuk z < 0, kalikan pembilang dan penyebut dengan e^z: "
               "σ(z) = e^z / (1 + e^z). Dengan begitu, `np.exp` hanya menerima bilangan ≤ 0.",
               "For z ≥ 0, 1 / (1 + e^(−z)) is safe. For z < 0, multiply top and bottom by e^z: "
               "σ(z) = e^z / (1 + e^z). Then `np.exp` only ever sees numbers ≤ 0."),
           msg("`np.where(kondisi, a, b)` menghitung a dan b untuk semua elemen. Hitung e = np.exp(-np.abs(z)) "
               "sekali saja: nilainya selalu di (0, 1].",
               "`np.where(condition, a, b)` computes a and b for every element. Compute e = np.exp(-np.abs(z)) "
               "once: it always lies in (0, 1].")],
    solution=msg("def stable_sigmoid(z):\n    z = np.asarray(z, dtype=float)\n"
                 "    e = np.exp(-np.abs(z))        # selalu di (0, 1]: tidak pernah overflow\n"
                 "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
                 "def stable_sigmoid(z):\n    z = np.asarray(z, dtype=float)\n"
                 "    e = np.exp(-np.abs(z))        # always in (0, 1]: never overflows\n"
                 "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))"),
)
