"""Exercises of chapter p1-07 (Your First Neural Network)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p1-07-first-neural-network"

# -- q1: the output shape of a forward pass ------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Shape output forward pass", "The shape of a forward pass's output"),
    reference=(10, 2),
    mistakes={
        "transposed": Mistake((2, 10), msg(
            "itu ditranspos. Dalam buku ini setiap baris adalah satu sampel, jadi output-nya "
            "berbentuk (jumlah sampel, output_size).",
            "that is transposed. In this book every row is one sample, so the output has shape "
            "(number of samples, output_size).")),
        "hidden": Mistake((10, 5), msg(
            "(10, 5) adalah shape `a1`, aktivasi hidden layer. `forward` mengembalikan `a2`, yaitu "
            "output layer dengan 2 neuron.",
            "(10, 5) is the shape of `a1`, the hidden layer's activations. `forward` returns `a2`, the "
            "output layer with 2 neurons.")),
        "weights": Mistake((5, 2), msg(
            "(5, 2) adalah shape `W2`, bukan shape output. Output berisi satu baris untuk setiap "
            "sampel input.",
            "(5, 2) is the shape of `W2`, not of the output. The output has one row per input sample.")),
    },
    hints=[msg("X berbentuk (10, 3). Ikuti shape-nya: X @ W1 → (10, 5), lalu a1 @ W2 → ?",
               "X has shape (10, 3). Follow the shapes: X @ W1 → (10, 5), then a1 @ W2 → ?")],
    solution=msg("answer = (10, 2)   # (10, 3) @ (3, 5) → (10, 5);  (10, 5) @ (5, 2) → (10, 2)",
                 "answer = (10, 2)   # (10, 3) @ (3, 5) → (10, 5);  (10, 5) @ (5, 2) → (10, 2)"),
)

# -- q2: training accuracy is not the whole story ------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Angka mana yang mengukur data baru?", "Which number measures new data?"),
    options={
        "a": msg("Akurasi training: 100% pada 200 titik yang dipakai untuk melatih.",
                 "The training accuracy: 100% on the 200 points used for training."),
        "b": msg("Akurasi pada titik-titik baru yang tidak pernah dipakai untuk melatih (test set).",
                 "The accuracy on new points that were never used for training (a test set)."),
        "c": msg("Loss terakhir training: makin kecil, makin baik untuk data baru.",
                 "The final training loss: the smaller it is, the better on new data."),
    },
    why={
        "a": msg("Model sudah menyesuaikan diri dengan titik-titik itu, jadi angkanya bisa terlalu optimistis. "
                 "Model yang sekadar menghafal 200 titik pun bisa mendapat 100% di sana.",
                 "The model has adapted to those very points, so the number can be too optimistic. A model "
                 "that merely memorised the 200 points could score 100% on them too."),
        "b": msg("Hanya titik yang belum pernah dilihat model yang bisa menunjukkan apakah pola yang "
                 "dipelajari juga berlaku di luar data training-nya.",
                 "Only points the model has never seen can show whether the pattern it learned also holds "
                 "beyond its training data."),
        "c": msg("Loss training juga dihitung pada titik-titik training, jadi ia punya kelemahan yang sama "
                 "dengan akurasi training: ia tidak melihat data baru sama sekali.",
                 "The training loss is computed on the training points too, so it has the same weakness as "
                 "the training accuracy: it never looks at new data."),
    },
    reference="b",
    hints=[msg("Angka mana yang dihitung pada data yang tidak pernah dipakai untuk melatih?",
               "Which number is computed on data that was never used for training?")],
)

# -- q3: accuracy in percent ---------------------------------------------------------------


def _accuracy(pred, y):
    return float(np.mean((np.asarray(pred) > 0.5) == np.asarray(y)) * 100)


def _accuracy_cases(rng):
    cases = []
    for m in (8, 1, 25):
        y = rng.integers(0, 2, (m, 1))
        cases.append((rng.uniform(0, 1, (m, 1)), y.astype(float)))
    cases.append((np.array([[0.5], [0.51], [0.49], [0.9]]), np.array([[0], [1], [0], [1]])))  # 0.5 means class 0
    cases.append((np.array([[0.2], [0.7], [0.6]]), np.array([[0], [1], [1]])))  # all right: 100%
    return cases


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_accuracy_cases, arg_names=("pred", "y"),
    title=msg("Akurasi dalam persen", "Accuracy in percent"),
    reference=_accuracy,
    mistakes={
        "fraction": Mistake(lambda pred, y: float(np.mean((np.asarray(pred) > 0.5) == np.asarray(y))), msg(
            "hasil Anda 100 kali terlalu kecil: itu pecahan (0–1). Kalikan dengan 100 untuk persen.",
            "your result is 100 times too small: that is a fraction (0–1). Multiply by 100 for percent.")),
        "broadcast": Mistake(lambda pred, y: float(np.mean((np.asarray(pred) > 0.5) == np.asarray(y).ravel()) * 100),
                             msg("`y.ravel()` berbentuk (m,) sedangkan `pred > 0.5` berbentuk (m, 1): "
                                 "membandingkan keduanya menghasilkan tabel (m, m) yang membandingkan setiap "
                                 "prediksi dengan setiap label. Biarkan keduanya berbentuk (m, 1).",
                                 "`y.ravel()` has shape (m,) while `pred > 0.5` has shape (m, 1): comparing "
                                 "them broadcasts to an (m, m) table that compares every prediction with "
                                 "every label. Keep both as (m, 1).")),
        "threshold_zero": Mistake(lambda pred, y: float(np.mean((np.asarray(pred) > 0) == np.asarray(y)) * 100), msg(
            "output sigmoid selalu lebih besar dari 0, jadi `pred > 0` menganggap semuanya kelas 1. "
            "Ambang batasnya 0,5.",
            "a sigmoid output is always above 0, so `pred > 0` calls everything class 1. The threshold is 0.5.")),
        "no_threshold": Mistake(lambda pred, y: float(np.mean(np.asarray(pred) == np.asarray(y)) * 100), msg(
            "probabilitas seperti 0,93 tidak pernah persis sama dengan label 1. Ubah dulu menjadi kelas "
            "dengan `pred > 0.5`, baru bandingkan dengan `y`.",
            "a probability such as 0.93 is never exactly equal to the label 1. Turn it into a class with "
            "`pred > 0.5` first, then compare with `y`.")),
    },
    hints=[msg("Prediksi kelas = `pred > 0.5` (True/False). Bandingkan dengan `y`, lalu rata-rata dari "
               "True/False adalah bagian yang benar.",
               "The predicted class is `pred > 0.5` (True/False). Compare it with `y`; the mean of "
               "True/False is the fraction that is right."),
           msg("Perhatikan shape-nya: `pred` dan `y` sama-sama (m, 1). Jangan `ravel` salah satunya saja.",
               "Mind the shapes: `pred` and `y` are both (m, 1). Don't `ravel` only one of them.")],
    solution=msg("def accuracy(pred, y):\n    return np.mean((pred > 0.5) == y) * 100",
                 "def accuracy(pred, y):\n    return np.mean((pred > 0.5) == y) * 100"),
)

# -- q4: the plateau -----------------------------------------------------------------------

q4 = ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Terjebak di loss 0,125", "Stuck at a loss of 0.125"),
    options={
        "a": msg("Jaringan berada di local minimum: setiap perubahan kecil weight menaikkan loss, jadi gradient "
                 "descent tidak akan pernah bisa keluar.",
                 "The network sits in a local minimum: every small change of the weights raises the loss, so "
                 "gradient descent can never leave."),
        "b": msg("Jaringan berada di plateau: gradient-nya hampir nol, loss-nya merayap turun ke 0,125 sambil "
                 "weight-nya terus membesar. Weight awal lain (seed=1) atau lebih banyak neuron hidden "
                 "menghindarinya.",
                 "The network is on a plateau: the gradient is almost zero, and the loss creeps down toward "
                 "0.125 while the weights keep growing. Other starting weights (seed=1) or more hidden "
                 "neurons avoid it."),
        "c": msg("Dua neuron hidden memang tidak cukup untuk XOR.",
                 "Two hidden neurons are simply not enough for XOR."),
        "d": msg("Learning rate 2,0 terlalu besar, jadi training-nya divergen.",
                 "The learning rate 2.0 is too large, so training diverged."),
    },
    why={
        "a": msg("Loss-nya justru masih turun (0,12738 → 0,12604 → 0,12566), hanya sangat lambat. Untuk jaringan "
                 "XOR 2-2-1 telah dibuktikan bahwa tidak ada local minimum sejati: dari setiap titik dengan weight "
                 "berhingga ada jalur yang loss-nya terus turun sampai 0.",
                 "Its loss is in fact still going down (0.12738 → 0.12604 → 0.12566), only very slowly. For "
                 "the 2-2-1 XOR network it has been proven that there is no strict local minimum: from every point "
                 "with finite weights a path leads strictly downhill to a loss of 0."),
        "b": msg("Neuron hidden yang jenuh memetakan (0, 1) dan (1, 1) ke titik yang sama, jadi keduanya mendapat "
                 "output ≈ 0,5; itulah asal 0,125 = (0,5² + 0,5²)/4. Permukaan loss di sana hampir datar, jadi "
                 "setiap langkah hanya sedikit mengubah keadaan.",
                 "Saturated hidden neurons map (0, 1) and (1, 1) to the same point, so both get an output of "
                 "≈ 0.5, which is where 0.125 = (0.5² + 0.5²)/4 comes from. The loss surface is almost flat there, "
                 "so each step changes very little."),
        "c": msg("Jaringan yang sama persis dengan seed=1 memecahkan XOR (loss 0,00057, 4/4 benar).",
                 "The very same network with seed=1 solves XOR (loss 0.00057, 4/4 right)."),
        "d": msg("Training yang divergen membuat loss-nya naik atau menjadi NaN. Di sini loss-nya turun dengan "
                 "mulus, dan dengan lr = 0,5 jaringan ini juga terjebak di sekitar 0,125.",
                 "A diverging run makes the loss grow or turn into NaN. Here the loss decreases smoothly, and "
                 "with lr = 0.5 this network gets stuck near 0.125 as well."),
    },
    reference="b",
    hints=[msg("Lihat loss pada epoch 1000, 2000, dan 3000 di subbab eksperimen: apakah ia benar-benar berhenti?",
               "Look at the loss at epochs 1000, 2000 and 3000 in the experiment section: has it really stopped?")],
)
