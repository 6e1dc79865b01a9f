"""Exercises of chapter p2-05 (Mini-batch gradient descent)."""
import numpy as np

from ._core import ChoiceExercise, Feedback, FunctionExercise, Mistake, ValueExercise, call, msg, tr_in

CHAPTER = "p2-05-minibatch"

# -- q1: predict the number of batches ------------------------------------------------------

q1 = ValueExercise(
    CHAPTER, "q1",
    title=msg("Berapa batch dalam satu epoch?", "How many batches in one epoch?"),
    reference=(16, 40),
    expect=msg("pasangan dua bilangan bulat (banyaknya batch, ukuran batch terakhir)",
               "a pair of integers (number of batches, size of the last batch)"),
    mistakes={
        "floor": Mistake((15, 64), msg(
            "1000 / 64 = 15,6: ada 15 batch penuh, tetapi 40 sampel sisanya tidak dibuang. Mereka menjadi batch "
            "ke-16 yang lebih kecil.",
            "1000 / 64 = 15.6: there are 15 full batches, but the 40 samples left over are not dropped. They "
            "form a 16th, smaller batch.")),
        "last_full": Mistake((16, 64), msg(
            "jumlah batch-nya benar, tetapi batch terakhir tidak penuh: 15 × 64 = 960, jadi yang tersisa hanya "
            "1000 − 960 sampel.",
            "the number of batches is right, but the last batch is not full: 15 × 64 = 960, so only 1000 − 960 "
            "samples are left for it.")),
        "floor_count": Mistake((15, 40), msg(
            "ukuran batch terakhir benar, tetapi batch itu juga dihitung: 15 batch penuh + 1 batch berisi 40 sampel.",
            "the size of the last batch is right, but that batch counts too: 15 full batches + 1 batch of 40.")),
    },
    hints=[msg("range(0, 1000, 64) dimulai di 0, 64, 128, … Berapa banyak angka seperti itu yang kurang dari 1000?",
               "range(0, 1000, 64) starts at 0, 64, 128, … How many such numbers are below 1000?"),
           msg("Banyaknya batch adalah ⌈m / B⌉ (dibulatkan ke atas); batch terakhir berisi sisanya, m − (⌈m / B⌉ − 1)·B.",
               "The number of batches is ⌈m / B⌉ (rounded up); the last one holds the rest, m − (⌈m / B⌉ − 1)·B.")],
    solution=msg("answer = (16, 40)   # ⌈1000 / 64⌉ = 16 batch; 15 × 64 = 960, jadi batch terakhir berisi 40",
                 "answer = (16, 40)   # ⌈1000 / 64⌉ = 16 batches; 15 × 64 = 960, so the last one holds 40"),
)


# -- q2: why shuffle every epoch ----------------------------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Mengapa data diacak di setiap epoch?", "Why shuffle the data every epoch?"),
    options={
        "a": msg("Agar satu epoch selesai lebih cepat.", "So that an epoch finishes faster."),
        "b": msg("Tanpa pengacakan, sebagian sampel tidak akan pernah dilihat model.",
                 "Without shuffling, some samples would never be seen by the model."),
        "c": msg("Agar setiap batch menjadi sampel acak dari seluruh data, dan batch-nya berbeda dari epoch ke "
                 "epoch; data yang tersusun urut (misalnya per kelas) akan memberi batch berisi satu kelas saja.",
                 "So that every batch is a random sample of all the data, and the batches change from epoch to "
                 "epoch; data stored in order (say by class) would give batches of a single class."),
        "d": msg("Agar semua batch berukuran sama.", "So that all batches have the same size."),
    },
    why={
        "a": msg("Pengacakan justru sedikit menambah pekerjaan (satu permutasi per epoch). Banyaknya update dan "
                 "perkalian matriksnya tetap sama.",
                 "Shuffling adds a little work (one permutation per epoch). The number of updates and matrix "
                 "products stays the same."),
        "b": msg("Dengan atau tanpa pengacakan, perulangan `range(0, m, batch_size)` melewati setiap sampel tepat "
                 "sekali per epoch.",
                 "With or without shuffling, the loop `range(0, m, batch_size)` visits every sample exactly once per "
                 "epoch."),
        "c": msg("Gradient satu batch hanya perkiraan gradient seluruh data, dan perkiraan itu baik jika batch-nya "
                 "sampel acak. File Iris, misalnya, tersusun per kelas: tanpa pengacakan, setiap update hanya "
                 "melihat satu jenis bunga dan menarik weight ke arahnya.",
                 "A batch's gradient is only an estimate of the full gradient, and a good one when the batch is "
                 "a random sample. The Iris file, for instance, is sorted by class: without shuffling, every "
                 "update would see one kind of flower and pull the weights towards it."),
        "d": msg("Ukuran batch tidak bergantung pada urutan: jika m tidak habis dibagi batch_size, batch terakhir "
                 "tetap lebih kecil, diacak atau tidak.",
                 "Batch sizes do not depend on the order: when m is not divisible by batch_size, the last batch is "
                 "smaller, shuffled or not."),
    },
    reference="c",
    hints=[msg("Bayangkan datanya tersusun urut per kelas, seperti file Iris. Apa isi batch pertama tanpa pengacakan?",
               "Imagine the data sorted by class, like the Iris file. What is in the first batch without shuffling?")],
)


