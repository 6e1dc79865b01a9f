"""Writes book/src/p1-05b-computational-graph.ipynb (issue 19: the bridge into backprop)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
from authoring import code, code_pair, exercise, pair, write  # noqa: E402
from nn_core.exercises import p1_05b_computational_graph as ex  # noqa: E402

TOOLKIT = "p1-09-maths-toolkit.ipynb"

cells = [
    pair("""# 5b. Computational Graph: Jembatan ke Backpropagation

*Turunan, satu node demi satu node.*""",
         """# 5b. Computational Graphs: the Bridge to Backpropagation

*Derivatives, one node at a time.*"""),
    pair(f"""Bab berikutnya, [Backpropagation](p1-06-backpropagation.ipynb), menghitung gradient seluruh jaringan dengan matriks: `dz2`, `dW2 = a1.T @ dz2`, `da1 = dz2 @ W2.T`. Sebelum matriks, bab pendek ini menunjukkan ide yang sama dengan **bilangan tunggal**. Setiap perhitungan dipecah menjadi langkah kecil (tambah, kali, kuadrat, sigmoid) yang digambar sebagai **computational graph (graph komputasi)**. Setiap langkah hanya perlu tahu **turunan lokal**-nya sendiri; chain rule menyambungkan semuanya. Setelah itu kita melangkah dari satu angka ke vektor dan matriks, dan melihat dari mana `a1.T @ dz2` berasal.

Yang perlu diingat dari sekolah hanyalah **turunan**: turunan $f'(x)$ mengatakan seberapa cepat $f$ berubah ketika $x$ digeser sedikit, $f(x + \\varepsilon) \\approx f(x) + f'(x)\\,\\varepsilon$. Jika perlu penyegaran, lihat subbab *Turunan* di [Perangkat Matematika]({TOOLKIT}).""",
         f"""The next chapter, [Backpropagation](p1-06-backpropagation.ipynb), computes the gradients of a whole network with matrices: `dz2`, `dW2 = a1.T @ dz2`, `da1 = dz2 @ W2.T`. Before the matrices, this short chapter shows the same idea on **single numbers**. Every computation is split into small steps (add, multiply, square, sigmoid), drawn as a **computational graph**. Each step only needs to know its own **local derivative**; the chain rule connects them all. Then we step from one number to vectors and matrices, and see where `a1.T @ dz2` comes from.

All you need from school is the **derivative**: $f'(x)$ says how fast $f$ changes when $x$ moves a little, $f(x + \\varepsilon) \\approx f(x) + f'(x)\\,\\varepsilon$. For a refresher, see the the *Derivatives* section of the [Maths Toolkit]({TOOLKIT})."""),

    pair("""## Empat node dan turunan lokalnya

Sebuah node menerima satu atau dua angka dan mengeluarkan satu angka. Jika node punya dua input, kita bertanya: seberapa besar output berubah jika **hanya satu** input digeser sedikit, sementara input lainnya tetap? Itulah **turunan parsial** (*partial derivative*), ditulis dengan $\\partial$: untuk $c = a \\cdot b$, $\\partial c / \\partial a = b$ (jika $a$ naik sebesar $\\varepsilon$, $c$ naik sebesar $b\\,\\varepsilon$).

| Node | Forward | Turunan lokal | Artinya saat mundur |
|---|---|---|---|
| tambah | $c = a + b$ | $\\partial c/\\partial a = 1$, $\\partial c/\\partial b = 1$ | gradient diteruskan apa adanya ke kedua input |
| kali | $c = a \\cdot b$ | $\\partial c/\\partial a = b$, $\\partial c/\\partial b = a$ | setiap input mendapat gradient × input yang **lain** |
| kuadrat | $c = a^2$ | $dc/da = 2a$ | gradient × $2a$ |
| sigmoid | $c = \\sigma(a)$ | $dc/da = \\sigma(a)(1 - \\sigma(a)) = c\\,(1 - c)$ | gradient × $c(1 - c)$ |

Mengurangi konstanta ($e = a - y$) adalah node tambah dengan input kedua $-y$: turunan lokalnya terhadap $a$ juga 1. Turunan sigmoid sudah kita lihat di [bab Activation Function](p1-04-activation-functions.ipynb). Sel berikut memeriksa keempat baris tabel dengan beda pusat (*central difference*), $\\big(f(a + \\varepsilon) - f(a - \\varepsilon)\\big) / 2\\varepsilon$: menggeser satu input sedikit ke kiri dan ke kanan, lalu melihat perubahan output.""",
         """## Four nodes and their local derivatives

A node takes one or two numbers and puts out one number. When a node has two inputs we ask: how much does the output change if **only one** input moves a little while the other stays fixed? That is the **partial derivative**, written with $\\partial$: for $c = a \\cdot b$, $\\partial c / \\partial a = b$ (if $a$ rises by $\\varepsilon$, $c$ rises by $b\\,\\varepsilon$).

| Node | Forward | Local derivative | What it means going backward |
|---|---|---|---|
| add | $c = a + b$ | $\\partial c/\\partial a = 1$, $\\partial c/\\partial b = 1$ | the gradient passes unchanged to both inputs |
| multiply | $c = a \\cdot b$ | $\\partial c/\\partial a = b$, $\\partial c/\\partial b = a$ | each input gets the gradient × the **other** input |
| square | $c = a^2$ | $dc/da = 2a$ | gradient × $2a$ |
| sigmoid | $c = \\sigma(a)$ | $dc/da = \\sigma(a)(1 - \\sigma(a)) = c\\,(1 - c)$ | gradient × $c(1 - c)$ |

