"""Exercises of chapter p4-02 (Weight decay and dropout from scratch)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p4-02-weight-decay-dropout"


def _f(x):
    return np.asarray(x, dtype=np.float64)


# -- q1: inverted dropout with given random numbers ------------------------------------------------------
def _dropout(a, p, u):
    return _f(a) * (_f(u) >= p) / (1 - p)


def _dropout_cases(rng):
    cases = []
    for shape, p in [((4, 6), 0.5), ((3, 10), 0.2), ((1, 8), 0.8), ((5, 5), 0.0), ((2, 3, 4), 0.3)]:
        cases.append((rng.normal(size=shape), p, rng.random(shape)))
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_dropout_cases, arg_names=("a", "p", "u"),
    title=msg("Inverted dropout", "Inverted dropout"),
    reference=_dropout,
    mistakes={
        "no_rescale": Mistake(lambda a, p, u: _f(a) * (_f(u) >= p), msg(
            "unit yang dipertahankan belum dibagi dengan 1 − p. Tanpa itu, rata-rata output hanya (1 − p) kali "
            "rata-rata tanpa dropout, dan saat evaluasi (tanpa dropout) layer berikutnya melihat angka yang lebih besar.",
            "the kept units are not divided by 1 − p. Without it the average output is only (1 − p) times the "
            "average without dropout, and at evaluation time (no dropout) the next layer sees larger numbers.")),
        "keep_below": Mistake(lambda a, p, u: _f(a) * (_f(u) < p) / (1 - p), msg(
            "Anda mempertahankan unit dengan u < p, jadi peluang sebuah unit bertahan adalah p, bukan 1 − p. "
            "p adalah peluang sebuah unit dibuang: pertahankan u ≥ p.",
            "you keep the units with u < p, so a unit survives with probability p, not 1 − p. p is the "
            "probability of dropping a unit: keep u ≥ p.")),
        "times_keep": Mistake(lambda a, p, u: _f(a) * (_f(u) >= p) * (1 - p), msg(
            "Anda mengalikan dengan 1 − p; seharusnya membagi. Unit yang bertahan harus diperbesar supaya "
            "rata-ratanya tetap sama.",
            "you multiply by 1 − p; divide instead. The surviving units must be scaled up so that the "
            "average stays the same.")),
        "divide_by_p": Mistake(lambda a, p, u: _f(a) * (_f(u) >= p) / np.where(p == 0, 1, p), msg(
            "Anda membagi dengan p. Yang bertahan adalah bagian 1 − p dari unit, jadi bagilah dengan 1 − p.",
            "you divide by p. The fraction of units that survive is 1 − p, so divide by 1 − p.")),
    },
    hints=[msg("mask = (u >= p): True untuk unit yang bertahan. Lalu a * mask / (1 - p).",
               "mask = (u >= p): True for the units that survive. Then a * mask / (1 - p).")],
    solution=msg(
        "def dropout(a, p, u):\n"
        "    mask = (u >= p) / (1 - p)      # 0 untuk unit yang dibuang, 1/(1 − p) untuk yang bertahan\n"
        "    return a * mask",
        "def dropout(a, p, u):\n"
        "    mask = (u >= p) / (1 - p)      # 0 for a dropped unit, 1/(1 − p) for a kept one\n"
        "    return a * mask"),
)


# -- q2: one SGD step with weight decay -------------------------------------------------------------------
def _decay_step(W, dW, lr, lam):
    return _f(W) - lr * (_f(dW) + lam * _f(W))


def _decay_cases(rng):
    cases = []
    for shape in [(3, 4), (5, 2), (1, 7)]:
        cases.append((rng.normal(size=shape), rng.normal(size=shape), float(rng.uniform(0.01, 0.5)),
                      float(rng.uniform(0.001, 0.1))))
    cases.append((rng.normal(size=(2, 2)), np.zeros((2, 2)), 0.1, 0.5))        # no gradient: the weights only shrink
    cases.append((rng.normal(size=(3, 3)), rng.normal(size=(3, 3)), 0.1, 0.0))  # λ = 0: plain SGD
    return cases


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_decay_cases, arg_names=("W", "dW", "lr", "lam"),
    title=msg("Satu langkah SGD dengan weight decay", "One SGD step with weight decay"),
    reference=_decay_step,
    mistakes={
        "two_lambda": Mistake(lambda W, dW, lr, lam: _f(W) - lr * (_f(dW) + 2 * lam * _f(W)), msg(
            "turunan λ/2·‖W‖² adalah λ·W, bukan 2λ·W: faktor ½ di depan justru dipasang supaya angka 2-nya hilang.",
            "the derivative of λ/2·‖W‖² is λ·W, not 2λ·W: the ½ in front is there precisely to cancel the 2.")),
        "no_lr": Mistake(lambda W, dW, lr, lam: _f(W) - lr * _f(dW) - lam * _f(W), msg(
            "suku weight decay juga harus dikalikan learning rate: W − lr·(dW + λ·W).",
            "the weight-decay term is multiplied by the learning rate too: W − lr·(dW + λ·W).")),
        "sign": Mistake(lambda W, dW, lr, lam: _f(W) - lr * (_f(dW) - lam * _f(W)), msg(
            "tanda λ·W terbalik: weight Anda membesar, bukan mengecil. Gradient penalti ditambahkan: dW + λ·W.",
            "the sign of λ·W is flipped: your weights grow instead of shrinking. The penalty's gradient is "
            "added: dW + λ·W.")),
        "forgot_gradient": Mistake(lambda W, dW, lr, lam: _f(W) - lr * lam * _f(W), msg(
            "gradient loss-nya (dW) hilang: weight decay ditambahkan ke gradient, bukan menggantikannya.",
            "the loss gradient (dW) is missing: weight decay is added to the gradient, not used instead of it.")),
    },
    hints=[msg("Gradient total = dW + λ·W (turunan λ/2·‖W‖²). Lalu langkah SGD biasa.",
               "The total gradient = dW + λ·W (the derivative of λ/2·‖W‖²). Then an ordinary SGD step.")],
    solution=msg(
        "def decayed_step(W, dW, lr, lam):\n"
        "    return W - lr * (dW + lam * W)     # = (1 − lr·λ)·W − lr·dW: weight menyusut setiap langkah",
        "def decayed_step(W, dW, lr, lam):\n"
        "    return W - lr * (dW + lam * W)     # = (1 − lr·λ)·W − lr·dW: the weights shrink every step"),
)


# -- q3: predict: dropout without the rescaling, evaluated without dropout ---------------------------------
q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Lupa membagi dengan 1 − p", "Forgetting to divide by 1 − p"),
    options={
        "a": msg("Tidak ada bedanya: jaringan belajar menyesuaikan diri, saat training maupun evaluasi.",
                 "No difference: the network adapts, in training and in evaluation alike."),
        "b": msg("Saat evaluasi, semua unit menyala, jadi input layer berikutnya rata-rata 2 kali lebih besar "
                 "daripada yang ia lihat selama training.",
                 "At evaluation time every unit is on, so the next layer's input is on average twice as large as "
                 "what it saw during training."),
        "c": msg("Saat evaluasi, separuh unit tetap mati.", "At evaluation time half of the units stay off."),
        "d": msg("Training meledak karena aktivasinya dua kali terlalu besar.",
                 "Training blows up because the activations are twice too large."),
    },
    why={
        "a": msg("Jaringan memang menyesuaikan diri — dengan aktivasi yang separuhnya hilang. Saat evaluasi "
                 "tidak ada yang hilang, jadi keadaannya berbeda dari yang ia pelajari.",
                 "The network does adapt — to activations of which half are missing. At evaluation time none are "
                 "missing, so it meets a situation it never learned."),
        "b": msg("Dengan p = 0,5, selama training rata-rata hanya separuh unit yang menyumbang. Inverted dropout "
                 "membagi dengan 1 − p saat training justru supaya evaluasi tidak perlu diubah.",
                 "With p = 0.5 only half of the units contribute on average during training. Inverted dropout "
                 "divides by 1 − p during training precisely so that evaluation needs no change."),
        "c": msg("Dalam mode evaluasi tidak ada dropout sama sekali: semua unit menyala.",
                 "In evaluation mode there is no dropout at all: every unit is on."),
        "d": msg("Tanpa pembagian, aktivasi selama training justru lebih kecil (separuhnya nol), bukan lebih besar.",
                 "Without the division the activations during training are smaller (half are zero), not larger."),
    },
    reference="b",
    hints=[msg("Bandingkan rata-rata input layer berikutnya selama training (separuh unit mati) dan saat evaluasi.",
               "Compare the average input of the next layer during training (half the units off) and at evaluation.")],
)
