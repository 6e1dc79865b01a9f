"""Exercises of chapter p3-01 (Convolution by hand)."""
import numpy as np

from ._core import ChoiceExercise, FunctionExercise, Mistake, ValueExercise, msg

CHAPTER = "p3-01-convolution"


# -- q1: the output-size formula ------------------------------------------------------------------
def _output_size(size, kernel, stride, padding):
    return (size + 2 * padding - kernel) // stride + 1


def _size_cases(rng):
    cases = [(28, 3, 1, 0), (28, 3, 1, 1), (28, 3, 2, 1), (5, 3, 2, 0), (7, 7, 1, 0), (32, 5, 2, 1),
             (13, 3, 3, 0), (6, 2, 2, 0), (10, 1, 1, 0)]
    for _ in range(10):
        kernel, padding, stride = int(rng.integers(1, 8)), int(rng.integers(0, 4)), int(rng.integers(1, 4))
        size = int(rng.integers(max(kernel - 2 * padding, 1), 40))
        cases.append((size, kernel, stride, padding))
    return cases


q1 = FunctionExercise(
    CHAPTER, "q1", cases=_size_cases, arg_names=("size", "kernel", "stride", "padding"),
    title=msg("Rumus ukuran output", "The output-size formula"),
    reference=_output_size,
    mistakes={
        "padding_once": Mistake(lambda n, k, s, p: (n + p - k) // s + 1, msg(
            "padding ditambahkan di KEDUA sisi gambar (kiri dan kanan, atas dan bawah), jadi ukurannya "
            "bertambah 2·padding, bukan padding.",
            "padding is added on BOTH sides of the image (left and right, top and bottom), so the size grows "
            "by 2·padding, not by padding.")),
        "no_plus_one": Mistake(lambda n, k, s, p: (n + 2 * p - k) // s, msg(
            "hasil Anda kurang 1. Posisi pertama filter sudah menghasilkan satu angka; pembagian dengan "
            "stride hanya menghitung berapa langkah lagi yang muat. Jangan lupa + 1.",
            "your result is 1 too small. The filter's first position already gives one number; the division "
            "by the stride only counts how many more steps fit. Don't forget the + 1.")),
        "float_division": Mistake(lambda n, k, s, p: (n + 2 * p - k) / s + 1, msg(
            "hasil Anda bisa berupa pecahan (misalnya 14,5). Langkah yang tidak muat penuh tidak dihitung: "
            "pakai pembagian bulat `//`, bukan `/`.",
            "your result can be a fraction (such as 14.5). A step that does not fit completely does not "
            "count: use integer division `//`, not `/`.")),
        "no_stride": Mistake(lambda n, k, s, p: n + 2 * p - k + 1, msg(
            "stride tidak Anda pakai. Dengan stride 2 filter melompat 2 piksel sekali geser, jadi jumlah "
            "posisinya kira-kira setengahnya: bagi dengan stride.",
            "you did not use the stride. With stride 2 the filter jumps 2 pixels at a time, so there are "
            "about half as many positions: divide by the stride.")),
        "plus_one_inside": Mistake(lambda n, k, s, p: (n + 2 * p - k + 1) // s, msg(
            "+ 1 harus ditambahkan SETELAH pembagian: (size + 2·padding − kernel) // stride + 1.",
            "the + 1 comes AFTER the division: (size + 2·padding − kernel) // stride + 1.")),
    },
    hints=[msg("Dengan padding, gambarnya menjadi size + 2·padding. Berapa posisi awal filter yang muat, "
               "kalau filter bergeser sejauh stride setiap langkah?",
               "With padding the image becomes size + 2·padding wide. How many filter positions fit if the "
               "filter moves by stride at every step?"),
           msg("Posisi pertama ada di 0, yang terakhir paling jauh di size + 2·padding − kernel. Hitung "
               "berapa kali stride muat di antaranya (pembagian bulat), lalu tambahkan posisi pertama.",
               "The first position is at 0, the last at most at size + 2·padding − kernel. Count how many "
               "strides fit in between (integer division), then add the first position.")],
    solution=msg("def output_size(size, kernel, stride, padding):\n"
                 "    return (size + 2 * padding - kernel) // stride + 1\n\n"
                 "output_size(28, 3, 1, 1)   # 28: padding 1 mempertahankan ukuran 28×28",
                 "def output_size(size, kernel, stride, padding):\n"
                 "    return (size + 2 * padding - kernel) // stride + 1\n\n"
                 "output_size(28, 3, 1, 1)   # 28: padding 1 keeps the 28×28 size"),
)