Subtracting a constant ($e = a - y$) is an add node whose second input is $-y$: its local derivative with respect to $a$ is 1 as well. We met the sigmoid's derivative in [the Activation Functions chapter](p1-04-activation-functions.ipynb). The next cell checks all four rows of the table with a central difference, $\\big(f(a + \\varepsilon) - f(a - \\varepsilon)\\big) / 2\\varepsilon$: nudge one input a little left and right and watch the output."""),
    code_pair("""import numpy as np

from nn_core import fmt, sigmoid


def central(f, a, eps=1e-6):
    \"\"\"Beda pusat: turunan f di titik a, diukur dengan menggeser a sedikit ke kiri dan ke kanan.\"\"\"
    return (f(a + eps) - f(a - eps)) / (2 * eps)


print(f"turunan sigmoid di 0: beda pusat {fmt(central(sigmoid, 0.0), 6)}, rumus σ(0)(1 − σ(0)) = {fmt(0.25, 6)}")""",
              """import numpy as np

from nn_core import fmt, sigmoid


def central(f, a, eps=1e-6):
    \"\"\"Central difference: the derivative of f at a, measured by nudging a a little left and right.\"\"\"
    return (f(a + eps) - f(a - eps)) / (2 * eps)


print(f"sigmoid's derivative at 0: central difference {fmt(central(sigmoid, 0.0), 6)}, formula σ(0)(1 − σ(0)) = {fmt(0.25, 6)}")"""),
    code_pair("""# Cek: setiap turunan lokal di tabel = beda pusat, di beberapa titik
for a in (-2.0, -0.3, 0.5, 3.0):
    for b in (-1.5, 0.7, 2.0):
        assert abs(central(lambda t: t + b, a) - 1) < 1e-8                # tambah
        assert abs(central(lambda t: t * b, a) - b) < 1e-8                # kali: input yang lain
    assert abs(central(lambda t: t ** 2, a) - 2 * a) < 1e-7               # kuadrat
    c = sigmoid(a)
    assert abs(central(sigmoid, a) - c * (1 - c)) < 1e-8                  # sigmoid
print("✓ tambah: 1 · kali: input yang lain · kuadrat: 2a · sigmoid: c(1 − c), di 4 × 3 titik")""",
              """# Check: every local derivative in the table = a central difference, at several points
for a in (-2.0, -0.3, 0.5, 3.0):
    for b in (-1.5, 0.7, 2.0):
        assert abs(central(lambda t: t + b, a) - 1) < 1e-8                # add
        assert abs(central(lambda t: t * b, a) - b) < 1e-8                # multiply: the other input
    assert abs(central(lambda t: t ** 2, a) - 2 * a) < 1e-7               # square
    c = sigmoid(a)
    assert abs(central(sigmoid, a) - c * (1 - c)) < 1e-8                  # sigmoid
print("✓ add: 1 · multiply: the other input · square: 2a · sigmoid: c(1 − c), at 4 × 3 points")"""),

    pair("""## Chain rule: gradient dari atas × turunan lokal

Satu neuron dengan satu input dan loss kuadrat pada satu sampel sudah merupakan graph kecil:

$$p = w \\cdot x, \\qquad z = p + b, \\qquad a = \\sigma(z), \\qquad e = a - y, \\qquad \\mathcal{L} = e^2$$

Kita ingin tahu $\\partial \\mathcal{L} / \\partial w$: seberapa besar loss berubah jika weight $w$ digeser sedikit. Sepanjang buku ini kita menyingkatnya sebagai $dw$, dan begitu pula untuk besaran $q$ mana pun: $dq = \\partial \\mathcal{L}/\\partial q$. Kumpulan semua turunan parsial itu, misalnya satu untuk setiap weight sebuah matriks, disebut **gradient**. **Chain rule** mengatakan: jika $w$ memengaruhi $\\mathcal{L}$ lewat rantai $w \\to p \\to z \\to a \\to e \\to \\mathcal{L}$, turunannya adalah hasil kali turunan lokal di sepanjang rantai itu. Dalam praktik kita menghitungnya dari belakang, satu node demi satu node, dengan satu aturan:

$$\\text{gradient sebuah input} = \\text{gradient output node} \\times \\text{turunan lokal}$$

Dimulai dari $d\\mathcal{L} = \\partial \\mathcal{L} / \\partial \\mathcal{L} = 1$. Ambil $x = 2$, $w = 0{,}5$, $b = -0{,}5$, target $y = 1$:

| Forward | Hitungan | Nilai | Backward | Hitungan | Gradient |
|---|---|---|---|---|---|
| $p = w \\cdot x$ | $0{,}5 \\cdot 2$ | $1$ | $dw = dp \\cdot x$, $dx = dp \\cdot w$ | $-0{,}1774 \\cdot 2$, $-0{,}1774 \\cdot 0{,}5$ | $dw = -0{,}3549$, $dx = -0{,}0887$ |
| $z = p + b$ | $1 + (-0{,}5)$ | $0{,}5$ | $dp = dz \\cdot 1$, $db = dz \\cdot 1$ | diteruskan | $dp = db = -0{,}1774$ |
| $a = \\sigma(z)$ | $\\sigma(0{,}5)$ | $0{,}6225$ | $dz = da \\cdot a(1 - a)$ | $-0{,}7551 \\cdot 0{,}2350$ | $-0{,}1774$ |
| $e = a - y$ | $0{,}6225 - 1$ | $-0{,}3775$ | $da = de \\cdot 1$ | diteruskan | $-0{,}7551$ |
| $\\mathcal{L} = e^2$ | $(-0{,}3775)^2$ | $0{,}1425$ | $de = d\\mathcal{L} \\cdot 2e$ | $1 \\cdot 2 \\cdot (-0{,}3775)$ | $-0{,}7551$ |

Forward pass dibaca dari atas ke bawah, backward pass dari bawah ke atas. Angka dibulatkan sampai 4 desimal, tetapi setiap baris dihitung dari nilai yang belum dibulatkan. Tandanya masuk akal: prediksi $0{,}62$ terlalu kecil untuk target 1, jadi $dw$ dan $db$ negatif, dan langkah $w \\leftarrow w - \\eta\\, dw$ (dengan learning rate $\\eta$) *menaikkan* $w$ dan $b$.""",
         """## The chain rule: gradient from above × local derivative

One neuron with one input and a squared loss on one sample is already a small graph:

$$p = w \\cdot x, \\qquad z = p + b, \\qquad a = \\sigma(z), \\qquad e = a - y, \\qquad \\mathcal{L} = e^2$$

We want $\\partial \\mathcal{L} / \\partial w$: how much the loss changes when the weight $w$ moves a little. Throughout the book we shorten it to $dw$, and likewise for any quantity $q$: $dq = \\partial \\mathcal{L}/\\partial q$. The collection of all these partial derivatives, for example one for every weight of a matrix, is called the **gradient**. The **chain rule** says: if $w$ affects $\\mathcal{L}$ through the chain $w \\to p \\to z \\to a \\to e \\to \\mathcal{L}$, the derivative is the product of the local derivatives along that chain. In practice we compute it from the back, one node at a time, with one rule:

$$\\text{gradient of an input} = \\text{gradient of the node's output} \\times \\text{local derivative}$$

It starts from $d\\mathcal{L} = \\partial \\mathcal{L} / \\partial \\mathcal{L} = 1$. Take $x = 2$, $w = 0.5$, $b = -0.5$, target $y = 1$:

| Forward | Computation | Value | Backward | Computation | Gradient |
|---|---|---|---|---|---|
| $p = w \\cdot x$ | $0.5 \\cdot 2$ | $1$ | $dw = dp \\cdot x$, $dx = dp \\cdot w$ | $-0.1774 \\cdot 2$, $-0.1774 \\cdot 0.5$ | $dw = -0.3549$, $dx = -0.0887$ |
| $z = p + b$ | $1 + (-0.5)$ | $0.5$ | $dp = dz \\cdot 1$, $db = dz \\cdot 1$ | passed on | $dp = db = -0.1774$ |
| $a = \\sigma(z)$ | $\\sigma(0.5)$ | $0.6225$ | $dz = da \\cdot a(1 - a)$ | $-0.7551 \\cdot 0.2350$ | $-0.1774$ |
| $e = a - y$ | $0.6225 - 1$ | $-0.3775$ | $da = de \\cdot 1$ | passed on | $-0.7551$ |
| $\\mathcal{L} = e^2$ | $(-0.3775)^2$ | $0.1425$ | $de = d\\mathcal{L} \\cdot 2e$ | $1 \\cdot 2 \\cdot (-0.3775)$ | $-0.7551$ |

Read the forward pass from top to bottom and the backward pass from bottom to top. The numbers are rounded to 4 decimals, but each row is computed from the unrounded values. The signs make sense: the prediction $0.62$ is too small for the target 1, so $dw$ and $db$ are negative, and the step $w \\leftarrow w - \\eta\\, dw$ (with the learning rate $\\eta$) *raises* $w$ and $b$."""),

    code_pair("""# Forward dan backward pass graph di atas, satu baris per node
x, w, b, y = 2.0, 0.5, -0.5, 1.0

p = w * x             # kali
z = p + b             # tambah
a = sigmoid(z)        # sigmoid
e = a - y             # tambah (dengan −y)
loss = e ** 2         # kuadrat

d_loss = 1.0                  # ∂ℒ/∂ℒ
de = d_loss * 2 * e           # kuadrat: × 2e
da = de * 1.0                 # tambah: × 1
dz = da * a * (1 - a)         # sigmoid: × a(1 − a)
dp, db = dz * 1.0, dz * 1.0   # tambah: × 1 ke kedua input
dw, dx = dp * x, dp * w       # kali: × input yang lain

values = {"p": p, "z": z, "a": a, "e": e, "loss": loss}
grads = {"de": de, "da": da, "dz": dz, "dp": dp, "db": db, "dw": dw, "dx": dx}
for name, v in {**values, **grads}.items():
    print(f"{name:>4} = {fmt(v, 4)}")""",
              """# The forward and backward pass of the graph above, one line per node
x, w, b, y = 2.0, 0.5, -0.5, 1.0

p = w * x             # multiply
z = p + b             # add
a = sigmoid(z)        # sigmoid
e = a - y             # add (of −y)
loss = e ** 2         # square

d_loss = 1.0                  # ∂ℒ/∂ℒ
de = d_loss * 2 * e           # square: × 2e
da = de * 1.0                 # add: × 1
dz = da * a * (1 - a)         # sigmoid: × a(1 − a)
dp, db = dz * 1.0, dz * 1.0   # add: × 1 to both inputs
dw, dx = dp * x, dp * w       # multiply: × the other input

values = {"p": p, "z": z, "a": a, "e": e, "loss": loss}
grads = {"de": de, "da": da, "dz": dz, "dp": dp, "db": db, "dw": dw, "dx": dx}
for name, v in {**values, **grads}.items():
    print(f"{name:>4} = {fmt(v, 4)}")"""),
    pair("""Angka-angkanya adalah angka tabel. Sel cek berikut memeriksa kode itu dengan dua cara: terhadap tabel, dan terhadap gradient numerik, yaitu menggeser $w$, $b$, dan $x$ sedikit dengan `central` dan mengukur perubahan loss secara langsung.""",
         """The numbers are the table's. The check below tests the code in two ways: against the table, and against a numerical gradient, which nudges $w$, $b$ and $x$ a little with `central` and measures the change of the loss directly."""),
    code_pair("""# Cek: kode = tabel (4 desimal), dan dw, db, dx = gradient numerik (beda pusat)
table = {"p": 1.0, "z": 0.5, "a": 0.6225, "e": -0.3775, "loss": 0.1425, "de": -0.7551, "da": -0.7551,
         "dz": -0.1774, "dp": -0.1774, "db": -0.1774, "dw": -0.3549, "dx": -0.0887}
for name, v in table.items():
    assert abs({**values, **grads}[name] - v) < 5e-5, name


def loss_at(x, w, b):
    return (sigmoid(w * x + b) - y) ** 2


numeric = {"dw": central(lambda t: loss_at(x, t, b), w), "db": central(lambda t: loss_at(x, w, t), b),
           "dx": central(lambda t: loss_at(t, w, b), x)}
for name, g in numeric.items():
    assert abs(grads[name] - g) < 1e-9, name
print("✓ 12 nilai = tabel (selisih < 0,00005); dw, db, dx = beda pusat (selisih < 1e-9)")""",
              """# Check: the code = the table (4 decimals), and dw, db, dx = numerical gradients (central differences)
table = {"p": 1.0, "z": 0.5, "a": 0.6225, "e": -0.3775, "loss": 0.1425, "de": -0.7551, "da": -0.7551,
         "dz": -0.1774, "dp": -0.1774, "db": -0.1774, "dw": -0.3549, "dx": -0.0887}
for name, v in table.items():
    assert abs({**values, **grads}[name] - v) < 5e-5, name


def loss_at(x, w, b):
    return (sigmoid(w * x + b) - y) ** 2


numeric = {"dw": central(lambda t: loss_at(x, t, b), w), "db": central(lambda t: loss_at(x, w, t), b),
           "dx": central(lambda t: loss_at(t, w, b), x)}
for name, g in numeric.items():
    assert abs(grads[name] - g) < 1e-9, name
print("✓ 12 values = the table (within 0.00005); dw, db, dx = central differences (within 1e-9)")"""),
]

