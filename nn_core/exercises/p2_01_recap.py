"""Exercises of chapter p2-01 (Recap of Part 1, and what Part 2 adds)."""
import numbers

import numpy as np

from ._core import ChoiceExercise, Feedback, FunctionExercise, Mistake, ValueExercise, msg, tr_in

CHAPTER = "p2-01-recap"

# -- q1: predict a sum of sigmoids ------------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Tebak: jumlah tiga sigmoid", "Predict: the sum of three sigmoids"),
    reference=1.5,
    mistakes={
        "softmax": Mistake(1.0, msg(
            "1 adalah jumlah baris softmax. Tiga sigmoid dihitung sendiri-sendiri: σ(0) = 0,5 untuk "
            "masing-masing.",
            "1 is the row sum of a softmax. Three sigmoids are computed separately: σ(0) = 0.5 each.")),
        "sigma_one": Mistake(3.0, msg(
            "σ(0) bukan 1: σ(0) = 1 / (1 + e⁰) = 1/2.", "σ(0) is not 1: σ(0) = 1 / (1 + e⁰) = 1/2.")),
        "sigma_zero": Mistake(0.0, msg(
            "σ(0) bukan 0 (itu ReLU(0)): σ(0) = 1 / (1 + e⁰) = 1/2.",
            "σ(0) is not 0 (that is ReLU(0)): σ(0) = 1 / (1 + e⁰) = 1/2.")),
    },
    hints=[msg("Berapa σ(0)? Ingat σ(z) = 1 / (1 + e^(−z)) dan e⁰ = 1.",
               "What is σ(0)? Remember σ(z) = 1 / (1 + e^(−z)) and e⁰ = 1.")],
    solution=msg("answer = 1.5   # σ(0) = 0,5 untuk setiap output: 0,5 + 0,5 + 0,5\n"
                 "# Cek: sigmoid(np.zeros(3)).sum()  → 1.5",
                 "answer = 1.5   # σ(0) = 0.5 for every output: 0.5 + 0.5 + 0.5\n"
                 "# Check: sigmoid(np.zeros(3)).sum()  → 1.5"),
)

# -- q2: ten classes ----------------------------------------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Satu probabilitas untuk setiap angka", "One probability per digit"),
    options={
        "a": msg("Menambah neuron di hidden layer.", "Add neurons to the hidden layer."),
        "b": msg("Mengganti 10 sigmoid di output dengan satu softmax atas 10 skor.",
                 "Replace the 10 output sigmoids by one softmax over the 10 scores."),
        "c": msg("Membulatkan setiap output sigmoid menjadi 0 atau 1.", "Round every sigmoid output to 0 or 1."),
        "d": msg("Membagi setiap output sigmoid dengan 10.", "Divide every sigmoid output by 10."),
    },
    why={
        "a": msg("Ukuran hidden layer tidak mengubah apa yang dihitung output layer: tetap 10 angka yang "
                 "saling bebas, dan jumlahnya bisa berapa saja.",
                 "The size of the hidden layer does not change what the output layer computes: still 10 "
                 "independent numbers whose sum can be anything."),
        "b": msg("Softmax mengikat kesepuluh skor: setiap output positif dan jumlahnya tepat 1, jadi "
                 "hasilnya distribusi probabilitas atas 10 kelas.",
                 "Softmax ties the ten scores together: every output is positive and they sum to exactly 1, "
                 "so the result is a probability distribution over the 10 classes."),
        "c": msg("Pembulatan bisa menghasilkan beberapa angka 1 sekaligus atau tidak satu pun; hasilnya "
                 "bukan probabilitas dan tidak selalu memberi satu jawaban.",
                 "Rounding can give several 1s at once, or none; the result is not a probability and does "
                 "not always give one answer."),
        "d": msg("Jumlah 10 sigmoid bisa bernilai antara 0 dan 10, jadi setelah dibagi 10 jumlahnya "
                 "antara 0 dan 1, tetapi belum tentu 1.",
                 "The sum of 10 sigmoids can be anything between 0 and 10, so after dividing by 10 it lies "
                 "between 0 and 1, but is not necessarily 1."),
    },
    reference="b",
    hints=[msg("Sebuah distribusi probabilitas atas 10 kelas: setiap angka ≥ 0, dan jumlahnya harus tepat 1 "
               "untuk setiap gambar.",
               "A probability distribution over 10 classes: every number ≥ 0, and they must sum to exactly 1 "
               "for every image.")],
)

