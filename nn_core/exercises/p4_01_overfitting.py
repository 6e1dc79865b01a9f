"""Exercises of chapter p4-01 (Overfitting, seen)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p4-01-overfitting"


# -- q1: read a history: the best epoch and the gap -----------------------------------------------------
def _report(train_acc, val_acc, val_loss):
    best = int(np.argmin(val_loss)) + 1
    return best, float(train_acc[-1] - val_acc[-1])


def _histories(rng):
    cases = []
    for n in (5, 12, 30, 50):
        epochs = np.arange(1, n + 1)
        turn = int(rng.integers(2, n)) if n > 2 else 1
        val_loss = 0.3 + 0.02 * (epochs - turn) ** 2 / n + rng.uniform(0, 0.001, n)
        train_acc = np.minimum(100.0, 80 + 20 * epochs / n + rng.uniform(0, 1, n))
        val_acc = 80 + 8 * epochs / n + rng.uniform(0, 1, n)
        cases.append((train_acc.round(2).tolist(), val_acc.round(2).tolist(), val_loss.tolist()))
    cases.append(([90.0, 95.0, 99.0], [88.0, 87.5, 87.0], [0.40, 0.45, 0.50]))     # best at epoch 1
    cases.append(([90.0, 99.0], [80.0, 85.0], [0.6, 0.5]))                          # best at the last epoch
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_histories, arg_names=("train_acc", "val_acc", "val_loss"),
    title=msg("Epoch terbaik dan gap-nya", "The best epoch and the gap"),
    reference=_report,
    mistakes={
        "zero_based": Mistake(lambda ta, va, vl: (int(np.argmin(vl)), float(ta[-1] - va[-1])), msg(
            "epoch Anda kurang satu: np.argmin memberi indeks yang mulai dari 0, sedangkan epoch dihitung mulai "
            "dari 1. Tambahkan 1.",
            "your epoch is one too small: np.argmin gives an index that starts at 0, while epochs are counted "
            "from 1. Add 1.")),
        "argmax": Mistake(lambda ta, va, vl: (int(np.argmax(vl)) + 1, float(ta[-1] - va[-1])), msg(
            "Anda memilih epoch dengan loss validasi tertinggi. Model terbaik punya loss validasi terendah: "
            "np.argmin.",
            "you picked the epoch with the highest validation loss. The best model has the lowest validation "
            "loss: np.argmin.")),
        "sign": Mistake(lambda ta, va, vl: (int(np.argmin(vl)) + 1, float(va[-1] - ta[-1])), msg(
            "gap Anda bertanda terbalik: gap = akurasi training − akurasi validasi (positif saat overfitting).",
            "your gap has the wrong sign: gap = training accuracy − validation accuracy (positive when the "
            "model overfits).")),
        "gap_at_best": Mistake(lambda ta, va, vl: (int(np.argmin(vl)) + 1,
                                                   float(ta[int(np.argmin(vl))] - va[int(np.argmin(vl))])), msg(
            "itu gap pada epoch terbaik. Soalnya meminta gap di akhir training (epoch terakhir): ta[-1] − va[-1].",
            "that is the gap at the best epoch. The question asks for the gap at the end of training (the last "
            "epoch): ta[-1] − va[-1].")),
    },
    hints=[msg("Epoch terbaik: indeks loss validasi terkecil (np.argmin), ditambah 1.",
               "The best epoch: the index of the smallest validation loss (np.argmin), plus 1."),
           msg("Gap: train_acc[-1] - val_acc[-1].", "The gap: train_acc[-1] - val_acc[-1].")],
    solution=msg(
        "def report(train_acc, val_acc, val_loss):\n"
        "    best_epoch = int(np.argmin(val_loss)) + 1          # epoch dihitung mulai dari 1\n"
        "    gap = train_acc[-1] - val_acc[-1]                  # di akhir training\n"
        "    return best_epoch, gap",
        "def report(train_acc, val_acc, val_loss):\n"
        "    best_epoch = int(np.argmin(val_loss)) + 1          # epochs count from 1\n"
        "    gap = train_acc[-1] - val_acc[-1]                  # at the end of training\n"
        "    return best_epoch, gap"),
)


# -- q2: why does the validation loss rise while the accuracy stays? -------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Loss naik, akurasi tetap", "The loss rises, the accuracy stays"),
    options={
        "a": msg("Ada bug: loss validasi dihitung dengan label yang salah.",
                 "A bug: the validation loss is computed with the wrong labels."),
        "b": msg("Model makin yakin pada semua prediksinya, termasuk yang salah; satu prediksi salah yang sangat "
                 "yakin menambah loss besar, padahal akurasi hanya menghitung benar atau salah.",
                 "The model becomes ever more confident about all its predictions, the wrong ones included; one "
                 "confidently wrong prediction adds a large loss, while accuracy only counts right or wrong."),
        "c": msg("Learning rate terlalu besar sehingga training meledak.",
                 "The learning rate is too large, so training blows up."),
        "d": msg("Gambar validasi berasal dari distribusi yang berbeda dengan gambar training.",
                 "The validation images come from a different distribution than the training images."),
    },
    why={
        "a": msg("Labelnya benar: akurasi validasi yang dihitung dari label yang sama tetap sekitar 91%.",
                 "The labels are right: the validation accuracy computed from the same labels stays at about 91%."),
        "b": msg("Cross-entropy menghukum −log p: p = 0,001 untuk kelas yang benar memberi loss 6,9. Akurasi tidak "
                 "melihat keyakinan sama sekali.",
                 "Cross-entropy charges −log p: p = 0.001 for the true class costs 6.9. Accuracy does not see "
                 "confidence at all."),
        "c": msg("Loss training terus turun mendekati 0 — training tidak meledak.",
                 "The training loss keeps falling towards 0 — training does not blow up."),
        "d": msg("Kedua set diambil dari training set MNIST yang sama; perbedaannya hanya: model melihat yang satu, "
                 "tidak melihat yang lain.",
                 "Both sets come from the same MNIST training set; the only difference is that the model sees one "
                 "and not the other."),
    },
    reference="b",
    hints=[msg("Loss melihat probabilitas kelas yang benar; akurasi hanya melihat argmax.",
               "The loss looks at the probability of the true class; accuracy only looks at the argmax.")],
)


# -- q3: which data chooses the number of epochs? -------------------------------------------------------
q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Data mana yang memilih jumlah epoch?", "Which data chooses the number of epochs?"),
    options={
        "a": msg("Test set: ia paling jujur.", "The test set: it is the most honest."),
        "b": msg("Validation set yang dipisahkan dari data training, tidak pernah dipakai untuk update.",
                 "A validation set split off the training data, never used for an update."),
        "c": msg("Training set: pilih epoch dengan loss training terendah.",
                 "The training set: pick the epoch with the lowest training loss."),
        "d": msg("Gabungan training set dan test set.", "The training and test sets together."),
    },
    why={
        "a": msg("Begitu test set dipakai untuk memilih, ia ikut menentukan model, dan angkanya tidak lagi jujur: "
                 "test set dipakai sekali, di akhir.",
                 "Once the test set helps choose, it has shaped the model and its number is no longer honest: the "
                 "test set is used once, at the end."),
        "b": msg("Validation set belum pernah dilihat oleh update, jadi ia mengukur generalisasi; test set tetap "
                 "tersimpan untuk pengukuran akhir.",
                 "The updates have never seen the validation set, so it measures generalisation; the test set "
                 "stays untouched for the final measurement."),
        "c": msg("Loss training terus turun sampai model hafal data: ia selalu memilih epoch terakhir.",
                 "The training loss keeps falling until the model knows the data by heart: it always picks the "
                 "last epoch."),
        "d": msg("Ini mencampur kedua masalah: data yang sudah dilihat model dan test set yang seharusnya tersimpan.",
                 "That mixes both problems: data the model has already seen and a test set that should stay "
                 "untouched."),
    },
    reference="b",
    hints=[msg("Angka mana yang masih jujur setelah Anda memakainya untuk memilih?",
               "Which number is still honest after you have used it to choose?")],
)
