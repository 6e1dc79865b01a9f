"""Exercises of chapter p3-02 (im2col & speed)."""
import numpy as np

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


# -- q4: how often is each pixel copied, with a stride ------------------------------------------------
def _coverage(H, W, k, stride):
    count = np.zeros((H, W), dtype=int)
    for i in range((H - k) // stride + 1):
        for j in range((W - k) // stride + 1):
            count[i * stride:i * stride + k, j * stride:j * stride + k] += 1
    return count


def _coverage_cases(rng):
    cases = [(5, 5, 3, 2), (6, 7, 3, 2), (7, 7, 3, 3), (8, 6, 2, 2), (5, 6, 3, 1), (9, 9, 4, 3)]
    for _ in range(2):
        H, W = (int(v) for v in rng.integers(6, 12, 2))
        cases.append((H, W, int(rng.integers(2, 5)), int(rng.integers(1, 4))))
    return cases


def _no_stride(H, W, k, stride):
    return _coverage(H, W, k, 1)


def _unscaled_start(H, W, k, stride):
    """The right number of positions, but the window starts at i instead of i·stride."""
    count = np.zeros((H, W), dtype=int)
    for i in range((H - k) // stride + 1):
        for j in range((W - k) // stride + 1):
            count[i:i + k, j:j + k] += 1
    return count


def _every_position_stepped(H, W, k, stride):
    """range(0, H - k, stride): the last position is missing."""
    count = np.zeros((H, W), dtype=int)
    for i in range(0, H - k, stride):
        for j in range(0, W - k, stride):
            count[i:i + k, j:j + k] += 1
    return count


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_coverage_cases, arg_names=("H", "W", "k", "stride"), rtol=0, atol=0,
    title=msg("Berapa kali setiap piksel disalin, dengan stride?", "How often is each pixel copied, with a stride?"),
    reference=_coverage,
    mistakes={
        "no_stride": Mistake(_no_stride, msg(
            "hasil Anda adalah peta untuk stride 1. Dengan stride s, filter hanya berhenti di posisi 0, s, 2s, …: "
            "ada (H − k) // s + 1 posisi per arah, dan posisi ke-i mulai di baris i·s.",
            "your result is the map for stride 1. With stride s the filter only stops at positions 0, s, 2s, …: "
            "there are (H − k) // s + 1 positions per direction, and position i starts at row i·s.")),
        "unscaled_start": Mistake(_unscaled_start, msg(
            "banyaknya posisi benar, tetapi jendela ke-i Anda mulai di baris i, bukan di baris i·stride. "
            "Potong count[i * stride:i * stride + k, …].",
            "the number of positions is right, but your window i starts at row i instead of row i·stride. "
            "Cut count[i * stride:i * stride + k, …].")),
        "missing_last": Mistake(_every_position_stepped, msg(
            "posisi terakhir hilang: `range(0, H - k, stride)` berhenti sebelum H − k. Posisi terakhir yang "
            "masih muat mulai di H − k (jika kelipatan stride): pakai `range(0, H - k + 1, stride)`.",
            "the last position is missing: `range(0, H - k, stride)` stops before H − k. The last position "
            "that still fits starts at H − k (when it is a multiple of the stride): use "
            "`range(0, H - k + 1, stride)`.")),
    },
    hints=[msg("Mulai dari array nol berbentuk (H, W). Untuk setiap posisi filter, tambahkan 1 ke semua piksel "
               "di bawahnya — persis yang dilakukan col2im dengan cols berisi angka 1.",
               "Start from an array of zeros of shape (H, W). For every filter position, add 1 to all the pixels "
               "under it — exactly what col2im does with a cols full of ones."),
           msg("Posisi (i, j) mencakup count[i·s:i·s + k, j·s:j·s + k], untuk i dalam range((H − k) // s + 1).",
               "Position (i, j) covers count[i·s:i·s + k, j·s:j·s + k], for i in range((H − k) // s + 1).")],
    solution=msg("def coverage(H, W, k, stride):\n"
                 "    count = np.zeros((H, W), dtype=int)\n"
                 "    for i in range((H - k) // stride + 1):          # posisi filter ke bawah …\n"
                 "        for j in range((W - k) // stride + 1):      # … dan ke kanan\n"
                 "            count[i * stride:i * stride + k, j * stride:j * stride + k] += 1\n"
                 "    return count\n"
                 "\n"
                 "# bandingkan: nn_core.col2im(nn_core.im2col(np.ones((1, 1, 5, 5)), 3, 3, stride=2),\n"
                 "#                            (1, 1, 5, 5), 3, 3, stride=2)[0, 0]",
                 "def coverage(H, W, k, stride):\n"
                 "    count = np.zeros((H, W), dtype=int)\n"
                 "    for i in range((H - k) // stride + 1):          # filter positions down …\n"
                 "        for j in range((W - k) // stride + 1):      # … and across\n"
                 "            count[i * stride:i * stride + k, j * stride:j * stride + k] += 1\n"
                 "    return count\n"
                 "\n"
                 "# compare: nn_core.col2im(nn_core.im2col(np.ones((1, 1, 5, 5)), 3, 3, stride=2),\n"
                 "#                         (1, 1, 5, 5), 3, 3, stride=2)[0, 0]"),
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