ANIM = r'''import matplotlib.pyplot as plt
from matplotlib.animation import FuncAnimation

from nn_core.animation import show_animation
from nn_core.plotting import COLORS, use_book_style

use_book_style()
{COMMENT}
boxes = {"x": (0, 0.9), "w": (0, -0.9), "p": (2.6, 0), "b": (2.6, -1.6), "z": (5.2, 0), "a": (7.8, 0),
         "y": (7.8, -1.6), "e": (10.4, 0), "loss": (13.0, 0)}
ops = {"×": (1.3, 0), "+": (3.9, 0), "σ": (6.5, 0), "−": (9.1, 0), "²": (11.7, 0)}
edges = [("x", "×"), ("w", "×"), ("×", "p"), ("p", "+"), ("b", "+"), ("+", "z"), ("z", "σ"), ("σ", "a"),
         ("a", "−"), ("y", "−"), ("−", "e"), ("e", "²"), ("²", "loss")]
names = {"loss": "ℒ"}
known = {"x": x, "w": w, "b": b, "y": y}
forward_steps = ["p", "z", "a", "e", "loss"]
backward_steps = [["loss"], ["e"], ["a"], ["z"], ["p", "b"], ["w", "x"]]
grad_of = {"loss": d_loss, "e": de, "a": da, "z": dz, "p": dp, "b": db, "w": dw, "x": dx}

fig, ax = plt.subplots(figsize=(9, 3), dpi=70)
pos = {**boxes, **ops}
for u, v in edges:
    ax.annotate("", xy=pos[v], xytext=pos[u], arrowprops=dict(arrowstyle="-|>", color="#999999", lw=1.2,
                                                             shrinkA=14, shrinkB=14))
for op, (px, py) in ops.items():
    ax.add_patch(plt.Circle((px, py), 0.42, color="#dddddd", zorder=2))
    ax.text(px, py, op, ha="center", va="center", fontsize=13, zorder=3)
value_text, grad_text = {}, {}
for name, (px, py) in boxes.items():
    ax.text(px, py, names.get(name, name), ha="center", va="center", fontsize=13, weight="bold",
            bbox=dict(boxstyle="round", fc="white", ec="#555555"))
    value_text[name] = ax.text(px, py + 0.5, "", ha="center", color=COLORS[0], fontsize=10)
    grad_text[name] = ax.text(px, py - 0.55, "", ha="center", va="top", color=COLORS[1], fontsize=10)
ax.set_xlim(-0.8, 13.8)
ax.set_ylim(-2.6, 1.9)
ax.axis("off")
frames = 1 + len(forward_steps) + len(backward_steps)


def draw(frame):
    shown = forward_steps[:frame]
    for name in boxes:
        v = known.get(name, values.get(name))
        value_text[name].set_text(fmt(v, 4) if name in known or name in shown else "")
    back = [n for step in backward_steps[:max(0, frame - len(forward_steps))] for n in step]
    for name in boxes:
        grad_text[name].set_text(f"d{names.get(name, name)} = {fmt(grad_of[name], 4)}" if name in back else "")
    if frame <= len(forward_steps):
        ax.set_title(TITLE_FORWARD.format(frame, len(forward_steps)), color=COLORS[0], fontsize=11)
    else:
        ax.set_title(TITLE_BACKWARD.format(frame - len(forward_steps), len(backward_steps)),
                     color=COLORS[1], fontsize=11)
    return list(value_text.values()) + list(grad_text.values())


draw(0)
fig.tight_layout()
graph_animation = FuncAnimation(fig, draw, frames=frames, interval=900)
show_animation(graph_animation)'''

