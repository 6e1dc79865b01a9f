"""Exercises of chapter p4-05 (Autograd from scratch)."""
from ._core import ChoiceExercise, Mistake, ValueExercise, msg

CHAPTER = "p4-05-autograd"

# -- q1: predict a gradient through two paths -------------------------------------------------------------
# a = 2; b = a * a; c = b + a; d = c * b.  dd/da = (dc/da)·b + c·(db/da) = (2a + 1)·a² + (a² + a)·2a = 20 + 24 = 44
q1 = ValueExercise(
    CHAPTER, "q1", rtol=1e-9, atol=1e-9,
    title=msg("Gradient lewat beberapa jalur", "A gradient along several paths"),
    reference=44.0,
    mistakes={
        "only_c": Mistake(20.0, msg(
            "20 hanya jalur lewat c (dc/da · b = 5 · 4). d juga bergantung pada b secara langsung: tambahkan c · db/da.",
            "20 is only the path through c (dc/da · b = 5 · 4). d also depends on b directly: add c · db/da.")),
        "only_b": Mistake(24.0, msg(
            "24 hanya jalur lewat faktor b (c · db/da = 6 · 4). Faktor c juga bergantung pada a: tambahkan dc/da · b.",
            "24 is only the path through the factor b (c · db/da = 6 · 4). The factor c depends on a too: add "
            "dc/da · b.")),
        "sum_of_locals": Mistake(9.0, msg(
            "9 = dc/da + db/da: turunan-turunan lokal dijumlahkan tanpa dikalikan dengan gradient yang datang dari d. "
            "Chain rule: setiap jalur adalah hasil kali turunan di sepanjang jalur itu.",
            "9 = dc/da + db/da: the local derivatives are added without multiplying by the gradient coming from d. "
            "Chain rule: every path is the product of the derivatives along it.")),
    },
    hints=[msg("d = c · b, jadi dd/da = (dc/da) · b + c · (db/da). Hitung b, c, db/da = 2a, dc/da = 2a + 1 pada a = 2.",
               "d = c · b, so dd/da = (dc/da) · b + c · (db/da). Compute b, c, db/da = 2a, dc/da = 2a + 1 at a = 2.")],
    solution=msg(
        "a = Value(2.0)\nb = a * a          # 4\nc = b + a          # 6\nd = c * b          # 24\nd.backward()\n"
        "answer = a.grad    # (2a + 1)·b + c·2a = 5·4 + 6·4 = 44",
        "a = Value(2.0)\nb = a * a          # 4\nc = b + a          # 6\nd = c * b          # 24\nd.backward()\n"
        "answer = a.grad    # (2a + 1)·b + c·2a = 5·4 + 6·4 = 44"),
)

# -- q2: the bug of "=" instead of "+=" ---------------------------------------------------------------------
q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Cari bug-nya: = alih-alih +=", "Find the bug: = instead of +="),
    options={
        "a": msg("Tidak ada: setiap Value hanya menerima gradient sekali.",
                 "None: every Value receives its gradient only once."),
        "b": msg("Setiap Value yang dipakai lebih dari sekali — misalnya x dalam x * x, atau sebuah weight yang "
                 "dipakai oleh keempat sampel XOR — hanya menyimpan kontribusi jalur terakhir.",
                 "Every Value that is used more than once — such as x in x * x, or a weight used by all four XOR "
                 "samples — keeps only the contribution of the last path."),
        "c": msg("Hanya hasil akhir (yang memanggil backward) yang salah.",
                 "Only the final result (the one backward is called on) is wrong."),
        "d": msg("Semua gradient menjadi nol.", "Every gradient becomes zero."),
    },
    why={
        "a": msg("x * x memakai x dua kali, dan sebuah weight jaringan dipakai oleh setiap sampel di batch.",
                 "x * x uses x twice, and a network weight is used by every sample of the batch."),
        "b": msg("Chain rule multivariabel menjumlahkan semua jalur. Dengan =, jalur yang diproses terakhir menimpa "
                 "yang lain: d(x·x)/dx menjadi x, bukan 2x.",
                 "The multivariable chain rule adds up every path. With =, the path processed last overwrites the "
                 "others: d(x·x)/dx becomes x instead of 2x."),
        "c": msg("Gradient hasil akhir diatur menjadi 1 oleh backward(); yang salah adalah Value di dalam graph.",
                 "backward() sets the final result's gradient to 1; the Values inside the graph are the wrong ones."),
        "d": msg("Gradient tetap diisi — hanya kontribusi jalur-jalur lain yang hilang.",
                 "The gradients are still filled in — only the contributions of the other paths are lost."),
    },
    reference="b",
    hints=[msg("Coba x = Value(3.0); y = x * x; y.backward(). Dengan +=, x.grad = 6. Dengan =?",
               "Try x = Value(3.0); y = x * x; y.backward(). With +=, x.grad = 6. With =?")],
)

# -- q3: how many nodes? ---------------------------------------------------------------------------------------
q3 = ValueExercise(
    CHAPTER, "q3", rtol=0, atol=0,
    title=msg("Berapa node di graph?", "How many nodes in the graph?"),
    reference=7,
    mistakes={
        "without_constants": Mistake(6, msg(
            "konstanta 1.0 juga menjadi sebuah Value (Python memanggil Value(1.0) di dalam __add__), jadi ia juga node.",
            "the constant 1.0 becomes a Value too (Python calls Value(1.0) inside __add__), so it is a node as well.")),
        "operations_only": Mistake(4, msg(
            "itu hanya node hasil operasi (*, +, tanh, *). Input w, x dan konstanta 1.0 juga ada di graph.",
            "those are only the nodes made by operations (*, +, tanh, *). The inputs w, x and the constant 1.0 are "
            "in the graph too.")),
        "x_twice": Mistake(8, msg(
            "x dipakai dua kali, tetapi ia tetap satu node: topological_order mengunjungi setiap Value sekali.",
            "x is used twice, but it is still one node: topological_order visits every Value once.")),
    },
    hints=[msg("Hitung input (w, x), konstanta yang diubah menjadi Value, dan satu node untuk setiap operasi.",
               "Count the inputs (w, x), the constants turned into Values, and one node for every operation.")],
    solution=msg(
        "w, x = Value(0.5), Value(2.0)\ny = ((w * x + 1.0).tanh()) * x\n"
        "answer = len(topological_order(y))   # w, x, w*x, 1.0, +, tanh, * = 7",
        "w, x = Value(0.5), Value(2.0)\ny = ((w * x + 1.0).tanh()) * x\n"
        "answer = len(topological_order(y))   # w, x, w*x, 1.0, +, tanh, * = 7"),
)
