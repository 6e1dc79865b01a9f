"""Exercises of chapter p1-03 (Perceptron)."""
import numpy as np

from ._core import ChoiceExercise, Exercise, Feedback, FunctionExercise, Mistake, ValueExercise, msg, tr_in

def _as_list(ex):
    """Show a choice exercise's solution as a markdown list, one option per line (the default is
    plain lines, which markdown would run together into one paragraph)."""
    ex._solution = {lang: "\n".join("- " + line for line in text.splitlines())
                    for lang, text in ex._solution.items()}
    return ex


CHAPTER = "p1-03-perceptron"
_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
_NAND = [1, 1, 1, 0]


def _outputs(w1, w2, b):
    return [int(w1 * x1 + w2 * x2 + b >= 0) for x1, x2 in _INPUTS]


# -- q1: predict a truth table ----------------------------------------------------------------
q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Tebak tabel kebenarannya", "Predict the truth table"),
    reference=_outputs(2.0, -1.0, -1.0),          # z = −1, −2, 1, 0 → [0, 0, 1, 1]
    mistakes={
        "strict_at_zero": Mistake([0, 0, 1, 0], msg(
            "untuk (1, 1), z = 2 − 1 − 1 = 0 tepat, dan step function memberi 1 jika z ≥ 0 (perhatikan tanda =).",
            "for (1, 1), z = 2 − 1 − 1 = 0 exactly, and the step function gives 1 when z ≥ 0 (mind the =).")),
        "flipped": Mistake([1, 1, 0, 0], msg(
            "semua output Anda terbalik. Output 1 berarti z ≥ 0; misalnya untuk (1, 0), z = 2 − 1 = 1, jadi outputnya 1.",
            "every output is flipped. Output 1 means z ≥ 0; for (1, 0), for example, z = 2 − 1 = 1, so the output is 1.")),
        "swapped_inputs": Mistake([0, 1, 0, 1], msg(
            "Anda menukar x1 dan x2: weight 2 milik x1 (angka pertama input), −1 milik x2.",
            "you swapped x1 and x2: the weight 2 belongs to x1 (the first number of the input), −1 to x2.")),
    },
    hints=[msg("Hitung z = 2·x1 − 1·x2 − 1 untuk keempat input (0, 0), (0, 1), (1, 0), (1, 1).",
               "Compute z = 2·x1 − 1·x2 − 1 for the four inputs (0, 0), (0, 1), (1, 0), (1, 1)."),
           msg("Nilai z-nya −1, −2, 1, dan 0. Ingat: step(0) = 1.", "The values of z are −1, −2, 1 and 0. Remember: step(0) = 1.")],
    solution=msg("answer = [0, 0, 1, 1]   # z = −1, −2, 1, 0 → step: 0, 0, 1, 1",
                 "answer = [0, 0, 1, 1]   # z = −1, −2, 1, 0 → step: 0, 0, 1, 1"),
)


# -- q2: weights for NAND ---------------------------------------------------------------------
class GateWeights(Exercise):
    """Any (w1, w2, b) whose perceptron gives the gate's truth table is right."""

    kind = "value"

    def __init__(self, *args, target, **kw):
        super().__init__(*args, **kw)
        self.target = target

    def grade(self, answer):
        ok = (isinstance(answer, (tuple, list)) and len(answer) == 3
              and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                      and np.isfinite(v) for v in answer))
        if not ok:
            raise Feedback({lang: tr_in(lang, "ex.wrong_type", expected={"id": "tuple (w1, w2, b) berisi 3 angka",
                                                                         "en": "a tuple (w1, w2, b) of 3 numbers"}[lang],
                                        got=repr(answer)[:40]) for lang in ("id", "en")})
        out = _outputs(*answer)
        if out == self.target:
            return True, None
        name = self.diagnose(answer)
        if name:
            return False, self.mistakes[name].message
        wrong = [f"({x1}, {x2})" for (x1, x2), o, t in zip(_INPUTS, out, self.target) if o != t]
        return False, msg(f"output Anda {out}, belum sama dengan tabel kebenaran {self.target} "
                          f"(salah untuk input {', '.join(wrong)}).",
                          f"your outputs are {out}, not the truth table {self.target} "
                          f"(wrong for the inputs {', '.join(wrong)}).")

    def _same_answer(self, a, b):
        return _outputs(*a) == _outputs(*b)


