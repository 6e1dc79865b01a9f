"""The theme's keyboard tab stops, set without stalling a phone. On ``load``, pydata-sphinx-theme
reads ``scrollWidth`` of every code block and output to give the scrollable ones ``tabindex=0``
(keyboard users can then scroll them). On a long chapter that one read lays out the whole page in
one task (≈ 0.4 s on a throttled phone CPU: Lighthouse's "total blocking time"). After the build,
the loop in ``_static/scripts/pydata-sphinx-theme.js`` is rewritten to queue the elements and set
the same tab stops in idle time, a few at a time, after the first frame; ``<html
data-tab-stops="done">`` when all are set. Code blocks are laid out lazily (``content-visibility:
auto`` in bilingual-book.css): each read lays out one block only, and a block is measured again when
it is laid out for the first time."""
from __future__ import annotations

from pathlib import Path

#: pydata-sphinx-theme 0.17's minified loop (the version requirements.txt pins).
THEME_LOOP = ".forEach(e=>{e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1})"
IDLE_LOOP = ".forEach(e=>window.bbTabStop(e))"
IDLE_QUEUE = """\
window.bbTabStop = (function () {
  /* offline_assets/tabstops.py: the theme's tab stops, set in idle time (not one long task) */
  var queue = [], busy = false;
  var later = window.requestIdleCallback || function (f) {
    return setTimeout(function () { f({timeRemaining: function () { return 10; }}); }, 1);
  };
  function set(e) {
    /* a block not laid out yet (content-visibility: auto, far from the screen) has no width to
       measure: it is measured when it is laid out (below), never from its placeholder box */
    var inner = e.firstElementChild;
    if (inner && inner.checkVisibility && !inner.checkVisibility({contentVisibilityAuto: true})) return;
    e.tabIndex = e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight ? 0 : -1;
  }
  function run(deadline) {
    while (queue.length && deadline.timeRemaining() > 5) set(queue.shift());
    if (queue.length) { later(run); return; }
    busy = false;
    document.documentElement.dataset.tabStops = "done";
  }
  /* a block laid out for the first time (content-visibility: auto) is measured again */
  document.addEventListener("contentvisibilityautostatechange", function (event) {
    if (!event.skipped && event.target.tabIndex !== undefined && event.target.matches("pre")) set(event.target);
  }, true);
  return function (e) {
    queue.push(e);
    if (busy) return;
    busy = true;
    document.documentElement.dataset.tabStops = "pending";
    /* after the first frame: what is near the screen is laid out by then */
    requestAnimationFrame(function () { later(run); });
  };
})();
"""


def defer_tab_stops(outdir: Path) -> bool:
    """Rewrite the theme's script; False when it is not there (another theme) or already rewritten.
    Raises if the script is there but its loop is not (a theme update: look at the new code)."""
    script = outdir / "_static" / "scripts" / "pydata-sphinx-theme.js"
    if not script.exists():
        return False
    text = script.read_text(encoding="utf-8")
    if IDLE_LOOP in text:
        return False
    if text.count(THEME_LOOP) != 1:
        raise RuntimeError(f"{script}: the theme's tab-stop loop was not found once; "
                           "pydata-sphinx-theme changed: update _ext/offline_assets/tabstops.py")
    script.write_text(IDLE_QUEUE + text.replace(THEME_LOOP, IDLE_LOOP), encoding="utf-8")
    return True
