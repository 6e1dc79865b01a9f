"""Exercises of chapter p2-08 (Part 2 summary)."""
from ._core import ChoiceExercise, FunctionExercise, Mistake, msg

CHAPTER = "p2-08-summary"

q1 = ChoiceExercise(
    CHAPTER, "q1",
    title=msg("Urutan preprocessing yang benar", "The right order of preprocessing"),
    options={
        "a": msg("Standardisasi seluruh data, lalu bagi menjadi training dan test.",
                 "Standardise all the data, then split it into training and test."),
        "b": msg("Bagi dulu; standardisasi training set dengan statistiknya sendiri dan test set dengan "
                 "statistiknya sendiri.",
                 "Split first; standardise the training set with its own statistics and the test set with its "
                 "own."),
        "c": msg("Bagi dulu; hitung mean dan std dari training set, lalu pakai angka yang sama untuk training, "
                 "validasi, test, dan setiap data baru.",
                 "Split first; compute mean and std on the training set, then apply the same numbers to the "
                 "training, validation and test data and to every new sample."),
        "d": msg("Bagi dulu; standardisasi training set saja, dan beri test set apa adanya.",
                 "Split first; standardise the training set only and feed the test set as it is."),
    },
    why={
        "a": msg("Itulah data leakage: mean dan std ikut dihitung dari data test, jadi hasil test terlalu "
                 "optimistis (di Iris kebetulan tidak terlihat, di data lain bisa).",
                 "That is data leakage: the mean and std are partly computed from the test data, so the test "
                 "result is optimistic (invisible on Iris by luck, not on other data)."),
        "b": msg("Setiap bagian diukur dengan penggaris yang berbeda, dan satu bunga baru tidak punya "
                 "statistiknya sendiri. Pergeseran yang nyata di test set pun ikut terhapus.",
                 "Each part is measured with a different ruler, and a single new flower has no statistics of its "
                 "own. A real shift in the test set gets erased as well."),
        "c": msg("Statistik adalah bagian dari model: dihitung sekali dari data training, lalu dipakai apa "
                 "adanya untuk semua data lain — seperti `standardize(X_test, mean, std)` di bab Iris.",
                 "The statistics are part of the model: computed once from the training data, then used as they "
                 "are on all other data — like `standardize(X_test, mean, std)` in the Iris chapter."),
        "d": msg("Jaringan dilatih pada fitur dengan mean 0 dan std 1, lalu diuji pada ukuran mentah dalam cm: "
                 "skalanya tidak cocok, dan prediksinya tidak berarti.",
                 "The network is trained on features with mean 0 and std 1, then tested on raw measurements in cm: "
                 "the scales don't match and the predictions mean nothing."),
    },
    reference="c",
    hints=[msg("Bayangkan model sudah dipakai sungguhan dan satu bunga baru datang. Statistik apa yang Anda "
               "punya untuk menskalakannya?",
               "Imagine the model in real use and one new flower arrives. Which statistics do you have to scale "
               "it with?")],
)


def _count_params(layer_sizes):
    sizes = list(layer_sizes)
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def _params_cases(rng):
    cases = [([784, 128, 64, 10],), ([4, 16, 8, 3],), ([2, 1],), ((3, 5, 2),)]
    for _ in range(6):
        n = int(rng.integers(2, 7))
        cases.append(([int(v) for v in rng.integers(1, 300, size=n)],))
    return cases


q2 = FunctionExercise(
    CHAPTER, "q2", cases=_params_cases, arg_names=("layer_sizes",),
    title=msg("Menghitung parameter jaringan", "Counting a network's parameters"),
    reference=_count_params,
    mistakes={
        "no_biases": Mistake(lambda s: sum(a * b for a, b in zip(list(s)[:-1], list(s)[1:])), msg(
            "Anda hanya menghitung weight. Setiap layer juga punya satu bias per unit: tambahkan n_out untuk "
            "setiap layer.",
            "you count only the weights. Every layer also has one bias per unit: add n_out for each layer.")),
        "input_biases": Mistake(lambda s: sum(a * b for a, b in zip(list(s)[:-1], list(s)[1:])) + sum(s), msg(
            "Anda juga memberi bias pada input layer. Input hanyalah data; bias hanya ada di layer yang "
            "menghitung sesuatu (hidden dan output): jumlahkan n_out, bukan semua ukuran.",
            "you also give the input layer biases. The input is just data; only the layers that compute "
            "(hidden and output) have biases: add n_out, not every size.")),
        "bias_per_input": Mistake(lambda s: sum(a * b + a for a, b in zip(list(s)[:-1], list(s)[1:])), msg(
            "bias Anda berukuran n_in. Bias b_l berbentuk (1, n_out): satu per unit di layer itu sendiri.",
            "your biases have n_in entries. The bias b_l has shape (1, n_out): one per unit of the layer "
            "itself.")),
        "units": Mistake(lambda s: sum(list(s)[1:]), msg(
            "itu banyaknya unit (neuron) di luar input, bukan banyaknya parameter. Setiap unit punya n_in "
            "weight dan 1 bias.",
            "that is the number of units (neurons) outside the input, not the number of parameters. Every unit "
            "has n_in weights and 1 bias.")),
    },
    hints=[msg("Layer dari n_in ke n_out punya matriks W berukuran (n_in, n_out) dan bias b berukuran (1, n_out).",
               "A layer from n_in to n_out has a weight matrix W of shape (n_in, n_out) and a bias b of shape (1, n_out)."),
           msg("`zip(layer_sizes[:-1], layer_sizes[1:])` memberi pasangan (n_in, n_out) untuk setiap layer. "
               "Untuk [784, 128, 64, 10] hasilnya 109.386.",
               "`zip(layer_sizes[:-1], layer_sizes[1:])` gives the (n_in, n_out) pair of every layer. For "
               "[784, 128, 64, 10] the answer is 109,386.")],
    solution=msg(
        "def count_params(layer_sizes):\n"
        "    sizes = list(layer_sizes)\n"
        "    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))   # W dan b",
        "def count_params(layer_sizes):\n"
        "    sizes = list(layer_sizes)\n"
        "    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))   # W and b"),
)
