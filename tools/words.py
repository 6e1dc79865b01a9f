"""Every word the book's tooling writes into a chapter or a generated page, in both languages.

One of the three homes of the book's reader-facing strings (README: "Where the words live"):

* nn_core's runtime text (figures, printed output, exercise feedback): ``nn_core.i18n`` and the
  exercise modules (``msg(id, en)``);
* the HTML book's interface (Sphinx, the themes, the extension's own markup, the JavaScript):
  ``_ext/bilingual_book/id.po``;
* the tooling's words (this module): what ``tools.bilingual`` writes into the generated notebooks
  (check-cell prompts, the setup cell), what ``tools.authoring`` writes around an exercise, the
  glossary pages' heads, and the skeleton ``tools.new_chapter`` writes.

Each entry is ``{"id": …, "en": …}``; ``tests/test_strings.py`` fails when one language is
missing or when the two differ in their ``{placeholders}``. Changing a word that the generated
notebooks hold (the setup cell, a check prompt, the exercise words) makes them stale: run
``make notebooks`` afterwards.
"""
from __future__ import annotations

LANGS = ("id", "en")

WORDS: dict[str, dict[str, str]] = {
    # tools.bilingual: the generated notebooks
    "check_prompt": {"id": "✓ Cek: {what}", "en": "✓ Check: {what}"},
    "check_keyword": {"id": "Cek", "en": "Check"},
    "setup_title": {"id": "⚙️ Persiapan: nn_core dan bahasa halaman ini",
                    "en": "⚙️ Setup: nn_core and this page's language"},
    "setup_comment": {
        "id": ("# Di Colab: pasang nn_core dari repositori buku ini (di komputer sendiri baris ini dilewati),\n"
               "# lalu pilih bahasa untuk gambar, output, dan umpan balik latihan."),
        "en": ("# In Colab: install nn_core from the book's repository (skipped on your own computer),\n"
               "# then choose the language of figures, printed output and exercise feedback."),
    },
    # tools.authoring: around every exercise
    "exercise": {"id": "Latihan", "en": "Exercise"},
    "hint": {"id": "💡 Petunjuk", "en": "💡 Hint"},
    "solution": {"id": "📖 Lihat solusi", "en": "📖 Show solution"},
    # tools.glossary: the glossary pages
    "part": {"id": "Bagian", "en": "Part"},
    "glossary_head": {
        "id": ("# Glosarium\n\nIstilah-istilah yang dipakai buku ini: istilah Inggrisnya, istilah yang kita pakai "
               "dalam bahasa Indonesia (banyak praktisi di Indonesia tetap memakai istilah Inggris), penjelasan "
               "singkat, dan bab tempat istilah itu pertama kali dibahas.\n\n"
               "| Istilah (Inggris) | Di buku ini | Arti singkat | Diperkenalkan di |\n|---|---|---|---|\n"),
        "en": ("# Glossary\n\nThe terms this book uses: the English term, the term the Indonesian edition uses "
               "(many Indonesian practitioners keep the English term), a one-line explanation, and the chapter "
               "that introduces it.\n\n"
               "| Term | In the Indonesian edition | In short | Introduced in |\n|---|---|---|---|\n"),
    },
    # tools.new_chapter: the skeleton of a new chapter (the author replaces the placeholder prose)
    "exercises_heading": {
        "id": ("## 🏋️ Latihan\n\nSaatnya mencoba sendiri. Tulis jawaban Anda di sel kode, jalankan, dan `check` "
               "akan memberi tahu apakah jawabannya sudah benar — atau apa yang keliru. Buntu? Buka petunjuknya "
               "dulu sebelum melihat solusi."),
        "en": ("## 🏋️ Exercises\n\nYour turn. Write your answer in the code cell and run it: `check` tells you "
               "whether it is right — or what is wrong. Stuck? Open the hint before the solution."),
    },
    "skeleton_intro": {
        "id": "Di bab ini kita akan … (tulis pengantar bab di sini).",
        "en": "In this chapter we … (write the chapter's introduction here).",
    },
    "skeleton_section": {"id": "## Contoh pertama", "en": "## A first example"},
}


def word(key: str, lang: str, **fields) -> str:
    """One entry in one language, with its ``{placeholders}`` filled in."""
    text = WORDS[key][lang]
    return text.format(**fields) if fields else text


def by_lang(key: str) -> dict[str, str]:
    """One entry as ``{"id": …, "en": …}``."""
    return dict(WORDS[key])