# -- q3: raw pixels ------------------------------------------------------------------------------

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Piksel mentah 0–255", "Raw pixels 0–255"),
    options={
        "a": msg("Tidak ada masalah: weight-nya akan menyesuaikan diri selama training.",
                 "No problem: the weights adjust during training."),
        "b": msg("Nilai z di hidden layer menjadi sangat besar, hampir semua sigmoid jenuh di 0 atau 1, "
                 "dan turunannya σ′ ≈ 0 sehingga neuron-neuron itu hampir tidak belajar.",
                 "The hidden layer's z values become huge, almost every sigmoid saturates at 0 or 1, and "
                 "its derivative σ′ ≈ 0, so those neurons hardly learn."),
        "c": msg("NumPy berhenti dengan error overflow.", "NumPy stops with an overflow error."),
        "d": msg("Jaringan belajar lebih cepat karena sinyalnya lebih kuat.",
                 "The network learns faster because the signal is stronger."),
    },
    why={
        "a": msg("Weight awal sudah membuat z sangat besar sejak langkah pertama; neuron yang jenuh hampir "
                 "tidak menerima gradient, jadi justru tidak bisa menyesuaikan diri.",
                 "The initial weights make z huge from the first step; saturated neurons receive almost no "
                 "gradient, so they cannot adjust."),
        "b": msg("Di bab ini, dengan piksel mentah 97% neuron hidden punya σ′ < 0,01; setelah dibagi 255, "
                 "tidak ada satu pun.",
                 "In this chapter, with raw pixels 97% of the hidden neurons have σ′ < 0.01; after dividing "
                 "by 255, none do."),
        "c": msg("sigmoid dari nn_core stabil untuk z berapa pun (σ(±1000) memberi 0 dan 1 tanpa error). "
                 "Masalahnya bukan error, melainkan training yang diam-diam macet.",
                 "nn_core's sigmoid is stable for any z (σ(±1000) gives 0 and 1 without an error). The "
                 "problem is not an error but training that silently stalls."),
        "d": msg("Sinyal yang terlalu besar mendorong sigmoid ke bagian yang datar, tempat turunannya hampir "
                 "0: belajarnya melambat, bukan makin cepat.",
                 "A signal that is too large pushes the sigmoid onto its flat parts, where its derivative is "
                 "almost 0: learning slows down instead of speeding up."),
    },
    reference="b",
    hints=[msg("Berapa σ′(z) untuk z = 100? Lihat bentuk sigmoid di kedua ujungnya.",
               "What is σ′(z) for z = 100? Look at the shape of the sigmoid at both ends.")],
)

# -- q4: count the parameters of any architecture ------------------------------------------------


def _count(layer_sizes):
    sizes = [int(n) for n in layer_sizes]
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def _cases(rng):
    cases = [([784, 128, 64, 10],), ([2, 4, 1],), ([4, 16, 8, 3],), ([5, 3],)]
    for n_layers in (3, 4, 6):
        cases.append(([int(n) for n in rng.integers(1, 300, n_layers)],))
    cases.append((tuple(int(n) for n in rng.integers(1, 50, 4)),))          # a tuple works too
    cases.append((np.array(rng.integers(1, 50, 3)),))                       # and a NumPy array
    return cases


class CountExercise(FunctionExercise):
    """The answer must be a whole number, exactly."""

    def grade(self, answer):
        ok, message = super().grade(answer)
        if ok:
            got = answer([2, 4, 1])
            if not isinstance(got, (numbers.Integral, np.integer)) and not float(got).is_integer():
                raise Feedback({lang: tr_in(lang, "ex.wrong_type",
                                            expected={"id": "sebuah bilangan bulat", "en": "a whole number"}[lang],
                                            got=repr(got)) for lang in ("id", "en")})
        return ok, message


q4 = CountExercise(
    CHAPTER, "q4", cases=_cases, arg_names=("layer_sizes",), rtol=0, atol=0.5,
    title=msg("Hitung parameter dari daftar ukuran layer", "Count the parameters from a list of layer sizes"),
    reference=_count,
    mistakes={
        "no_bias": Mistake(lambda s: sum(int(a) * int(b) for a, b in zip(s[:-1], s[1:])), msg(
            "Anda hanya menghitung weight. Setiap layer setelah input juga punya satu bias per neuron: "
            "tambahkan n_l untuk setiap layer l ≥ 1.",
            "you count only the weights. Every layer after the input also has one bias per neuron: add n_l "
            "for every layer l ≥ 1.")),
        "input_bias": Mistake(lambda s: _count(s) + int(s[0]), msg(
            "Anda memberi bias juga pada input layer. Input hanyalah data; bias ada di layer 1 sampai L.",
            "you also gave the input layer biases. Inputs are just data; biases live in layers 1 to L.")),
        "neurons": Mistake(lambda s: sum(int(n) for n in s), msg(
            "itu jumlah neuron, bukan jumlah parameter. Antara dua layer ada n_{l−1} · n_l weight.",
            "that is the number of neurons, not of parameters. Between two layers there are n_{l−1} · n_l "
            "weights.")),
        "skip_last": Mistake(lambda s: _count(list(s)[:-1]), msg(
            "layer terakhir (output) tidak terhitung: loop Anda berhenti satu langkah terlalu cepat. "
            "Pasangan layer yang bersebelahan adalah zip(sizes[:-1], sizes[1:]).",
            "the last (output) layer is missing: your loop stops one step too early. The pairs of "
            "neighbouring layers are zip(sizes[:-1], sizes[1:]).")),
    },
    hints=[msg("Untuk setiap pasang layer yang bersebelahan (n_in, n_out) ada W berukuran n_in · n_out dan "
               "b berukuran n_out.",
               "For every pair of neighbouring layers (n_in, n_out) there is a W of size n_in · n_out and a "
               "b of size n_out."),
           msg("`zip(layer_sizes[:-1], layer_sizes[1:])` memberi pasangan-pasangan itu.",
               "`zip(layer_sizes[:-1], layer_sizes[1:])` gives those pairs.")],
    solution=msg(
        "def count_params(layer_sizes):\n"
        "    pairs = zip(layer_sizes[:-1], layer_sizes[1:])\n"
        "    return sum(n_in * n_out + n_out for n_in, n_out in pairs)   # W dan b setiap layer",
        "def count_params(layer_sizes):\n"
        "    pairs = zip(layer_sizes[:-1], layer_sizes[1:])\n"
        "    return sum(n_in * n_out + n_out for n_in, n_out in pairs)   # W and b of every layer"),
)