cells += [
    pair("""## 🎬 Graph yang sama, langkah demi langkah

Animasi berikut mengisi graph yang sama: pertama nilai-nilai forward (biru) dari kiri ke kanan, lalu gradient (merah) dari kanan ke kiri. Perhatikan node kali: $dw$ memakai nilai $x$, dan $dx$ memakai nilai $w$.""",
         """## 🎬 The same graph, step by step

The animation fills in the same graph: first the forward values (blue) from left to right, then the gradients (red) from right to left. Watch the multiply node: $dw$ uses the value of $x$, and $dx$ uses the value of $w$."""),
]
cells += code_pair(
    'TITLE_FORWARD = "forward pass (biru): langkah {} dari {}"\n'
    'TITLE_BACKWARD = "backward pass (merah): langkah {} dari {}"\n'
    + ANIM.replace("{COMMENT}", "# Letak setiap nilai (kotak) dan setiap node (lingkaran), serta panah yang menghubungkannya"),
    'TITLE_FORWARD = "forward pass (blue): step {} of {}"\n'
    'TITLE_BACKWARD = "backward pass (red): step {} of {}"\n'
    + ANIM.replace("{COMMENT}", "# Where each value (box) and each node (circle) sits, and which arrows join them"),
    "nbval-ignore-output")