q2 = GateWeights(
    CHAPTER, "q2", target=_NAND,
    title=msg("Weight dan bias untuk gerbang NAND", "Weights and bias for a NAND gate"),
    reference=(-1.0, -1.0, 1.5),
    mistakes={
        "and_gate": Mistake((1.0, 1.0, -1.5), msg(
            "itu gerbang AND, kebalikan NAND. Balik tanda semua weight dan bias-nya.",
            "that is the AND gate, the opposite of NAND. Flip the sign of every weight and of the bias.")),
        "or_gate": Mistake((1.0, 1.0, -0.5), msg(
            "itu gerbang OR, yang memberi 0 hanya untuk (0, 0). NAND justru memberi 0 hanya untuk (1, 1).",
            "that is the OR gate, which outputs 0 only for (0, 0). NAND outputs 0 only for (1, 1).")),
        "bias_too_small": Mistake((-1.0, -1.0, 0.5), msg(
            "hampir benar, tetapi input (0, 1) dan (1, 0) menghasilkan 0. Bias-nya terlalu kecil: "
            "z = −1 + b harus ≥ 0.",
            "close, but the inputs (0, 1) and (1, 0) give 0. The bias is too small: z = −1 + b must be ≥ 0.")),
        "all_zero": Mistake((-1.0, -1.0, -1.5), msg(
            "semua output Anda 0 karena z selalu negatif. Untuk (0, 0), z = b, jadi b harus ≥ 0 agar outputnya 1.",
            "all your outputs are 0, because z is always negative. For (0, 0), z = b, so b must be ≥ 0 to output 1.")),
    },
    hints=[msg("NAND = kebalikan AND. Mulailah dari weight dan bias AND, (1, 1, −1,5).",
               "NAND is the opposite of AND. Start from AND's weights and bias, (1, 1, −1.5)."),
           msg("Jika z ≥ 0 menghasilkan 1, mengalikan w1, w2, dan b dengan −1 membalik setiap output "
               "(selama z tidak pernah tepat 0).",
               "If z ≥ 0 gives 1, multiplying w1, w2 and b by −1 flips every output (as long as z is never exactly 0).")],
    solution=msg("answer = (-1.0, -1.0, 1.5)   # z = 1,5 − x1 − x2 < 0 hanya untuk (1, 1)",
                 "answer = (-1.0, -1.0, 1.5)   # z = 1.5 − x1 − x2 < 0 only for (1, 1)"),
)


# -- q3: the perceptron for a whole batch at once --------------------------------------------
def _perceptron_batch(X, w, b):
    return (np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b >= 0).astype(int)


def _cases(rng):
    cases = [(_INPUTS, np.array([1.0, 1.0]), -1.5),                   # AND on the truth table
             (_INPUTS, np.array([1, 1]), -2),                         # integers; z = 0 exactly for (1, 1)
             (np.array([[0.0, 1.0]]), np.array([3.0, 2.0]), 0.5)]     # a batch of one
    for n in (1, 2, 3, 5):
        for m in (2, 6):
            cases.append((rng.integers(0, 2, (m, n)).astype(float), rng.normal(size=n).round(2),
                          round(float(rng.normal()), 2)))
    cases.append((rng.normal(size=(3, 4)) * 1000, rng.normal(size=4), 0.0))   # z far from 0
    return cases