# -- q2: what padding does ---------------------------------------------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Apa gunanya padding?", "What does padding do?"),
    options={
        "a": msg("Membuat konvolusi lebih cepat.", "It makes the convolution faster."),
        "b": msg("Menambahkan bingkai nol di sekeliling gambar sehingga filter 3×3 dengan padding 1 "
                 "menghasilkan output seukuran input (28×28 → 28×28) dan piksel di tepi ikut diproses.",
                 "It adds a frame of zeros around the image, so a 3×3 filter with padding 1 gives an output "
                 "as large as its input (28×28 → 28×28) and the border pixels are processed too."),
        "c": msg("Mengaburkan gambar sebelum filter diterapkan.", "It blurs the image before the filter is applied."),
        "d": msg("Menambah jumlah channel output.", "It adds output channels."),
    },
    why={
        "a": msg("Justru sebaliknya: gambar yang diberi padding lebih besar, jadi ada lebih banyak posisi "
                 "filter yang harus dihitung (28×28 = 784, bukan 26×26 = 676).",
                 "Quite the opposite: the padded image is larger, so there are more filter positions to "
                 "compute (28×28 = 784 instead of 26×26 = 676)."),
        "b": msg("(28 + 2·1 − 3) // 1 + 1 = 28. Tanpa padding, gambar menyusut 2 piksel di setiap layer "
                 "3×3, dan piksel di pojok hanya tersentuh oleh satu posisi filter.",
                 "(28 + 2·1 − 3) // 1 + 1 = 28. Without padding the image shrinks by 2 pixels at every 3×3 "
                 "layer, and a corner pixel is touched by only one filter position."),
        "c": msg("Padding hanya menambahkan nol di luar gambar; nilai di dalam gambar tidak berubah. "
                 "Pengaburan adalah pekerjaan filter blur.",
                 "Padding only adds zeros outside the image; the values inside stay as they are. Blurring "
                 "is the job of a blur filter."),
        "d": msg("Jumlah channel output sama dengan jumlah filter F. Padding hanya mengubah tinggi dan lebar.",
                 "The number of output channels is the number of filters F. Padding only changes the height "
                 "and the width."),
    },
    reference="b",
    hints=[msg("Hitung ukuran output untuk gambar 28×28 dan filter 3×3, dengan padding 0 dan dengan padding 1.",
               "Work out the output size for a 28×28 image and a 3×3 filter, with padding 0 and with padding 1.")],
)


# -- q3: predict the shape of a conv2d output ------------------------------------------------------
q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Tebak shape output conv2d", "Predict the shape of a conv2d output"),
    reference=(8, 16, 13, 13),
    mistakes={
        "input_channels": Mistake((8, 3, 13, 13), msg(
            "sumbu kedua output adalah jumlah FILTER (w.shape[0] = 16), bukan jumlah channel input: "
            "setiap filter menghasilkan satu feature map.",
            "the output's second axis is the number of FILTERS (w.shape[0] = 16), not the number of input "
            "channels: each filter produces one feature map.")),
        "minus_one": Mistake((8, 16, 12, 12), msg(
            "tinggi dan lebarnya kurang 1. Hitung lagi (28 + 2·1 − 5) // 2 + 1: apakah padding atau + 1 "
            "terlupa?",
            "the height and width are 1 too small. Work out (28 + 2·1 − 5) // 2 + 1 again: did you forget "
            "the padding or the + 1?")),
        "no_stride": Mistake((8, 16, 26, 26), msg(
            "stride 2 membuat filter melompat 2 piksel sekali geser, jadi ukuran output kira-kira setengahnya.",
            "stride 2 makes the filter jump 2 pixels at a time, so the output is about half as large.")),
        "rounded_up": Mistake((8, 16, 14, 14), msg(
            "(28 + 2 − 5) / 2 = 12,5: langkah setengah tidak dihitung, jadi dibulatkan ke BAWAH (//), "
            "lalu + 1 → 13.",
            "(28 + 2 − 5) / 2 = 12.5: half a step does not count, so round DOWN (//), then + 1 → 13.")),
        "swapped": Mistake((16, 8, 13, 13), msg(
            "urutannya (N, F, H_out, W_out): jumlah gambar dulu (8), baru jumlah filter (16).",
            "the order is (N, F, H_out, W_out): the number of images first (8), then the number of filters (16).")),
    },
    hints=[msg("Sumbu pertama tetap jumlah gambar; sumbu kedua adalah jumlah filter. Tinggi dan lebar "
               "mengikuti rumus (H + 2·padding − kh) // stride + 1.",
               "The first axis is still the number of images; the second is the number of filters. Height "
               "and width follow (H + 2·padding − kh) // stride + 1.")],
    solution=msg("shape = (8, 16, 13, 13)   # (28 + 2·1 − 5) // 2 + 1 = 25 // 2 + 1 = 13\n"
                 "# Cek: nn_core.conv2d(np.zeros((8, 3, 28, 28)), np.zeros((16, 3, 5, 5)), stride=2, padding=1).shape",
                 "shape = (8, 16, 13, 13)   # (28 + 2·1 − 5) // 2 + 1 = 25 // 2 + 1 = 13\n"
                 "# Check: nn_core.conv2d(np.zeros((8, 3, 28, 28)), np.zeros((16, 3, 5, 5)), stride=2, padding=1).shape"),
)


