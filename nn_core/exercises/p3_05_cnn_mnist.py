"""Exercises of chapter p3-05 (A CNN for MNIST)."""
import math

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p3-05-cnn-mnist"


# -- q1: the parameters of one conv layer -----------------------------------------------------------------
def _conv_params(C_in, F, k):
    return F * C_in * k * k + F


def _conv_cases(rng):
    cases = [(1, 16, 3), (16, 32, 3), (3, 8, 5), (1, 1, 1), (32, 64, 3)]
    for _ in range(5):
        cases.append((int(rng.integers(1, 65)), int(rng.integers(1, 129)), int(rng.choice([1, 3, 5, 7]))))
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_conv_cases, arg_names=("C_in", "F", "k"), rtol=0, atol=0,
    title=msg("Berapa parameter conv layer?", "How many parameters does a conv layer have?"),
    reference=_conv_params,
    mistakes={
        "no_bias": Mistake(lambda C_in, F, k: F * C_in * k * k, msg(
            "bias-nya terlupa: setiap filter punya satu bias, jadi tambahkan F.",
            "you forgot the biases: every filter has one bias, so add F.")),
        "no_channels": Mistake(lambda C_in, F, k: F * k * k + F, msg(
            "channel input terlupa: setiap filter punya satu irisan k×k untuk setiap channel input, "
            "jadi weight-nya F · C_in · k · k (seperti w berbentuk (F, C, k, k)).",
            "you forgot the input channels: every filter has one k×k slice for each input channel, so the "
            "weights number F · C_in · k · k (w has shape (F, C, k, k)).")),
        "k_not_squared": Mistake(lambda C_in, F, k: F * C_in * k + F, msg(
            "sebuah filter k×k berisi k · k angka, bukan k.",
            "a k×k filter holds k · k numbers, not k.")),
        "bias_per_channel": Mistake(lambda C_in, F, k: F * C_in * k * k + F * C_in, msg(
            "bias-nya satu per filter (output channel), bukan satu per pasangan filter dan channel input: "
            "b berbentuk (F,).",
            "there is one bias per filter (output channel), not one per filter and input channel: b has "
            "shape (F,).")),
    },
    hints=[msg("Shape weight conv layer adalah (F, C_in, k, k), dan bias-nya (F,).",
               "A conv layer's weights have shape (F, C_in, k, k), and its biases (F,)."),
           msg("Kalikan keempat ukuran weight, lalu tambahkan F.", "Multiply the four sizes of w, then add F.")],
    solution=msg(
        "def conv_params(C_in, F, k):\n"
        "    return F * C_in * k * k + F     # w: (F, C_in, k, k), b: (F,)\n\n"
        "conv_params(16, 32, 3)   # 4640, seperti W2 + b2 di bab ini",
        "def conv_params(C_in, F, k):\n"
        "    return F * C_in * k * k + F     # w: (F, C_in, k, k), b: (F,)\n\n"
        "conv_params(16, 32, 3)   # 4640, like W2 + b2 in this chapter"),
)


# -- q2: the shape after conv + pool ----------------------------------------------------------------------
q2 = ValueExercise(
    CHAPTER, "q2",
    title=msg("Shape setelah konvolusi dan pooling", "The shape after convolution and pooling"),
    reference=(64, 8, 12, 12),
    mistakes={
        "padding": Mistake((64, 8, 14, 14), msg(
            "di sini padding-nya 0: filter 5×5 mengecilkan 28 menjadi 28 − 5 + 1 = 24, baru pooling membaginya "
            "dua.",
            "the padding is 0 here: a 5×5 filter shrinks 28 to 28 − 5 + 1 = 24, and only then does the pool "
            "halve it.")),
        "no_pool": Mistake((64, 8, 24, 24), msg(
            "24×24 adalah output konvolusinya. Max pooling 2×2 dengan stride 2 masih membagi dua tinggi dan "
            "lebarnya.",
            "24×24 is the convolution's output. The 2×2 max pool with stride 2 still halves the height and "
            "the width.")),
        "channels": Mistake((64, 1, 12, 12), msg(
            "banyaknya channel output sama dengan banyaknya filter (8), bukan banyaknya channel input.",
            "the number of output channels is the number of filters (8), not the number of input channels.")),
        "no_batch": Mistake((8, 12, 12), msg(
            "sumbu pertama (64 gambar dalam batch) tetap ada: konvolusi dan pooling bekerja pada setiap gambar "
            "secara terpisah.",
            "the first axis (the 64 images of the batch) stays: convolution and pooling work on every image "
            "separately.")),
        "pool_before": Mistake((64, 8, 10, 10), msg(
            "urutannya konvolusi dulu, baru pooling: 28 → 24 → 12. Anda mem-pool dulu (28 → 14), lalu "
            "mengecilkannya dengan filter 5×5 (14 → 10).",
            "the order is convolution first, then pooling: 28 → 24 → 12. You pooled first (28 → 14), then "
            "shrank it with the 5×5 filter (14 → 10).")),
    },
    hints=[msg("Konvolusi: (H + 2·padding − k) // stride + 1. Pooling 2×2 dengan stride 2: (H − 2) // 2 + 1.",
               "Convolution: (H + 2·padding − k) // stride + 1. A 2×2 pool with stride 2: (H − 2) // 2 + 1.")],
    solution=msg(
        "shape = (64, 8, 12, 12)   # konvolusi: (28 − 5) // 1 + 1 = 24; pooling: 24 // 2 = 12\n"
        "# Cek: nn_core.max_pool2d(nn_core.conv2d(np.zeros((64, 1, 28, 28)), np.zeros((8, 1, 5, 5)))).shape",
        "shape = (64, 8, 12, 12)   # convolution: (28 − 5) // 1 + 1 = 24; pooling: 24 // 2 = 12\n"
        "# Check: nn_core.max_pool2d(nn_core.conv2d(np.zeros((64, 1, 28, 28)), np.zeros((8, 1, 5, 5)))).shape"),
)


