"""Exercises of chapter p2-08 (Part 2 summary)."""
from ._core import ChoiceExercise, msg

CHAPTER = "p2-08-summary"

q1 = ChoiceExercise(
    CHAPTER, "q1",
    title=msg("Urutan preprocessing yang benar", "The right order of preprocessing"),
    options={
        "a": msg("Standardisasi seluruh data, lalu bagi menjadi training dan test.",
                 "Standardise all the data, then split it into training and test."),
        "b": msg("Bagi dulu; standardisasi training set dengan statistiknya sendiri dan test set dengan "
                 "statistiknya sendiri.",
                 "Split first; standardise the training set with its own statistics and the test set with its "
                 "own."),
        "c": msg("Bagi dulu; hitung mean dan std dari training set, lalu pakai angka yang sama untuk training, "
                 "validasi, test, dan setiap data baru.",
                 "Split first; compute mean and std on the training set, then apply the same numbers to the "
                 "training, validation and test data and to every new sample."),
        "d": msg("Bagi dulu; standardisasi training set saja, dan beri test set apa adanya.",
                 "Split first; standardise the training set only and feed the test set as it is."),
    },
    why={
        "a": msg("Itulah data leakage: mean dan std ikut dihitung dari data test, jadi hasil test terlalu "
                 "optimistis (di Iris kebetulan tidak terlihat, di data lain bisa).",
                 "That is data leakage: the mean and std are partly computed from the test data, so the test "
                 "result is optimistic (invisible on Iris by luck, not on other data)."),
        "b": msg("Setiap bagian diukur dengan penggaris yang berbeda, dan satu bunga baru tidak punya "
                 "statistiknya sendiri. Pergeseran yang nyata di test set pun ikut terhapus.",
                 "Each part is measured with a different ruler, and a single new flower has no statistics of its "
                 "own. A real shift in the test set gets erased as well."),
        "c": msg("Statistik adalah bagian dari model: dihitung sekali dari data training, lalu dipakai apa "
                 "adanya untuk semua data lain — seperti `standardize(X_test, mean, std)` di bab Iris.",
                 "The statistics are part of the model: computed once from the training data, then used as they "
                 "are on all other data — like `standardize(X_test, mean, std)` in the Iris chapter."),
        "d": msg("Jaringan dilatih pada fitur dengan mean 0 dan std 1, lalu diuji pada ukuran mentah dalam cm: "
                 "skalanya tidak cocok, dan prediksinya tidak berarti.",
                 "The network is trained on features with mean 0 and std 1, then tested on raw measurements in cm: "
                 "the scales don't match and the predictions mean nothing."),
    },
    reference="c",
    hints=[msg("Bayangkan model sudah dipakai sungguhan dan satu bunga baru datang. Statistik apa yang Anda "
               "punya untuk menskalakannya?",
               "Imagine the model in real use and one new flower arrives. Which statistics do you have to scale "
               "it with?")],
)


# -- q2: transfer: a 180° turn is a fixed permutation ---------------------------------------

q2 = ChoiceExercise(
    CHAPTER, "q2",
    title=msg("Tebak: setiap gambar diputar 180°", "Predict: every image turned 180°"),
    options={
        "a": msg("Kira-kira sama dengan pada gambar asli: memutar 180° hanyalah satu permutasi tetap dari 784 "
                 "piksel.",
                 "About the same as on the original images: a 180° turn is just one fixed permutation of the "
                 "784 pixels."),
        "b": msg("Mendekati 10%: angka yang terbalik tidak bisa dikenali.",
                 "Near 10%: upside-down digits cannot be recognised."),
        "c": msg("Sekitar 20%, seperti dengan permutasi sendiri per gambar.",
                 "About 20%, as with its own permutation per image."),
        "d": msg("Lebih rendah, karena angka 6 yang diputar mirip 9 sehingga keduanya tertukar.",
                 "Lower, because a turned 6 looks like a 9, so the two get mixed up."),
    },
    why={
        "a": msg("Memutar gambar 180° sama dengan membalik urutan vektor datarnya, x[::-1]: piksel ke-i selalu "
                 "pindah ke tempat 783 − i, untuk setiap gambar. Itu satu permutasi tetap, persis kasus yang baru "
                 "kita uji, dan dense layer tidak peduli urutan piksel.",
                 "Turning an image by 180° is reversing its flat vector, x[::-1]: pixel i always moves to place "
                 "783 − i, in every image. That is one fixed permutation, exactly the case we just tested, and a "
                 "dense layer does not care about the order of the pixels."),
        "b": msg("Bagi kita angka terbalik sulit dibaca, tetapi jaringan ini tidak pernah melihat angka tegak: ia "
                 "dilatih dan diuji pada gambar yang diputar dengan cara yang sama.",
                 "Upside-down digits are hard for us to read, but this network never sees upright ones: it is "
                 "trained and tested on images turned the same way."),
        "c": msg("Sekitar 20% adalah hasil permutasi yang berbeda untuk setiap gambar. Putaran 180° sama untuk "
                 "setiap gambar: piksel ke-i tetap berarti tempat yang sama.",
                 "About 20% is what a different permutation for every image gives. A 180° turn is the same for "
                 "every image: pixel i still always means the same place."),
        "d": msg("Labelnya ikut: angka 6 yang diputar tetap berlabel 6, di training maupun di test. Jaringan belajar "
                 "bahwa bentuk itu adalah 6; angka 9 yang diputar juga punya bentuknya sendiri.",
                 "The labels come along: a turned 6 is still labelled 6, in training and in testing alike. The "
                 "network learns that this shape is a 6; a turned 9 has its own shape."),
    },
    reference="a",
    hints=[msg("Tulis putaran itu sebagai operasi pada vektor datar 784 piksel. Apakah operasinya sama untuk setiap "
               "gambar?",
               "Write the turn as an operation on the flat vector of 784 pixels. Is it the same for every image?")],
)
