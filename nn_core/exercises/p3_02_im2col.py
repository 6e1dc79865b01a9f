"""Exercises of chapter p3-02 (im2col & speed)."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p3-02-im2col"


# -- q1: the shape of cols --------------------------------------------------------------------------
q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Berapa baris dan kolom matriks cols?", "How many rows and columns does cols have?"),
    reference=(256, 27),
    mistakes={
        "no_channels": Mistake((256, 9), msg(
            "satu baris memuat SELURUH patch, di semua channel: C·kh·kw = 3·3·3 = 27 angka, bukan 9.",
            "one row holds the WHOLE patch, across all channels: C·kh·kw = 3·3·3 = 27 numbers, not 9.")),
        "input_pixels": Mistake((400, 27), msg(
            "ada satu baris per POSISI filter, bukan per piksel input: 4 gambar × 8 × 8 posisi "
            "((10 − 3) // 1 + 1 = 8).",
            "there is one row per filter POSITION, not per input pixel: 4 images × 8 × 8 positions "
            "((10 − 3) // 1 + 1 = 8).")),
        "transposed": Mistake((27, 256), msg(
            "di buku ini (dan di nn_core.im2col) setiap patch adalah satu BARIS: (N·H_out·W_out, C·kh·kw).",
            "in this book (and in nn_core.im2col) every patch is one ROW: (N·H_out·W_out, C·kh·kw).")),
        "one_image": Mistake((64, 27), msg(
            "itu baris untuk satu gambar saja. Batch-nya berisi 4 gambar, dan semuanya masuk ke matriks yang sama.",
            "those are the rows of one image only. The batch holds 4 images, and all of them go into the "
            "same matrix.")),
    },
    hints=[msg("Jumlah baris = N × H_out × W_out (satu per posisi filter); jumlah kolom = C × kh × kw "
               "(satu patch utuh).",
               "Rows = N × H_out × W_out (one per filter position); columns = C × kh × kw (one whole patch).")],
    solution=msg("shape = (256, 27)   # 4 · 8 · 8 = 256 posisi, 3 · 3 · 3 = 27 angka per patch\n"
                 "# Cek: nn_core.im2col(np.zeros((4, 3, 10, 10)), 3, 3).shape",
                 "shape = (256, 27)   # 4 · 8 · 8 = 256 positions, 3 · 3 · 3 = 27 numbers per patch\n"
                 "# Check: nn_core.im2col(np.zeros((4, 3, 10, 10)), 3, 3).shape"),
)


# -- q3: the memory of cols ----------------------------------------------------------------------------
q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Berapa byte memori untuk cols?", "How many bytes does cols take?"),
    reference=32 * 16 * 16 * 8 * 3 * 3 * 4,      # (8192, 72) float32 = 2,359,296 bytes
    mistakes={
        "float64": Mistake(32 * 16 * 16 * 8 * 3 * 3 * 8, msg(
            "x bertipe float32: 4 byte per angka, bukan 8.", "x is float32: 4 bytes per number, not 8.")),
        "no_channels": Mistake(32 * 16 * 16 * 3 * 3 * 4, msg(
            "setiap baris memuat patch di ke-8 channel: 8·3·3 = 72 angka.",
            "every row holds the patch across all 8 channels: 8·3·3 = 72 numbers.")),
        "input_size": Mistake(32 * 8 * 16 * 16 * 4, msg(
            "itu ukuran x sendiri. cols menyalin setiap piksel sekali per posisi filter yang menyentuhnya: "
            "kira-kira kh·kw = 9 kali lebih besar.",
            "that is the size of x itself. cols copies each pixel once for every filter position that "
            "touches it: about kh·kw = 9 times more.")),
        "no_padding": Mistake(32 * 14 * 14 * 8 * 3 * 3 * 4, msg(
            "dengan padding 1 outputnya tetap 16×16 (bukan 14×14), jadi ada 32·16·16 baris.",
            "with padding 1 the output stays 16×16 (not 14×14), so there are 32·16·16 rows.")),
    },
    hints=[msg("cols berbentuk (N·H_out·W_out, C·kh·kw). Kalikan kedua angka itu, lalu kalikan dengan "
               "jumlah byte per angka float32.",
               "cols has shape (N·H_out·W_out, C·kh·kw). Multiply the two, then multiply by the number of "
               "bytes of one float32.")],
    solution=msg("n_bytes = (32 * 16 * 16) * (8 * 3 * 3) * 4   # = 2_359_296 byte ≈ 2,4 MB (9 × ukuran x)\n"
                 "# Cek: nn_core.im2col(np.zeros((32, 8, 16, 16), np.float32), 3, 3, padding=1).nbytes",
                 "n_bytes = (32 * 16 * 16) * (8 * 3 * 3) * 4   # = 2_359_296 bytes ≈ 2.4 MB (9 × the size of x)\n"
                 "# Check: nn_core.im2col(np.zeros((32, 8, 16, 16), np.float32), 3, 3, padding=1).nbytes"),
)


# -- q4: im2col for one image --------------------------------------------------------------------------
def _im2col_1ch(image, kh, kw):
    image = np.asarray(image, dtype=np.float64)
    return sliding_window_view(image, (kh, kw)).reshape(-1, kh * kw).copy()


def _cases(rng):
    cases = [(np.arange(16.0).reshape(4, 4), 3, 3),
             (rng.integers(0, 10, (5, 6)), 2, 2),            # integers
             (rng.normal(size=(5, 7)), 2, 3),                # a non-square kernel
             (rng.normal(size=(4, 5)), 4, 5),                # kernel = image: one row
             (rng.normal(size=(3, 4)), 1, 1)]                # 1×1: every pixel is a row
    for _ in range(3):
        h, w = (int(v) for v in rng.integers(4, 9, 2))
        cases.append((rng.normal(size=(h, w)), 3, 3))
    return cases


def _column_major_patch(image, kh, kw):
    windows = sliding_window_view(np.asarray(image, dtype=np.float64), (kh, kw))
    return windows.transpose(0, 1, 3, 2).reshape(-1, kh * kw)


def _column_major_rows(image, kh, kw):
    windows = sliding_window_view(np.asarray(image, dtype=np.float64), (kh, kw))
    return windows.transpose(1, 0, 2, 3).reshape(-1, kh * kw)


def _missing_last(image, kh, kw):
    windows = sliding_window_view(np.asarray(image, dtype=np.float64), (kh, kw))[:-1, :-1]
    return windows.reshape(-1, kh * kw)


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_cases, arg_names=("image", "kh", "kw"),
    title=msg("im2col untuk satu gambar", "im2col for one image"),
    reference=_im2col_1ch,
    mistakes={
        "patch_column_major": Mistake(_column_major_patch, msg(
            "patch Anda diratakan kolom demi kolom. Ratakan baris demi baris (`patch.ravel()` atau "
            "`patch.reshape(-1)`), supaya urutannya sama dengan `kernel.ravel()`.",
            "your patch is flattened column by column. Flatten it row by row (`patch.ravel()` or "
            "`patch.reshape(-1)`), so that its order matches `kernel.ravel()`.")),
        "rows_column_major": Mistake(_column_major_rows, msg(
            "urutan baris Anda berjalan ke bawah dulu. Baris cols harus mengikuti urutan baca: posisi "
            "(0, 0), (0, 1), (0, 2), …, lalu (1, 0), … — loop i di luar, j di dalam.",
            "your rows go down first. The rows of cols follow reading order: positions (0, 0), (0, 1), "
            "(0, 2), …, then (1, 0), … — the i loop outside, the j loop inside.")),
        "missing_last": Mistake(_missing_last, msg(
            "posisi terakhir di setiap arah hilang: ada H − kh + 1 posisi, jadi `range(H - kh + 1)`.",
            "the last position in each direction is missing: there are H − kh + 1 positions, so "
            "`range(H - kh + 1)`.")),
    },
    hints=[msg("Ada (H − kh + 1)·(W − kw + 1) baris dan kh·kw kolom. Baris ke-r adalah patch di posisi ke-r "
               "dalam urutan baca, diratakan dengan `.ravel()`.",
               "There are (H − kh + 1)·(W − kw + 1) rows and kh·kw columns. Row r is the patch at the r-th "
               "position in reading order, flattened with `.ravel()`."),
           msg("Dua loop (i di luar, j di dalam) yang menambahkan `image[i:i + kh, j:j + kw].ravel()` ke "
               "sebuah list, lalu `np.array(list)`, sudah cukup.",
               "Two loops (i outside, j inside) that append `image[i:i + kh, j:j + kw].ravel()` to a list, "
               "then `np.array(list)`, are enough.")],
    solution=msg("def im2col_1ch(image, kh, kw):\n"
                 "    H, W = image.shape\n"
                 "    rows = []\n"
                 "    for i in range(H - kh + 1):\n"
                 "        for j in range(W - kw + 1):\n"
                 "            rows.append(image[i:i + kh, j:j + kw].ravel())   # satu patch = satu baris\n"
                 "    return np.array(rows, dtype=float)",
                 "def im2col_1ch(image, kh, kw):\n"
                 "    H, W = image.shape\n"
                 "    rows = []\n"
                 "    for i in range(H - kh + 1):\n"
                 "        for j in range(W - kw + 1):\n"
                 "            rows.append(image[i:i + kh, j:j + kw].ravel())   # one patch = one row\n"
                 "    return np.array(rows, dtype=float)"),
)


# -- q2: why is im2col faster? ------------------------------------------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Mengapa im2col jauh lebih cepat?", "Why is im2col so much faster?"),
    options={
        "a": msg("im2col melakukan lebih sedikit perkalian.", "im2col does fewer multiplications."),
        "b": msg("im2col memakai lebih sedikit memori.", "im2col uses less memory."),
        "c": msg("Puluhan ribu langkah loop Python diganti oleh beberapa salinan besar dan SATU perkalian "
                 "matriks, yang dikerjakan kode terkompilasi (BLAS) yang sangat dioptimalkan.",
                 "Tens of thousands of Python loop steps are replaced by a few large copies and ONE matrix "
                 "product, done by highly optimised compiled code (BLAS)."),
        "d": msg("im2col melewati nol-nol hasil padding.", "im2col skips the zeros added by padding."),
    },
    why={
        "a": msg("Jumlah perkalian-penjumlahannya sama persis: N·F·H_out·W_out·C·kh·kw di kedua cara. "
                 "Yang berbeda adalah SIAPA yang menjalankannya.",
                 "The number of multiply-adds is exactly the same: N·F·H_out·W_out·C·kh·kw either way. What "
                 "differs is WHO runs them."),
        "b": msg("Sebaliknya: cols menyalin setiap piksel sampai kh·kw kali, jadi im2col memakai sekitar 9× "
                 "memori input untuk filter 3×3.",
                 "The opposite: cols copies each pixel up to kh·kw times, so im2col uses about 9× the input's "
                 "memory for a 3×3 filter."),
        "c": msg("Setiap langkah loop Python membawa overhead interpreter beberapa mikrodetik; perkalian "
                 "matriks BLAS memproses jutaan angka per milidetik dengan instruksi SIMD dan cache yang "
                 "dimanfaatkan dengan baik.",
                 "Every Python loop step carries a few microseconds of interpreter overhead; a BLAS matrix "
                 "product processes millions of numbers per millisecond with SIMD instructions and good use "
                 "of the cache."),
        "d": msg("Nol hasil padding ikut disalin ke cols dan ikut dikalikan, sama seperti di loop.",
                 "The padding zeros are copied into cols and multiplied like every other number, as in the loop."),
    },
    reference="c",
    hints=[msg("Hitung jumlah perkalian di kedua cara. Kalau jumlahnya sama, apa yang berbeda?",
               "Count the multiplications of both ways. If they are the same, what differs?")],
)
