"""The reader's language for everything nn_core draws or prints (Indonesian or English).

    import nn_core
    nn_core.set_language("id")     # figures, widgets, progress bars, logs, exercise feedback
    nn_core.get_language()         # → "id"

Every text shown to a reader comes from ``STRINGS`` through ``tr(key, **values)``; the two
tables have the same keys (tests/test_i18n.py checks it). Exceptions stay in English: they are
read next to Python's own English errors and searched for on the web.
The default language is English, or ``$NN_CORE_LANG`` when it is set to ``id`` or ``en``.
"""
from __future__ import annotations

import os

LANGUAGES = ("id", "en")

STRINGS = {
    "en": {
        # plotting
        "layer.input": "Input",
        "layer.hidden": "Hidden {i}",
        "layer.output": "Output",
        "class_n": "class {c}",
        "derivative_title": "{name}′ (derivative)",
        "epoch": "epoch",
        "loss": "loss",
        "accuracy_pct": "accuracy (%)",
        "train": "training",
        "validation": "validation",
        "predicted": "predicted",
        "true": "true",
        "image": "image",
        "label_n": "label {label}",
        "class": "class",
        "probability": "probability",
        "prediction_title": "prediction {pred} ({p:.1%})",
        # widgets
        "gate": "gate",
        "function": "function",
        "derivative": "derivative",
        "hidden": "hidden",
        "epochs": "epochs",
        "correct_of": "{gate}: {correct}/4 correct",
        "truth_header": "x1 x2 | output target",
        "mse_loss": "MSE loss",
        "final_loss": "final loss {loss:.4f}",
        "accuracy_title": "accuracy {acc:.0f}%",
        "training_failed": "Training stopped: {reason}",
        "diverged": "the loss became NaN/inf at epoch {epoch}. Try a smaller learning rate, or scale the inputs (e.g. with standardize).",
        # training logs and progress bars
        "progress_training": "training",
        "epoch_loss": "  Epoch {epoch:>5} → Loss: {loss:.6f}",
        "epoch_loss_short": "  Epoch {epoch:>3} → Loss: {loss:.4f}",
        "val_acc": " → Val acc: {acc:.1f}%",
        # CNN training (Part 3): progress-bar postfix and the verbose per-epoch line
        "cnn_postfix": "loss {loss:.4f}",
        "cnn_epoch": "  Epoch {epoch:>2}/{epochs} → loss {loss:.4f} ({seconds:.1f} s)",
        "cnn_val": ", val loss {loss:.4f}, val acc {acc:.2f}%",
        # data sets
        "downloading": "Downloading {name} into {folder} (once; later runs read the cached copy)",
        # animation player
        "anim.slower": "Decrease speed", "anim.first": "First frame", "anim.previous": "Previous frame",
        "anim.reverse": "Play backwards", "anim.pause": "Pause", "anim.play": "Play", "anim.next": "Next frame",
        "anim.last": "Last frame", "anim.faster": "Increase speed", "anim.mode": "Repetition mode",
        "anim.once": "Once", "anim.loop": "Loop", "anim.reflect": "Reflect",
        "anim.image": "Animation: the frame being played", "anim.slider": "Animation frame",
        # exercises
        "ex.correct": "✅ Correct!",
        "ex.not_answered": "✏️ Not answered yet: replace the placeholder with your answer, then run the cell again.",
        "ex.wrong_type": "❌ Expected {expected}, but got {got}.",
        "ex.raised": "❌ Your code raised {error}: {message}",
        "ex.hint": "💡 Hint: {text}",
        "ex.solution": "📖 Solution:",
        "ex.incorrect": "❌ Not yet: {text}",
        "ex.unusable": "❌ The checker could not use this answer ({error}). Check its type and shape.",
        "ex.no_hint": "No hint for this one.",
        "ex.a_function": "a function",
        "ex.one_of_letters": "one of the letters {letters}",
        "ex.a_shape": "a shape (a tuple of {n} integers)",
        "ex.a_number": "a number",
        "ex.an_array": "an array or list of shape {shape}",
        "ex.answer_shape": "your answer has shape {got}; it should be {expected}.",
        "ex.answer_value": "the value is not right. Run the code and check it step by step.",
        "ex.returns_none": "your function returns None. Did you forget `return`?",
        "ex.returns_count": "for {where}, your function should return {n} values (a tuple).",
        "ex.returned_value": "returned value {k}: ",
        "ex.returns_type": "for {where}, your function returns {type}, not numbers or an array.",
        "ex.result_shape": "for {where}, your result has shape {got}; it should have shape {expected}.",
        "ex.result_nonfinite": "for {where}, your result contains NaN or inf. Does it overflow for large inputs?",
        "ex.result_off": "for {where}, your result is not right (largest difference {worst:.3g}).",
    },
    "id": {
        "layer.input": "Input",
        "layer.hidden": "Hidden {i}",
        "layer.output": "Output",
        "class_n": "kelas {c}",
        "derivative_title": "{name}′ (turunan)",
        "epoch": "epoch",
        "loss": "loss",
        "accuracy_pct": "akurasi (%)",
        "train": "training",
        "validation": "validasi",
        "predicted": "prediksi",
        "true": "kelas sebenarnya",
        "image": "gambar",
        "label_n": "label {label}",
        "class": "kelas",
        "probability": "probabilitas",
        "prediction_title": "prediksi {pred} ({p:.1%})",
        "gate": "gerbang",
        "function": "fungsi",
        "derivative": "turunan",
        "hidden": "hidden",
        "epochs": "epoch",
        "correct_of": "{gate}: {correct}/4 benar",
        "truth_header": "x1 x2 | output target",
        "mse_loss": "loss MSE",
        "final_loss": "loss akhir {loss:.4f}",
        "accuracy_title": "akurasi {acc:.0f}%",
        "training_failed": "Training dihentikan: {reason}",
        "diverged": "loss menjadi NaN/inf pada epoch {epoch}. Coba learning rate yang lebih kecil, atau ubah skala input (misalnya dengan standardize).",
        "progress_training": "training",
        "epoch_loss": "  Epoch {epoch:>5} → Loss: {loss:.6f}",
        "epoch_loss_short": "  Epoch {epoch:>3} → Loss: {loss:.4f}",
        "val_acc": " → Akurasi val: {acc:.1f}%",
        "cnn_postfix": "loss {loss:.4f}",
        "cnn_epoch": "  Epoch {epoch:>2}/{epochs} → loss {loss:.4f} ({seconds:.1f} detik)",
        "cnn_val": ", loss val {loss:.4f}, akurasi val {acc:.2f}%",
        "downloading": "Mengunduh {name} ke {folder} (sekali saja; selanjutnya dibaca dari salinan lokal)",
        "anim.slower": "Perlambat", "anim.first": "Frame pertama", "anim.previous": "Frame sebelumnya",
        "anim.reverse": "Putar mundur", "anim.pause": "Jeda", "anim.play": "Putar", "anim.next": "Frame berikutnya",
        "anim.last": "Frame terakhir", "anim.faster": "Percepat", "anim.mode": "Mode pengulangan",
        "anim.once": "Sekali", "anim.loop": "Ulang", "anim.reflect": "Bolak-balik",
        "anim.image": "Animasi: frame yang sedang diputar", "anim.slider": "Frame animasi",
        "ex.correct": "✅ Benar!",
        "ex.not_answered": "✏️ Belum dijawab: ganti placeholder dengan jawaban Anda, lalu jalankan sel ini lagi.",
        "ex.wrong_type": "❌ Yang diharapkan {expected}, tetapi yang diberikan {got}.",
        "ex.raised": "❌ Kode Anda memunculkan error {error}: {message}",
        "ex.hint": "💡 Petunjuk: {text}",
        "ex.solution": "📖 Solusi:",
        "ex.incorrect": "❌ Belum tepat: {text}",
        "ex.unusable": "❌ Jawaban ini tidak bisa diperiksa ({error}). Periksa tipe dan shape-nya.",
        "ex.no_hint": "Tidak ada petunjuk untuk soal ini.",
        "ex.a_function": "sebuah fungsi",
        "ex.one_of_letters": "salah satu huruf {letters}",
        "ex.a_shape": "sebuah shape (tuple dengan {n} bilangan bulat)",
        "ex.a_number": "sebuah bilangan",
        "ex.an_array": "array atau list berbentuk {shape}",
        "ex.answer_shape": "shape jawaban Anda {got}, seharusnya {expected}.",
        "ex.answer_value": "nilainya belum tepat. Jalankan kodenya dan periksa lagi langkah demi langkah.",
        "ex.returns_none": "fungsi Anda mengembalikan None. Apakah Anda lupa `return`?",
        "ex.returns_count": "untuk {where}, fungsi Anda harus mengembalikan {n} nilai (sebuah tuple).",
        "ex.returned_value": "nilai ke-{k} yang dikembalikan: ",
        "ex.returns_type": "untuk {where}, fungsi Anda mengembalikan {type}, bukan angka atau array.",
        "ex.result_shape": "untuk {where}, hasil Anda berbentuk {got}, padahal seharusnya {expected}.",
        "ex.result_nonfinite": "untuk {where}, hasil Anda mengandung NaN atau inf. Apakah terjadi overflow untuk input yang besar?",
        "ex.result_off": "untuk {where}, hasil Anda belum tepat (selisih terbesar {worst:.3g}).",
    },
}

_env = os.environ.get("NN_CORE_LANG", "en")
_language = _env if _env in LANGUAGES else "en"


def set_language(lang: str) -> None:
    """Set the language of everything nn_core shows a reader: "id" (Indonesian) or "en" (English)."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}; got {lang!r}")
    _language = lang
    from .formatting import install_matplotlib   # figures' tick labels follow the language too

    install_matplotlib()


def get_language() -> str:
    """The current language: "id" or "en"."""
    return _language


def tr(key: str, **values) -> str:
    """The text for ``key`` in the current language, with ``values`` filled in (numbers written
    the way the language writes them: ``0,25`` in Indonesian, ``0.25`` in English)."""
    from .formatting import localize

    return localize(STRINGS[_language][key], **values)


def pick(texts: dict) -> str:
    """From {"id": …, "en": …}, the text in the current language (used by exercises and chapters)."""
    if set(texts) != set(LANGUAGES):
        raise ValueError(f"texts needs exactly the keys {LANGUAGES}; got {sorted(texts)}")
    return texts[_language]