def _f(x):
    return np.asarray(x, dtype=float)


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_cases, arg_names=("X", "weights", "bias"),
    title=msg("Perceptron untuk satu batch sekaligus", "A perceptron for a whole batch at once"),
    reference=_perceptron_batch,
    mistakes={
        "strict": Mistake(lambda X, w, b: (_f(X) @ _f(w) + b > 0).astype(int), msg(
            "untuk z = 0 hasil Anda 0. Step function buku ini memberi 1 jika z ≥ 0 (perhatikan tanda =).",
            "for z = 0 your result is 0. The book's step function gives 1 when z ≥ 0 (mind the =).")),
        "no_bias": Mistake(lambda X, w, b: (_f(X) @ _f(w) >= 0).astype(int), msg(
            "hasil Anda tidak berubah ketika bias berubah. Bias ditambahkan ke z setiap baris: X @ weights + bias.",
            "your result ignores the bias. The bias is added to every row's z: X @ weights + bias.")),
        "raw_z": Mistake(lambda X, w, b: _f(X) @ _f(w) + b, msg(
            "Anda mengembalikan z itu sendiri. Setiap z diteruskan ke step function: 1 jika z ≥ 0, selain itu 0.",
            "you return z itself. Every z goes through the step function: 1 if z ≥ 0, else 0.")),
        "first_row": Mistake(lambda X, w, b: int(_f(X)[0] @ _f(w) + b >= 0), msg(
            "Anda hanya menghitung baris pertama. Yang diminta satu output untuk setiap baris X: X @ weights "
            "menghitung semua jumlah berbobot sekaligus.",
            "you only compute the first row. One output per row of X is asked for: X @ weights computes every "
            "weighted sum at once.")),
    },
    hints=[msg("Untuk satu sampel x: z = x @ weights + bias. Untuk X berbentuk (m, n), X @ weights memberi m "
               "jumlah berbobot sekaligus.",
               "For one sample x: z = x @ weights + bias. For X of shape (m, n), X @ weights gives the m weighted "
               "sums at once."),
           msg("`(z >= 0)` memberi array True/False; `.astype(int)` mengubahnya menjadi 1/0.",
               "`(z >= 0)` gives an array of True/False; `.astype(int)` turns it into 1/0.")],
    solution=msg("def perceptron_batch(X, weights, bias):\n"
                 "    z = X @ weights + bias            # satu z per baris (sampel)\n"
                 "    return (z >= 0).astype(int)       # step function per elemen\n\n"
                 "perceptron_batch(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([1, 1]), -1.5)   # AND: [0, 0, 0, 1]",
                 "def perceptron_batch(X, weights, bias):\n"
                 "    z = X @ weights + bias            # one z per row (sample)\n"
                 "    return (z >= 0).astype(int)       # step function, entry by entry\n\n"
                 "perceptron_batch(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([1, 1]), -1.5)   # AND: [0, 0, 0, 1]"),
)

# -- q4: why not XOR --------------------------------------------------------------------------
q4 = _as_list(ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Mengapa satu perceptron tidak bisa XOR?", "Why can't one perceptron do XOR?"),
    options={
        "a": msg("Weight-nya kurang besar.", "Its weights are not large enough."),
        "b": msg("Satu perceptron memisahkan input dengan satu garis lurus, dan tidak ada garis lurus yang "
                 "memisahkan titik-titik XOR.",
                 "One perceptron separates its inputs with one straight line, and no line separates XOR's points."),
        "c": msg("Perceptron itu tidak punya bias.", "The perceptron has no bias."),
        "d": msg("Step function tidak punya turunan di z = 0.", "The step function has no derivative at z = 0."),
    },
    why={
        "a": msg("Mengalikan semua weight dan bias dengan faktor positif yang sama tidak menggeser garis "
                 "keputusannya sedikit pun, jadi weight yang lebih besar tidak membantu.",
                 "Multiplying all weights and the bias by the same positive factor does not move the decision "
                 "line at all, so larger weights do not help."),
        "b": msg("(0, 1) dan (1, 0) harus berada di satu sisi garis, (0, 0) dan (1, 1) di sisi lainnya — "
                 "keempat syarat itu saling bertentangan, seperti yang dibuktikan di bab ini.",
                 "(0, 1) and (1, 0) must lie on one side of the line, (0, 0) and (1, 1) on the other — the four "
                 "conditions contradict each other, as this chapter proves."),
        "c": msg("Perceptron kita punya bias. Dengan bias pun, pencarian di bab ini tidak menemukan satu "
                 "perceptron pun yang benar 4/4.",
                 "Our perceptron has a bias. Even with it, the search in this chapter found no perceptron that gets 4/4."),
        "d": msg("Itu penting untuk belajar dengan gradient descent (Bab 6), tetapi tidak menentukan apakah "
                 "ada weight yang cocok: dari lebih dari 100 ribu perceptron yang dicoba, tidak ada yang benar 4/4.",
                 "That matters for learning with gradient descent (chapter 6), not for whether suitable weights "
                 "exist: of the more than 100 thousand perceptrons tried, none gets 4/4."),
    },
    reference="b",
    hints=[msg("Gambarkan keempat titik XOR. Bisakah satu garis lurus memisahkan titik bernilai 1 dari titik bernilai 0?",
               "Draw XOR's four points. Can one straight line separate the 1s from the 0s?")],
))


