"""Exercises of chapter p1-01 (What is a neural network?)."""
import numpy as np

from ._core import ChoiceExercise, Mistake, ValueExercise, msg

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


# -- q3: one point more: how much does the score move? ------------------------------------------

q3 = ValueExercise(
    CHAPTER, "q3",
    title=msg("Satu poin lebih: skornya naik berapa?", "One point more: how much does the score move?"),
    reference=0.6,
    mistakes={
        "one_point": Mistake(1.0, msg(
            "skor akhir bukan skor rasa: ia jumlah berbobot. Satu poin rasa masuk ke skor akhir setelah "
            "dikalikan weight-nya, 0,60.",
            "the final score is not the taste score: it is a weighted sum. One point of taste reaches the "
            "final score multiplied by its weight, 0.60.")),
        "new_score": Mistake(8.25, msg(
            "8,25 adalah skor akhir yang baru. Yang ditanyakan adalah perubahannya: 8,25 − 7,65.",
            "8.25 is the new final score. The question asks for the change: 8.25 − 7.65.")),
        "new_term": Mistake(5.4, msg(
            "5,4 = 9 · 0,60 adalah sumbangan rasa yang baru. Sebelumnya sumbangannya 8 · 0,60 = 4,8; "
            "yang ditanyakan adalah selisihnya.",
            "5.4 = 9 · 0.60 is taste's new contribution. Before, it was 8 · 0.60 = 4.8; the question asks "
            "for the difference.")),
    },
    hints=[msg("Skor akhir = 0,60 · rasa + 0,25 · tampilan + 0,15 · aroma. Apa yang berubah jika hanya rasa naik 1?",
               "Final score = 0.60 · taste + 0.25 · appearance + 0.15 · aroma. What changes when only taste rises by 1?"),
           msg("Hanya suku pertama yang berubah: 0,60 · 9 − 0,60 · 8.", "Only the first term changes: 0.60 · 9 − 0.60 · 8.")],
    solution=msg(
        "change = 0.60 * (9 - 8)   # = 0,6: weight rasa. Cek: np.array([9, 6, 9]) @ weights - final_score",
        "change = 0.60 * (9 - 8)   # = 0.6: taste's weight. Check: np.array([9, 6, 9]) @ weights - final_score"),
)
