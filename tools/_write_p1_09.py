"""Writes book/src/p1-09-maths-toolkit.ipynb (issue 19: the maths toolkit and the notation table)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
from authoring import code, code_pair, exercise, pair, write  # noqa: E402
from nn_core.exercises import p1_09_maths_toolkit as ex  # noqa: E402

NOTATION_EN = r"""| What | Maths | Code |
|---|---|---|
| number of samples in a batch or data set | $m$ | `m` |
| features or units of layer $l$ | $n^{[l]}$ ($n^{[0]}$ = the inputs) | `n_in`, `n_out` |
| layer index, number of layers | $l = 1, \dots, L$ | `l` |
| inputs (one sample per **row**) | $X$: $(m, n^{[0]})$, $a^{[0]} = X$ | `X`, `a0` |
| weights and biases of layer $l$ | $W^{[l]}$: $(n^{[l-1]}, n^{[l]})$, $b^{[l]}$: $(1, n^{[l]})$ | `W1`, `b1`, `W[l]` |
| pre-activation, activation | $z^{[l]} = a^{[l-1]} W^{[l]} + b^{[l]}$, $a^{[l]} = g(z^{[l]})$ | `z1`, `a1`, `a_prev` |
| activation function, its derivative | $g$, $g'$ ($\sigma$ = sigmoid, ReLU) | `sigmoid`, `relu` |
| prediction, target | $\hat{y}$ (= $a^{[L]}$), $y$; one-hot $Y$ | `y_hat`, `y`, `y_onehot` |
| loss (the mean over the batch) | $\mathcal{L}$ | `loss` |
| gradient of the loss with respect to a quantity $q$ | $dq = \partial\mathcal{L}/\partial q$, e.g. $dW^{[l]}$, $dz^{[l]}$ | `dW1`, `dz1`, `da` |
| learning rate | $\eta$ | `lr` |
| update rule | $W \leftarrow W - \eta\, dW$ | `W -= lr * dW` |
| classes | $K$ classes, class index $k$ | `n_classes`, `k` |
| softmax and logits | scores (logits) $z$, $\hat{y}_k = e^{z_k} / \sum_j e^{z_j}$ | `z`, `probs` |
| indicator (instead of Kronecker's δ) | $\mathbb{1}[i = j]$ | — |
| convolution | input channel $c$, filter (output channel) $f$, output position $(i, j)$, kernel offset $(u, v)$, kernel size $k$, stride $s$, padding $p$; weights $W_{f,c,u,v}$, bias $b_f$ | `W1[f, c, u, v]`, `b1[f]` |
| image batch | $X$: $(m, C, H, W)$ | `X` |

Rules: no δ for gradients (write $dz^{[l]}$); $b$ is always a bias and $L$ always the number of layers (the loss is $\mathcal{L}$); subscripts are entry indices ($W^{[l]}_{ij}$), bracketed superscripts are layers. Words: the **gradient** is the array of partial derivatives; **SGD** (*stochastic gradient descent*) is one update per mini-batch, everywhere in the book ("one sample per step" is SGD with a batch size of 1)."""

NOTATION_ID = r"""| Apa | Matematika | Kode |
|---|---|---|
| jumlah sampel dalam satu batch atau dataset | $m$ | `m` |
| jumlah fitur atau unit layer $l$ | $n^{[l]}$ ($n^{[0]}$ = input) | `n_in`, `n_out` |
| indeks layer, jumlah layer | $l = 1, \dots, L$ | `l` |
| input (satu sampel per **baris**) | $X$: $(m, n^{[0]})$, $a^{[0]} = X$ | `X`, `a0` |
| weight dan bias layer $l$ | $W^{[l]}$: $(n^{[l-1]}, n^{[l]})$, $b^{[l]}$: $(1, n^{[l]})$ | `W1`, `b1`, `W[l]` |
| pre-aktivasi, aktivasi | $z^{[l]} = a^{[l-1]} W^{[l]} + b^{[l]}$, $a^{[l]} = g(z^{[l]})$ | `z1`, `a1`, `a_prev` |
| activation function dan turunannya | $g$, $g'$ ($\sigma$ = sigmoid, ReLU) | `sigmoid`, `relu` |
| prediksi, target | $\hat{y}$ (= $a^{[L]}$), $y$; one-hot $Y$ | `y_hat`, `y`, `y_onehot` |
| loss (rata-rata atas batch) | $\mathcal{L}$ | `loss` |
| gradient loss terhadap sebuah besaran $q$ | $dq = \partial\mathcal{L}/\partial q$, misalnya $dW^{[l]}$, $dz^{[l]}$ | `dW1`, `dz1`, `da` |
| learning rate | $\eta$ | `lr` |
| aturan update | $W \leftarrow W - \eta\, dW$ | `W -= lr * dW` |
| kelas | $K$ kelas, indeks kelas $k$ | `n_classes`, `k` |
| softmax dan logit | skor (logit) $z$, $\hat{y}_k = e^{z_k} / \sum_j e^{z_j}$ | `z`, `probs` |
| indikator (pengganti δ Kronecker) | $\mathbb{1}[i = j]$ | — |
| konvolusi | channel input $c$, filter (channel output) $f$, posisi output $(i, j)$, pergeseran kernel $(u, v)$, ukuran kernel $k$, stride $s$, padding $p$; weight $W_{f,c,u,v}$, bias $b_f$ | `W1[f, c, u, v]`, `b1[f]` |
| batch gambar | $X$: $(m, C, H, W)$ | `X` |

Aturannya: δ tidak dipakai untuk gradient (tulis $dz^{[l]}$); $b$ selalu bias dan $L$ selalu jumlah layer (loss-nya $\mathcal{L}$); subskrip adalah indeks entri ($W^{[l]}_{ij}$), superskrip berkurung adalah layer. Istilah: **gradient** adalah array berisi turunan parsial; **SGD** (*stochastic gradient descent*) adalah satu update per mini-batch, di seluruh buku ("satu sampel per langkah" adalah SGD dengan ukuran batch 1)."""

cells = [
    pair("""# Lampiran: Perangkat Matematika

*Semua matematika buku ini di satu halaman, masing-masing dengan satu cek.*""",
         """# Appendix: The Maths Toolkit

*All the maths of the book on one page, each piece with a check.*"""),
    pair("""Halaman ini mengumpulkan matematika yang dipakai buku: turunan dan chain rule (untuk backpropagation), vektor, matriks, dan shape (untuk forward pass), notasi $\\Sigma$, mean, varians, dan standar deviasi (untuk inisialisasi dan preprocessing), serta sifat-sifat exp dan log (untuk softmax dan cross-entropy). Di akhir ada **tabel notasi** yang diikuti setiap bab. Bab-bab menautkan ke sini ketika sebuah ide muncul pertama kali; Anda tidak perlu membaca halaman ini dari awal sampai akhir.""",
         """This page collects the maths the book uses: derivatives and the chain rule (for backpropagation), vectors, matrices and shapes (for the forward pass), the $\\Sigma$ notation, mean, variance and standard deviation (for initialisation and preprocessing), and the facts about exp and log (for softmax and cross-entropy). At the end is the **notation table** every chapter follows. The chapters link here where an idea first appears; there is no need to read this page from top to bottom."""),
    code("import numpy as np\n\nfrom nn_core import fmt, sigmoid"),

    pair("""## 1. Turunan, turunan parsial, chain rule

**Turunan.** Turunan $f'(x)$ adalah kemiringan $f$ di titik $x$: jika $x$ digeser sedikit sebesar $\\varepsilon$, $f$ berubah sekitar $f'(x)\\,\\varepsilon$. Kita bisa mengukurnya langsung dengan **beda pusat**: $f'(x) \\approx \\big(f(x + \\varepsilon) - f(x - \\varepsilon)\\big) / 2\\varepsilon$. Beberapa turunan yang dipakai buku: $(x^2)' = 2x$, $(e^x)' = e^x$, $(\\ln x)' = 1/x$, $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$.

**Turunan parsial.** Jika fungsi punya beberapa input, misalnya $f(w, b) = w \\cdot 3 + b$, kita menggeser **satu** input dan menahan yang lain: $\\partial f / \\partial w = 3$, $\\partial f / \\partial b = 1$. Simbol $\\partial$ (baca: "parsial") hanya mengingatkan bahwa input lain ditahan. Array berisi semua turunan parsial disebut **gradient**.

**Chain rule.** Jika $f(x) = g(u)$ dengan $u = h(x)$, maka $f'(x) = g'(u) \\cdot h'(x)$: kalikan turunan di sepanjang rantai. Contoh: $f(x) = (3x + 1)^2$. Dengan $u = 3x + 1$: $f'(x) = 2u \\cdot 3$, jadi $f'(1) = 2 \\cdot 4 \\cdot 3 = 24$. [Bab computational graph](p1-05b-computational-graph.ipynb) menerapkan aturan ini satu node demi satu node.""",
         """## 1. Derivatives, partial derivatives, the chain rule

**Derivative.** The derivative $f'(x)$ is the slope of $f$ at $x$: if $x$ moves a little, by $\\varepsilon$, then $f$ changes by about $f'(x)\\,\\varepsilon$. We can measure it directly with a **central difference**: $f'(x) \\approx \\big(f(x + \\varepsilon) - f(x - \\varepsilon)\\big) / 2\\varepsilon$. Derivatives the book uses: $(x^2)' = 2x$, $(e^x)' = e^x$, $(\\ln x)' = 1/x$, $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$.

**Partial derivative.** When a function has several inputs, such as $f(w, b) = w \\cdot 3 + b$, we move **one** input and hold the others fixed: $\\partial f / \\partial w = 3$, $\\partial f / \\partial b = 1$. The symbol $\\partial$ ("partial") only reminds us that the other inputs are held fixed. The array of all the partial derivatives is the **gradient**.

**Chain rule.** If $f(x) = g(u)$ with $u = h(x)$, then $f'(x) = g'(u) \\cdot h'(x)$: multiply the derivatives along the chain. Example: $f(x) = (3x + 1)^2$. With $u = 3x + 1$: $f'(x) = 2u \\cdot 3$, so $f'(1) = 2 \\cdot 4 \\cdot 3 = 24$. [The computational graph chapter](p1-05b-computational-graph.ipynb) applies this rule one node at a time."""),
    code_pair("""# Cek: turunan-turunan di atas = beda pusat; ∂f/∂w = 3, ∂f/∂b = 1; chain rule: f'(1) = 24
def central(f, x, eps=1e-6):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


for x in (-1.5, 0.3, 2.0):
    assert abs(central(lambda t: t ** 2, x) - 2 * x) < 1e-6
    assert abs(central(np.exp, x) - np.exp(x)) < 1e-6
    assert abs(central(lambda t: sigmoid(t), x) - sigmoid(x) * (1 - sigmoid(x))) < 1e-8
    assert abs(central(np.log, x + 2) - 1 / (x + 2)) < 1e-6
assert abs(central(lambda w: w * 3 + 0.7, 1.2) - 3) < 1e-8 and abs(central(lambda b: 1.2 * 3 + b, 0.7) - 1) < 1e-8
assert abs(central(lambda t: (3 * t + 1) ** 2, 1.0) - 24) < 1e-6
print(f"✓ f(x) = (3x + 1)²: f'(1) = 2 · 4 · 3 = 24, beda pusat {fmt(central(lambda t: (3 * t + 1) ** 2, 1.0), 4)}")""",
              """# Check: the derivatives above = central differences; ∂f/∂w = 3, ∂f/∂b = 1; chain rule: f'(1) = 24
def central(f, x, eps=1e-6):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


for x in (-1.5, 0.3, 2.0):
    assert abs(central(lambda t: t ** 2, x) - 2 * x) < 1e-6
    assert abs(central(np.exp, x) - np.exp(x)) < 1e-6
    assert abs(central(lambda t: sigmoid(t), x) - sigmoid(x) * (1 - sigmoid(x))) < 1e-8
    assert abs(central(np.log, x + 2) - 1 / (x + 2)) < 1e-6
assert abs(central(lambda w: w * 3 + 0.7, 1.2) - 3) < 1e-8 and abs(central(lambda b: 1.2 * 3 + b, 0.7) - 1) < 1e-8
assert abs(central(lambda t: (3 * t + 1) ** 2, 1.0) - 24) < 1e-6
print(f"✓ f(x) = (3x + 1)²: f'(1) = 2 · 4 · 3 = 24, central difference {fmt(central(lambda t: (3 * t + 1) ** 2, 1.0), 4)}")"""),

    pair("""## 2. Vektor, matriks, dan shape

Sebuah **vektor** adalah daftar angka; sebuah **matriks** adalah tabel angka dengan baris dan kolom. **Shape** matriks ditulis (baris, kolom). Buku ini menaruh **satu sampel per baris**: data dengan $m$ sampel dan $n$ fitur berbentuk $(m, n)$.

**Perkalian matriks** `A @ B` hanya bisa jika jumlah kolom `A` sama dengan jumlah baris `B`: $(n, k) \\cdot (k, p) \\to (n, p)$; dimensi tengah $k$ hilang karena dijumlahkan: $(AB)_{ij} = \\sum_k A_{ik} B_{kj}$. **Transpos** $A^\\top$ (`A.T`) menukar baris dan kolom: $(n, k) \\to (k, n)$. Sebuah layer menghitung $z = a W + b$: $(m, n_{\\text{in}}) \\cdot (n_{\\text{in}}, n_{\\text{out}}) \\to (m, n_{\\text{out}})$, dan bias $b$ berbentuk $(1, n_{\\text{out}})$ ditambahkan ke **setiap baris** (NumPy menyebutnya *broadcasting*). Perkalian per elemen (`*`) berbeda: ia butuh shape yang sama (atau yang bisa di-broadcast).""",
         """## 2. Vectors, matrices and shapes

A **vector** is a list of numbers; a **matrix** is a table of numbers with rows and columns. The **shape** of a matrix is written (rows, columns). This book puts **one sample per row**: data with $m$ samples and $n$ features has shape $(m, n)$.

The **matrix product** `A @ B` only works when `A` has as many columns as `B` has rows: $(n, k) \\cdot (k, p) \\to (n, p)$; the middle dimension $k$ disappears because it is summed over: $(AB)_{ij} = \\sum_k A_{ik} B_{kj}$. The **transpose** $A^\\top$ (`A.T`) swaps rows and columns: $(n, k) \\to (k, n)$. A layer computes $z = a W + b$: $(m, n_{\\text{in}}) \\cdot (n_{\\text{in}}, n_{\\text{out}}) \\to (m, n_{\\text{out}})$, and the bias $b$ of shape $(1, n_{\\text{out}})$ is added to **every row** (NumPy calls this *broadcasting*). The entry-wise product (`*`) is different: it needs equal shapes (or shapes that broadcast)."""),
    code_pair("""X = np.arange(8.0).reshape(4, 2)    # 4 sampel, 2 fitur: (m, n_in)
W = np.ones((2, 3))                  # (n_in, n_out)
b = np.array([[0.0, 10.0, 20.0]])    # (1, n_out)
z = X @ W + b
print(f"X {X.shape} @ W {W.shape} + b {b.shape} → z {z.shape};  X.T: {X.T.shape}")
print(z)""",
              """X = np.arange(8.0).reshape(4, 2)    # 4 samples, 2 features: (m, n_in)
W = np.ones((2, 3))                  # (n_in, n_out)
b = np.array([[0.0, 10.0, 20.0]])    # (1, n_out)
z = X @ W + b
print(f"X {X.shape} @ W {W.shape} + b {b.shape} → z {z.shape};  X.T: {X.T.shape}")
print(z)"""),
    code_pair("""# Cek: shape (4, 3); (X @ W)[i, j] = Σ_k X[i, k] W[k, j]; b ditambahkan ke setiap baris
assert z.shape == (4, 3) and X.T.shape == (2, 4)
loop = np.array([[sum(X[i, k] * W[k, j] for k in range(2)) for j in range(3)] for i in range(4)])
assert np.array_equal(X @ W, loop)
assert np.array_equal(z - X @ W, np.repeat(b, 4, axis=0))
print("✓ (4, 2) @ (2, 3) → (4, 3); perkalian matriks = jumlah atas indeks tengah; bias di setiap baris")""",
              """# Check: shape (4, 3); (X @ W)[i, j] = Σ_k X[i, k] W[k, j]; b is added to every row
assert z.shape == (4, 3) and X.T.shape == (2, 4)
loop = np.array([[sum(X[i, k] * W[k, j] for k in range(2)) for j in range(3)] for i in range(4)])
assert np.array_equal(X @ W, loop)
assert np.array_equal(z - X @ W, np.repeat(b, 4, axis=0))
print("✓ (4, 2) @ (2, 3) → (4, 3); the matrix product = a sum over the middle index; the bias on every row")"""),

    pair("""## 3. Notasi Σ

$\\sum_{i=1}^{m} x_i$ dibaca "jumlah $x_i$ untuk $i$ dari 1 sampai $m$", yaitu $x_1 + x_2 + \\dots + x_m$; di NumPy `np.sum(x)`. Untuk matriks, indeks di bawah $\\Sigma$ menunjukkan **atas apa** kita menjumlahkan: $\\sum_i X_{ij}$ (atas baris, satu hasil per kolom) adalah `X.sum(axis=0)`, dan $\\sum_j X_{ij}$ (atas kolom, satu hasil per baris) adalah `X.sum(axis=1)`. Gradient bias, `db = dz.sum(axis=0, keepdims=True)`, adalah $\\sum_i dz_{ij}$: jumlah atas sampel. Rata-rata adalah jumlah dibagi banyaknya: $\\frac{1}{m} \\sum_i x_i$ = `np.mean(x)`.""",
         """## 3. Σ notation

$\\sum_{i=1}^{m} x_i$ reads "the sum of $x_i$ for $i$ from 1 to $m$", that is $x_1 + x_2 + \\dots + x_m$; in NumPy `np.sum(x)`. For a matrix, the index under the $\\Sigma$ says **over what** we add up: $\\sum_i X_{ij}$ (over the rows, one result per column) is `X.sum(axis=0)`, and $\\sum_j X_{ij}$ (over the columns, one result per row) is `X.sum(axis=1)`. The bias gradient `db = dz.sum(axis=0, keepdims=True)` is $\\sum_i dz_{ij}$: a sum over the samples. A mean is a sum divided by the count: $\\frac{1}{m} \\sum_i x_i$ = `np.mean(x)`."""),
    code_pair("""# Cek: Σ_i X_ij = X.sum(axis=0), Σ_j X_ij = X.sum(axis=1), (1/m) Σ_i x_i = np.mean
assert X.sum(axis=0).tolist() == [sum(X[i, 0] for i in range(4)), sum(X[i, 1] for i in range(4))] == [12.0, 16.0]
assert X.sum(axis=1).tolist() == [1.0, 5.0, 9.0, 13.0]
assert np.mean(X[:, 0]) == sum(X[:, 0]) / 4 == 3.0
print("✓ axis=0: atas baris (sampel) → [12, 16]; axis=1: atas kolom → [1, 5, 9, 13]")""",
              """# Check: Σ_i X_ij = X.sum(axis=0), Σ_j X_ij = X.sum(axis=1), (1/m) Σ_i x_i = np.mean
assert X.sum(axis=0).tolist() == [sum(X[i, 0] for i in range(4)), sum(X[i, 1] for i in range(4))] == [12.0, 16.0]
assert X.sum(axis=1).tolist() == [1.0, 5.0, 9.0, 13.0]
assert np.mean(X[:, 0]) == sum(X[:, 0]) / 4 == 3.0
print("✓ axis=0: over the rows (samples) → [12, 16]; axis=1: over the columns → [1, 5, 9, 13]")"""),

    pair("""## 4. Mean, varians, dan standar deviasi

Untuk data $x_1, \\dots, x_m$: **mean** $\\mu = \\frac{1}{m}\\sum_i x_i$ (pusatnya); **varians** $\\operatorname{Var}(x) = \\frac{1}{m}\\sum_i (x_i - \\mu)^2$ (rata-rata kuadrat jarak ke mean: seberapa menyebar datanya); **standar deviasi** $\\sqrt{\\operatorname{Var}(x)}$, dengan satuan yang sama dengan datanya (`np.mean`, `np.var`, `np.std`). Tiga fakta yang dipakai buku:

- **Standardisasi** $(x - \\mu)/\\text{std}$ memberi data dengan mean 0 dan standar deviasi 1 (bab preprocessing).
- Mengalikan dengan konstanta $c$ mengalikan varians dengan $c^2$: $\\operatorname{Var}(c\\,x) = c^2 \\operatorname{Var}(x)$.
- Varians jumlah $n$ besaran acak yang **saling bebas** adalah jumlah variansnya. Jadi jumlah berbobot $z = \\sum_{k=1}^{n} w_k x_k$ dengan weight dan input saling bebas bermean 0 punya $\\operatorname{Var}(z) = n \\operatorname{Var}(w) \\operatorname{Var}(x)$: inilah alasan inisialisasi weight memakai skala $\\sqrt{1/n}$ atau $\\sqrt{2/n}$ (bab deep neural network).""",
         """## 4. Mean, variance and standard deviation

For data $x_1, \\dots, x_m$: the **mean** $\\mu = \\frac{1}{m}\\sum_i x_i$ (the centre); the **variance** $\\operatorname{Var}(x) = \\frac{1}{m}\\sum_i (x_i - \\mu)^2$ (the mean squared distance from the mean: how spread out the data is); the **standard deviation** $\\sqrt{\\operatorname{Var}(x)}$, in the same units as the data (`np.mean`, `np.var`, `np.std`). Three facts the book uses:

- **Standardisation** $(x - \\mu)/\\text{std}$ gives data with mean 0 and standard deviation 1 (the preprocessing chapter).
- Multiplying by a constant $c$ multiplies the variance by $c^2$: $\\operatorname{Var}(c\\,x) = c^2 \\operatorname{Var}(x)$.
- The variance of a sum of $n$ **independent** random quantities is the sum of their variances. So a weighted sum $z = \\sum_{k=1}^{n} w_k x_k$ with independent zero-mean weights and inputs has $\\operatorname{Var}(z) = n \\operatorname{Var}(w) \\operatorname{Var}(x)$: that is why weights are initialised with a scale of $\\sqrt{1/n}$ or $\\sqrt{2/n}$ (the deep neural network chapter)."""),
    code_pair("""data = np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
mu = data.mean()
var = np.mean((data - mu) ** 2)
print(f"mean {fmt(mu, 2)}, varians {fmt(var, 2)}, standar deviasi {fmt(np.sqrt(var), 2)}")

rng = np.random.default_rng(0)
n = 100
w = rng.normal(0, np.sqrt(1 / n), (n, 20000))     # weight dengan Var(w) = 1/n
x = rng.normal(0, 1, (n, 20000))                  # input dengan Var(x) = 1
z = np.sum(w * x, axis=0)                         # 20.000 jumlah berbobot, masing-masing atas n = 100 suku
print(f"Var(z) terukur: {fmt(z.var(), 2)}   (teori: n · Var(w) · Var(x) = 100 · 0,01 · 1 = 1)")""",
              """data = np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
mu = data.mean()
var = np.mean((data - mu) ** 2)
print(f"mean {fmt(mu, 2)}, variance {fmt(var, 2)}, standard deviation {fmt(np.sqrt(var), 2)}")

rng = np.random.default_rng(0)
n = 100
w = rng.normal(0, np.sqrt(1 / n), (n, 20000))     # weights with Var(w) = 1/n
x = rng.normal(0, 1, (n, 20000))                  # inputs with Var(x) = 1
z = np.sum(w * x, axis=0)                         # 20,000 weighted sums, each over n = 100 terms
print(f"Var(z) measured: {fmt(z.var(), 2)}   (theory: n · Var(w) · Var(x) = 100 · 0.01 · 1 = 1)")"""),
    code_pair("""# Cek: mean 5, varians 4, std 2 (= np.var, np.std); standardisasi → mean 0, std 1; Var(cx) = c² Var(x); Var(z) ≈ 1
assert mu == 5.0 and var == 4.0 == np.var(data) and np.std(data) == 2.0
standard = (data - mu) / np.std(data)
assert abs(standard.mean()) < 1e-12 and abs(standard.std() - 1) < 1e-12
assert abs(np.var(3 * data) - 9 * np.var(data)) < 1e-9
assert abs(z.var() - 1) < 0.05          # 20.000 sampel: galat statistik sekitar 1 %
print(f"✓ mean 5, varians 4, std 2; standardisasi: mean 0, std 1; Var(3x) = 9 Var(x); Var(z) = {fmt(z.var(), 2)} ≈ 1")""",
              """# Check: mean 5, variance 4, std 2 (= np.var, np.std); standardisation → mean 0, std 1; Var(cx) = c² Var(x); Var(z) ≈ 1
assert mu == 5.0 and var == 4.0 == np.var(data) and np.std(data) == 2.0
standard = (data - mu) / np.std(data)
assert abs(standard.mean()) < 1e-12 and abs(standard.std() - 1) < 1e-12
assert abs(np.var(3 * data) - 9 * np.var(data)) < 1e-9
assert abs(z.var() - 1) < 0.05          # 20,000 samples: a statistical error of about 1 %
print(f"✓ mean 5, variance 4, std 2; standardisation: mean 0, std 1; Var(3x) = 9 Var(x); Var(z) = {fmt(z.var(), 2)} ≈ 1")"""),

    pair("""## 5. exp dan log untuk softmax dan cross-entropy

$e \\approx 2{,}718$, dan $\\ln$ adalah logaritma natural (`np.log`), kebalikan dari $e^x$ (`np.exp`): $\\ln(e^x) = x$. Fakta yang dipakai softmax $\\hat{y}_k = e^{z_k} / \\sum_j e^{z_j}$ dan cross-entropy $-\\ln \\hat{y}_{\\text{benar}}$:

- $e^x > 0$ untuk setiap $x$, jadi setiap probabilitas softmax positif dan jumlahnya 1.
- $e^{a + b} = e^a e^b$, jadi $e^{z_k - c} = e^{z_k} / e^{c}$: mengurangi konstanta $c$ yang sama dari setiap logit **tidak mengubah** softmax. Dengan $c = \\max_j z_j$ tidak ada lagi overflow ($e^{x}$ melampaui angka float64 terbesar jika $x > 709{,}78$).
- $\\ln(ab) = \\ln a + \\ln b$ dan $\\ln(1/a) = -\\ln a$; $\\ln$ naik terus, $\\ln 1 = 0$. Jadi $-\\ln p \\ge 0$ untuk $0 < p \\le 1$: nol jika model yakin dan benar ($p = 1$), besar jika $p$ kecil. Menebak acak di antara 10 kelas ($p = 0{,}1$) memberi $-\\ln 0{,}1 = \\ln 10 \\approx 2{,}303$.""",
         """## 5. exp and log for softmax and cross-entropy

$e \\approx 2.718$, and $\\ln$ is the natural logarithm (`np.log`), the inverse of $e^x$ (`np.exp`): $\\ln(e^x) = x$. The facts that softmax $\\hat{y}_k = e^{z_k} / \\sum_j e^{z_j}$ and cross-entropy $-\\ln \\hat{y}_{\\text{true}}$ use:

- $e^x > 0$ for every $x$, so every softmax probability is positive and they add up to 1.
- $e^{a + b} = e^a e^b$, so $e^{z_k - c} = e^{z_k} / e^{c}$: subtracting the same constant $c$ from every logit **does not change** the softmax. With $c = \\max_j z_j$ nothing overflows any more ($e^{x}$ exceeds the largest float64 number when $x > 709.78$).
- $\\ln(ab) = \\ln a + \\ln b$ and $\\ln(1/a) = -\\ln a$; $\\ln$ keeps rising, $\\ln 1 = 0$. So $-\\ln p \\ge 0$ for $0 < p \\le 1$: zero when the model is sure and right ($p = 1$), large when $p$ is small. Guessing at random among 10 classes ($p = 0.1$) gives $-\\ln 0.1 = \\ln 10 \\approx 2.303$."""),
    code_pair("""# Cek: softmax positif dan berjumlah 1, tidak berubah jika logit digeser; sifat-sifat log; ln 10 ≈ 2,303; batas overflow 709,78
def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


logits = np.array([2.0, 1.0, -3.0])
p = softmax(logits)
assert np.all(p > 0) and abs(p.sum() - 1) < 1e-12
assert np.allclose(softmax(logits + 1000), p) and np.allclose(np.exp(logits) / np.exp(logits).sum(), p)
assert abs(np.log(6.0) - (np.log(2.0) + np.log(3.0))) < 1e-12 and abs(np.log(1 / 4) + np.log(4)) < 1e-12
assert np.log(1.0) == 0 and abs(-np.log(0.1) - 2.303) < 5e-4 and abs(np.log(np.finfo(float).max) - 709.78) < 5e-3
print(f"✓ softmax ({', '.join(fmt(v, 3) for v in p)}), sama setelah +1000; −ln 0,1 = {fmt(-np.log(0.1), 3)}")""",
              """# Check: softmax is positive and sums to 1, unchanged by a shift of the logits; log facts; ln 10 ≈ 2.303; overflow at 709.78
def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


logits = np.array([2.0, 1.0, -3.0])
p = softmax(logits)
assert np.all(p > 0) and abs(p.sum() - 1) < 1e-12
assert np.allclose(softmax(logits + 1000), p) and np.allclose(np.exp(logits) / np.exp(logits).sum(), p)
assert abs(np.log(6.0) - (np.log(2.0) + np.log(3.0))) < 1e-12 and abs(np.log(1 / 4) + np.log(4)) < 1e-12
assert np.log(1.0) == 0 and abs(-np.log(0.1) - 2.303) < 5e-4 and abs(np.log(np.finfo(float).max) - 709.78) < 5e-3
print(f"✓ softmax ({', '.join(fmt(v, 3) for v in p)}), the same after +1000; −ln 0.1 = {fmt(-np.log(0.1), 3)}")"""),

    pair("## 6. Notasi buku\n\nSetiap bab memakai satu notasi yang sama:\n\n" + NOTATION_ID,
         "## 6. The book's notation\n\nEvery chapter uses one and the same notation:\n\n" + NOTATION_EN),

    pair("""## 🏋️ Latihan

Satu latihan untuk setiap subbab. Tulis jawaban di sel kode, lalu jalankan: `check` memberi tahu apakah jawaban Anda benar, atau apa yang salah.""",
         """## 🏋️ Exercises

One exercise per section. Write your answer in the code cell and run it: `check` tells you whether it is right — or what is wrong."""),
    code("from nn_core.exercises import p1_09_maths_toolkit as ex"),
]
cells += exercise(ex.q1, 1,
                  "Berapa turunan $f(x) = \\sigma(2x)$ di $x = 0$? Hitung dengan chain rule, lalu periksa dengan `central(lambda t: sigmoid(2 * t), 0.0)`.",
                  "What is the derivative of $f(x) = \\sigma(2x)$ at $x = 0$? Work it out with the chain rule, then confirm it with `central(lambda t: sigmoid(2 * t), 0.0)`.",
                  "slope = ...  # sebuah bilangan\n\nex.q1.check(slope)", "slope = ...  # a number\n\nex.q1.check(slope)")