# -- q5: the decision line --------------------------------------------------------------------
def _line_x2(w1, w2, b, x1):
    return -(w1 * np.asarray(x1, dtype=float) + b) / w2


def _line_cases(rng):
    cases = [(1.0, 1.0, -1.5, np.array([-0.5, 1.5])),     # the AND line of the chapter
             (2, -1, -1, np.array([0, 1])),                # integers
             (0.5, 2.0, -1.0, 0.25)]                        # a single number x1
    for _ in range(5):
        w2 = float(rng.choice([-1, 1]) * rng.uniform(0.5, 3))
        cases.append((float(rng.normal()), w2, float(rng.normal()), rng.uniform(-1, 2, int(rng.integers(1, 6)))))
    return cases


q5 = FunctionExercise(
    CHAPTER, "q5", cases=_line_cases, arg_names=("w1", "w2", "b", "x1"),
    title=msg("Di mana garis keputusannya?", "Where is the decision line?"),
    reference=_line_x2,
    mistakes={
        "sign": Mistake(lambda w1, w2, b, x1: (w1 * np.asarray(x1, dtype=float) + b) / w2, msg(
            "tandanya terbalik. Pindahkan w1·x1 + b ke ruas kanan: w2·x2 = −(w1·x1 + b).",
            "the sign is wrong. Move w1·x1 + b to the other side: w2·x2 = −(w1·x1 + b).")),
        "sign_of_b": Mistake(lambda w1, w2, b, x1: (-w1 * np.asarray(x1, dtype=float) + b) / w2, msg(
            "tanda minus harus berlaku untuk b juga: x2 = −(w1·x1 + b)/w2 = (−w1·x1 − b)/w2.",
            "the minus sign applies to b too: x2 = −(w1·x1 + b)/w2 = (−w1·x1 − b)/w2.")),
        "no_bias": Mistake(lambda w1, w2, b, x1: -(w1 * np.asarray(x1, dtype=float)) / w2, msg(
            "bias-nya hilang: garis Anda selalu melewati (0, 0). Bias-lah yang menggeser garis itu.",
            "the bias is missing: your line always passes through (0, 0). The bias is what shifts it.")),
        "divide_by_w1": Mistake(lambda w1, w2, b, x1: -(w1 * np.asarray(x1, dtype=float) + b) / w1, msg(
            "bagilah dengan w2, weight milik x2 — x2-lah yang sedang Anda cari.",
            "divide by w2, the weight of x2 — x2 is what you are solving for.")),
    },
    hints=[msg("Titik-titik pada garis memenuhi w1·x1 + w2·x2 + b = 0. Selesaikan persamaan itu untuk x2.",
               "The points on the line satisfy w1·x1 + w2·x2 + b = 0. Solve that equation for x2."),
           msg("w2·x2 = −(w1·x1 + b); bagi kedua ruas dengan w2. Kode yang sama berlaku untuk x1 berupa "
               "angka maupun array NumPy.",
               "w2·x2 = −(w1·x1 + b); divide both sides by w2. The same code works for a number x1 and for a "
               "NumPy array.")],
    solution=msg("def line_x2(w1, w2, b, x1):\n    return -(w1 * x1 + b) / w2\n\n"
                 "line_x2(1.0, 1.0, -1.5, np.array([-0.5, 1.5]))   # array([ 2., -0.]): garis AND (−0. adalah nol)",
                 "def line_x2(w1, w2, b, x1):\n    return -(w1 * x1 + b) / w2\n\n"
                 "line_x2(1.0, 1.0, -1.5, np.array([-0.5, 1.5]))   # array([ 2., -0.]): the AND line (−0. is zero)"),
)
