"""Exercises of chapter p3-07 (Fashion-MNIST & summary)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p3-07-fashion-mnist"


# -- q1: why shirts and T-shirts get confused -------------------------------------------------------------
q1 = ChoiceExercise(
    CHAPTER, "q1",
    title=msg("Mengapa kemeja dan kaos tertukar?", "Why do shirts and T-shirts get confused?"),
    options={
        "a": msg("Karena CNN kita belum dilatih cukup lama; dengan lebih banyak epoch kesalahan itu akan hilang.",
                 "Because our CNN has not trained long enough; with more epochs those mistakes would disappear."),
        "b": msg("Pada gambar abu-abu 28×28, keduanya punya siluet yang hampir sama; yang membedakannya (kerah, "
                 "kancing, bahan) hanya beberapa piksel atau hilang sama sekali, dan sebagian label-nya sendiri "
                 "bisa diperdebatkan.",
                 "In a 28×28 grayscale image both have almost the same silhouette; what tells them apart (collar, "
                 "buttons, fabric) is a few pixels or is lost entirely, and some labels are debatable themselves."),
        "c": msg("Karena Fashion-MNIST punya lebih sedikit gambar kemeja daripada kelas lain.",
                 "Because Fashion-MNIST has fewer shirt images than other classes."),
        "d": msg("Karena max pooling membuang informasi warna.",
                 "Because max pooling throws the colour information away."),
    },
    why={
        "a": msg("Loss training memang masih bisa turun, tetapi model yang jauh lebih besar dan dilatih jauh lebih "
                 "lama pun masih paling sering salah di kelas-kelas atasan ini. Masalahnya ada di data, bukan di "
                 "jumlah epoch.",
                 "The training loss could still go down, but even much larger models trained much longer still "
                 "make most of their mistakes on these upper-body classes. The problem lies in the data, not in "
                 "the number of epochs."),
        "b": msg("Kaos, kemeja, sweter, dan mantel adalah atasan dengan lengan; pada resolusi ini bentuknya "
                 "hampir sama, dan detail yang membedakannya nyaris tidak terlihat. Confusion matrix menunjukkan "
                 "kesalahan terbanyak memang di antara keempat kelas itu.",
                 "T-shirts, shirts, pullovers and coats are all upper-body garments with sleeves; at this "
                 "resolution their shapes are almost the same, and the details that differ are barely visible. "
                 "The confusion matrix shows that most mistakes are indeed among those four classes."),
        "c": msg("Fashion-MNIST seimbang sempurna: setiap kelas punya 6.000 gambar training dan 1.000 gambar "
                 "test (dicek di bab ini).",
                 "Fashion-MNIST is perfectly balanced: every class has 6,000 training and 1,000 test images "
                 "(checked in this chapter)."),
        "d": msg("Fashion-MNIST tidak berwarna sejak awal — gambarnya abu-abu dengan satu channel — dan max "
                 "pooling tidak ada hubungannya dengan warna.",
                 "Fashion-MNIST has no colour to begin with — its images are grayscale with one channel — and "
                 "max pooling has nothing to do with colour."),
    },
    reference="b",
    hints=[msg("Lihat gambar-gambar kemeja yang diprediksi sebagai kaos di bab ini. Apakah Anda sendiri bisa "
               "membedakannya?",
               "Look at the shirts predicted as T-shirts in this chapter. Could you tell them apart yourself?")],
)


# -- q2: per-class accuracy from a confusion matrix -------------------------------------------------------
def _per_class(cm):
    cm = np.asarray(cm, dtype=np.float64)
    return np.diag(cm) / cm.sum(axis=1) * 100


def _cms(rng):
    cases = []
    for k in (10, 3, 2, 5):
        n = rng.integers(20, 200, k)                        # true examples per class (rows)
        cm = np.zeros((k, k), dtype=int)
        for t in range(k):
            p = rng.dirichlet(np.full(k, 0.3))
            p[t] += 2.0
            cm[t] = rng.multinomial(n[t], p / p.sum())
        cm[0, 0] += 1                                       # no row is empty
        cases.append((cm,))
    cases.append((np.array([[5, 0], [3, 2]]),))            # one class perfect, one at 40%
    return cases


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_cms, arg_names=("cm",),
    title=msg("Akurasi per kelas dari confusion matrix", "Per-class accuracy from a confusion matrix"),
    reference=_per_class,
    mistakes={
        "columns": Mistake(lambda cm: np.diag(np.asarray(cm, float)) / np.asarray(cm, float).sum(axis=0) * 100, msg(
            "Anda membagi dengan jumlah kolom (semua gambar yang diprediksi sebagai kelas itu). Akurasi sebuah "
            "kelas dihitung dari gambar yang sebenarnya kelas itu: baris, `cm.sum(axis=1)`.",
            "you divided by the column sums (every image predicted as that class). A class's accuracy counts "
            "the images that really are that class: the rows, `cm.sum(axis=1)`.")),
        "fraction": Mistake(lambda cm: np.diag(np.asarray(cm, float)) / np.asarray(cm, float).sum(axis=1), msg(
            "hasilnya benar, tetapi sebagai pecahan. Berikan dalam persen (kalikan 100), seperti di bab ini.",
            "right, but as fractions. Give percentages (multiply by 100), as in this chapter.")),
        "overall": Mistake(lambda cm: np.full(len(cm), np.trace(np.asarray(cm, float)) / np.asarray(cm, float).sum()
                                              * 100), msg(
            "setiap kelas mendapat angka yang sama: akurasi keseluruhan. Hitung per baris: diagonal dibagi jumlah "
            "barisnya.",
            "every class gets the same number: the overall accuracy. Compute it per row: the diagonal divided by "
            "the row sum.")),
        "errors": Mistake(lambda cm: 100 - np.diag(np.asarray(cm, float)) / np.asarray(cm, float).sum(axis=1) * 100,
                          msg("itu persentase kesalahan per kelas. Akurasi adalah yang benar: diagonalnya.",
                              "that is the percentage of mistakes per class. Accuracy counts the right ones: the "
                              "diagonal.")),
    },
    hints=[msg("Baris t = gambar yang label aslinya t; sel cm[t, t] = yang diprediksi benar.",
               "Row t = the images whose true label is t; cell cm[t, t] = the ones predicted correctly."),
           msg("`np.diag(cm) / cm.sum(axis=1) * 100`", "`np.diag(cm) / cm.sum(axis=1) * 100`")],
    solution=msg(
        "def per_class_accuracy(cm):\n"
        "    return np.diag(cm) / cm.sum(axis=1) * 100     # benar / semua gambar kelas itu (baris), dalam %",
        "def per_class_accuracy(cm):\n"
        "    return np.diag(cm) / cm.sum(axis=1) * 100     # right / all images of that class (the row), in %"),
)


# -- q3: the most confused pair ---------------------------------------------------------------------------
def _pair(cm):
    cm = np.asarray(cm)
    both = cm + cm.T
    np.fill_diagonal(both, -1)
    a, b = np.unravel_index(np.argmax(both), both.shape)
    return (int(min(a, b)), int(max(a, b)))


def _pair_cases(rng):
    """Confusion matrices whose most confused pair (both ways) is never the largest single cell, and
    whose larger direction runs from the higher class to the lower one in some cases."""
    cases = []
    for k, flip in [(10, True), (10, False), (4, True), (6, False), (6, True), (3, True)]:
        cm = rng.integers(0, 6, (k, k))
        np.fill_diagonal(cm, rng.integers(500, 900, k))
        a, b, c = rng.choice(k, 3, replace=False)
        d = next(j for j in rng.permutation(k) if j != c and {c, j} != {a, b})
        cm[a, b] += 60                                  # the largest single cell …
        cm[c, d] += 40
        cm[d, c] += 40                                  # … but the pair (c, d) is larger in total
        if flip:
            cm[max(c, d), min(c, d)] += 10              # its larger direction: high class → low class
        cases.append((cm,))
    cases.append((np.array([[9, 1, 0], [0, 9, 4], [0, 3, 9]]),))
    return cases


def _one_way(cm):
    cm = np.array(cm)
    np.fill_diagonal(cm, -1)
    a, b = np.unravel_index(np.argmax(cm), cm.shape)
    return (int(min(a, b)), int(max(a, b)))


def _with_diagonal(cm):
    cm = np.asarray(cm)
    a, b = np.unravel_index(np.argmax(cm + cm.T), cm.shape)
    return (int(min(a, b)), int(max(a, b)))


def _unordered(cm):
    cm = np.asarray(cm)
    both = cm + cm.T
    np.fill_diagonal(both, -1)
    a, b = np.unravel_index(np.argmax(both), both.shape)
    return (int(a), int(b)) if cm[a, b] >= cm[b, a] else (int(b), int(a))


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_pair_cases, arg_names=("cm",), rtol=0, atol=0,
    title=msg("Pasangan kelas yang paling sering tertukar", "The pair of classes mixed up most"),
    reference=_pair,
    mistakes={
        "one_way": Mistake(_one_way, msg(
            "Anda hanya melihat satu arah (sel terbesar di luar diagonal). Sebuah pasangan tertukar dua arah: "
            "jumlahkan cm[a, b] + cm[b, a], misalnya dengan `cm + cm.T`.",
            "you looked at one direction only (the largest off-diagonal cell). A pair is mixed up both ways: add "
            "cm[a, b] + cm[b, a], e.g. with `cm + cm.T`.")),
        "diagonal": Mistake(_with_diagonal, msg(
            "diagonal adalah prediksi yang benar, jadi harus dikecualikan (misalnya `np.fill_diagonal(both, -1)`), "
            "kalau tidak sebuah kelas \"tertukar\" dengan dirinya sendiri.",
            "the diagonal holds the correct predictions, so leave it out (e.g. `np.fill_diagonal(both, -1)`), "
            "otherwise a class is \"mixed up\" with itself.")),
        "unordered": Mistake(_unordered, msg(
            "pasangannya benar, tetapi urutannya tidak: kembalikan kelas yang lebih kecil dulu, `(min(a, b), "
            "max(a, b))`.",
            "the right pair, in the wrong order: return the smaller class first, `(min(a, b), max(a, b))`.")),
    },
    hints=[msg("`both = cm + cm.T` menghitung setiap pasangan dua arah; kosongkan diagonalnya, lalu cari "
               "maksimumnya dengan `np.argmax` dan `np.unravel_index`.",
               "`both = cm + cm.T` counts every pair both ways; blank out its diagonal, then find its maximum with "
               "`np.argmax` and `np.unravel_index`.")],
    solution=msg(
        "def most_confused_pair(cm):\n"
        "    both = cm + cm.T                       # a dengan b, dua arah\n"
        "    np.fill_diagonal(both, -1)             # prediksi benar tidak dihitung\n"
        "    a, b = np.unravel_index(np.argmax(both), both.shape)\n"
        "    return (min(a, b), max(a, b))",
        "def most_confused_pair(cm):\n"
        "    both = cm + cm.T                       # a with b, both ways\n"
        "    np.fill_diagonal(both, -1)             # correct predictions don't count\n"
        "    a, b = np.unravel_index(np.argmax(both), both.shape)\n"
        "    return (min(a, b), max(a, b))"),
)