cells += code_pair(
    """# Cek: animasinya 12 frame; frame terakhir menampilkan setiap nilai dan setiap gradient dari tabel
assert frames == 12
draw(frames - 1)
assert all(value_text[n].get_text() == fmt(known.get(n, values.get(n)), 4) for n in boxes)
assert grad_text["w"].get_text() == f"dw = {fmt(-0.3549, 4)}" and grad_text["x"].get_text() == f"dx = {fmt(-0.0887, 4)}"
assert grad_text["y"].get_text() == ""          # target y adalah data: tidak ada gradient yang dibutuhkan
draw(5)
assert all(t.get_text() == "" for t in grad_text.values()) and value_text["loss"].get_text() == fmt(0.1425, 4)
print("✓ 12 frame: 5 langkah forward, lalu 6 langkah backward; frame terakhir = tabel")""",
    """# Check: the animation has 12 frames; the last one shows every value and every gradient of the table
assert frames == 12
draw(frames - 1)
assert all(value_text[n].get_text() == fmt(known.get(n, values.get(n)), 4) for n in boxes)
assert grad_text["w"].get_text() == f"dw = {fmt(-0.3549, 4)}" and grad_text["x"].get_text() == f"dx = {fmt(-0.0887, 4)}"
assert grad_text["y"].get_text() == ""          # the target y is data: no gradient needed
draw(5)
assert all(t.get_text() == "" for t in grad_text.values()) and value_text["loss"].get_text() == fmt(0.1425, 4)
print("✓ 12 frames: 5 forward steps, then 6 backward steps; the last frame = the table")""")

