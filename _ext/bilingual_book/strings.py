"""The reader-facing strings of the extension's own markup (quizzes, figure labels, offline
copies, progress badges), in both languages. Kept here, next to the code that writes them, so
that a string cannot exist in one language only: ``tests/test_book.py`` checks that every key
has both."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "figure": {"id": "Gambar", "en": "Figure"},
    "figure_in": {"id": "Gambar di bagian “{section}”", "en": "Figure in the section “{section}”"},
    "zoom": {"id": "ketuk untuk memperbesar", "en": "tap to enlarge"},
    "chapters_of": {"id": "Tampilkan atau sembunyikan bab-bab {title}", "en": "Show or hide the chapters of {title}"},
    "animation": {"id": "Animasi: frame yang sedang diputar", "en": "Animation: the frame being played"},
    "animation_slider": {"id": "Frame animasi", "en": "Animation frame"},
    "quiz_legend": {"id": "Coba di sini, tanpa menjalankan kode: pilih satu jawaban",
                    "en": "Try it here, without running any code: pick one answer"},
    "quiz_right": {"id": "✅ Benar.", "en": "✅ Right."},
    "quiz_wrong": {"id": "❌ Belum tepat.", "en": "❌ Not this one."},
    "quiz_progress": {"id": "Latihan pilihan ganda: {done} dari {total} benar",
                      "en": "Multiple-choice exercises: {done} of {total} right"},
    "offline_title": {"id": "Baca tanpa internet", "en": "Read it offline"},
    "offline_text": {"id": "Unduh salinan buku ini (HTML, bisa dibuka tanpa internet dari folder hasil ekstrak):",
                     "en": "Download a copy of the book (HTML; unzip it and open it without an internet connection):"},
    "offline_link": {"id": "Bahasa Indonesia (.zip)", "en": "English (.zip)"},
    "scroll_hint": {"id": "geser ke samping untuk melihat semuanya", "en": "scroll sideways to see it all"},
    "progress_bar": {"id": "Kemajuan", "en": "Progress"},
    "slider": {"id": "Penggeser", "en": "Slider"},
    "widget_figure": {"id": "Gambar yang digambar widget untuk nilai yang dipilih di atas",
                      "en": "Figure the widget drew for the values chosen above"},
}


def s(key: str, lang: str, **kw) -> str:
    text = STRINGS[key]["id" if lang == "id" else "en"]
    return text.format(**kw) if kw else text
