"""Exercises of chapter p3-06 (What the CNN sees)."""
import numpy as np

from ..activations import softmax
from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p3-06-cnn-sees"


# -- q1: how many numbers does conv 1 produce ------------------------------------------------------------
q1 = ValueExercise(
    CHAPTER, "q1", rtol=0, atol=0,
    title=msg("Berapa angka yang dihasilkan conv 1?", "How many numbers does conv 1 produce?"),
    reference=12544,
    expect=msg("sebuah bilangan bulat", "a whole number"),
    mistakes={
        "one_map": Mistake(784, msg(
            "784 = 28 · 28 adalah satu feature map saja. Conv 1 punya 16 filter, dan setiap filter menghasilkan "
            "feature map 28×28-nya sendiri.",
            "784 = 28 · 28 is a single feature map. Conv 1 has 16 filters, and every filter makes its own 28×28 "
            "feature map.")),
        "no_padding": Mistake(16 * 26 * 26, msg(
            "dengan padding 1, filter 3×3 mempertahankan ukuran 28×28; 26×26 adalah ukuran tanpa padding.",
            "with padding 1 a 3×3 filter keeps the 28×28 size; 26×26 is the size without padding.")),
        "after_pool": Mistake(16 * 14 * 14, msg(
            "itu jumlah setelah max pooling (14×14). Yang ditanyakan output conv 1 sesudah ReLU, sebelum pooling.",
            "that is the count after max pooling (14×14). The question asks for conv 1's output after the ReLU, "
            "before the pool.")),
        "weights": Mistake(144, msg(
            "144 = 16 · 3 · 3 adalah banyaknya weight conv 1, bukan banyaknya angka yang dihasilkannya.",
            "144 = 16 · 3 · 3 is the number of conv 1's weights, not of the numbers it produces.")),
    },
    hints=[msg("Shape output conv 1 untuk satu gambar adalah (16, 28, 28).",
               "Conv 1's output for one image has shape (16, 28, 28).")],
    solution=msg(
        "answer = 16 * 28 * 28   # 12.544: 16 feature map 28×28 — 16 kali lebih banyak daripada 784 piksel input",
        "answer = 16 * 28 * 28   # 12,544: 16 feature maps of 28×28 — 16 times the 784 input pixels"),
)


# -- q2: what does an edge filter respond to -------------------------------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Di mana filter tepi menyala?", "Where does an edge filter light up?"),
    options={
        "a": msg("Di latar belakang yang kosong.", "On the empty background."),
        "b": msg("Di tempat gambar makin bertinta dari kiri ke kanan: tepi kiri goresan vertikal.",
                 "Where the image gets more ink from left to right: the left edge of a vertical stroke."),
        "c": msg("Sama kuat di semua tempat yang bertinta.", "Equally strongly wherever there is ink."),
        "d": msg("Di tempat gambar makin bertinta dari atas ke bawah: tepi atas goresan horizontal.",
                 "Where the image gets more ink from top to bottom: the top edge of a horizontal stroke."),
    },
    why={
        "a": msg("Di latar belakang semua piksel bernilai 0, jadi jumlah piksel × weight juga 0: yang tersisa "
                 "hanya bias-nya. Filter ini tidak melihat apa-apa di sana.",
                 "On the background every pixel is 0, so the sum of pixel × weight is 0 too: only the bias is "
                 "left. The filter sees nothing there."),
        "b": msg("Kolom kanan +1 dan kolom kiri −1: hasilnya besar ketika kolom kanan jendela bertinta dan kolom "
                 "kirinya kosong — tepat di tepi kiri goresan vertikal, seperti Sobel x di Bab 1.",
                 "Right column +1 and left column −1: the result is large when the window's right column has ink "
                 "and its left column is empty — exactly at the left edge of a vertical stroke, like Sobel x in "
                 "chapter 1."),
        "c": msg("Weight-nya berjumlah 0, jadi pada potongan yang rata — misalnya di tengah goresan tebal, semua "
                 "piksel 1 — hasilnya 0. Filter ini hanya menanggapi perubahan.",
                 "Its weights add up to 0, so on a flat patch — say inside a thick stroke, all pixels 1 — the "
                 "result is 0. This filter only responds to change."),
        "d": msg("Itu filter yang diputar 90°, dengan baris bawah +1 dan baris atas −1 (seperti Sobel y). Filter "
                 "ini membandingkan kolom, bukan baris.",
                 "That is the filter turned by 90°, with +1 in the bottom row and −1 in the top row (like Sobel y). "
                 "This filter compares columns, not rows."),
    },
    reference="b",
    hints=[msg("Hitung hasilnya untuk tiga potongan 3×3: semua 0, semua 1, dan kolom kiri 0 dengan dua kolom "
               "lainnya 1.",
               "Work out the result for three 3×3 patches: all 0, all 1, and a left column of 0 with the other "
               "two columns 1.")],
)


