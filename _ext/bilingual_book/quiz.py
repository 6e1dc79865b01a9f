"""Practice without a kernel: the multiple-choice exercises answer in the HTML page itself.

At build time every code cell that calls ``ex.qN.check(…)`` for a ``ChoiceExercise`` of the
chapter (``nn_core.exercises.chapter_exercises``, the registry ``check()`` grades from) gets,
just before it, a small form: the options, and for each option the explanation ``check()`` gives
for it, in the page's language. ``static/bilingual-book-quiz.js`` shows the chosen option's
explanation and keeps the reader's progress per chapter in ``localStorage``; the part pages show
it next to each chapter ("2 of 3 right"). No network, no kernel, no copy of the texts that could
drift from the checker's.
"""
from __future__ import annotations

import html
import json
import re

from .strings import s

CELL_START = re.compile(r'<div class="cell(?: [^"]*)?"')
CHECK_CALL = re.compile(r"\bex\s*\.\s*(q\d+)\s*\.\s*check\s*\(")
TAG = re.compile(r"<[^>]+>")
CHAPTER_LINK = re.compile(r'(<li class="toctree-l1"><a class="reference internal" '
                          r'href="((p\d-\d\d[a-z]?-[\w-]+)\.html)">.*?</a>)')


def choice_exercises(chapter: str) -> dict:
    """key -> ChoiceExercise of one chapter ({} when the chapter has none or no module)."""
    try:
        from nn_core.exercises import ChoiceExercise, chapter_exercises
        found = chapter_exercises(chapter)
    except ImportError:
        return {}
    return {ex.key: ex for ex in found if isinstance(ex, ChoiceExercise)}


def _inline(text: str) -> str:
    """The little markdown the option texts use: *emphasis*, `code`."""
    out = html.escape(text)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<em>\1</em>", out)
    return out


def quiz_html(chapter: str, ex, lang: str) -> str:
    qid = f"{chapter}-{ex.key}"
    parts = [f'<form class="nn-quiz" data-chapter="{chapter}" data-key="{ex.key}" '
             f'data-answer-hash="{_answer_hash(chapter, ex)}" onsubmit="return false">',
             f'<fieldset><legend>{html.escape(s("quiz_legend", lang))}</legend>']
    for letter, texts in ex.options.items():
        parts.append(f'<label class="nn-quiz__option"><input type="radio" name="nnq-{qid}" value="{letter}"> '
                     f'({letter}) {_inline(texts[lang])}</label>')
    parts.append("</fieldset>")
    for letter, texts in ex.why.items():
        right = letter == ex.reference
        verdict = s("quiz_right" if right else "quiz_wrong", lang)
        parts.append(f'<div class="nn-quiz__why nn-quiz__why--{"right" if right else "wrong"}" data-option="{letter}" '
                     f'data-right="{str(right).lower()}" hidden><strong>{html.escape(verdict)}</strong> '
                     f'{_inline(texts[lang])}</div>')
    parts.append('<p class="nn-quiz__status visually-hidden" aria-live="polite"></p></form>')
    return "".join(parts)


def _answer_hash(chapter: str, ex) -> str:
    # Only a version stamp (progress of an exercise whose options changed starts over); the right
    # answer itself is in the page, as a printed book's answers are at its back.
    import hashlib
    return hashlib.sha256(json.dumps([chapter, ex.key, sorted(ex.options)]).encode()).hexdigest()[:8]


def add_quizzes(body: str, chapter: str, lang: str) -> tuple[str, int]:
    """Insert a form before each choice exercise's check cell; returns (body, number of forms)."""
    exercises = choice_exercises(chapter)
    if not exercises or "check" not in body:
        return body, 0
    starts = [m.start() for m in CELL_START.finditer(body)] + [len(body)]
    out, last, n = [], 0, 0
    for here, nxt in zip(starts, starts[1:]):
        cell = body[here:nxt]
        end = cell.find("</pre>")
        code = html.unescape(TAG.sub("", cell[:end if end > 0 else len(cell)]))
        m = CHECK_CALL.search(code)
        if not m or m.group(1) not in exercises:
            continue
        out.append(body[last:here])
        out.append(quiz_html(chapter, exercises.pop(m.group(1)), lang))
        last = here
        n += 1
    out.append(body[last:])
    return "".join(out), n


def quiz_totals() -> dict[str, int]:
    """chapter -> number of choice exercises, for the whole book."""
    try:
        from nn_core.exercises import ChoiceExercise, registry
    except ImportError:
        return {}
    totals: dict[str, int] = {}
    for ex in registry():
        if isinstance(ex, ChoiceExercise):
            totals[ex.chapter] = totals.get(ex.chapter, 0) + 1
    return totals


def add_progress_badges(body: str, lang: str) -> str:
    """On a part page: an (empty, filled by the script) progress line after each chapter link."""
    totals = quiz_totals()

    def badge(m):
        total = totals.get(m.group(3))
        if not total:
            return m.group(1)
        template = html.escape(s("quiz_progress", lang), quote=True)
        return (f'{m.group(1)} <span class="nn-quiz-badge" data-chapter="{m.group(3)}" data-total="{total}" '
                f'data-template="{template}" hidden></span>')
    return CHAPTER_LINK.sub(badge, body)