# -- q3: why so few parameters ----------------------------------------------------------------------------
q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Mengapa conv layer butuh begitu sedikit parameter?", "Why do conv layers need so few parameters?"),
    options={
        "a": msg("Karena gambar MNIST kecil (28×28).", "Because MNIST images are small (28×28)."),
        "b": msg("Setiap filter hanya melihat potongan 3×3, dan weight yang sama dipakai di semua posisi gambar, "
                 "sedangkan dense layer butuh satu weight untuk setiap pasangan (piksel, unit).",
                 "Every filter looks at a 3×3 patch only, and the same weights are used at every position of the "
                 "image, while a dense layer needs one weight for every (pixel, unit) pair."),
        "c": msg("Karena max pooling membuang sebagian parameter.", "Because max pooling throws parameters away."),
        "d": msg("Karena CNN dilatih dengan Adam, bukan SGD.", "Because the CNN is trained with Adam, not SGD."),
    },
    why={
        "a": msg("Banyaknya parameter conv layer sama sekali tidak bergantung pada ukuran gambar: filter "
                 "3×3 yang sama dipakai untuk 28×28 maupun 1000×1000. Ukuran gambar justru memperbesar dense layer.",
                 "A conv layer's parameter count does not depend on the image size at all: the same 3×3 filter "
                 "works on 28×28 and on 1000×1000. The image size is what makes a dense layer large."),
        "b": msg("Konektivitas lokal dan weight sharing: conv pertama kita punya 16 · 9 + 16 = 160 parameter, "
                 "sedangkan layer pertama MLP menghubungkan 784 piksel ke 128 unit dengan 100.352 weight.",
                 "Local connections and weight sharing: our first conv layer has 16 · 9 + 16 = 160 parameters, "
                 "while the MLP's first layer connects 784 pixels to 128 units with 100,352 weights."),
        "c": msg("Max pooling tidak punya parameter sama sekali — ia hanya mengambil maksimum. Yang dikecilkannya "
                 "adalah feature map, jadi dense layer sesudahnya lebih kecil; conv layer-nya sendiri tidak.",
                 "Max pooling has no parameters at all — it just takes a maximum. It shrinks the feature maps, so "
                 "the dense layer after it is smaller; the conv layers themselves are not."),
        "d": msg("Optimizer menentukan cara weight diperbarui, bukan berapa banyak weight yang ada.",
                 "The optimiser decides how the weights are updated, not how many weights there are."),
    },
    reference="b",
    hints=[msg("Bandingkan shape W1 milik CNN, (16, 1, 3, 3), dengan shape W1 milik MLP, (784, 128). Apa yang "
               "menentukan masing-masing?",
               "Compare the CNN's W1, of shape (16, 1, 3, 3), with the MLP's W1, of shape (784, 128). What "
               "decides each of them?")],
)


# -- q4: the parameters of a whole ConvNet ----------------------------------------------------------------
def _convnet_params(conv_channels, hidden):
    total, C, H = 0, 1, 28
    for F in conv_channels:
        total += F * C * 3 * 3 + F           # conv 3×3, padding 1: H stays
        C, H = F, H // 2                     # 2×2 max pool, stride 2
    sizes = [C * H * H, *hidden, 10]
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        total += n_in * n_out + n_out
    return total


