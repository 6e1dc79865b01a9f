/* bilingual_book: the interface strings that JavaScript writes (Sphinx search, sphinx-copybutton,
 * sphinx-togglebutton) in the page's language, and a search page per language.
 * Loaded on every page after doctools.js, copybutton.js and the togglebutton settings. */
(() => {
  "use strict";
  const lang = document.documentElement.lang;
  const STRINGS = {
    id: {
      sphinx: {
        "Search Results": "Hasil pencarian",
        "Search finished, found ${resultCount} page(s) matching the search query.":
          "Pencarian selesai: ${resultCount} halaman cocok dengan kata kunci Anda.",
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
          "Tidak ada halaman yang cocok. Periksa ejaan kata kuncinya, atau coba kata lain.",
        "Searching": "Mencari",
        "Preparing search...": "Menyiapkan pencarian…",
        ", in ": ", di ",
        "Hide Search Matches": "Sembunyikan sorotan pencarian",
      },
      copy: {
        copy: "Salin",
        copy_to_clipboard: "Salin ke papan klip",
        copy_success: "Tersalin!",
        copy_failure: "Gagal menyalin",
      },
      toggle: { show: "Klik untuk menampilkan", hide: "Klik untuk menyembunyikan" },
    },
  };
  const t = STRINGS[lang];
  if (t) {
    // Sphinx: searchtools.js and sphinx_highlight.js translate through Documentation.gettext.
    if (typeof Documentation !== "undefined" && Documentation.addTranslations) {
      Documentation.addTranslations({ messages: t.sphinx, plural_expr: "0", locale: lang });
    }
    // sphinx-copybutton keeps its strings in the globals `messages` and `locale`.
    if (typeof messages !== "undefined" && typeof locale !== "undefined") {
      messages[lang] = t.copy;
      locale = lang;  // eslint-disable-line no-global-assign
      const english = { "Copy to clipboard": t.copy.copy_to_clipboard, "Copied!": t.copy.copy_success,
                        "Failed to copy": t.copy.copy_failure };
      const fixTitles = (root) => root.querySelectorAll(".copybtn title").forEach((el) => {
        if (english[el.textContent]) el.textContent = english[el.textContent];
      });
      // The scripts are deferred: copybutton may have made its buttons already, in English.
      const fixButtons = () => document.querySelectorAll(".copybtn[data-tooltip]").forEach((el) => {
        if (el.getAttribute("data-tooltip") === "Copy") el.setAttribute("data-tooltip", t.copy.copy);
      });
      fixButtons();
      fixTitles(document);
      document.addEventListener("DOMContentLoaded", () => {
        fixButtons();
        fixTitles(document);
        // the button swaps its icon (with an English <title>) after a click
        new MutationObserver((records) => records.forEach((r) => {
          if (r.target.classList && r.target.classList.contains("copybtn")) fixTitles(r.target);
        })).observe(document.body, { childList: true, subtree: true });
      });
    }
    // sphinx-togglebutton
    if (typeof toggleHintShow !== "undefined") toggleHintShow = t.toggle.show;  // eslint-disable-line no-global-assign
    if (typeof toggleHintHide !== "undefined") toggleHintHide = t.toggle.hide;  // eslint-disable-line no-global-assign
  }

  // A language's search page lists that language's pages (and the bilingual landing page).
  const exclude = document.querySelector('meta[name="bilingual-book:search-exclude"]');
  if (exclude) {
    const prefixes = exclude.content.split(/\s+/).filter(Boolean);
    document.addEventListener("DOMContentLoaded", () => {
      if (typeof Search === "undefined" || !Search._performSearch) return;
      const perform = Search._performSearch;
      Search._performSearch = (...args) =>
        perform.apply(Search, args).filter((r) => !prefixes.some((p) => String(r[0]).startsWith(p)));
    });
  }
})();

/* Boxes that scroll sideways (wide tables and formulas, post-processed at build time) say so
 * when their content is wider than the screen. */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".nn-scroll").forEach((box) => {
      box.classList.toggle("nn-scroll--overflow", box.scrollWidth > box.clientWidth + 1);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark); else mark();
  window.addEventListener("resize", mark);
})();
