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


# -- q4: Adam without bias correction: too small or too large? -----------------------------------------------
_STEPS = (1, 10, 100, 1000)


def _uncorrected_sizes(b1=0.9, b2=0.999, eps=1e-8, sqrt=True, use_m=True, use_s=True):
    """|Δw| / lr of Adam without bias correction, for a constant gradient g = 1, at the steps _STEPS."""
    out = []
    for t in _STEPS:
        m = 1 - b1 ** t if use_m else 1.0                # m_t = (1 − β1ᵗ)·g after t equal gradients
        s = 1 - b2 ** t if use_s else 1.0                # s_t = (1 − β2ᵗ)·g²
        out.append(m / ((np.sqrt(s) if sqrt else s) + eps))
    return np.array(out)


q4 = ValueExercise(
    CHAPTER, "q4", rtol=1e-4,
    title=msg("Adam tanpa koreksi bias: langkahnya terlalu kecil atau terlalu besar?",
              "Adam without bias correction: steps too small or too large?"),
    reference=_uncorrected_sizes(),
    mistakes={
        "corrected": Mistake(np.ones(4), msg(
            "itu Adam DENGAN koreksi bias: untuk gradient yang konstan, m̂ = g dan ŝ = g², jadi setiap langkah "
            "tepat lr. Di sini koreksinya dihilangkan: langkahnya lr·m/(√s + ε), dengan m dan s yang masih "
            "berangkat dari 0.",
            "that is Adam WITH bias correction: for a constant gradient m̂ = g and ŝ = g², so every step is "
            "exactly lr. Here the correction is left out: the step is lr·m/(√s + ε), with m and s still "
            "on their way up from 0.")),
        "no_sqrt": Mistake(_uncorrected_sizes(sqrt=False), msg(
            "Anda membagi dengan s, bukan dengan √s. Adam membagi dengan akar rata-rata g²: lr·m/(√s + ε).",
            "you divided by s, not by √s. Adam divides by the root of the average g²: lr·m/(√s + ε).")),
        "only_m": Mistake(_uncorrected_sizes(use_s=False), msg(
            "Anda hanya melihat bahwa m terlalu kecil (1 − 0,9ᵗ) dan menganggap √s sudah sama dengan |g|. "
            "Tetapi s juga mulai dari 0, dan karena β2 = 0,999 jauh lebih dekat ke 1, s tertinggal jauh lebih "
            "lama: √s = √(1 − 0,999ᵗ).",
            "you only took into account that m is too small (1 − 0.9ᵗ) and treated √s as |g| already. But s "
            "starts at 0 as well, and since β2 = 0.999 is much closer to 1 it lags behind far longer: "
            "√s = √(1 − 0.999ᵗ).")),
        "only_s": Mistake(_uncorrected_sizes(use_m=False), msg(
            "Anda hanya memperhitungkan s yang terlalu kecil. m juga mulai dari 0: setelah t langkah m = "
            "(1 − 0,9ᵗ)·g.",
            "you only took into account that s is too small. m starts at 0 as well: after t steps "
            "m = (1 − 0.9ᵗ)·g.")),
    },
    hints=[msg("Jalankan saja rumusnya: mulai dari m = s = 0, lalu ulangi m ← 0,9·m + 0,1·g dan s ← 0,999·s + "
               "0,001·g² dengan g = 1, dan catat m/(√s + ε) di langkah 1, 10, 100, dan 1000.",
               "Just run the formulas: start from m = s = 0, then repeat m ← 0.9·m + 0.1·g and s ← 0.999·s + "
               "0.001·g² with g = 1, and record m/(√s + ε) at steps 1, 10, 100 and 1000."),
           msg("Atau langsung: setelah t langkah, m = 1 − 0,9ᵗ dan s = 1 − 0,999ᵗ.",
               "Or directly: after t steps, m = 1 − 0.9ᵗ and s = 1 − 0.999ᵗ.")],
    solution=msg(
        "m = s = 0.0\n"
        "sizes = []\n"
        "for t in range(1, 1001):\n"
        "    m = 0.9 * m + 0.1 * 1.0                 # g = 1 di setiap langkah\n"
        "    s = 0.999 * s + 0.001 * 1.0**2\n"
        "    if t in (1, 10, 100, 1000):\n"
        "        sizes.append(m / (np.sqrt(s) + 1e-8))   # langkah tanpa koreksi, dibagi lr\n"
        "answer = np.array(sizes)   # ≈ 3,16; 6,53; 3,24; 1,26: terlalu BESAR, sampai 6,5 kali lr\n"
        "# s tertinggal lebih jauh di bawah g² daripada m di bawah g (β2 lebih dekat ke 1), dan membagi\n"
        "# dengan √s yang kecil membesarkan langkahnya. Koreksi bias membuat setiap langkah tepat lr.",
        "m = s = 0.0\n"
        "sizes = []\n"
        "for t in range(1, 1001):\n"
        "    m = 0.9 * m + 0.1 * 1.0                 # g = 1 at every step\n"
        "    s = 0.999 * s + 0.001 * 1.0**2\n"
        "    if t in (1, 10, 100, 1000):\n"
        "        sizes.append(m / (np.sqrt(s) + 1e-8))   # the uncorrected step divided by lr\n"
        "answer = np.array(sizes)   # ≈ [3.16, 6.53, 3.24, 1.26]: too LARGE, up to 6.5 times lr\n"
        "# s lags further below g² than m below g (β2 is closer to 1), and dividing by a small √s inflates\n"
        "# the step. Bias correction makes every step exactly lr."),
)
