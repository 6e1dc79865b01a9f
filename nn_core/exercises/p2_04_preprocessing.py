"""Exercises of chapter p2-04 (Data preprocessing)."""

import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p2-04-preprocessing"


# -- q1: min-max normalisation ----------------------------------------------------------

def _normalize(X):
    X = np.asarray(X, dtype=float)
    X_min, X_max = X.min(axis=0), X.max(axis=0)
    return (X - X_min) / (X_max - X_min + 1e-8)


def _minmax_cases(rng):
    scales = np.array([1000.0, 1.0, 0.01])
    return [(np.array([[150, 0.5], [200, 0.8], [100, 0.2]]),),          # the chapter's example
            (rng.normal(size=(6, 3)) * scales + np.array([5000.0, -2.0, 0.3]),),
            (np.array([[1.0, 7.0], [2.0, 7.0], [4.0, 7.0]]),),              # a constant column
            (rng.integers(0, 256, size=(5, 4)),),                          # integer input (pixels)
            (rng.uniform(-3, 3, size=(4, 1)),)]                            # a single feature


def _minmax_global(X):
    X = np.asarray(X, dtype=float)
    return (X - X.min()) / (X.max() - X.min() + 1e-8)


def _minmax_rows(X):
    X = np.asarray(X, dtype=float)
    X_min, X_max = X.min(axis=1, keepdims=True), X.max(axis=1, keepdims=True)
    return (X - X_min) / (X_max - X_min + 1e-8)


def _minmax_no_eps(X):
    X = np.asarray(X, dtype=float)
    return (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))


def _zscore(X):
    X = np.asarray(X, dtype=float)
    return (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)


q1 = FunctionExercise(
    CHAPTER, "q1", quiet=True, cases=_minmax_cases, arg_names=("X",),
    title=msg("Normalisasi min-max", "Min-max normalisation"),
    reference=_normalize,
    mistakes={
        "global": Mistake(_minmax_global, msg(
            "Anda memakai satu min dan satu max untuk seluruh matriks. Fitur yang kecil (misalnya 0,2–0,8 di samping "
            "100–200) lalu menempel di 0. Hitung min dan max per kolom: X.min(axis=0), X.max(axis=0).",
            "you use one min and one max for the whole matrix. A small feature (say 0.2–0.8 next to 100–200) then "
            "sticks to 0. Take the min and max per column: X.min(axis=0), X.max(axis=0).")),
        "rows": Mistake(_minmax_rows, msg(
            "Anda menskalakan per baris (per sampel). Normalisasi bekerja per kolom, yaitu per fitur: axis=0.",
            "you scale per row (per sample). Normalisation works per column, that is per feature: axis=0.")),
        "no_eps": Mistake(_minmax_no_eps, msg(
            "untuk kolom yang konstan hasil Anda NaN: max − min = 0, dan 0 / 0 = NaN. Tambahkan 1e-8 di penyebut, "
            "seperti di bab ini.",
            "for a constant column your result is NaN: max − min = 0, and 0 / 0 = NaN. Add 1e-8 to the denominator, "
            "as in the chapter.")),
        "zscore": Mistake(_zscore, msg(
            "itu standardisasi z-score (mean 0, std 1). Normalisasi min-max memakai (x − min) / (max − min), "
            "sehingga hasilnya dari 0 sampai 1.",
            "that is z-score standardisation (mean 0, std 1). Min-max normalisation uses (x − min) / (max − min), "
            "so the result goes from 0 to 1.")),
    },
    hints=[msg("Rumusnya x′ = (x − min) / (max − min + 1e-8), dengan min dan max setiap kolom.",
               "The formula is x′ = (x − min) / (max − min + 1e-8), with each column's min and max."),
           msg("X.min(axis=0) memberi satu angka per kolom (shape (n,)); NumPy memperluasnya otomatis (broadcasting) ke "
               "setiap baris.",
               "X.min(axis=0) gives one number per column (shape (n,)); NumPy broadcasts it to every row.")],
    solution=msg("def normalize(X):\n    X_min = X.min(axis=0)   # per kolom (per fitur)\n    X_max = X.max(axis=0)\n"
                 "    return (X - X_min) / (X_max - X_min + 1e-8)",
                 "def normalize(X):\n    X_min = X.min(axis=0)   # per column (per feature)\n    X_max = X.max(axis=0)\n"
                 "    return (X - X_min) / (X_max - X_min + 1e-8)"),
)


