"""Exercises of chapter p1-05b (Computational Graphs: the Bridge to Backpropagation)."""
import numpy as np

from ..activations import sigmoid
from ._core import FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p1-05b-computational-graph"

# -- q1: predict a local gradient (multiply node) -------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Tebak gradient di node kali", "Predict the gradient at a multiply node"),
    reference=-1.0,
    mistakes={
        "own_input": Mistake(1.5, msg(
            "Anda mengalikan dengan input `a` sendiri (3 · 0,5). Di node kali c = a · b, turunan lokal "
            "terhadap a adalah input yang lain, b: da = dc · b.",
            "you multiplied by the input `a` itself (3 · 0.5). At a multiply node c = a · b the local "
            "gradient with respect to a is the other input, b: da = dc · b.")),
        "local_only": Mistake(-2.0, msg(
            "−2 adalah turunan lokal ∂c/∂a = b saja. Aturan rantai mengalikannya dengan gradient yang datang "
            "dari atas: da = dc · b = 0,5 · (−2).",
            "−2 is only the local gradient ∂c/∂a = b. The chain rule multiplies it by the gradient coming "
            "from above: da = dc · b = 0.5 · (−2).")),
        "like_add": Mistake(0.5, msg(
            "itu aturan node tambah (gradient diteruskan apa adanya). Node kali mengalikan "
            "gradient dari atas dengan input yang lain: da = dc · b.",
            "that is the rule of an add node (the gradient passes through unchanged). A multiply node "
            "multiplies the gradient from above by the other input: da = dc · b.")),
        "product": Mistake(-6.0, msg(
            "−6 adalah nilai c = a · b di forward pass, bukan gradient. Gradient-nya da = dc · b.",
            "−6 is the value c = a · b of the forward pass, not a gradient. The gradient is da = dc · b.")),
    },
    hints=[msg("Jika a naik sedikit sebesar ε, c = a · b naik sebesar b · ε. Itulah turunan lokalnya.",
               "If a rises by a small ε, c = a · b rises by b · ε. That is the local gradient."),
           msg("Gradient yang keluar = gradient yang masuk × turunan lokal: da = dc · ∂c/∂a.",
               "The gradient going out = the gradient coming in × the local gradient: da = dc · ∂c/∂a.")],
    solution=msg("da = 0.5 * (-2.0)   # dc · b = −1,0: turunan lokal c = a·b terhadap a adalah b",
                 "da = 0.5 * (-2.0)   # dc · b = −1.0: the local gradient of c = a·b with respect to a is b"),
)

# -- q2: a backward pass through a new graph --------------------------------------------------

q2 = ValueExercise(
    CHAPTER, "q2",
    title=msg("Backward pass melalui graf baru", "A backward pass through a new graph"),
    reference=[-4.0, 8.0, 4.0],
    mistakes={
        "no_two": Mistake([-2.0, 4.0, 2.0], msg(
            "hasil Anda setengah dari yang benar. Turunan lokal node kuadrat f = s² adalah 2s, bukan s: "
            "df/ds = 2 · 2 = 4.",
            "your result is half the right one. The local gradient of the square node f = s² is 2s, not s: "
            "df/ds = 2 · 2 = 4.")),
        "swapped": Mistake([8.0, -4.0, 4.0], msg(
            "dx dan dy tertukar. Di node kali q = x · y, dx memakai input yang lain: dx = dq · y "
            "dan dy = dq · x.",
            "dx and dy are swapped. At the multiply node q = x · y, dx uses the other input: dx = dq · y "
            "and dy = dq · x.")),
        "local_only": Mistake([-1.0, 2.0, 1.0], msg(
            "itu hanya turunan lokal (y, x, 1). Setiap gradient harus dikalikan dengan gradient yang datang "
            "dari belakang, di sini df/ds = 2s = 4.",
            "those are only the local gradients (y, x, 1). Each must be multiplied by the gradient coming "
            "from behind, here df/ds = 2s = 4.")),
        "forward_values": Mistake([-2.0, 2.0, 4.0], msg(
            "itu nilai forward pass (q, s, f), bukan gradient. Mulailah dari belakang: df/df = 1, "
            "lalu ds = 2s, lalu dq dan dz, lalu dx dan dy.",
            "those are the values of the forward pass (q, s, f), not gradients. Start from the back: "
            "df/df = 1, then ds = 2s, then dq and dz, then dx and dy.")),
    },
    hints=[msg("Forward dulu: q = x · y = −2, s = q + z = 2, f = s² = 4. Lalu mundur: ds = 2s.",
               "Forward first: q = x · y = −2, s = q + z = 2, f = s² = 4. Then backward: ds = 2s."),
           msg("Node tambah meneruskan ds ke dq dan dz apa adanya; node kali memberi dx = dq · y, "
               "dy = dq · x.",
               "The add node passes ds unchanged to dq and dz; the multiply node gives dx = dq · y, "
               "dy = dq · x.")],
    solution=msg(
        "x, y, z = 2.0, -1.0, 4.0\n"
        "q = x * y          # −2\n"
        "s = q + z          # 2\n"
        "ds = 2 * s         # node kuadrat: 4\n"
        "dq = dz = ds       # node tambah: diteruskan apa adanya\n"
        "dx, dy = dq * y, dq * x\n"
        "grads = [dx, dy, dz]   # [−4, 8, 4]",
        "x, y, z = 2.0, -1.0, 4.0\n"
        "q = x * y          # −2\n"
        "s = q + z          # 2\n"
        "ds = 2 * s         # square node: 4\n"
        "dq = dz = ds       # add node: passed on unchanged\n"
        "dx, dy = dq * y, dq * x\n"
        "grads = [dx, dy, dz]   # [−4, 8, 4]"),
)

