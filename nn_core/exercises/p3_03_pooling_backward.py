"""Exercises of chapter p3-03 (Pooling & the convolution backward pass)."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p3-03-pooling-backward"


# -- q1: the bias gradient ------------------------------------------------------------------------------
def _db(dout):
    return np.asarray(dout, dtype=np.float64).sum(axis=(0, 2, 3))


def _db_cases(rng):
    return [(rng.normal(size=(2, 3, 4, 4)),),
            (rng.normal(size=(1, 4, 3, 5)),),                 # a batch of one
            (rng.integers(-3, 4, (3, 2, 2, 2)),),             # integers
            (rng.normal(size=(4, 1, 5, 5)),),                 # one filter
            (rng.normal(size=(2, 5, 1, 1)),)]


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_db_cases, arg_names=("dout",),
    title=msg("Gradient bias conv layer", "The bias gradient of a conv layer"),
    reference=_db,
    mistakes={
        "mean": Mistake(lambda d: np.asarray(d, dtype=np.float64).mean(axis=(0, 2, 3)), msg(
            "Anda merata-ratakan. Bias b[f] ditambahkan ke SETIAP angka output filter f, jadi gradient-nya "
            "adalah JUMLAH semua dout[:, f] (rata-rata atas batch sudah ada di dalam dout).",
            "you took a mean. The bias b[f] is added to EVERY output number of filter f, so its gradient "
            "is the SUM of all of dout[:, f] (the average over the batch is already inside dout).")),
        "all": Mistake(lambda d: np.asarray(d, dtype=np.float64).sum(), msg(
            "hasil Anda satu angka, padahal ada satu bias per filter: jumlahkan atas sumbu (0, 2, 3) dan "
            "sisakan sumbu filter, shape (F,).",
            "your result is one number, but there is one bias per filter: sum over the axes (0, 2, 3) and "
            "keep the filter axis, shape (F,).")),
        "no_batch": Mistake(lambda d: np.asarray(d, dtype=np.float64).sum(axis=(2, 3)), msg(
            "sumbu batch belum dijumlahkan: bias yang sama dipakai untuk setiap gambar, jadi "
            "gradient-nya dijumlahkan atas gambar juga — shape (F,), bukan (N, F).",
            "the batch axis is not summed: the same bias is used for every image, so its gradient adds up "
            "over the images too — shape (F,), not (N, F).")),
        "wrong_axes": Mistake(lambda d: np.asarray(d, dtype=np.float64).sum(axis=(1, 2, 3)), msg(
            "Anda menjumlahkan atas filter dan menyisakan sumbu gambar. Sisakan sumbu 1 (filter): "
            "`dout.sum(axis=(0, 2, 3))`.",
            "you summed over the filters and kept the image axis. Keep axis 1 (the filters): "
            "`dout.sum(axis=(0, 2, 3))`.")),
    },
    hints=[msg("out[n, f, i, j] = … + b[f]: setiap angka output filter f memakai b[f] dengan turunan 1.",
               "out[n, f, i, j] = … + b[f]: every output number of filter f uses b[f], with derivative 1.")],
    solution=msg("def conv_db(dout):\n    return dout.sum(axis=(0, 2, 3))   # satu angka per filter",
                 "def conv_db(dout):\n    return dout.sum(axis=(0, 2, 3))   # one number per filter"),
)


# -- q2: why the flipped filter ---------------------------------------------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Mengapa dX memakai filter yang dibalik?", "Why does dX use the flipped filter?"),
    options={
        "a": msg("Karena backward pass membatalkan forward pass.", "Because the backward pass undoes the forward pass."),
        "b": msg("Karena conv2d sudah membalik filter di forward pass.", "Because conv2d already flips the filter in the forward pass."),
        "c": msg("Piksel x[p] disentuh w[a] oleh output ke-(p − a): output di sebelah kirinya memakai ujung "
                 "kanan filter, output di sebelah kanannya memakai ujung kiri. Dilihat dari piksel itu, "
                 "urutan weight-nya terbalik.",
                 "Pixel x[p] meets w[a] at output p − a: the outputs to its left use the filter's right end, "
                 "the outputs to its right use its left end. Seen from the pixel, the weights come in "
                 "reverse order."),
        "d": msg("Supaya gradient check lolos.", "So that the gradient check passes."),
    },
    why={
        "a": msg("Backward pass tidak membalikkan (menginvers) apa pun: ia menghitung ∂L/∂x dengan chain "
                 "rule. Konvolusi umumnya tidak punya invers sama sekali.",
                 "The backward pass inverts nothing: it computes ∂L/∂x with the chain rule. A convolution "
                 "usually has no inverse at all."),
        "b": msg("conv2d (seperti PyTorch) adalah cross-correlation: forward pass TIDAK membalik filter. "
                 "Pembalikan muncul hanya di dx.",
                 "conv2d (like PyTorch) is a cross-correlation: the forward pass does NOT flip the filter. The "
                 "flip appears only in dx."),
        "c": msg("Dari out[i] = Σ_a x[i + a]·w[a] didapat dx[p] = Σ_i dout[i]·w[p − i]: indeks w turun ketika "
                 "i naik — itulah full convolution dengan filter yang dibalik.",
                 "From out[i] = Σ_a x[i + a]·w[a] we get dx[p] = Σ_i dout[i]·w[p − i]: the index of w falls "
                 "as i rises — a full convolution with the flipped filter."),
        "d": msg("Gradient check hanya memeriksa; pembalikan itu mengikuti langsung dari chain rule, dan tanpa "
                 "pembalikan gradient check justru gagal.",
                 "The gradient check only checks; the flip follows directly from the chain rule, and without "
                 "it the gradient check fails."),
    },
    reference="c",
    hints=[msg("Tulis out[i] untuk versi 1-D dengan filter 3 angka, lalu cari semua suku yang memuat x[2].",
               "Write out[i] for the 1-D version with a 3-number filter, then find every term that contains x[2].")],
)


# -- q3: the max-pooling gradient ------------------------------------------------------------------------------
def _windows(x):
    """(H/2, W/2, 4) windows of a 2-D array, row-major inside each window."""
    x = np.asarray(x, dtype=np.float64)
    H, W = x.shape
    return x.reshape(H // 2, 2, W // 2, 2).transpose(0, 2, 1, 3).reshape(H // 2, W // 2, 4)


def _from_windows(values, shape):
    H, W = shape
    return values.reshape(H // 2, W // 2, 2, 2).transpose(0, 2, 1, 3).reshape(H, W)


def _pool_grad(x, dout):
    win = _windows(x)
    mask = np.zeros_like(win)
    np.put_along_axis(mask, win.argmax(axis=2)[..., None], 1.0, axis=2)
    return _from_windows(mask * np.asarray(dout, dtype=np.float64)[..., None], np.shape(x))


def _pool_cases(rng):
    cases = [(np.array([[1.0, 3.0], [2.0, 0.0]]), np.array([[5.0]])),                 # one window
             (rng.permutation(16).reshape(4, 4), rng.integers(1, 5, (2, 2))),          # integers, no ties
             (rng.normal(size=(4, 6)), rng.normal(size=(2, 3))),
             (-np.abs(rng.normal(size=(6, 4))), rng.normal(size=(3, 2)))]               # all negative
    for _ in range(2):
        cases.append((rng.normal(size=(8, 8)), rng.normal(size=(4, 4))))
    return cases


def _every_cell(x, dout):
    return _from_windows(np.repeat(np.asarray(dout, dtype=np.float64)[..., None], 4, axis=2), np.shape(x))


def _average(x, dout):
    return _every_cell(x, dout) / 4


def _mask_only(x, dout):
    return _pool_grad(x, np.ones(np.shape(dout)))


def _to_minimum(x, dout):
    return _pool_grad(-np.asarray(x, dtype=np.float64), dout)


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_pool_cases, arg_names=("x", "dout"),
    title=msg("Gradient max pooling 2×2", "The gradient of 2×2 max pooling"),
    reference=_pool_grad,
    mistakes={
        "every_cell": Mistake(_every_cell, msg(
            "Anda memberi dout ke keempat sel jendela. Output max pooling hanya bergantung pada sel "
            "TERBESAR; tiga sel lainnya tidak memengaruhinya, jadi gradient-nya 0.",
            "you gave dout to all four cells of the window. A max-pooling output depends only on the "
            "LARGEST cell; the other three do not affect it, so their gradient is 0.")),
        "average": Mistake(_average, msg(
            "itu gradient AVERAGE pooling (dout / 4 ke setiap sel). Untuk max pooling, seluruh dout "
            "mengalir ke sel terbesar saja.",
            "that is the gradient of AVERAGE pooling (dout / 4 to every cell). For max pooling, all of "
            "dout flows to the largest cell only.")),
        "mask_only": Mistake(_mask_only, msg(
            "posisinya sudah benar, tetapi nilainya harus dout dari jendela itu, bukan 1: chain rule "
            "mengalikan turunan lokal (1) dengan dout.",
            "the positions are right, but the value must be the window's dout, not 1: the chain rule "
            "multiplies the local derivative (1) by dout.")),
        "to_minimum": Mistake(_to_minimum, msg(
            "gradient Anda pergi ke sel TERKECIL. Max pooling memilih yang terbesar: pakai argmax, bukan argmin.",
            "your gradient goes to the SMALLEST cell. Max pooling picks the largest: use argmax, not argmin.")),
    },
    hints=[msg("Untuk setiap jendela 2×2 x[2i:2i + 2, 2j:2j + 2], cari posisi nilai terbesarnya, lalu taruh "
               "dout[i, j] di posisi itu dan 0 di tiga posisi lainnya.",
               "For every 2×2 window x[2i:2i + 2, 2j:2j + 2], find where its largest value is, then put "
               "dout[i, j] there and 0 in the other three cells."),
           msg("`np.unravel_index(window.argmax(), (2, 2))` memberi (baris, kolom) nilai terbesar di dalam jendela.",
               "`np.unravel_index(window.argmax(), (2, 2))` gives the (row, column) of the largest value "
               "inside the window.")],
    solution=msg("def maxpool_grad(x, dout):\n"
                 "    dx = np.zeros(x.shape)\n"
                 "    for i in range(x.shape[0] // 2):\n"
                 "        for j in range(x.shape[1] // 2):\n"
                 "            window = x[2 * i:2 * i + 2, 2 * j:2 * j + 2]\n"
                 "            a, b = np.unravel_index(window.argmax(), (2, 2))   # posisi maksimum\n"
                 "            dx[2 * i + a, 2 * j + b] = dout[i, j]              # sel lain tetap 0\n"
                 "    return dx",
                 "def maxpool_grad(x, dout):\n"
                 "    dx = np.zeros(x.shape)\n"
                 "    for i in range(x.shape[0] // 2):\n"
                 "        for j in range(x.shape[1] // 2):\n"
                 "            window = x[2 * i:2 * i + 2, 2 * j:2 * j + 2]\n"
                 "            a, b = np.unravel_index(window.argmax(), (2, 2))   # where the maximum is\n"
                 "            dx[2 * i + a, 2 * j + b] = dout[i, j]              # the other cells stay 0\n"
                 "    return dx"),
)


# -- q4: dx of a single-channel convolution --------------------------------------------------------------------
def _correlate_valid(a, k):
    k = np.asarray(k, dtype=np.float64)
    return np.einsum("ijab,ab->ij", sliding_window_view(np.asarray(a, dtype=np.float64), k.shape), k)


def _pad_full(dout, kernel_shape):
    kh, kw = kernel_shape
    return np.pad(np.asarray(dout, dtype=np.float64), ((kh - 1, kh - 1), (kw - 1, kw - 1)))


def _valid_only(dout, w):
    """The no-padding mistake: a 'valid' correlation with the flipped filter (empty where dout is smaller)."""
    d = np.asarray(dout, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    if d.shape[0] < w.shape[0] or d.shape[1] < w.shape[1]:
        return np.zeros((max(d.shape[0] - w.shape[0] + 1, 0), max(d.shape[1] - w.shape[1] + 1, 0)))
    return _correlate_valid(d, w[::-1, ::-1])


def _conv_dx(dout, w):
    w = np.asarray(w, dtype=np.float64)
    return _correlate_valid(_pad_full(dout, w.shape), w[::-1, ::-1])


def _dx_cases(rng):
    cases = [(np.array([[1.0]]), np.arange(9.0).reshape(3, 3)),                 # one output: dx = w
             (rng.normal(size=(4, 4)), rng.normal(size=(3, 3))),
             (rng.integers(-2, 3, (3, 5)), rng.integers(-2, 3, (2, 3))),         # integers, non-square
             (rng.normal(size=(5, 4)), rng.normal(size=(1, 1))),                 # a 1×1 filter
             (rng.normal(size=(2, 6)), rng.normal(size=(3, 2)))]
    return cases


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_dx_cases, arg_names=("dout", "w"),
    title=msg("dX konvolusi satu channel", "dX of a single-channel convolution"),
    reference=_conv_dx,
    mistakes={
        "not_flipped": Mistake(lambda d, w: _correlate_valid(_pad_full(d, np.shape(w)), w), msg(
            "filter-nya belum dibalik. Dari out[i, j] = Σ x[i + a, j + b]·w[a, b] didapat dx[p, q] = "
            "Σ dout[i, j]·w[p − i, q − j]: pakai `w[::-1, ::-1]`.",
            "the filter is not flipped. From out[i, j] = Σ x[i + a, j + b]·w[a, b] we get dx[p, q] = "
            "Σ dout[i, j]·w[p − i, q − j]: use `w[::-1, ::-1]`.")),
        "no_padding": Mistake(_valid_only, msg(
            "dx harus seukuran x: (H_out + kh − 1, W_out + kw − 1). Itu butuh FULL convolution: beri dout "
            "padding kh − 1 baris dan kw − 1 kolom nol di setiap sisi dulu.",
            "dx must have the size of x: (H_out + kh − 1, W_out + kw − 1). That needs a FULL convolution: "
            "pad dout with kh − 1 rows and kw − 1 columns of zeros on every side first.")),
        "transposed": Mistake(lambda d, w: _conv_dx(d, np.asarray(w, dtype=np.float64)[::-1, :]), msg(
            "Anda hanya membalik baris filter. Baliklah 180°, baris DAN kolom: `w[::-1, ::-1]`.",
            "you flipped only the rows of the filter. Turn it by 180°, rows AND columns: `w[::-1, ::-1]`.")),
    },
    hints=[msg("Setiap dout[i, j] menyebar kembali ke patch yang menghasilkannya: dx[i:i + kh, j:j + kw] += "
               "dout[i, j] * w. Dua loop sudah cukup.",
               "Every dout[i, j] spreads back onto the patch it came from: dx[i:i + kh, j:j + kw] += "
               "dout[i, j] * w. Two loops are enough."),
           msg("dx berbentuk (H_out + kh − 1, W_out + kw − 1). Mulailah dari `np.zeros` dan tambahkan.",
               "dx has shape (H_out + kh − 1, W_out + kw − 1). Start from `np.zeros` and add up.")],
    solution=msg("def conv_dx(dout, w):\n"
                 "    kh, kw = w.shape\n"
                 "    H_out, W_out = dout.shape\n"
                 "    dx = np.zeros((H_out + kh - 1, W_out + kw - 1))\n"
                 "    for i in range(H_out):\n"
                 "        for j in range(W_out):\n"
                 "            dx[i:i + kh, j:j + kw] += dout[i, j] * w   # = full convolution dengan w[::-1, ::-1]\n"
                 "    return dx",
                 "def conv_dx(dout, w):\n"
                 "    kh, kw = w.shape\n"
                 "    H_out, W_out = dout.shape\n"
                 "    dx = np.zeros((H_out + kh - 1, W_out + kw - 1))\n"
                 "    for i in range(H_out):\n"
                 "        for j in range(W_out):\n"
                 "            dx[i:i + kh, j:j + kw] += dout[i, j] * w   # = full convolution with w[::-1, ::-1]\n"
                 "    return dx"),
)


# -- q5: find the planted bug with a gradient check ---------------------------------------------------------
def _grads(dout, x, w, flip_dx=True, flip_dw=False, dx_axes=(2, 3)):
    dout, x, w = (np.asarray(a, dtype=np.float64) for a in (dout, x, w))
    F, C, kh, kw = w.shape
    patches = sliding_window_view(x, (kh, kw), axis=(2, 3))                       # (N, C, H_out, W_out, kh, kw)
    dw = np.einsum("ncijuv,nfij->fcuv", patches, dout)
    if flip_dw:
        dw = dw[:, :, ::-1, ::-1]
    dout_pad = np.pad(dout, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    windows = sliding_window_view(dout_pad, (kh, kw), axis=(2, 3))                # (N, F, H, W, kh, kw)
    w_dx = np.flip(w, axis=dx_axes) if flip_dx else w
    dx = np.einsum("nfpquv,fcuv->ncpq", windows, w_dx)
    return dx, dw


def _conv_grads(dout, x, w):
    return _grads(dout, x, w)


def _grad_cases(rng):
    cases = []
    for N, C, F, H, W, kh, kw in [(2, 3, 4, 5, 5, 3, 3), (1, 2, 3, 6, 7, 3, 2), (2, 1, 2, 4, 6, 2, 3),
                                  (1, 3, 2, 5, 4, 3, 3), (2, 2, 2, 4, 4, 1, 1)]:
        x = rng.normal(size=(N, C, H, W))
        w = rng.normal(size=(F, C, kh, kw))
        dout = rng.normal(size=(N, F, H - kh + 1, W - kw + 1))
        cases.append((dout, x, w))
    return cases


class _BugFixExercise(FunctionExercise):
    """A debugging exercise: the reader gets code with one planted bug and passes the fixed function.
    A correct fix is told which bug it removed (``fixed``)."""

    def __init__(self, *args, fixed, **kw):
        super().__init__(*args, **kw)
        self.fixed = fixed

    def grade(self, answer):
        ok, message = super().grade(answer)
        return (True, self.fixed) if ok else (ok, message)


q5 = _BugFixExercise(
    CHAPTER, "q5", cases=_grad_cases, arg_names=("dout", "x", "w"),
    title=msg("Temukan bug dengan gradient check", "Find the bug with a gradient check"),
    reference=_conv_grads,
    fixed=msg("Anda memperbaiki bug yang ditanam: dx memakai filter tanpa dibalik. Dilihat dari satu piksel, "
              "output di kirinya memakai ujung kanan filter dan output di kanannya ujung kirinya, jadi dx adalah "
              "full convolution dengan w[:, :, ::-1, ::-1]; dw tidak perlu dibalik.",
              "You fixed the planted bug: dx used the filter unflipped. Seen from one pixel, the output to its "
              "left used the filter's right end and the output to its right its left end, so dx is a full "
              "convolution with w[:, :, ::-1, ::-1]; dw needs no flip."),
    mistakes={
        "unchanged": Mistake(lambda dout, x, w: _grads(dout, x, w, flip_dx=False), msg(
            "ini masih versi dengan bug. Gradient check Anda menunjukkan mana yang salah, dx atau dw; bug-nya ada "
            "di baris yang menghitungnya. Lalu tulis out[i] untuk kasus 1-D dengan filter 3 angka dan cari setiap "
            "suku yang memuat x[2]: dalam urutan apa bobot filter bertemu piksel itu?",
            "this is still the version with the bug. Your gradient check shows which one is wrong, dx or dw; the "
            "bug sits in the line that computes it. Then write out[i] for the 1-D case with a 3-number filter and "
            "find every term that holds x[2]: in which order do the filter's weights meet that pixel?")),
        "flipped_dw_too": Mistake(lambda dout, x, w: _grads(dout, x, w, flip_dw=True), msg(
            "dx sekarang benar, tetapi Anda juga membalik dw, dan gradient check untuk dw kini gagal. dw adalah "
            "cross-correlation input dengan dout: w[f, c, u, v] bertemu x[n, c, i + u, j + v], tanpa dibalik.",
            "dx is right now, but you flipped dw as well, and the gradient check for dw now fails. dw is the "
            "cross-correlation of the input with dout: w[f, c, u, v] meets x[n, c, i + u, j + v], without a "
            "flip.")),
        "one_axis": Mistake(lambda dout, x, w: _grads(dout, x, w, dx_axes=(2,)), msg(
            "Anda hanya membalik satu sumbu filter (baris saja). Memutar 180° membalik kedua sumbu: "
            "w[:, :, ::-1, ::-1].",
            "you flipped only one axis of the filter (the rows). Turning it by 180° flips both axes: "
            "w[:, :, ::-1, ::-1].")),
        "other_axis": Mistake(lambda dout, x, w: _grads(dout, x, w, dx_axes=(3,)), msg(
            "Anda hanya membalik satu sumbu filter (kolom saja). Memutar 180° membalik kedua sumbu: "
            "w[:, :, ::-1, ::-1].",
            "you flipped only one axis of the filter (the columns). Turning it by 180° flips both axes: "
            "w[:, :, ::-1, ::-1].")),
    },
    hints=[msg("Jalankan gradient check di sel itu: gradient mana yang gagal, dx atau dw? Bug-nya ada di baris "
               "yang menghitungnya.",
               "Run the gradient check in that cell: which gradient fails, dx or dw? The bug sits in the line "
               "that computes it."),
           msg("Bandingkan baris dx dengan conv_backward di bab ini: filter apa yang dipakainya?",
               "Compare the dx line with this chapter's conv_backward: which filter does it use?")],
    solution=msg(
        "from numpy.lib.stride_tricks import sliding_window_view\n"
        "\n"
        "\n"
        "def conv_grads(dout, x, w):\n"
        "    F, C, kh, kw = w.shape\n"
        "    patches = sliding_window_view(x, (kh, kw), axis=(2, 3))                  # (N, C, H_out, W_out, kh, kw)\n"
        "    dw = np.einsum(\"ncijuv,nfij->fcuv\", patches, dout)\n"
        "    dout_pad = np.pad(dout, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))\n"
        "    windows = sliding_window_view(dout_pad, (kh, kw), axis=(2, 3))           # (N, F, H, W, kh, kw)\n"
        "    dx = np.einsum(\"nfpquv,fcuv->ncpq\", windows, w[:, :, ::-1, ::-1])      # perbaikan: filter dibalik\n"
        "    return dx, dw",
        "from numpy.lib.stride_tricks import sliding_window_view\n"
        "\n"
        "\n"
        "def conv_grads(dout, x, w):\n"
        "    F, C, kh, kw = w.shape\n"
        "    patches = sliding_window_view(x, (kh, kw), axis=(2, 3))                  # (N, C, H_out, W_out, kh, kw)\n"
        "    dw = np.einsum(\"ncijuv,nfij->fcuv\", patches, dout)\n"
        "    dout_pad = np.pad(dout, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))\n"
        "    windows = sliding_window_view(dout_pad, (kh, kw), axis=(2, 3))           # (N, F, H, W, kh, kw)\n"
        "    dx = np.einsum(\"nfpquv,fcuv->ncpq\", windows, w[:, :, ::-1, ::-1])      # the fix: the flipped filter\n"
        "    return dx, dw"),
)