cells += [
    pair(f"""## Dari satu angka ke vektor: gradient dijumlahkan

Sekarang ambil $m$ sampel $x_1, \\dots, x_m$ dengan target $y_1, \\dots, y_m$, dan loss **rata-rata**-nya (MSE):

$$\\mathcal{{L}} = \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} e_i^2, \\qquad e_i = \\sigma(w x_i + b) - y_i$$

(Notasi $\\Sigma$ dijelaskan di [Perangkat Matematika]({TOOLKIT}).) Graph-nya kini punya $m$ cabang, satu per sampel, dan **$w$ yang sama masuk ke setiap cabang**. Satu aturan baru sudah cukup: jika sebuah nilai dipakai di beberapa tempat, gradient-gradient yang kembali dari setiap tempat **dijumlahkan** (geser $w$ sedikit, dan semua cabang berubah sekaligus). Setiap cabang dimulai dengan $d(e_i^2) = 1/m$ karena rata-rata, jadi

$$dw = \\sum_{{i=1}}^{{m}} dz_i \\, x_i, \\qquad db = \\sum_{{i=1}}^{{m}} dz_i, \\qquad dz_i = \\tfrac{{1}}{{m}} \\cdot 2e_i \\cdot a_i (1 - a_i)$$

Kode berikut menjalankan graph skalar sekali untuk setiap sampel, lalu menjumlahkan.""",
         f"""## From one number to vectors: gradients add up

Now take $m$ samples $x_1, \\dots, x_m$ with targets $y_1, \\dots, y_m$, and their **mean** loss (the MSE):

$$\\mathcal{{L}} = \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} e_i^2, \\qquad e_i = \\sigma(w x_i + b) - y_i$$

(The $\\Sigma$ notation is explained in the [Maths Toolkit]({TOOLKIT}).) The graph now has $m$ branches, one per sample, and **the same $w$ enters every branch**. One new rule is enough: when a value is used in several places, the gradients coming back from each place **add up** (nudge $w$ and every branch changes at once). Every branch starts with $d(e_i^2) = 1/m$ because of the mean, so

$$dw = \\sum_{{i=1}}^{{m}} dz_i \\, x_i, \\qquad db = \\sum_{{i=1}}^{{m}} dz_i, \\qquad dz_i = \\tfrac{{1}}{{m}} \\cdot 2e_i \\cdot a_i (1 - a_i)$$

The code below runs the scalar graph once per sample, then adds up."""),
    code_pair("""xs = np.array([2.0, -1.0, 0.5, 3.0])     # 4 sampel, satu fitur
ys = np.array([1.0, 0.0, 1.0, 0.0])
m = len(xs)

dw_sum, db_sum = 0.0, 0.0
for x_i, y_i in zip(xs, ys):                 # graph skalar, sekali per sampel
    a_i = sigmoid(w * x_i + b)
    dz_i = (1 / m) * 2 * (a_i - y_i) * a_i * (1 - a_i)
    dw_sum += dz_i * x_i                     # w dipakai setiap sampel: jumlahkan
    db_sum += dz_i

a_all = sigmoid(w * xs + b)                  # semua sampel sekaligus (vektor)
dz_all = 2 * (a_all - ys) / m * a_all * (1 - a_all)
print(f"loop per sampel: dw = {fmt(dw_sum, 4)}, db = {fmt(db_sum, 4)}")
print(f"vektor:          dw = {fmt(np.sum(dz_all * xs), 4)}, db = {fmt(np.sum(dz_all), 4)}")""",
              """xs = np.array([2.0, -1.0, 0.5, 3.0])     # 4 samples, one feature
ys = np.array([1.0, 0.0, 1.0, 0.0])
m = len(xs)

dw_sum, db_sum = 0.0, 0.0
for x_i, y_i in zip(xs, ys):                 # the scalar graph, once per sample
    a_i = sigmoid(w * x_i + b)
    dz_i = (1 / m) * 2 * (a_i - y_i) * a_i * (1 - a_i)
    dw_sum += dz_i * x_i                     # w is used by every sample: add up
    db_sum += dz_i

a_all = sigmoid(w * xs + b)                  # every sample at once (vectors)
dz_all = 2 * (a_all - ys) / m * a_all * (1 - a_all)
print(f"loop over samples: dw = {fmt(dw_sum, 4)}, db = {fmt(db_sum, 4)}")
print(f"vectors:           dw = {fmt(np.sum(dz_all * xs), 4)}, db = {fmt(np.sum(dz_all), 4)}")"""),
    code_pair("""# Cek: loop per sampel = versi vektor = gradient numerik dari loss rata-rata
def mean_loss(w, b):
    return np.mean((sigmoid(w * xs + b) - ys) ** 2)


assert abs(dw_sum - np.sum(dz_all * xs)) < 1e-12 and abs(db_sum - np.sum(dz_all)) < 1e-12
assert abs(dw_sum - central(lambda t: mean_loss(t, b), w)) < 1e-9
assert abs(db_sum - central(lambda t: mean_loss(w, t), b)) < 1e-9
print("✓ jumlah atas sampel = gradient loss rata-rata (selisih < 1e-9)")""",
              """# Check: the loop over samples = the vector version = the numerical gradient of the mean loss
def mean_loss(w, b):
    return np.mean((sigmoid(w * xs + b) - ys) ** 2)


assert abs(dw_sum - np.sum(dz_all * xs)) < 1e-12 and abs(db_sum - np.sum(dz_all)) < 1e-12
assert abs(dw_sum - central(lambda t: mean_loss(t, b), w)) < 1e-9
assert abs(db_sum - central(lambda t: mean_loss(w, t), b)) < 1e-9
print("✓ the sum over samples = the gradient of the mean loss (within 1e-9)")"""),

    pair(f"""## Ke matriks: mengapa `dW2 = a1.T @ dz2`

Sebuah layer melakukan hal yang sama untuk banyak input dan banyak neuron sekaligus: $z = a W + b$, dengan input $a$ berbentuk $(m, n_{{\\text{{in}}}})$ (satu sampel per **baris**), weight $W$ berbentuk $(n_{{\\text{{in}}}}, n_{{\\text{{out}}}})$, dan $z$ berbentuk $(m, n_{{\\text{{out}}}})$ (lihat vektor, matriks, dan shape di [Perangkat Matematika]({TOOLKIT})). Tulis satu elemen:

$$z_{{ij}} = \\sum_{{k}} a_{{ik}}\\, W_{{kj}} + b_j$$

Weight $W_{{kj}}$ adalah node kali dengan input lain $a_{{ik}}$, dan dipakai oleh **setiap** sampel $i$. Jadi menurut dua aturan kita (kali: × input yang lain; dipakai berkali-kali: jumlahkan):

$$dW_{{kj}} = \\sum_{{i=1}}^{{m}} a_{{ik}}\\, dz_{{ij}} = \\left(a^\\top dz\\right)_{{kj}}$$

Itulah `dW = a.T @ dz`: perkalian matriks *adalah* jumlah atas sampel. Shape-nya pas dengan sendirinya: $(n_{{\\text{{in}}}}, m) \\cdot (m, n_{{\\text{{out}}}}) \\to (n_{{\\text{{in}}}}, n_{{\\text{{out}}}})$, shape $W$ sendiri; dimensi sampel $m$ hilang karena dijumlahkan. Dengan cara yang sama, $b_j$ dipakai setiap sampel: `db = dz.sum(axis=0, keepdims=True)`; dan $a_{{ik}}$ masuk ke setiap neuron $j$: $da_{{ik}} = \\sum_j dz_{{ij}} W_{{kj}}$, yaitu `da = dz @ W.T`. Untuk layer kedua jaringan XOR: `dW2 = a1.T @ dz2` dan `da1 = dz2 @ W2.T`, persis baris-baris di bab berikutnya.""",
         f"""## To matrices: why `dW2 = a1.T @ dz2`

A layer does the same for many inputs and many neurons at once: $z = a W + b$, with the input $a$ of shape $(m, n_{{\\text{{in}}}})$ (one sample per **row**), the weights $W$ of shape $(n_{{\\text{{in}}}}, n_{{\\text{{out}}}})$, and $z$ of shape $(m, n_{{\\text{{out}}}})$ (see vectors, matrices and shapes in the [Maths Toolkit]({TOOLKIT})). Write out one entry:

$$z_{{ij}} = \\sum_{{k}} a_{{ik}}\\, W_{{kj}} + b_j$$

The weight $W_{{kj}}$ sits in a multiply node whose other input is $a_{{ik}}$, and **every** sample $i$ uses it. So by our two rules (multiply: × the other input; used many times: add up):

$$dW_{{kj}} = \\sum_{{i=1}}^{{m}} a_{{ik}}\\, dz_{{ij}} = \\left(a^\\top dz\\right)_{{kj}}$$

That is `dW = a.T @ dz`: the matrix product *is* the sum over samples. The shapes fit by themselves: $(n_{{\\text{{in}}}}, m) \\cdot (m, n_{{\\text{{out}}}}) \\to (n_{{\\text{{in}}}}, n_{{\\text{{out}}}})$, the shape of $W$ itself; the sample dimension $m$ disappears because it is summed over. In the same way, every sample uses $b_j$: `db = dz.sum(axis=0, keepdims=True)`; and $a_{{ik}}$ enters every neuron $j$: $da_{{ik}} = \\sum_j dz_{{ij}} W_{{kj}}$, which is `da = dz @ W.T`. For the second layer of the XOR network: `dW2 = a1.T @ dz2` and `da1 = dz2 @ W2.T`, exactly the lines of the next chapter."""),
    code_pair("""rng = np.random.default_rng(0)
a1 = rng.uniform(0, 1, (4, 3))      # 4 sampel, 3 neuron hidden: (m, n_in)
W2 = rng.normal(0, 1, (3, 2))       # (n_in, n_out)
dz2 = rng.normal(0, 1, (4, 2))      # gradient yang datang dari atas: (m, n_out)

# Rumus per elemen, dengan loop: dW2[k, j] = Σ_i a1[i, k] · dz2[i, j]
dW2_loop = np.zeros_like(W2)
for k in range(3):
    for j in range(2):
        for i in range(4):
            dW2_loop[k, j] += a1[i, k] * dz2[i, j]

dW2 = a1.T @ dz2
print(f"a1.T: {a1.T.shape}  @  dz2: {dz2.shape}  →  dW2: {dW2.shape}   (W2: {W2.shape})")
print("✓" if np.allclose(dW2, dW2_loop) else "✗", "loop per elemen = a1.T @ dz2")""",
              """rng = np.random.default_rng(0)
a1 = rng.uniform(0, 1, (4, 3))      # 4 samples, 3 hidden neurons: (m, n_in)
W2 = rng.normal(0, 1, (3, 2))       # (n_in, n_out)
dz2 = rng.normal(0, 1, (4, 2))      # the gradient coming from above: (m, n_out)

# The entry-wise formula, with loops: dW2[k, j] = Σ_i a1[i, k] · dz2[i, j]
dW2_loop = np.zeros_like(W2)
for k in range(3):
    for j in range(2):
        for i in range(4):
            dW2_loop[k, j] += a1[i, k] * dz2[i, j]

dW2 = a1.T @ dz2
print(f"a1.T: {a1.T.shape}  @  dz2: {dz2.shape}  →  dW2: {dW2.shape}   (W2: {W2.shape})")
print("✓" if np.allclose(dW2, dW2_loop) else "✗", "entry-wise loop = a1.T @ dz2")"""),
    code_pair("""# Cek: a1.T @ dz2 = loop per elemen = jumlah dari satu matriks per sampel; db2 dan da1 juga; gradient numerik
from nn_core import numerical_gradient

assert dW2.shape == W2.shape == (3, 2)
assert np.allclose(dW2, dW2_loop, rtol=0, atol=1e-12)
per_sample = sum(np.outer(a1[i], dz2[i]) for i in range(4))    # graph skalar setiap sampel, dijumlahkan
assert np.allclose(dW2, per_sample, rtol=0, atol=1e-12)
# Loss buatan yang gradient-nya terhadap z2 tepat dz2: ℒ = Σ z2 · dz2
b2 = rng.normal(0, 1, (1, 2))
params = {"W2": W2, "b2": b2, "a1": a1}
def fake_loss():
    return np.sum((params["a1"] @ params["W2"] + params["b2"]) * dz2)
assert np.allclose(numerical_gradient(fake_loss, params["W2"]), a1.T @ dz2, atol=1e-7)
assert np.allclose(numerical_gradient(fake_loss, params["b2"]), dz2.sum(axis=0, keepdims=True), atol=1e-7)
assert np.allclose(numerical_gradient(fake_loss, params["a1"]), dz2 @ W2.T, atol=1e-7)
print("✓ dW2 = a1.T @ dz2 (3, 2), db2 = jumlah dz2 atas sampel, da1 = dz2 @ W2.T: sama dengan loop dan gradient numerik")""",
              """# Check: a1.T @ dz2 = the entry-wise loop = the sum of one matrix per sample; db2 and da1 too; numerical gradients
from nn_core import numerical_gradient

assert dW2.shape == W2.shape == (3, 2)
assert np.allclose(dW2, dW2_loop, rtol=0, atol=1e-12)
per_sample = sum(np.outer(a1[i], dz2[i]) for i in range(4))    # each sample's scalar graph, added up
assert np.allclose(dW2, per_sample, rtol=0, atol=1e-12)
# A made-up loss whose gradient with respect to z2 is exactly dz2: ℒ = Σ z2 · dz2
b2 = rng.normal(0, 1, (1, 2))
params = {"W2": W2, "b2": b2, "a1": a1}
def fake_loss():
    return np.sum((params["a1"] @ params["W2"] + params["b2"]) * dz2)
assert np.allclose(numerical_gradient(fake_loss, params["W2"]), a1.T @ dz2, atol=1e-7)
assert np.allclose(numerical_gradient(fake_loss, params["b2"]), dz2.sum(axis=0, keepdims=True), atol=1e-7)
assert np.allclose(numerical_gradient(fake_loss, params["a1"]), dz2 @ W2.T, atol=1e-7)
print("✓ dW2 = a1.T @ dz2 (3, 2), db2 = dz2 summed over samples, da1 = dz2 @ W2.T: equal to the loops and to numerical gradients")"""),
    pair("""Tiga hal yang dibawa ke bab berikutnya:

- **Gradient sebuah parameter selalu berbentuk sama dengan parameternya** (`dW2` seperti `W2`). Jika shape-nya tidak cocok, ada transpos yang salah.
- **Perkalian dengan `.T` adalah jumlah atas sampel** (`a1.T @ dz2`), dan `np.sum(..., axis=0)` untuk bias adalah jumlah yang sama.
- **Faktor $1/m$ berasal dari rata-rata** di loss; ia masuk sekali, di gradient output.

Di [bab Backpropagation](p1-06-backpropagation.ipynb) node-node ini menjadi layer: `z = a @ W + b` adalah node kali-dan-tambah dalam bentuk matriks, sigmoid bekerja per elemen, dan loss MSE adalah node kurang-lalu-kuadrat yang dirata-ratakan.""",
         """Three things to take into the next chapter:

- **A parameter's gradient always has the parameter's shape** (`dW2` like `W2`). If the shapes disagree, a transpose is wrong.
- **The product with `.T` is the sum over samples** (`a1.T @ dz2`), and `np.sum(..., axis=0)` for the bias is the same sum.
- **The factor $1/m$ comes from the mean** in the loss; it enters once, in the output gradient.

In [the Backpropagation chapter](p1-06-backpropagation.ipynb) these nodes become layers: `z = a @ W + b` is a multiply-and-add node in matrix form, the sigmoid acts entry by entry, and the MSE loss is a subtract-then-square node, averaged."""),

    pair("""## 🏋️ Latihan

Giliran Anda. Tulis jawaban di sel kode, lalu jalankan: `check` memberi tahu apakah jawaban Anda benar, atau apa yang salah. Buntu? Buka petunjuk sebelum solusi.""",
         """## 🏋️ Exercises

Your turn. Write your answer in the code cell and run it: `check` tells you whether it is right — or what is wrong. Stuck? Open the hint before the solution."""),
    code("from nn_core.exercises import p1_05b_computational_graph as ex"),
]

