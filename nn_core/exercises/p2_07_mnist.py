"""Exercises of chapter p2-07 (MNIST classification)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p2-07-mnist"

# -- q1: how many updates per epoch -------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1", rtol=0, atol=1e-9,
    title=msg("Berapa update dalam satu epoch?", "How many updates in one epoch?"),
    reference=860,
    expect=msg("bilangan bulat", "a whole number"),
    mistakes={
        "floor": Mistake(859, msg(
            "55.000 / 64 ≈ 859,4: batch terakhir berisi 24 gambar saja, tetapi tetap satu update. "
            "Bulatkan ke atas.",
            "55,000 / 64 = 859.375: the last batch holds only 24 images, but it is still an update. Round up.")),
        "unrounded": Mistake(859.375, msg(
            "banyaknya update adalah bilangan bulat: batch terakhir yang lebih kecil tetap dihitung satu. "
            "Bulatkan ke atas.",
            "the number of updates is a whole number: the smaller last batch still counts as one. Round up.")),
        "all_60000": Mistake(938, msg(
            "938 adalah ⌈60.000 / 64⌉, untuk seluruh 60.000 gambar training. Di bab ini, 5.000 gambar terakhir "
            "menjadi validation set, jadi model dilatih dengan 55.000 gambar.",
            "938 is ⌈60,000 / 64⌉, for all 60,000 training images. In this chapter the last 5,000 images are the "
            "validation set, so the model trains on 55,000.")),
        "validation": Mistake(79, msg(
            "79 = ⌈5.000 / 64⌉: itu validation set. Validation set tidak dipakai untuk update; "
            "yang dihitung adalah 55.000 gambar training.",
            "79 = ⌈5,000 / 64⌉: that is the validation set. It is never used for updates; count the 55,000 "
            "training images.")),
    },
    hints=[msg("Satu update per mini-batch. Berapa batch berukuran 64 yang dibutuhkan untuk 55.000 gambar?",
               "One update per mini-batch. How many batches of 64 does it take to cover 55,000 images?"),
           msg("`math.ceil(55000 / 64)` — batch terakhir boleh lebih kecil.",
               "`math.ceil(55000 / 64)` — the last batch may be smaller.")],
    solution=msg("answer = math.ceil(55000 / 64)   # 859 batch penuh + 1 batch berisi 24 gambar = 860",
                 "answer = math.ceil(55000 / 64)   # 859 full batches + 1 batch of 24 images = 860"),
)

# -- q2: transfer: the initial loss for 3 classes -------------------------------------------

q2 = ValueExercise(
    CHAPTER, "q2", rtol=0.01,
    title=msg("Loss sebelum training, untuk 3 kelas", "The loss before training, for 3 classes"),
    reference=float(np.log(3)),
    mistakes={
        "ten_classes": Mistake(float(np.log(10)), msg(
            "ln 10 adalah loss awal untuk 10 kelas (MNIST). Iris punya 3 kelas: tebakan seragam memberi 1/3 untuk "
            "setiap kelas.",
            "ln 10 is the initial loss for 10 classes (MNIST). Iris has 3 classes: a uniform guess gives 1/3 to "
            "each class.")),
        "probability": Mistake(1 / 3, msg(
            "1/3 adalah probabilitas kelas yang benar, bukan loss-nya. Cross-entropy untuk satu sampel adalah "
            "−ln ŷ_benar.",
            "1/3 is the probability of the true class, not the loss. The cross-entropy of one sample is "
            "−ln ŷ_true.")),
        "log10": Mistake(float(np.log10(3)), msg(
            "itu log basis 10. Cross-entropy memakai logaritma natural (np.log): −ln(1/3).",
            "that is the base-10 log. Cross-entropy uses the natural log (np.log): −ln(1/3).")),
        "sign": Mistake(float(-np.log(3)), msg(
            "tandanya terbalik: ln(1/3) negatif, dan loss-nya adalah −ln(1/3) = ln 3 > 0.",
            "the sign is flipped: ln(1/3) is negative, and the loss is −ln(1/3) = ln 3 > 0.")),
    },
    hints=[msg("Sebelum training, softmax memberi setiap kelas probabilitas yang kira-kira sama. Berapa untuk 3 kelas, "
               "dan berapa −ln dari angka itu?",
               "Before training, softmax gives every class about the same probability. How much for 3 classes, and "
               "what is −ln of that?")],
    solution=msg("answer = np.log(3)   # −ln(1/3) = ln 3 ≈ 1,10 (untuk MNIST: ln 10 ≈ 2,30)",
                 "answer = np.log(3)   # −ln(1/3) = ln 3 ≈ 1.10 (for MNIST: ln 10 ≈ 2.30)"),
)


# -- q3: why the test set is touched once -------------------------------------------------

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Mengapa test set hanya dipakai sekali?", "Why is the test set used only once?"),
    options={
        "a": msg("Karena mengevaluasi 10.000 gambar setiap epoch terlalu lambat.",
                 "Because evaluating 10,000 images every epoch is too slow."),
        "b": msg("Karena setiap keputusan yang diambil dengan melihat test set (kapan berhenti, learning rate mana, "
                 "model mana yang disimpan) menyesuaikan model dengan test set itu sehingga akurasinya tidak lagi "
                 "mengukur kinerja pada data yang benar-benar baru.",
                 "Because every decision made by looking at the test set (when to stop, which learning rate, "
                 "which model to keep) fits the model to that test set, so its accuracy no longer measures how "
                 "the model does on truly new data."),
        "c": msg("Karena model bisa belajar dari test set jika test set dievaluasi selama training.",
                 "Because the model learns from the test set when it is evaluated during training."),
        "d": msg("Karena test set diambil dari distribusi yang berbeda dengan training set.",
                 "Because the test set comes from a different distribution than the training set."),
    },
    why={
        "a": msg("Satu forward pass atas 10.000 gambar hanya butuh sepersekian detik — jauh lebih murah daripada "
                 "satu epoch training. Alasannya bukan kecepatan.",
                 "One forward pass over 10,000 images takes a fraction of a second — far cheaper than an epoch of "
                 "training. Speed is not the reason."),
        "b": msg("Kebocorannya terjadi lewat kita: early stopping pada akurasi test memilih epoch yang kebetulan "
                 "paling cocok dengan 10.000 gambar itu. Karena itu, kita memilih dengan validation set dan membuka "
                 "test set sekali, di akhir.",
                 "The leak runs through us: early stopping on the test accuracy picks the epoch that happens to suit "
                 "those 10,000 images best. That is why we choose with the validation set and open the test set "
                 "once, at the end."),
        "c": msg("Evaluasi hanya forward pass: tanpa backward, tidak ada weight yang berubah. Model sendiri tidak "
                 "belajar apa pun dari test set — yang belajar adalah kita, saat mengambil keputusan.",
                 "Evaluation is only a forward pass: no backward pass, no weight changes. The model itself learns "
                 "nothing from the test set — we do, when we make decisions."),
        "d": msg("Test set MNIST berasal dari sumber yang serupa dengan training set, dan aturan \"sekali saja\" "
                 "tetap berlaku meskipun distribusinya sama persis.",
                 "MNIST's test set comes from similar writers to the training set, and the use-once rule holds even "
                 "when the distributions are identical."),
    },
    reference="b",
    hints=[msg("Apakah model mengubah weight-nya saat kita hanya mengukur akurasinya? Lalu siapa yang "
               "\"belajar\" dari angka itu?",
               "Does the model change its weights when we only measure its accuracy? Then who \"learns\" from "
               "that number?")],
)

# -- q4: early stopping -------------------------------------------------------------------


def _early_stopping(val_losses, patience):
    best, best_epoch = float("inf"), 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses)


def _zero_based(val_losses, patience):
    best_epoch, stop = _early_stopping(val_losses, patience)
    return best_epoch - 1, stop - 1


def _keeps_last(val_losses, patience):
    _, stop = _early_stopping(val_losses, patience)
    return stop, stop


def _no_patience(val_losses, patience):
    return _early_stopping(val_losses, 1)


def _later_tie(val_losses, patience):
    best, best_epoch = float("inf"), 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss <= best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses)


def _one_late(val_losses, patience):
    return _early_stopping(val_losses, patience + 1)


def _stopping_cases(rng):
    cases = [
        ([0.15, 0.12, 0.09, 0.091, 0.091, 0.077, 0.069, 0.075, 0.072, 0.074, 0.076], 3),   # like the chapter
        ([0.5, 0.4, 0.4, 0.45, 0.5, 0.3], 2),        # a tie, then a stop before the later best
        ([0.9, 0.7, 0.7, 0.7, 0.6], 3),              # ties that delay nothing
        ([1.0, 0.8, 0.6, 0.4], 2),                   # always improving: runs to the end
        ([0.3], 1),                                  # one epoch
        ([3, 2, 2, 5, 1], 2),                        # integers
        ([0.2, 0.3, 0.25, 0.1], 4),                  # patience larger than what is left
    ]
    for _ in range(6):
        n = int(rng.integers(4, 25))
        losses = np.round(0.3 * np.exp(-np.arange(n) / 4) + rng.normal(0, 0.02, n) + 0.05, 3)
        cases.append(([float(v) for v in losses], int(rng.integers(1, 5))))
    return cases


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_stopping_cases, arg_names=("val_losses", "patience"),
    title=msg("Early stopping: kapan berhenti, model mana yang disimpan?",
              "Early stopping: when to stop, which model to keep?"),
    reference=_early_stopping,
    mistakes={
        "zero_based": Mistake(_zero_based, msg(
            "epoch Anda bergeser satu: di bab ini epoch dihitung mulai dari 1 (epoch pertama = 1), seperti "
            "`enumerate(val_losses, start=1)`.",
            "your epochs are off by one: in this chapter epochs count from 1 (the first epoch is 1), as in "
            "`enumerate(val_losses, start=1)`.")),
        "keeps_last": Mistake(_keeps_last, msg(
            "Anda menyimpan model dari epoch terakhir, padahal early stopping menyimpan model dengan validation "
            "loss terendah: yang terakhir justru sudah `patience` epoch tidak membaik.",
            "you keep the model of the last epoch, but early stopping keeps the one with the lowest validation "
            "loss: the last one has not improved for `patience` epochs.")),
        "no_patience": Mistake(_no_patience, msg(
            "Anda berhenti pada epoch pertama yang tidak membaik. Loss validasi naik-turun: tunggulah sampai "
            "`patience` epoch berturut-turut tanpa rekor baru.",
            "you stop at the first epoch that does not improve. The validation loss wobbles: wait until "
            "`patience` epochs in a row bring no new best.")),
        "later_tie": Mistake(_later_tie, msg(
            "nilai yang sama dengan rekor Anda hitung sebagai perbaikan (`<=`). Hanya loss yang lebih kecil "
            "(`<`) yang merupakan rekor baru; nilai yang sama tidak memperpanjang kesabaran.",
            "you count a value equal to the best as an improvement (`<=`). Only a smaller loss (`<`) is a new "
            "best; an equal one does not extend the patience.")),
        "one_late": Mistake(_one_late, msg(
            "Anda berhenti satu epoch terlambat. Berhentilah ketika `epoch - best_epoch >= patience`.",
            "you stop one epoch late. Stop when `epoch - best_epoch >= patience`.")),
    },
    hints=[msg("Simpan dua hal sambil berjalan: loss terbaik sejauh ini dan epoch-nya. Setiap epoch, ada rekor "
               "baru atau tidak; jika tidak, sudah berapa epoch sejak rekor terakhir?",
               "Keep two things as you go: the best loss so far and its epoch. Each epoch is either a new best or "
               "not; if not, how many epochs since the last best?"),
           msg("Jika loop selesai tanpa berhenti, epoch berhentinya adalah `len(val_losses)`.",
               "If the loop ends without stopping, the stop epoch is `len(val_losses)`.")],
    solution=msg(
        "def early_stopping(val_losses, patience):\n"
        "    best, best_epoch = float(\"inf\"), 0\n"
        "    for epoch, loss in enumerate(val_losses, start=1):\n"
        "        if loss < best:                              # rekor baru: simpan model ini\n"
        "            best, best_epoch = loss, epoch\n"
        "        elif epoch - best_epoch >= patience:         # `patience` epoch tanpa rekor: berhenti\n"
        "            return best_epoch, epoch\n"
        "    return best_epoch, len(val_losses)",
        "def early_stopping(val_losses, patience):\n"
        "    best, best_epoch = float(\"inf\"), 0\n"
        "    for epoch, loss in enumerate(val_losses, start=1):\n"
        "        if loss < best:                              # a new best: keep this model\n"
        "            best, best_epoch = loss, epoch\n"
        "        elif epoch - best_epoch >= patience:         # `patience` epochs without a new best: stop\n"
        "            return best_epoch, epoch\n"
        "    return best_epoch, len(val_losses)"),
)
