/* bilingual_book: the multiple-choice exercises answer in the page (no kernel, no network).
 * Each form (written at build time by quiz.py from the exercise registry) shows the explanation
 * of the chosen option; progress is kept per language and chapter in localStorage
 * ("nn-quiz:<lang>:<chapter>" -> {q4: {choice: "b", right: true, v: "<hash>"}}), and the part
 * pages show it next to each chapter. */
(function () {
  "use strict";
  const lang = document.documentElement.lang || "en";
  const key = (chapter) => "nn-quiz:" + lang + ":" + chapter;
  function load(chapter) {
    try { return JSON.parse(localStorage.getItem(key(chapter)) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(chapter, data) {
    try { localStorage.setItem(key(chapter), JSON.stringify(data)); } catch (e) { /* private mode */ }
  }
  function show(form, choice) {
    let right = false;
    form.querySelectorAll(".nn-quiz__why").forEach((why) => {
      const mine = why.dataset.option === choice;
      why.hidden = !mine;
      if (mine) right = why.dataset.right === "true";
    });
    form.querySelectorAll(".nn-quiz__option").forEach((label) => {
      const input = label.querySelector("input");
      label.classList.toggle("nn-quiz__option--chosen", input.value === choice);
      if (input.value === choice) input.checked = true;
    });
    const why = form.querySelector('.nn-quiz__why[data-option="' + choice + '"]');
    const status = form.querySelector(".nn-quiz__status");
    if (status && why) status.textContent = why.textContent;
    return right;
  }
  function setupQuizzes() {
    document.querySelectorAll("form.nn-quiz").forEach((form) => {
      const chapter = form.dataset.chapter, q = form.dataset.key;
      const saved = load(chapter)[q];
      if (saved && saved.v === form.dataset.answerHash) show(form, saved.choice);
      form.addEventListener("change", (event) => {
        if (!event.target.matches('input[type="radio"]')) return;
        const right = show(form, event.target.value);
        const data = load(chapter);
        data[q] = {choice: event.target.value, right: right, v: form.dataset.answerHash};
        save(chapter, data);
      });
    });
  }
  function setupBadges() {
    document.querySelectorAll(".nn-quiz-badge").forEach((badge) => {
      const data = load(badge.dataset.chapter);
      const done = Object.values(data).filter((x) => x && x.right).length;
      const total = parseInt(badge.dataset.total, 10);
      badge.textContent = badge.dataset.template.replace("{done}", done).replace("{total}", total);
      badge.classList.toggle("nn-quiz-badge--done", done >= total);
      badge.hidden = false;
    });
  }
  function ready() { setupQuizzes(); setupBadges(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