# -- q3: a mini-batch generator -----------------------------------------------------------

def _create_minibatches(X, y, batch_size=32):
    m = X.shape[0]
    indices = np.random.permutation(m)
    X_shuffled, y_shuffled = X[indices], y[indices]
    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size]) for i in range(0, m, batch_size)]


def _drop_last(X, y, batch_size=32):
    m = X.shape[0]
    indices = np.random.permutation(m)
    X_shuffled, y_shuffled = X[indices], y[indices]
    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size]) for i in range(0, m - batch_size + 1, batch_size)]


def _two_permutations(X, y, batch_size=32):
    m = X.shape[0]
    X_shuffled = X[np.random.permutation(m)]
    y_shuffled = y[np.random.permutation(m)]
    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size]) for i in range(0, m, batch_size)]


def _no_shuffle(X, y, batch_size=32):
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, X.shape[0], batch_size)]


def _fixed_seed(X, y, batch_size=32):
    indices = np.random.RandomState(0).permutation(X.shape[0])
    X_shuffled, y_shuffled = X[indices], y[indices]
    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size]) for i in range(0, X.shape[0], batch_size)]


def _minibatch_cases(rng):
    """(X, y, batch_size): row i of X starts with the number i, so the checker can tell which
    sample a row is; y holds the labels of the same samples (1-D labels or one-hot rows)."""
    cases = []
    for m, n, batch_size, one_hot in ((10, 2, 4, False), (50, 3, 16, True), (12, 3, 4, False),
                                      (9, 2, 1, False), (7, 4, 32, True), (1, 3, 5, False), (40, 5, 40, False)):
        X = np.column_stack([np.arange(m, dtype=float), rng.normal(size=(m, n - 1))])
        labels = rng.integers(0, 3, size=m)
        y = np.eye(3)[labels] if one_hot else labels
        cases.append((X, y, batch_size))
    return cases


