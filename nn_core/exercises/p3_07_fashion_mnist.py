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
        "a": msg("Lebih banyak epoch memang masih bisa menurunkan loss training sedikit, tetapi di run kita akurasi "
                 "validasi hampir tidak bergerak lagi di epoch terakhir (kurang dari 1 poin antara epoch 4 dan 6, "
                 "dicek di bab ini), sementara lebih dari separuh kesalahan tetap berada di antara empat kelas "
                 "atasan. Masalahnya terutama ada di data, bukan di jumlah epoch.",
                 "More epochs could still lower the training loss a little, but in our run the validation accuracy "
                 "hardly moved in the last epochs (less than 1 point between epoch 4 and epoch 6, checked in this "
                 "chapter), while more than half of all mistakes stay among the four upper-body classes. The "
                 "problem lies mostly in the data, not in the number of epochs."),
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


# -- q2: accuracy when look-alike classes count as one ----------------------------------------------------
def _grouped(cm, groups):
    cm = np.asarray(cm, dtype=np.float64)
    right = sum(cm[np.ix_(list(g), list(g))].sum() for g in groups)
    return right / cm.sum() * 100


def _partition(rng, k, n_groups):
    labels = np.concatenate([np.arange(n_groups), rng.integers(0, n_groups, k - n_groups)])
    rng.shuffle(labels)
    return [[int(c) for c in np.flatnonzero(labels == g)] for g in range(n_groups)]


def _group_cases(rng):
    cases = []
    for k, n_groups in [(10, 7), (10, 4), (6, 3), (5, 2), (8, 5)]:
        n = rng.integers(50, 300, k)                        # true examples per class (rows)
        cm = np.zeros((k, k), dtype=int)
        for t in range(k):
            p = rng.dirichlet(np.full(k, 0.3))
            p[t] += 2.0
            cm[t] = rng.multinomial(n[t], p / p.sum())
        cases.append((cm, _partition(rng, k, n_groups)))
    cm = np.array([[80, 15, 5], [10, 85, 5], [2, 3, 95]])
    cases.append((cm, [[0, 1], [2]]))                      # a small one: (80 + 15 + 10 + 85 + 95) / 300
    cases.append((cm, [[0], [1], [2]]))                     # every class alone: the plain accuracy
    return cases


def _plain(cm, groups):
    cm = np.asarray(cm, dtype=np.float64)
    return np.trace(cm) / cm.sum() * 100


def _mean_of_groups(cm, groups):
    cm = np.asarray(cm, dtype=np.float64)
    return float(np.mean([cm[np.ix_(g, g)].sum() / cm[g].sum() * 100 for g in groups]))


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_group_cases, arg_names=("cm", "groups"),
    title=msg("Akurasi jika kelas yang mirip dihitung satu", "Accuracy when look-alike classes count as one"),
    reference=_grouped,
    mistakes={
        "diagonal_only": Mistake(_plain, msg(
            "hasil Anda sama dengan akurasi biasa: hanya diagonal yang dihitung benar. Di sini sebuah prediksi "
            "juga benar jika jatuh di kelompok yang sama dengan kelas aslinya: jumlahkan seluruh blok "
            "cm[np.ix_(g, g)] setiap kelompok. (Awas: cm[g, g] memasangkan indeksnya satu per satu dan hanya "
            "mengambil sel diagonal.)",
            "your result is the plain accuracy: only the diagonal counts as right. Here a prediction is also "
            "right when it lands in the same group as the true class: add up each group's whole block "
            "cm[np.ix_(g, g)]. (Careful: cm[g, g] pairs the indices one by one and picks only diagonal "
            "cells.)")),
        "fraction": Mistake(lambda cm, groups: _grouped(cm, groups) / 100, msg(
            "hasilnya benar, tetapi sebagai pecahan. Berikan dalam persen (kalikan 100), seperti akurasi di bab "
            "ini.",
            "right, but as a fraction. Give a percentage (multiply by 100), like the accuracies in this "
            "chapter.")),
        "mean_of_groups": Mistake(_mean_of_groups, msg(
            "Anda merata-ratakan akurasi setiap kelompok, sehingga kelompok kecil berbobot sama dengan kelompok "
            "besar. Akurasi adalah semua prediksi yang benar dibagi semua gambar: jumlahkan blok semua "
            "kelompok dulu, lalu bagi dengan cm.sum().",
            "you averaged the groups' accuracies, so a small group weighs as much as a large one. Accuracy is "
            "all right predictions divided by all images: add up the blocks of every group first, then divide "
            "by cm.sum().")),
    },
    hints=[msg("Gambar kelas asli t yang diprediksi sebagai kelas p dihitung di cm[t, p]. Prediksi itu benar jika "
               "t dan p ada di kelompok yang sama: untuk kelompok g, itu semua sel blok cm[np.ix_(g, g)].",
               "An image of true class t predicted as class p is counted in cm[t, p]. It counts as right when t "
               "and p are in the same group: for a group g, that is every cell of the block cm[np.ix_(g, g)]."),
           msg("`sum(cm[np.ix_(g, g)].sum() for g in groups) / cm.sum() * 100`",
               "`sum(cm[np.ix_(g, g)].sum() for g in groups) / cm.sum() * 100`")],
    solution=msg(
        "def grouped_accuracy(cm, groups):\n"
        "    right = sum(cm[np.ix_(g, g)].sum() for g in groups)   # seluruh blok setiap kelompok\n"
        "    return right / cm.sum() * 100\n"
        "\n"
        "# dengan confusion matrix bab ini, empat atasan sebagai satu kelompok:\n"
        "# grouped_accuracy(cm, [[0, 2, 4, 6], [1], [3], [5], [7], [8], [9]])",
        "def grouped_accuracy(cm, groups):\n"
        "    right = sum(cm[np.ix_(g, g)].sum() for g in groups)   # each group's whole block\n"
        "    return right / cm.sum() * 100\n"
        "\n"
        "# with this chapter's confusion matrix, the four upper-body classes as one group:\n"
        "# grouped_accuracy(cm, [[0, 2, 4, 6], [1], [3], [5], [7], [8], [9]])"),
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
