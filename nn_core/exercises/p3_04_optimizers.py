"""Exercises of chapter p3-04 (Better optimisers: momentum and Adam)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p3-04-optimizers"


def _f(x):
    return np.asarray(x, dtype=np.float64)


# -- q1: one momentum step -------------------------------------------------------------------------------
def _momentum_step(w, v, g, lr, beta):
    v = beta * _f(v) + _f(g)
    return _f(w) - lr * v, v


def _momentum_cases(rng):
    cases = []
    for shape in [(3,), (2, 4), (1, 5), (4, 3, 3)]:
        cases.append((rng.normal(size=shape), rng.normal(size=shape), rng.normal(size=shape),
                      float(rng.uniform(0.001, 0.5)), float(rng.uniform(0.5, 0.99))))
    cases.append((rng.integers(-3, 4, 4), rng.integers(-2, 3, 4), rng.integers(-5, 6, 4), 0.1, 0.9))  # integers
    cases.append((np.array([0.5]), np.array([2.0]), np.array([-1.0]), 0.01, 0.0))          # beta = 0: plain SGD
    cases.append((rng.normal(size=6), np.zeros(6), rng.normal(size=6), 0.05, 0.9))         # the first step
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_momentum_cases, arg_names=("w", "v", "g", "lr", "beta"),
    title=msg("Satu langkah momentum", "One momentum step"),
    reference=_momentum_step,
    mistakes={
        "averaged": Mistake(lambda w, v, g, lr, beta: (
            _f(w) - lr * (beta * _f(v) + (1 - beta) * _f(g)), beta * _f(v) + (1 - beta) * _f(g)), msg(
            "Anda merata-ratakan: v ← β·v + (1 − β)·g. Bentuk itu dipakai Adam untuk m. Momentum di bab ini "
            "(dan di PyTorch) menambahkan gradient utuh: v ← β·v + g.",
            "you averaged: v ← β·v + (1 − β)·g. That form is what Adam uses for m. The momentum of this chapter "
            "(and PyTorch's) adds the whole gradient: v ← β·v + g.")),
        "sign": Mistake(lambda w, v, g, lr, beta: (
            _f(w) + lr * (beta * _f(v) + _f(g)), beta * _f(v) + _f(g)), msg(
            "tandanya terbalik: Anda melangkah searah gradient, jadi loss naik. Kurangi: w − lr·v.",
            "the sign is flipped: you step along the gradient, so the loss goes up. Subtract: w − lr·v.")),
        "gradient_step": Mistake(lambda w, v, g, lr, beta: (
            _f(w) - lr * _f(g), beta * _f(v) + _f(g)), msg(
            "v sudah Anda hitung, tetapi w masih digeser dengan g. Langkahnya memakai velocity: w − lr·v "
            "dengan v yang baru.",
            "you compute v, but w still moves by g. The step uses the velocity: w − lr·v with the new v.")),
        "old_velocity": Mistake(lambda w, v, g, lr, beta: (
            _f(w) - lr * _f(v), beta * _f(v) + _f(g)), msg(
            "w digeser dengan velocity yang lama. Perbarui v dulu (v ← β·v + g), lalu pakai v yang baru itu "
            "untuk langkahnya.",
            "w moves by the old velocity. Update v first (v ← β·v + g), then take the step with that new v.")),
        "no_decay": Mistake(lambda w, v, g, lr, beta: (
            _f(w) - lr * (_f(v) + _f(g)), _f(v) + _f(g)), msg(
            "β hilang: v ← v + g menjumlahkan semua gradient selamanya, tanpa melupakan yang lama. "
            "Kalikan v lama dengan β dulu.",
            "β is missing: v ← v + g adds up every gradient forever and never forgets the old ones. "
            "Multiply the old v by β first.")),
    },
    hints=[msg("Dua baris, urutannya penting: pertama v ← β·v + g, lalu w ← w − lr·v.",
               "Two lines, and their order matters: first v ← β·v + g, then w ← w − lr·v."),
           msg("Kembalikan keduanya: `return w_new, v_new`.", "Return both: `return w_new, v_new`.")],
    solution=msg(
        "def momentum_step(w, v, g, lr, beta):\n"
        "    v = beta * v + g          # velocity: gradient lama yang meluruh + gradient baru\n"
        "    w = w - lr * v            # melangkah dengan velocity, bukan dengan g\n"
        "    return w, v",
        "def momentum_step(w, v, g, lr, beta):\n"
        "    v = beta * v + g          # velocity: the decayed old gradients + the new one\n"
        "    w = w - lr * v            # step with the velocity, not with g\n"
        "    return w, v"),
)


# -- q2: the size of Adam's first step --------------------------------------------------------------------
def _first_step(g, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8, correct_m=True, correct_s=True, sqrt=True):
    g = np.asarray(g, dtype=np.float64)
    m, s = (1 - b1) * g, (1 - b2) * g * g
    m_hat = m / (1 - b1) if correct_m else m
    s_hat = s / (1 - b2) if correct_s else s
    return -lr * m_hat / ((np.sqrt(s_hat) if sqrt else s_hat) + eps)


_GRADS = [50.0, 0.02]

q2 = ValueExercise(
    CHAPTER, "q2", rtol=1e-4, atol=0,
    title=msg("Seberapa jauh langkah pertama Adam?", "How far does Adam's first step go?"),
    reference=_first_step(_GRADS),
    expect=msg("array atau list berisi 2 angka (perubahan kedua weight)",
               "an array or list of 2 numbers (the change of both weights)"),
    mistakes={
        "sgd": Mistake(-1e-3 * np.array(_GRADS), msg(
            "itu langkah SGD, −lr·g: sebanding dengan gradient. Langkah Adam membagi m̂ dengan √ŝ, jadi besar "
            "gradient saling meniadakan.",
            "that is the SGD step, −lr·g: proportional to the gradient. Adam divides m̂ by √ŝ, so the size of "
            "the gradient cancels out.")),
        "no_correction": Mistake(_first_step(_GRADS, correct_m=False, correct_s=False), msg(
            "tanpa koreksi bias: m = 0,1·g dan s = 0,001·g², jadi langkahnya 0,1/√0,001 ≈ 3,16 kali lr. "
            "Bagilah m dengan 1 − β1ᵗ dan s dengan 1 − β2ᵗ (t = 1).",
            "without bias correction: m = 0.1·g and s = 0.001·g², so the step is 0.1/√0.001 ≈ 3.16 times lr. "
            "Divide m by 1 − β1ᵗ and s by 1 − β2ᵗ (t = 1).")),
        "only_m": Mistake(_first_step(_GRADS, correct_s=False), msg(
            "hanya m yang Anda koreksi. s juga mulai dari 0: bagilah dengan 1 − β2ᵗ = 0,001 juga.",
            "you corrected only m. s starts at 0 too: divide it by 1 − β2ᵗ = 0.001 as well.")),
        "only_s": Mistake(_first_step(_GRADS, correct_m=False), msg(
            "hanya s yang Anda koreksi. m juga mulai dari 0: bagilah dengan 1 − β1ᵗ = 0,1 juga.",
            "you corrected only s. m starts at 0 too: divide it by 1 − β1ᵗ = 0.1 as well.")),
        "no_sqrt": Mistake(_first_step(_GRADS, sqrt=False), msg(
            "akar kuadratnya hilang: m̂ / ŝ = g / g² = 1/g, jadi gradient kecil malah memberi langkah besar. "
            "Bagilah dengan √ŝ.",
            "the square root is missing: m̂ / ŝ = g / g² = 1/g, so a small gradient gives a huge step. "
            "Divide by √ŝ.")),
        "sign": Mistake(-_first_step(_GRADS), msg(
            "besarnya tepat, tandanya terbalik: gradient positif berarti weight harus turun (Δw negatif).",
            "the size is right, the sign is flipped: a positive gradient means the weight must go down "
            "(a negative Δw).")),
    },
    hints=[msg("Pada t = 1: m = (1 − β1)·g dan s = (1 − β2)·g². Setelah koreksi bias, m̂ = g dan ŝ = g².",
               "At t = 1: m = (1 − β1)·g and s = (1 − β2)·g². After bias correction, m̂ = g and ŝ = g²."),
           msg("Δw = −lr · m̂ / (√ŝ + ε) = −lr · g / (|g| + ε). Hitung untuk kedua gradient.",
               "Δw = −lr · m̂ / (√ŝ + ε) = −lr · g / (|g| + ε). Compute it for both gradients.")],
    solution=msg(
        "g = np.array([50.0, 0.02])\n"
        "m = (1 - 0.9) * g                   # m mulai dari 0\n"
        "s = (1 - 0.999) * g**2              # s mulai dari 0\n"
        "m_hat, s_hat = m / (1 - 0.9), s / (1 - 0.999)   # = g dan g²\n"
        "answer = -0.001 * m_hat / (np.sqrt(s_hat) + 1e-8)   # ≈ [-0.001, -0.001]: lr, berapa pun gradient-nya",
        "g = np.array([50.0, 0.02])\n"
        "m = (1 - 0.9) * g                   # m starts at 0\n"
        "s = (1 - 0.999) * g**2              # s starts at 0\n"
        "m_hat, s_hat = m / (1 - 0.9), s / (1 - 0.999)   # = g and g²\n"
        "answer = -0.001 * m_hat / (np.sqrt(s_hat) + 1e-8)   # ≈ [-0.001, -0.001]: lr, whatever the gradient"),
)


# -- q3: why momentum helps in a ravine ---------------------------------------------------------------------
q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Mengapa momentum lebih cepat di lembah sempit?", "Why is momentum faster in a ravine?"),
    options={
        "a": msg("Momentum menghitung gradient yang lebih akurat.",
                 "Momentum computes a more accurate gradient."),
        "b": msg("Sepanjang dasar lembah gradient menunjuk ke arah yang sama di setiap langkah, jadi velocity "
                 "menjumlahkannya (sampai 1/(1 − β) = 10 kali satu gradient), sedangkan gradient yang melintang "
                 "lembah berganti tanda dan saling meniadakan.",
                 "Along the floor of the ravine the gradient points the same way at every step, so the velocity "
                 "adds the gradients up (up to 1/(1 − β) = 10 times one gradient), while the gradients across "
                 "the ravine alternate in sign and cancel out."),
        "c": msg("Learning rate-nya membesar sedikit demi sedikit di setiap langkah.",
                 "Its learning rate grows a little with every step."),
        "d": msg("Momentum membagi langkah setiap parameter dengan besar gradient-nya.",
                 "Momentum divides each parameter's step by the size of its gradient."),
    },
    why={
        "a": msg("Gradient-nya sama persis dengan milik SGD — dihitung dengan backpropagation yang sama. "
                 "Yang berbeda hanya cara gradient-gradient itu digabungkan menjadi langkah.",
                 "The gradient is exactly SGD's — computed by the same backpropagation. Only the way the "
                 "gradients are combined into a step differs."),
        "b": msg("Di arah yang tetap, v mendekati g/(1 − β); di arah yang bolak-balik, +g dan −g saling "
                 "menghapus di dalam v. Hasilnya langkah panjang menyusuri lembah dan zig-zag yang teredam.",
                 "In a steady direction v approaches g/(1 − β); in a direction that flips, +g and −g cancel "
                 "inside v. The result: long steps along the ravine and a damped zig-zag."),
        "c": msg("lr tetap 0,5 sepanjang training. Yang membesar adalah velocity v — dan hanya di arah yang "
                 "gradient-nya konsisten.",
                 "lr stays 0.5 throughout. What grows is the velocity v — and only in directions whose gradient "
                 "is consistent."),
        "d": msg("Itu ide Adam: membagi dengan √ŝ, akar rata-rata g². Momentum tidak menskalakan per parameter.",
                 "That is Adam's idea: dividing by √ŝ, the root of the average g². Momentum does not rescale "
                 "each parameter."),
    },
    reference="b",
    hints=[msg("Bandingkan tanda gradient w₂ (melintang lembah) dan w₁ (menyusuri lembah) dari langkah ke langkah "
               "pada lintasan SGD.",
               "Compare the sign of the gradient of w₂ (across the ravine) and of w₁ (along it) from step to "
               "step on SGD's path.")],
)


# -- q4: one Adam step ----------------------------------------------------------------------------------------
def _adam_step(w, m, s, g, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    g = _f(g)
    m = beta1 * _f(m) + (1 - beta1) * g
    s = beta2 * _f(s) + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    s_hat = s / (1 - beta2 ** t)
    return _f(w) - lr * m_hat / (np.sqrt(s_hat) + eps), m, s


def _adam_variant(*, correct=True, square=True, root=True, sign=-1, old=False, swap=False):
    def step(w, m, s, g, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        g = _f(g)
        b1, b2 = (beta2, beta1) if swap else (beta1, beta2)
        m_new = b1 * _f(m) + (1 - b1) * g
        s_new = b2 * _f(s) + (1 - b2) * (g ** 2 if square else g)
        mm, ss = (_f(m), _f(s)) if old else (m_new, s_new)
        if correct:
            mm, ss = mm / (1 - b1 ** t), ss / (1 - b2 ** t)
        step_ = lr * mm / ((np.sqrt(ss) if root else ss) + eps)
        return _f(w) + sign * step_, m_new, s_new
    return step


def _adam_cases(rng):
    cases = []
    for shape, t in [((3,), 1), ((2, 4), 2), ((1, 5), 7), ((4, 3, 3), 100)]:
        first = t == 1
        m = np.zeros(shape) if first else rng.normal(0, 0.1, shape)
        s = np.zeros(shape) if first else rng.uniform(0.001, 0.05, shape)
        cases.append((rng.normal(size=shape), m, s, rng.normal(size=shape), t))
    cases.append((rng.normal(size=4), np.zeros(4), np.zeros(4), rng.integers(-5, 6, 4), 1))            # integers
    cases.append((rng.normal(size=3), rng.normal(0, 1, 3), rng.uniform(1, 10, 3), 1000 * rng.normal(size=3), 3,
                  0.01, 0.8, 0.99, 1e-7))                                                               # other settings
    cases.append((np.array([1.0, -2.0]), np.array([0.02, -0.01]), np.array([0.004, 0.001]),
                  np.array([0.3, -0.1]), 2))
    return cases


class _AdamExercise(FunctionExercise):
    """NaN is a possible (wrong) output here: √ of a negative s when g is averaged instead of g².
    Match NaN to NaN when diagnosing, and keep NumPy's warnings out of the learner's output."""

    def _outputs_equal(self, got, expected):
        if isinstance(expected, tuple):
            return (isinstance(got, (tuple, list)) and len(got) == len(expected)
                    and all(self._outputs_equal(g, e) for g, e in zip(got, expected)))
        try:
            g, e = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
        except (TypeError, ValueError):
            return False
        return g.shape == e.shape and bool(np.allclose(g, e, rtol=self.rtol, atol=self.atol, equal_nan=True))

    def grade(self, answer):
        with np.errstate(all="ignore"):
            return super().grade(answer)


q4 = _AdamExercise(
    CHAPTER, "q4", cases=_adam_cases, arg_names=("w", "m", "s", "g", "t"),
    title=msg("Satu langkah Adam, lengkap dengan koreksi bias", "One Adam step, with bias correction"),
    reference=_adam_step,
    mistakes={
        "no_correction": Mistake(_adam_variant(correct=False), msg(
            "koreksi bias belum dipakai. m dan s mulai dari 0, jadi di awal keduanya terlalu kecil: pakai "
            "m̂ = m / (1 − β1ᵗ) dan ŝ = s / (1 − β2ᵗ) untuk langkahnya.",
            "the bias correction is missing. m and s start at 0, so early on both are too small: step with "
            "m̂ = m / (1 − β1ᵗ) and ŝ = s / (1 − β2ᵗ).")),
        "g_not_squared": Mistake(_adam_variant(square=False), msg(
            "s harus merata-ratakan g² (kuadrat gradient), bukan g. Dengan g, s bisa negatif dan √s menjadi NaN.",
            "s must average g² (the squared gradient), not g. With g, s can turn negative and √s becomes NaN.")),
        "no_sqrt": Mistake(_adam_variant(root=False), msg(
            "akar kuadratnya hilang: bagilah dengan √ŝ + ε, bukan ŝ + ε. √ŝ berukuran sama dengan gradient, "
            "jadi m̂ / √ŝ tidak bergantung pada skala gradient.",
            "the square root is missing: divide by √ŝ + ε, not ŝ + ε. √ŝ has the size of a gradient, so "
            "m̂ / √ŝ does not depend on the gradient's scale.")),
        "sign": Mistake(_adam_variant(sign=+1), msg(
            "tandanya terbalik: Anda melangkah searah gradient. Kurangi: w − lr · m̂ / (√ŝ + ε).",
            "the sign is flipped: you step along the gradient. Subtract: w − lr · m̂ / (√ŝ + ε).")),
        "old_moments": Mistake(_adam_variant(old=True), msg(
            "langkah Anda memakai m dan s yang lama. Perbarui m dan s dengan g yang baru dulu, baru hitung "
            "langkahnya.",
            "your step uses the old m and s. Update m and s with the new g first, then take the step.")),
        "swapped_betas": Mistake(_adam_variant(swap=True), msg(
            "β1 dan β2 tertukar: β1 (0,9) untuk m, rata-rata g; β2 (0,999) untuk s, rata-rata g².",
            "β1 and β2 are swapped: β1 (0.9) goes with m, the average of g; β2 (0.999) with s, the average "
            "of g².")),
    },
    hints=[msg("Urutannya: m ← β1·m + (1 − β1)·g; s ← β2·s + (1 − β2)·g²; m̂ = m/(1 − β1ᵗ); ŝ = s/(1 − β2ᵗ); "
               "w ← w − lr·m̂/(√ŝ + ε).",
               "In this order: m ← β1·m + (1 − β1)·g; s ← β2·s + (1 − β2)·g²; m̂ = m/(1 − β1ᵗ); "
               "ŝ = s/(1 − β2ᵗ); w ← w − lr·m̂/(√ŝ + ε)."),
           msg("Kembalikan tiga nilai: `return w, m, s` — m dan s yang baru, tanpa koreksi (koreksi hanya "
               "untuk langkahnya).",
               "Return three values: `return w, m, s` — the new m and s, without the correction (the "
               "correction is only for the step).")],
    solution=msg(
        "def adam_step(w, m, s, g, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):\n"
        "    m = beta1 * m + (1 - beta1) * g            # rata-rata g\n"
        "    s = beta2 * s + (1 - beta2) * g**2         # rata-rata g²\n"
        "    m_hat = m / (1 - beta1**t)                 # koreksi bias: m dan s mulai dari 0\n"
        "    s_hat = s / (1 - beta2**t)\n"
        "    w = w - lr * m_hat / (np.sqrt(s_hat) + eps)\n"
        "    return w, m, s",
        "def adam_step(w, m, s, g, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):\n"
        "    m = beta1 * m + (1 - beta1) * g            # the average of g\n"
        "    s = beta2 * s + (1 - beta2) * g**2         # the average of g²\n"
        "    m_hat = m / (1 - beta1**t)                 # bias correction: m and s start at 0\n"
        "    s_hat = s / (1 - beta2**t)\n"
        "    w = w - lr * m_hat / (np.sqrt(s_hat) + eps)\n"
        "    return w, m, s"),
)