cells += exercise(
    ex.q1, 1,
    """Sebuah node kali menghitung $c = a \\cdot b$ dengan $a = 3$ dan $b = -2$. Dari belakang datang gradient $dc = 0{,}5$. **Tebak dulu** (tanpa kode): berapa $da$? Tulis tebakan Anda, periksa, lalu konfirmasi dengan beda pusat: `central(lambda t: 0.5 * t * -2.0, 3.0)`.""",
    """A multiply node computes $c = a \\cdot b$ with $a = 3$ and $b = -2$. From behind comes the gradient $dc = 0.5$. **Predict first** (no code): what is $da$? Write your prediction, check it, then confirm it with a central difference: `central(lambda t: 0.5 * t * -2.0, 3.0)`.""",
    "da = ...  # tebakan Anda, sebuah bilangan\n\nex.q1.check(da)",
    "da = ...  # your prediction, a number\n\nex.q1.check(da)")
cells += exercise(
    ex.q2, 2,
    """Graph baru: $q = x \\cdot y$, $s = q + z$, $f = s^2$, dengan $x = 2$, $y = -1$, $z = 4$. Hitung backward pass **dengan tangan** (tabel seperti di atas), lalu tulis `grads = [dx, dy, dz]`, yaitu $\\partial f/\\partial x$, $\\partial f/\\partial y$, $\\partial f/\\partial z$. Setelah itu, periksa satu angka Anda dengan `central`.""",
    """A new graph: $q = x \\cdot y$, $s = q + z$, $f = s^2$, with $x = 2$, $y = -1$, $z = 4$. Work out the backward pass **by hand** (a table like the one above), then write `grads = [dx, dy, dz]`, that is $\\partial f/\\partial x$, $\\partial f/\\partial y$, $\\partial f/\\partial z$. Afterwards, check one of your numbers with `central`.""",
    "grads = ...  # [dx, dy, dz]\n\nex.q2.check(grads)", stars=2)
