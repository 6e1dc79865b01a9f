"""Exercises of chapter p4-03 (Batch normalisation from scratch)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p4-03-batch-norm"
EPS = 1e-5


def _f(x):
    return np.asarray(x, dtype=np.float64)


# -- q1: the forward pass in training mode ---------------------------------------------------------------
def _bn(z, gamma, beta, eps=EPS, ddof=0, axis=0, affine=True, eps_outside=False):
    z = _f(z)
    mean = z.mean(axis=axis, keepdims=True)
    var = z.var(axis=axis, ddof=ddof, keepdims=True)
    x_hat = (z - mean) / (np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps))
    return gamma * x_hat + beta if affine else x_hat


def _forward_cases(rng):
    cases = []
    for m, n in [(8, 3), (5, 6), (32, 4), (2, 5)]:
        cases.append((rng.normal(2, 3, size=(m, n)), rng.normal(size=(1, n)), rng.normal(size=(1, n))))
    z = rng.normal(size=(6, 3))
    z[:, 1] = 4.0                                            # a constant feature: variance 0, eps matters
    cases.append((z, rng.normal(size=(1, 3)), rng.normal(size=(1, 3))))
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_forward_cases, arg_names=("z", "gamma", "beta"),
    title=msg("Batch norm, forward pass", "Batch norm, the forward pass"),
    reference=lambda z, gamma, beta: _bn(z, gamma, beta),
    mistakes={
        "wrong_axis": Mistake(lambda z, gamma, beta: _bn(z, gamma, beta, axis=1), msg(
            "Anda menormalkan setiap baris (sampel). Batch norm menormalkan setiap kolom (fitur) di sepanjang "
            "batch: axis=0.",
            "you normalise each row (sample). Batch norm normalises each column (feature) across the batch: "
            "axis=0.")),
        "unbiased": Mistake(lambda z, gamma, beta: _bn(z, gamma, beta, ddof=1), msg(
            "Anda memakai variance tak-bias (dibagi m − 1). Dalam mode training, batch norm memakai variance batch "
            "biasa, dibagi m (np.var dengan ddof=0).",
            "you use the unbiased variance (divided by m − 1). In training mode batch norm uses the plain batch "
            "variance, divided by m (np.var with ddof=0).")),
        "no_affine": Mistake(lambda z, gamma, beta: _bn(z, gamma, beta, affine=False), msg(
            "x̂ sudah benar, tetapi γ dan β belum dipakai: outputnya γ·x̂ + β.",
            "x̂ is right, but γ and β are not used: the output is γ·x̂ + β.")),
        "eps_outside": Mistake(lambda z, gamma, beta: _bn(z, gamma, beta, eps_outside=True), msg(
            "ε ditambahkan di luar akar. Rumusnya √(σ² + ε): ε masuk ke dalam akar.",
            "ε is added outside the square root. The formula is √(σ² + ε): ε goes inside the root.")),
    },
    hints=[msg("mean dan var per kolom: z.mean(axis=0, keepdims=True), z.var(axis=0, keepdims=True). "
               "Lalu x̂ = (z − mean)/√(var + ε) dan γ·x̂ + β (ε = 1e-5).",
               "Mean and variance per column: z.mean(axis=0, keepdims=True), z.var(axis=0, keepdims=True). "
               "Then x̂ = (z − mean)/√(var + ε) and γ·x̂ + β (ε = 1e-5).")],
    solution=msg(
        "def batchnorm(z, gamma, beta, eps=1e-5):\n"
        "    mean = z.mean(axis=0, keepdims=True)       # satu rata-rata per fitur (kolom)\n"
        "    var = z.var(axis=0, keepdims=True)         # variance batch, dibagi m\n"
        "    x_hat = (z - mean) / np.sqrt(var + eps)\n"
        "    return gamma * x_hat + beta",
        "def batchnorm(z, gamma, beta, eps=1e-5):\n"
        "    mean = z.mean(axis=0, keepdims=True)       # one mean per feature (column)\n"
        "    var = z.var(axis=0, keepdims=True)         # the batch variance, divided by m\n"
        "    x_hat = (z - mean) / np.sqrt(var + eps)\n"
        "    return gamma * x_hat + beta"),
)


# -- q2: the backward pass: find the bug with a gradient check ----------------------------------------------
def _backward(dout, z, gamma, variant="right"):
    z, dout = _f(z), _f(dout)
    m = z.shape[0]
    mean, var = z.mean(axis=0, keepdims=True), z.var(axis=0, keepdims=True)
    inv_std = 1 / np.sqrt(var + EPS)
    x_hat = (z - mean) * inv_std
    dx_hat = dout * (1 if variant == "no_gamma" else gamma)
    if variant == "constants":
        return dx_hat * inv_std
    parts = m * dx_hat - (0 if variant == "no_mean" else dx_hat.sum(axis=0, keepdims=True))
    if variant != "no_var":
        parts = parts - x_hat * np.sum(dx_hat * x_hat, axis=0, keepdims=True)
    return inv_std / m * parts


def _backward_cases(rng):
    cases = []
    for m, n in [(6, 3), (16, 2), (3, 4), (40, 5)]:
        cases.append((rng.normal(size=(m, n)), rng.normal(1, 2, size=(m, n)), rng.normal(size=(1, n)) + 2))
    return cases


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_backward_cases, arg_names=("dout", "z", "gamma"), rtol=1e-6, atol=1e-9,
    title=msg("Cari bug-nya dengan gradient check", "Find the bug with a gradient check"),
    reference=lambda dout, z, gamma: _backward(dout, z, gamma),
    mistakes={
        "constants": Mistake(lambda dout, z, gamma: _backward(dout, z, gamma, "constants"), msg(
            "itu backward mode evaluasi: μ dan σ² diperlakukan sebagai konstanta. Dalam mode training keduanya "
            "dihitung dari z, jadi gradient juga mengalir lewat mereka (dua suku lagi).",
            "that is the evaluation-mode backward pass: μ and σ² are treated as constants. In training mode both "
            "are computed from z, so the gradient also flows through them (two more terms).")),
        "no_mean": Mistake(lambda dout, z, gamma: _backward(dout, z, gamma, "no_mean"), msg(
            "suku −Σ dx̂ (jalur lewat rata-rata μ) hilang. Tanda bahayanya: jumlah dz di sepanjang batch tidak nol.",
            "the −Σ dx̂ term (the path through the mean μ) is missing. The warning sign: dz does not sum to zero "
            "over the batch.")),
        "no_var": Mistake(lambda dout, z, gamma: _backward(dout, z, gamma, "no_var"), msg(
            "suku −x̂·Σ(dx̂·x̂) (jalur lewat variance σ²) hilang.",
            "the −x̂·Σ(dx̂·x̂) term (the path through the variance σ²) is missing.")),
        "no_gamma": Mistake(lambda dout, z, gamma: _backward(dout, z, gamma, "no_gamma"), msg(
            "γ hilang: output = γ·x̂ + β, jadi dx̂ = dout·γ.",
            "γ is missing: the output is γ·x̂ + β, so dx̂ = dout·γ.")),
    },
    hints=[msg("Bandingkan fungsi Anda dengan numerical_gradient(lambda: np.sum(batchnorm(z, gamma, 0) * dout), z) "
               "pada z kecil dalam float64, lalu periksa ketiga suku rumusnya satu per satu.",
               "Compare your function with numerical_gradient(lambda: np.sum(batchnorm(z, gamma, 0) * dout), z) on "
               "a small float64 z, then check the formula's three terms one by one.")],
    solution=msg(
        "def batchnorm_backward(dout, z, gamma, eps=1e-5):\n"
        "    m = z.shape[0]\n"
        "    inv_std = 1 / np.sqrt(z.var(axis=0, keepdims=True) + eps)\n"
        "    x_hat = (z - z.mean(axis=0, keepdims=True)) * inv_std\n"
        "    dx_hat = dout * gamma\n"
        "    return inv_std / m * (m * dx_hat - dx_hat.sum(axis=0, keepdims=True)           # jalur lewat μ\n"
        "                          - x_hat * np.sum(dx_hat * x_hat, axis=0, keepdims=True))  # jalur lewat σ²",
        "def batchnorm_backward(dout, z, gamma, eps=1e-5):\n"
        "    m = z.shape[0]\n"
        "    inv_std = 1 / np.sqrt(z.var(axis=0, keepdims=True) + eps)\n"
        "    x_hat = (z - z.mean(axis=0, keepdims=True)) * inv_std\n"
        "    dx_hat = dout * gamma\n"
        "    return inv_std / m * (m * dx_hat - dx_hat.sum(axis=0, keepdims=True)           # the path through μ\n"
        "                          - x_hat * np.sum(dx_hat * x_hat, axis=0, keepdims=True))  # the path through σ²"),
)


# -- q3: the bias before batch norm ---------------------------------------------------------------------------
q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Bias sebelum batch norm", "The bias before batch norm"),
    options={
        "a": msg("Karena learning rate-nya terlalu kecil.", "Because its learning rate is too small."),
        "b": msg("Karena batch norm mengurangkan rata-rata batch: menambah konstanta yang sama ke setiap baris z "
                 "tidak mengubah z − μ, jadi loss tidak bergantung pada b.",
                 "Because batch norm subtracts the batch mean: adding the same constant to every row of z does not "
                 "change z − μ, so the loss does not depend on b."),
        "c": msg("Karena ReLU memotong semua nilai negatif.", "Because ReLU cuts off every negative value."),
        "d": msg("Karena bias diinisialisasi dengan nol.", "Because the biases are initialised at zero."),
    },
    why={
        "a": msg("Learning rate tidak mengubah gradient itu sendiri; gradient-nya nol di setiap langkah.",
                 "The learning rate does not change the gradient itself; the gradient is zero at every step."),
        "b": msg("Tepat: (z + b) − mean(z + b) = z − mean(z). Peran bias diambil alih oleh β, jadi dalam praktik bias "
                 "sebelum batch norm dibuang saja.",
                 "Right: (z + b) − mean(z + b) = z − mean(z). The bias's role is taken over by β, so in practice the "
                 "bias before batch norm is simply dropped."),
        "c": msg("ReLU datang setelah batch norm, dan gradient b1 tetap nol dengan tanh maupun sigmoid.",
                 "ReLU comes after batch norm, and b1's gradient is zero with tanh or sigmoid as well."),
        "d": msg("Weight awal nol tidak membuat gradient nol; di jaringan tanpa batch norm, b1 berubah sejak langkah "
                 "pertama.",
                 "A zero start does not make a gradient zero; without batch norm, b1 changes from the first step."),
    },
    reference="b",
    hints=[msg("Tambahkan konstanta c ke setiap baris z. Apa yang terjadi pada z − μ?",
               "Add a constant c to every row of z. What happens to z − μ?")],
)