# -- q4: why weight sharing ---------------------------------------------------------------------------
q4 = ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Mengapa filter yang sama dipakai di semua posisi?", "Why is the same filter used at every position?"),
    options={
        "a": msg("Supaya outputnya lebih kecil daripada input.", "So that the output is smaller than the input."),
        "b": msg("Karena gambar MNIST berskala abu-abu.", "Because MNIST images are grayscale."),
        "c": msg("Sebuah pola (misalnya tepi tegak) berarti sama di mana pun letaknya, jadi 9 weight yang "
                 "sama cukup untuk mencarinya di seluruh gambar, dan jumlah parameternya tidak bergantung "
                 "pada ukuran gambar.",
                 "A pattern (a vertical edge, say) means the same wherever it appears, so the same 9 weights "
                 "can look for it across the whole image, and the number of parameters does not depend on "
                 "the image size."),
        "d": msg("Supaya gradient-nya lebih mudah dihitung.", "So that the gradient is easier to compute."),
    },
    why={
        "a": msg("Ukuran output ditentukan oleh padding dan stride, bukan oleh berbagi weight: dengan padding "
                 "1, filter 3×3 yang sama menghasilkan output seukuran input.",
                 "The output size is set by padding and stride, not by sharing weights: with padding 1 the "
                 "same 3×3 filter gives an output as large as its input."),
        "b": msg("Gambar berwarna (3 channel) memakai berbagi weight juga: filter-nya hanya menjadi 3×3×3.",
                 "Colour images (3 channels) share weights too: the filter just becomes 3×3×3."),
        "c": msg("Sebuah dense layer dari 784 piksel ke 784 output butuh 784 × 784 ≈ 615 ribu weight dan "
                 "harus belajar tepi yang sama di setiap posisi secara terpisah; satu filter 3×3 cukup "
                 "dengan 9 weight dan 1 bias.",
                 "A dense layer from 784 pixels to 784 outputs needs 784 × 784 ≈ 615 thousand weights and "
                 "has to learn the same edge at every position separately; one 3×3 filter needs 9 weights "
                 "and 1 bias."),
        "d": msg("Gradient tetap dihitung dengan chain rule seperti biasa (Bab 3); berbagi weight malah "
                 "membuat gradient-nya menjadi jumlah atas semua posisi.",
                 "The gradient is still computed with the chain rule as usual (chapter 3); sharing weights "
                 "actually makes it a sum over all positions."),
    },
    reference="c",
    hints=[msg("Bandingkan jumlah parameter: satu filter 3×3 dengan dense layer yang memetakan 28×28 "
               "piksel ke 28×28 output.",
               "Compare the number of parameters: one 3×3 filter against a dense layer that maps 28×28 "
               "pixels to 28×28 outputs.")],
)


# -- q5: transfer the loop to a dilated filter ----------------------------------------------------------
def _conv_dilated(image, kernel, d):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - d * (kh - 1), image.shape[1] - d * (kw - 1)))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + d * (kh - 1) + 1:d, j:j + d * (kw - 1) + 1:d] * kernel)
    return out


def _dilated_cases(rng):
    cases = [(rng.normal(size=(7, 7)), rng.normal(size=(3, 3)), 2),
             (rng.integers(0, 10, (9, 8)), rng.integers(-2, 3, (3, 3)), 3),        # integers
             (rng.normal(size=(8, 9)), rng.normal(size=(2, 3)), 2),                # a non-square filter
             (rng.normal(size=(6, 5)), rng.normal(size=(3, 3)), 1),                # d = 1: the plain convolution
             (rng.normal(size=(5, 5)), rng.normal(size=(3, 3)), 2)]                # the filter spans the image: 1×1
    for _ in range(2):
        h, w = (int(v) for v in rng.integers(9, 13, 2))
        cases.append((rng.normal(size=(h, w)), rng.normal(size=(3, 3)), int(rng.integers(2, 4))))
    return cases


def _plain_cropped(image, kernel, d):
    """The ordinary loop (neighbouring pixels), cut to the dilated output's size."""
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - d * (kh - 1), image.shape[1] - d * (kw - 1)))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out