cells += exercise(
    ex.q3, 3,
    """Pindahkan graph neuron ke kasus baru: tulis `neuron_gradients(x, y, w, b)` untuk $m$ sampel (`x` dan `y` adalah array berbentuk `(m,)`, `w` dan `b` bilangan), dengan loss rata-rata $\\mathcal{L} = \\frac{1}{m}\\sum_i (\\sigma(w x_i + b) - y_i)^2$. Kembalikan `(dw, db)`, dua bilangan. Tanpa loop: pakai operasi vektor NumPy. Pemeriksa mengujinya pada graph bab ini (satu sampel), pada 4 sampel di atas, pada data acak, dan pada input bilangan bulat.""",
    """Transfer the neuron's graph to a new case: write `neuron_gradients(x, y, w, b)` for $m$ samples (`x` and `y` are arrays of shape `(m,)`, `w` and `b` numbers), with the mean loss $\\mathcal{L} = \\frac{1}{m}\\sum_i (\\sigma(w x_i + b) - y_i)^2$. Return `(dw, db)`, two numbers. No loop: use NumPy's vector operations. The checker tests it on the chapter's graph (one sample), on the 4 samples above, on random data and on integer input.""",
    "def neuron_gradients(x, y, w, b):\n    ...  # tulis jawaban Anda di sini: return dw, db\n\nex.q3.check(neuron_gradients)",
    "def neuron_gradients(x, y, w, b):\n    ...  # write your answer here: return dw, db\n\nex.q3.check(neuron_gradients)",
    stars=2)

write(ROOT / "book/src/p1-05b-computational-graph.ipynb", *[g if isinstance(g, list) else [g] for g in cells])