def _variant(*, pool=True, bias=True, channels=True, ceil=False):
    def count(conv_channels, hidden):
        total, C, H = 0, 1, 28
        for F in conv_channels:
            total += F * (C if channels else 1) * 9 + (F if bias else 0)
            C = F
            if pool:
                H = math.ceil(H / 2) if ceil else H // 2
        sizes = [C * H * H, *hidden, 10]
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            total += n_in * n_out + (n_out if bias else 0)
        return total
    return count


def _convnet_cases(rng):
    cases = [((16, 32), ()), ((16, 32), (128,)), ((8,), ()), ((4, 8, 16), ()), ((6, 12, 24), (32,)),
             ((32, 64), (128, 64))]
    for _ in range(3):
        n = int(rng.integers(1, 4))
        cases.append((tuple(int(c) for c in rng.integers(1, 33, n)),
                      tuple(int(h) for h in rng.integers(5, 100, int(rng.integers(0, 3))))))
    return cases


q4 = FunctionExercise(
    CHAPTER, "q4", cases=_convnet_cases, arg_names=("conv_channels", "hidden"), rtol=0, atol=0,
    title=msg("Menghitung parameter seluruh ConvNet", "Counting the parameters of a whole ConvNet"),
    reference=_convnet_params,
    mistakes={
        "no_pool": Mistake(_variant(pool=False), msg(
            "setiap blok diakhiri max pooling 2×2 yang membagi dua tinggi dan lebar: dense layer pertama "
            "melihat C · 7 · 7 angka setelah dua blok, bukan C · 28 · 28.",
            "every block ends with a 2×2 max pool that halves the height and width: after two blocks the first "
            "dense layer sees C · 7 · 7 numbers, not C · 28 · 28.")),
        "no_bias": Mistake(_variant(bias=False), msg(
            "bias-nya terlupa: satu per filter di setiap conv layer dan satu per unit di setiap dense layer.",
            "you forgot the biases: one per filter in every conv layer and one per unit in every dense layer.")),
        "no_channels": Mistake(_variant(channels=False), msg(
            "filter conv layer kedua (dan seterusnya) melihat semua channel layer sebelumnya: weight-nya "
            "F · C_in · 3 · 3, dengan C_in = banyaknya filter layer sebelumnya.",
            "the filters of the second conv layer (and later ones) see all channels of the layer before: "
            "F · C_in · 3 · 3 weights, with C_in = the number of filters of the previous layer.")),
        "ceil": Mistake(_variant(ceil=True), msg(
            "pooling membulatkan ke bawah: 7×7 menjadi 3×3 (baris dan kolom terakhir tidak tercakup jendela "
            "mana pun), bukan 4×4.",
            "pooling rounds down: 7×7 becomes 3×3 (the last row and column are in no window), not 4×4.")),
    },
    hints=[msg("Ikuti (C, H) blok demi blok: mulai dari (1, 28); conv 3×3 dengan padding 1 mempertahankan H dan "
               "mengubah C menjadi F; pooling membuat H menjadi H // 2.",
               "Follow (C, H) block by block: start at (1, 28); a 3×3 conv with padding 1 keeps H and turns C "
               "into F; the pool turns H into H // 2."),
           msg("Setelah blok terakhir, dense layer-nya seperti di Bagian 2: ukuran [C · H · H, *hidden, 10], "
               "masing-masing n_in · n_out + n_out.",
               "After the last block the dense layers are as in Part 2: sizes [C · H · H, *hidden, 10], each "
               "with n_in · n_out + n_out.")],
    solution=msg(
        "def convnet_params(conv_channels, hidden):\n"
        "    total, C, H = 0, 1, 28\n"
        "    for F in conv_channels:\n"
        "        total += F * C * 3 * 3 + F     # conv 3×3 + bias; padding 1 mempertahankan H\n"
        "        C, H = F, H // 2               # pooling 2×2 membulatkan ke bawah\n"
        "    sizes = [C * H * H, *hidden, 10]\n"
        "    for n_in, n_out in zip(sizes[:-1], sizes[1:]):\n"
        "        total += n_in * n_out + n_out  # dense layer + bias\n"
        "    return total",
        "def convnet_params(conv_channels, hidden):\n"
        "    total, C, H = 0, 1, 28\n"
        "    for F in conv_channels:\n"
        "        total += F * C * 3 * 3 + F     # 3×3 conv + bias; padding 1 keeps H\n"
        "        C, H = F, H // 2               # the 2×2 pool rounds down\n"
        "    sizes = [C * H * H, *hidden, 10]\n"
        "    for n_in, n_out in zip(sizes[:-1], sizes[1:]):\n"
        "        total += n_in * n_out + n_out  # dense layer + bias\n"
        "    return total"),
)