def _stride_instead(image, kernel, d):
    """Stride d instead of dilation d: the window moves by d, its pixels stay neighbours."""
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    out = np.zeros(((image.shape[0] - kh) // d + 1, (image.shape[1] - kw) // d + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i * d:i * d + kh, j * d:j * d + kw] * kernel)
    return out


def _dilated_flipped(image, kernel, d):
    return _conv_dilated(image, np.asarray(kernel)[::-1, ::-1], d)


q5 = FunctionExercise(
    CHAPTER, "q5", cases=_dilated_cases, arg_names=("image", "kernel", "d"),
    title=msg("Filter berjarak: loop untuk kasus baru", "A dilated filter: the loop in a new case"),
    reference=_conv_dilated,
    mistakes={
        "neighbours": Mistake(_plain_cropped, msg(
            "ukuran output Anda benar, tetapi filter Anda masih membaca piksel yang bertetangga. Dengan jarak "
            "d, bobot kernel[u, v] bertemu image[i + d·u, j + d·v]: potong patch dengan langkah d, misalnya "
            "image[i:i + d·(kh − 1) + 1:d, j:j + d·(kw − 1) + 1:d].",
            "your output size is right, but your filter still reads neighbouring pixels. With spacing d, "
            "the weight kernel[u, v] meets image[i + d·u, j + d·v]: cut the patch with step d, e.g. "
            "image[i:i + d·(kh − 1) + 1:d, j:j + d·(kw − 1) + 1:d].")),
        "stride": Mistake(_stride_instead, msg(
            "itu stride d: jendela Anda melompat d piksel, tetapi piksel di dalamnya tetap bertetangga. "
            "Di sini kebalikannya: jendela bergeser 1 piksel setiap kali, dan piksel yang dibaca filter "
            "berjarak d.",
            "that is stride d: your window jumps d pixels, but the pixels inside it stay neighbours. Here it "
            "is the other way round: the window moves 1 pixel at a time, and the pixels the filter reads are "
            "d apart.")),
        "flipped": Mistake(_dilated_flipped, msg(
            "Anda membalik filter 180°. Seperti di bab ini (cross-correlation), kernel[0, 0] bertemu piksel "
            "kiri atas patch-nya.",
            "you turned the filter by 180°. As in this chapter (cross-correlation), kernel[0, 0] meets the "
            "top-left pixel of its patch.")),
    },
    hints=[msg("Filter 3×3 berjarak d mencakup d·(3 − 1) + 1 piksel ke setiap arah, jadi outputnya "
               "(H − d·(kh − 1)) × (W − d·(kw − 1)). Gambar dulu untuk d = 2: piksel mana yang dibaca di posisi "
               "(0, 0)?",
               "A 3×3 filter with spacing d spans d·(3 − 1) + 1 pixels in each direction, so the output is "
               "(H − d·(kh − 1)) × (W − d·(kw − 1)). Draw it first for d = 2: which pixels are read at "
               "position (0, 0)?"),
           msg("out[i, j] = Σ_u Σ_v image[i + d·u, j + d·v] · kernel[u, v]; dengan slicing: "
               "image[i:i + d·(kh − 1) + 1:d, j:j + d·(kw − 1) + 1:d].",
               "out[i, j] = Σ_u Σ_v image[i + d·u, j + d·v] · kernel[u, v]; with slicing: "
               "image[i:i + d·(kh − 1) + 1:d, j:j + d·(kw − 1) + 1:d].")],
    solution=msg("def conv2d_dilated(image, kernel, d):\n"
                 "    kh, kw = kernel.shape\n"
                 "    span_h, span_w = d * (kh - 1) + 1, d * (kw - 1) + 1   # lebar yang dicakup filter\n"
                 "    H_out = image.shape[0] - span_h + 1\n"
                 "    W_out = image.shape[1] - span_w + 1\n"
                 "    out = np.zeros((H_out, W_out))\n"
                 "    for i in range(H_out):\n"
                 "        for j in range(W_out):\n"
                 "            patch = image[i:i + span_h:d, j:j + span_w:d]   # setiap piksel ke-d\n"
                 "            out[i, j] = np.sum(patch * kernel)\n"
                 "    return out",
                 "def conv2d_dilated(image, kernel, d):\n"
                 "    kh, kw = kernel.shape\n"
                 "    span_h, span_w = d * (kh - 1) + 1, d * (kw - 1) + 1   # the width the filter covers\n"
                 "    H_out = image.shape[0] - span_h + 1\n"
                 "    W_out = image.shape[1] - span_w + 1\n"
                 "    out = np.zeros((H_out, W_out))\n"
                 "    for i in range(H_out):\n"
                 "        for j in range(W_out):\n"
                 "            patch = image[i:i + span_h:d, j:j + span_w:d]   # every d-th pixel\n"
                 "            out[i, j] = np.sum(patch * kernel)\n"
                 "    return out"),
)
