"""Exercises of chapter p4-04 (What they buy, measured)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p4-04-what-they-buy"


def _summary(accs):
    accs = np.asarray(accs, dtype=np.float64)
    return float(accs.mean()), float(accs.std(ddof=1))


def _acc_cases(rng):
    cases = [[91.4, 91.8, 91.5], [90.0, 95.0, 92.5, 93.1], [88.25, 88.75]]
    for n in (3, 5, 8):
        cases.append(rng.uniform(85, 95, n).round(2).tolist())
    return [(c,) for c in cases]


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_acc_cases, arg_names=("accs",),
    title=msg("Rata-rata dan sebarannya", "The mean and its spread"),
    reference=_summary,
    mistakes={
        "population_std": Mistake(lambda accs: (float(np.mean(accs)), float(np.std(accs))), msg(
            "np.std membagi dengan n (ddof=0). Untuk beberapa seed, sampel dari semua seed yang mungkin, pakai "
            "standard deviation sampel: np.std(accs, ddof=1).",
            "np.std divides by n (ddof=0). For a few seeds, a sample of all possible seeds, use the sample standard "
            "deviation: np.std(accs, ddof=1).")),
        "range": Mistake(lambda accs: (float(np.mean(accs)), float(np.ptp(accs))), msg(
            "itu rentang (maks − min), bukan standard deviation.",
            "that is the range (max − min), not the standard deviation.")),
        "median": Mistake(lambda accs: (float(np.median(accs)), float(np.std(accs, ddof=1))), msg(
            "itu median, bukan rata-rata (mean).", "that is the median, not the mean.")),
    },
    hints=[msg("np.mean(accs) dan np.std(accs, ddof=1); kembalikan keduanya sebagai tuple.",
               "np.mean(accs) and np.std(accs, ddof=1); return both as a tuple.")],
    solution=msg(
        "def summary(accs):\n"
        "    return np.mean(accs), np.std(accs, ddof=1)    # ddof=1: standard deviation sampel",
        "def summary(accs):\n"
        "    return np.mean(accs), np.std(accs, ddof=1)    # ddof=1: the sample standard deviation"),
)

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Apa yang boleh diklaim?", "What may we claim?"),
    options={
        "a": msg("B lebih baik daripada A.", "B is better than A."),
        "b": msg("Belum ada yang bisa diklaim: selisihnya jauh lebih kecil daripada perbedaan antar-seed. Ulangi dengan "
                 "lebih banyak seed, dan bandingkan per seed.",
                 "Nothing yet: the difference is much smaller than the differences between seeds. Repeat with more "
                 "seeds, and compare seed by seed."),
        "c": msg("A lebih baik daripada B, karena selisih kecil pasti kebetulan.",
                 "A is better than B, because a small difference must be a fluke."),
        "d": msg("Keduanya sama persis.", "They are exactly equal."),
    },
    why={
        "a": msg("Dengan satu seed, selisih 0,3 poin bisa berasal dari urutan batch atau weight awal saja.",
                 "With one seed, a difference of 0.3 points can come from the batch order or the initial weights alone."),
        "b": msg("Sebuah klaim harus lebih besar daripada sebaran antar-seed — di bab ini sampai sekitar satu poin.",
                 "A claim has to be larger than the spread between seeds — in this chapter up to about a point."),
        "c": msg("Selisih kecil tidak membuktikan arah sebaliknya juga.", "A small difference proves the opposite no more."),
        "d": msg("Tidak ada bukti bahwa keduanya sama; hanya tidak ada bukti bahwa keduanya berbeda.",
                 "There is no evidence that they are equal; there is only no evidence that they differ."),
    },
    reference="b",
    hints=[msg("Bandingkan 0,3 poin dengan seberapa jauh akurasi satu pengaturan berubah dari seed ke seed.",
               "Compare 0.3 points with how far one setting's accuracy moves from seed to seed.")],
)

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Test set, sekali saja", "The test set, once"),
    options={
        "a": msg("Tidak masalah: memilih dengan test set sama jujurnya dengan memilih dengan validation set.",
                 "No problem: choosing with the test set is as honest as choosing with the validation set."),
        "b": msg("Angka terbaik dari lima angka test set terlalu optimistis: pilihan itu sendiri memanfaatkan "
                 "keberuntungan di test set, jadi angkanya tidak lagi mengukur gambar baru dengan jujur.",
                 "The best of five test-set numbers is too optimistic: the choice itself exploits luck on the test "
                 "set, so the number no longer measures new images honestly."),
        "c": msg("Test set terlalu kecil untuk lima model.", "The test set is too small for five models."),
        "d": msg("Mengevaluasi di test set mengubah weight model.", "Evaluating on the test set changes the model's weights."),
    },
    why={
        "a": msg("Validation set ada justru supaya test set tidak dipakai untuk memilih.",
                 "The validation set exists precisely so that the test set is not used to choose."),
        "b": msg("Itulah alasan protokolnya: pilih dengan validasi, lalu ukur pilihan itu sekali di test set.",
                 "That is the reason for the protocol: choose with validation, then measure that choice once on "
                 "the test set."),
        "c": msg("10.000 gambar cukup untuk banyak model; masalahnya adalah memilih, bukan ukurannya.",
                 "10,000 images are plenty for many models; the problem is choosing, not the size."),
        "d": msg("Evaluasi tidak mengubah weight apa pun (mode evaluasi, tanpa update).",
                 "Evaluation changes no weight (evaluation mode, no update)."),
    },
    reference="b",
    hints=[msg("Jika lima angka sama-sama punya sedikit keberuntungan acak, angka terbesar punya keberuntungan terbesar.",
               "If each of five numbers has a little random luck, the largest one has the most luck.")],
)