# -- q3: the most confident mistakes ---------------------------------------------------------------------
def _confident_mistakes(probs, y, k):
    probs, y = np.asarray(probs, dtype=np.float64), np.asarray(y)
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y)
    order = np.argsort(-probs[wrong, pred[wrong]], kind="stable")
    return wrong[order[:k]]


def _probs(rng, m, k=10, sharp=3.0):
    z = rng.normal(0, sharp, (m, k))
    return softmax(z)


def _mistake_cases(rng):
    cases = []
    for m, k in [(50, 5), (200, 10), (30, 1), (12, 20)]:
        p = _probs(rng, m)
        y = rng.integers(0, 10, m)
        keep = rng.random(m) < 0.6                     # about 60% right, the rest wrong
        y[keep] = p[keep].argmax(axis=1)
        cases.append((p, y, k))
    p = _probs(rng, 8)
    cases.append((p, p.argmax(axis=1), 3))             # no mistakes at all → an empty array
    p = _probs(rng, 6, k=3)
    y = (p.argmax(axis=1) + 1) % 3                      # every prediction wrong, 3 classes
    cases.append((p, y, 4))
    return cases


def _wrong_or_right(probs, y, k):
    probs = np.asarray(probs, dtype=np.float64)
    return np.argsort(-probs.max(axis=1), kind="stable")[:k]


def _least_confident(probs, y, k):
    probs, y = np.asarray(probs, dtype=np.float64), np.asarray(y)
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y)
    return wrong[np.argsort(probs[wrong, pred[wrong]], kind="stable")[:k]]


def _true_class_prob(probs, y, k):
    probs, y = np.asarray(probs, dtype=np.float64), np.asarray(y)
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y)
    return wrong[np.argsort(-probs[wrong, y[wrong]], kind="stable")[:k]]


def _positions(probs, y, k):
    probs, y = np.asarray(probs, dtype=np.float64), np.asarray(y)
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y)
    return np.argsort(-probs[wrong, pred[wrong]], kind="stable")[:k]


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_mistake_cases, arg_names=("probs", "y", "k"), rtol=0, atol=0,
    title=msg("Kesalahan yang paling yakin", "The most confident mistakes"),
    reference=_confident_mistakes,
    mistakes={
        "includes_right": Mistake(_wrong_or_right, msg(
            "hasil Anda juga memuat prediksi yang benar. Pilih dulu baris yang prediksinya (argmax) berbeda dari "
            "y, baru urutkan menurut keyakinannya.",
            "your result also holds correct predictions. First keep the rows whose prediction (argmax) differs "
            "from y, then sort them by confidence.")),
        "ascending": Mistake(_least_confident, msg(
            "urutannya terbalik: Anda mengambil kesalahan yang paling tidak yakin. Urutkan dari probabilitas "
            "prediksi yang terbesar.",
            "the order is reversed: you took the least confident mistakes. Sort from the largest predicted "
            "probability down.")),
        "true_class": Mistake(_true_class_prob, msg(
            "Anda mengurutkan menurut probabilitas label yang benar. Keyakinan model adalah probabilitas kelas "
            "yang ia prediksi: probs[i, argmax].",
            "you sorted by the probability of the true label. The model's confidence is the probability of "
            "the class it predicted: probs[i, argmax].")),
        "positions": Mistake(_positions, msg(
            "angka-angka Anda adalah posisi di dalam daftar kesalahan, bukan nomor baris di `probs`. Kembalikan "
            "`wrong[order]`, bukan `order`.",
            "your numbers are positions in the list of mistakes, not row numbers of `probs`. Return "
            "`wrong[order]`, not `order`.")),
    },
    hints=[msg("`pred = probs.argmax(axis=1)`, `wrong = np.flatnonzero(pred != y)`; keyakinan setiap kesalahan "
               "adalah `probs[wrong, pred[wrong]]`.",
               "`pred = probs.argmax(axis=1)`, `wrong = np.flatnonzero(pred != y)`; the confidence of each "
               "mistake is `probs[wrong, pred[wrong]]`."),
           msg("`np.argsort(-confidence)` mengurutkan dari yang terbesar; ambil `[:k]` (bisa kurang dari k jika "
               "kesalahannya sedikit).",
               "`np.argsort(-confidence)` sorts from the largest; take `[:k]` (fewer than k if there are fewer "
               "mistakes).")],
    solution=msg(
        "def most_confident_mistakes(probs, y, k):\n"
        "    pred = probs.argmax(axis=1)\n"
        "    wrong = np.flatnonzero(pred != y)               # nomor baris yang salah\n"
        "    confidence = probs[wrong, pred[wrong]]          # probabilitas kelas yang diprediksi\n"
        "    return wrong[np.argsort(-confidence)[:k]]       # yang paling yakin dulu",
        "def most_confident_mistakes(probs, y, k):\n"
        "    pred = probs.argmax(axis=1)\n"
        "    wrong = np.flatnonzero(pred != y)               # the rows that are wrong\n"
        "    confidence = probs[wrong, pred[wrong]]          # the probability of the predicted class\n"
        "    return wrong[np.argsort(-confidence)[:k]]       # most confident first"),
)
