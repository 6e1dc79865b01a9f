"""Exercises of chapter p1-01 (What is a neural network?)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

def _as_list(ex):
    """Show a choice exercise's solution as a markdown list, one option per line (the default is
    plain lines, which markdown would run together into one paragraph)."""
    ex._solution = {lang: "\n".join("- " + line for line in text.splitlines())
                    for lang, text in ex._solution.items()}
    return ex


CHAPTER = "p1-01-neural-network"

# -- q1: predict a weighted sum --------------------------------------------------------------
_SCORES = np.array([6.0, 9.0, 7.0])
_WEIGHTS = np.array([0.5, 0.3, 0.2])

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Skor juri kedua", "The second judge's score"),
    reference=float(_SCORES @ _WEIGHTS),   # 6·0.5 + 9·0.3 + 7·0.2 = 7.1
    mistakes={
        "plain_mean": Mistake(float(_SCORES.mean()), msg(
            "itu rata-rata biasa (6 + 9 + 7)/3, seolah ketiga aspek sama penting. Kalikan dulu setiap "
            "nilai dengan weight-nya, baru jumlahkan.",
            "that is the plain mean (6 + 9 + 7)/3, as if all three aspects mattered equally. Multiply "
            "each score by its weight first, then add.")),
        "plain_sum": Mistake(float(_SCORES.sum()), msg(
            "itu jumlah nilai tanpa weight. Setiap nilai harus dikalikan dengan weight-nya sebelum dijumlahkan.",
            "that is the sum of the scores without their weights. Multiply each score by its weight before adding.")),
        "reversed": Mistake(float(_SCORES @ _WEIGHTS[::-1]), msg(
            "pasangannya tertukar: rasa (6) berpasangan dengan 0,5, tampilan (9) dengan 0,3, aroma (7) dengan 0,2. "
            "`@` memasangkan elemen pada posisi yang sama.",
            "the pairs are mixed up: taste (6) goes with 0.5, appearance (9) with 0.3, aroma (7) with 0.2. "
            "`@` pairs the elements at the same position.")),
    },
    hints=[msg("Kalikan setiap nilai dengan weight pada posisi yang sama, lalu jumlahkan ketiga hasilnya.",
               "Multiply each score by the weight at the same position, then add the three products."),
           msg("6 · 0,5 = 3,0. Tinggal dua perkalian lagi.", "6 · 0.5 = 3.0. Two more products to go.")],
    solution=msg("answer = 7.1   # 6·0,5 + 9·0,3 + 7·0,2 = 3,0 + 2,7 + 1,4",
                 "answer = 7.1   # 6·0.5 + 9·0.3 + 7·0.2 = 3.0 + 2.7 + 1.4"),
)

# -- q2: what training changes ----------------------------------------------------------------
q2 = _as_list(ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Apa yang berubah saat training?", "What changes during training?"),
    options={
        "a": msg("Jumlah layer dan jumlah neuron di tiap layer.", "The number of layers and of neurons in each layer."),
        "b": msg("Weight dan bias.", "The weights and biases."),
        "c": msg("Data input-nya.", "The input data."),
        "d": msg("Rumus jumlah berbobot di setiap neuron.", "The weighted-sum formula inside each neuron."),
    },
    why={
        "a": msg("Arsitektur seperti `[3, 4, 4, 1]` dipilih sebelum training dan tetap sama; training hanya "
                 "mengubah angka-angka di dalamnya.",
                 "An architecture such as `[3, 4, 4, 1]` is chosen before training and stays fixed; training "
                 "only adjusts the numbers inside it."),
        "b": msg("Itulah parameter jaringan — 41 angka untuk jaringan `[3, 4, 4, 1]` di bab ini. Training "
                 "menyesuaikannya sedikit demi sedikit sampai prediksinya akurat, seperti juri yang menyesuaikan "
                 "bobot penilaiannya.",
                 "Those are the network's parameters — 41 numbers for the `[3, 4, 4, 1]` network of this "
                 "chapter. Training adjusts them bit by bit until the predictions are accurate, like the judge "
                 "adjusting the weights of the scoring."),
        "c": msg("Data adalah bahan belajar jaringan dan tidak diubah olehnya. (Nanti kita memang akan "
                 "menskalakan input, tetapi itu persiapan sebelum training, bukan hasil belajar.)",
                 "The data are what the network learns from; it does not change them. (Later chapters do "
                 "scale the inputs, but that is preparation before training, not learning.)"),
        "d": msg("Setiap neuron tetap menghitung jumlah berbobot yang sama; yang berubah hanya weight dan "
                 "bias di dalam rumus itu.",
                 "Every neuron keeps computing the same weighted sum; only the weights and bias inside it change."),
    },
    reference="b",
    hints=[msg("Ingat juri masak: apa yang ia sesuaikan dari pengalaman — aspek yang dinilai, hidangannya, "
               "atau bobot tiap aspek?",
               "Think of the cooking judge: what does experience make them adjust — the aspects, the dishes, "
               "or the weight of each aspect?")],
))


# -- q3: count the parameters of any fully connected network ----------------------------------
def _count_parameters(layer_sizes):
    sizes = [int(n) for n in layer_sizes]
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    return weights + sum(sizes[1:])


def _cases(rng):
    cases = [([3, 4, 4, 1],), ([1, 1],), ((2, 3, 1),),                 # a tuple works too
             (np.array([5, 7, 2]),)]                                  # and a NumPy array of integers
    for n_layers in (2, 3, 4, 5, 6):
        cases.append(([int(v) for v in rng.integers(1, 1000, n_layers)],))
    return cases


def _weights_only(sizes):
    sizes = [int(n) for n in sizes]
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


q3 = FunctionExercise(
    CHAPTER, "q3", cases=_cases, arg_names=("layer_sizes",),
    title=msg("Hitung parameter jaringan apa pun", "Count the parameters of any network"),
    reference=_count_parameters,
    mistakes={
        "weights_only": Mistake(_weights_only, msg(
            "Anda baru menghitung weight. Tambahkan bias: satu untuk setiap neuron di hidden layer dan output layer.",
            "you counted the weights only. Add the biases: one for every neuron in the hidden and output layers.")),
        "input_bias": Mistake(lambda s: _weights_only(s) + sum(int(n) for n in s), msg(
            "Anda memberi bias juga pada input layer. Input layer hanya meneruskan data dan tidak punya bias: "
            "jumlah bias = `sum(layer_sizes[1:])`.",
            "you gave the input layer biases too. The input layer only passes the data in and has no bias: "
            "the number of biases is `sum(layer_sizes[1:])`.")),
        "bias_per_layer": Mistake(lambda s: _weights_only(s) + len(s) - 1, msg(
            "Anda menghitung satu bias per layer. Bias dimiliki setiap neuron, jadi satu layer berisi 4 neuron "
            "punya 4 bias.",
            "you counted one bias per layer. Every neuron has its own bias, so a layer of 4 neurons has 4 biases.")),
        "neurons": Mistake(lambda s: sum(int(n) for n in s), msg(
            "itu jumlah neuron, bukan jumlah parameter. Weight ada pada setiap garis antara dua layer yang berurutan.",
            "that is the number of neurons, not of parameters. There is a weight on every line between two "
            "consecutive layers.")),
    },
    hints=[msg("Di antara dua layer berurutan berukuran n_in dan n_out ada n_in · n_out weight. "
               "`zip(layer_sizes[:-1], layer_sizes[1:])` memberi pasangan-pasangan itu.",
               "Between two consecutive layers of sizes n_in and n_out there are n_in · n_out weights. "
               "`zip(layer_sizes[:-1], layer_sizes[1:])` gives those pairs."),
           msg("Lalu tambahkan satu bias untuk setiap neuron selain neuron input: `sum(layer_sizes[1:])`.",
               "Then add one bias for every neuron except the inputs: `sum(layer_sizes[1:])`.")],
    solution=msg(
        "def count_parameters(layer_sizes):\n"
        "    n_weights = sum(n_in * n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))\n"
        "    n_biases = sum(layer_sizes[1:])\n"
        "    return n_weights + n_biases\n"
        "\n"
        "count_parameters([784, 128, 64, 10])   # 109386: 109.184 weight + 202 bias",
        "def count_parameters(layer_sizes):\n"
        "    n_weights = sum(n_in * n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))\n"
        "    n_biases = sum(layer_sizes[1:])\n"
        "    return n_weights + n_biases\n"
        "\n"
        "count_parameters([784, 128, 64, 10])   # 109386: 109,184 weights + 202 biases"),
)