class MinibatchExercise(FunctionExercise):
    """Any correct mini-batch generator passes: the checker looks at what the batches contain
    (sizes, every sample once, X and y still paired, shuffled, a new order on every call),
    not at one particular random order."""

    def grade(self, answer):
        if not callable(answer):
            raise Feedback({lang: tr_in(lang, "ex.wrong_type", expected={"id": "sebuah fungsi", "en": "a function"}[lang],
                                        got=type(answer).__name__) for lang in ("id", "en")})
        # The learner shuffles with NumPy's global generator: seed it for the check (and put its
        # state back afterwards), so that the same answer always gets the same verdict.
        state = np.random.get_state()
        np.random.seed(self.seed % 2**32)
        try:
            return self._grade(answer)
        finally:
            np.random.set_state(state)

    def _grade(self, answer):
        orders = []
        for X, y, batch_size in self._inputs():
            problem, order = self._inspect(answer, X, y, batch_size)
            if problem is not None:
                return False, problem
            orders.append(order)
            if len(order) >= 8 and np.array_equal(order, np.arange(len(order))):
                return False, self.mistakes["no_shuffle"].message
            if len(order) >= 8:
                again = self._inspect(answer, X, y, batch_size)[1]
                if again is not None and np.array_equal(order, again):
                    return False, self.mistakes["fixed_seed"].message
        return True, None

    def _inspect(self, answer, X, y, batch_size):
        """(message about what is wrong, or None; the order of the samples in the batches)."""
        m = X.shape[0]
        where = msg(f"(m = {m}, batch_size = {batch_size})", f"(m = {m}, batch_size = {batch_size})")
        result = call(answer, X, y, batch_size)
        if result is None:
            return msg("fungsi Anda mengembalikan None. Apakah Anda lupa `return`?",
                       "your function returns None. Did you forget `return`?"), None
        try:
            batches = list(result)
            pairs = [(np.asarray(b[0]), np.asarray(b[1])) for b in batches]
            if any(len(b) != 2 for b in batches):
                raise ValueError
        except Exception:  # noqa: BLE001 — not a list of pairs
            return msg("fungsi Anda harus mengembalikan list berisi pasangan (X_batch, y_batch).",
                       "your function should return a list of pairs (X_batch, y_batch)."), None
        sizes = [len(Xb) for Xb, _ in pairs]
        expected = [batch_size] * (m // batch_size) + ([m % batch_size] if m % batch_size else [])
        if sizes != expected:
            if sizes == [batch_size] * (m // batch_size):
                return self.mistakes["drop_last"].message, None
            return msg(f"untuk m = {m} dan batch_size = {batch_size}, ukuran batch Anda {sizes}; "
                       f"seharusnya {expected}.",
                       f"for m = {m} and batch_size = {batch_size}, your batch sizes are {sizes}; "
                       f"they should be {expected}."), None
        if any(Xb.ndim != 2 or Xb.shape[1] != X.shape[1] or len(yb) != len(Xb) or yb.shape[1:] != y.shape[1:]
               for Xb, yb in pairs):
            return msg(f"setiap X_batch harus berbentuk (B, {X.shape[1]}) dan y_batch berisi baris-baris y yang "
                       f"sama banyaknya {where['id']}.",
                       f"every X_batch should have shape (B, {X.shape[1]}) and y_batch as many rows of y "
                       f"{where['en']}."), None
        order = np.concatenate([Xb[:, 0] for Xb, _ in pairs]).astype(int)
        if sorted(order.tolist()) != list(range(m)):
            return msg(f"setiap sampel harus muncul tepat sekali dalam satu epoch {where['id']}.",
                       f"every sample must appear exactly once in an epoch {where['en']}."), None
        y_batches = np.concatenate([yb for _, yb in pairs])
        if not np.array_equal(y_batches, y[order]):
            return self.mistakes["two_permutations"].message, None
        return None, order


q3 = MinibatchExercise(
    CHAPTER, "q3", cases=_minibatch_cases, arg_names=("X", "y", "batch_size"),
    title=msg("Tulis create_minibatches sendiri", "Write create_minibatches yourself"),
    reference=_create_minibatches,
    mistakes={
        "drop_last": Mistake(_drop_last, msg(
            "batch terakhir yang lebih kecil hilang: sampel sisanya tidak pernah dipakai untuk training. Pakai "
            "range(0, m, batch_size); irisan X_shuffled[i:i + batch_size] otomatis berhenti di akhir data.",
            "the last, smaller batch is missing: the samples left over are never trained on. Use "
            "range(0, m, batch_size); the slice X_shuffled[i:i + batch_size] stops at the end of the data by itself.")),
        "two_permutations": Mistake(_two_permutations, msg(
            "X dan y tidak lagi berpasangan: label di y_batch bukan milik gambar di X_batch. Buat satu permutasi "
            "`indices`, lalu pakai untuk keduanya: X[indices] dan y[indices].",
            "X and y are no longer paired: the labels in y_batch do not belong to the rows in X_batch. Make one "
            "permutation `indices` and use it for both: X[indices] and y[indices].")),
        "no_shuffle": Mistake(_no_shuffle, msg(
            "batch Anda selalu mengikuti urutan asli data. Acak dulu: indices = np.random.permutation(m).",
            "your batches always follow the data's original order. Shuffle first: indices = np.random.permutation(m).")),
        "fixed_seed": Mistake(_fixed_seed, msg(
            "setiap pemanggilan menghasilkan urutan acak yang sama, jadi setiap epoch melihat batch yang sama. "
            "Jangan memasang seed tetap di dalam fungsi; pakai np.random.permutation(m).",
            "every call gives the same shuffled order, so every epoch sees the same batches. Don't fix a seed "
            "inside the function; use np.random.permutation(m).")),
    },
    hints=[msg("Tiga langkah: indices = np.random.permutation(m); acak X dan y dengan indices yang sama; lalu "
               "potong setiap batch_size baris.",
               "Three steps: indices = np.random.permutation(m); shuffle X and y with the same indices; then cut "
               "every batch_size rows."),
           msg("`for i in range(0, m, batch_size)` memberi awal setiap batch; X_shuffled[i:i + batch_size] adalah "
               "batch-nya (yang terakhir boleh lebih kecil).",
               "`for i in range(0, m, batch_size)` gives the start of every batch; X_shuffled[i:i + batch_size] is "
               "the batch (the last one may be smaller).")],
    solution=msg("def create_minibatches(X, y, batch_size=32):\n    m = X.shape[0]\n"
                 "    indices = np.random.permutation(m)             # satu permutasi untuk X dan y\n"
                 "    X_shuffled, y_shuffled = X[indices], y[indices]\n"
                 "    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size])\n"
                 "            for i in range(0, m, batch_size)]     # batch terakhir boleh lebih kecil",
                 "def create_minibatches(X, y, batch_size=32):\n    m = X.shape[0]\n"
                 "    indices = np.random.permutation(m)             # one permutation for X and y\n"
                 "    X_shuffled, y_shuffled = X[indices], y[indices]\n"
                 "    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size])\n"
                 "            for i in range(0, m, batch_size)]     # the last batch may be smaller"),
)