# -- q3: from one sample to m samples: the sum over samples -----------------------------------


def _grad_neuron(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    a = sigmoid(w * x + b)
    dz = 2 * (a - y) / x.size * a * (1 - a)
    return float(np.sum(dz * x)), float(np.sum(dz))


def _variant(x, y, w, b, *, mean=True, summed=True, sig=True):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    a = sigmoid(w * x + b)
    dz = 2 * (a - y) / (x.size if mean else 1)
    if sig:
        dz = dz * a * (1 - a)
    if not summed:
        return dz * x, dz
    return float(np.sum(dz * x)), float(np.sum(dz))


def _neuron_cases(rng):
    cases = [(np.array([2.0]), np.array([1.0]), 0.5, -0.5)]            # the chapter's graph: one sample
    cases.append((np.array([2.0, -1.0, 0.5, 3.0]), np.array([1.0, 0.0, 1.0, 0.0]), 0.5, -0.5))
    for m in (3, 8):
        cases.append((rng.normal(0, 2, m), rng.integers(0, 2, m).astype(float),
                      float(np.round(rng.normal(), 2)), float(np.round(rng.normal(), 2))))
    cases.append((np.array([1, 2, 3]), np.array([0, 1, 1]), 1.0, 0.0))    # integer input
    return cases


_NEURON_SOLUTION = (
    "def neuron_gradients(x, y, w, b):\n"
    "    m = len(x)\n"
    "    a = sigmoid(w * x + b)              # forward, every sample at once\n"
    "    dz = 2 * (a - y) / m * a * (1 - a)  # (1/m) · 2e · σ′(z) per sample\n"
    "    dw = np.sum(dz * x)                 # w feeds every sample: add up\n"
    "    db = np.sum(dz)\n"
    "    return dw, db")

q3 = FunctionExercise(
    CHAPTER, "q3", cases=_neuron_cases, arg_names=("x", "y", "w", "b"),
    title=msg("Dari satu sampel ke m sampel", "From one sample to m samples"),
    reference=_grad_neuron,
    mistakes={
        "no_mean": Mistake(lambda *a: _variant(*a, mean=False), msg(
            "gradient Anda m kali terlalu besar. Loss-nya rata-rata atas m sampel, ℒ = (1/m) Σ eᵢ², jadi "
            "setiap sampel menyumbang dengan faktor 1/m.",
            "your gradients are m times too large. The loss is the mean over the m samples, "
            "ℒ = (1/m) Σ eᵢ², so each sample contributes with a factor 1/m.")),
        "not_summed": Mistake(lambda *a: _variant(*a, summed=False), msg(
            "Anda mengembalikan satu gradient per sampel. w dan b dipakai oleh setiap sampel, jadi "
            "kontribusinya dijumlahkan: `np.sum(dz * x)` dan `np.sum(dz)`, masing-masing satu angka.",
            "you return one gradient per sample. w and b are used by every sample, so their "
            "contributions add up: `np.sum(dz * x)` and `np.sum(dz)`, one number each.")),
        "no_sigmoid": Mistake(lambda *a: _variant(*a, sig=False), msg(
            "turunan lokal node sigmoid hilang: dz = da · a(1 − a).",
            "the local gradient of the sigmoid node is missing: dz = da · a(1 − a).")),
    },
    hints=[msg("Untuk satu sampel, graf bab ini memberi dz = 2e · a(1 − a), dw = dz · x, db = dz. "
               "Dengan m sampel, setiap eᵢ² dikalikan 1/m.",
               "For one sample, the chapter's graph gives dz = 2e · a(1 − a), dw = dz · x, db = dz. "
               "With m samples each eᵢ² is multiplied by 1/m."),
           msg("w memengaruhi loss lewat setiap sampel: gradient-gradient-nya dijumlahkan (np.sum).",
               "w reaches the loss through every sample: its gradients add up (np.sum).")],
    solution=msg(_NEURON_SOLUTION.replace("# forward, every sample at once", "# forward, semua sampel sekaligus")
                 .replace("# (1/m) · 2e · σ′(z) per sample", "# (1/m) · 2e · σ′(z) per sampel")
                 .replace("# w feeds every sample: add up", "# w dipakai setiap sampel: jumlahkan"),
                 _NEURON_SOLUTION),
)