cells += exercise(ex.q2, 2,
                  "Sebuah batch 32 gambar MNIST, `X` berbentuk (32, 784), masuk ke layer dengan `W` berbentuk (784, 128) dan `b` berbentuk (1, 128). **Tebak dulu** shape `z = X @ W + b`, lalu periksa dengan NumPy.",
                  "A batch of 32 MNIST images, `X` of shape (32, 784), enters a layer with `W` of shape (784, 128) and `b` of shape (1, 128). **Predict first** the shape of `z = X @ W + b`, then confirm it with NumPy.",
                  "shape = ...  # sebuah tuple, misalnya (1, 1)\n\nex.q2.check(shape)", "shape = ...  # a tuple, for example (1, 1)\n\nex.q2.check(shape)")
cells += exercise(ex.q3, 3,
                  "Untuk `X = np.array([[1, 2, 3], [4, 5, 6]])` (2 sampel, 3 fitur), hitung $\\sum_i X_{ij}$ untuk setiap $j$: jumlah atas sampel, seperti `db`.",
                  "For `X = np.array([[1, 2, 3], [4, 5, 6]])` (2 samples, 3 features), compute $\\sum_i X_{ij}$ for every $j$: the sum over the samples, as in `db`.",
                  "column_sums = ...\n\nex.q3.check(column_sums)")
cells += exercise(ex.q4, 4,
                  "Hitung **dengan tangan** standar deviasi data `[2, 4, 4, 4, 5, 5, 7, 9]` (dengan $\\frac{1}{m}$, seperti `np.std`), lalu periksa.",
                  "Work out **by hand** the standard deviation of the data `[2, 4, 4, 4, 5, 5, 7, 9]` (with $\\frac{1}{m}$, as `np.std` does), then check it.",
                  "std = ...  # sebuah bilangan\n\nex.q4.check(std)", "std = ...  # a number\n\nex.q4.check(std)")
cells += exercise(ex.q5, 5,
                  "Model memberi kelas yang benar probabilitas $p = 0{,}25$. Berapa loss cross-entropy-nya, $-\\ln p$?",
                  "A model gives the true class a probability $p = 0.25$. What is its cross-entropy loss, $-\\ln p$?",
                  "loss = ...  # sebuah bilangan\n\nex.q5.check(loss)", "loss = ...  # a number\n\nex.q5.check(loss)")

write(ROOT / "book/src/p1-09-maths-toolkit.ipynb", *[g if isinstance(g, list) else [g] for g in cells])
