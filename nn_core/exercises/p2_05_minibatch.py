"""Exercises of chapter p2-05 (Mini-batch gradient descent)."""
from ._core import ChoiceExercise, Mistake, ValueExercise, msg

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


# -- q3: predict what one permutation too many does -----------------------------------------

q3 = ChoiceExercise(
    CHAPTER, "q3",
    title=msg("Tebak: satu permutasi terlalu banyak", "Predict: one permutation too many"),
    options={
        "a": msg("Kira-kira sama seperti dengan create_minibatches di atas (sekitar 0,17): setiap gambar dan "
                 "setiap label tetap dipakai sekali per epoch.",
                 "About the same as with create_minibatches above (about 0.17): every image and every label is "
                 "still used once per epoch."),
        "b": msg("Tetap di sekitar ln 10 ≈ 2,3, loss orang yang menebak: setiap gambar mendapat label acak yang "
                 "berganti setiap epoch, jadi tidak ada yang bisa dipelajari selain seberapa sering setiap angka "
                 "muncul.",
                 "It stays near ln 10 ≈ 2.3, the loss of guessing: every image gets a random label, a new one "
                 "every epoch, so there is nothing to learn beyond how often each digit occurs."),
        "c": msg("Cepat turun mendekati 0: jaringan menghafal label-label acak itu.",
                 "It quickly drops to almost 0: the network memorises the random labels."),
        "d": msg("Kodenya berhenti dengan error shape.", "The code stops with a shape error."),
    },
    why={
        "a": msg("Semua gambar dan semua label memang terpakai, tetapi tidak lagi berpasangan: label di y_batch "
                 "milik gambar lain. Gradient-nya mendorong jaringan ke arah label yang salah.",
                 "Every image and every label is used, but they are no longer paired: the labels in y_batch belong "
                 "to other images. The gradient pushes the network towards the wrong labels."),
        "b": msg("Dua permutasi yang berbeda memutus pasangan gambar–label. Label sebuah gambar menjadi acak dan "
                 "berganti setiap epoch, jadi gambar tidak memberi informasi apa pun tentang labelnya. Tebakan "
                 "terbaik adalah frekuensi setiap kelas, sekitar 1/10, dengan cross-entropy ln 10 ≈ 2,3.",
                 "Two different permutations break the image–label pairs. An image's label becomes random and "
                 "changes every epoch, so the image says nothing about its label. The best guess is each class's "
                 "frequency, about 1/10, with a cross-entropy of ln 10 ≈ 2.3."),
        "c": msg("Menghafal label acak butuh label yang tetap: di sini label setiap gambar berganti setiap epoch "
                 "(permutasi baru), jadi tidak ada yang bisa dihafal.",
                 "Memorising random labels needs labels that stay put: here every image's label changes every "
                 "epoch (a new permutation), so there is nothing to memorise."),
        "d": msg("X_shuffled dan y_shuffled berbentuk sama seperti sebelumnya, dan setiap irisan batch juga. "
                 "Tidak ada error: itulah yang membuat bug ini berbahaya.",
                 "X_shuffled and y_shuffled have the same shapes as before, and so has every batch slice. There "
                 "is no error: that is what makes this bug dangerous."),
    },
    reference="b",
    hints=[msg("Ambil satu gambar, misalnya angka 7. Label apa yang menyertainya di batch-nya, dan apakah label itu "
               "sama di epoch berikutnya?",
               "Follow one image, say a 7. Which label travels with it in its batch, and is it the same label in "
               "the next epoch?"),
           msg("Jika gambar tidak memberi informasi tentang label, probabilitas terbaik untuk setiap kelas adalah "
               "frekuensinya. Berapa cross-entropy dari 1/10?",
               "If the image says nothing about the label, the best probability for each class is its frequency. "
               "What is the cross-entropy of 1/10?")],
)