# -- q2: standardise with the training split's statistics ------------------------------

def _scale_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / (std + 1e-8), (X_test - mean) / (std + 1e-8)


def _scale_cases(rng):
    cases = []
    for m, k, n in ((20, 6, 3), (12, 5, 4)):
        scales = rng.uniform(0.5, 50, size=n)
        X_train = rng.normal(size=(m, n)) * scales + rng.uniform(-100, 100, size=n)
        X_test = rng.normal(size=(k, n)) * scales * 1.5 + X_train.mean(axis=0) + scales   # shifted, wider
        cases.append((X_train, X_test))
    X_train = rng.normal(loc=5, scale=2, size=(15, 2))
    cases.append((X_train, rng.normal(loc=5, scale=2, size=(1, 2))))                     # a test set of one
    cases.append((rng.integers(0, 10, size=(8, 3)), rng.integers(0, 10, size=(4, 3))))  # integer input
    return cases


def _own_stats(X_train, X_test):
    X_test = np.asarray(X_test, dtype=float)
    return (_scale_train_test(X_train, X_test)[0],
            (X_test - X_test.mean(axis=0)) / (X_test.std(axis=0) + 1e-8))


def _all_stats(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    both = np.concatenate([X_train, X_test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return (X_train - mean) / (std + 1e-8), (X_test - mean) / (std + 1e-8)


def _sample_std(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    return (X_train - mean) / (std + 1e-8), (X_test - mean) / (std + 1e-8)


def _test_untouched(X_train, X_test):
    return _scale_train_test(X_train, X_test)[0], np.asarray(X_test, dtype=float)


q2 = FunctionExercise(
    CHAPTER, "q2", quiet=True, cases=_scale_cases, arg_names=("X_train", "X_test"),
    title=msg("Standardisasi dengan statistik training set", "Standardise with the training set's statistics"),
    reference=_scale_train_test,
    mistakes={
        "test_own_stats": Mistake(_own_stats, msg(
            "test set Anda distandardisasi dengan mean dan std-nya sendiri. Itulah jebakan di bab ini: test set "
            "mewakili data masa depan, jadi ia memakai angka yang sama dengan training set, yaitu mean dan std "
            "dari X_train.",
            "your test set is standardised with its own mean and std. That is the chapter's trap: the test set "
            "stands for future data, so it gets the same numbers as the training set, the mean and std of X_train.")),
        "all_stats": Mistake(_all_stats, msg(
            "mean dan std Anda dihitung dari gabungan training dan test set sehingga informasi test set bocor "
            "(data leakage). Hitung keduanya dari X_train saja.",
            "your mean and std come from the training and test sets together, so information from the test set "
            "leaks in (data leakage). Compute both from X_train only.")),
        "test_untouched": Mistake(_test_untouched, msg(
            "X_test Anda tidak ditransformasi. Model dilatih pada data terstandardisasi, jadi test set harus "
            "melewati transformasi yang sama: (X_test − mean) / (std + 1e-8), dengan mean dan std dari X_train.",
            "your X_test is not transformed. The model is trained on standardised data, so the test set must go "
            "through the same transform: (X_test − mean) / (std + 1e-8), with the mean and std of X_train.")),
        "sample_std": Mistake(_sample_std, msg(
            "Anda memakai std sampel (ddof=1). Buku ini, seperti `np.std` dan `nn_core.standardize`, memakai "
            "ddof=0 (pembagi m): pakai X_train.std(axis=0).",
            "you use the sample std (ddof=1). The book, like `np.std` and `nn_core.standardize`, uses ddof=0 "
            "(dividing by m): use X_train.std(axis=0).")),
    },
    hints=[msg("Hitung mean dan std sekali, dari X_train (axis=0), lalu pakai kedua angka itu untuk X_train dan X_test.",
               "Compute the mean and std once, from X_train (axis=0), then use those two for both X_train and X_test."),
           msg("Dengan `nn_core`: `X_train_s, mean, std = standardize(X_train, return_stats=True)`, lalu "
               "`standardize(X_test, mean, std)`.",
               "With `nn_core`: `X_train_s, mean, std = standardize(X_train, return_stats=True)`, then "
               "`standardize(X_test, mean, std)`.")],
    solution=msg("def scale_train_test(X_train, X_test):\n"
                 "    mean = X_train.mean(axis=0)   # statistik training set saja\n"
                 "    std = X_train.std(axis=0)\n"
                 "    return (X_train - mean) / (std + 1e-8), (X_test - mean) / (std + 1e-8)",
                 "def scale_train_test(X_train, X_test):\n"
                 "    mean = X_train.mean(axis=0)   # the training set's statistics only\n"
                 "    std = X_train.std(axis=0)\n"
                 "    return (X_train - mean) / (std + 1e-8), (X_test - mean) / (std + 1e-8)"),
)


# -- q3: the trap -----------------------------------------------------------------------

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Jebakan: apa yang salah?", "The trap: what is wrong?"),
    options={
        "a": msg("Tidak ada yang salah: mean dan std dari 150 bunga lebih akurat daripada dari 120 bunga.",
                 "Nothing: a mean and std from 150 flowers are more accurate than from 120."),
        "b": msg("Test set ikut menentukan mean dan std yang dipakai untuk melatih model, jadi test set tidak lagi "
                 "mewakili data yang benar-benar baru; angka 100% itu bukan ujian yang jujur.",
                 "The test set helped choose the mean and std the model was trained with, so it no longer stands "
                 "for truly new data; that 100% is not an honest test."),
        "c": msg("Standardisasi seharusnya dilakukan setelah training, bukan sebelumnya.",
                 "Standardisation should happen after training, not before it."),
        "d": msg("Masalahnya hanya urutan kode; hasil kedua cara selalu persis sama.",
                 "Only the order of the code is at issue; both ways always give exactly the same numbers."),
    },
    why={
        "a": msg("Seberapa tepat statistiknya bukan pokok masalahnya. Test set berperan sebagai data masa depan, yang belum ada saat model "
                 "dan statistiknya ditentukan.",
                 "Accuracy of the statistics is not the point. The test set plays the part of future data, which does "
                 "not exist yet when the model and its statistics are fixed."),
        "b": msg("Itulah data leakage: informasi dari test set bocor ke dalam preprocessing. Bagi dulu, hitung "
                 "mean dan std dari training set, lalu pakai angka yang sama untuk test set.",
                 "That is data leakage: information from the test set leaks into the preprocessing. Split first, "
                 "compute the mean and std on the training set, then reuse those numbers on the test set."),
        "c": msg("Jaringan dilatih pada data yang sudah distandardisasi, jadi standardisasi harus terjadi sebelum "
                 "training. Yang penting adalah dari data mana statistiknya dihitung.",
                 "The network is trained on standardised data, so standardisation must come before training. What "
                 "matters is which data the statistics come from."),
        "d": msg("Hasilnya berbeda: di bab ini, mean training set dan mean seluruh data tidak sama sehingga setiap "
                 "bunga di test set digeser dengan angka yang berbeda.",
                 "They differ: in the chapter the training set's mean and the mean of all the data are not equal, so "
                 "every test flower is shifted by a different amount."),
    },
    reference="b",
    hints=[msg("Test set berperan sebagai data masa depan. Apakah data masa depan sudah ada saat kita menghitung mean?",
               "The test set plays the part of future data. Does future data exist when we compute the mean?")],
)
