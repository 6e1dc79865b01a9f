"""Exercises of chapter p2-01 (Recap of Part 1, and what Part 2 adds)."""
from ._core import ChoiceExercise, Mistake, ValueExercise, msg

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


# -- q4: change one thing: pixels 0–10 instead of 0–1 ---------------------------------------------

q4 = ChoiceExercise(
    CHAPTER, "q4",
    title=msg("Ubah satu hal: piksel 0–10", "Change one thing: pixels 0–10"),
    options={
        "a": msg("0%, seperti dengan piksel / 255: skala 0–10 masih kecil.",
                 "0%, as with pixels / 255: a scale of 0–10 is still small."),
        "b": msg("Sebagian, kira-kira antara 10% dan 60%: z menjadi 10 kali lebih besar daripada dengan / 255, "
                 "jadi sebagian z jatuh di bagian datar sigmoid.",
                 "Some of them, roughly between 10% and 60%: z becomes 10 times larger than with / 255, so part "
                 "of the z values land on the flat ends of the sigmoid."),
        "c": msg("Sekitar 97%, seperti dengan piksel mentah.", "About 97%, as with raw pixels."),
        "d": msg("100%: setiap skala di atas 1 menjenuhkan sigmoid.", "100%: any scale above 1 saturates the sigmoid."),
    },
    why={
        "a": msg("Dengan / 255, std z1 sekitar 0,5; dengan / 25,5 semua z 10 kali lebih besar, std sekitar 5. "
                 "σ′(z) < 0,01 berarti |z| > 4,6, dan itu kini sering terjadi.",
                 "With / 255 the std of z1 is about 0.5; with / 25.5 every z is 10 times larger, a std of about 5. "
                 "σ′(z) < 0.01 means |z| > 4.6, and that now happens often."),
        "b": msg("σ′(z) < 0,01 berarti |z| > 4,6. Dengan / 255, std z1 sekitar 0,5; membagi dengan 25,5 membuat "
                 "semua z 10 kali lebih besar, std sekitar 5. Untuk sebaran seperti itu, kira-kira sepertiga nilai z "
                 "melewati ±4,6: jenuh sebagian, tidak semuanya.",
                 "σ′(z) < 0.01 means |z| > 4.6. With / 255 the std of z1 is about 0.5; dividing by 25.5 makes "
                 "every z 10 times larger, a std of about 5. For a spread like that roughly a third of the z "
                 "values lie beyond ±4.6: partly saturated, not all."),
        "c": msg("97% adalah piksel mentah, dengan z sekitar 250 kali lebih besar daripada dengan / 255. Skala "
                 "0–10 hanya 10 kali lebih besar: jauh lebih sedikit neuron yang jenuh.",
                 "97% is raw pixels, with z about 250 times larger than with / 255. A 0–10 scale is only 10 "
                 "times larger: far fewer neurons saturate."),
        "d": msg("Saturasi bergantung pada |z|, bukan pada apakah input di atas 1. Hanya z dengan |z| > 4,6 yang "
                 "memberi σ′ < 0,01, dan dengan std sekitar 5 banyak z yang lebih kecil dari itu.",
                 "Saturation depends on |z|, not on whether the inputs exceed 1. Only z with |z| > 4.6 give "
                 "σ′ < 0.01, and with a std of about 5 many z values are smaller than that."),
    },
    reference="b",
    hints=[msg("Untuk |z| berapa σ′(z) = σ(z)(1 − σ(z)) turun di bawah 0,01? Lalu: seberapa besar z1 jika pikselnya "
               "10 kali lebih besar daripada dengan / 255 (lihat std z1 yang tercetak di bab ini)?",
               "For which |z| does σ′(z) = σ(z)(1 − σ(z)) drop below 0.01? Then: how large is z1 when the pixels "
               "are 10 times larger than with / 255 (see the std of z1 printed in this chapter)?")],
)
